"""Plausibility checks on a district's return, before anything is imported (issue 17).

Each check names a figure a person would question, with the numbers that make it questionable;
the analyst accepts it with a note or sends the row back. Typical causes: a 元/万元 slip (the
likely unit is worked out and shown), a cumulative figure typed over last month's, a status
picked from the wrong line of a drop-down list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from zqtracker.domain.rounds import History, MonthFigure, Period, Reported
from zqtracker.domain.status import Status

PLANNED_SHARE = Decimal("0.3")
USUAL_FACTOR = 10
IDLE_MONTHS = 3
BELOW_USUAL_FACTOR = 1000  # a month under a thousandth of the usual one: typed in a larger unit?
PLANNED_IMPLAUSIBLE = 100_000_000_000  # a new project of 1000亿元 or more: typed in 元 in a 万元 cell?
UNIT_FACTORS = {"yuan": 1, "wan": 10_000, "yi": 100_000_000}


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    project_id: int | None
    sheet: str
    row: int
    name: str
    params: dict[str, object] = field(default_factory=dict)
    likely_unit: str | None = None  # "yuan" / "wan" / "yi": what the number was probably typed in
    likely_amount: int | None = None  # the month's yuan amount in that unit

    @property
    def key(self) -> tuple[int | None, str]:
        return (self.project_id, self.check)


def check_row(row: Reported, history: History, figure: MonthFigure, period: Period, unit: str) -> list[Finding]:
    """Every finding of one row. ``unit``: the unit the workbook asked for ("wan" …)."""
    out: list[Finding] = []

    def add(check: str, **params: object) -> Finding:
        f = Finding(check, row.project_id, row.sheet, row.row, row.name, dict(params))
        out.append(f)
        return f

    before = history.ytd_before(period)
    if row.ytd is not None and row.ytd < before and history.has_month_before(period):
        add("ytd_decreased", ytd=row.ytd, previous=before, previous_month=period.month - 1)
    if figure.problem is not None:
        add("month_disagrees", **figure.problem.params)
    amount = figure.amount
    planned = history.planned
    usual = history.usual_month(period)
    if amount is not None and amount > 0:
        share = planned is not None and planned > 0 and Decimal(amount) > PLANNED_SHARE * planned
        above_usual = usual is not None and amount > USUAL_FACTOR * usual
        if share or above_usual:
            unit_guess, guess_amount = likely_unit(amount, unit, planned, usual)
            if share:
                out.append(Finding("month_above_planned_share", row.project_id, row.sheet, row.row, row.name,
                                   {"amount": amount, "planned": planned}, unit_guess, guess_amount))  # fmt: skip
            if above_usual:
                out.append(Finding("month_above_usual", row.project_id, row.sheet, row.row, row.name,
                                   {"amount": amount, "usual": usual}, unit_guess, guess_amount))  # fmt: skip
    if amount is not None and amount > 0 and usual is not None and amount * BELOW_USUAL_FACTOR < usual:
        # 0.03 typed meaning 0.03亿 in a 万元 cell, 79 meaning 79万 in a workbook of 元: 1/1000 of the usual
        unit_guess, guess_amount = likely_unit(amount, unit, planned, usual, larger=True)
        out.append(Finding("month_below_usual", row.project_id, row.sheet, row.row, row.name,
                           {"amount": amount, "usual": usual}, unit_guess, guess_amount))  # fmt: skip
    if row.project_id is None and row.planned is not None and row.planned >= PLANNED_IMPLAUSIBLE:
        unit_guess, guess_amount = likely_unit(row.planned, unit, None, None, smallest=True)
        out.append(Finding("planned_implausible", None, row.sheet, row.row, row.name,
                           {"planned": row.planned}, unit_guess, guess_amount))  # fmt: skip
    if amount is not None and planned is not None and planned > 0:
        before_total = history.since_start_before(period)
        total = before_total + amount + (figure.gap[1] if figure.gap else 0)
        if total > planned >= before_total:  # this return takes it above (an old excess is not news)
            add("total_above_planned", total=total, planned=planned, before=before_total)
    old, new = history.status, row.status_after
    if old is not None and new is not None and old.is_pipeline and new.is_pipeline and new.order < old.order:
        add("status_backwards", before=old.value, after=new.value)
    effective = new or old
    # idle: no investment lately — a listed project, with months on record or none; a new project of the
    # return has no months to speak of (probe40b F6; a listed one with none is still idle: probe40e)
    if effective is Status.UNDER_CONSTRUCTION and (amount or 0) == 0 and row.project_id is not None:
        idle = [period]
        p = period
        for _ in range(IDLE_MONTHS - 1):
            p = p.previous()
            idle.append(p)
        if all(history.records.get((q.year, q.month), 0) == 0 for q in idle[1:]):
            add("idle_under_construction", months=IDLE_MONTHS)
    return out


def likely_unit(
    amount: int, unit: str, planned: int | None, usual: int | None, *, larger: bool = False, smallest: bool = False
) -> tuple[str | None, int | None]:
    """The unit a too-large month was probably typed in, and the amount it then means.

    The number as typed is ``amount / factor(unit)``; read in each smaller unit it gives a
    smaller amount (``larger``: a too-small month, read in each larger unit). The likely one is
    the candidate nearest the usual month (else a tenth of the planned investment) on a log scale,
    provided it passes both checks; with nothing to compare (``smallest``), the smallest unit.
    """
    factor = UNIT_FACTORS.get(unit, 1)
    target = usual if usual else (planned // 10 if planned else None)
    best: tuple[float, str, int] | None = None
    for name, f in UNIT_FACTORS.items():
        if (f <= factor) if larger else (f >= factor):
            continue
        candidate = amount * f // factor
        if smallest:
            return (name, candidate) if candidate > 0 else (None, None)
        if candidate <= 0:
            continue
        if planned and Decimal(candidate) > PLANNED_SHARE * planned:
            continue
        if usual and (candidate > USUAL_FACTOR * usual or candidate * USUAL_FACTOR < usual):
            continue  # (no plausible month in that unit either: an extra zero is no unit slip)
        distance = abs(math.log(candidate / target)) if target else 0.0
        if best is None or distance < best[0]:
            best = (distance, name, candidate)
    return (best[1], best[2]) if best else (None, None)
