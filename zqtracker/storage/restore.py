"""Putting a backup copy back, and salvaging what SQLite can read from a damaged file.

Restore: the copy is checked (a zqtracker database, every page readable) before anything is
touched; the current database is itself copied first (or, when it is too damaged to copy through
SQLite, moved aside whole), and the copy is then written into the database with SQLite's backup
API, which replaces every page in one transaction under SQLite's own locking — a program killed
during it leaves the old database or the restored one. Until that replacement begins a restore
may be stopped (``check`` between steps, ``stage`` as each begins: :data:`Stage`) and leaves
everything as it was — the copy it made of the database deleted, no older copy rotated away.

A server database is restored from such a copy: storage/server_restore.py.

Recover: SQLite's ``.recover`` (the ``sqlite3`` command-line shell from Debian's package) reads
every page it still can and writes SQL that rebuilds the rows; the result goes into a new file
(never over the damaged one), written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zqtracker.storage.db_errors import DatabaseOpenError, fault_of, short_detail
from zqtracker.storage.part_files import part_path, remove_stale
from zqtracker.storage.schema import ZQ_TABLES
from zqtracker.storage.sqlite_file import connect_read_only, inspect_sqlite_file, quick_check

Check = Callable[[], None]  # called between steps; raises to stop (what it raises comes back out)
# Called as each step of a restore begins — "checking" (the backup), "copying" (the database as it
# is), "replacing" — and may raise to stop it. "replacing" is the point of no return: after that
# call returns, nothing stops the restore (nor calls ``check``).
Stage = Callable[[str], None]


def no_stage(_name: str) -> None:
    pass


def check_backup(backup: Path, check: Check | None = None) -> str:
    """The schema revision of a usable backup; DatabaseOpenError ``not_a_backup`` otherwise."""
    shown = str(backup)
    try:
        revision = inspect_sqlite_file(backup)
    except DatabaseOpenError as exc:
        raise DatabaseOpenError("not_a_backup", file=shown, detail=exc.message("en")) from None
    if revision is None:
        raise DatabaseOpenError("not_a_backup", file=shown, detail="no such file" if not backup.exists() else "empty")
    con = connect_read_only(backup, timeout=1)
    try:
        problems = quick_check(con, check=check)
    finally:
        con.close()
    if problems:
        raise DatabaseOpenError("not_a_backup", file=shown, detail=short_detail(problems[0]))
    return revision


def check_restorable(backup: Path, check: Check | None = None) -> str:
    """As :func:`check_backup`, and refused (``newer_backup``) when a newer program made it."""
    from zqtracker.storage.migrate import head_revision, known_revisions

    revision = check_backup(backup, check)
    if revision not in known_revisions():
        raise DatabaseOpenError("newer_backup", file=str(backup), schema=revision, known=head_revision())
    return revision


def restore_backup(backup: Path, target: Path, *, check: Check | None = None, stage: Stage = no_stage) -> Path | None:
    """Make ``target`` the database that ``backup`` holds. Returns the copy made of what
    ``target`` was (None when there was no file); raises DatabaseOpenError, target unchanged —
    and, stopped by ``check`` or ``stage`` before the replacement, what they raised, with the
    copy of ``target`` deleted again and no older copy rotated away."""
    from zqtracker.storage.backup_shelf import folder_for, unlink_quietly
    from zqtracker.storage.backups import make_backup, rotate_copies

    stage("checking")
    check_restorable(backup, check)
    if target.exists() and backup.resolve() == target.resolve():
        raise DatabaseOpenError("not_a_backup", file=str(backup), detail="it is the database itself")
    before: Path | None = None
    damaged = False
    protect = frozenset({backup.absolute()})
    watch: tuple[sqlite3.Connection, int] | None = None
    try:
        if target.exists() and target.stat().st_size > 0:
            watch = _watch(target)
            stage("copying")
            try:
                before = make_backup(target, "restore", protect=protect, check=check, rotate_old=False)
            except DatabaseOpenError as exc:
                if exc.reason != "corrupt":
                    raise
                damaged = True
        if damaged or not target.exists() or target.stat().st_size == 0:
            _let_go(watch)
            return _replace_file(backup, target, folder_for(target), check, stage)
        stage("replacing")
        _unchanged_since_copy(watch, target)
    except BaseException:
        _let_go(watch)
        unlink_quietly(before)
        raise
    if before is not None:
        rotate_copies(target, protect=protect | {before})
    src = connect_read_only(backup, timeout=1)
    try:
        dst = sqlite3.connect(target, timeout=10)
        try:
            _let_go(watch)  # its write lock handed straight to the replacement, which takes it at once
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise fault_of(exc, str(target)) or DatabaseOpenError(
            "cannot_open", file=str(target), detail=str(exc)
        ) from None
    finally:
        _let_go(watch)
        src.close()
    return before


def _watch(target: Path) -> tuple[sqlite3.Connection, int] | None:
    """A connection to ``target`` that notes, before its copy is made, how far others' commits
    have gone (SQLite's data_version); None when SQLite cannot read the file (a damaged one, which
    is moved aside whole)."""
    con = sqlite3.connect(target, isolation_level=None)
    try:
        return con, int(con.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        con.close()
        return None


def _unchanged_since_copy(watch: tuple[sqlite3.Connection, int] | None, target: Path) -> None:
    """Take the file's write lock (waiting for a save in progress) and refuse the restore when anyone
    committed since the copy began: what they saved would be in neither the copy nor the restored
    file. The lock is held until the replacement takes it over."""
    from zqtracker.storage.sqlite_file import BUSY_TIMEOUT_S

    if watch is None:
        return
    con, seen = watch
    con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise fault_of(exc, str(target)) or DatabaseOpenError("locked", file=str(target)) from None
    if con.execute("PRAGMA data_version").fetchone()[0] != seen:
        raise DatabaseOpenError("changed_while_restoring", file=str(target))


def _let_go(watch: tuple[sqlite3.Connection, int] | None) -> None:
    if watch is not None:
        watch[0].close()  # (its transaction, if any, rolled back: it wrote nothing)


def _replace_file(backup: Path, target: Path, keep_folder: Path, check: Check | None, stage: Stage) -> Path | None:
    """For a target SQLite cannot even copy: move it (and its journal files) into its backups
    folder, then put a copy of the backup in its place."""
    from zqtracker.storage.backups import STEP_PAGES

    keep_folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tmp = part_path(target.parent, target.name)
    remove_stale(target.parent, target.name)
    moved: Path | None = None
    try:
        src = connect_read_only(backup, timeout=1)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=STEP_PAGES, progress=lambda *_: check() if check is not None else None)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        stage("replacing")
        if target.exists():
            moved = keep_folder / f"{stamp}-damaged.sqlite.bin"
            shutil.copy2(target, moved)
        for suffix in ("-wal", "-shm", "-journal"):
            side = target.with_name(target.name + suffix)
            if side.exists():
                shutil.move(side, keep_folder / f"{stamp}-damaged{suffix}.bin")
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise fault_of(exc, str(target)) or DatabaseOpenError(
            "cannot_open", file=str(target), detail=str(exc)
        ) from None
    except BaseException:  # stopped before the replacement: the half-made copy goes
        tmp.unlink(missing_ok=True)
        raise
    return moved


@dataclass(frozen=True, slots=True)
class RecoverResult:
    target: Path
    projects: int
    projects_before: int | None  # as the damaged file's own count said, when it could be read
    tables: dict[str, int]
    lost_and_found: int
    method: str
    orphans_dropped: dict[str, int]  # rows left out because what they belong to was lost


def recover(damaged: Path, new: Path) -> RecoverResult:
    """Salvage ``damaged`` into the new file ``new`` (which must not exist)."""
    shown = str(damaged)
    if not damaged.is_file():
        raise DatabaseOpenError("missing", file=shown)
    if new.exists():
        raise DatabaseOpenError("target_exists", file=str(new))
    if not new.parent.is_dir():
        raise DatabaseOpenError("no_folder", file=str(new), folder=str(new.parent))
    tmp = part_path(new.parent, new.name)
    remove_stale(new.parent, new.name)
    try:
        method = ""
        if shutil.which("sqlite3"):
            method = _recover_with_shell(damaged, tmp)
        if not method:
            tmp.unlink(missing_ok=True)
            method = _recover_row_by_row(damaged, tmp)
        result = _summarise(damaged, tmp, new, method)
        if not result.tables or not set(result.tables) >= ZQ_TABLES:
            raise DatabaseOpenError("nothing_recovered", file=shown, detail="no zqtracker tables could be read")
        os.replace(tmp, new)
        return result
    except (OSError, sqlite3.Error, subprocess.SubprocessError) as exc:
        fault = fault_of(exc, str(new))  # a full disk or a read-only folder: the new file's
        if fault is None or (isinstance(exc, sqlite3.Error) and fault.reason in ("corrupt", "cannot_open", "io_error")):
            # what SQLite could not read is the damaged file (never "the new file is damaged: recover it")
            raise DatabaseOpenError("nothing_recovered", file=shown, detail=short_detail(str(exc))) from None
        raise fault from None
    finally:
        tmp.unlink(missing_ok=True)


def _recover_with_shell(damaged: Path, tmp: Path) -> str:
    """``sqlite3 DAMAGED .recover | sqlite3 NEW`` — SQLite's own salvage, page by page. "" when
    the shell cannot (Debian 12's is built without the sqlite_dbpage table that .recover reads)."""
    dump = subprocess.run(
        ["sqlite3", str(damaged), ".recover --ignore-freelist"], capture_output=True, timeout=3600, check=False
    )
    if b"INSERT" not in dump.stdout:
        return ""
    subprocess.run(["sqlite3", str(tmp)], input=dump.stdout, capture_output=True, timeout=3600, check=False)
    return "sqlite3 .recover" if tmp.exists() else ""


def _recover_row_by_row(damaged: Path, tmp: Path) -> str:
    """Without the shell: the schema, then every row each table still gives, by rowid ranges."""
    src = sqlite3.connect(f"{damaged.absolute().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        schema = src.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
        for kind, name, sql in schema:
            if kind == "table" and not name.startswith("sqlite_"):
                dst.execute(sql)
        for kind, name, _sql in schema:
            if kind != "table" or name.startswith("sqlite_"):
                continue
            cols = [r[1] for r in src.execute(f'PRAGMA table_info("{name}")')]
            marks = ", ".join("?" * len(cols))
            col_list = ", ".join(f'"{c}"' for c in cols)
            try:
                rows = src.execute(f'SELECT {col_list} FROM "{name}"').fetchall()
            except sqlite3.DatabaseError:
                rows = _rows_one_by_one(src, name, col_list)
            dst.executemany(f'INSERT OR IGNORE INTO "{name}" ({col_list}) VALUES ({marks})', rows)
        for kind, _name, sql in schema:
            if kind == "index":
                try:
                    dst.execute(sql)
                except sqlite3.Error:
                    pass
        dst.commit()
    finally:
        src.close()
        dst.close()
    return "row by row"


def _rows_one_by_one(src: sqlite3.Connection, table: str, col_list: str) -> list[tuple]:
    rows = []
    try:
        top = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 1_000_000
    for rowid in range(1, int(top) + 1):
        try:
            row = src.execute(f'SELECT {col_list} FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            rows.append(row)
    return rows


def _drop_orphans(con: sqlite3.Connection) -> dict[str, int]:
    """Rows whose project (or sector, district …) could not be salvaged are left out: a database
    with dangling rows is not one the app can use. Repeated, as leaving one out may orphan more."""
    dropped: dict[str, int] = {}
    for _ in range(10):
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            break
        for table, rowid, _parent, _fk in broken:
            if rowid is None:
                continue
            con.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            dropped[table] = dropped.get(table, 0) + 1
    con.commit()
    return dropped


def _summarise(damaged: Path, tmp: Path, new: Path, method: str) -> RecoverResult:
    con = sqlite3.connect(tmp)
    try:
        dropped = _drop_orphans(con)
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        tables = {n: int(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    lost = tables.pop("lost_and_found", 0)
    before: int | None = None
    try:
        src = sqlite3.connect(f"{damaged.absolute().as_uri()}?mode=ro", uri=True)
        try:
            before = int(src.execute("SELECT count(*) FROM projects").fetchone()[0])
        finally:
            src.close()
    except sqlite3.Error:
        before = None
    return RecoverResult(new, tables.get("projects", 0), before, tables, lost, method, dropped)
