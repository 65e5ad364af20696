"""Telling a write that failed for lack of space from other failures, and saying it in the one sentence
of domain/full_disk_messages.py (fix36), with the space the disk has — measured once the half-written
file is gone: what the user can free towards it — and the space the file needs when known. Used by an
export (services/exporting.py), a report's PDF (reports/paint.py) and a backup copy
(storage/backups.py) alike, so it sits beside the layers, as processes.py does."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from zqtracker.domain.errors import Problem
from zqtracker.domain.full_disk_messages import full_disk

FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def is_full(exc: BaseException) -> bool:
    """Whether ``exc`` (the system's, or SQLite's while writing a copy) says the disk is full."""
    exc = getattr(exc, "orig", None) or exc  # (SQLAlchemy's, around SQLite's)
    if getattr(exc, "reason", None) == "disk_full":  # storage's DatabaseOpenError: a copy's file that could not grow
        return True
    if isinstance(exc, OSError):
        return exc.errno in FULL_ERRNOS
    return isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()


def free_bytes(folder: Path) -> int | None:
    """Bytes free on the disk holding ``folder`` (or its nearest folder that exists); None when unknown."""
    for place in (folder, *folder.parents):
        try:
            return shutil.disk_usage(place).free
        except FileNotFoundError:
            continue
        except OSError:
            return None
    return None


def full_disk_of(
    exc: BaseException, file: Path, needed: int | None = None, folder: Path | None = None
) -> Problem | None:
    """The sentence for ``file`` (in ``folder``: its own by default) not written for lack of space, None
    when ``exc`` says something else."""
    if not is_full(exc):
        return None
    where = folder if folder is not None else file.parent
    return full_disk(file, where, free_bytes(where), needed)
