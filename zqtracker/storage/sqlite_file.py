"""Looking at a SQLite file without touching it: a read-only connection (immutable in a read-only
folder), whether this program may write there, what the file is — ours, new, foreign, newer or
damaged — and SQLite's own page check.

Nothing here writes: a file is refused before anything (not even the switch to WAL mode, which
rewrites the header) happens to it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from zqtracker.storage.db_errors import DatabaseOpenError, fault_of, integrity_lines
from zqtracker.storage.schema import ZQ_TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_EVERY = 20_000  # SQLite VM steps of a page check between two calls of its ``check``
BUSY_TIMEOUT_S = 10.0  # how long a write waits for another program's lock before "locked" (read at each use);
# a server connection's lock_timeout too (storage/database.py), set as it connects


def _ro_uri(path: Path, *, immutable: bool = False) -> str:
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def connect_read_only(path: Path, *, timeout: float | None = None) -> sqlite3.Connection:
    """A read-only connection that works in a read-only folder too: a database in WAL mode needs
    its -shm file, which such a folder cannot hold, so the file is then opened as immutable."""
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    con = sqlite3.connect(_ro_uri(path), uri=True, timeout=wait)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError as exc:
        con.close()
        if "unable to open" not in str(exc) or not is_read_only_location(path):
            raise
    return sqlite3.connect(_ro_uri(path, immutable=True), uri=True, timeout=wait)


def is_read_only_location(path: Path) -> bool:
    """True when this program may not write ``path`` or create files beside it (its journal):
    permissions, an immutable file, or a read-only mount."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(path.parent, os.W_OK | os.X_OK)


def inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of a zqtracker SQLite file; None for a new (absent) database.

    Read only. Raises DatabaseOpenError for anything that is not a healthy zqtracker file — a
    zero-length file included (an interrupted copy is not a new database).
    """
    shown = str(path)
    if path.is_dir():
        raise DatabaseOpenError("not_a_file", file=shown)
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError("no_folder", file=shown, folder=str(path.parent))
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError("unreadable", file=shown, detail=exc.strerror or str(exc)) from None
    if not header and _being_created(path):
        return inspect_sqlite_file(path)  # another program's new database: its header is there now
    if not header:
        raise DatabaseOpenError("empty_file", file=shown)
    if header != SQLITE_HEADER:
        if len(header) < len(SQLITE_HEADER) and SQLITE_HEADER.startswith(header):
            raise DatabaseOpenError("corrupt", file=shown, detail="truncated")
        raise DatabaseOpenError("not_sqlite", file=shown)
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise fault_of(exc, shown) or DatabaseOpenError("cannot_open", file=shown, detail=str(exc)) from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            if path.stat().st_size > _page_size(con):
                raise DatabaseOpenError("corrupt", file=shown, detail="no tables")
            return None
        if "alembic_version" not in tables or not tables >= ZQ_TABLES:
            raise DatabaseOpenError("foreign_database", file=shown)
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise DatabaseOpenError("foreign_database", file=shown)
        return str(row[0])
    except sqlite3.Error as exc:
        raise fault_of(exc, shown) or DatabaseOpenError("corrupt", file=shown, detail=str(exc)) from None
    finally:
        con.close()


def _being_created(path: Path) -> bool:
    """Whether an empty file made in the last seconds gets a header within them: a new database
    another program is creating (its first statement writes the header), not an interrupted copy
    (probe26b S1: a second import started at the same moment was told to delete the file the first
    was creating). Waits at most ``_NEW_FILE_S``."""
    try:
        deadline = path.stat().st_mtime + _NEW_FILE_S
        while time.time() < deadline:
            if path.stat().st_size > 0:
                return True
            time.sleep(0.05)
    except OSError:
        pass
    return False


_NEW_FILE_S = 2.0


def _page_size(con: sqlite3.Connection) -> int:
    try:
        return int(con.execute("PRAGMA page_size").fetchone()[0])
    except sqlite3.Error:
        return 4096


def quick_check(con: sqlite3.Connection, limit: int = 20, check: Callable[[], None] | None = None) -> list[str]:
    """SQLite's own check of every page (``PRAGMA quick_check``): [] when healthy, else its
    messages one per line. ``check`` is called every so many steps of the check and may raise
    to stop it: what it raises comes out of here, once SQLite has stopped."""
    stopped: list[BaseException] = []
    if check is not None:
        stop = check

        def between_steps() -> int:  # SQLite's progress handler: non-zero interrupts the statement
            try:
                stop()
            except BaseException as exc:  # noqa: BLE001 - raised again once SQLite has stopped
                stopped.append(exc)
                return 1
            return 0

        con.set_progress_handler(between_steps, CHECK_EVERY)
    try:
        rows = [str(r[0]) for r in con.execute(f"PRAGMA quick_check({int(limit)})")]
        problems = [] if rows == ["ok"] else integrity_lines(rows)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    finally:
        if check is not None:
            con.set_progress_handler(None, 0)
    if stopped:  # interrupted by ``check``: not damage
        raise stopped[0]
    return problems
