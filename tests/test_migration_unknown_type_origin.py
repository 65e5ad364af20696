"""Migration 0010_unknown_type_origin on SQLite and PostgreSQL: a database made by the previous head
(0009) keeps every row and every stored type and origin, and afterwards a project may have neither."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.storage.database import open_database
from zqtracker.storage.migrate import alembic_config
from zqtracker.storage.schema import SCHEMA_REVISION

PREVIOUS = "0009_activity_index"
# every table with a foreign key that cascades from projects, and one project with and one without
_CHILDREN = ("status_changes", "investment_records", "annual_plans", "round_projects", "round_decisions")


def _engine_url(url: str) -> str:
    return url if "://" in url else f"sqlite:///{url}"


def _fill_at_previous_head(url: str, foreign_keys: bool) -> dict[str, list[tuple]]:
    """Schema 0009 with two projects (given type and origin: 扩建 / 外资 and 新建 / 内资) and a row
    in every table that cascades from projects; returns those rows."""
    engine = create_engine(_engine_url(url))
    cfg = alembic_config()
    with engine.begin() as conn:
        if foreign_keys and conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, PREVIOUS)
        run = conn.execute
        run(text("INSERT INTO districts (id, name) VALUES (1, '高要区')"))
        for pid, ptype, origin in ((1, "expansion", "foreign"), (2, "new", "domestic")):
            run(
                text(
                    "INSERT INTO projects (id, code, name, district_id, status, planned_investment, is_key_project,"
                    " project_type, investor_origin, notes, created_at, updated_at, version, last_activity_on)"
                    " VALUES (:id, :code, :name, 1, 'signed', 42, false, :type, :origin, '', '2023-01-01 00:00:00',"
                    " '2023-01-01 00:00:00', 1, :last)"
                ),
                # the later of its status change (2023-01-05) and its last month of records (March)
                {
                    "id": pid,
                    "code": f"ZQ-{pid}",
                    "name": f"项目{pid}",
                    "type": ptype,
                    "origin": origin,
                    "last": date(2023, 3, 31) if pid == 1 else date(2023, 2, 1),
                },
            )
        run(text("INSERT INTO status_changes (project_id, to_status, changed_on, note)"
                 " VALUES (1, 'signed', '2023-01-05', ''), (2, 'signed', '2023-02-01', '')"))  # fmt: skip
        run(text("INSERT INTO investment_records (project_id, year, month, amount, district_id)"
                 " VALUES (1, 2023, 3, 50, 1)"))  # fmt: skip
        run(text("INSERT INTO annual_plans (project_id, year, amount) VALUES (1, 2023, 1200)"))
        run(text("INSERT INTO rounds (id, year, month, due_on, created_at, folder, unit) VALUES"
                 " (1, 2023, 3, '2023-04-05', '2023-04-01', 'r', 'wan')"))  # fmt: skip
        run(text("INSERT INTO round_projects (round_id, project_id, district_id) VALUES (1, 1, 1)"))
        run(text("INSERT INTO round_decisions (round_id, project_id, check_code, decision, note, decided_at)"
                 " VALUES (1, 1, 'jump', 'accepted', '', '2023-04-06')"))  # fmt: skip
        held = {t: [tuple(r) for r in run(text(f"SELECT * FROM {t}"))] for t in _CHILDREN}
    engine.dispose()
    return held


@pytest.mark.parametrize("foreign_keys", [True, False], ids=["fk-on", "fk-off"])
def test_the_previous_head_upgrades_keeping_every_value_and_then_allows_none(
    engine_name: str, empty_url: str, foreign_keys: bool
) -> None:
    if engine_name != "sqlite" and not foreign_keys:
        pytest.skip("a server always keeps its foreign keys")
    held = _fill_at_previous_head(empty_url, foreign_keys)
    if foreign_keys and engine_name == "sqlite":  # as a connection with the keys on would run it
        engine = create_engine(_engine_url(empty_url))
        cfg = alembic_config()
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        engine.dispose()
    db = open_database(empty_url)  # the app's own path: a copy first on SQLite, then the upgrade
    try:
        with db.engine.connect() as conn:
            run = conn.execute
            assert run(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_REVISION
            # existing values stay: nothing tells an invented 内资 from a given one
            assert run(text("SELECT id, project_type, investor_origin FROM projects ORDER BY id")).all() == [
                (1, "expansion", "foreign"),
                (2, "new", "domestic"),
            ]
            for table in _CHILDREN:  # the rebuild of projects cascaded nothing away
                assert [tuple(r) for r in run(text(f"SELECT * FROM {table}"))] == held[table], table
            indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("projects")}
            assert indexes["ix_projects_kind"] == ["project_type", "investor_origin", "planned_investment"]
            assert {"ix_projects_cube", "ix_projects_activity", "ix_projects_name_district"} <= set(indexes)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO projects (id, name, status, is_key_project, notes, created_at, updated_at, version)"
                    " VALUES (3, '在谈线索', 'lead', false, '', '2023-01-01 00:00:00', '2023-01-01 00:00:00', 1)"
                )
            )
            assert conn.execute(text("SELECT project_type, investor_origin FROM projects WHERE id = 3")).one() == (
                None,
                None,
            )
        with pytest.raises(IntegrityError), db.engine.begin() as conn:  # the table's other rules still hold
            conn.execute(text("UPDATE projects SET planned_investment = -1 WHERE id = 3"))
        from zqtracker.services.admin import check
        from zqtracker.services.context import AppContext

        assert check(db).ok
        ctx = AppContext.for_database(db)
        projects = {p.id: p for p in ctx.projects.all_projects()}
        assert (projects[1].project_type, projects[1].investor_origin) == (
            ProjectType.EXPANSION,
            InvestorOrigin.FOREIGN,
        )
        assert (projects[3].project_type, projects[3].investor_origin) == (None, None)
    finally:
        db.close()


def test_a_downgrade_is_refused_while_a_project_lacks_them(engine_name: str, empty_url: str) -> None:
    """Back to NOT NULL would have to invent 新建 / 内资: refused, the database left at head."""
    open_database(empty_url).close()
    engine = create_engine(_engine_url(empty_url))
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO projects (id, name, status, is_key_project, notes, created_at, updated_at, version)"
                " VALUES (1, '在谈线索', 'lead', false, '', '2023-01-01', '2023-01-01', 1)"
            )
        )
    cfg = alembic_config()
    with pytest.raises(RuntimeError, match="1 project"), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, PREVIOUS)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_REVISION
    engine.dispose()
