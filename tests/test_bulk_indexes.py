"""A bulk load into a (nearly) empty table builds the table's plain indexes after its rows instead of
maintaining them row by row — on SQLite and, for the table's owner, on PostgreSQL. The indexes come
back exactly as they were, a failed load keeps them, and on PostgreSQL a user who does not own the
table (an analyst) loads with them in place: dropping one would need the owner and lock the table."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from test_server_access import team  # noqa: F401 - the fixture

from zqtracker.services.context import AppContext
from zqtracker.storage.database import Database
from zqtracker.storage.engine import BULK_MIN_ROWS
from zqtracker.storage.importing import ImportStore


def _indexes(database: Database) -> list[tuple]:
    found = inspect(database.engine).get_indexes("projects")
    return sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in found)


def _inside(store: ImportStore) -> set[str]:
    """The projects table's index names as the loading transaction sees them."""
    if store.ops.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'projects' AND sql IS NOT NULL"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE tablename = 'projects' AND indexname LIKE 'ix_%%'"
    return {r[0] for r in store.ops.fetch(sql)}


def test_the_indexes_are_built_after_the_rows_and_come_back_as_they_were(database: Database) -> None:
    before = _indexes(database)
    assert len([i for i in before if i[0].startswith("ix_projects_")]) >= 5
    with database.session() as s:
        store = ImportStore(s)
        with store.ops.bulk("projects", BULK_MIN_ROWS):
            assert _inside(store) == set()  # the rows go in without them
    assert _indexes(database) == before
    with pytest.raises(RuntimeError), database.session() as s:
        store = ImportStore(s)
        with store.ops.bulk("projects", BULK_MIN_ROWS):
            raise RuntimeError("killed or cancelled before any row was written")
    assert _indexes(database) == before
    with database.session() as s:  # a few rows, or a table already holding many: indexes kept
        store = ImportStore(s)
        with store.ops.bulk("projects", BULK_MIN_ROWS - 1):
            assert len(_inside(store)) >= 5


@pytest.mark.engine("postgresql")
def test_an_analyst_loads_with_the_indexes_in_place(team) -> None:  # noqa: F811
    people, _users = team
    analyst: AppContext = people["analyst"]
    with analyst.database.session() as s:
        store = ImportStore(s)
        with store.ops.bulk("projects", BULK_MIN_ROWS * 10):
            assert len(_inside(store)) >= 5


@pytest.mark.engine("postgresql")
def test_a_colleague_reading_the_table_keeps_the_indexes_and_nobody_waits_long(database: Database) -> None:
    import time

    import psycopg

    url = database.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as colleague:
        colleague.execute("SELECT count(*) FROM projects").fetchone()  # an open transaction holds its read lock
        with database.session() as s:
            store = ImportStore(s)
            before = store.ops.fetch("SELECT current_setting('lock_timeout')")[0][0]
            started = time.monotonic()
            with store.ops.bulk("projects", BULK_MIN_ROWS):
                assert len(_inside(store)) >= 5  # not dropped: the lock did not come within a second
                assert time.monotonic() - started < 10
                assert store.ops.fetch("SELECT current_setting('lock_timeout')")[0][0] == before
                s.execute(text("SELECT 1"))  # the transaction goes on after the savepoint
        colleague.rollback()
    assert len(_indexes(database)) >= 5
