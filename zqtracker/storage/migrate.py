"""Alembic migrations run from inside the package; a SQLite file is backed up first."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from zqtracker.storage.database import Database, DatabaseOpenError, backup_path_for

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
    """Bring the schema to head. Returns the backup made of an existing SQLite file, if any."""
    shown = database.display_name
    if current is not None and current not in known_revisions():
        raise DatabaseOpenError(
            "newer_schema",
            f"{shown} was made by a newer version of zqtracker (schema {current}); "
            f"this version knows schema {head_revision()} and older. Please update zqtracker.",
        )
    backup: Path | None = None
    path = database.sqlite_path
    if current is not None and path is not None:
        backup = database.backup_to(backup_path_for(path, f"before-{head_revision()}"))
    cfg = alembic_config()
    with database.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return backup
