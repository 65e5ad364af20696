"""The audit trail of many new projects at once, both engines: on SQLite a bulk insert writes the
"created" rows (and an investment month's) in one statement after them instead of by the row
trigger (storage.audit.bulk_audit_sql, storage.engine); the rows must be the trigger's own, each
recorded once, and the trigger back however the bulk insert ends."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path

import pytest
from import_files import SheetSpec, district_projects, write_workbook

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.audit import os_user
from zqtracker.storage.database import Database
from zqtracker.storage.engine import AUDIT_AFTER_MIN_ROWS, RowRefused
from zqtracker.storage.importing import ImportStore
from zqtracker.storage.querying import utcnow

MANY = AUDIT_AFTER_MIN_ROWS + 234


def _who(database: Database) -> str:
    return database.engine.url.username if database.sqlite_path is None else os_user()  # type: ignore[return-value]


def _recorded(ctx: AppContext) -> list[tuple]:
    rows = HistoryService(ctx.database).changes()
    return sorted(
        (
            r.project_id,
            r.project_code,
            r.project_name,
            r.action,
            r.source,
            r.field,
            r.old_value,
            r.new_value,
            r.user_name,
        )
        for r in rows
    )


def test_many_imported_projects_are_each_recorded_as_the_row_trigger_records_a_few(
    ctx: AppContext, tmp_path: Path
) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    few = service.import_file(district_projects(tmp_path / "高要区清单.xlsx"), ImportOptions())
    header = ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"]
    rows = [header, *([f"DZ-{i:05d}", f"端州项目{i}", "新型储能", "端州区", "在建", 100 + i] for i in range(MANY))]
    many = service.import_file(write_workbook(tmp_path / "端州区清单.xlsx", SheetSpec("清单", rows)), ImportOptions())
    assert few.added == 3 and many.added == MANY
    who = _who(ctx.database)
    stored = {p.id: p for p in ctx.projects.get_many([*few.project_ids, *many.project_ids])}
    expected = sorted(
        (pid, stored[pid].code, stored[pid].name, "import", source, "created", None, stored[pid].name, who)
        for ids, source in ((few.project_ids, "高要区清单.xlsx"), (many.project_ids, "端州区清单.xlsx"))
        for pid in ids
    )
    assert _recorded(ctx) == expected
    assert all(r.changed_at is not None for r in HistoryService(ctx.database).changes())
    later = ctx.projects.create(Project("新项目", "新型储能", "高要区", Status.LEAD, 1, code="N-1"))
    assert _recorded(ctx)[-1] == (later.id, "N-1", "新项目", "create", None, "created", None, "新项目", who)


def _rows(store: ImportStore, ids: Iterable[int]) -> tuple[tuple[str, ...], list[tuple]]:
    codec, at = store.codec, store.codec.datetime(utcnow())
    columns = ("id", "code", "name", "status", "is_key_project", "project_type", "investor_origin", "notes",
               "created_at", "updated_at", "version")  # fmt: skip
    no = codec.boolean(False)
    return columns, [(i, f"B-{i}", f"批量{i}", "lead", no, "new", "domestic", "", at, at, 1) for i in ids]


def test_a_bulk_insert_that_fails_records_nothing_and_the_trigger_records_again(database: Database) -> None:
    with database.write() as s:
        store = ImportStore(s)
        columns, rows = _rows(store, range(1, 2))
        store.ops.insert("projects", columns, rows)  # one project, recorded by the trigger
    with pytest.raises(RowRefused), database.write() as s:
        store = ImportStore(s)
        columns, rows = _rows(store, range(2, MANY + 2))
        with store.ops.bulk("projects", len(rows)):
            store.ops.insert("projects", columns, [*rows, (1, *rows[0][1:])])  # id 1 is taken: refused
    with database.write() as s:
        store = ImportStore(s)
        assert store.ops.fetch("SELECT count(*) FROM projects")[0][0] == 1
        columns, rows = _rows(store, range(2, 3))
        store.ops.insert("projects", columns, rows)
        if database.engine.dialect.name == "sqlite":  # in the same transaction after a failed bulk insert
            columns, rows = _rows(store, range(3, MANY + 3))
            with pytest.raises(RowRefused), store.ops.bulk("projects", len(rows)):
                store.ops.insert("projects", columns, [(2, *rows[0][1:]), *rows])  # refused at its first statement
            columns, rows = _rows(store, range(MANY + 3, MANY + 4))
            store.ops.insert("projects", columns, rows)
        found = store.ops.fetch("SELECT project_id, field, new_value FROM project_changes ORDER BY project_id")
    expected = [(1, "created", "批量1"), (2, "created", "批量2")]
    if database.engine.dialect.name == "sqlite":
        expected.append((MANY + 3, "created", f"批量{MANY + 3}"))
    assert found == expected


def test_rows_put_in_beside_a_bulk_insert_are_never_left_unrecorded(database: Database) -> None:
    """Every row of a bulk block must come through insert(), which notes its id for the audit: on
    SQLite one put in another way fails the write rather than go unrecorded (a server's
    statement triggers record it anyway)."""
    sqlite = database.engine.dialect.name == "sqlite"
    with pytest.raises(RuntimeError) if sqlite else nullcontext(), database.write() as s:
        store = ImportStore(s)
        columns, rows = _rows(store, range(1, MANY + 1))
        with store.ops.bulk("projects", len(rows)):
            store.ops.insert("projects", columns, rows[1:])
            marks = ", ".join("?" * len(columns))
            store.ops.many(f"INSERT INTO projects ({', '.join(columns)}) VALUES ({marks})", rows[:1])
    with database.write() as s:
        ops = ImportStore(s).ops
        written = ops.fetch("SELECT count(*) FROM projects")[0][0]
        recorded = ops.fetch("SELECT count(DISTINCT project_id) FROM project_changes WHERE field = 'created'")[0][0]
    assert (written, recorded) == ((0, 0) if sqlite else (MANY, MANY))


def test_many_investment_months_are_each_recorded_as_the_row_trigger_records_a_few(database: Database) -> None:
    with database.write() as s:
        store = ImportStore(s)
        store.ops.insert("projects", *_rows(store, range(1, 4)))
        store.put_investment([(1, 2024, 3, 1000, None, None)], set())  # one month: the row trigger
    months = [
        (p, y, m, p * 10**6 + y * 12 + m, None, None)
        for p in (1, 2, 3)
        for y in range(2000, 2030)
        for m in range(1, 13)
    ]
    with database.write() as s:
        ImportStore(s).put_investment([r for r in months if r[:3] != (1, 2024, 3)], set())
        found = ImportStore(s).ops.fetch(
            "SELECT project_id, project_code, project_name, action, field, old_value, new_value, user_name "
            "FROM project_changes WHERE field <> 'created'"
        )
    who = _who(database)
    expected = [
        (
            p,
            f"B-{p}",
            f"批量{p}",
            "edit",
            f"investment {y}-{m:02d}",
            None,
            str(1000 if (p, y, m) == (1, 2024, 3) else a),
            who,
        )
        for p, y, m, a, _s, _d in months
    ]
    assert len(months) > AUDIT_AFTER_MIN_ROWS and sorted(found) == sorted(expected)


def test_projects_put_back_with_ids_in_several_runs_are_each_recorded(database: Database) -> None:
    """A redo puts projects back under their old ids, which need not follow each other."""
    ids = [*range(1, 601), *range(1001, 1601), 2000]
    with database.write() as s:
        store = ImportStore(s)
        columns, rows = _rows(store, ids)
        with store.ops.bulk("projects", len(rows)):
            store.ops.insert("projects", columns, rows[::-1])
        found = store.ops.fetch("SELECT project_id, project_code FROM project_changes WHERE field = 'created'")
    assert sorted(found) == [(i, f"B-{i}") for i in ids]
