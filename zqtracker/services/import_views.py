"""Before matching: rows of one workbook that are one project, and districts written short.

Published key-project lists show one list several ways — by level (分级管理) and by sector (分行业) —
so the same project appears on two sheets, each sheet knowing part of it (its level from one, its
sector from the other). Such rows are one project: the first row carries what both say, the later
row becomes a *view* of it (its monthly figures still count for that project). Two rows that say
different things of one field are a problem of the later row, shown with both values — except in a
workbook with a sheet per month (9月, 10月): what changes from month to month (形象进度, the stage,
remarks) is the latest month's.

A district written without its suffix ("高要" for "高要区") is read as the full name — one the
database holds or one written elsewhere in the same import — and a zone written without its city
("高新区" for a stored "肇庆高新区") as the one district that is a place plus that zone. A district
cell naming several districts ("怀集县、广宁县") is a problem of its row: a project is counted in one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from zqtracker.domain.errors import Problem
from zqtracker.domain.hanzi import same_in_simplified, simplified
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.domain.status import Status
from zqtracker.io.context import district_of_address
from zqtracker.io.layout import PROJECTS
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_district_words import (
    STORED_SHOWN,
    bracketed,
    city_level,
    not_one_district,
    old_zone_names,
    said_of,
    unknown_place,
)
from zqtracker.services.import_matching import company_key, district_key, name_key
from zqtracker.services.import_model import SheetAnalysis, add_problem
from zqtracker.services.import_parks import names_no_district, parks_of_the_sheets_district
from zqtracker.services.import_rounded_views import note_rounded, plans_rounding

_MERGED = tuple(f for f in PROJECT_FIELDS if f != "name")  # the name is what matches the rows
OF_THE_MONTH = frozenset(("progress_note", "status", "notes"))  # what a later month's report may change
_SUFFIXES = ("区", "县", "市", "新区", "镇", "街道", "开发区", "高新区")
# Zones every city has, named by their kind alone: written so, the one known district that is a
# place plus that kind ("肇庆高新区"). Only these — "西湖区" is a place of its own, not "东西湖区".
_ZONES = frozenset(
    ("高新区", "开发区", "经开区", "农高区", "经济开发区", "经济技术开发区", "高新技术产业开发区", "新区")
)
# A zone's full name and its short one (肇庆高新技术产业开发区 is 肇庆高新区)
_ZONE_SHORT = (
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("国家高新区", "高新区"),
    ("经济技术开发区", "经开区"),
)
_TOWN_ENDS = ("镇", "乡", "街道", "街办")
_COUNTY_IN_RE = re.compile("[区县市]")  # 高要区金利镇、蛟塘镇: the county's towns, written with it
_CITY_BEFORE_RE = re.compile(r"^(?:广东省)?[\u4e00-\u9fff]{2,3}市([\u4e00-\u9fff]{2,6}(?:区|县|市))$")
_LIST_SEPARATORS = re.compile(r"\s*[、/／，,;；+＋]\s*")
_CONJUNCTIONS = "和及与"
_GROUPING_HEADS = "全各本该每我其分按"  # 全市, 各县区: rows grouped by place, no place
_PUNCTUATION_RE = re.compile(r"[\s.,，。·]+")  # (compared without: "ABC Co., Ltd." is "ABC CO.,LTD")


def merge_views(sheets: list[SheetAnalysis]) -> int:
    """Mark rows that repeat a project of an earlier sheet as views of it; returns how many. In a
    list of projects with a 月份 column, a project's later rows of its own sheet that give a month are
    views of its first row too (one row per project and month, as statistics systems export them);
    the months' figures stay each row's, and two different figures for one month remain a problem."""
    lists = [sa for sa in sheets if sa.selected and sa.plan is not None and sa.layout.kind == PROJECTS]
    if len(lists) < 2 and not any(sa.plan is not None and sa.plan.row_months for sa in lists):
        return 0
    first_of: dict[object, tuple[int, int, str | None, str | None]] = {}  # key → (sheet index, k, district, enterprise)
    by_name: dict[str, list[tuple[int, int, str | None, str | None]]] = {}
    views = 0
    for i, sa in enumerate(sheets):
        if not sa.selected or sa.plan is None or sa.layout.kind != PROJECTS:
            continue
        plan = sa.plan
        codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
        enterprises = plan.column("enterprise")
        monthly = plan.row_months
        local: list[tuple[object, int, str | None, str | None, str | None]] = []
        for k in range(len(plan)):
            code, name = codes[k], names[k]
            if not name and not code:
                continue
            dk = district_key(districts[k])
            nk = name_key(name) if name else None
            own = monthly is not None and monthly[k] is not None  # a row of its month: may repeat this sheet's
            earlier = first_of.get(("code", code)) if code else None
            if earlier is not None and earlier[0] == i and not own:
                earlier = None
            if earlier is None and nk is not None:
                alike = [
                    e for e in by_name.get(nk, ()) if (e[0] != i or own) and (e[2] is None or dk is None or e[2] == dk)
                ]
                if own and enterprises[k]:  # of its own sheet: another enterprise's project of one name is another
                    company = company_key(enterprises[k])
                    alike = [e for e in alike if e[0] != i or not e[3] or company_key(e[3]) == company]
                earlier = alike[0] if len(alike) == 1 else _of_enterprise(alike, enterprises[k])
            if earlier is not None and (earlier[0] != i or own):
                _merge(sheets, earlier[0], earlier[1], i, k)
                sa.views[k] = (earlier[0], earlier[1])
                if earlier[0] == i:
                    sa.month_rows[k] = earlier[1]
                views += 1
                continue
            if monthly is not None:  # the sheet's later rows may be this project's other months
                _remember(first_of, by_name, code, nk, (i, k, dk, enterprises[k]))
            else:
                local.append((code, k, nk, dk, enterprises[k]))
        for code, k, nk, dk, enterprise in local:
            _remember(first_of, by_name, code, nk, (i, k, dk, enterprise))
    return views


def _remember(first_of: dict, by_name: dict, code: object, nk: str | None, entry: tuple) -> None:
    if code:
        first_of.setdefault(("code", code), entry)
    if nk is not None:
        by_name.setdefault(nk, []).append(entry)


def _of_enterprise(alike: list[tuple[int, int, str | None, str | None]], enterprise: str | None) -> tuple | None:
    """Of earlier rows of a row's name (two enterprises' projects of one name), the row's enterprise's
    (compared as the matcher compares them); else the first."""
    if enterprise and len(alike) > 1:
        company = company_key(enterprise)
        return next((e for e in alike if e[3] and company_key(e[3]) == company), alike[0])
    return alike[0] if alike else None


def _merge(sheets: list[SheetAnalysis], i0: int, k0: int, i: int, k: int) -> None:
    first, later = sheets[i0], sheets[i]
    p0, p = first.plan, later.plan
    assert p0 is not None and p is not None
    n0 = len(p0)
    rows = p.row_months if i == i0 else None
    months = (rows[k0], rows[k]) if rows is not None else (_month_of(p0), _month_of(p))
    newer = None if months[0] is None or months[1] is None or months[0] == months[1] else months[1] > months[0]
    refused = {cp.problem.field for cp in p.problems.get(k, ())}  # a value its row is refused for is no one's
    for f in _MERGED:
        col = p.values.get(f)
        if col is None or col[k] is None or f in refused:
            continue
        target = p0.values.setdefault(f, [None] * n0)
        if target[k0] is None:
            target[k0] = col[k]
        elif target[k0] != col[k] and newer is not None and f in OF_THE_MONTH:
            if newer:  # 10月's 形象进度 over 9月's: the latest report says how it stands
                target[k0] = col[k]
        elif target[k0] != col[k] and (side := plans_rounding(p0, p, f, target[k0], col[k])):
            if side == 1:  # a 汇总 in 亿元 rounds what the district's sheet gives exactly: the exact amount
                target[k0] = col[k]
                note_rounded(p, first.name, later.name, p0.row_numbers[k0])
            else:
                note_rounded(p, later.name, first.name, p.row_numbers[k])
        elif target[k0] != col[k]:
            add_problem(
                p,
                k,
                later,
                f,
                col[k],
                Problem(
                    "differs_from_view",
                    f,
                    {"value": col[k], "other": target[k0], "sheet": first.name, "first_row": p0.row_numbers[k0]},
                ),
            )
    later_hint, first_hint = p.hint(k), p0.hint(k0)
    if later_hint is not None and later_hint != first_hint:
        if p0.status_hint is None:
            p0.status_hint = [None] * n0
        if first_hint is None or _further(later_hint, first_hint):
            p0.status_hint[k0] = later_hint  # on 签约项目 and 新开工项目 of one report: it has started since
    if p.chain is not None and p.chain[k] is not None:
        if p0.chain is None:
            p0.chain = [None] * n0
        if p0.chain[k0] is None:
            p0.chain[k0] = p.chain[k]


def _further(status: str, than: str) -> bool:
    """A stage further along the pipeline (a project on a file's 新开工 and 竣工投产 sheets is in production);
    a halt or a cancellation is no stage of it, and never overrules one."""
    a, b = Status(status), Status(than)
    return a.is_pipeline and b.is_pipeline and a.order > b.order


def _month_of(plan: SheetPlan) -> tuple[int, int] | None:
    """The latest (year, month) a sheet reports figures for (its 1–X月 or month columns), if any."""
    found = [(y, m) for _k, y, m, _v in (*plan.ytd, *plan.months) if y is not None]
    found += [(y, m) for _k, y, _first, m, _v in plan.spans]  # 二季度 alone: through June
    return max(found) if found else None


def district_aliases(
    sheets: list[SheetAnalysis], known: frozenset[str], said: dict[str, str] | None = None
) -> dict[str, str]:
    """Districts written short, read as the full name: "高要" as "高要区" when exactly one district the
    database holds or another row of this import (any selected sheet) writes is that name plus a suffix;
    a zone's kind alone ("高新区") as the one known or written district that is a place plus it
    ("肇庆高新区"). A cell naming several districts is a problem of its row (a project is counted in one
    district, and statistics per district would count "怀集县、广宁县" as one more). The plans are
    changed in place; returns what was read as what, for the notes. ``said``: what the user says a name
    as written is (--district-map 马安=肇庆高新区; the same name both sides: a new district), first."""
    used = [sa for sa in sheets if sa.selected and sa.plan is not None and sa.plan.values.get("district")]
    answered = set((said or {}).values())  # never asked about again
    said, mapped = said_of(used, said or {})  # 高要区=高要市 (a rename): said in a note, as the readings found are
    for sa in used if said else []:
        col = sa.plan.values["district"]  # type: ignore[union-attr]
        sa.plan.values["district"] = [said.get(v, v) if isinstance(v, str) else v for v in col]  # type: ignore[union-attr]
    written = {v for sa in used for v in sa.plan.values["district"] if isinstance(v, str) and v}  # type: ignore[union-attr]
    r = read_districts(written, known, answered)
    aliases, several, spans, towns, unknown, addresses = r.aliases, r.several, r.spans, r.towns, r.unknown, r.addresses
    parks_of_the_sheets_district(used, addresses)  # 高新园 under a 高要区 title: 高要区's, said in a note
    stored = "、".join(sorted(known)[:STORED_SHOWN]) + ("…" if len(known) > STORED_SHOWN else "")
    for sa, plan in [(sa, sa.plan) for sa in used if sa.plan is not None]:
        col = plan.values["district"]
        if several or towns or unknown or addresses:
            for k, v in enumerate(col):
                if v in spans:
                    add_problem(plan, k, sa, "district", v, Problem("not_one_district", "district", {"value": v}))
                elif v in several:
                    add_problem(plan, k, sa, "district", v, Problem("several_districts", "district", {"value": v}))
                elif v in towns:
                    add_problem(plan, k, sa, "district", v, Problem("district_is_town", "district", {"value": v}))
                elif v in addresses:
                    add_problem(plan, k, sa, "district", v, Problem("district_is_address", "district", {"value": v}))
                elif v in unknown:
                    problem = Problem("district_not_stored", "district", {"value": v, "stored": stored})
                    add_problem(plan, k, sa, "district", v, problem)
        if aliases:
            plan.values["district"] = [aliases.get(v, v) if v else v for v in col]
    return mapped | {d: a for d, a in aliases.items() if d in written}  # not 高新区 of 高新区（原大旺）: never written


def _zone_short(name: str) -> str:
    for full, short in _ZONE_SHORT:
        if name.endswith(full):
            return name[: -len(full)] + short
    return name


def _short_forms(names: frozenset[str] | set[str]) -> dict[str, set[str]]:
    """The short ways of writing each name → the names: "高要" → {"高要区"} (the name less its suffix),
    and a zone's kind → the places with one: "高新区" → {"肇庆高新区"} (a place of two characters or more)."""
    forms: dict[str, set[str]] = {}
    for name in names:
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                forms.setdefault(name[: -len(suffix)], set()).add(name)
        for zone in _ZONES:
            if name.endswith(zone) and len(name) - len(zone) >= 2 and not (zone == "新区" and name.endswith("高新区")):
                forms.setdefault(zone, set()).add(name)
    return forms


def _several_districts(text: str, names: frozenset[str] | set[str], short: dict[str, set[str]]) -> bool:
    """A cell that names more than one district ("怀集县、广宁县", "端州区/高要区", "和平县和龙川县"):
    every part a district — known or written alone, short for one, or a place ending in 区 / 县 / 市.
    Not when any part is something else ("高要区金利镇、蛟塘镇": one district's towns)."""
    if not any(ch in text for ch in "、/／，,;；+＋和及与"):
        return False
    count = 0
    for piece in _LIST_SEPARATORS.split(text.strip()):
        found = _districts_in(piece, names, short)
        if not found:
            return False
        count += found
    return count >= 2


def _districts_in(piece: str, names: frozenset[str] | set[str], short: dict[str, set[str]]) -> int:
    """1 for a district ("和平县"), 2 for two joined by 和 / 及 / 与 ("四会市与广宁县"), else 0."""
    for at, ch in enumerate(piece):
        if (
            ch in _CONJUNCTIONS
            and _is_district(piece[:at], names, short)
            and _is_district(piece[at + 1 :], names, short)
        ):
            return 2
    return 1 if _is_district(piece, names, short) else 0


def _rank(part: str, known: frozenset[str], written: set[str], short: dict[str, set[str]]) -> int:
    """How surely a bracket's side is a district: 2 known or named like one, 1 written alone, 0 neither."""
    if part in known or part in _ZONES or _is_district(part, frozenset(), {}):
        return 2
    return 1 if _is_district(part, known | written, short) else 0


def _is_district(part: str, names: frozenset[str] | set[str], short: dict[str, set[str]]) -> bool:
    if len(part) < 2:
        return False
    if part in names or part in short:  # "端州" of "端州区"
        return True
    if len(part) > 12 or part[0] in _GROUPING_HEADS or not all("\u4e00" <= ch <= "\u9fff" for ch in part):
        return False
    head = next((part[: -len(s)] for s in sorted(_SUFFIXES, key=len, reverse=True) if part.endswith(s)), "")
    return bool(head) and part.endswith(("区", "县", "市"))


def references_in_simplified(sheets: list[SheetAnalysis], sectors: Iterable[str], enterprises: Iterable[str]) -> None:
    """Sectors and enterprises written in traditional characters (新能源汽車, 宏達新材料有限公司) read as the
    stored or written one of the same simplified characters, not as new ones (domain/hanzi.py); an
    enterprise also whatever its case, width, spaces and dots ("ABC Co., Ltd." is "ABC CO.,LTD"), a sector
    whatever its case, width and spaces ("IT", "it")."""
    for name, known, key in (("sector", sectors, sector_key), ("enterprise", enterprises, enterprise_key)):
        cols = [sa.plan.values[name] for sa in sheets if sa.selected and sa.plan is not None and name in sa.plan.values]
        written = [v for v in dict.fromkeys(itertools.chain.from_iterable(cols)) if isinstance(v, str) and v]
        same = same_in_simplified(written, known, key) if cols else {}
        for col in cols if same else ():
            col[:] = [same.get(v, v) if isinstance(v, str) else v for v in col]


def sector_key(names: str) -> str:
    """A sector whatever its script, case, width and spaces: "IT", "it", "ＩＴ " are one (probe26b T14)."""
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", simplified(names))).lower()


_SPACES_RE = re.compile(r"[^\S\x00]+")


def enterprise_key(names: str) -> str:
    return _PUNCTUATION_RE.sub("", unicodedata.normalize("NFKC", simplified(names))).lower()


@dataclass(frozen=True, slots=True)
class DistrictReading:
    """What district names as written are read as (:func:`read_districts`)."""

    aliases: dict[str, str]  # a name → the district it is ("高要" → "高要区")
    several: set[str]  # names of several districts ("怀集县、广宁县"), or spans (below)
    spans: set[str]  # 跨区, 两区共建, 全市: no one district
    towns: set[str]  # 金利镇 alone: a town, whose county nothing says
    unknown: set[str]  # 马安 beside a stored 肇庆高新区: an old or local name no rule reads
    addresses: set[str]  # 亚铝大道北: a road, never a district


def read_districts(
    written: set[str], known: frozenset[str], answered: set[str] | frozenset[str] = frozenset()
) -> DistrictReading:
    """The import's rule for district names (and the project editor's, ui/district_choice.py): ``written``
    read beside the ``known`` (stored) districts and each other; ``answered``: names the user said are new."""
    # 端州區: the known or written district of its simplified characters, else its simplified name
    scripts = same_in_simplified(written, known)
    written = (written - set(scripts)) | set(scripts.values())
    # "肇庆高新区（大旺）", "大旺（肇庆高新区）": the side that is a district (import_district_words.py)
    short = _short_forms(known | written)
    brackets, both = bracketed(written, known, lambda p: _rank(p, known, written, short))
    levels = city_level(written, known)  # 市直 → 市本级
    brackets |= levels | old_zone_names(written - answered, known)  # 大旺, 大旺高新区 → 肇庆高新区
    written = (written - set(brackets)) | set(brackets.values())
    # "肇庆市端州区": the city's name before its district's, which is the district ("端州区")
    cities = {d: m[1] for d in written - known if (m := _CITY_BEFORE_RE.match(d)) is not None}
    written = (written - set(cities)) | set(cities.values())
    short = _short_forms(known | written)
    several = {v for v in written - known if _several_districts(v, known | written, short)} | both
    spans = {v for v in written - known - several if not_one_district(v)}  # 跨区, 两区共建, 全市
    several |= spans
    names = known | (written - several)
    short = _short_forms(names) if several else short
    aliases: dict[str, str] = {}
    for d in [*sorted(names - known), *sorted(names - known)]:  # twice: 高新区 once 肇庆国家高新区 is 肇庆高新区
        if d in aliases:
            continue
        hits = short.get(d, set()) - {d} - set(aliases)
        same = {n for n in names if n != d and _zone_short(n) == _zone_short(d)}
        if len(same) == 1 and (next(iter(same)) in known or len(next(iter(same))) < len(d)):
            aliases[d] = next(iter(same))  # 肇庆高新技术产业开发区 beside 肇庆高新区: the one written short
        elif len(hits) == 1 and len(d) >= 2:
            aliases[d] = next(iter(hits))
        elif (inside := district_of_address(d, frozenset(names - {d}))) != d and inside in names:
            aliases[d] = inside  # "肇庆高新区大旺" beside "肇庆高新区": a place inside that district
        elif d.endswith(("区", "县", "市")) and d[:-1] in known and len(d) >= 3:
            aliases[d] = d[:-1]  # "端州区" where "端州" is stored: the stored name, one district still
    aliases = {**{d: aliases.get(c, c) for d, c in cities.items() if c != d}, **aliases}
    aliases = {**{d: aliases.get(c, c) for d, c in brackets.items()}, **aliases}
    aliases = {**{d: aliases.get(c, c) for d, c in scripts.items()}, **aliases}
    for d in list(aliases):  # 大旺 → 大旺高新区 → 高新区: read as where the chain ends
        seen = {d}
        while aliases[d] in aliases and aliases[d] not in seen:
            seen.add(aliases[d])
            aliases[d] = aliases[aliases[d]]
    # 金利镇, 大沙镇 alone in a city's list: towns, whose county nothing says — five districts of one town each
    towns = {d for d in names - known - set(aliases) if d.endswith(_TOWN_ENDS) and not _COUNTY_IN_RE.search(d[:-1])}
    # 马安 beside a stored 肇庆高新区: an old or local name no rule can read — which stored district is it?
    unknown = {d for d in names - known - set(aliases) - towns - answered if unknown_place(d, known)}
    # 亚铝大道北, 高新园 in a list no title of which names its district: an address or a park, never a district
    addresses = {d for d in names - known - set(aliases) - towns - answered if names_no_district(d)}
    return DistrictReading(aliases, several, spans, towns, unknown - addresses, addresses)
