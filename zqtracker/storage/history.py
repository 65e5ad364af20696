"""Taking status changes back (undo): the project returns to the status before each change."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, update

from zqtracker.domain.models import StatusChange
from zqtracker.storage import last_activity
from zqtracker.storage.querying import utcnow
from zqtracker.storage.tables import ProjectTable, StatusChangeRow


def remove_status_changes(session, changes: Sequence[StatusChange]) -> None:
    for change in reversed(changes):
        if change.from_status is None:
            continue
        session.execute(
            update(ProjectTable)
            .where(ProjectTable.id == change.project_id)
            .values(status=change.from_status.value, updated_at=utcnow(), version=ProjectTable.version + 1)
        )
        if change.id is not None:
            session.execute(delete(StatusChangeRow).where(StatusChangeRow.id == change.id))
    last_activity.refresh(session, {c.project_id for c in changes})
