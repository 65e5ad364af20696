"""Storage faults of issue #16: indexes lost by an interrupted bulk load, two-level sectors on
undo of a replace import and on a second `zqtracker demo`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from faults_helpers import run

from zqtracker.cli.console import ExitCode
from zqtracker.storage.database import Database
from zqtracker.storage.engine import BULK_MIN_ROWS
from zqtracker.storage.importing import ImportStore

pytestmark = pytest.mark.engine("sqlite")  # SQLite files' own faults (indexes, pages, locks)


def _indexes(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='projects' AND sql IS NOT NULL"
            )
        }
    finally:
        con.close()


def test_a_failed_bulk_load_keeps_the_indexes(database: Database, db_path: Path) -> None:
    before = _indexes(db_path)
    assert len(before) >= 5
    with pytest.raises(RuntimeError), database.session() as s:
        store = ImportStore(s)
        with store.ops.bulk("projects", BULK_MIN_ROWS):
            raise RuntimeError("killed or cancelled before any row was written")
    assert _indexes(db_path) == before


def test_db_check_names_missing_indexes_and_db_upgrade_rebuilds_them(db_path: Path, database: Database) -> None:
    database.close()
    con = sqlite3.connect(db_path)
    con.execute("DROP INDEX ix_projects_cube")
    con.commit()
    con.close()
    code, out, _ = run("--db", str(db_path), "db", "check")
    assert code == ExitCode.INVALID_INPUT and "projects.ix_projects_cube is missing" in out
    code, out, err = run("--db", str(db_path), "db", "upgrade")
    assert code == ExitCode.OK and "Rebuilt index projects.ix_projects_cube" in out, err
    assert run("--db", str(db_path), "db", "check")[0] == ExitCode.OK


def test_demo_twice_with_two_level_sectors(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert run("--db", db, "demo")[0] == ExitCode.OK
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sectors WHERE parent_id IS NOT NULL").fetchone()[0] > 0
    con.close()
    code, _out, err = run("--db", db, "demo")
    assert code == ExitCode.OK, err
    assert "FOREIGN KEY" not in err


def test_undo_of_a_replace_import_with_two_level_sectors(demo_ctx, tmp_path: Path) -> None:
    from import_files import PROJECT_HEADER, SheetSpec, write_workbook
    from test_import_service import dump

    from zqtracker.services.import_mappings import MappingStore
    from zqtracker.services.importing import ImportOptions, ImportService

    path = demo_ctx.database.sqlite_path
    service = ImportService(demo_ctx.database, MappingStore(tmp_path / "mappings.json"))
    before = dump(path)
    rows = [PROJECT_HEADER, [1, "R-1", "唯一项目", None, "氢能", "鼎湖区", "在建", 2, None, None, None, "是"]]
    result = service.import_file(
        write_workbook(tmp_path / "r.xlsx", SheetSpec("S", rows)), ImportOptions(mode="replace")
    )
    assert result.written and demo_ctx.projects.count() == 1
    service.undo(result.change)
    assert dump(path) == before
