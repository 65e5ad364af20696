"""When zqtracker makes backup copies, and putting one back (the GUI and the CLI share this).

A copy of a SQLite database is made once a day — on the day's first opening in the CLI, and in
the desktop app in the background once the window has its database — and before every import,
replace, upgrade and bulk delete; the newest N of each database are kept (Preferences › Backups, stored
where the CLI reads it too). A server database is copied into a SQLite file holding every table
(on ``db backup``, before a replace import and before a restore), kept and rotated the same way;
``db restore`` puts one back on the server, all or nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from zqtracker.domain.errors import AccessRefused
from zqtracker.domain.words import Catalogue
from zqtracker.services.progress import Progress
from zqtracker.storage import backup_shelf as shelf
from zqtracker.storage import backups as store
from zqtracker.storage.backup_shelf import BackupInfo
from zqtracker.storage.database import Database, DatabaseOpenError
from zqtracker.storage.restore import RecoverResult, recover, restore_backup

log = logging.getLogger(__name__)

__all__ = ["BackupInfo", "RecoverResult", "before", "daily", "daily_copy", "keep_count", "list_for", "recover",
           "restore", "restore_refusal", "restore_server", "set_keep_count", "tidy"]  # fmt: skip


def keep_count() -> int:
    return shelf.keep_count()


def set_keep_count(n: int) -> int:
    return shelf.set_keep_count(n)


def tidy() -> None:
    """What killed runs left behind, removed at the next start (issue #16): half-written backup
    copies (``.part``), temporary export files beside their targets, writers' scratch folders."""
    from zqtracker.io.atomic import remove_leftovers

    shelf.remove_leftovers()
    remove_leftovers()


def daily(database: Database) -> Path | None:
    """The day's first opening of a SQLite database (the CLI's) copies it, checking every page on
    the way: a damaged database is refused here, with the sentence that says what to do. None
    when it was made already, or when there is no room for it: the database still opens, and the
    copies before imports and deletions, which do refuse, protect what is changed."""
    try:
        return daily_copy(database)
    except DatabaseOpenError as exc:
        if exc.reason != "backup_failed":
            raise  # damaged (or locked): the database is refused with that sentence
        log.warning("no daily backup of %s: %s", database.sqlite_path, exc)
        return None


def daily_copy(database: Database, progress: Progress | None = None) -> Path | None:
    """The day's copy, made now unless it was made today (None then, and for a server): what the
    desktop app runs in the background once the window has the database. Raises
    DatabaseOpenError (damaged, locked, no room); a cancel of ``progress`` stops it between two
    steps (Cancelled), leaving nothing behind."""
    path = database.sqlite_path
    if path is None or shelf.made_today(path):
        return None
    check = progress.check if progress is not None else None
    return store.make_backup(path, "daily", protect=frozenset(database.pinned_backups), check=check)


def server_copy(database: Database, reason: str, target: Path | None = None) -> Path:
    """A server database as a SQLite file holding all of it (portable: ``db restore`` puts it back
    on a server, and zqtracker opens it like any database), in its backups folder by default."""
    if target is None:
        return store.make_server_backup(database.engine, reason, protect=frozenset(database.pinned_backups))
    return store.server_copy_to(database.engine, target)


def before(database: Database, reason: str) -> Path | None:
    """A copy made right before a change that replaces or deletes data; kept while this session
    may still undo from it. On a server only before a replace import (which its undo restores
    from): a copy of the whole server before every import would cost more than the import."""
    path = database.sqlite_path
    if path is None:
        if reason != "replace":
            return None
        made = server_copy(database, reason)
        database.pinned_backups.add(made)
        return made
    if database.read_only:
        raise DatabaseOpenError("read_only", file=database.display_name)
    made = store.make_backup(path, reason, protect=frozenset(database.pinned_backups))
    database.pinned_backups.add(made)
    return made


def manual(database: Database, target: Path | None = None) -> Path:
    """``zqtracker db backup [TARGET]``: into the backups folder (rotated like the others), or
    to a file of the user's choice (checked the same way; written under a temporary name, so a
    file already there is replaced only by a complete copy)."""
    path = database.sqlite_path
    if path is None:
        return server_copy(database, "manual", target)
    if target is None:
        return store.make_backup(path, "manual", protect=frozenset(database.pinned_backups))
    return store.copy_to(path, target)


def list_for(database: Path | Database) -> list[BackupInfo]:
    """The copies of a SQLite file or of a server database, newest first (a server's: those its
    accounts kept apart under their own names before copies were shared too, each marked
    ``made_by`` — but never a district account's copy of its district, listed to it alone)."""
    if isinstance(database, Database):
        path = database.sqlite_path
        return shelf.list_backups(path) if path is not None else store.list_server_backups(database.engine)
    return shelf.list_backups(database)


# What a restore is doing, for its progress dialog: the last step cannot be cancelled, and says so.
RESTORE_STEPS = Catalogue(
    "restore_steps",
    {
        "checking": ("Checking the backup copy…", "正在检查备份副本…"),
        "copying": ("Keeping a copy of the database as it is now…", "正在保留数据库当前内容的副本…"),
        "replacing": (
            "Replacing the database with the backup copy. This step cannot be cancelled.",
            "正在用备份副本替换数据库。此步骤无法取消。",
        ),
    },
)


def _steps(progress: Progress | None, lang: str) -> tuple[Callable[[], None] | None, Callable[[str], None]]:
    """A restore's ``check`` and ``stage`` (storage.restore.Stage) for ``progress``: each step
    named in its dialog; a cancel stops the restore until "replacing", its point of no return."""
    if progress is None:
        return None, lambda _name: None

    def stage(name: str) -> None:
        if name == "replacing":
            progress.point_of_no_return()
        progress.say(0, None, lambda in_lang: RESTORE_STEPS.say(name, in_lang), lang)

    return progress.check, stage


def restore(backup: Path, database_path: Path, progress: Progress | None = None, lang: str = "en") -> Path | None:
    """Put ``backup`` back as the database at ``database_path`` (which no one should have open:
    the app closes its own first). Returns the copy made of what was there. Cancelled (through
    ``progress``) before the database is replaced, it changes nothing: not the database, not
    its copies."""
    check, stage = _steps(progress, lang)
    return restore_backup(backup, database_path, check=check, stage=stage)


def restore_refusal(database: Database) -> AccessRefused | None:
    """Why this account may not restore a backup onto its server database (one sentence in either
    language: only the database's owner may, named as the server says); None when it may, and for a
    SQLite file. Asked before any work, so that no progress is shown for a restore that cannot be."""
    from zqtracker.storage.server_restore import restore_refusal as ask

    return None if database.sqlite_path is not None else ask(database.engine)


def restore_server(
    database: Database, backup: Path, progress: Progress | None = None, lang: str = "en"
) -> tuple[Path, dict[str, int]]:
    """Make a server database what ``backup`` holds (a server's backup, or any zqtracker SQLite
    file): the backup is checked, the server copied as it is (kept with its other copies), then
    every table replaced in one transaction and checked. Others' open windows reload (the
    server tells them). Returns the copy of what was there and the rows per table restored.
    Cancelled (through ``progress``) before the server's transaction, it changes nothing."""
    from zqtracker.storage.restore import check_restorable
    from zqtracker.storage.server_restore import restore_server_backup

    refusal = restore_refusal(database)  # only its owner may: asked before anything is copied
    if refusal is not None:
        raise refusal
    check, stage = _steps(progress, lang)
    stage("checking")
    check_restorable(backup, check)  # before the copy of the server: a refused backup costs nothing
    protect = frozenset({backup.absolute()})
    before, rows = restore_server_backup(database.engine, backup, check=check, stage=stage, protect=protect)
    store.rotate_copies(database.engine, protect=protect | {before})
    database.pinned_backups.add(before)
    return before, rows


def recover_into(damaged: Path, new: Path) -> RecoverResult:
    return recover(damaged, new)
