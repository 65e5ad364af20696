"""What used to break on a PostgreSQL server (issue 14), on both engines: imports that wrote
nothing, ids taken as max + 1 beside the server's sequences, refused rows not caught as such,
replace mode and backups that knew only SQLite files."""

from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from engines import dump
from import_files import district_projects
from test_storage import full_project

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services import admin
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.database import open_database
from zqtracker.storage.engine import EngineOps, RowRefused
from zqtracker.storage.transfer import fingerprint


def _importer(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def test_an_import_writes_its_rows_and_new_projects_after_it_get_fresh_ids(ctx: AppContext, tmp_path: Path) -> None:
    result = _importer(ctx, tmp_path).import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    assert result.written and result.added == 3
    assert sorted(p.code for p in ctx.projects.all_projects()) == sorted(["GY-001", "GY-002", "0015"])
    created = ctx.projects.create(Project("新项目", "新型储能", "高要区", Status.LEAD, 1))
    assert created.id not in set(result.project_ids)
    again = ctx.projects.create(full_project(code="X-1"))
    assert len({created.id, again.id, *result.project_ids}) == 5
    assert ctx.projects.count() == 5


def test_projects_written_in_bulk_take_ids_from_the_database(ctx: AppContext) -> None:
    from zqtracker.storage.bulk import insert_projects

    first = ctx.projects.create(full_project(code="A"))
    with ctx.database.session() as s:
        ids = insert_projects(s, [Project(f"批量{i}", "光伏", "端州区", Status.SIGNED, i) for i in range(3)])
    later = ctx.projects.create(full_project(code="B"))
    assert len({first.id, *ids, later.id}) == 5
    assert [p.name for p in ctx.projects.get_many(ids)] == ["批量0", "批量1", "批量2"]


def test_reserved_ids_are_unique_across_sessions(database) -> None:
    with database.session() as a:
        first = EngineOps.for_connection(a.connection()).reserve_ids("projects", 3)
    with database.session() as b:
        second = EngineOps.for_connection(b.connection()).reserve_ids("projects", 2)
    assert len(first) == 3 and len(second) == 2
    if database.engine.dialect.name == "postgresql":  # a sequence: never handed out twice
        assert not set(first) & set(second)


def test_a_row_the_database_refuses_is_reported_as_refused(database) -> None:
    with pytest.raises(RowRefused), database.session() as s:
        ops = EngineOps.for_connection(s.connection())
        ops.many("INSERT INTO districts (id, name) VALUES (?, ?)", [(1, "端州区"), (2, "端州区")])
    with database.session() as s:
        ops = EngineOps.for_connection(s.connection())
        assert ops.fetch("SELECT count(*) FROM districts")[0][0] == 0
    with pytest.raises(RowRefused), database.session() as s:
        EngineOps.for_connection(s.connection()).insert("districts", ("id", "name"), [(1, "甲"), (1, "乙")])


def test_columns_empty_in_every_row_are_stored_as_given(database) -> None:
    """SQLite's bulk insert leaves out the columns NULL in every row (binding a None is slow):
    they must read back NULL — not a column's default — and a NOT NULL column still refuses."""
    rows = [(i, None, None, f"c{i}") for i in range(1, 301)]
    with database.session() as s:
        ops = EngineOps.for_connection(s.connection())
        ops.conn.exec_driver_sql(
            "CREATE TABLE zq_bulk (id INTEGER PRIMARY KEY, a TEXT, b TEXT DEFAULT 'default', c TEXT NOT NULL)"
        )
        ops.insert("zq_bulk", ("id", "a", "b", "c"), rows)
        assert ops.fetch("SELECT id, a, b, c FROM zq_bulk ORDER BY id") == rows
        assert ops.fetch("SELECT count(*) FROM zq_bulk WHERE b IS NULL")[0][0] == 300
    with pytest.raises(RowRefused), database.session() as s:
        ops = EngineOps.for_connection(s.connection())
        ops.insert("zq_bulk", ("id", "a", "b", "c"), [(i, "a", "b", None) for i in range(301, 601)])
    with database.session() as s:
        ops = EngineOps.for_connection(s.connection())
        assert ops.fetch("SELECT count(*) FROM zq_bulk")[0][0] == 300
        ops.conn.exec_driver_sql("DROP TABLE zq_bulk")


def test_rows_written_while_the_next_are_made_all_go_in_or_none(database) -> None:
    """insert_overlapped writes each chunk on a thread of its own while the caller makes the next:
    a refused row, or a failure while making a chunk (a cancel), stops the writer before the
    error reaches the caller, and the transaction's rollback leaves nothing of the chunks before."""

    def chunks(fail_at: int | None = None, duplicate: bool = False):
        for c in range(4):
            if c == fail_at:
                raise RuntimeError("made wrong")
            rows = [(c * 300 + i, f"区{c * 300 + i}") for i in range(1, 301)]
            yield [*rows, (9999, "区1")] if duplicate and c == 2 else rows

    def count() -> int:
        with database.session() as s:
            return EngineOps.for_connection(s.connection()).fetch("SELECT count(*) FROM districts")[0][0]

    interval = sys.getswitchinterval()
    for kwargs, error in (({"fail_at": 2}, RuntimeError), ({"duplicate": True}, RowRefused)):
        with pytest.raises(error), database.session() as s:
            EngineOps.for_connection(s.connection()).insert_overlapped("districts", ("id", "name"), chunks(**kwargs))
        assert count() == 0
        assert not [t for t in threading.enumerate() if t.name == "zqtracker-bulk-writer"]
    handed: list[int] = []
    with database.session() as s:
        EngineOps.for_connection(s.connection()).insert_overlapped("districts", ("id", "name"), chunks(), handed.append)
    assert count() == 1200 and handed == [300, 600, 900, 1200]
    assert sys.getswitchinterval() == interval


def test_replace_mode_backs_up_and_undo_restores_on_either_engine(ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    ctx.projects.create(full_project(code="KEEP-1"))
    before = dump(db_url)
    service = _importer(ctx, tmp_path)
    result = service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions(mode="replace"))
    assert result.written and result.backup is not None and result.backup.exists()
    assert sorted(p.code for p in ctx.projects.all_projects()) == sorted(["GY-001", "GY-002", "0015"])
    copy = open_database(result.backup, migrate=False, create=False)  # a zqtracker database of its own
    try:
        assert [p.code for p in AppContext.for_database(copy).projects.all_projects()] == ["KEEP-1"]
    finally:
        copy.close()
    service.undo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == before
    added = ctx.projects.create(Project("之后", "光伏", "端州区", Status.LEAD, 5))
    assert added.id is not None and ctx.projects.count() == 2


def test_a_backup_is_a_sqlite_file_with_every_row(demo_ctx: AppContext, tmp_path: Path) -> None:
    target = admin.backup(demo_ctx.database, tmp_path / "backup.sqlite")
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    copy = open_database(target, migrate=False, create=False)
    try:
        with demo_ctx.database.engine.connect() as a, copy.engine.connect() as b:
            theirs, ours = fingerprint(a), fingerprint(b)
        assert theirs == ours and theirs["projects"]["rows"] == 568
        assert theirs["investment_records"]["amount"] > 0
    finally:
        copy.close()


def test_the_first_status_changes_an_import_writes_are_the_rows_its_undo_and_redo_keep(
    ctx: AppContext, tmp_path: Path
) -> None:
    """On SQLite they are copied from the projects just written (storage/importing.py); the rows
    stored must be the very rows the change holds, which a redo puts back."""
    service = _importer(ctx, tmp_path)
    earlier = ctx.projects.create(full_project(code="E-1"))
    ctx.projects.change_status([earlier.id], Status.CANCELLED, date(2024, 1, 1))
    result = service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    assert result.change is not None and len(result.change.status_changes) == 3

    def stored() -> list[tuple]:
        table = dump(ctx.database)["status_changes"]
        return sorted(r for r in table if r[1] in set(result.project_ids))

    written = stored()
    assert written == sorted(tuple(r) for r in result.change.status_changes)
    assert {(r[2], r[5]) for r in written} == {(None, "")}
    assert [r[3] for r in written] == [p.status.value for p in ctx.projects.get_many(sorted(result.project_ids))]
    service.undo(result.change)
    assert stored() == []
    service.redo(result.change)
    assert stored() == written


def test_status_changes_after_an_import_and_its_undo_redo_get_new_ids(ctx: AppContext, tmp_path: Path) -> None:
    service = _importer(ctx, tmp_path)
    result = service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    service.undo(result.change)  # type: ignore[arg-type]
    service.redo(result.change)  # type: ignore[arg-type]
    pid = result.project_ids[0]
    change = ctx.projects.change_status([pid], Status.CANCELLED, date(2024, 1, 1))
    assert change and change[0].id not in {c[0] for c in result.change.status_changes}  # type: ignore[union-attr]
    assert [c.to_status for c in ctx.projects.status_history(pid)][-1] is Status.CANCELLED
