"""Choosing each column's field: the header's candidates weighed against the values beneath
(io/evidence.py), each field going to the column that holds it most surely; then the report's
period given to year-to-date columns, the user's own choices applied, and the sheet's kind.

Also the rows right under the header that repeat its texts (an import template's example row),
which are neither data nor evidence.
"""

from __future__ import annotations

import itertools
import re

from zqtracker.io import evidence
from zqtracker.io.dates import DMY, slash_order
from zqtracker.io.header_rows import cell
from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER, HeaderMatch, split_unit
from zqtracker.io.layout_model import (
    IDENTITY,
    JOINED,
    MONTHLY,
    PROJECT_FIELDS,
    PROJECTS,
    SPAN,
    UNKNOWN,
    ColumnInfo,
    SheetLayout,
)
from zqtracker.io.quarters import quarter_period
from zqtracker.io.reader import RawSheet
from zqtracker.io.sheet_context import title_spans
from zqtracker.io.values import fold, is_empty, name_part

_DATE_FIELDS = frozenset(("signed_on", "construction_start_on", "production_on"))
# A month's figures and a year to date whose period nothing names (apply_period): not imported, said
UNPLACED = frozenset(IGNORED_PREFIX + w for w in ("month_no_period", "ytd_no_period", "month_no_year", "ytd_no_year"))
_REVISED = ("调整后", "变更后", "修订后", "调增后", "调减后", "最新", "revised", "Revised", "adjusted", "Adjusted")
_SUPERSEDED = ("调整前", "变更前", "修订前", "原计划", "原总投资", "原投资", "original", "Original")
_OWN_MONTH = ("当月", "本月", "月度", "单月")
_PLANNED_WORDS = ("计划", "预计", "拟", "planned", "expected", "Planned", "Expected")


# 示例 | 例 | （填写示例）… in a template's first row, or a name of placeholders (XX年产XX万吨XX项目)
_EXAMPLE_RE = re.compile(r"^[（(【\[]?\s*(?:填写|填报)?(?:示例|样例|范例|举例|例)\s*[)）】\]]?\s*(?:[:：、.]|$)")


def example_rows(layout: SheetLayout, sheet: RawSheet) -> list[int]:
    """Rows right under the header that repeat its texts: an import template's example row
    ("项目名称 | 12 | 12 …" under "项目名称 | 投资总额 …", 示例 | XX年产XX万吨XX项目 | XX有限公司 …) is not a
    project."""
    headers = {fold(c.header.split(" / ")[-1]) for c in layout.columns if c.header}
    headers |= {fold(c.header.split(" / ")[0]) for c in layout.columns if c.header}
    out = []
    under = {c.index - sheet.col_offset for c in layout.columns if c.header}  # (not a side table's header)
    for r in range(layout.data_start, layout.data_start + 3):
        i = r - sheet.row_offset
        if not 0 <= i < len(sheet.rows):
            break
        texts = [fold(v) for j, v in enumerate(sheet.rows[i]) if j in under and isinstance(v, str) and v.strip()]
        if not texts:
            continue
        name = next((c for c in layout.columns if c.field == "name"), None)
        name_cell = cell(sheet, r, name.index) if name is not None else ""
        repeats = sum(1 for t in texts if t in headers)
        name_text = fold(name_cell) if isinstance(name_cell, str) else ""
        said = _EXAMPLE_RE.match(texts[0]) or _EXAMPLE_RE.match(name_text) or name_text.count("xx") >= 2
        if name_text in headers or said or repeats >= max(2, len(texts) // 2):
            out.append(r)
        else:
            break
    return out


_TOWN_ENDS = ("镇", "乡", "街道", "村", "社区", "街办")


def _towns(sample: list) -> bool:
    """Whether most of a location column's texts name towns, villages or streets, not counties."""
    texts = [v.strip() for v in sample if isinstance(v, str) and v.strip()]
    return bool(texts) and sum(t.endswith(_TOWN_ENDS) for t in texts) * 2 > len(texts)


def _numbering(sample: list) -> bool:
    """Whether a column's values count the rows — 1, 2, 3 …, perhaps starting again at 1 under each
    section — as a 序号 does, rather than naming projects."""
    numbers = [int(v) for v in sample if v.__class__ is float and v.is_integer()]
    numbers += [int(v) for v in sample if isinstance(v, str) and v.strip().isdigit() and len(v.strip()) < 4]
    if len(numbers) < 2 or numbers[0] != 1 or len(numbers) * 2 < len(sample):
        return False
    return all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers))


