"""The project table never shows a load older than a change it has seen (issue 16).

A load of every row reads one snapshot: the one it began with (tests/test_snapshot_reads.py). One
begun before a change — the window's watcher reloading after a colleague's commit, say — and
finished before the change's own reload started used to land anyway: the table showed the rows
from before the change (the renamed district under its old name, an edit gone) until the next
reload. Here the load's result is waiting in the queue, undelivered, when the change is made."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from zqtracker.domain.models import District
from zqtracker.services.context import AppContext


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path):
    context = AppContext.open(Path(shutil.copy(demo_template, tmp_path / "demo.sqlite")), daily_backup=False)
    yield context
    context.close()


def _load_waiting(window) -> None:
    """A reload whose result is posted to the window but not yet delivered."""
    window.projects.reload()
    assert window.projects.loader.busy
    assert QThreadPool.globalInstance().waitForDone(60_000)  # the GUI thread handles no event meanwhile


def test_a_rename_made_while_a_load_waits_is_not_undone_by_it(make_window, demo: AppContext, qtbot) -> None:
    window = make_window(demo)
    district = next(d for d in demo.references.districts() if d.name == "端州区")
    n = sum(1 for r in window.projects.model.loaded_rows() if r.district == "端州区")
    _load_waiting(window)
    demo.references.save_district(District("端州区（城区）", district.id))
    with qtbot.waitSignal(window.projects.rows_ready, timeout=60_000):
        window.events.references_changed.emit()  # what Tools › Lists announces after a rename
    rows = window.projects.model.loaded_rows()
    assert sum(1 for r in rows if r.district == "端州区（城区）") == n > 0
    assert not any(r.district == "端州区" for r in rows)


def test_an_edit_made_while_a_load_waits_is_not_undone_by_it(make_window, demo: AppContext, qtbot) -> None:
    window = make_window(demo)
    first = window.projects.model.loaded_rows()[0]
    _load_waiting(window)
    project = demo.projects.get(first.id)
    demo.projects.update(replace(project, name=project.name + "（已核实）"))
    with qtbot.waitSignal(window.projects.rows_ready, timeout=60_000):
        window.events.projects_changed.emit([first.id])  # what the editor announces after a save
    qtbot.wait(200)  # anything else still queued lands too
    row = window.projects.model.get(first.id)
    assert row is not None and row.name == project.name + "（已核实）"
