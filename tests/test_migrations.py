"""Alembic migrations: from empty, from an existing database, and in step with the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from zqtracker.storage.backup_shelf import list_backups
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
                f" VALUES ({pid}, '{name}', 1, 1, 'signed', 42, 0, 'new', 'domestic', '', '2023-01-01',"
                " '2023-01-01', 1)"
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
        ("旧项目", 42),
        ("无记录项目", 42),
    ]
    con.close()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == SCHEMA_REVISION
        assert conn.exec_driver_sql("SELECT id, last_activity_on FROM projects ORDER BY id").fetchall() == [
            (1, "2023-07-31"),
            (2, "2023-02-01"),
        ]
    from zqtracker.services.admin import check

    assert check(db).ok
    again = upgrade(db, SCHEMA_REVISION)  # the upgrade path itself at head: a copy, nothing else
    assert again is not None and again.exists()
    db.close()


def _database_at_0002(path: Path) -> dict[str, list[tuple]]:
    """A database made by schema 0002 holding a row in every table; returns what it holds."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        run = conn.exec_driver_sql
        run("INSERT INTO sectors (id, name, parent_id) VALUES (1, '新能源', NULL), (2, '新型储能', 1)")
        run("INSERT INTO districts (id, name) VALUES (1, '高要区'), (2, '肇庆新区')")
        run(
            "INSERT INTO enterprises (id, name, credit_code, is_high_tech, is_specialized_new, is_little_giant)"
            " VALUES (1, '宁德时代', NULL, 1, 0, 0)"
        )
        for pid, sid, did, planned, last in (
            (1, 2, 1, 1_500_000_000, "2023-07-31"),
            (2, 1, 2, 42, "2023-02-01"),
            (3, 2, 2, 0, "2023-02-01"),
        ):
            run(
                "INSERT INTO projects (id, code, name, enterprise_id, sector_id, district_id, status,"
                " planned_investment, land_area_mu, is_key_project, project_type, investor_origin, notes,"
                " created_at, updated_at, version, last_activity_on)"
                f" VALUES ({pid}, 'ZQ{pid}', '项目{pid}', 1, {sid}, {did}, 'under_construction', {planned}, 1234500,"
                f" 1, 'new', 'domestic', '备注', '2023-01-01 00:00:00', '2023-01-02 00:00:00', 3, '{last}')"
            )
        run(
            "INSERT INTO status_changes (id, project_id, from_status, to_status, changed_on, note) VALUES"
            " (7, 1, NULL, 'signed', '2023-01-05', ''), (8, 1, 'signed', 'under_construction', '2023-05-06', 'go'),"
            " (9, 2, NULL, 'under_construction', '2023-02-01', ''),"
            " (10, 3, NULL, 'under_construction', '2023-02-01', '')"
        )
        run(
            "INSERT INTO investment_records (project_id, year, month, amount, sector_id, district_id) VALUES"
            " (1, 2023, 7, 100, 2, 1), (1, 2023, 3, 50, 2, 1), (2, 2022, 12, 9, 1, 2)"
        )
        run("INSERT INTO annual_plans (project_id, year, amount) VALUES (1, 2023, 1200), (2, 2023, 400)")
        run("INSERT INTO meta (key, value) VALUES ('as_of', '2023-09-30')")
        held = {t: run(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in _TABLES}
    engine.dispose()
    return held


_TABLES = ("sectors", "districts", "enterprises", "projects", "status_changes", "investment_records",
           "annual_plans", "meta")  # fmt: skip


def _indexes(con: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in con.execute(f"PRAGMA index_list({table})") if not r[1].startswith("sqlite_autoindex")}


@pytest.mark.parametrize("foreign_keys", ["ON", "OFF"])
def test_0003_keeps_every_row_and_lets_sector_district_amount_be_unknown(tmp_path: Path, foreign_keys: str) -> None:
    """Making the columns nullable rebuilds ``projects`` on SQLite. With foreign keys on (as
    the app's connections have them), dropping the old table would cascade to the status
    history, records and plans: every row must survive either way, indexes and CHECK rules too."""
    path = tmp_path / "old.sqlite"
    held = _database_at_0002(path)
    con = sqlite3.connect(path)
    indexes_before = {t: _indexes(con, t) for t in ("projects", "investment_records")}
    con.close()
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA foreign_keys={foreign_keys}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_REVISION,)
    for table in _TABLES:
        rows = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        if table in ("projects", "investment_records"):  # columns added since 0002 come last, empty
            added = len(rows[0]) - len(held[table][0])
            assert added == {"projects": 2 + 9, "investment_records": 1}[table]  # 0003_optional_fields, 0004_figures
            assert {r[-added:] for r in rows} == {(None,) * added}
            rows = [r[:-added] for r in rows]
        assert rows == held[table], table
    # 0009_activity_index, 0010_unknown_type_origin
    added_since = {"projects": {"ix_projects_activity", "ix_projects_kind"}}
    assert {t: _indexes(con, t) for t in indexes_before} == {
        t: found | added_since.get(t, set()) for t, found in indexes_before.items()
    }
    nullable = {r[1]: not r[3] for r in con.execute("PRAGMA table_info(projects)")}
    assert nullable["sector_id"] and nullable["district_id"] and nullable["planned_investment"]
    assert not nullable["name"] and not nullable["status"]
    assert {r[1]: not r[3] for r in con.execute("PRAGMA table_info(investment_records)")}["sector_id"]
    con.execute(
        "INSERT INTO projects (id, name, status, is_key_project, project_type, investor_origin, notes,"
        " created_at, updated_at, version) VALUES (4, '在谈线索', 'lead', 0, 'new', 'domestic', '',"
        " '2023-01-01', '2023-01-01', 1)"
    )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # the rules of the old table still hold
        con.execute("UPDATE projects SET planned_investment = -1 WHERE id = 4")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        con.execute("UPDATE projects SET status = 'dreaming' WHERE id = 4")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        con.execute("UPDATE projects SET sector_id = 99 WHERE id = 4")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    db = open_database(path)
    from zqtracker.services.admin import check

    assert check(db).ok
    db.close()


def test_database_at_0002_opens_through_the_app_with_its_history(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    held = _database_at_0002(path)
    db = open_database(path)
    from zqtracker.services.context import AppContext

    ctx = AppContext.for_database(db)
    assert [len(ctx.projects.status_history(pid)) for pid in (1, 2, 3)] == [2, 1, 1]
    assert ctx.projects.investment(1) and len(held["investment_records"]) == 3
    assert ctx.statistics.summary(2023, 7).completed.total.ytd == 150
    db.close()
