"""What a sheet says about all its rows: the district, the stage, the year, found in its title
rows, its name or its 填报单位 line ("萝岗区明细表", "谋划（在谈）项目库", "填报单位：高要区投资促进局").

Single-zone lists carry their district there instead of in a column; negotiating lists carry
their stage there instead of in a status column. Only what is said plainly counts: a title naming
two stages ("（在建、预备）") says none, a city in a title ("南平市…") is the city, not a district.
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
_LEVELS = {"市本级": "市本级", "市直": "市本级", "县级": None, "省级": None, "市级": "市本级", "区本级": "区本级"}


def place_in_text(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The district a title, sheet name or 填报单位 names: a known district first (longest), else a
    place ending in 区 / 县 / 新区 / 开发区 / 园区 (a city — 市 — is not a district)."""
    key = _fold(text)
    hits = sorted((d for d in known if d and d in key), key=len, reverse=True)
    if hits:
        return hits[0]
    for m in _PLACE_RE.finditer(key):
        start = m.start()
        head = start
        while head > 0 and _is_cjk(key[head - 1]) and key[head - 1] not in _STOP_CHARS and start - head < 8:
            head -= 1
        name = key[head : m.end()]
        if len(name) - len(m.group(1)) < 1 or name in _GENERIC or name.endswith(("本区", "全区")):
            continue
        return name
    return None


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
