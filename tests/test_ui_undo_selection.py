"""After an undo of a delete (and a redo of an add) the projects that came back are selected and scrolled
into view (fix28d item 2: the project came back, the selection was empty). The real main window, keys
pressed on its table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import click, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def _undo(window) -> None:
    """Edit › Undo (Ctrl+Z). Triggered as the menu does: offscreen, the closed confirmation box stays the
    window Qt matches Ctrl+Z against, so the key itself is not delivered to the main window's shortcut."""
    window.actions_.undo.trigger()


def _redo(window) -> None:
    window.actions_.redo.trigger()


def test_undoing_a_delete_selects_what_came_back(make_window, ctx: AppContext, qtbot) -> None:
    ids = [
        ctx.projects.create(Project(f"项目{n:02d}", "新型储能", "高要区", Status.SIGNED, 10**8)).id for n in range(60)
    ]
    window = make_window(ctx)
    table = window.projects.table
    table.setFocus()
    table.select_ids([ids[41], ids[42]])
    assert table.selected_ids() == [ids[41], ids[42]]
    when_modal(lambda box: click(box, "Delete"), name="confirm")
    QTest.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: ctx.projects.count() == 58, timeout=10_000)
    qtbot.waitUntil(lambda: window.projects.model.rowCount() == 58, timeout=10_000)
    table.select_ids([ids[0]])  # the user moves on to the first row
    table.scrollToTop()

    _undo(window)
    qtbot.waitUntil(lambda: ctx.projects.count() == 60, timeout=10_000)
    qtbot.waitUntil(lambda: window.projects.model.rowCount() == 60, timeout=10_000)
    qtbot.waitUntil(lambda: table.selected_ids() == [ids[41], ids[42]], timeout=10_000)
    assert table.current_id() == ids[41]
    row = window.projects.model.row_numbers([ids[41]])[0]
    assert table.viewport().rect().intersects(table.visualRect(window.projects.model.index(row, 1)))  # in view
    assert window.projects.detail.project_id in (ids[41], None)  # the detail pane follows a single one


def test_redoing_an_add_selects_the_project(make_window, ctx: AppContext, qtbot) -> None:
    for n in range(40):
        ctx.projects.create(Project(f"项目{n:02d}", "新型储能", "高要区", Status.SIGNED, 10**8))
    window = make_window(ctx)
    table = window.projects.table

    def fill(editor) -> None:
        editor.form.name.setText("最后添加的项目")
        click(editor, "Save")

    when_modal(fill, name="project_editor")
    added = window.project_actions.new_project()
    assert added is not None
    _undo(window)
    qtbot.waitUntil(lambda: window.projects.model.rowCount() == 40, timeout=10_000)
    table.select_ids([table.model().row_at(0).id])
    table.scrollToTop()
    _redo(window)
    qtbot.waitUntil(lambda: window.projects.model.rowCount() == 41, timeout=10_000)
    qtbot.waitUntil(lambda: table.selected_ids() == [added.id], timeout=10_000)
    row = window.projects.model.row_numbers([added.id])[0]
    assert table.viewport().rect().intersects(table.visualRect(window.projects.model.index(row, 1)))
