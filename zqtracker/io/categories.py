"""Names that are a class of projects, not a project: a count (3个, a bare 5), a size class (亿元以上项目,
5000万元以上项目), a stage or status class (签约项目, 新开工项目, 在谈项目, 端州区重点项目) or a sector alone
(先进制造业, 生物医药 — industry words and nothing else). A summary table puts them where a list puts names
(io/summary_table.py); a list's own rows never read so (年产30万个轮毂项目, 小鹏汽车二期 are projects)."""

from __future__ import annotations

import re

from zqtracker.io.evidence import SECTOR_WORDS
from zqtracker.io.values import fold

_COUNT_RE = re.compile(r"^\d+(?:\.0+)?\s*(?:个|项|宗)?(?:项目)?$")
_AMOUNT = (
    r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千]+)?\s*(?:万|千万|亿)\s*元?\s*(?:[（(]含[)）])?\s*(?:及)?\s*"
    r"(?:以上|以下|以内)?"
)
_TO = r"\s*[-—－~～至到]\s*"
_SIZE_RE = re.compile(rf"^(?:\d+(?:\.\d+)?{_TO})?{_AMOUNT}(?:{_TO}{_AMOUNT})?\s*(?:的)?(?:项目)?$")
_PLACE = r"(?:[\u4e00-\u9fff]{1,10}?(?:区|县|市|镇|开发区|园区))?"
_WHEN = r"(?:本月|本年|今年|全年|当月|年度|本季度|累计|1-\d{1,2}月)?"
_CLASS = (
    r"(?:新签约|签约|签订|新开工|开工|动工|续建|在建|竣工|投产|建成|达产|在谈|洽谈|储备|前期|谋划|预备|入库|落地|"
    r"新引进|引进|招商|新增|新|已|拟|省重点|市重点|县重点|区重点|重点|产业|工业|外资|内资|亿元以上|十亿元以上|"
    r"政府投资|社会投资|民间投资|其他|其它)"
)
# 签约项目, 新开工项目, 竣工投产项目, 本月新签约项目, 端州区重点项目 — a stage or status class, perhaps a place's
STAGE_CLASS_RE = re.compile(rf"^{_PLACE}{_WHEN}{_CLASS}{{1,4}}(?:的)?项目(?:数|个数|情况)?$")
_MODIFIERS = ("战略性", "新兴", "现代", "先进", "高端", "传统", "优势", "特色", "主导", "绿色", "其他", "其它",
              "新", "大", "业", "类", "领域", "、", "和", "及", "与", "等", "/")  # fmt: skip
_VOCABULARY = tuple(sorted({*SECTOR_WORDS, *_MODIFIERS}, key=len, reverse=True))


def is_category(value: object, known_sectors: frozenset[str] = frozenset()) -> bool:
    """Whether a name cell names a class of projects rather than one (see the module's doc)."""
    if value.__class__ in (int, float):
        return True  # 项目 | 5: the count of a group's projects
    if not isinstance(value, str):
        return False
    text = fold(value).strip()
    if not text:
        return False
    if _COUNT_RE.match(text) or (_SIZE_RE.match(text) and ("万" in text or "亿" in text)):
        return True
    if STAGE_CLASS_RE.match(text):
        return True
    return text in known_sectors or _sector_alone(text)


def _sector_alone(text: str) -> bool:
    """先进制造业, 新能源汽车, 新能源（储能）, 电子信息类: industry words and nothing else (no project noun, no
    place, no enterprise)."""
    rest = re.sub(r"[（()）\s]", "", text)
    if not rest or len(rest) > 14:
        return False
    for word in _VOCABULARY:
        rest = rest.replace(word, "")
        if not rest:
            return True
    return False
