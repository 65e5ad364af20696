"""Edits the desktop app makes so that each can be taken back exactly (its undo), fast for many.

ProjectService.update writes a status-history row when the status changed but does not say
which; undoing the edit must remove that row, not add a "changed back" one. Both directions run
in one transaction and check the version, so neither ever overwrites someone else's save.

The bulk actions (status of a selection, undo of a delete) are ProjectService's, set-based.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from zqtracker.domain.models import Project, StatusChange
from zqtracker.domain.validation import validate_project
from zqtracker.services.history import explains_conflicts
from zqtracker.storage.audit import acting
from zqtracker.storage.database import Database
from zqtracker.storage.history import remove_status_changes
from zqtracker.storage.projects import ProjectRepository


class EditingService:
    def __init__(self, database: Database) -> None:
        self.db = database

    @explains_conflicts
    def save(self, project: Project, *, status_on: date | None = None, note: str = "") -> StatusChange | None:
        """Save ``project`` (its version must be the stored one); returns the status change written.

        ``project.version`` is advanced in place. Raises ConcurrentUpdateError, ValidationError.
        """
        validate_project(project)
        assert project.id is not None
        with acting("edit"), self.db.write() as s:
            repo = ProjectRepository(s)
            stored = repo.get(project.id)
            repo.update(project, status_on=status_on, note=note)
            if stored.status == project.status:
                return None
            return max(repo.status_history(project.id), key=lambda c: c.id or 0)

    @explains_conflicts
    def revert(self, before: Project, after: Project, change: StatusChange | None) -> int:
        """Put back ``before`` over ``after`` (which must still be the stored version).

        Returns the stored version afterwards.
        """
        assert after.id is not None
        restore = dataclasses.replace(before, id=after.id, status=after.status, version=after.version)
        with acting("undo"), self.db.write() as s:
            repo = ProjectRepository(s)
            repo.update(restore)  # same status as stored: no history row; checks the version
            if change is not None:
                remove_status_changes(s, [change])
            return repo.get(after.id).version
