"""The parts built separately, working together in the real main window.

Dashboard click-through to the Projects view, summaries following its filter, File › Import…
with undo, File › Export… of the filtered view, Ctrl+P, the Help menu.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from ui_helpers import undo_import, when_modal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext


def test_dashboard_click_through_and_summaries_follow_the_filter(
    make_window, demo_ctx: AppContext, qtbot, artifacts
) -> None:
    from zqtracker.ui.dashboard.widget import DashboardWidget
    from zqtracker.ui.summaries import SummariesWidget

    window = make_window(demo_ctx)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.dashboard)
    dashboard = window.dashboard.widget
    assert isinstance(dashboard, DashboardWidget)
    qtbot.wait(300)
    window.grab().save(str(artifacts / "main_window_dashboard_en.png"))
    f = ProjectFilter(districts=frozenset({"高要区"}))
    dashboard.filter_requested.emit(f)  # what a click on the 高要区 bar sends
    assert window.tabs.currentWidget() is window.projects
    assert window.projects.current_filter() == f
    shown = window.projects.visible_rows()
    assert shown and all(r.district == "高要区" for r in shown)
    stale_shown = sum(1 for r in shown if window.projects.model.is_stale(r.id))
    assert f"{stale_shown} stale" in window.summary_label.text()  # the status bar counts what is shown
    window.tabs.setCurrentWidget(window.summaries)
    summaries = window.summaries.widget
    assert isinstance(summaries, SummariesWidget)
    assert summaries.options().filter == f
    qtbot.waitUntil(lambda: summaries.document() is not None, timeout=60_000)
    window.grab().save(str(artifacts / "main_window_summaries_en.png"))
    # Changing the Projects view's filter later reaches the summaries too.
    window.projects.apply_filter(ProjectFilter(statuses=frozenset({Status.ON_HOLD})))
    assert summaries.options().filter == ProjectFilter(statuses=frozenset({Status.ON_HOLD}))
    window.projects.apply_filter(ProjectFilter())
    assert summaries.options().filter is None


def _district_file(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "新签约项目"
    ws.append(["2023年10月新签约项目表"])
    ws.append(["填报单位：高要区投资促进局", None, None, None, None, "单位：万元"])
    ws.append(["序号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资", "签约时间"])
    ws.append([1, "集成测试储能电池项目", "新型储能", "高要区", "签约", 32000, date(2023, 10, 8)])
    ws.append([2, "集成测试汽车零部件项目", "汽车零部件", "高要区", "已签约", "1.5亿", "2023年10月12日"])
    ws.append(["合计", None, None, None, None, 47000])
    wb.save(path)
    return path


def test_import_from_the_file_menu_and_undo_it(make_window, demo_ctx: AppContext, qtbot, tmp_path: Path) -> None:
    window = make_window(demo_ctx)
    count = demo_ctx.projects.count()
    window.import_file(_district_file(tmp_path / "高要区10月.xlsx"))
    dialog = window.dialogs.import_dialog
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    assert dialog.analysis.added == 2 and dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert demo_ctx.projects.count() == count + 2
    qtbot.waitUntil(
        lambda: any(r.name == "集成测试储能电池项目" for r in window.projects.visible_rows()), timeout=30_000
    )
    new = {r.name: r for r in window.projects.visible_rows() if r.name.startswith("集成测试")}
    assert new["集成测试汽车零部件项目"].planned_investment == 150_000_000
    assert new["集成测试储能电池项目"].planned_investment == 320_000_000
    assert window.undo_stack.canUndo()
    undo_import(qtbot, window.undo_stack)
    assert demo_ctx.projects.count() == count
    qtbot.waitUntil(
        lambda: not any(r.name.startswith("集成测试") for r in window.projects.visible_rows()), timeout=30_000
    )


def test_export_gets_the_views_filter_and_columns(make_window, demo_ctx: AppContext, qtbot, tmp_path: Path) -> None:
    window = make_window(demo_ctx)
    f = ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}), districts=frozenset({"肇庆新区"}))
    window.projects.apply_filter(f)
    window.projects.table.set_visible_columns(["code", "name", "status", "planned_investment"])
    expected = sorted(r.code for r in window.projects.visible_rows())
    target = tmp_path / "在建-肇庆新区.xlsx"

    def fill_and_export(dialog) -> None:
        dialog.path_edit.setText(str(target))
        assert dialog.visible_only.isEnabled()
        dialog.visible_only.setChecked(True)  # the view's columns, not every field
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=60_000)
        dialog.reject()

    seen = when_modal(fill_and_export)
    window.actions_.export.trigger()
    assert seen, "the export dialog did not open"
    wb = openpyxl.load_workbook(target, read_only=True)
    rows = list(wb["Projects"].iter_rows(values_only=True))
    header = [str(c) for c in rows[0] if c is not None]
    assert header == ["Project code", "Project name", "Status", "Planned investment (¥ bn)"]
    codes = sorted(str(r[0]) for r in rows[1:] if r and r[0] is not None)
    assert codes == expected and codes


def test_print_shows_the_summaries_and_asks_for_a_printer(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    window.tabs.setCurrentWidget(window.summaries)
    qtbot.waitUntil(lambda: window.summaries.widget.document() is not None, timeout=60_000)
    window.tabs.setCurrentWidget(window.projects)
    asked = when_modal(lambda d: d.reject())
    window.actions_.print_.trigger()
    assert window.tabs.currentWidget() is window.summaries
    assert asked and asked[0].windowTitle()  # Qt's print dialog, answered "Cancel"


def test_the_first_print_from_the_projects_tab_opens_the_dialog_when_the_pages_are_ready(
    make_window, demo_ctx: AppContext, qtbot
) -> None:
    """Ctrl+P before the Summaries tab was ever shown: the pages are prepared first, then Qt's print
    dialog opens by itself, once — the request is not dropped for a "try again"."""
    from PySide6.QtPrintSupport import QPrintDialog

    window = make_window(demo_ctx)
    assert window.summaries.widget is None or window.summaries.widget.document() is None
    asked = when_modal(lambda d: d.reject(), kind=QPrintDialog, timeout=60)
    window.actions_.print_.trigger()
    widget = window.summaries.widget
    assert window.tabs.currentWidget() is window.summaries and widget.is_building()
    assert "the print dialog opens when they are ready" in widget.status_label.text()
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    assert asked[0].windowTitle() and widget.document() is not None
    again = when_modal(lambda d: d.reject(), kind=QPrintDialog, timeout=1)
    qtbot.wait(1200)
    assert again == []  # asked once, answered once


def test_help_menu_user_guide_and_about(make_window, demo_ctx: AppContext, qtbot, artifacts) -> None:
    from PySide6.QtWidgets import QApplication

    from zqtracker.ui.help import AboutDialog, UserGuideDialog

    window = make_window(demo_ctx)
    window.actions_.user_guide.trigger()
    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuideDialog) and w.isVisible()]
    assert guides and "The monthly update" in guides[0].browser.toPlainText()
    guides[0].close()
    about = when_modal(lambda d: (d.grab().save(str(artifacts / "about_from_menu.png")), d.accept()))
    window.actions_.about.trigger()
    assert about and isinstance(about[0], AboutDialog)
    assert demo_ctx.database.display_name in about[0].database.text()


def test_chinese_window_with_dashboard(make_window, demo_ctx: AppContext, qtbot, translations, artifacts) -> None:
    window = make_window(demo_ctx)
    translations.switch("zh_CN")
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.wait(300)
    assert [window.tabs.tabText(i) for i in range(3)] == ["项目", "仪表盘", "汇总"]
    window.grab().save(str(artifacts / "main_window_dashboard_zh.png"))
    assert window.actions_.import_.text().replace("&", "").startswith("导入")


def test_open_with_a_spreadsheet_imports_it_once_the_database_is_open(
    make_window, demo_ctx: AppContext, qtbot, tmp_path: Path
) -> None:
    from zqtracker.launcher import desktop_arguments
    from zqtracker.ui.app import import_when_open

    path = _district_file(tmp_path / "月报.xlsx")
    args = desktop_arguments(["--db", "x.sqlite", str(path)])
    assert args is not None and args.open == str(path) and args.db == "x.sqlite"
    assert desktop_arguments(["notes.txt"]) is None  # not a spreadsheet: the CLI parser says what is wrong
    window = make_window(None)
    import_when_open(window, Path(args.open))
    assert window.dialogs.import_dialog is None  # no database yet: it waits
    with qtbot.waitSignal(window.projects.activity_ready, timeout=60_000):
        window.set_context(demo_ctx)
    dialog = window.dialogs.import_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    assert dialog.analysis.added == 2
    dialog.reject()
