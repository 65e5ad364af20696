"""Month columns whose year is not believable, asked instead of stored — and the other figures a year is read
for: a year to date (1969年1-10月累计), a quarter (2069年一季度), a plan for the year (2069年计划投资), and a
long sheet's month cells (a row per month: "2069-01", a date 1969-12-01 shown as Dec-69).

A wide sheet's month headers give a year of their own ("Dec-69", "1969年12月", a date cell 1969-12-01) or take
the report's ("10月"). A two-digit year is a guess (Python's %y: 69 is 2069, 70 is 1970), and a typed year can
be wrong; a month stored under the wrong year is a silent misread. So a month column is a question, never
stored, when its year is before 2000 or after next year, or lies apart from the other month columns' years
(the years the columns reach, without a gap of more than one year, where most of them fall — two such groups
alike: the one within a year of the report's, else all asked), or, where the report's year is known (title,
sheet name, --period), when none of the month columns' years is within a year of it. A sheet's year-to-date
and quarter columns count with its month columns, each asked the same way; a plan column only when its year is
before 2000, more than five years on, or more than three years before the report's (a list carries several
years' plans); a long sheet's rows are held against each other the same way (their month cells' years). A
month without any year is the other question here (month_without_year).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SPAN, ColumnInfo, SheetLayout
from zqtracker.io.values import display

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

FIRST_YEAR = 2000
PLAN_AHEAD = 5  # a plan for up to five years on (a 五年 plan's last year)
PLAN_BEHIND = 3  # a plan of up to three years before the report's (a list carrying the years since signing)


def month_questions(layout: SheetLayout, sheet: str, today: date | None = None) -> tuple[set[int], list[CellProblem]]:
    """The month, year-to-date, quarter and plan columns (their indexes) not to store, and the question each asks."""
    read = {c.index: (c, _read_as(c, layout)) for c in layout.mapped()}
    this_year = (today or date.today()).year
    dated = [(i, said[0]) for i, (_c, said) in read.items() if said is not None and said[1] != "plan_year_far"]
    far = far_years(dated, _report_year(layout), this_year)
    # plans: a list carries several years' (2022年计划 beside 2024年计划, a plan years ahead): a year before
    # 2000, more than PLAN_AHEAD years on, or more than PLAN_BEHIND years before the report's is not believable
    report = _report_year(layout)
    first = report - PLAN_BEHIND if report is not None else FIRST_YEAR
    last = report + PLAN_AHEAD if report is not None else this_year + PLAN_AHEAD
    far |= {i for i, (_c, said) in read.items() if said is not None and said[1] == "plan_year_far"
            and not max(first, FIRST_YEAR) <= said[0] <= min(last, this_year + PLAN_AHEAD)}  # fmt: skip
    asked: set[int] = set()
    problems: list[CellProblem] = []
    for index, (info, said) in read.items():
        if info.month is not None and info.month[0] is None:
            problem = Problem("month_without_year", "month", {"value": info.header})
        elif said is not None and index in far:
            problem = Problem(said[1], said[2], {"value": info.header, **said[3]})
        else:
            continue
        asked.add(index)
        problems.append(CellProblem(sheet, layout.header_row + 1, info.letter, info.header, info.header, problem))
    return asked, problems


def _read_as(info: ColumnInfo, layout: SheetLayout) -> tuple[int, str, str, dict] | None:
    """(year, question code, field, params) of a column read for a year, None for any other."""
    if info.month is not None and info.month[0] is not None:
        year, month = info.month[0], info.month[1]
        return year, "month_year_far", "month", {"period": f"{year}-{month:02d}"}
    if info.field in ("ytd", "ytd_last") and info.period is not None:
        year, month = info.period
        return year, "ytd_year_far", "amount", {"period": f"{year}-{month:02d}"}
    if info.field == SPAN and info.period is not None:
        year, last = info.period
        return year, "span_year_far", "amount", {"year": year, "first": info.first_month or last, "last": last}
    plan_year = info.year or layout.year
    if info.field == "annual_plan" and plan_year is not None:
        return plan_year, "plan_year_far", "annual_plan", {"year": plan_year}
    return None


def row_month_questions(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, today: date | None = None) -> None:
    """A long sheet's rows whose month cell's year is not believable (held against the other rows' years):
    each a problem of its row, its month taken away so that nothing of the row is stored."""
    months = plan.values.get("month")
    info = next((c for c in layout.mapped() if c.field == "month"), None)
    if not months or info is None:
        return
    dated = [(k, m[0]) for k, m in enumerate(months) if m is not None and m[0] is not None]
    for k in sorted(far_years(dated, _report_year(layout), (today or date.today()).year)):
        month, i, j = months[k], plan.data_rows[k], info.index - sheet.col_offset
        raw = sheet.rows[i][j] if j < len(sheet.rows[i]) else None
        period = f"{month[0]}-{month[1]:02d}" + (f"–{month[2]:02d}" if len(month) == 3 else "")
        shown = display(raw)
        problem = Problem("row_month_year_far", "month", {"value": shown, "period": period})
        plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], info.letter, info.header, shown, problem))
        months[k] = None


def _report_year(layout: SheetLayout) -> int | None:
    return layout.period[0] or layout.year


def far_years(dated: list[tuple[int, int]], report_year: int | None, this_year: int) -> set[int]:
    """Of (key, year) pairs, the keys whose year is not believable (the module's rule)."""
    far = {i for i, y in dated if y < FIRST_YEAR or y > this_year + 1}
    kept = [(i, y) for i, y in dated if i not in far]
    runs: list[list[int]] = []  # the years, in runs without a gap of more than one year
    for year in sorted({y for _i, y in kept}):
        if runs and year - runs[-1][-1] <= 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    if not runs:
        return far
    sizes = [sum(1 for _i, y in kept if y in run) for run in runs]
    top = [run for run, size in zip(runs, sizes, strict=True) if size == max(sizes)]
    near = [run for run in top if report_year is not None and any(abs(y - report_year) <= 1 for y in run)]
    believed = top[0] if len(top) == 1 else near[0] if len(near) == 1 else []
    if report_year is not None and all(abs(y - report_year) > 1 for y in believed):
        believed = []
    return far | {i for i, y in kept if y not in believed}
