"""Why a database cannot be used, in one sentence: :class:`DatabaseOpenError` and the expected
conditions (locked, damaged, read-only, a full disk …) told apart behind SQLite's and the
operating system's errors.

Locked is told apart from damaged, which would push a user to restore over a healthy file.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from zqtracker.domain.full_disk_messages import size_text

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine, ExceptionContext

    from zqtracker.domain.errors import Problem


class DatabaseOpenError(Exception):
    """The database cannot be used (or an operation on it could not be done).

    ``reason`` is a short code (``corrupt``, ``locked``, ``read_only``, ``disk_full`` …); the
    sentence comes from the message catalogue (domain/database_messages.py) in either language:
    :meth:`message`. ``str()`` is the English sentence. A ``message`` given explicitly is used for
    a reason the catalogue does not know.
    """

    def __init__(
        self, reason: str, message: str | None = None, *, said: Problem | None = None, **params: object
    ) -> None:
        self.reason = reason
        self.params = params
        self._explicit = message
        self.said = said  # the sentence itself, when one is shared with other layers (a full disk: full_disk_messages)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from zqtracker.domain.messages import MESSAGES

        if self.said is not None:
            return self.said.message(lang)

        code = f"db_{self.reason}"
        if "free" in self.params and f"{code}_free" in MESSAGES:  # a full disk: how much is left, when known
            code += "_free"
        if code in MESSAGES and (self._explicit is None or self.params):
            from zqtracker.domain.errors import Problem

            return Problem(code, params=dict(self.params)).message(lang)
        return self._explicit or self.reason


# psycopg's words for a connection that went away (the server restarted, the network failed, an
# administrator ended the session)
_DRIVER_ERRORS = ("OperationalError", "InterfaceError")
_CONNECTION_LOST = (
    "connection is lost",
    "server closed the connection",
    "terminating connection",
    "the connection is closed",
    "consuming input failed",
    "connection timeout expired",
)


def fault_of(exc: BaseException, shown: str) -> DatabaseOpenError | None:
    """An expected condition behind an SQLite/OS error, worded; None for anything else.

    Locked is told apart from damaged (which would push a user to restore over a healthy file),
    and a full disk or a read-only file from both.
    """
    if isinstance(exc, DatabaseOpenError):
        return exc
    orig = getattr(exc, "orig", None)
    if orig is not None:
        exc = orig
    then: int | None = getattr(exc, FREE_AT_FAILURE, None)  # the space left as the write failed
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
            return disk_full(shown)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DatabaseOpenError("read_only", file=shown)
        if exc.errno == errno.EIO:
            if nearly_full(shown):
                return disk_full(shown)
            return DatabaseOpenError("io_error", file=shown, detail=exc.strerror or str(exc))
        return None
    if any(c.__module__.startswith("psycopg") and c.__name__ in _DRIVER_ERRORS for c in type(exc).__mro__):
        if getattr(exc, "sqlstate", None) == "55P03":  # lock_not_available: waited its lock_timeout
            from zqtracker.storage.sqlite_file import BUSY_TIMEOUT_S

            return DatabaseOpenError("server_locked", file=shown, seconds=round(BUSY_TIMEOUT_S))
        low = str(exc).lower()
        if any(words in low for words in _CONNECTION_LOST):  # the server rolls back what it did not finish
            return DatabaseOpenError("connection_lost", file=shown)
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    text_ = str(exc).strip()
    low = text_.lower()
    if "locked" in low or "database is busy" in low:
        return DatabaseOpenError("locked", file=shown)
    if "disk is full" in low or "database or disk is full" in low:
        return disk_full(shown, then)
    if "readonly" in low or "read-only" in low:
        return DatabaseOpenError("read_only", file=shown)
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return DatabaseOpenError("corrupt", file=shown, detail=short_detail(text_))
    if "disk i/o error" in low:
        if nearly_full(shown, then):  # its -shm or -wal could not grow (SQLITE_IOERR_SHMSIZE, _WRITE): a full disk
            return disk_full(shown, then)
        return DatabaseOpenError("io_error", file=shown, detail=short_detail(text_))
    if "unable to open" in low:
        return DatabaseOpenError("cannot_open", file=shown, detail=short_detail(text_))
    return None


def disk_full(shown: str, free: int | None = None) -> DatabaseOpenError:
    """A full disk, said with the space left on it (``free`` bytes as the write failed, else now) when
    ``shown`` is a file's path."""
    if free is None:
        free = free_space(shown)
    if free is None:
        return DatabaseOpenError("disk_full", file=shown)
    return DatabaseOpenError("disk_full", file=shown, free=size_text(free))


def nearly_full(shown: str, free: int | None = None) -> bool:
    """Whether the disk holding the file ``shown`` had less than :data:`NEARLY_FULL` bytes left (``free``
    as the write failed, else now): SQLite says "disk I/O error", not "disk is full", when the -shm or
    -wal beside a database cannot grow (probe28: a full disk reported as an I/O error, to be checked
    with db check)."""
    if free is None:
        free = free_space(shown)
    return free is not None and free < NEARLY_FULL


NEARLY_FULL = 1 << 20  # 1 MiB: less than a WAL's first frames and its -shm need
FREE_AT_FAILURE = "zq_free_at_failure"


def note_free_space(engine: Engine, path: Path) -> None:
    """Note on each SQLite error of ``engine`` the space left on the disk holding ``path`` at that
    moment (:data:`FREE_AT_FAILURE`), which :func:`fault_of` goes by. Measured later it misleads: the
    -wal a failed write had grown is deleted when the database is closed, so a disk filled by a
    24 MB import read 23.6 MB free and its "disk I/O error" (the -shm could not grow:
    SQLITE_IOERR_SHMSIZE) was said as a damaged disk to check (fix29d)."""
    from sqlalchemy import event

    file = path.absolute()

    def noted(context: ExceptionContext) -> None:
        exc = context.original_exception
        if isinstance(exc, sqlite3.Error):
            setattr(exc, FREE_AT_FAILURE, free_space(str(file)))

    event.listen(engine, "handle_error", noted)


def free_space(shown: str) -> int | None:
    """Bytes free on the disk holding the file ``shown`` (a path; None for a server or when unknown)."""
    path = Path(shown)
    if not path.is_absolute():
        return None
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def integrity_lines(rows: list[str]) -> list[str]:
    """SQLite's integrity messages one per line, without its "*** in database main ***" headers."""
    return [line.strip() for row in rows for line in row.splitlines() if line.strip() and not line.startswith("***")]


def short_detail(text_: str, limit: int = 160) -> str:
    """One line of an error message for a sentence."""
    lines = integrity_lines([text_]) or [text_.strip()]
    return lines[0] if len(lines[0]) <= limit else lines[0][: limit - 1] + "…"
