"""Where an investor comes from, as a district's list writes it (投资方所属国家/地区: 中国香港, 广东深圳,
美国, Singapore) → the investor origin zqtracker keeps: domestic, Hong Kong/Macao/Taiwan, foreign.
A place that is none of the known ones stays unknown (a question for the user), never guessed."""

from __future__ import annotations

import re
import unicodedata

from zqtracker.domain.models import InvestorOrigin

_HMT = ("香港", "澳门", "台湾", "港澳台", "hongkong", "hong kong", "macao", "macau", "taiwan", "hk")
_DOMESTIC = (
    "中国", "国内", "境内", "省内", "市内", "本地", "本市", "china", "prc", "mainland",
    # provinces, autonomous regions and municipalities (the mainland's 31)
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西",
    "西藏", "宁夏", "新疆",
    # cities investors commonly come from, written without their province
    "深圳", "广州", "佛山", "东莞", "珠海", "中山", "江门", "惠州", "肇庆", "杭州", "南京", "苏州", "宁波", "厦门",
    "武汉", "成都", "西安", "长沙", "青岛", "无锡", "合肥", "郑州", "济南", "福州",
)  # fmt: skip
_FOREIGN = (
    "美国", "日本", "韩国", "德国", "法国", "英国", "意大利", "西班牙", "荷兰", "比利时", "瑞士", "瑞典", "挪威",
    "丹麦", "芬兰", "奥地利", "爱尔兰", "卢森堡", "葡萄牙", "希腊", "波兰", "俄罗斯", "加拿大", "墨西哥", "巴西",
    "阿根廷", "智利", "澳大利亚", "新西兰", "新加坡", "马来西亚", "泰国", "越南", "印度尼西亚", "印尼", "菲律宾",
    "印度", "以色列", "阿联酋", "沙特", "卡塔尔", "土耳其", "南非", "埃及", "英属维尔京群岛", "维尔京群岛", "开曼群岛",
    "开曼", "百慕大", "萨摩亚", "毛里求斯", "欧盟", "欧洲",
    "usa", "united states", "u.s.", "us", "japan", "korea", "germany", "france", "united kingdom", "uk", "italy",
    "spain", "netherlands", "belgium", "switzerland", "sweden", "norway", "denmark", "finland", "austria", "ireland",
    "luxembourg", "canada", "mexico", "brazil", "australia", "new zealand", "singapore", "malaysia", "thailand",
    "vietnam", "indonesia", "philippines", "india", "israel", "uae", "saudi arabia", "turkey", "south africa",
    "british virgin islands", "bvi", "cayman islands", "bermuda", "samoa",
)  # fmt: skip


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def origin_of_place(text: str) -> InvestorOrigin | None:
    """The origin a place names, or None when it is not a place known here. Hong Kong, Macao and
    Taiwan are looked for first ("中国香港" is not domestic); a Latin name must be the whole cell
    ("us", "uk" are not found inside other words)."""
    key = _fold(text)
    if not key or len(key) > 30:
        return None
    latin = key.isascii()
    for whole, inside, origin in _GROUPS:
        if key in whole or (not latin and inside.search(key)):
            return origin
    return None


# Each group in the order looked for: its Latin names (the whole cell) and its Chinese ones (anywhere in it).
_GROUPS = tuple(
    (
        frozenset(w for w in words if w.isascii()),
        re.compile("|".join(re.escape(w) for w in words if not w.isascii()) or "(?!)"),
        origin,
    )
    for words, origin in (
        (_HMT, InvestorOrigin.HK_MACAO_TAIWAN),
        (_FOREIGN, InvestorOrigin.FOREIGN),
        (_DOMESTIC, InvestorOrigin.DOMESTIC),
    )
)
