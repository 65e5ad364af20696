"""计划投资 beside 总投资 in a report of the year: the year's plan, not a second total (probe29a T22).

A district's progress report headed 总投资 | 计划投资 | 完成投资 › 10月 | 1-10月累计 under a sheet named
"2025年1-10月" — no year in the header or the title — gives each project's total in 总投资 and the
year's plan in 计划投资. Both words name the planned investment (io/header_words.py), so the total took
the field and 计划投资 was left unread as a duplicate: the year's plans were lost. In a report (a year to
date, a month's amounts or a quarter beside them) of a known year, a 计划投资 column without a year of
its own beside the total by its name is that year's plan — unless its figures are the total's in
(nearly) every row: then it is the total again and stays unread, as before. Said in a note.
"""

from __future__ import annotations

from zqtracker.io.header_rows import cell
from zqtracker.io.headers import split_unit
from zqtracker.io.layout_model import SPAN, ColumnInfo, SheetLayout
from zqtracker.io.reader import RawSheet

_PLAN_WORDS = frozenset(("计划投资", "计划投资额"))
_TOTAL_WORDS = frozenset(("计划总投资", "总投资", "项目总投资", "投资总额", "总投资额", "项目投资总额"))
_REPORT_FIELDS = frozenset(("ytd", "month_column", SPAN))
_SAME_SHARE = 0.9  # rows where the two columns agree, of the rows with both: the same figure


def _says(info: ColumnInfo, words: frozenset[str]) -> bool:
    return any(split_unit(part)[0] in words for part in info.header.split(" / "))


def _number(value: object) -> float | None:
    if value.__class__ in (int, float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def _same_figures(sheet: RawSheet, layout: SheetLayout, plan: ColumnInfo, total: ColumnInfo) -> bool:
    """The two columns hold the same figure in (nearly) every row that has both (each in its unit)."""
    f_plan, f_total = plan.unit or layout.unit_line or 1, total.unit or layout.unit_line or 1
    both = same = 0
    for r in range(layout.data_start, sheet.row_offset + len(sheet.rows)):
        a, b = _number(cell(sheet, r, plan.index)), _number(cell(sheet, r, total.index))
        if a is None or b is None:
            continue
        both += 1
        a, b = a * f_plan, b * f_total
        same += abs(a - b) <= 0.005 * max(abs(a), abs(b))
    return both == 0 or same >= _SAME_SHARE * both


def plan_of_year(layout: SheetLayout, sheet: RawSheet) -> None:
    """A 计划投资 column left unread beside 总投资 in a report of a known year: that year's plan."""
    year = layout.period[0] or layout.year
    fields = {c.field for c in layout.columns} | ({"month_column"} if layout.month_columns() else set())
    if year is None or not fields & _REPORT_FIELDS:
        return
    total = next((c for c in layout.columns if c.field == "planned_investment" and _says(c, _TOTAL_WORDS)), None)
    if total is None or any(c.field == "annual_plan" and c.year in (None, year) for c in layout.columns):
        return
    for info in layout.columns:
        if info.field is None and info.note == "duplicate:planned_investment" and _says(info, _PLAN_WORDS):
            cand = next((c for c in info.candidates if c.field == "planned_investment"), None)
            if cand is None or cand.currency is not None or info.hidden or info.year is not None:
                continue
            if not _same_figures(sheet, layout, info, total):
                info.field, info.note, info.year, info.plan_of_year = "annual_plan", "", year, True
                info.unit, info.quality, info.rank = cand.unit or info.unit, cand.quality, cand.rank
                return
