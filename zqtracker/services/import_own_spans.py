"""A month's own amount (当月) given for a month a stored span covers (probe23b D15, D16, D20, D21).

A first report of a year through X月 (or one after a gap) is stored as one figure over months f..l — a span.
A later file giving only a month's own amount for one of those months cannot simply be stored at that month:
at the span's last month it replaced the span (1–10月 9,000万 became October's 1,500万: January–September
lost), before it it was stored beside the span (September counted twice). What the figures give exactly is
kept exact, so the year to date a file reported never moves:

- the months given are the span's first months and/or its last ones: what is left, one run of months in the
  middle, is the span less the months given, stored as a figure of its own (1–10月 9,000 with October's
  1,500: 1–9月 7,500 and October 1,500; 7–9月 2,500 with July's 800: July 800 and 8–9月 1,700); months given
  that add up to more than the span is a problem of their rows, with both figures;
- a month with months of the span on both sides of it that are not given cannot be taken out of it (1–10月
  with September alone: how much of the rest is October's?): asked, on its row, with both figures;
- every month of the span given: the months replace it (a full restatement, as a month re-sent does).

A month beside the same row's year to date through it is the year to date's business (import_figures.py).
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.values import display
from zqtracker.services.import_model import INVALID, Context, ImportAnalysis, SheetAnalysis


def own_months_in_spans(
    result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, own_records: list[tuple], written: dict[int, list[int]]
) -> None:
    """Split or ask for the stored spans this sheet's own months fall in. ``own_records``: the records the
    sheet's months made (the tuples of ``result.records``); ``written``: k → [records written, unchanged]."""
    plan = sa.plan
    assert plan is not None
    if not plan.months or not ctx.investment or result.mode == "replace":
        return
    spans = _spans(ctx)
    if not spans:
        return
    beside_ytd = {(sa.targets[k], y, m) for k, y, m, _v in plan.ytd}
    own: dict[tuple[int, int], dict[int, tuple[int, int]]] = {}  # (target, year) → month → (k, yuan)
    for k, y, m, yuan in plan.months:
        target = sa.targets[k]
        if target is None or target <= 0 or (target, y) not in spans or sa.status[k] == INVALID:
            continue
        if (target, y, m) not in beside_ytd:
            own.setdefault((target, y), {})[m] = (k, yuan)
    if not own:
        return
    made = {(r[0], r[1], r[2]): r for r in own_records}
    present = {(r[0], r[1], r[2]): r for r in result.records}  # what this import writes so far, by month
    dropped: set[int] = set()
    for (target, y), months in own.items():
        for first, last, amount in spans[(target, y)]:
            given = {m: v for m, v in months.items() if first <= m <= last}
            if not given or (set(given) == {last} and (target, y, last) not in made):
                continue  # no month of it, or its last month given as the span's own figure: nothing moves
            head = first - 1  # the span's first months given: first..head
            while head + 1 in given:
                head += 1
            tail = last + 1  # its last months given: tail..last
            while tail - 1 in given:
                tail -= 1
            if head >= last:  # every month: they replace the span, its last month alone
                _alone_at_last(result, target, y, last, given[last], amount, made, written)
                continue
            inside = sorted(m for m in given if head < m < tail)
            stored_inside = any((target, y, m) in ctx.investment for m in range(first, last))
            total = sum(v for _k, v in given.values())
            if inside or stored_inside or total > amount:
                for m in inside or [m for m in given if stored_inside] or [max(given)]:
                    k, yuan = given[m]
                    said = {"month": m, "value": yuan, "first": first, "last": last, "span": amount}
                    if inside or stored_inside:
                        _ask(sa, k, y, m, Problem("month_inside_span", "amount", said))
                    else:
                        _ask(sa, k, y, m, Problem("months_above_span", "amount", {**said, "given": total}))
                for k, _v in given.values():
                    sa.status[k] = INVALID
                dropped.update(id(made[(target, y, m)]) for m in given if (target, y, m) in made)
                continue
            rest, mid_first, mid_last = amount - total, head + 1, tail - 1
            other = present.get((target, y, mid_last))  # this file's year to date made it already?
            if other is not None and (other[3], other[5]) != (rest, mid_first if mid_first < mid_last else None):
                k = given[max(given)][0]
                _ask(sa, k, y, max(given), Problem("ytd_other_sheet", "amount", {"value": f"{y}-{mid_last:02d}"}))
                sa.status[k] = INVALID
                continue
            if other is None:
                before = amount if mid_last == last else None
                result.records.append((target, y, mid_last, rest, before, mid_first if mid_first < mid_last else None))
                written.setdefault(given[max(given)][0], [0, 0])[0] += 1
            if last in given:
                _alone_at_last(result, target, y, last, given[last], amount, made, written)
    if dropped:
        result.records[:] = [r for r in result.records if id(r) not in dropped]


def _alone_at_last(
    result: ImportAnalysis,
    target: int,
    y: int,
    last: int,
    given: tuple[int, int],
    amount: int,
    made: dict[tuple[int, int, int], tuple],
    written: dict[int, list[int]],
) -> None:
    """The span's last month written as that month alone: its own amount was taken as the span's stored
    figure (the same, or merely rounded) and made no record — it must, or the span would stay over months
    now written apart."""
    if (target, y, last) in made:
        return
    k, yuan = given
    result.records.append((target, y, last, yuan, amount, None))
    counts = written.setdefault(k, [0, 0])
    counts[0] += 1
    if counts[1]:
        counts[1] -= 1
        result.records_unchanged -= 1


def _ask(sa: SheetAnalysis, k: int, y: int, m: int, problem: Problem) -> None:
    """The problem on the cell of month ``m`` in row k (a wide sheet: that month's column)."""
    plan = sa.plan
    assert plan is not None
    columns = sa.layout.mapped()  # a sheet's 10月完成投资 (its month), else a monthly sheet's amount column
    info = next((c for c in columns if c.month in ((y, m), (None, m))), None) or next(
        (c for c in columns if c.field == "amount"), None
    )
    i, j = plan.data_rows[k], (info.index if info else -1) - sa.raw.col_offset
    row = sa.raw.rows[i] if i < len(sa.raw.rows) else ()
    typed = display(row[j]) if 0 <= j < len(row) else f"{y}-{m:02d}"
    letter, header = (info.letter, info.header) if info else ("", "")
    plan.add_problem(k, CellProblem(sa.name, plan.row_numbers[k], letter, header, typed, problem))


def _spans(ctx: Context) -> dict[tuple[int, int], list[tuple[int, int, int]]]:
    """(project, year) → its stored spans (first month, last month, amount), built once per import."""
    if ctx.spans is None:
        found: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for (pid, y, m), row in ctx.investment.items():
            if len(row) > 3 and row[3] is not None:
                found.setdefault((pid, y), []).append((row[3], m, row[0]))
        ctx.spans = found
    return ctx.spans
