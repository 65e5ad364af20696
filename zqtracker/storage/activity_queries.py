"""Aggregates the dashboard needs beyond the statistics cubes: stale projects, recorded years.

The stale-project figure is a count, so it is answered in SQL from the projects' stored last
activity (storage/last_activity.py).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.status import Status
from zqtracker.storage.filtering import filter_clause
from zqtracker.storage.tables import InvestmentRow, ProjectTable

TERMINAL = tuple(sorted(s.value for s in Status if s.is_terminal))


def count_stale(session: Session, cutoff: date, f: ProjectFilter | None = None) -> int:
    """Projects that ``services.statistics.is_stale`` flags for ``cutoff``, counted in SQL.

    Not stale: finished business (in production, cancelled), or a last activity (the stored
    later of the latest status change and the end of the latest month with a record) on or
    after the cutoff. One scan of the projects table: ~10 ms for 100k projects, where deriving
    the dates from history and records took 0.25 s.
    """
    p = ProjectTable
    stmt = (
        select(func.count())
        .select_from(p)
        .where(p.status.not_in(TERMINAL), (p.last_activity_on < cutoff) | p.last_activity_on.is_(None))
    )
    clause = filter_clause(f)
    if clause is not None:
        stmt = stmt.where(clause)
    return int(session.scalar(stmt) or 0)


def record_years(session: Session) -> tuple[int, int] | None:
    """The first and last year that have investment records.

    Two scalar sub-selects, because SQLite answers a lone min() or max() from the index in one
    step but scans every record for ``SELECT min(year), max(year)`` (0.14 s at 100k projects).
    """
    first = select(func.min(InvestmentRow.year)).scalar_subquery()
    last = select(func.max(InvestmentRow.year)).scalar_subquery()
    first, last = session.execute(select(first, last)).one()
    return None if first is None else (int(first), int(last))
