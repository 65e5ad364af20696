"""Rolling backup copies of SQLite database files (and of server databases): how a copy is made.

Every copy goes through SQLite's backup API (a consistent snapshot even while another program
writes) into a hidden ``.part`` file, is checked page by page (``PRAGMA quick_check`` — a damaged
database is refused, not copied and called a backup), and only then gets its name. Copies live in
the user data folder, one folder per database: ``backups/<stem>-<hash of the absolute path>/``,
so that two files both named zqtracker.sqlite in different folders never share one, and each copy
is named by the microsecond it was made and why (``20261203-101502-123456-import.sqlite``); a
name is taken with a no-clobber link, so two copies made at once never overwrite each other.

A server database's copies are SQLite files holding every table (storage/transfer.py: portable —
zqtracker opens one like any database, and ``db restore`` puts one back on a server), kept the same
way in a folder named by the server, port and database (``server-<host>-<database>-<hash>/``) — a
district account's under its user name too (``server-<host>-<database>-<user>-<hash>/``: a copy of
its district is not one of the whole). Every account's copies were once kept under its user name;
those folders are still listed with the shared one, never moved (:func:`list_server_backups`).

A copy killed half way leaves only its ``.part`` file (and SQLite's ``-wal``/``-shm`` beside it),
named with the process and the computer: the next copy to the same place, and every start, removes
those of processes that are gone (storage/part_files.py).

One process makes one copy at a time (:data:`ONE_AT_A_TIME`): the day's copy runs in the
background after the desktop window shows, and an import, replace or bulk delete started
meanwhile waits for it before making its own (two copies at once would halve the speed of both
and double the disk traffic). The copy is taken in steps inside one read transaction of the
source: one snapshot however long it takes (in WAL mode the user's saves go on meanwhile, and
are in the next copy), and a ``check`` between steps may stop it — the window closing — leaving
no ``.part`` behind.

Where copies live, their names, listing and rotation: storage/backup_shelf.py; putting one back:
storage/restore.py.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL, Connection, Engine

from zqtracker.full_disk import full_disk_of
from zqtracker.storage.backup_shelf import (
    BackupInfo,
    earlier_folders,
    folder_for,
    keep_count,
    list_backups,
    rotate,
    take_name,
    unlink_quietly,
    write_source_note,
)
from zqtracker.storage.db_errors import DatabaseOpenError, short_detail
from zqtracker.storage.part_files import part_path, remove_stale
from zqtracker.storage.sqlite_file import connect_read_only, quick_check

Check = Callable[[], None]  # raises to stop a copy (the caller's own exception comes back out)

ONE_AT_A_TIME = threading.Lock()  # every copy this process makes (make_backup, copy_to)
STEP_PAGES = 1024  # pages copied between two calls of a copy's ``check`` (4 MB at 4 KB a page)


def make_backup(source: Path, reason: str, *, root: Path | None = None, keep: int | None = None,
                protect: set[Path] | frozenset[Path] = frozenset(), check: Check | None = None,
                rotate_old: bool = True) -> Path:  # fmt: skip
    """A checked copy of the SQLite file ``source``; then the oldest copies beyond ``keep`` go
    (unless ``rotate_old`` is False: a restore rotates once it can no longer be cancelled).

    Raises DatabaseOpenError: ``corrupt`` when the database is damaged (no copy is kept),
    ``backup_failed`` when the copy cannot be written (a full disk …); the source is never changed.
    ``check`` is called between steps of the copy and may raise to stop it (whatever it raises
    comes out of here, and no ``.part`` stays).
    """
    folder = folder_for(source, root)
    shown = str(source)
    tmp: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale(folder)  # what a copy killed half way left
        write_source_note(folder, source)
        with ONE_AT_A_TIME:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            tmp = part_path(folder, f"{stamp}-{reason}")
            problems = _copy_checked(source, tmp, check)
        if problems:
            raise DatabaseOpenError("corrupt", file=shown, detail=short_detail(problems[0]))
        final = take_name(tmp, folder, f"{stamp}-{reason}")
    except (OSError, sqlite3.Error) as exc:
        unlink_quietly(tmp)
        if isinstance(exc, sqlite3.Error) and "locked" in str(exc).lower():
            raise DatabaseOpenError("locked", file=shown) from None
        if _is_source_damage(exc):
            raise DatabaseOpenError("corrupt", file=shown, detail=short_detail(str(exc))) from None
        copy = folder / f"{stamp}-{reason}.sqlite" if tmp is not None else folder  # (its name: once it had a time)
        raise _not_written(exc, shown, folder, copy, _size_of(source)) from None
    except BaseException:  # refused as damaged, or stopped by ``check``
        unlink_quietly(tmp)
        raise
    if rotate_old:
        rotate(source, keep if keep is not None else keep_count(root), root=root, protect=protect | {final})
    return final


def server_source(engine: Engine) -> URL:
    """What a server database's copies are kept by: its server, port and name — and, for a district
    staff account, which sees only its district's rows (row-level security), its user name too, so
    that a copy of a part is never listed, and restored, as a copy of the whole."""
    from sqlalchemy.exc import SQLAlchemyError

    from zqtracker.storage.server_roles import sees_part_only

    url, user = engine.url, None
    try:
        with engine.connect() as conn:
            user = str(conn.exec_driver_sql("SELECT current_user").scalar())
            partial = sees_part_only(conn, [user]).get(user, False)
    except SQLAlchemyError:
        partial = False  # a server that cannot answer: the copy itself will say why
    # URL.create, not url.set(username=None): set() leaves a None argument unchanged, which kept every
    # account's copies apart (an analyst's backup was never listed for a colleague or a leader).
    return URL.create(url.drivername, username=user if partial else None, host=url.host, port=url.port,
                      database=url.database)  # fmt: skip


def list_server_backups(engine: Engine, root: Path | None = None) -> list[BackupInfo]:
    """A server database's copies, newest first: those kept by server and database — and the copies
    accounts kept under their own names before they were shared (the user name was part of the
    folder: backup_shelf.earlier_folders), read where they are (never moved or rotated), each marked
    with whose it is. A district account lists its own copies alone, and its copies are never listed
    to others (a copy of its district is not one of the whole); an account the server no longer
    knows is left out too, as what it saw cannot be told."""
    from sqlalchemy.exc import SQLAlchemyError

    from zqtracker.storage.server_roles import sees_part_only

    url = server_source(engine)
    found = list_backups(url, root)
    earlier = earlier_folders(url, root)
    if url.username or not earlier:
        return found
    try:
        with engine.connect() as conn:
            part_only = sees_part_only(conn, sorted(earlier))
    except SQLAlchemyError:
        return found  # whose copies are whole cannot be told: the shared ones alone
    for user in sorted(earlier):
        if part_only.get(user) is False:
            found += list_backups(url.set(username=user), root, made_by=user)
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def make_server_backup(source: Engine | Connection, reason: str, *, root: Path | None = None, keep: int | None = None,
                       protect: set[Path] | frozenset[Path] = frozenset(),
                       rotate_old: bool = True) -> Path:  # fmt: skip
    """A server database as a SQLite file holding every table, in its backups folder (named and
    rotated like a SQLite database's copies, unless ``rotate_old`` is False: :func:`rotate_copies`
    then). Raises DatabaseOpenError ``backup_failed`` when the file cannot be written; the server
    is only read — through ``source``'s transaction when it is a connection (one holding the
    database still while a restore copies it first)."""
    from sqlalchemy.exc import SQLAlchemyError

    from zqtracker.storage.transfer import write_sqlite_copy

    engine = source.engine if isinstance(source, Connection) else source
    url = server_source(engine)
    folder = folder_for(url, root)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tmp = part_path(folder, f"{stamp}-{reason}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale(folder)
        write_source_note(folder, url)
        write_sqlite_copy(source, tmp)
        final = take_name(tmp, folder, f"{stamp}-{reason}")
    except (OSError, sqlite3.Error, SQLAlchemyError, DatabaseOpenError) as exc:
        unlink_quietly(tmp)
        if isinstance(exc, SQLAlchemyError) and not isinstance(getattr(exc, "orig", None), sqlite3.Error):
            raise  # the server's own fault (connection lost …): the caller words it
        if isinstance(exc, DatabaseOpenError) and exc.reason != "disk_full":
            raise  # (the copy's file, opened: a full disk is said as the copy's, below)
        shown = engine.url.render_as_string(hide_password=True)
        raise _not_written(exc, shown, folder, folder / f"{stamp}-{reason}.sqlite") from None
    if rotate_old:
        rotate(url, keep if keep is not None else keep_count(root), root=root, protect=protect | {final})
    return final


def server_copy_to(engine: Engine, target: Path) -> Path:
    """A server database as a SQLite file at ``target`` (storage/transfer.py backup_to_sqlite); a full
    disk said as every copy's is."""
    from zqtracker.storage.transfer import backup_to_sqlite

    try:
        return backup_to_sqlite(engine, target)
    except DatabaseOpenError as exc:
        if exc.reason != "disk_full":
            raise
        raise _not_written(exc, engine.url.render_as_string(hide_password=True), target.parent, target) from None


