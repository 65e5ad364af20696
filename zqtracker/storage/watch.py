"""Noticing other people's changes: LISTEN/NOTIFY on a server, PRAGMA data_version on a shared
SQLite file; then the audit trail says which projects changed.

``poll()`` is cheap when nothing happened (a pragma, or a look at notifications already received)
so that a window can call it every second.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlalchemy import func, select

from zqtracker.storage.database import Database
from zqtracker.storage.tables import ProjectChangeRow


@dataclass
class SeenChanges:
    projects: set[int] = field(default_factory=set)
    investment: bool = False  # monthly amounts or plans among them
    unknown: bool = False  # something changed that the trail does not name (reference lists…)


class ChangeWatcher:
    def __init__(self, database: Database) -> None:
        self.db = database
        self._sqlite: sqlite3.Connection | None = None
        self._listen = None
        self._version: int | None = None
        with database.session() as s:
            self.last_id = s.scalar(select(func.max(ProjectChangeRow.id))) or 0
        path = database.sqlite_path
        if path is not None:
            self._sqlite = sqlite3.connect(path, check_same_thread=False)
            self._version = self._data_version()
        elif database.engine.dialect.name == "postgresql":
            import psycopg
            from psycopg.conninfo import make_conninfo

            u = database.engine.url
            # a URL's repeated query key holds a tuple of values: the last one counts
            options = {k: v if isinstance(v, str) else v[-1] for k, v in u.query.items()}
            conninfo = make_conninfo(
                host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database, **options
            )
            self._listen = psycopg.connect(conninfo, autocommit=True)
            self._listen.execute("LISTEN zqtracker")

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _woken(self) -> bool:
        if self._sqlite is not None:
            version = self._data_version()
            changed, self._version = version != self._version, version
            return changed
        if self._listen is not None:
            return bool(list(self._listen.notifies(timeout=0)))
        return False

    def poll(self) -> SeenChanges | None:
        """What changed since the last poll (committed by anyone), or None."""
        if not self._woken():
            return None
        seen = SeenChanges()
        with self.db.session() as s:
            rows = s.execute(
                select(ProjectChangeRow.id, ProjectChangeRow.project_id, ProjectChangeRow.field)
                .where(ProjectChangeRow.id > self.last_id)
                .order_by(ProjectChangeRow.id)
            ).all()
        for row_id, pid, name in rows:
            self.last_id = max(self.last_id, row_id)
            seen.projects.add(pid)
            seen.investment = seen.investment or name.startswith(("investment ", "plan "))
        seen.unknown = not rows
        return seen

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._listen is not None:
            self._listen.close()
            self._listen = None
