"""After a bulk write the copy of SQLite's log into the database file (the checkpoint) runs on a thread
of its own, not inside the commit the user waits for (storage/checkpoint.py): the import returns with
its rows committed and readable, the connection's automatic checkpoint is back for the next write,
and closing the database finishes the copy. A small write checkpoints as SQLite always does. On a
server nothing of this applies: the same import, no thread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage import checkpoint
from zqtracker.storage.database import Database, open_database
from zqtracker.storage.engine import BULK_MIN_ROWS

ROWS = BULK_MIN_ROWS + 500


def _list(path: Path, count: int) -> Path:
    lines = ["项目编号,项目名称,所属行业,所在区域,计划总投资（万元）"]
    lines += [f"CK-{i:06d},检查点测试项目{i},新型储能,端州区,{100 + i % 900}" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _autocheckpoint(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() or 0)


@pytest.mark.engine("sqlite")
def test_a_bulk_import_returns_before_the_checkpoint_and_close_finishes_it(tmp_path: Path) -> None:
    path = tmp_path / "bulk.sqlite"
    database = open_database(path)
    service = ImportService(database)
    result = service.import_file(_list(tmp_path / "big.csv", ROWS), ImportOptions())
    assert result.ok and result.added == ROWS
    assert _autocheckpoint(database) == 1000  # the pooled connection's setting is back
    with sqlite3.connect(path) as reader:  # committed: another connection reads every row now
        assert reader.execute("SELECT count(*) FROM projects").fetchone() == (ROWS,)
        pages = reader.execute("PRAGMA page_count").fetchone()[0] * reader.execute("PRAGMA page_size").fetchone()[0]
    checkpoint.wait(path)
    # The pool still holds a connection (no checkpoint on a last close yet): the copy is the thread's.
    assert path.stat().st_size == pages
    database.close()
    assert not checkpoint.pending(path)
    again = open_database(path)
    try:
        assert AppContext.for_database(again).projects.count() == ROWS
    finally:
        again.close()


@pytest.mark.engine("sqlite")
def test_inside_a_bulk_write_the_commit_checkpoints_nothing_and_a_small_write_as_always(tmp_path: Path) -> None:
    from zqtracker.storage.importing import ImportStore

    database = open_database(tmp_path / "small.sqlite")
    try:
        with database.write() as s:
            store = ImportStore(s)
            with store.ops.bulk("projects", BULK_MIN_ROWS - 1):
                assert store.ops.fetch("PRAGMA wal_autocheckpoint") == [(1000,)]
        assert not checkpoint.pending(tmp_path / "small.sqlite")
        with database.write() as s:
            store = ImportStore(s)
            with store.ops.bulk("projects", BULK_MIN_ROWS):
                assert store.ops.fetch("PRAGMA wal_autocheckpoint") == [(0,)]
        assert _autocheckpoint(database) == 1000
        with pytest.raises(RuntimeError), database.write() as s:  # a failed bulk write restores it too
            store = ImportStore(s)
            with store.ops.bulk("projects", BULK_MIN_ROWS):
                raise RuntimeError("cancelled")
        assert _autocheckpoint(database) == 1000
    finally:
        database.close()


@pytest.mark.engine("postgresql")
def test_on_a_server_a_bulk_import_starts_no_checkpoint(ctx: AppContext, tmp_path: Path) -> None:
    result = ImportService(ctx.database).import_file(_list(tmp_path / "big.csv", ROWS), ImportOptions())
    assert result.ok and result.added == ROWS
    assert ctx.projects.count() == ROWS
    assert not checkpoint.pending(Path("anything"))
    with checkpoint._lock:
        assert checkpoint._running == {}


@pytest.mark.engine("sqlite")
def test_a_database_moved_away_before_its_checkpoint_is_not_created_anew(tmp_path: Path) -> None:
    path = tmp_path / "moved.sqlite"
    database = open_database(path)
    ImportService(database).import_file(_list(tmp_path / "big.csv", ROWS), ImportOptions())
    database.close()
    path.rename(tmp_path / "elsewhere.sqlite")  # (a restore's move, a user's)
    checkpoint._start(path)  # a checkpoint that starts only now
    checkpoint.wait(path)
    assert not path.exists()
