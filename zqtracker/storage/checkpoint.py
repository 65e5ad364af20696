"""SQLite: the checkpoint after a bulk write runs off the caller's path.

A write in WAL mode goes to the ``-wal`` file; SQLite copies it into the database (a checkpoint)
when a commit leaves the log past 1000 pages — inside that commit, so the caller waits for it. After
an import of 100k projects that is 75 MB copied and synced twice, about a fifth of a second the user
waits for with the import already safe in the log. A bulk write (storage.engine: many rows into one
table) turns the connection's automatic checkpoint off for its commit; when the connection goes back
to the pool its setting is restored and a thread of its own checkpoints the log (PASSIVE: never
waits on, nor holds up, readers and writers). :func:`wait` joins those threads (Database.close);
they are not daemons, so a program that exits meanwhile finishes the copy first. Until then, the
data is read from the log as after any commit, and a crash keeps it there for the next open.

The copy needs room: the file grows by the pages the write added. On a disk the write itself filled
it fails (SQLITE_FULL), silently in a commit, a close and this thread alike — the data is safe in the
log, but every next write is refused as "disk full" with nothing said before. :func:`unfolded` says
it after the write (fix36): cheaply nothing when the disk has room to spare, else by trying the copy.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from zqtracker.domain.errors import Problem
from zqtracker.domain.full_disk_messages import size_text
from zqtracker.storage.db_errors import NEARLY_FULL, fault_of, free_space

_DEFERRED = "zq_checkpoint_deferred"
_AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
_running: dict[Path, list[threading.Thread]] = {}
_lock = threading.Lock()


def defer(raw: sqlite3.Connection, info: dict) -> None:
    """The commit of this write checkpoints nothing; the connection's return to the pool starts it."""
    if not info.get(_DEFERRED):
        raw.execute("PRAGMA wal_autocheckpoint = 0")
        info[_DEFERRED] = True


def install(engine: Engine, path: Path) -> None:
    """Checkpoint ``path`` in the background after a deferring write's connection is given back."""

    def checked_in(dbapi_connection: sqlite3.Connection | None, record) -> None:
        if not record.info.pop(_DEFERRED, False):
            return
        try:
            if dbapi_connection is not None:  # (None: invalidated; its successor starts with the default)
                dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {_AUTOCHECKPOINT_PAGES}")
        except sqlite3.Error:  # a connection being thrown away
            pass
        _start(path)

    event.listen(engine, "checkin", checked_in)


def _start(path: Path) -> None:
    thread = threading.Thread(target=_checkpoint, args=(path,), name="zqtracker-checkpoint")
    with _lock:
        _running.setdefault(path, []).append(thread)
    thread.start()


def _checkpoint(path: Path) -> None:
    try:
        # mode=rw: a file moved away or replaced meanwhile is never created anew, empty
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()
    except sqlite3.Error:  # a file moved, replaced or busy: SQLite's next automatic checkpoint does it
        pass
    finally:
        with _lock:
            threads = _running.get(path, [])
            if threading.current_thread() in threads:
                threads.remove(threading.current_thread())
            if not threads:
                _running.pop(path, None)


def wait(path: Path | None = None) -> None:
    """Until the background checkpoints of ``path`` (of every file: None) have finished."""
    with _lock:
        threads = [t for p, ts in _running.items() if path is None or p == path for t in ts]
    for thread in threads:
        thread.join()


def pending(path: Path) -> bool:
    with _lock:
        return bool(_running.get(path))


def unfolded(path: Path) -> Problem | None:
    """After a committed write to ``path``: the sentence (``log_unfolded``) when its log could not be
    copied into the file for lack of space, None when it could or no room is missing. With room to
    spare (the growth the copy needs and 1 MB more free) nothing is tried; else the background copies
    are waited for and a copy tried (PASSIVE: never waits on readers): a full disk is what it says."""
    log = Path(f"{path}-wal")
    try:
        if not log.stat().st_size:
            return None
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=5)
    except (OSError, sqlite3.Error):
        return None  # no log, or a file moved away: nothing this write left to say
    try:
        free, needed = free_space(str(path.absolute())), _growth(conn, path)
        if free is None or needed <= 0 or free >= needed + NEARLY_FULL:
            return None
        wait(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            return None
        except sqlite3.Error as exc:
            found = fault_of(exc, str(path))
            if found is None or found.reason != "disk_full":
                return None  # busy, or another fault: the next write says it
        free, needed = free_space(str(path.absolute())) or 0, max(_growth(conn, path), 0)
    except (OSError, sqlite3.Error):
        return None
    finally:
        conn.close()
    params = {"file": str(path), "log": str(log), "folder": str(path.parent), "free": size_text(free),
              "needed": size_text(needed)}  # fmt: skip
    return Problem("log_unfolded", params=params)


def _growth(conn: sqlite3.Connection, path: Path) -> int:
    """Bytes the file must grow by to take in its log: its pages as the log has them, less its size."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) - path.stat().st_size
