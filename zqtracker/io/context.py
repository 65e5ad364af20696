"""What a sheet says about all its rows: the district, the stage, the year, found in its title
rows, its name or its 填报单位 line ("萝岗区明细表", "谋划（在谈）项目库", "填报单位：高要区投资促进局").

Single-zone lists carry their district there instead of in a column; negotiating lists carry
their stage there instead of in a status column. Only what is said plainly counts: a title naming
two stages ("（在建、预备）") says none, a city in a title ("南平市…") is the city, not a district, and
a title or sheet that groups its rows by place ("…重点建设项目分县（市、区）汇总表", a sheet "按地区")
names no district at all.
"""

from __future__ import annotations

import re
import unicodedata

from zqtracker.domain.status import Status, status_of_word

# Stage words that titles, sheet names and section rows use, with what they mean for their rows.
# Intent words come first: 加速签约 lists projects still being negotiated, 促竣工 ones still building.
_TITLE_STATUS: tuple[tuple[str, Status], ...] = tuple(
    sorted(
        (
            ("加速签约", Status.LEAD), ("促签约", Status.LEAD), ("推动签约", Status.LEAD), ("争取签约", Status.LEAD),
            ("力促签约", Status.LEAD), ("拟签约", Status.LEAD), ("待签约", Status.LEAD), ("谋划", Status.LEAD),
            ("在谈", Status.LEAD), ("洽谈", Status.LEAD), ("研判", Status.LEAD), ("意向", Status.LEAD),
            ("促开工", Status.PREPARING), ("加快开工", Status.PREPARING), ("推动开工", Status.PREPARING),
            ("拟开工", Status.PREPARING), ("待开工", Status.PREPARING), ("拟建", Status.PREPARING),
            ("计划新开工", Status.PREPARING), ("前期", Status.PREPARING), ("预备", Status.PREPARING),
            ("储备", Status.PREPARING), ("筹建", Status.PREPARING), ("报批", Status.PREPARING),
            ("促竣工", Status.UNDER_CONSTRUCTION), ("促投产", Status.UNDER_CONSTRUCTION),
            ("续建", Status.UNDER_CONSTRUCTION), ("新开工", Status.UNDER_CONSTRUCTION),
            ("在建", Status.UNDER_CONSTRUCTION), ("开工建设", Status.UNDER_CONSTRUCTION),
            ("竣工投产", Status.IN_PRODUCTION), ("建成投产", Status.IN_PRODUCTION), ("已投产", Status.IN_PRODUCTION),
            ("竣工", Status.IN_PRODUCTION), ("投产", Status.IN_PRODUCTION), ("完工", Status.IN_PRODUCTION),
            ("签约落地", Status.SIGNED), ("已签约", Status.SIGNED), ("签约", Status.SIGNED), ("落地", Status.SIGNED),
            ("停缓建", Status.ON_HOLD), ("停建", Status.ON_HOLD), ("缓建", Status.ON_HOLD),
            ("终止", Status.CANCELLED),
        ),
        key=lambda kv: -len(kv[0]),
    )
)  # fmt: skip


def status_in_text(text: str) -> Status | None:
    """The one stage a title, sheet name or section names; None when it names none or several."""
    key = _fold(text)
    found: set[Status] = set()
    for word, status in _TITLE_STATUS:
        if word in key:
            found.add(status)
            key = key.replace(word, "|")
    if len(found) == 1:
        return found.pop()
    return None


def status_of_section(text: str) -> Status | None:
    """A section row that is a stage group ("（一）在建（11项）", "新开工项目"): its stage."""
    stripped = re.sub(r"[(（][^)）]*[)）]", "", text).strip()
    return status_of_word(stripped) or (status_in_text(stripped) if len(stripped) <= 8 else None)


# -- places ------------------------------------------------------------------------------------------
_PLACE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "高新区", "开发区", "新区", "园区", "管委会", "自治县", "区",
                   "县")  # fmt: skip
_STOP_CHARS = "年月日度省市的和与及、，,（）()·：:第全本各该辖"
_GENERIC = {"全区", "本区", "辖区", "各区", "城区", "市区", "园区", "新区", "开发区", "社区", "景区", "片区", "小区",
            "校区", "厂区", "功能区", "高新区", "示范区", "县区", "区县", "地区", "山区", "库区", "矿区", "工业区",
            "产业园区", "集聚区", "先行区", "试验区", "自贸区", "保税区", "合作区"}  # fmt: skip
