"""--skip-invalid: what a refused row of a stored project names is not written.

A row is often refused after its months were collected — its year to date, its quarter or its 自开工累计
disagrees with them (services/import_figures.py, import_spans.py, import_records.py) — and the month records
it made stayed in the analysis: with --skip-invalid a refused row's 2月 (the 1月 | 2月 | 3月 beside a 1-3月累计
that does not add up) was written over the stored one. The records and annual plans of the months and years
a refused row names go: its own months, its quarters' months, and months 1 to X of its 1–X月累计 (the records
derived from it lie among them).
"""

from __future__ import annotations

from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import INVALID, ImportAnalysis


def drop_refused(result: ImportAnalysis) -> None:
    """Records and plans of stored projects (target > 0) that a refused row names, taken out of ``result``
    — but for the months and years a row not refused names of the same project (row 7 is project 4 by its
    code, row 8 --link'ed onto it too is refused as the same project twice: row 7's November stands)."""
    months: set[tuple[int, int, int]] = set()  # (target, y, m)
    years: set[tuple[int, int]] = set()  # (target, y) of a plan
    kept_months: set[tuple[int, int, int]] = set()
    kept_years: set[tuple[int, int]] = set()
    for sa in result.selected:
        plan, status, targets = sa.plan, sa.status, sa.targets
        assert plan is not None
        if not status or INVALID not in status:
            continue
        stored = [(k, t) for k, t in enumerate(targets or ()) if t is not None and t > 0]
        _named(plan, {k: t for k, t in stored if status[k] == INVALID}, months, years)
        _named(plan, {k: t for k, t in stored if status[k] != INVALID}, kept_months, kept_years)
    months -= kept_months
    years -= kept_years
    if months:
        result.records = [r for r in result.records if not _touches(r, months)]
    if years:
        result.plans = [p for p in result.plans if (p[0], p[1]) not in years]


def _named(
    plan: SheetPlan, rows: dict[int, int], months: set[tuple[int, int, int]], years: set[tuple[int, int]]
) -> None:
    """The (target, y, m) months and (target, y) plan years the rows ``rows`` (k → target) name, added."""
    target = rows.get
    for k, y, m, _v in plan.months:
        if (t := target(k)) is not None:
            months.add((t, y, m))
    for k, y, m, _v in plan.ytd:
        if (t := target(k)) is not None:
            months.update((t, y, mm) for mm in range(1, m + 1))
    for k, y, first, last, _v in (*plan.spans, *plan.chained):
        if (t := target(k)) is not None:
            months.update((t, y, mm) for mm in range(first, last + 1))
    for k, y, _v in plan.plans:
        if (t := target(k)) is not None:
            years.add((t, y))


def _touches(record: tuple, months: set[tuple[int, int, int]]) -> bool:
    """The record (target, y, m, yuan, before, first month | None) covers a month a refused row names."""
    target, y, m, first = record[0], record[1], record[2], record[5]
    return any((target, y, mm) in months for mm in range(first or m, m + 1))
