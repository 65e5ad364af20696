"""What the desktop project table reads: all rows, some rows again, activity for stale marks.

Split from ProjectService because the table loads in stages (rows first, then the slower
activity dates) and refreshes single rows after an edit, which the CLI never needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from zqtracker.domain.filters import ProjectRow
from zqtracker.services.progress import Progress
from zqtracker.services.statistics import as_of_date, is_stale, stale_cutoff
from zqtracker.storage.database import Database
from zqtracker.storage.meta import get_meta
from zqtracker.storage.project_list import ProjectListReader


@dataclass(frozen=True, slots=True)
class Activity:
    """Latest activity date per project, and the day the database is judged as of."""

    last_activity: dict[int, date]
    as_of: date


class ProjectListService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def all_rows(self, progress: Progress | None = None) -> list[ProjectRow]:
        """Every project, ordered by id, without activity dates (those come from :meth:`activity`).

        One snapshot: an import or its undo committing between the reads of names and of rows
        would leave rows naming an enterprise or sector never read (issue 16: a KeyError)."""
        if progress is not None:
            progress.check()
        with self.db.snapshot() as s:
            rows = ProjectListReader(s).list_rows()
        if progress is not None:
            progress.check()
        return rows

    def rows(self, ids: Sequence[int]) -> list[ProjectRow]:
        """The current rows of these projects, activity dates filled; deleted ones are absent."""
        if not ids:
            return []
        with self.db.snapshot() as s:
            repo = ProjectListReader(s)
            rows = repo.list_rows(ids=list(ids))
            activity = repo.last_activity([r.id for r in rows]) if len(rows) <= 900 else repo.last_activity()
        for r in rows:
            r.last_activity_on = activity.get(r.id)
        return rows

    def activity_date(self) -> date:
        """The day stale marks are judged as of (a demo snapshot's own date, else today)."""
        with self.db.session() as s:
            return as_of_date(get_meta(s, "as_of"))

    def activity(self, progress: Progress | None = None) -> Activity:
        with self.db.snapshot() as s:
            last = ProjectListReader(s).last_activity()
            as_of = get_meta(s, "as_of")
        if progress is not None:
            progress.check()
        return Activity(last, as_of_date(as_of))


def stale_ids(
    rows: Sequence[ProjectRow], as_of: date, months: int, last_activity: dict[int, date] | None = None
) -> set[int]:
    """Ids of the rows with no activity for ``months`` months (design.md, stale projects).

    ``last_activity`` (by id) stands in for the rows' own ``last_activity_on``, so that a loader
    can judge rows it may not modify.
    """
    cutoff = stale_cutoff(as_of, months)
    if last_activity is None:
        return {r.id for r in rows if is_stale(r, cutoff)}
    out: set[int] = set()
    for r in rows:
        if r.status.is_terminal:  # the rule of statistics.is_stale, without copying 100k rows
            continue
        last = last_activity.get(r.id)
        if last is None or last < cutoff:
            out.add(r.id)
    return out
