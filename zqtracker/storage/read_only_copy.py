"""An older zqtracker file in a folder or on a disk this program may not write — a shared folder
holding a colleague's database of an earlier version — is read from an upgraded private copy.

Its schema cannot be brought up to date in place (nothing may be written there), and reading it as
it is would meet tables and columns this version does not have. It was refused, reading commands
too (probe28: `summary` and `list` refused in a read-only folder). Now the file is copied (SQLite's
backup API, read-only) into a temporary folder, the copy upgraded there, and the database opened
read-only on the copy: every write is still refused with one sentence, and the copy goes when the
database is closed (storage/database.py).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from zqtracker.storage.db_errors import DatabaseOpenError, fault_of
from zqtracker.storage.sqlite_file import connect_read_only


def upgraded_copy(path: Path, shown: str, revision: str) -> Path:
    """A private copy of the SQLite file ``path`` at this program's schema; its folder is the caller's
    to remove. Raises DatabaseOpenError: a newer schema (``newer_schema``), or the fault met."""
    from zqtracker.storage.migrate import head_revision, known_revisions

    if revision not in known_revisions():
        raise DatabaseOpenError("newer_schema", file=shown, schema=revision, known=head_revision())
    folder = Path(tempfile.mkdtemp(prefix="zqtracker-read-"))
    copy = folder / "upgraded.sqlite"
    try:
        copy_upgraded(path, copy)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise fault_of(exc, shown) or DatabaseOpenError("cannot_open", file=shown, detail=str(exc)) from None
        raise
    return copy


def copy_upgraded(source: Path, target: Path, *, timeout: float | None = None) -> None:
    """The SQLite file ``source`` copied into the new file ``target`` (SQLite's backup API, ``source``
    opened read-only: never written, whatever its folder allows) and the copy brought to this
    program's schema in one transaction — for reading an older file in a read-only folder
    (:func:`upgraded_copy`) and for restoring an older copy onto a server (storage/server_restore.py)."""
    from zqtracker.storage.migrate import _upgrade_sqlite_in_one_transaction

    src = connect_read_only(source, timeout=timeout)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _upgrade_sqlite_in_one_transaction(target)
