"""A row's own months against the quarter or 1–X月 column beside them that covers exactly those months:

    1月 | 2月 | 3月 | 一季度 (or 1-3月, 1-3月累计)          100 | 200 | 300.5 | 650

一季度 is read as the year to date through March (io/quarters.py), so import_own_months.py checks it as one; its
disagreement was worded as a year to date's ("the year to date ¥6.50 mn through month 3 leaves ¥6.50 mn for
them"). When the sheet gives every month the column covers, it is said as what it is: the quarter column, its
figure, the months and their sum, as the sheet writes them (quarter_months_differ, the wording of 4月 | 5月 | 6月 |
二季度: io/quarter_rows.py). Other disagreements keep the year to date's wording, at the column of that month's
year to date.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SPAN, ColumnInfo
from zqtracker.io.quarter_rows import typed
from zqtracker.services.import_model import SheetAnalysis, add_problem
from zqtracker.services.import_own_months import OwnMonths


def own_months_problem(
    sa: SheetAnalysis,
    k: int,
    period: tuple[int, int, int],
    figures: tuple[int, int],
    own: OwnMonths,
    units: tuple[int, int],
) -> None:
    """Row ``k``'s problem ``own.problem``: its months ``period`` (year, first, last) against the column giving
    ``figures`` (the year to date through last, what it leaves for months first..last) in ``units`` (the
    months' yuan factor, the column's)."""
    plan = sa.plan
    assert plan is not None and own.problem is not None
    y, first, last = period
    ytd, amount = figures
    col = _covering(sa, y, first, last)
    if col is None or set(own.given) != set(range(first, last + 1)):
        at = col or next((c for c in sa.layout.mapped() if c.field == "ytd" and c.period == (y, last)), None)
        if at is None:
            add_problem(plan, k, sa, "ytd", typed(ytd, units[1]), own.problem)  # (the cell as written: 300.25)
            return
        where = (sa.name, plan.row_numbers[k], at.letter, at.header)
        plan.add_problem(k, CellProblem(*where, typed(ytd, units[1]), own.problem))
        return
    said: dict[str, object] = {"year": y, "first": first, "last": last, "header": col.header}
    said |= {"value": SheetAmount(amount, units[1]), "sum": SheetAmount(sum(own.given.values()), units[0])}
    said |= {"months": ", ".join(str(m) for m in sorted(own.given)), "empty": ""}
    problem = Problem("quarter_months_differ", "amount", said)
    where = (sa.name, plan.row_numbers[k], col.letter, col.header)
    plan.add_problem(k, CellProblem(*where, typed(amount, units[1]), problem))


def _covering(sa: SheetAnalysis, y: int, first: int, last: int) -> ColumnInfo | None:
    """The column whose figure is months first..last of ``y`` exactly: a quarter (一季度, 二季度 after it), or a
    1–X月 year to date when first is January."""
    for c in sa.layout.mapped():
        if c.period != (y, last):
            continue
        if (c.field == SPAN and c.first_month == first) or (c.field == "ytd" and first == 1):
            return c
    return None
