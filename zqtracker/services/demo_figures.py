"""The demo's figures over its projects: status histories that walk the pipeline along each
project's own dates, monthly completed investment from construction start, the prior year shaped
to the published year-on-year growth (+11.9% in total, automobiles +59.4%, energy +47.4%), and
annual plans.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from zqtracker.domain.models import AnnualPlan, InvestmentRecord, Project, StatusChange
from zqtracker.domain.status import Status
from zqtracker.services.demo_tables import AS_OF

PIPELINE = [s for s in Status if s.is_pipeline and s is not Status.LEAD]

SIDE_STATE_AFTER_DAYS = 160  # on hold or cancelled: after the (at most five) months of investment
SECTOR_GROWTH = {"汽车零部件": 0.594, "新能源汽车整车": 0.594, "能源": 0.474, "新型储能": 0.386}


def history(p: Project, rng: random.Random) -> list[StatusChange]:
    """Status changes that walk the pipeline along the project's own dates."""
    assert p.id is not None and p.signed_on is not None
    changes = [StatusChange(p.id, None, Status.SIGNED, p.signed_on, "")]
    prev, when = Status.SIGNED, p.signed_on
    target = p.status
    walk_to = (
        target if target.is_pipeline else (Status.UNDER_CONSTRUCTION if p.construction_start_on else Status.PREPARING)
    )
    for s in PIPELINE[1 : PIPELINE.index(walk_to) + 1]:
        if s is Status.UNDER_CONSTRUCTION and p.construction_start_on:
            step = p.construction_start_on
        elif s is Status.TRIAL_PRODUCTION and p.production_on:
            step = p.production_on - timedelta(days=rng.randint(30, 90))
        elif s is Status.IN_PRODUCTION and p.production_on:
            step = p.production_on
        else:
            step = when + timedelta(days=rng.randint(10, 60))
        when = min(max(when, step), AS_OF)  # a history reads forward in time, never back
        changes.append(StatusChange(p.id, prev, s, when, ""))
        prev = s
    if not target.is_pipeline:
        # halted after the few months of work investment() records (never while money still flows)
        if p.construction_start_on:
            when = max(when, p.construction_start_on + timedelta(days=SIDE_STATE_AFTER_DAYS))
        when = min(when + timedelta(days=rng.randint(30, 200)), AS_OF)
        changes.append(
            StatusChange(
                p.id, prev, target, when, "演示：资金未到位" if target is Status.ON_HOLD else "演示：企业调整投资计划"
            )
        )
    return changes


def _months_before(ym: tuple[int, int], n: int) -> tuple[int, int]:
    y, m = ym
    m -= n
    while m < 1:
        y, m = y - 1, m + 12
    return y, m


def investment(p: Project, rng: random.Random, last: tuple[int, int]) -> list[InvestmentRecord]:
    """Monthly completed investment from construction start to ``last`` (year, month)."""
    if p.construction_start_on is None or p.id is None:
        return []
    months = rng.randint(18, 36)
    per_month = p.planned_investment * rng.uniform(0.7, 1.0) / months
    out = []
    y, m = p.construction_start_on.year, p.construction_start_on.month
    stop = (p.production_on.year, p.production_on.month) if p.production_on else last
    stop = min(stop, last)
    if p.status in (Status.ON_HOLD, Status.CANCELLED):
        # a few months of work before the halt, and none in the report's own month or the one before
        stop = min(stop, (y + (m + 4) // 12, (m + 4) % 12 + 1), _months_before(last, 2))
    while (y, m) <= stop:
        amount = int(per_month * rng.uniform(0.5, 1.5) / 10_000) * 10_000
        if amount > 0:
            out.append(InvestmentRecord(p.id, y, m, amount))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def shape_yoy(
    projects: list[Project],
    records: list[InvestmentRecord],
    last: tuple[int, int],
    target: float,
    rng: random.Random,
) -> list[InvestmentRecord]:
    """Scale the prior year's records so that year-on-year growth looks like a real city's.

    Total growth lands on ``target``; a few sectors get the growth the published figures show
    (automobiles +59.4%, energy +47.4%), the others a plausible spread. The prior year's
    (sector, district) cells are raked to both sets of margins (iterative proportional fitting).
    """
    y, m = last
    where = {p.id: (p.sector, p.district) for p in projects}
    cur: dict[str, dict[str, int]] = {"s": {}, "d": {}}
    base: dict[tuple[str, str], int] = {}
    for r in records:
        if r.month > m:
            continue
        sector, district = where[r.project_id]
        if r.year == y:
            cur["s"][sector] = cur["s"].get(sector, 0) + r.amount
            cur["d"][district] = cur["d"].get(district, 0) + r.amount
        elif r.year == y - 1:
            base[(sector, district)] = base.get((sector, district), 0) + r.amount
    if not base or not cur["s"]:
        return records
    has_s = {s for s, _ in base}
    has_d = {d for _, d in base}
    t_s = {s: v / (1 + SECTOR_GROWTH.get(s, rng.uniform(-0.15, 0.30))) for s, v in cur["s"].items() if s in has_s}
    t_d = {d: v / (1 + rng.uniform(-0.10, 0.35)) for d, v in cur["d"].items() if d in has_d}
    total = sum(cur["s"].values()) / (1 + target)
    for t in (t_s, t_d):
        k = total / sum(t.values())
        for key in t:
            t[key] *= k
    factor = {c: 1.0 for c in base}
    for _ in range(50):
        for margin, targets in ((0, t_s), (1, t_d)):
            sums: dict[str, float] = {}
            for c, b in base.items():
                sums[c[margin]] = sums.get(c[margin], 0.0) + b * factor[c]
            for c in factor:
                key = c[margin]
                if key in targets and sums.get(key):
                    factor[c] *= targets[key] / sums[key]
    out = []
    for r in records:
        if r.year == y - 1:
            f = factor.get(where[r.project_id], 1.0)
            r = InvestmentRecord(r.project_id, r.year, r.month, int(r.amount * f / 10_000) * 10_000)
        out.append(r)
    return out


def annual_plans(
    projects: list[Project], records: list[InvestmentRecord], rng: random.Random, year: int
) -> list[AnnualPlan]:
    by_project: dict[int, int] = {}
    for r in records:
        if r.year == year:
            by_project[r.project_id] = by_project.get(r.project_id, 0) + r.amount
    plans = []
    for p in projects:
        done = by_project.get(p.id or 0)
        if done is None and not p.is_key_project:
            continue
        base = done if done else p.planned_investment // 4
        plans.append(AnnualPlan(p.id, year, int(base * rng.uniform(1.1, 1.6) / 10_000) * 10_000))  # type: ignore[arg-type]
    return plans


def period_end(period: tuple[int, int]) -> str:
    y, m = period
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).isoformat()
