"""A quarter's figure no year to date of its row reaches (二季度 | 三季度 without 一季度; 4—6月完成投资 alone):
months first..last of a year as one record (fix28q; io/quarters.py reads them, chaining the rest into years
to date). Against what is stored for those months, nothing is counted twice:

- nothing stored for any of them: one record over first..last (InvestmentRecord.first_month), the months
  before it left unreported, as a first 1–X月累计 leaves none;
- the same span stored: the same figure is unchanged, another replaces it (a quarter re-sent, as a month is);
- the months stored on their own (4月 | 5月 | 6月, or spans inside the quarter) and covering all of it: their sum
  is held against the quarter — the same, nothing written; another, a problem of the row with both figures;
- a stored figure covering only some of the quarter's months, or reaching past them (1–6月 beside 4-6月): the
  quarter cannot be stored beside it without counting months twice, nor taken out of it without a guess —
  a problem of the row, naming the stored figures.

What a quarter beside some of its months leaves to the months left empty (4月 | 5月 | 二季度: June, fix28q2;
io/quarter_rows.py) is held the same way, except that it never replaces a stored figure: another is asked.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money_format import SheetAmount
from zqtracker.domain.quarter_messages import MonthsOf, StoredMonths
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SPAN, ColumnInfo
from zqtracker.io.quarter_rows import typed
from zqtracker.services.import_figures import stored_records
from zqtracker.services.import_model import INVALID, Context, ImportAnalysis, SheetAnalysis


def analyse_spans(
    result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, written: dict[int, list[int]], own: list[tuple]
) -> None:
    """The sheet's quarters left as spans → records to write, or problems of their rows. ``written``: k →
    [records written, unchanged]; ``own``: the records the sheet's months made (import_records.py) — a row
    asked writes none of them (--skip-invalid: 4月 | 5月 of a row whose 二季度 leaves June another figure)."""
    plan = sa.plan
    assert plan is not None
    for k, y, first, last, yuan in plan.spans:
        target = sa.targets[k] if sa.targets else None
        if target is None or sa.status[k] == INVALID:
            continue
        here = {r.month: r for r in (stored_records(ctx, target, y) if result.mode != "replace" else [])}
        made = {r[2]: r for r in result.records if r[0] == target and r[1] == y}  # this import's, so far
        here.update({m: InvestmentRecord(target, y, m, r[3], r[5]) for m, r in made.items()})
        over = sorted((r for r in here.values() if r.first <= last and r.month >= first), key=lambda r: r.month)
        counts = written.setdefault(k, [0, 0])
        same = len(over) == 1 and (over[0].first, over[0].month) == (first, last) and last not in made
        if not over or (same and _column(sa, y, first, last) is not None):  # (a month a quarter leaves: held)
            before = over[0].amount if over else None
            if before == yuan:
                counts[1] += 1
                result.records_unchanged += 1
            else:
                result.records.append((target, y, last, yuan, before, first if first < last else None))
                counts[0] += 1
            continue
        inside = all(first <= r.first and r.month <= last for r in over)
        covered = {m for r in over for m in range(r.first, r.month + 1)}
        if inside and covered == set(range(first, last + 1)) and sum(r.amount for r in over) == yuan:
            counts[1] += 1  # 4月 | 5月 | 6月 stored, adding up to the quarter: nothing to write
            continue
        code = "span_months_differ" if inside and covered == set(range(first, last + 1)) else "span_overlaps_stored"
        _problem(sa, k, (y, first, last, yuan), over, code)
        mine = {id(r) for r in own if r[0] == target}
        result.records[:] = [r for r in result.records if id(r) not in mine]


def check_chained(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context) -> None:
    """Quarters read as years to date (一季度 | 二季度: io/quarters.py) whose months are stored on their own: their
    sum must be the quarter — the year to date alone would move the last month's figure to fit; a problem of the
    row, with both figures, instead."""
    plan = sa.plan
    assert plan is not None
    for k, y, first, last, yuan in plan.chained if result.mode != "replace" else ():
        target = sa.targets[k] if sa.targets else None
        if target is None or target <= 0 or sa.status[k] == INVALID:
            continue
        over = [r for r in stored_records(ctx, target, y) if r.first <= last and r.month >= first]
        covered = {m for r in over for m in range(r.first, r.month + 1)}
        inside = all(first <= r.first and r.month <= last for r in over)
        if covered == set(range(first, last + 1)) and inside and sum(r.amount for r in over) != yuan:
            _problem(sa, k, (y, first, last, yuan), over, "span_months_differ")


def _problem(sa: SheetAnalysis, k: int, span: tuple[int, int, int, int], over: list, code: str) -> None:
    """The row's quarter ``span`` (year, first, last, yuan) against the stored figures ``over`` its months."""
    plan = sa.plan
    assert plan is not None
    y, first, last, yuan = span
    factor = plan.factors.get(SPAN) or plan.factors.get("ytd") or 1  # said as the sheet writes them (万元), exactly
    said = {
        "year": y,
        "first": first,
        "last": last,
        "span": MonthsOf(y, first, last),
        "value": SheetAmount(yuan, factor),
    }
    said["stored"] = SheetAmount(sum(r.amount for r in over), factor)
    said["months"] = StoredMonths(tuple((r.first, r.month, r.amount) for r in over), factor)
    col = _column(sa, y, first, last) or next(
        (c for c in sa.layout.mapped() if c.field == SPAN and c.first_month and c.first_month <= first), None
    )
    where = (sa.name, plan.row_numbers[k], col.letter if col else "", col.header if col else "")
    plan.add_problem(k, CellProblem(*where, typed(yuan, factor), Problem(code, "amount", said)))
    sa.status[k] = INVALID


def _column(sa: SheetAnalysis, y: int, first: int, last: int) -> ColumnInfo | None:
    """The quarter column of months first..last; None for the months a quarter beside some of its months leaves
    empty (io/quarter_rows.py: 6月 of 4月 | 5月 | 二季度), which never replace a stored figure unasked."""
    spans = (c for c in sa.layout.mapped() if c.field == SPAN and c.first_month == first and c.period == (y, last))
    return next(spans, None)
