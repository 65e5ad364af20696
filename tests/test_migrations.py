"""Alembic migrations: from empty, from an existing database, and in step with the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from zqtracker.storage.backups import list_backups
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
    assert list_backups(path) == []  # no backup of a brand-new file


def test_first_revision_database_upgrades_with_backup_and_keeps_data(tmp_path: Path) -> None:
    """A database made by the first released schema (0001), with data, opens at head: a copy is
    kept first, rows survive, and 0002's last activity is filled from history and records."""
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO sectors (id, name) VALUES (1, '光伏')")
        conn.exec_driver_sql("INSERT INTO districts (id, name) VALUES (1, '高要区')")
        for pid, name in ((1, "旧项目"), (2, "无记录项目")):
            conn.exec_driver_sql(
                "INSERT INTO projects (id, name, sector_id, district_id, status, planned_investment, is_key_project,"
                " project_type, investor_origin, notes, created_at, updated_at, version)"
                f" VALUES ({pid}, '{name}', 1, 1, 'signed', 42, 0, 'new', 'domestic', '', '2023-01-01', '2023-01-01', 1)"
            )
        conn.exec_driver_sql(
            "INSERT INTO status_changes (project_id, from_status, to_status, changed_on, note)"
            " VALUES (1, NULL, 'signed', '2023-05-06', ''), (2, NULL, 'signed', '2023-02-01', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO investment_records (project_id, year, month, amount, sector_id, district_id)"
            " VALUES (1, 2023, 7, 100, 1, 1), (1, 2023, 3, 50, 1, 1)"
        )
    engine.dispose()
    db = open_database(path)
    backups = [b.path for b in list_backups(path)]
    assert len(backups) == 1 and backups[0].name.endswith("-upgrade.sqlite")
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name, planned_investment FROM projects ORDER BY id").fetchall() == [
        ("旧项目", 42), ("无记录项目", 42)]  # fmt: skip
    con.close()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_REVISION
        assert conn.exec_driver_sql("SELECT id, last_activity_on FROM projects ORDER BY id").fetchall() == [
            (1, "2023-07-31"), (2, "2023-02-01")]  # fmt: skip
    from zqtracker.services.admin import check

    assert check(db).ok
    again = upgrade(db, SCHEMA_REVISION)  # the upgrade path itself at head: a copy, nothing else
    assert again is not None and again.exists()
    db.close()
