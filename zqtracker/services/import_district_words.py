"""District cells of a city's list that are not one district's name as it stands (import_views.py reads them).

- "肇庆高新区（大旺）", "大旺（肇庆高新区）": a district with a remark or its old name in brackets is the side
  that is a district — the one known or written, or named like one (ends in 区 / 县 / 市, a zone's kind).
  The other side, written alone elsewhere in the same import ("大旺"), is that district too.
- 跨区, 跨县区, 两区共建, 多区共建, 全市: several districts or none — a problem of the row, like "怀集县、广宁县".
- 市直, 市级: the city-level projects bureaus group as a district; read as 市本级, the name a level group row
  ("一、市直项目") gives them (io/context.py), so a list and a sectioned list count them in one district.
- 大旺, 大旺高新区, 大旺开发区, 肇庆大旺: the old name of 肇庆高新区 (io/context.py), read as it with a note.
- A new name, none of the county-level endings, in a database that holds districts ("马安" beside a stored
  肇庆高新区): no rule knows an old or local name, so its rows are asked about, naming the stored districts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from zqtracker.io.context import is_level, level_of, zone_of_old_name

_BRACKETED_RE = re.compile(r"^\s*([^()（）]+?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")
# what a bracket says before an old name: 肇庆高新区（原大旺） — "formerly", "that is", "also called"
_OLD_NAME_HEADS = ("原名", "原称", "旧称", "又称", "简称", "俗称", "原", "即")
# rows of several districts or of none: 跨区, 跨县区, 两区共建, 多区共建, 市区共建, 全市
_LIST_RE = re.compile(r"[、/／，,;；+＋]")
# what a bracket says that is a remark, never a name: 端州区（待定）, 鼎湖区（拟）, 高要区（暂定）
_REMARK_CHARS = frozenset("待暂拟未含注另新增等")
_NOT_ONE_RE = re.compile(
    r"^(?:跨[县市区镇域、（）()]{1,6}|[两多数各][县市区镇、]{1,4}(?:共建|联建|合建)?|[\u4e00-\u9fff、\-－]{0,10}共建|全[市省]域?|市域)$"
)
_COUNTY_ENDS = ("区", "县", "市", "旗")
_CITY_LEVEL = "市本级"
STORED_SHOWN = 12  # stored districts a question names at most


def bracketed(written: set[str], known: frozenset[str], rank: Callable[[str], int]) -> tuple[dict[str, str], set[str]]:
    """A district cell with a bracket → the side more surely a district (``rank``: 2 known or named like
    one, 1 written alone elsewhere, 0 neither); then the other side written alone → that district too (the
    import says so itself). Also the cells whose both sides are districts alike ("鼎湖区（含肇庆新区）"):
    which one the project is counted in is not said."""
    read: dict[str, str] = {}
    both: set[str] = set()
    old: dict[str, set[str]] = {}
    for v in written - known:
        m = _BRACKETED_RE.match(v)
        if m is None:
            continue
        outer, inner = m[1], m[2]
        if _LIST_RE.search(outer + inner):  # 肇庆新区（端州、鼎湖）: a list, one district's parts — left as written
            continue
        outer_is, inner_is = rank(outer), rank(inner)
        if outer_is == inner_is and outer_is and outer != inner:
            both.add(v)
        elif outer_is != inner_is:
            district, other = (outer, inner) if outer_is > inner_is else (inner, outer)
            read[v] = district
            old.setdefault(_old_name(other), set()).add(district)
    for name, districts in old.items():  # "大旺" alone beside "肇庆高新区（大旺）" (and "高新区（原大旺）")
        longest = max(districts, key=len)
        if (
            name in written
            and name not in known
            and len(name) >= 2
            and not _REMARK_CHARS & set(name)
            and all(longest.endswith(d) for d in districts)
        ):
            read[name] = longest
    return read, both


def _old_name(text: str) -> str:
    head = next((h for h in _OLD_NAME_HEADS if text.startswith(h) and len(text) > len(h) + 1), "")
    return text[len(head) :].lstrip("：:")


def not_one_district(text: str) -> bool:
    """跨区, 两区共建, 全市: a row of several districts or none, which statistics per district cannot count."""
    return _NOT_ONE_RE.match(text.strip()) is not None


def city_level(written: set[str], known: frozenset[str]) -> dict[str, str]:
    """市直, 市级 → 市本级 (or the level word the database already holds, if it holds one)."""
    stored = sorted(d for d in known if is_level(d) and level_of(d) == _CITY_LEVEL)
    target = _CITY_LEVEL if not stored or _CITY_LEVEL in stored else stored[0]
    return {v: target for v in written - known if v != target and is_level(v) and level_of(v) == _CITY_LEVEL}


def old_zone_names(written: set[str], known: frozenset[str]) -> dict[str, str]:
    """大旺, 大旺高新区, 肇庆大旺 → 肇庆高新区: the zone an old name of it means (io/context.py), on a fresh
    database too — unless the database keeps the zone under an old name of its own (大旺高新区 stored): then
    that name, as the short forms read it."""
    kept = {zone_of_old_name(d) for d in known} - {None}
    read = {v: zone for v in written - known if (zone := zone_of_old_name(v)) is not None}
    return {v: zone for v, zone in read.items() if zone not in kept and v != zone}


def unknown_place(text: str, known: frozenset[str]) -> bool:
    """A new district that no county-level name ends like, in a database holding districts: "马安"."""
    return (
        bool(known)
        and 2 <= len(text) <= 8
        and all("\u4e00" <= ch <= "\u9fff" for ch in text)
        and not text.endswith(_COUNTY_ENDS)
        and not is_level(text)
    )


def said_of(used: list, said: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The user's answers (--district-map 高要区=高要市) that read a name as another, and of them those the
    sheets ``used`` write, for the import's note: a renamed district (行政区划调整) is never read silently."""
    said = {w: d for w, d in said.items() if w != d}
    written = {v for sa in used for v in sa.plan.values["district"] if isinstance(v, str)}
    return said, {w: d for w, d in said.items() if w in written}
