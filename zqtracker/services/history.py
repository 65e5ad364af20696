"""The audit trail (留痕) as the detail pane and ``zqtracker history`` read it; and ``acting``,
which names what the writes inside it do (an undo, an import of a file…)."""

from __future__ import annotations

from datetime import date, datetime

from zqtracker.storage.audit import ChangeRow, acting, read_changes
from zqtracker.storage.database import Database

__all__ = ["ChangeRow", "HistoryService", "acting"]


class HistoryService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def changes(self, *, project_id: int | None = None, code: str | None = None, user: str | None = None,
                since: date | None = None, limit: int | None = None) -> list[ChangeRow]:  # fmt: skip
        """Newest first; ``since``: from that day on (00:00 UTC)."""
        start = datetime(since.year, since.month, since.day) if since is not None else None
        with self.db.session() as s:
            return read_changes(s, project_id=project_id, code=code, user=user, since=start, limit=limit)
