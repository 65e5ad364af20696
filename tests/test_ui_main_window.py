"""The main window on a real demo database: loading, bulk actions with undo, filters and sort,
another database, languages, and a database that cannot be opened."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel
from ui_helpers import accept, click, when_modal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def status_rows(db_path: Path, ids: list[int]) -> dict[int, str]:
    con = sqlite3.connect(db_path)
    try:
        marks = ",".join("?" * len(ids))
        return dict(con.execute(f"SELECT id, status FROM projects WHERE id IN ({marks})", ids).fetchall())
    finally:
        con.close()


def history_count(db_path: Path, ids: list[int]) -> int:
    con = sqlite3.connect(db_path)
    try:
        marks = ",".join("?" * len(ids))
        return con.execute(f"SELECT COUNT(*) FROM status_changes WHERE project_id IN ({marks})", ids).fetchone()[0]
    finally:
        con.close()


def test_window_shows_every_project_with_totals_and_stale_marks(make_window, demo_ctx: AppContext, artifacts) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    total = demo_ctx.projects.count()
    assert page.model.rowCount() == total == 568
    planned = sum(r.planned_investment or 0 for r in demo_ctx.projects.list_rows())
    assert page.model.visible_planned == planned
    assert f"{total:,} projects" in window.summary_label.text()
    assert "planned ¥122.150 bn (5 projects without an amount)" in window.summary_label.text()
    assert f"{planned:,}" in window.summary_label.toolTip()
    # Stale marks agree with the statistics service's rule.
    rows = demo_ctx.projects.list_rows()
    stale = {r.id for r in demo_ctx.statistics.stale_projects(rows)}
    assert stale and {r.id for r in rows if page.model.is_stale(r.id)} == stale
    assert "DEMO" in window.demo_label.text() and window.demo_label.isVisible()
    assert window.windowTitle().startswith("demo.sqlite")
    page.table.selectRow(0)
    window.resize(1400, 860)
    window.grab().save(str(artifacts / "main_window_en.png"))


def test_bulk_change_status_then_undo_and_redo(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    page.apply_filter(ProjectFilter(statuses=frozenset({Status.SIGNED})))
    ids = [page.model.row_at(i).id for i in range(3)]
    page.table.select_ids(ids)
    assert page.selected_ids() == sorted(ids) or set(page.selected_ids()) == set(ids)
    db_path = demo_ctx.database.sqlite_path
    history_before = history_count(db_path, ids)

    def answer(dialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData(Status.PREPARING.value))
        dialog.note.setText("土地已摘牌")
        accept(dialog)

    seen = when_modal(answer, name="change_status_dialog")
    window.actions_.change_status.trigger()
    assert seen
    assert set(status_rows(db_path, ids).values()) == {"preparing"}
    assert history_count(db_path, ids) == history_before + 3
    assert window.actions_.undo.text() == "Undo change status of 3 projects"
    # The filter shows signed projects only: the three left the view.
    assert not set(ids) & {r.id for r in page.visible_rows()}

    window.actions_.undo.trigger()
    assert set(status_rows(db_path, ids).values()) == {"signed"}
    assert history_count(db_path, ids) == history_before
    assert set(ids) <= {r.id for r in page.visible_rows()}
    assert window.actions_.redo.text() == "Redo change status of 3 projects"

    window.actions_.redo.trigger()
    assert set(status_rows(db_path, ids).values()) == {"preparing"}
    assert history_count(db_path, ids) == history_before + 3


def test_bulk_key_project_and_delete_with_undo(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    page.apply_filter(ProjectFilter(key_only=False))
    rows = [r for r in page.visible_rows() if not r.is_key_project][:4]
    ids = [r.id for r in rows]
    page.table.select_ids(ids)
    window.actions_.mark_key.trigger()
    assert all(demo_ctx.projects.get(i).is_key_project for i in ids)
    assert window.actions_.undo.text() == "Undo mark 4 projects as key projects"
    window.actions_.undo.trigger()
    assert not any(demo_ctx.projects.get(i).is_key_project for i in ids)

    page.table.select_ids(ids[:2])
    investment_before = sum(len(demo_ctx.projects.investment(i)) for i in ids[:2])
    seen = when_modal(lambda box: click(box, "Delete"), name="confirm")
    window.actions_.delete.trigger()
    assert seen and "Delete 2 projects?" in seen[0].text()
    assert demo_ctx.projects.count() == 566
    assert not {r.id for r in page.visible_rows()} & set(ids[:2])
    window.actions_.undo.trigger()
    assert demo_ctx.projects.count() == 568
    assert sum(len(demo_ctx.projects.investment(i)) for i in ids[:2]) == investment_before
    assert set(ids[:2]) <= {r.id for r in page.visible_rows()}
    window.actions_.redo.trigger()
    assert demo_ctx.projects.count() == 566


def test_cancelled_delete_changes_nothing(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    window.projects.table.selectRow(0)
    seen = when_modal(lambda box: click(box, "Cancel"), name="confirm")
    window.actions_.delete.trigger()
    assert seen and demo_ctx.projects.count() == 568
    assert not window.undo_stack.canUndo()


def test_filter_bar_and_header_sort(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    bar = page.filter_bar
    rows = demo_ctx.projects.list_rows()

    for ch in "储能":  # typed one character at a time (QTest cannot type CJK key events)
        bar.search.insert(ch)
    expected = [r.id for r in rows if ProjectFilter(search="储能").matches(r)]
    assert sorted(r.id for r in page.visible_rows()) == expected and expected

    action = bar.status._actions[Status.UNDER_CONSTRUCTION.value]
    action.trigger()
    f = ProjectFilter(search="储能", statuses=frozenset({Status.UNDER_CONSTRUCTION}))
    assert page.current_filter() == f
    assert sorted(r.id for r in page.visible_rows()) == [r.id for r in rows if f.matches(r)]
    assert "of 568 projects" in window.summary_label.text()

    header = page.table.horizontalHeader()
    column = page.model.column_of("planned_investment")
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    amounts = [r.planned_investment for r in page.visible_rows()]
    known = [a for a in amounts if a is not None]
    assert amounts == sorted(known, reverse=True) + [None] * (len(amounts) - len(known))  # unknown last
    header.setSortIndicator(page.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    names = [r.name for r in page.visible_rows()]
    assert names == sorted(names, key=str.casefold)

    bar.clear_button.click()
    assert page.model.rowCount() == 568 and page.current_filter().is_empty()


def test_apply_filter_from_elsewhere_shows_in_the_bar(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    f = ProjectFilter(
        sectors=frozenset({"新能源"}), districts=frozenset({"肇庆新区"}), signed_year=2023, billion_only=True
    )
    page.apply_filter(f)
    assert page.current_filter() == f
    assert page.filter_bar.current_filter() == f
    rows = demo_ctx.projects.list_rows()
    assert sorted(r.id for r in page.visible_rows()) == [r.id for r in rows if f.matches(r)]
    assert page.visible_columns()[:3] == ["code", "name", "enterprise"]


def test_selection_survives_sorting_and_refiltering(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    page = window.projects
    ids = [page.model.row_at(i).id for i in (5, 9, 40)]
    page.table.select_ids(ids)
    page.table.horizontalHeader().setSortIndicator(page.model.column_of("signed_on"), Qt.SortOrder.DescendingOrder)
    assert set(page.selected_ids()) == set(ids)
    assert page.detail.project_id in ids or page.detail.project_id is None


def test_reopening_the_database_shows_the_same_data(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    path = demo_ctx.database.sqlite_path
    first = window.projects.model.row_at(0)
    window.close()
    demo_ctx.close()
    again = AppContext.open(path)
    try:
        window2 = make_window(again)
        assert window2.projects.model.rowCount() == 568
        row = window2.projects.model.get(first.id)
        assert row is not None and row.name == first.name and row.planned_investment == first.planned_investment
    finally:
        again.close()


def test_open_another_database_reaches_every_widget(make_window, demo_ctx: AppContext, ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    received = []
    window.context_changed.connect(received.append)
    with qtbot.waitSignal(window.projects.rows_ready, timeout=30_000):
        window.set_context(ctx)
    assert received == [ctx] and window.projects.ctx is ctx and window.project_actions.ctx is ctx
    assert window.projects.model.rowCount() == 0 and not window.is_demo
    assert not window.undo_stack.canUndo()


def test_a_database_that_cannot_be_opened_is_explained_and_the_app_stays(
    make_window, demo_ctx: AppContext, tmp_path: Path, qtbot
) -> None:
    window = make_window(demo_ctx)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are not the projects you are looking for")
    seen = when_modal(lambda box: box.accept(), name="error_message")
    with qtbot.waitSignal(window.database_actions.failed, timeout=30_000):
        window.database_actions.open_target(str(bad))
    assert seen and "not a zqtracker database" in seen[0].text() and str(bad) in seen[0].text()
    assert window.ctx is demo_ctx and window.projects.model.rowCount() == 568
    assert bad.read_text().startswith("these are not")  # untouched
    assert str(bad) not in window.settings.recent_databases()


def test_opening_a_database_remembers_it(make_window, demo_ctx: AppContext, tmp_path: Path, qtbot) -> None:
    window = make_window(demo_ctx)
    target = tmp_path / "new.sqlite"
    with qtbot.waitSignal(window.database_actions.opened, timeout=30_000):
        window.database_actions.open_target(str(target))
    assert window.ctx is not None and window.ctx.database.sqlite_path == target
    assert window.settings.recent_databases()[0] == str(target)
    assert window.windowTitle().startswith("new.sqlite")
    window.ctx.close()


def test_switching_language_rewords_the_window(make_window, demo_ctx: AppContext, artifacts, settings, qtbot) -> None:
    from zqtracker.ui.preferences import PreferencesDialog

    window = make_window(demo_ctx)
    assert window.actions_.file_menu.title() == "&File"
    dialog = PreferencesDialog(window, settings)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()  # Settings announces the change; the window follows
    assert window.actions_.file_menu.title().startswith("文件")
    assert window.tabs.tabText(0) == "项目"
    model = window.projects.model
    assert model.headerData(model.column_of("name"), Qt.Orientation.Horizontal) == "项目名称"
    assert model.headerData(model.column_of("planned_investment"), Qt.Orientation.Horizontal) == "计划总投资\n（亿元）"
    status_column = model.column_of("status")
    assert model.data(model.index(0, status_column)) in {s.label("zh") for s in Status}
    assert "个项目" in window.summary_label.text()
    assert settings.language == "zh_CN"
    window.projects.table.selectRow(0)
    window.resize(1400, 860)
    qtbot.wait(50)  # the menu bar lays its new titles out in posted events
    window.grab().save(str(artifacts / "main_window_zh.png"))


def test_money_unit_preference_applies_at_once(make_window, demo_ctx: AppContext, settings) -> None:
    from zqtracker.domain.money import Unit
    from zqtracker.ui.preferences import PreferencesDialog

    window = make_window(demo_ctx)
    model = window.projects.model
    column = model.column_of("planned_investment")
    row = model.row_at(0)
    dialog = PreferencesDialog(window, settings)
    dialog.unit.setCurrentIndex(dialog.unit.findData(Unit.WAN.value))
    dialog.stale.setValue(3)
    dialog.accept()
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Planned investment\n(¥ mn)"
    assert model.data(model.index(0, column)).replace(",", "") == f"{row.planned_investment / 1_000_000:.2f}"
    assert settings.money_unit is Unit.WAN and settings.stale_months == 3


def test_dropping_spreadsheets_calls_import_file(make_window, demo_ctx: AppContext, tmp_path: Path) -> None:
    window = make_window(demo_ctx)
    received: list[Path] = []
    window.import_file = received.append  # the seam the import issue implements
    mime = QMimeData()
    files = [tmp_path / "月报.xlsx", tmp_path / "notes.txt", tmp_path / "list.CSV"]
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    assert received == [files[0], files[2]]
    assert window.actions_.import_.isEnabled() and window.actions_.import_.shortcut().toString() == "Ctrl+I"
    assert window.actions_.export.shortcut().toString() == "Ctrl+E"
    assert window.actions_.print_.shortcut().toString() == "Ctrl+P"


def test_window_state_is_remembered(make_window, demo_ctx: AppContext, settings) -> None:
    window = make_window(demo_ctx)
    table = window.projects.table
    table.set_visible_columns(["name", "status", "planned_investment"])
    table.horizontalHeader().setSortIndicator(
        window.projects.model.column_of("planned_investment"), Qt.SortOrder.DescendingOrder
    )
    window.resize(901, 603)
    window.close()
    again = make_window(demo_ctx)
    assert again.projects.visible_columns() == ["name", "status", "planned_investment"]
    assert again.projects.model.sort_key == "planned_investment" and again.projects.model.sort_descending
    amounts = [r.planned_investment for r in again.projects.visible_rows()]
    known = [a for a in amounts if a is not None]
    assert amounts == sorted(known, reverse=True) + [None] * (len(amounts) - len(known))
    # The offscreen screen is 800 px wide, narrower than the window's minimum: only the height
    # shows that the geometry came back.
    assert again.size().height() == 603


def test_dark_palette(make_window, demo_ctx: AppContext, qapp, artifacts) -> None:
    """Colours come from the palette: a dark one gives a light problem red and readable text."""
    from PySide6.QtGui import QColor, QPalette

    from zqtracker.ui.palette import is_dark, problem_color

    dark = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        dark.setColor(role, QColor(color))
    before = qapp.palette()
    qapp.setPalette(dark)
    try:
        window = make_window(demo_ctx)
        assert is_dark(window.palette()) and problem_color(window.palette()).lightness() > 128
        window.projects.table.selectRow(2)
        window.resize(1400, 860)
        window.grab().save(str(artifacts / "main_window_dark.png"))
    finally:
        qapp.setPalette(before)


def test_other_tabs_are_built_when_shown_with_a_database(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(None)
    built: list[object] = []
    window._create_dashboard = lambda: built.append(window.ctx) or QLabel("dashboard")
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.widget is None and built == []  # no database yet: it waits
    with qtbot.waitSignal(window.projects.activity_ready, timeout=60_000):
        window.set_context(demo_ctx)
    assert built == [demo_ctx] and window.dashboard.widget is not None
    assert window.summaries.widget is None  # never shown, never built
    f = ProjectFilter(statuses=frozenset({Status.ON_HOLD}))
    window.show_projects(f)  # the dashboard's click-through
    assert window.tabs.currentWidget() is window.projects and window.projects.current_filter() == f


def test_a_bulk_change_of_many_projects_refreshes_them_in_the_background(
    make_window, demo_ctx: AppContext, qtbot
) -> None:
    from zqtracker.ui import commands
    from zqtracker.ui.projects_page import SYNC_REFRESH

    window = make_window(demo_ctx)
    page = window.projects
    ids = [r.id for r in page.visible_rows() if r.status is not Status.CANCELLED][: SYNC_REFRESH + 10]
    command = commands.ChangeStatus(demo_ctx, window.events, print, ids, Status.CANCELLED, date(2024, 3, 1), "整体终止")
    with qtbot.waitSignal(page.rows_refreshed, timeout=60_000):
        command.execute()
    assert all(page.model.get(i).status is Status.CANCELLED for i in ids)
    assert not any(page.model.is_stale(i) for i in ids)  # cancelled projects are never stale
    with qtbot.waitSignal(page.rows_refreshed, timeout=60_000):
        command.undo()
    assert sum(1 for i in ids if page.model.get(i).status is Status.CANCELLED) == 0
