"""A section's 小计 held against the project rows of its section (probe36a F7), in each column the grand total is
held against (io/total_columns.py), with the same tolerance (io/plan_below.py):

    一 | 续建项目
    1  | 小鹏汽车产业园二期 | 60
    …
    6  | 端州区城市更新     | 25.6
       | 小计               | 170.75     ← the rows of 一 add up to 160.75: a row dropped, misread or mistyped?

A 小计 sums the rows after the last total above it (or after one of the section rows between: its section may
begin there) — or, written over its section, those before the next total below it (or before one of the section
rows between). Agreeing with any of these readings, with rows left out on purpose added (as for the grand total),
it says nothing; agreeing with none, it is a question of the sheet naming the row, the column, the subtotal and
the sum of its section's rows — those after the last total above it, or over them where the sheet's other
subtotals sum the rows under them. A 小计 of 0 or with no figure, a column no row gives, is not asked of.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetFigure
from zqtracker.io import values as cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.subtotal_side import BELOW, sheet_side

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet
    from zqtracker.io.total_columns import Figures

_SUBTOTAL_RE = re.compile(r"^(?!其中).{0,20}小计:?(\(.*\))?$|^subtotal:?$")
_BOUNDS = frozenset(("total", "section1", "section2"))  # where a section's rows begin or end
_NEAREST = 8  # section rows on each side of a 小计 where its section may begin (or end)
_OWN = ("planned", "ytd")  # kinds whose cells' problems name the field (others: the column)


def near(written: Decimal, factor: int, sums: list) -> bool:
    """``written`` (in ``factor`` yuan) is one of ``sums`` (yuan) within half a unit of its last written digit."""
    places = min(max(-int(written.as_tuple().exponent), 0), 8)
    tolerance = max(Decimal(factor) / (2 * 10**places), Decimal(1))
    return any(abs(written * factor - s) <= tolerance for s in sums)


def refused_or_pairs(plan: SheetPlan, figures: Figures, factor: int | None) -> list[tuple[int, int | None]] | None:
    """The column's (row k, yuan) pairs; None where it is not to be held against a total: no unit read, another
    unit than the rows', a refused cell in it (its row's problem says so first), a row's figure twice."""
    info, field = figures.info, figures.field
    if not factor or (info.unit is not None and info.unit != factor):
        return None
    for ps in plan.problems.values():
        if any(p.problem.field == field or (figures.kind not in _OWN and p.column == info.letter) for p in ps):
            return None
    pairs = figures.pairs(plan)
    if any(v is not None and v.__class__ is not int for _k, v in pairs) or len({k for k, _v in pairs}) < len(pairs):
        return None  # (a row's year to date twice: quarters chained beside a 1-X月累计, io/quarters.py)
    return pairs


def cell_sums(sheet: RawSheet, groups: list[list[int]], j: int, factor: int) -> list[Decimal]:
    """Each group's figures in column ``j`` (numbers only), in yuan."""
    out = []
    for rows in groups:
        values = [sheet.rows[i][j] for i in rows if 0 <= i < len(sheet.rows) and j < len(sheet.rows[i])]
        out.append(sum((Decimal(repr(v)) for v in values if v.__class__ in (int, float)), Decimal(0)) * factor)
    return out


class _Column:
    """One column's figures of the rows read (sheet.rows index → yuan), summed over a range of rows quickly."""

    def __init__(self, by_row: dict[int, int], refused: set[int]) -> None:
        self.rows = sorted(by_row)
        self.sums, self.off = [0], [0]  # running sums: all rows, refused rows
        for i in self.rows:
            self.sums.append(self.sums[-1] + by_row[i])
            self.off.append(self.off[-1] + (by_row[i] if i in refused else 0))

    def _at(self, rows: range) -> tuple[int, int]:
        return bisect_left(self.rows, rows.start), bisect_left(self.rows, rows.stop)

    def given(self, rows: range) -> list[int]:
        a, b = self._at(rows)
        return self.rows[a:b]

    def total(self, rows: range, refused: bool = False) -> int:
        a, b = self._at(rows)
        sums = self.off if refused else self.sums
        return sums[b] - sums[a]


