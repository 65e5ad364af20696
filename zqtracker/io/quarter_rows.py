"""A quarter beside its own months in one row (fix28q2):

    肇庆市高要区2025年上半年重点项目完成投资情况表          单位：万元
    4月 | 5月 | 6月 | 二季度                            100 | 200 | 300 | 600

The months are stored as given and the quarter is held against them, never stored again beside them:

- all its months given: their sum must be the quarter (100 + 200 + 300 = 600); another sum is a problem of
  the row naming the quarter and both figures as the sheet writes them, and nothing of the row is read;
- some of its months given (4月 | 5月 | 二季度): what the quarter leaves is the months left empty, as a
  1–X月累计 leaves its empty months what it does not give to the months beside it (import_own_months.py) — one
  run of them (6月) as one figure over the run (a span: held against what is stored for it, never moving a
  stored month: services/import_spans.py); several runs (5月 alone given: 4月 and 6月 empty) only when
  nothing is left (each then 0), else whose is it? asked. Months above the quarter: a problem of the row.

Quarters chained into years to date (一季度, or 二季度 after it: io/quarters.py) are checked so by the year to
date against the row's months (services/import_own_months.py); this reads the quarters left as spans.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SPAN, SheetLayout
from zqtracker.io.row_ranges import empty_runs

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan


def quarters_beside_months(plan: SheetPlan, layout: SheetLayout, sheet: str) -> None:
    """Each row's quarter spans against the row's own months inside them (module docstring)."""
    given: dict[tuple[int, int], dict[int, int]] = {}
    for k, y, m, yuan in plan.months:
        given.setdefault((k, y), {})[m] = yuan
    kept: list[tuple[int, int, int, int, int]] = []
    bad: set[int] = set()
    units = (plan.factors.get("amount") or 1, plan.factors.get(SPAN) or 1)  # the months', the quarter's
    for span in plan.spans:
        k, y, first, last, yuan = span
        own = {m: v for m, v in given.get((k, y), {}).items() if first <= m <= last}
        if not own:
            kept.append(span)
            continue
        rest, runs = yuan - sum(own.values()), empty_runs(first, last, set(own))
        if rest < 0 or (rest and not runs) or (rest and len(runs) > 1):
            code = "quarter_months_gap" if rest > 0 and len(runs) > 1 else "quarter_months_differ"
            _problem(plan, layout, sheet, (k, *span[1:]), own, runs, code, units)
            bad.add(k)
            continue
        kept += [(k, y, a, b, rest if i == 0 else 0) for i, (a, b) in enumerate(runs)]  # rest 0 if several
    if bad:
        plan.months = [f for f in plan.months if f[0] not in bad]
        plan.ytd = [f for f in plan.ytd if f[0] not in bad]
    plan.spans = [s for s in kept if s[0] not in bad]


def _problem(
    plan: SheetPlan,
    layout: SheetLayout,
    sheet: str,
    span: tuple[int, int, int, int, int],
    own: dict[int, int],
    runs: list[tuple[int, int]],
    code: str,
    units: tuple[int, int],
) -> None:
    """The row's quarter ``span`` (k, year, first, last, yuan) against its own months ``own`` (month → yuan)."""
    k, y, first, last, yuan = span
    col = next(
        (c for c in layout.mapped() if c.field == SPAN and c.first_month == first and c.period == (y, last)), None
    )
    said: dict[str, object] = {"year": y, "first": first, "last": last, "header": col.header if col else ""}
    said |= {"value": SheetAmount(yuan, units[1]), "sum": SheetAmount(sum(own.values()), units[0])}
    said["months"] = ", ".join(str(m) for m in sorted(own))
    said["empty"] = ", ".join(f"{a}–{b}" if a < b else str(a) for a, b in runs)
    where = (sheet, plan.row_numbers[k], col.letter if col else "", col.header if col else "")
    plan.add_problem(k, CellProblem(*where, typed(yuan, units[1]), Problem(code, "amount", said)))


def typed(yuan: int, factor: int) -> str:
    """A cell's figure as the sheet writes it (7,000,000 yuan in a sheet of 万元: "700")."""
    return f"{(Decimal(yuan) / factor).normalize():,f}"
