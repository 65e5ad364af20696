"""Repositories and opening databases, on real SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zqtracker.domain.errors import ConcurrentUpdateError, InUseError, ValidationError
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import District, Enterprise, InvestorOrigin, Project, ProjectType, Sector
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.storage.database import DatabaseOpenError, open_database


def full_project(**kw: object) -> Project:
    base = dict(
        name="粤星储能电池生产基地项目",
        sector="新型储能",
        district="肇庆新区",
        status=Status.UNDER_CONSTRUCTION,
        planned_investment=1_234_567_891_234,
        code="007",
        enterprise="肇庆粤星储能科技有限公司",
        land_area_mu=Decimal("123.4567"),
        expected_annual_output=5_000_000_000,
        expected_annual_tax=250_000_000,
        signed_on=date(2023, 1, 5),
        construction_start_on=date(2023, 3, 1),
        production_on=None,
        is_key_project=True,
        project_type=ProjectType.EXPANSION,
        investor_origin=InvestorOrigin.HK_MACAO_TAIWAN,
        officer="张伟",
        notes="第一期\n备注",
    )
    base.update(kw)
    return Project(**base)  # type: ignore[arg-type]


def test_project_round_trip_keeps_every_field(ctx: AppContext, db_url: str) -> None:
    p = ctx.projects.create(full_project())
    ctx.close()
    again = AppContext.open(db_url)
    loaded = again.projects.get(p.id)
    for field in ("name", "sector", "district", "status", "planned_investment", "code", "enterprise",
                  "land_area_mu", "expected_annual_output", "expected_annual_tax", "signed_on",
                  "construction_start_on", "production_on", "is_key_project", "project_type",
                  "investor_origin", "officer", "notes"):  # fmt: skip
        assert getattr(loaded, field) == getattr(p, field), field
    assert loaded.version == 1
    history = again.projects.status_history(p.id)
    assert [(h.from_status, h.to_status, h.changed_on) for h in history] == [
        (None, Status.UNDER_CONSTRUCTION, date(2023, 3, 1))
    ]
    again.close()


def test_update_guards_against_lost_updates(ctx: AppContext) -> None:
    p = ctx.projects.create(full_project())
    mine, theirs = ctx.projects.get(p.id), ctx.projects.get(p.id)
    theirs.planned_investment = 5
    ctx.projects.update(theirs)
    mine.name = "changed by me"
    with pytest.raises(ConcurrentUpdateError):
        ctx.projects.update(mine)
    assert ctx.projects.get(p.id).name == p.name  # nothing half-saved


def test_status_change_writes_history_and_undo_removes_it(ctx: AppContext) -> None:
    a = ctx.projects.create(full_project(code="A"))
    b = ctx.projects.create(
        full_project(code="B", name="另一个项目", status=Status.IN_PRODUCTION, production_on=date(2023, 9, 1))
    )
    changes = ctx.projects.change_status([a.id, b.id], Status.IN_PRODUCTION, date(2023, 10, 10), "验收")
    assert [(c.project_id, c.from_status) for c in changes] == [(a.id, Status.UNDER_CONSTRUCTION)]
    hist = ctx.projects.status_history(a.id)
    assert hist[-1].to_status is Status.IN_PRODUCTION and hist[-1].note == "验收"
    ctx.projects.revert_status_changes(changes)
    assert ctx.projects.get(a.id).status is Status.UNDER_CONSTRUCTION
    assert len(ctx.projects.status_history(a.id)) == 1


def test_delete_and_restore_bring_back_everything(ctx: AppContext) -> None:
    p = ctx.projects.create(full_project())
    ctx.projects.set_investment(p.id, [(2023, 1, 100), (2023, 2, 200)])
    ctx.projects.set_plans(p.id, [(2023, 1000)])
    ctx.projects.change_status([p.id], Status.ON_HOLD, date(2023, 6, 1))
    snaps = ctx.projects.delete([p.id])
    assert ctx.projects.count() == 0
    ctx.projects.restore(snaps)
    assert ctx.projects.get(p.id).status is Status.ON_HOLD
    assert [(r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(1, 100), (2, 200)]
    assert [(pl.year, pl.amount) for pl in ctx.projects.plans(p.id)] == [(2023, 1000)]
    assert len(ctx.projects.status_history(p.id)) == 2


def test_duplicate_codes_are_refused(ctx: AppContext) -> None:
    ctx.projects.create(full_project(code="X1"))
    with pytest.raises(ValidationError) as err:
        ctx.projects.create(full_project(code="X1", name="second"))
    assert err.value.problems[0].code == "duplicate_code"


def test_set_investment_overwrites_and_deletes_months(ctx: AppContext) -> None:
    p = ctx.projects.create(full_project())
    ctx.projects.set_investment(p.id, [(2023, 1, 100), (2023, 2, 200)])
    before = ctx.projects.set_investment(p.id, [(2023, 1, 150), (2023, 2, None)])
    assert [(r.month, r.amount) for r in before] == [(1, 100), (2, 200)]
    assert [(r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(1, 150)]
    with pytest.raises(ValidationError):
        ctx.projects.set_investment(p.id, [(2023, 13, 1)])


def test_reference_in_use_cannot_be_deleted(ctx: AppContext) -> None:
    ctx.projects.create(full_project())
    sector = next(s for s in ctx.references.sectors() if s.name == "新型储能")
    with pytest.raises(InUseError):
        ctx.references.delete_sector(sector.id)
    free = ctx.references.save_sector(Sector("氢能", parent="新能源"))
    ctx.references.delete_sector(free)
    assert {s.name: s.parent for s in ctx.references.sectors()} == {"新型储能": None, "新能源": None}
    ctx.references.save_district(District("四会市"))
    with pytest.raises(ValidationError):
        ctx.references.save_district(District("四会市"))
    with pytest.raises(ValidationError):
        ctx.references.save_enterprise(Enterprise("坏代码公司", credit_code="123"))


def test_filter_in_sql_agrees_with_filter_in_memory(demo_ctx: AppContext) -> None:
    rows = demo_ctx.projects.list_rows()
    filters = [
        ProjectFilter(search="储能"),
        ProjectFilter(search="zq2023"),
        ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION, Status.ON_HOLD})),
        ProjectFilter(sectors=frozenset({"新能源"})),  # a chain covers its sectors
        ProjectFilter(sectors=frozenset({"汽车零部件"}), districts=frozenset({"肇庆新区", "高要区"})),
        ProjectFilter(signed_year=2023, key_only=True),
        ProjectFilter(billion_only=True, search="基地 项目"),
    ]
    for f in filters:
        in_sql = {r.id for r in demo_ctx.projects.list_rows(f)}
        in_memory = {r.id for r in rows if f.matches(r)}
        assert in_sql == in_memory, f
        assert in_sql, f"filter {f} matches nothing in the demo data: a weak test"


# -- opening databases --------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database" * 10)
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.reason == "not_sqlite" and "not a zqtracker database" in str(err.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.reason == "foreign_database"
    assert _digest(path) == before


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_corrupt_database_is_refused_untouched(database, db_path: Path) -> None:
    AppContext.for_database(database).projects.create(full_project())
    database.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page
    db_path.write_bytes(bytes(data))
    for extra in ("-wal", "-shm"):
        Path(str(db_path) + extra).unlink(missing_ok=True)
    before = _digest(db_path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(db_path)
    assert err.value.reason == "corrupt"
    assert _digest(db_path) == before


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_newer_schema_is_refused(database, db_path: Path) -> None:
    database.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseOpenError) as err:
        open_database(db_path)
    assert err.value.reason == "newer_schema"
    assert "newer version of zqtracker" in str(err.value)


def test_unreachable_server_and_bad_urls(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError) as err:
        open_database("nosuchdialect://x/y")
    assert "Cannot open" in str(err.value)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(tmp_path / "missing-folder" / "x.sqlite")
    assert err.value.reason == "no_folder"


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_sqlite_pragmas(database) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_set_key_project_and_restore_flags(ctx: AppContext) -> None:
    a = ctx.projects.create(full_project(code="K1", is_key_project=False))
    b = ctx.projects.create(full_project(code="K2", name="二", is_key_project=True))
    before = ctx.projects.set_key_project([a.id, b.id], True)
    assert before.before == {a.id: False, b.id: True}
    assert ctx.projects.get(a.id).is_key_project and ctx.projects.get(a.id).version == 2
    assert ctx.projects.get(b.id).version == 1  # unchanged rows are not touched
    ctx.projects.restore_key_flags(before)
    assert not ctx.projects.get(a.id).is_key_project and ctx.projects.get(b.id).is_key_project
