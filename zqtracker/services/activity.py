"""Stale projects with what they last did: the stale-projects summary view's use case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.services.projects import ProjectService
from zqtracker.services.statistics import DEFAULT_STALE_MONTHS, StatisticsService
from zqtracker.storage.activity import last_changes
from zqtracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class StaleProject:
    row: ProjectRow  # last_activity_on filled: the later of the two dates below
    last_status_change: date | None
    last_record: tuple[int, int] | None  # (year, month) of the latest completed-investment record
    idle_months: int | None  # whole months from the last activity to the reference date


@dataclass(frozen=True, slots=True)
class StaleList:
    as_of: date
    months: int
    projects: list[StaleProject]


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (31 Jan → 30 Apr is 2, → 1 May is 3)."""
    n = (later.year - earlier.year) * 12 + later.month - earlier.month
    return n - 1 if later.day < earlier.day else n


class ActivityService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def stale(
        self, f: ProjectFilter | None = None, months: int = DEFAULT_STALE_MONTHS, as_of: date | None = None
    ) -> StaleList:
        """The projects StatisticsService.stale_projects flags, longest quiet first."""
        stats = StatisticsService(self.db)
        when = as_of or stats.as_of()
        rows = stats.stale_projects(ProjectService(self.db).list_rows(f), months, today=when)
        with self.db.session() as s:
            last = last_changes(s, {r.id for r in rows})
        rows.sort(key=lambda r: (r.last_activity_on or date.min, -(r.planned_investment or 0), r.id))
        return StaleList(
            as_of=when,
            months=months,
            projects=[
                StaleProject(
                    r,
                    *last[r.id],
                    None if r.last_activity_on is None else months_between(r.last_activity_on, when),
                )
                for r in rows
            ],
        )