def _sample(sheet: RawSheet, layout: SheetLayout, c: int, limit: int = evidence.SAMPLE) -> list:
    start = layout.data_start + len(layout.example_rows)
    j = c - sheet.col_offset
    out: list = []
    first = max(start - sheet.row_offset, 0)
    for i in range(first, min(len(sheet.rows), first + 20 * limit)):  # a sparse column: its first rows say enough
        row = sheet.rows[i]
        if j < len(row) and not is_empty(row[j]):
            out.append(row[j])
            if len(out) >= limit:
                break
    return out


# The total investment by its own name: a header that says what the column holds without a unit.
TOTAL_INVESTMENT = frozenset(("计划总投资", "总投资", "项目总投资", "投资总额", "总投资额", "项目投资总额"))


def declares(info: ColumnInfo, cand: HeaderMatch) -> bool:
    """The header says outright that the column holds ``cand``'s amounts: the field's exact words
    with a unit (计划总投资（万元）, 年度计划（万元）, 用地面积（亩）) or the total investment by name
    (计划总投资, 总投资). Not a word the header merely contains (总投资及建设内容), nor one of
    several fields it may name, nor an exact word that also heads text (年度计划, 投资规模)."""
    if cand.quality < 3 or cand.ambiguous:
        return False
    if cand.field == "land_area_mu":
        return cand.area is not None
    if cand.field not in evidence.MONEY:
        return False
    if cand.unit is not None:
        return True
    return cand.field == "planned_investment" and any(
        split_unit(part)[0] in TOTAL_INVESTMENT for part in info.header.split(" / ")
    )


def choose_fields(layout: SheetLayout, sheet: RawSheet) -> None:
    """Each field to the column that holds it most surely: header strength, then the values'
    evidence, then (for locations) which location the header names. A column whose values
    contradict every field its header names is not imported, with a note saying why — unless its
    header declares the field (:func:`declares`), some of its cells are amounts and no other column
    holds that field: then it is the field, and its other cells are problems of their rows (a
    计划总投资（万元） column of 待定, 另议 and two amounts never loses the two amounts)."""
    scored: list[tuple[float, int, int, ColumnInfo, HeaderMatch]] = []
    declared: list[tuple[ColumnInfo, HeaderMatch]] = []  # rejected by their values, declared by their header
    for info in layout.columns:
        if info.month is not None or not info.candidates:
            continue
        if info.hidden:
            info.note, info.field = f"hidden:{info.field}", None
            continue
        sample = _sample(sheet, layout, info.index)
        if any(c.field == "name" for c in info.candidates) and any(w in info.header for w in ("内容", "规模", "简介")):
            sample = [name_part(v) if isinstance(v, str) else v for v in sample]  # "项目名称及建设内容"
        prof = evidence.profile(sample)
        if prof.day_first and not prof.month_first:
            info.date_order = DMY
        elif prof.either_way and not prof.month_first and not prof.day_first:  # 03/04/2023: nothing decides
            whole = sample if prof.n < evidence.SAMPLE else _sample(sheet, layout, info.index, len(sheet.rows))
            info.date_order = slash_order(whole)  # MDY_ASSUMED: read month first (US), with a note (io/dates.py)
        viable = []
        kept: HeaderMatch | None = None
        for cand in info.candidates:
            if cand.field.startswith(IGNORED_PREFIX) or cand.field == ROW_NUMBER:
                viable.append((cand.quality * 10.0, cand))
                continue
            fit = evidence.fit(cand.field, prof, cand.rank)
            if fit <= evidence.REJECT and cand.quality >= 3 and not cand.ambiguous and prof.n < 5:
                fit = -3  # a plain header over a few odd values: the values become problems, not a lost column
            if fit <= evidence.REJECT:
                if kept is None and declares(info, cand) and evidence.amounts(cand.field, prof):
                    kept = cand
                continue
            if cand.currency is not None:
                fit -= 5  # a yuan column of the same field holds it more surely than a 万美元 one
            viable.append((cand.quality * 10.0 + fit, cand))
        if not viable:
            info.note, info.field = f"rejected:{info.candidates[0].field}", None
            if kept is not None:
                declared.append((info, kept))
            continue
        for score, cand in viable:
            tie = cand.rank * 100 + prof.distinct if cand.field == "district" else cand.rank
            if cand.field == "district" and _towns(sample):  # 建设地点 over 高要区 | 金利镇: the county's column
                tie -= 1000
            if cand.field in ("ytd", "ytd_last", "since_start"):  # 1-10月 | 1-11月, 截至2025年底 | 自开工累计
                tie = (cand.year or 9999) * 100 + (cand.month or 13)  # (no period named: the report's own)
            if cand.field in _DATE_FIELDS and any(w in info.header for w in _PLANNED_WORDS):
                tie -= 1  # 计划开工时间 beside 实际开工时间: the date it did start
            if cand.field == "planned_investment":  # 原计划总投资 beside 调整后计划总投资: the figure as revised
                tie += any(w in info.header for w in _REVISED) - any(w in info.header for w in _SUPERSEDED)
                if any(split_unit(part)[0] in TOTAL_INVESTMENT for part in info.header.split(" / ")):
                    score += 0.5  # 总投资 beside 计划投资 (this year's plan, as often as not): the total by its name
            if cand.field == "code" and _numbering(sample):  # 编号 1, 2, 3 beside 项目编码 ZQ2024-0001: row numbers
                score -= 10
            scored.append((score, tie, -info.index, info, cand))
        info.field = None
    scored.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
    taken: dict[object, ColumnInfo] = {}
    done: set[int] = set()
    for _score, _tie, _neg, info, cand in scored:
        if info.index in done:
            continue
        f = cand.field
        shared = f.startswith(IGNORED_PREFIX) or f == ROW_NUMBER
        key = _taken_key(info, cand, layout)
        if key in taken and not shared:
            if f in JOINED:
                _assign(info, cand, layout)
                info.joined = True
                done.add(info.index)
            continue
        _assign(info, cand, layout)
        done.add(info.index)
        if not shared:
            taken[key] = info
    for info, cand in sorted(declared, key=lambda t: (-t[1].quality, t[0].index)):
        key = _taken_key(info, cand, layout)
        if key not in taken:  # its amounts are the field's only ones: odd cells are row problems
            info.note = ""
            _assign(info, cand, layout)
            done.add(info.index)
            taken[key] = info
    for info in layout.columns:
        if info.candidates and info.index not in done and not info.note:
            best = info.candidates[0].field
            info.note = f"duplicate:{best}"