_PLACE_RE = re.compile("(" + "|".join(re.escape(s) for s in _PLACE_SUFFIXES) + ")")
# Words of a report's title, never of a place's name: a name read backwards from its suffix ends
# where one of them ends ("…重点建设项目分县" → "分县", "市重点项目高要区" → "高要区").
_REPORT_WORDS = ("重点", "项目", "汇总", "统计", "一览", "明细", "名单", "清单", "情况", "计划", "台账", "报表")
# A word that sorts or points at places instead of naming one, before a bare suffix or generic
# word: 分县, 分区, 按地区, 按区域, 各县, 我区, 全区 — "by county", "by area", "each district", "our district".
_GROUPING_HEADS = "分按各全本该每逐我其"
_BARE = _GENERIC | set(_PLACE_SUFFIXES) | {"市", "镇", "乡", "区域", "县市", "市县", "县市区", "镇街", "乡镇"}
# County-level cities (县级市) of Guangdong: a district of its prefecture although named 市 (四会市 of
# 肇庆): a title "四会市2024年签约项目清单" names its district. Others are known once the database has them.
_COUNTY_CITIES = ("乐昌市", "南雄市", "台山市", "开平市", "鹤山市", "恩平市", "廉江市", "雷州市", "吴川市",
                  "高州市", "化州市", "信宜市", "四会市", "兴宁市", "陆丰市", "阳春市", "英德市", "连州市", "普宁市",
                  "罗定市")  # fmt: skip
_LEVELS = {"市本级": "市本级", "市直": "市本级", "县级": None, "省级": None, "市级": "市本级", "区本级": "区本级"}


_TWO_PLACES_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:区|县|市)\s*[、和及与,，/]\s*[\u4e00-\u9fff]{1,6}(?:区|县|市)")


