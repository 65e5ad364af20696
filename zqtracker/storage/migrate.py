"""Alembic migrations run from inside the package: a backup first, then one transaction.

pysqlite runs DDL outside any transaction (it only opens one before INSERT/UPDATE/DELETE), so
Alembic's statements would be committed one by one: a crash between them left a database that
no version could open ("duplicate column name"). SQLite's DDL is transactional, so the upgrade
runs on a connection of its own in autocommit mode with an explicit ``BEGIN IMMEDIATE`` …
``COMMIT`` around the whole of it: killed at any point, the file is the old schema or the new.
Foreign keys are off during the upgrade (a batch rebuild of a parent table must not cascade)
and checked before the commit.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from zqtracker.storage.database import WRITE_LOCK, Database
from zqtracker.storage.db_errors import DatabaseOpenError, fault_of, note_free_space
from zqtracker.storage.sqlite_file import BUSY_TIMEOUT_S

SCRIPT_LOCATION = "zqtracker.storage:migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, heads
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(database: Database, current: str | None) -> Path | None:
    """Bring the schema to head. Returns the backup made of an existing SQLite file, if any.

    Raises DatabaseOpenError: ``newer_schema`` (nothing touched), ``upgrade_failed`` naming the
    backup (the file is as it was), or the fault met (locked, disk full …).
    """
    shown = database.display_name
    path = database.sqlite_path
    if current is not None and current not in known_revisions():
        newer = "newer_schema" if path is not None else "server_newer_schema"
        raise DatabaseOpenError(newer, file=shown, schema=current, known=head_revision())
    if path is None:
        cfg = alembic_config()
        with database.engine.begin() as connection:
            # two programs creating one new server database at once (two first imports): the second
            # waits here for the first, then finds the schema at head (was: a duplicate-key failure
            # of the server's own catalogue, reported as "cannot open")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
        return None
    backup: Path | None = None
    if current is not None:
        from zqtracker.storage.backups import make_backup

        backup = make_backup(path, "upgrade", protect=frozenset(database.pinned_backups))
        database.pinned_backups.add(backup)
    try:
        _upgrade_sqlite_in_one_transaction(path)
    except (DBAPIError, SQLAlchemyError, sqlite3.Error, OSError) as exc:
        fault = fault_of(exc, shown)
        if backup is None or (fault is not None and fault.reason in ("locked", "disk_full", "read_only")):
            raise fault or DatabaseOpenError("cannot_open", file=shown, detail=str(exc)) from None
        detail = fault.message("en") if fault is not None else str(getattr(exc, "orig", exc)).splitlines()[0]
        raise DatabaseOpenError("upgrade_failed", file=shown, detail=detail, backup=str(backup)) from None
    return backup


def _upgrade_sqlite_in_one_transaction(path: Path) -> None:
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")

    note_free_space(engine, path)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        cfg = alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"{len(broken)} row(s) would point to missing rows")
    finally:
        engine.dispose()
