"""A month's column whose amounts are years to date under a month's header (10月完成投资 holding January to
October): stored as October's own amounts they would count January–September again, and nothing in the
file says so when no 1–X月 or 自开工累计 column stands beside it (import_records.py checks those).

The stored figures tell: a month's own amount is rarely as large as everything the project did in the
months before it. When, for the projects whose months from January on are all stored (three months at
least), nearly every amount of the column is at least their sum, the column is asked about, on each such
row, with both figures — the user says which it is (the column's menu in the preview, --map on the command
line); a column the user chose is never asked about again.
"""

from __future__ import annotations

import math

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.values import display
from zqtracker.services.import_model import INVALID, Context, SheetAnalysis

FEWEST_MONTHS = 3  # months stored before it: fewer (February after January) say nothing
SHARE = 0.8  # of the rows that can tell: this many (and two at least) must look so


def month_amounts_like_ytd(sa: SheetAnalysis, ctx: Context) -> None:
    """Ask about the wide month columns of ``sa`` whose amounts look like years to date."""
    plan = sa.plan
    assert plan is not None
    if not plan.months or plan.ytd or plan.since_start_as_of is not None or not ctx.investment:
        return
    if any(c.field == "month" for c in sa.layout.columns):
        return  # a long sheet: a row per month, its own
    columns = {
        (c.month[0], c.month[1]): c
        for c in sa.layout.month_columns()
        if c.month is not None and c.month[0] is not None and c.quality < 9 and c.month[1] > FEWEST_MONTHS
    }
    if not columns:
        return
    given: dict[tuple[int, int], dict[int, int]] = {}  # (row, year) → month → this file's amount
    for k, y, m, yuan in plan.months:
        given.setdefault((k, y), {})[m] = yuan
    spans = _stored(ctx)
    for (year, month), info in columns.items():
        told: list[tuple[int, int, int]] = []  # (row, amount, everything before it)
        for k, y, m, yuan in plan.months:
            target = sa.targets[k]
            if (y, m) != (year, month) or target is None or target <= 0 or sa.status[k] == INVALID:
                continue
            stored = spans.get((target, y), {})
            if stored.get(m) == (m, yuan):
                continue  # the same amount stored already: the column was answered for before
            before = _before(stored, given[(k, y)], m)
            if before:
                told.append((k, yuan, before))
        like = [t for t in told if t[1] >= t[2]]
        if len(told) < 2 or len(like) < math.ceil(SHARE * len(told)):
            continue
        for k, yuan, before in like:
            said = {"value": yuan, "before": before, "month": month, "last": month - 1, "column": info.letter,
                    "like": len(like), "told": len(told)}  # fmt: skip
            row, j = sa.raw.rows[plan.data_rows[k]], info.index - sa.raw.col_offset
            shown = display(row[j]) if 0 <= j < len(row) else str(yuan)
            problem = Problem("month_like_ytd", "amount", said)
            plan.add_problem(k, CellProblem(sa.name, plan.row_numbers[k], info.letter, info.header, shown, problem))
            sa.status[k] = INVALID


def _stored(ctx: Context) -> dict[tuple[int, int], dict[int, tuple[int, int]]]:
    """(project, year) → last month → (first month, amount) of each stored figure."""
    out: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}
    for (pid, y, m), row in ctx.investment.items():
        first = row[3] if len(row) > 3 and row[3] is not None else m
        out.setdefault((pid, y), {})[m] = (first, row[0])
    return out


def _before(stored: dict[int, tuple[int, int]], given: dict[int, int], month: int) -> int:
    """Everything a project did from January to the month before ``month`` (this file's months over the
    stored ones), or 0 when a month of them is known by no figure."""
    figures = {**stored, **{m: (m, v) for m, v in given.items()}}
    total, covered = 0, set[int]()
    for last, (first, amount) in figures.items():
        if last < month:
            if covered & set(range(first, last + 1)):
                return 0  # a month under two figures (a stored span and this file's month): not told apart
            covered.update(range(first, last + 1))
            total += amount
    return total if covered == set(range(1, month)) and month - 1 >= FEWEST_MONTHS else 0