def subtotals(
    plan: SheetPlan, sheet: RawSheet, columns: list[Figures], left: tuple[list[list[int]], list[int]]
) -> None:
    """A sheet problem for each 小计 figure its section's rows do not add up to (``left``: the rows left out on
    purpose, by kind, and the hidden rows read: io/plan_below.py)."""
    bounds = sorted(i for i, kind in plan.skipped.items() if kind in _BOUNDS)
    subs = [i for i in bounds if plan.skipped[i] == "total" and _SUBTOTAL_RE.match(_label(sheet.rows[i]))]
    if not subs:
        return
    end = (plan.notes_from - sheet.row_offset - 1) if plan.notes_from else len(sheet.rows)
    totals = [i for i in bounds if plan.skipped[i] == "total"]
    kept, shown = left
    groups = [sorted(g) for g in [*kept, shown]]
    for figures in columns:
        factor = plan.factors.get(figures.unit)
        pairs = refused_or_pairs(plan, figures, factor)
        if pairs is None or factor is None or not any(v is not None for _k, v in pairs):
            continue
        column = _Column({plan.data_rows[k]: v or 0 for k, v in pairs}, {plan.data_rows[k] for k in plan.problems})
        j = figures.info.index - sheet.col_offset
        fits: dict[int, tuple[bool, bool]] = {}
        spans: dict[int, tuple[range, range]] = {}
        for s in subs:
            value = sheet.rows[s][j] if j < len(sheet.rows[s]) else None
            if value.__class__ not in (int, float) or not value or not Decimal(repr(value)).is_finite():
                continue
            at = bisect_left(totals, s)  # (s is one of them)
            before = totals[at - 1] if at else -1
            after = totals[at + 1] if at + 1 < len(totals) else end
            inside = bounds[bisect_left(bounds, before + 1) : bisect_left(bounds, after)]
            cut = bisect_left(inside, s)  # (the nearest section rows: where a section may begin or end)
            over = [range(b + 1, s) for b in [before, *inside[max(cut - _NEAREST, 0) : cut]]]
            under = [range(s + 1, b) for b in [*inside[cut : cut + _NEAREST], after]]
            spans[s] = over[0], under[-1]
            written = Decimal(repr(value))
            said = [_explained(sheet, r, column, groups, j, factor, written) for r in (*under, *over)]
            fits[s] = (any(said[: len(under)]), any(said[len(under) :]))
        side = sheet_side(fits)
        for s, fit in fits.items():
            over_all, under_all = spans[s]
            rows = under_all if side == BELOW or not column.given(over_all) else over_all
            if not fit[0] and not fit[1] and column.given(rows):
                _ask(plan, sheet, figures, s, rows, column, factor)


def _explained(
    sheet: RawSheet, rows: range, column: _Column, groups: list[list[int]], j: int, factor: int, written: Decimal
) -> bool:
    """The rows ``rows`` (indexes of sheet.rows) add up to ``written``, as read or with rows left out on purpose
    added (``groups``: by kind, the hidden rows read last), hidden rows read or refused ones taken away."""
    if not column.given(rows):
        return False
    counted = column.total(rows)
    inside = [g[bisect_left(g, rows.start) : bisect_left(g, rows.stop)] for g in groups]
    sums = [x for x in cell_sums(sheet, [g for g in inside[:-1] if g], j, factor) if x]
    explained = [counted + sum(c) for n in range(len(sums) + 1) for c in combinations(sums, n)]
    explained += [counted - s for s in cell_sums(sheet, inside[-1:], j, factor)]
    explained.append(counted - column.total(rows, refused=True))
    return near(written, factor, explained)


def _ask(plan: SheetPlan, sheet: RawSheet, figures: Figures, s: int, rows: range, column: _Column, factor: int) -> None:
    info = figures.info
    written = Decimal(repr(sheet.rows[s][info.index - sheet.col_offset]))
    mine = [i for i in plan.data_rows if rows.start <= i < rows.stop]
    said = {
        "declared": SheetFigure(int((written * factor).to_integral_value()), factor),
        "counted": SheetFigure(column.total(rows), factor),
        "count": len(mine),
        "rows": runs_text([i + sheet.row_offset + 1 for i in mine]),
        "what": figures.what(),
    }
    where = (sheet.name, s + sheet.row_offset + 1, info.letter, info.header, f"{written.normalize():,f}")
    plan.sheet_problems.append(CellProblem(*where, Problem("subtotal_differs", figures.field, said)))


def _label(row: list) -> str:
    return cells.fold(next((v for v in row if v.__class__ is str and v.strip()), ""))
