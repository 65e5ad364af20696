"""Test setup: offscreen Qt, and a private data/config folder so no test touches the user's."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Both must be set before anything creates a QApplication or reads platformdirs.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_PRIVATE = Path(tempfile.mkdtemp(prefix="zqtracker-tests-"))
os.environ["XDG_DATA_HOME"] = str(_PRIVATE / "data")
os.environ["XDG_CONFIG_HOME"] = str(_PRIVATE / "config")
os.environ["XDG_CACHE_HOME"] = str(_PRIVATE / "cache")
os.environ.pop("ZQTRACKER_DB", None)
os.environ.setdefault("ZQTRACKER_LANG", "en")

import gc  # noqa: E402

import pytest  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

# Desktop fixtures (main window, private settings, dialog guard) live in tests/ui_fixtures.py; the
# database fixtures (database, ctx, demo_ctx on SQLite and PostgreSQL) in tests/engines.py.
pytest_plugins = ("ui_fixtures", "engines")


# As in the app (zqtracker/ui/main_thread_gc.py): cycles are collected on the main thread only, so
# that a Qt object left in a cycle by one test is never freed by a worker thread of another.
_THRESHOLD = gc.get_threshold()
gc.disable()


@pytest.fixture(autouse=True)
def _collect_cycles_on_the_main_thread() -> Iterator[None]:
    from zqtracker.ui.main_thread_gc import collect_due

    yield
    collect_due(_THRESHOLD)


@pytest.fixture
def db_path(tmp_path: Path, sqlite_empty_template: Path) -> Path:
    """An empty SQLite database at head, copied from tests/engines.py's migrated template (migrating a new
    file takes ~0.5 s); a test of creating a database names a path of its own."""
    path = tmp_path / "test.sqlite"
    shutil.copy(sqlite_empty_template, path)
    return path


@pytest.fixture
def artifacts() -> Path:
    """Where tests save screenshots and rendered pages for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Before pytest-qt closes a test's widgets: let the test's background work end. A runnable still
    running when its dialog and operation are deleted under it crashed a test process now and then
    (a segfault in _PyErr_Fetch, seen on a loaded machine with two test processes)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
    return (yield)


# The longest files (seconds of a full run, session 33), started first (pyproject's addopts turn off
# xdist's own order, which sorts files by their number of tests and so left the longest single-test files —
# the kill harness, 80 s — for the end, one worker busy a minute after the other had finished). With two
# workers taking a file at a time (--dist loadfile), what is left for the end is short.
LONGEST_FIRST = (
    "test_kill_harness", "test_ui_language_walk_more", "test_round_collect", "test_ui_language_walk",
    "test_import_patterns", "test_round_return_edits", "test_export_plans", "test_probe27_interrupts",
    "test_round_collect_ctrl_c", "test_export_roundtrip", "test_wide_sheets", "test_server_backup",
    "test_reports_pdf", "test_probe21_misreads", "test_round_collect_figures", "test_probe28_formats",
    "test_import_corpus", "test_restore_cancel", "test_import_fuzz", "test_finished_district",
    "test_team_messages", "test_ui_language_walk_cancel", "test_dashboard_widget", "test_charts",
    "test_import_roundtrip", "test_import_percent_cells", "test_probe25d_figures", "test_server_restore_ui",
    "test_ui_round", "test_import_service", "test_import_cli", "test_faults_database", "test_stopped_district",
    "test_probe24_round_returns", "test_read_process", "test_cli", "test_notes_totals_units",
    "test_guide_screenshots", "test_faults_full_wal",
)  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))  # stable: the rest keep their order


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_PRIVATE, ignore_errors=True)
