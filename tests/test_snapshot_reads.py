"""The project table's reads are one snapshot (issue 16): an import, its undo or its redo that
commits while the table loads in the background can no longer split the load — names read
before the commit, rows after it — which ended in "Something went wrong and nothing was saved:
467" (a KeyError: a row naming an enterprise the load never read).

The commit is put exactly between the two reads that broke: a SQLAlchemy event on the reading
engine runs the other program's write right after the enterprises were selected."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from import_files import district_projects
from sqlalchemy import event

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportChange, ImportOptions, ImportService
from zqtracker.services.project_list import ProjectListService
from zqtracker.storage.database import Database, open_database
from zqtracker.ui.project_loader import LoadedRows, ProjectLoader

CODES = {"GY-001", "GY-002", "0015"}  # the projects district_projects adds, with new enterprises


@pytest.fixture
def imported(ctx: AppContext, tmp_path: Path) -> ImportChange:
    result = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(
        district_projects(tmp_path / "d.xlsx"), ImportOptions()
    )
    assert result.written and result.change is not None and result.added == 3
    return result.change


@pytest.fixture
def colleague(db_url: str, tmp_path: Path) -> Iterator[ImportService]:
    """Another program on the same database, with its own connections."""
    other = open_database(db_url)
    yield ImportService(other, MappingStore(tmp_path / "other.json"))
    other.close()


@contextmanager
def between_reads(database: Database, write: Callable[[], None]) -> Iterator[list[str]]:
    """Runs ``write`` (on another connection) once, just after ``database`` selected the enterprises."""
    done: list[str] = []

    def after(_conn, _cursor, statement: str, *_args) -> None:
        if not done and "FROM enterprises" in statement:
            done.append(statement)
            write()

    event.listen(database.engine, "after_cursor_execute", after)
    try:
        yield done
    finally:
        event.remove(database.engine, "after_cursor_execute", after)


def _codes(rows) -> set[str]:
    return {r.code for r in rows if r.code in CODES}


def test_a_redo_committed_between_the_reads_of_a_load_leaves_it_whole(
    ctx: AppContext, imported: ImportChange, colleague: ImportService
) -> None:
    colleague.undo(imported)
    total = len(ProjectListService(ctx.database).all_rows())
    with between_reads(ctx.database, lambda: colleague.redo(imported)) as done:
        rows = ProjectListService(ctx.database).all_rows()  # was: KeyError (an enterprise id)
    assert done, "the redo ran between the reads"
    assert len(rows) == total and not _codes(rows)  # the database as it was when the load began
    again = ProjectListService(ctx.database).all_rows()
    assert _codes(again) == CODES and len(again) == total + 3


def test_an_undo_committed_between_the_reads_of_a_load_leaves_it_whole(
    ctx: AppContext, imported: ImportChange, colleague: ImportService
) -> None:
    total = len(ProjectListService(ctx.database).all_rows())
    with between_reads(ctx.database, lambda: colleague.undo(imported)) as done:
        rows = ProjectListService(ctx.database).all_rows()
        listed = ctx.projects.list_rows()  # the CLI's `list` and reports read the same way
    assert done
    assert len(rows) == total and _codes(rows) == CODES and all(r.enterprise for r in rows if r.code != "0015")
    assert len(listed) == total - 3 and not _codes(listed)  # read after the undo: one whole state too


@pytest.mark.engine("sqlite")
@pytest.mark.engine("postgresql")  # a widget test whose point is each engine's snapshot
def test_the_table_loader_survives_a_redo_between_its_reads(
    ctx: AppContext, imported: ImportChange, colleague: ImportService, qtbot
) -> None:
    """The window's background load (ui/project_loader.py), driven in the order that failed."""
    colleague.undo(imported)
    loader = ProjectLoader()
    outcomes: list[object] = []
    loader.rows_loaded.connect(outcomes.append)
    loader.failed.connect(outcomes.append)  # the window showed it as "Something went wrong…"
    with between_reads(ctx.database, lambda: colleague.redo(imported)) as done:
        loader.load(ctx, None)
        qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    (result,) = outcomes
    assert done and isinstance(result, LoadedRows), result
    assert not _codes(result.store.rows())  # as it was when the load began
    outcomes.clear()
    loader.load(ctx, None)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert isinstance(outcomes[0], LoadedRows) and _codes(outcomes[0].store.rows()) == CODES
