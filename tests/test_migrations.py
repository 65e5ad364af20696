"""Alembic migrations: from empty, from an existing database, and in step with the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from zqtracker.storage.database import open_database
from zqtracker.storage.migrate import alembic_config, head_revision, known_revisions, upgrade
from zqtracker.storage.schema import SCHEMA_REVISION
from zqtracker.storage.tables import Base


def test_schema_revision_constant_is_alembic_head() -> None:
    assert head_revision() == SCHEMA_REVISION
    assert SCHEMA_REVISION in known_revisions()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "m.sqlite")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    db.close()
    assert diff == []


def test_empty_database_is_created_at_head(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_REVISION,)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"projects", "sectors", "districts", "enterprises", "status_changes", "investment_records",
            "annual_plans", "meta"} <= tables  # fmt: skip
    con.close()
    assert not list(tmp_path.glob("*.before-*"))  # no backup of a brand-new file


def test_first_revision_database_upgrades_with_backup_and_keeps_data(tmp_path: Path) -> None:
    """A database made by the first released schema, with data, goes to head; a copy is kept."""
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO sectors (id, name) VALUES (1, '光伏')")
        conn.exec_driver_sql("INSERT INTO districts (id, name) VALUES (1, '高要区')")
        conn.exec_driver_sql(
            "INSERT INTO projects (id, name, sector_id, district_id, status, planned_investment, is_key_project,"
            " project_type, investor_origin, notes, created_at, updated_at, version)"
            " VALUES (1, '旧项目', 1, 1, 'signed', 42, 0, 'new', 'domestic', '', '2023-01-01', '2023-01-01', 1)"
        )
    engine.dispose()
    db = open_database(path, migrate=False) if head_revision() == "0001" else None
    if db is None:  # a later schema exists: opening migrates (and backs up) by itself
        db = open_database(path)
    backup = upgrade(db, "0001")  # the upgrade path itself, backup included
    assert backup is not None and backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name, planned_investment FROM projects").fetchall() == [("旧项目", 42)]
    con.close()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name, planned_investment FROM projects").fetchall() == [("旧项目", 42)]
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_REVISION
    db.close()
