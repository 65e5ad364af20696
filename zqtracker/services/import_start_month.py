"""A project's first year to date of a year reaching back before its construction started (F2, probe30b).

A project that started construction in April 2025 and first reports 1-4月累计 has nothing of its own in
January–March: under the statistics' rules what was spent before the start is counted in the start month.
Stored as one figure over 1–4 (domain/cumulative.py never spreads a year to date), it would leave every
year to date through January–March of 2025 — and the 2026 growth through them — without a figure. Where
the start month is known to the month (开工时间 of the row, else of the stored project, to the day or the
month, in the figure's year), the figure is stored as the start month's own amount (months start..X when
the report reaches past it), with a note. Nothing else is taken as the start: a project's first appearance
in a list is not proof of nothing spent before (key-project lists take projects in mid-year with their
year's investment), nor is 新开工 (this year, not this month); those keep the span 1–X.
"""

from __future__ import annotations

from dataclasses import replace

from zqtracker.domain.cumulative import YtdDerivation
from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.models import InvestmentRecord
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import Context

_KNOWN = (DatePrecision.DAY, DatePrecision.MONTH)


def start_month(ctx: Context, plan: SheetPlan, k: int, target: int, year: int) -> int | None:
    """The month of ``year`` the project of row ``k`` started construction in, where the row (开工时间)
    or the stored project says it to the month; None: unknown, or not in ``year``."""
    days, precisions = plan.values.get("construction_start_on"), plan.values.get("construction_start_on_precision")
    when = FuzzyDate.of(days[k], precisions[k] if precisions else None) if days is not None else None
    if when is None and target > 0 and target in ctx.rows:
        when = ctx.codec.fuzzy_dates([ctx.rows[target]], "construction_start_on")[0]
    if when is None or when.precision not in _KNOWN or when.day.year != year:
        return None
    return when.day.month


def from_start(
    records: tuple[InvestmentRecord, ...], stored: list[InvestmentRecord], start: int
) -> tuple[InvestmentRecord, ...] | None:
    """``records`` with the first figure of the year covering months before ``start`` made to begin at
    ``start``; None where nothing changes or where something is stored before ``start`` (figures before
    the start: the date or the figures are wrong, and the span stays as reported)."""
    if any(r.month < start for r in stored) or any(r.month < start for r in records):
        return None
    out, changed = [], False
    for r in records:
        if r.first_month is not None and r.first_month < start <= r.month:
            r, changed = replace(r, first_month=start if start < r.month else None), True
        out.append(r)
    return tuple(out) if changed else None


def start_note(plan: SheetPlan, k: int, year: int, record: InvestmentRecord, start: int) -> None:
    """Say it, in the sheet's notes: the row, the figure's months and the start month."""
    params = {"row": plan.row_numbers[k], "year": year, "last": record.month, "start": start}
    plan.notes.append(Problem("note_ytd_from_start", None, params))


def before_start(unreported: tuple[int, ...], start: int | None) -> tuple[int, ...]:
    """Months not reported, less those before the start (nothing to report then)."""
    return unreported if start is None else tuple(m for m in unreported if m >= start)


def at_start(
    ctx: Context,
    plan: SheetPlan,
    k: int,
    target: int,
    year: int,
    derived: YtdDerivation,
    stored: list[InvestmentRecord],
) -> YtdDerivation:
    """``derived`` with its first figure begun at the project's start month,
    where known (:func:`start_month`), and the months before it not counted as unreported; noted when moved."""
    start = start_month(ctx, plan, k, target, year)
    if not start:
        return derived
    moved = from_start(derived.write, stored, start) if not derived.problems else None
    if moved is not None:  # moved onto what an earlier import of the list stored: nothing to write (probe31c F10)
        old = {(r.month, r.first, r.amount) for r in stored if r.year == year}
        first = next(r for r in moved if r.first == start)
        moved = tuple(r for r in moved if (r.month, r.first, r.amount) not in old)
        if first in moved:
            start_note(plan, k, year, first, start)
    derived = replace(derived, write=derived.write if moved is None else moved,
                      unreported=before_start(derived.unreported, start))  # fmt: skip
    return derived