def place_in_text(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The district a title, sheet name or 填报单位 names: a known district first (longest), else a
    place ending in 区 / 县 / 新区 / 开发区 / 园区 (a city — 市 — is not a district). Never a phrase
    that groups rows by place or belongs to the report's wording (分县, 按地区, 重点建设项目…)."""
    key = _fold(text)
    if _TWO_PLACES_RE.search(key):  # 端州区、鼎湖区2024年签约项目: which row is whose is not said
        return None
    hits = sorted((d for d in known if len(d) >= 2 and d in key and _names_a_place(d)), key=len, reverse=True)
    if hits:
        return hits[0]
    city = next((c for c in _COUNTY_CITIES if c in key), None)
    if city is not None:
        return city
    for m in _PLACE_RE.finditer(key):
        start = m.start()
        head = start
        while (
            head > 0
            and _is_cjk(key[head - 1])
            and key[head - 1] not in _STOP_CHARS
            and start - head < 8
            and not key[:head].endswith(_REPORT_WORDS)
        ):
            head -= 1
        name = key[head : m.end()]
        if len(name) - len(m.group(1)) < 1 or name in _GENERIC or name.endswith(("本区", "全区")):
            continue
        if _names_a_place(name):
            return name
    return None


def _names_a_place(name: str) -> bool:
    """Not a grouping ("分县", "按地区", "各区县") and holding no word of a report's title."""
    if name[:1] in _GROUPING_HEADS and name[1:] in _BARE:
        return False
    return not any(w in name for w in _REPORT_WORDS)


# What follows a district in an address (建设地点 "广宁县南街镇", "端州区城东街道xx路8号"): a town,
# street, village or road inside it. A list of districts ("广宁县、封开县") or a second county-level
# place ("…县…区") is no address.
_TOWN_MARKS = ("镇", "乡", "街道", "街", "村", "社区", "路", "大道", "巷", "号", "办事处", "居委会")
_LIST_MARKS = "、,，;；/和及与"


def is_county_city(text: str) -> bool:
    """A county-level city of the province (四会市), a district though no list has it yet."""
    return _fold(text) in _COUNTY_CITIES


def district_of_address(text: str, known: frozenset[str], hint: str | None = None) -> str:
    """The district an address begins with: "广宁县南街镇" → "广宁县" when 广宁县 is a known
    district or the one the sheet's title names (``hint``) and the rest is a town, street,
    village or road; the rest itself when it is a known district (a database of towns). Any other
    text as it is: a district alone, a list of districts, an address of a district not known."""
    key = _fold(text)
    places = {d for d in (*known, hint) if d and len(d) >= 2}
    if key in places:
        return text
    province = _PROVINCE_HEAD_RE.match(key)  # "广东省肇庆市端州区…"
    if province is not None:
        inner = district_of_address(province[1], known, hint)
        return inner if inner != province[1] or inner in places else text
    for d in sorted((d for d in {*places, *_COUNTY_CITIES} if key.startswith(d)), key=len, reverse=True):
        if d not in places and not _in_place(key[len(d) :]):
            continue  # a county-level city not known yet: only before a town ("四会市东城街道")
        rest = key[len(d) :]
        if rest in known:
            return rest
        if _in_place(rest) or (d in places and _is_area_part(rest)):  # (怀集县产业园 under a 怀集县 title)
            return d
    m = _COUNTY_HEAD_RE.match(key)  # no district known yet: "德庆县德城街道", "高要区金利镇"
    if m is not None and (
        is_address(m[2]) or m[2] in _PARKS or (_is_town_part(m[2]) and not any(ch in m[2] for ch in "区县市"))
    ):
        return m[1]
    city = _CITY_HEAD_RE.match(key)  # "肇庆市端州区城东街道": the city, then the address in it
    if city is not None and city[1] not in _COUNTY_CITIES:
        inner = district_of_address(city[2], known, hint)
        if inner != city[2] or inner in places:
            return inner
    if zone_of_old_name(key) is not None:  # 大旺, 大旺高新区, 大旺亚铝大道: the zone's, read with a note
        return text
    if hint and key not in known and (_BARE_TOWN_RE.match(key) or is_address(key)):
        return hint  # 金利镇, 亚铝大道北 under a 高要区 title: a town or an address of it
    return text


# What ends the name of a road, street, number, village or industrial park (亚铝大道北, 工业大道8号, 金渡工业园):
# an address in a district, never a district, county or park of its own
_ADDRESS_ENDS = tuple(
    sorted(
        ("大道", "大道东", "大道南", "大道西", "大道北", "大道中", "路", "街", "巷", "号", "号楼", "号院", "村",
         "工业园", "工业园区", "产业园", "产业园区", "科技园", "园区", "工业区", "社区", "大厦"),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def is_address(text: str) -> bool:
    """A road, street, building, village or industrial park alone ("亚铝大道北", "工业大道8号", "金渡工业园"):
    no county-level place in it (高要区金渡工业园 is 高要区's, read by district_of_address) and no list."""
    key = _fold(text)
    end = next((e for e in _ADDRESS_ENDS if key.endswith(e)), None)
    if end is None:
        return False
    head = key[: -len(end)]
    return (
        1 <= len(head) <= 24
        and not any(ch in "省市县区" for ch in head)
        and all(ch.isalnum() or ch in "-－#" for ch in head)  # (no list: "、", "/" are neither)
    )


# The place a zone of the city was named for before it took the city's name: 大旺 (大旺高新区, 大旺开发区,
# 肇庆大旺) is 肇庆高新区. Facts of this city's zones only — towns are not listed (no town → county table).
_OLD_ZONE_NAMES = {"大旺": "肇庆高新区"}
_OLD_ZONE_RE = re.compile(
    r"^(?:广东省)?(?:肇庆市?)?(" + "|".join(_OLD_ZONE_NAMES) + r")(?:国家级)?"
    r"(?:高新技术产业开发区|高新技术开发区|高新区|经济技术开发区|经济开发区|开发区|工业园区|工业园|产业园|园区|区)?"
    r"(?:管委会|管理委员会)?(.*)$"
)


def zone_of_old_name(text: str) -> str | None:
    """The zone an old name of it means ("大旺", "大旺高新区", "肇庆大旺" → 肇庆高新区), alone or before a
    town or an address in it ("大旺亚铝大道北"); None for any other text."""
    m = _OLD_ZONE_RE.match(_fold(text))
    if m is None or (m[2] and not (_is_town_part(m[2]) or is_address(m[2]))):
        return None
    return _OLD_ZONE_NAMES[m[1]]


# A town, township or street alone (金利镇, 南岸街道), no county-level place in it
# A park named with its county alone after it (怀集县产业园, 鼎湖区工业园区): the county's, as an address is
_PARKS = frozenset(("产业园", "产业园区", "工业园", "工业园区", "高新园", "科技园", "园区"))
_BARE_TOWN_RE = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:镇|乡|街道|街道办|街道办事处|办事处)$")


_PROVINCE_HEAD_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}省(.{2,})$")
_CITY_HEAD_RE = re.compile(r"^([\u4e00-\u9fff]{2,3}市)(.{2,})$")
_COUNTY_HEAD_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:自治县|县|区))(.+)$")
_AREA_WORDS = ("片区", "园区", "社区", "小区", "景区", "工业区", "产业园", "园")


def _is_area_part(rest: str) -> bool:
    """What follows a known district in 建设地点 ("肇庆高新区大旺", "肇庆新区砚阳湖片区"): a part of it
    — a short name without a list or a second district in it."""
    return (
        2 <= len(rest) <= 8
        and all(_is_cjk(ch) for ch in rest)
        and (not rest.endswith(("区", "县", "市")) or rest.endswith(_AREA_WORDS))
    )


def _in_place(rest: str) -> bool:
    """A town, street, road or industrial park after a district's name ("南街镇", "金渡工业园")."""
    return _is_town_part(rest) or is_address(rest)


def _is_town_part(rest: str) -> bool:
    return (
        len(rest) >= 2
        and not any(ch in _LIST_MARKS for ch in rest)
        and not rest.endswith(("区", "县", "市"))
        and any(w in rest for w in _TOWN_MARKS)
    )


def level_of(text: str) -> str | None:
    """A level group ("一、市本级（48项）"): the district word rows under it are kept under."""
    key = _fold(re.sub(r"[(（][^)）]*[)）]", "", text))
    return _LEVELS.get(key)


def is_level(text: str) -> bool:
    key = _fold(re.sub(r"[(（][^)）]*[)）]", "", text))
    return key in _LEVELS


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
