"""Month columns whose year is not believable, asked instead of stored.

A wide sheet's month headers give a year of their own ("Dec-69", "1969年12月", a date cell 1969-12-01)
or take the report's ("10月"). A two-digit year is a guess (Python's %y: 69 is 2069, 70 is 1970), and
a typed year can be wrong; a month stored under the wrong year is a silent misread. So a month column
is a question, never stored, when its year is before 2000 or after next year, or lies apart from the
other month columns' years (the years the columns reach, without a gap of more than one year, where
most of them fall — two such groups alike: all asked), or, where the report's year is known (title,
sheet name, --period), when none of the month columns' years is within a year of it. A month without
any year is the other question here (month_without_year).
"""

from __future__ import annotations

from datetime import date

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import ColumnInfo, SheetLayout

FIRST_YEAR = 2000


def month_questions(layout: SheetLayout, sheet: str, today: date | None = None) -> tuple[set[int], list[CellProblem]]:
    """The month columns (their indexes) not to store, and the question each asks."""
    columns = [c for c in layout.mapped() if c.month is not None]
    far = far_years(columns, layout.period[0] or layout.year, (today or date.today()).year)
    asked: set[int] = set()
    problems: list[CellProblem] = []
    for info in columns:
        year, month = info.month or (None, 0)
        if year is None:
            said = Problem("month_without_year", "month", {"value": info.header})
        elif info.index in far:
            said = Problem("month_year_far", "month", {"value": info.header, "period": f"{year}-{month:02d}"})
        else:
            continue
        asked.add(info.index)
        problems.append(CellProblem(sheet, layout.header_row + 1, info.letter, info.header, info.header, said))
    return asked, problems


def far_years(columns: list[ColumnInfo], report_year: int | None, this_year: int) -> set[int]:
    """The indexes of the month columns whose year is not believable (the module's rule)."""
    dated = [(c.index, c.month[0]) for c in columns if c.month is not None and c.month[0] is not None]
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
    believed = runs[sizes.index(max(sizes))] if sizes.count(max(sizes)) == 1 else []
    if report_year is not None and all(abs(y - report_year) > 1 for y in believed):
        believed = []
    return far | {i for i, y in kept if y not in believed}
