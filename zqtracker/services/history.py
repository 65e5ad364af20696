"""The audit trail (留痕) as the detail pane and ``zqtracker history`` read it; and ``acting``,
which names what the writes inside it do (an undo, an import of a file…)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.storage.audit import ChangeRow, acting, read_changes
from zqtracker.storage.database import Database
from zqtracker.storage.watch import ChangeWatcher, SeenChanges

__all__ = ["ChangeRow", "ChangeWatcher", "HistoryService", "SeenChanges", "acting", "explains_conflicts", "watch"]

F = TypeVar("F", bound=Callable[..., Any])


class HistoryService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def changes(self, *, project_id: int | None = None, code: str | None = None, user: str | None = None,
                since: date | None = None, limit: int | None = None) -> list[ChangeRow]:  # fmt: skip
        """Newest first; ``since``: from that day on (00:00 UTC)."""
        start = datetime(since.year, since.month, since.day) if since is not None else None
        with self.db.session() as s:
            return read_changes(s, project_id=project_id, code=code, user=user, since=start, limit=limit)


def explains_conflicts(method: F) -> F:
    """A refused write (ConcurrentUpdateError) carries the other person's latest changes of that
    project (or of the database), read from the audit trail after the rollback, so that the
    refusal can show what they did."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ConcurrentUpdateError as exc:
            if not exc.latest:
                try:
                    exc.latest = HistoryService(self.db).changes(project_id=exc.project_id or None, limit=20)
                except Exception:  # noqa: BLE001 - the refusal itself matters more than its detail
                    exc.latest = []
            named(exc, method.__name__)
            raise

    return run  # type: ignore[return-value]


def named(exc: ConcurrentUpdateError, use: str) -> None:
    """The refused project as the user knows it (code and name) and who changed it last, from the
    audit trail — never its row id (probe34c); ``use``: the refused use case (an undo, a redo…)."""
    exc.context = exc.context or {"revert": "undo", "revert_status_changes": "undo"}.get(use, use)
    mine = [r for r in exc.latest if r.project_id == exc.project_id] if exc.project_id else []
    if not exc.project_id and exc.context in ("undo", "redo"):  # (the database changed: its latest change is theirs)
        mine = exc.latest[:1]
    if mine and not (exc.code or exc.name):
        exc.code, exc.name, exc.user = mine[0].project_code or "", mine[0].project_name or "", mine[0].user_name


def watch(database: Database) -> ChangeWatcher:
    """A watcher of others' changes to ``database`` (close it when done)."""
    return ChangeWatcher(database)
