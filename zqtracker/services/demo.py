"""A synthetic data set shaped like Zhaoqing's published figures (2023, January–September).

About 310 manufacturing projects signed in 2023 worth 68.9 billion yuan in total, about 20 of
them at or above 1 billion, on top of projects signed in 2020–2022; monthly completed investment
for 2022 and 2023 with year-on-year growth near +11.9%. Every name is invented and every project
carries a demo note; the database is marked ``demo`` so each view, export and report says so.

Besides them, a handful of negotiating leads (在谈项目) as real lead lists carry them: no code, no
signing date, and some without an amount, a district or a sector — so that the incomplete marks,
the "missing" filter and the totals' "N projects without an amount" have something to show. They
have no investment records and are recent, so every other figure stays as it was.

What the data set is made of: services/demo_tables.py; its projects: services/demo_projects.py;
their histories, monthly investment and plans: services/demo_figures.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from zqtracker.domain.models import StatusChange
from zqtracker.domain.status import Status
from zqtracker.services.demo_figures import annual_plans, history, investment, period_end, shape_yoy
from zqtracker.services.demo_projects import build_demo_projects, lead_projects
from zqtracker.services.demo_tables import AS_OF, CHAINS, DEFAULT_PROJECTS, DISTRICTS, LEADS
from zqtracker.storage.bulk import (
    ensure_enterprises,
    insert_investment,
    insert_plans,
    insert_projects,
    insert_status_changes,
)
from zqtracker.storage.database import Database
from zqtracker.storage.meta import set_meta
from zqtracker.storage.references import ReferenceRepository


@dataclass
class DemoResult:
    projects: int
    signed_2023: int
    signed_2023_planned: int
    billion_2023: int
    investment_records: int


def write_demo(
    database: Database,
    n_projects: int = DEFAULT_PROJECTS,
    *,
    seed: int = 2023,
    last_period: tuple[int, int] = (2023, 9),
    target_yoy: float = 0.119,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Fill an empty database with the demo data set in one transaction."""
    rng = random.Random(seed + 1)
    say = progress or (lambda _msg: None)
    say("projects")
    projects, enterprises = build_demo_projects(n_projects, seed)
    with database.session() as s:
        refs = ReferenceRepository(s)
        for chain, sectors in CHAINS.items():
            for sector in sectors:
                if sector != chain:
                    refs.ensure_sector(sector, chain)
                else:
                    refs.ensure_sector(sector)
        for district in DISTRICTS:
            refs.ensure_district(district)
        ensure_enterprises(s, enterprises)  # names generated, credit codes built with their check character
        insert_projects(s, projects)
        say("history")
        changes = [c for p in projects for c in history(p, rng)]
        insert_status_changes(s, changes)
        say("investment")
        records = [r for p in projects for r in investment(p, rng, last_period)]
        records = shape_yoy(projects, records, last_period, target_yoy, rng)
        insert_investment(s, records)
        plans = annual_plans(projects, records, rng, last_period[0])
        insert_plans(s, plans)
        leads = lead_projects(rng)
        insert_projects(s, leads)
        insert_status_changes(s, [StatusChange(p.id, None, Status.LEAD, on, "") for p, on in  # type: ignore[arg-type]
                                  zip(leads, (lead[7] for lead in LEADS), strict=True)])  # fmt: skip
        set_meta(s, "demo", "1")
        set_meta(s, "as_of", AS_OF.isoformat() if last_period == (2023, 9) else period_end(last_period))
    signed = [p for p in projects if p.signed_on and p.signed_on.year == 2023]
    return DemoResult(
        projects=len(projects) + len(leads),
        signed_2023=len(signed),
        signed_2023_planned=sum(p.planned_investment for p in signed),
        billion_2023=sum(1 for p in signed if p.is_billion_yuan),
        investment_records=len(records),
    )


__all__ = ["DEFAULT_PROJECTS", "DemoResult", "write_demo"]
