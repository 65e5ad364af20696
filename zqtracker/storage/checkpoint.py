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
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

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