def _taken_key(info: ColumnInfo, cand: HeaderMatch, layout: SheetLayout) -> object:
    """What one column takes: a field, or a field of one period. 1-10月累计 beside 1-11月累计: two figures
    (November's report restating October's is a revision); 2024年 | 2025年计划投资: a plan of each year (an
    export's plan columns, U5)."""
    f = cand.field
    if f in ("ytd", "ytd_last") and cand.month is not None:
        return (f, cand.year, cand.month)
    if f == SPAN:  # 一季度 | 二季度 | 三季度: each its months (io/quarters.py)
        return (f, info.year, info.first_month, info.header_month)
    year = cand.year or info.year or layout.year
    return (f, year) if f == "annual_plan" and year else f


def _assign(info: ColumnInfo, cand: HeaderMatch, layout: SheetLayout) -> None:
    info.field, info.quality, info.rank = cand.field, cand.quality, cand.rank
    info.unit = cand.unit or info.unit
    info.currency, info.area = cand.currency, cand.area
    if cand.field == "annual_plan":
        info.year = cand.year or info.year or layout.year
    if cand.field in ("ytd", "ytd_last", "since_start"):
        info.year, info.header_month = cand.year or info.year, cand.month
    if cand.field.startswith(IGNORED_PREFIX):
        info.note = ""


def apply_period(layout: SheetLayout) -> None:
    """Year-to-date and since-start columns take their month from the header or the report's
    period (not imported when neither names it); a 当月 amount in a sheet without a month column is
    the report month's."""
    year, month = layout.period
    long = any(c.field == "month" for c in layout.columns)
    spans = title_spans(layout)
    has_month = long or bool(layout.month_columns())
    for info in layout.columns:
        if info.field == "ytd" and info.year and year and info.year < year:  # 2025年1-10月 in a 2026 report
            # (2025年完成投资 in a 2026 report: the whole year, or January to the report's month? not guessed)
            info.field = "ytd_last" if info.header_month else IGNORED_PREFIX + "earlier_year"
        if info.field == "ytd_last":  # last year's 1–X月: X as this year's, never a guess
            y, m = info.year or (year - 1 if year else None), info.header_month or month
            if y is None or m is None:
                info.field, info.note = IGNORED_PREFIX + "last_ytd_no_period", ""
            else:
                info.period = (y, m)
        elif info.field == "ytd":
            y, m = info.year or year, info.header_month or month
            if long and info.header_month is None:
                pass  # a long sheet's 累计完成投资: the year to date through each row's month
            elif y is None or m is None:
                info.field, info.note = IGNORED_PREFIX + ("ytd_no_year" if m else "ytd_no_period"), ""
            else:
                info.period = (y, m)
        elif info.field == SPAN:  # 二季度 under 完成投资: months 4–6 of the header's year, else the report's
            quarter_period(info, year, has_month)
        elif info.field == "since_start":
            if info.year is not None and info.header_month is not None:  # "至2022年底累计": December 2022
                info.period = (info.year, info.header_month)
            elif year is None or month is None:
                info.field = IGNORED_PREFIX + "since_no_period"
            else:
                info.period = (year, month)
        elif info.field == "amount" and not has_month and year is not None and month is not None:
            own = any(w in info.header for w in _OWN_MONTH)
            if spans and not own and not any(c.field == "ytd" for c in layout.columns):
                info.field, info.period = "ytd", (year, month)  # 完成投资 under "2025年1-10月…": January to October
            else:
                info.field, info.month = "month_column", (year, month)
        elif info.field == "amount" and not has_month:  # 当月完成投资 under a title of the year alone: said
            info.field, info.note = IGNORED_PREFIX + ("month_no_year" if month else "month_no_period"), ""
        elif info.field == "amount" and not long:  # beside month columns: 9月完成投资 | 当月完成投资 under 10月
            if any(w in info.header for w in _OWN_MONTH) and year is not None and month is not None:
                info.field, info.month = "month_column", (year, month)  # (the same month's column: both must agree)
            else:  # a bare 完成投资 beside 9月完成投资: whose month? said, never guessed
                info.field, info.note = IGNORED_PREFIX + "month_beside_months", ""