def rotate_copies(source: Path | Engine, *, protect: set[Path] | frozenset[Path] = frozenset()) -> None:
    """The oldest copies of a SQLite file or a server database beyond the number kept, deleted
    (after a copy made with ``rotate_old=False``)."""
    rotate(server_source(source) if isinstance(source, Engine) else source, keep_count(), protect=protect)


def copy_to(source: Path, target: Path) -> Path:
    """A checked copy of ``source`` at a path of the user's choice (replaced only when complete)."""
    shown = str(source)
    tmp = part_path(target.parent, target.name)
    remove_stale(target.parent, target.name)  # an earlier copy to ``target`` killed half way
    try:
        with ONE_AT_A_TIME:
            problems = _copy_checked(source, tmp)
        if problems:
            raise DatabaseOpenError("corrupt", file=shown, detail=short_detail(problems[0]))
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        unlink_quietly(tmp)
        if _is_source_damage(exc):
            raise DatabaseOpenError("corrupt", file=shown, detail=short_detail(str(exc))) from None
        raise _not_written(exc, shown, target.parent, target, _size_of(source)) from None
    except BaseException:
        unlink_quietly(tmp)
        raise
    return target


def _copy_checked(source: Path, tmp: Path, check: Check | None = None) -> list[str]:
    """Copy ``source`` into ``tmp`` and check every page of the copy: SQLite's messages, [] when
    healthy. The source's snapshot is the one its read transaction began with (held across the
    steps: a save by another connection meanwhile would otherwise restart the copy)."""

    def between_steps(*_: object) -> None:
        if check is not None:
            check()

    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            src.backup(dst, pages=STEP_PAGES, progress=between_steps)
            src.rollback()
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            problems = quick_check(dst, check=check)
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    if not problems:
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
    return problems


def _not_written(
    exc: BaseException, shown: str, folder: Path, copy: Path, needed: int | None = None
) -> DatabaseOpenError:
    """``backup_failed``: no copy of ``shown`` could be written in ``folder`` — a full disk in the sentence
    every file written says (domain/full_disk_messages.py), naming the ``copy`` and the space it ``needed``."""
    full = full_disk_of(exc, copy, needed, folder)
    detail = "disk full" if full is not None else (getattr(exc, "strerror", None) or str(exc))
    return DatabaseOpenError("backup_failed", file=shown, folder=str(folder), detail=detail, said=full)


def _size_of(source: Path) -> int | None:
    """About what a copy of the SQLite file ``source`` takes: the file and its log."""
    try:
        return sum(p.stat().st_size for p in (source, Path(f"{source}-wal")) if p.exists())
    except OSError:
        return None


def _is_source_damage(exc: BaseException) -> bool:
    low = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("malformed" in low or "not a database" in low)