def apply_overrides(layout: SheetLayout, overrides: dict[int, str | None]) -> None:
    for info in layout.columns:
        if info.index not in overrides:
            continue
        chosen = overrides[info.index]
        if chosen is None:
            was = info.field if info.month is None and not info.joined else None
            info.field, info.note, info.month, info.joined = None, "off", None, False
            if was and was not in ("ytd", "since_start", "annual_plan"):
                _promote(layout, was, overrides)
            continue
        info.hidden = False
        info.note = ""
        if chosen.startswith("month:"):
            y, m = chosen[6:].split("-")
            info.field, info.month = "month_column", (int(y), int(m))
        elif chosen in ("amount", "ytd") and not any(c.field == "month" for c in layout.columns if c is not info):
            _figures_chosen(layout, info, chosen)
        else:
            info.field, info.month, info.quality, info.joined = chosen, None, 9, False
            for other in layout.columns:
                if other is not info and other.field == chosen and other.index not in overrides:
                    if chosen in JOINED:
                        other.joined = True
                    else:
                        other.field, other.note = None, f"duplicate:{chosen}"


def _figures_chosen(layout: SheetLayout, info: ColumnInfo, chosen: str) -> None:
    """A column the user says holds a month's own amounts ("amount") or the year to date ("ytd") in a sheet
    without a 月份 column: of the month its header names (10月完成投资), else the report's — never left
    unread without a word (a month nothing names is said, as apply_period says it)."""
    year, month = info.month or (info.year or layout.period[0], info.header_month or layout.period[1])
    if year is None or month is None:
        unread = "month_no_period" if chosen == "amount" else "ytd_no_period"
        info.field, info.note, info.month = IGNORED_PREFIX + unread, "", None
    elif chosen == "amount":
        info.field, info.month, info.quality = "month_column", (year, month), 9
    else:
        info.field, info.month, info.period, info.quality, info.header_month = "ytd", None, (year, month), 9, month
    info.joined = False


def _promote(layout: SheetLayout, field: str, overrides: dict[int, str | None]) -> None:
    """The column a field was read from turned off: the next column holding the same field is read
    instead (计划总投资（万元） off, 计划总投资（亿元） beside it on) — never the field left unread."""
    for other in layout.columns:
        if other.note == f"duplicate:{field}" and other.index not in overrides and not other.hidden:
            cand = next((c for c in other.candidates if c.field == field), None)
            if cand is not None:
                other.note = ""
                _assign(other, cand, layout)
                return


def sheet_kind(layout: SheetLayout) -> str:
    fields = layout.fields()
    if not fields & set(IDENTITY):
        layout.aggregate = any(c.field == IGNORED_PREFIX + "count" for c in layout.columns)
        return UNKNOWN
    has_months = (
        bool(layout.month_columns()) or {"month", "amount"} <= fields or bool({"ytd", "ytd_last", SPAN} & fields)
    )
    if fields & PROJECT_FIELDS - {"district"}:
        return PROJECTS
    if has_months:
        return MONTHLY
    if "name" in fields and not fields - {"name", "code", "chain", "annual_plan", "district"}:
        if any(c.field in UNPLACED for c in layout.columns):
            return UNKNOWN  # names and a month's figures whose month nothing names: the figures are its point
        return PROJECTS  # a bare list of names (a lead list with nothing else yet)
    return UNKNOWN
