"""Layout on the screens analysts have — 1366×768 and 1920×1080 — in both languages: every default
column of the project table in view beside a narrow, collapsible detail pane, no header or label
cut, every dialog on screen. Screenshots of each go to artifacts/ (look at them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_walk import MODAL_DIALOGS, clipped, look, open_modal

from zqtracker.services.context import AppContext
from zqtracker.ui.project_table import CELL_PADDING, HEADER_PADDING

SCREENS = {"1366": (1366, 740), "1920": (1920, 1040)}  # maximised: less title bar and taskbar


def header_problems(table) -> list[str]:
    header, model = table.horizontalHeader(), table.model()
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    found = []
    for i in shown:
        text = str(model.headerData(i, Qt.Orientation.Horizontal))
        need = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n")) + HEADER_PADDING - 6
        if header.sectionSize(i) < need:
            found.append(f"header {text!r} cut: {header.sectionSize(i)} < {need}")
    right = max(header.sectionViewportPosition(i) + header.sectionSize(i) for i in shown)
    if right > table.viewport().width():
        found.append(f"columns run {right - table.viewport().width()} px past the view")
    return found


@pytest.mark.parametrize("screen", ["1366", "1920"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_projects_tab_fits(make_window, demo_ctx: AppContext, translations, qtbot, artifacts, lang, screen):
    translations.switch(lang)
    size = SCREENS[screen]
    window = make_window(demo_ctx)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    page = window.projects
    page.table.selectRow(0)
    qtbot.wait(50)
    assert header_problems(page.table) == []
    assert page.filter_bar.sizeHint().width() <= page.filter_bar.width()
    assert page.detail.width() <= (260 if screen == "1366" else 380)  # narrow by default
    assert clipped(window) == []
    window.grab().save(str(artifacts / f"layout-projects-{lang}-{screen}.png"))


@pytest.mark.parametrize("screen", ["1366", "1920"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_detail_pane_shows_every_value_whole(make_window, demo_ctx: AppContext, translations, qtbot, lang, screen):
    """In the narrow pane of a 1366 screen the English labels wrap, so that the values beside them
    are whole ("ZQ202300001", not "ZQ20230000" behind a scroll bar), and the four tabs are in
    view (shorter names, the full ones in their tooltips) — in both languages, on both screens."""
    from PySide6.QtWidgets import QFormLayout

    translations.switch(lang)
    window = make_window(demo_ctx)
    window.resize(*SCREENS[screen])
    qtbot.waitUntil(lambda: window.width() == SCREENS[screen][0])
    page = window.projects
    page.table.selectRow(0)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.tabs is not None and detail.tabs.isVisible())
    qtbot.wait(50)
    scroll = detail.tabs.widget(0)  # the Details tab
    form = scroll.widget().layout()
    assert scroll.widget().width() <= scroll.viewport().width() and not scroll.horizontalScrollBar().isVisible()
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert label.width() >= label.sizeHint().width() and label.height() >= label.sizeHint().height(), label.text()
        if value.text():
            assert value.width() >= value.minimumSizeHint().width(), (label.text(), value.text(), value.width())
    code = form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
    assert code.text() == "ZQ202300001" and code.width() >= code.fontMetrics().horizontalAdvance(code.text())
    bar = detail.tabs.tabBar()
    for i in range(bar.count()):
        shown = bar.tabRect(i)
        assert shown.right() < bar.width() and shown.width() >= bar.tabSizeHint(i).width(), bar.tabText(i)
    if screen == "1920" or lang == "zh":  # room for the full names
        assert bar.tabText(2) == ("投资" if lang == "zh" else "Investment")
    assert bar.tabToolTip(3) == ("修改留痕" if lang == "zh" else "Changes")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wide_window_gives_long_districts_and_sectors_their_room(
    make_window, demo_ctx: AppContext, translations, qtbot, lang
) -> None:
    """At 1920 the room left over goes to the districts and sectors the default widths cut
    ("粤桂合作特别试验区", "半导体及集成电路"), not to a blank strip; a width the user gave a column
    stays, in this window and the next one."""
    translations.switch(lang)
    window = make_window(demo_ctx)
    window.resize(*SCREENS["1920"])
    qtbot.waitUntil(lambda: window.width() == SCREENS["1920"][0])
    table = window.projects.table
    header, model, metrics = table.horizontalHeader(), table.model(), table.fontMetrics()
    district, sector = model.column_of("district"), model.column_of("sector")
    for key, i in (("district", district), ("sector", sector)):
        widest = max(metrics.horizontalAdvance(getattr(r, key) or "") for r in model.loaded_rows())
        assert header.sectionSize(i) >= widest + CELL_PADDING, (key, header.sectionSize(i), widest)
    assert header_problems(table) == []
    header.resizeSection(district, 70)  # the user's own width
    window.resize(*SCREENS["1366"])
    window.resize(*SCREENS["1920"])
    assert header.sectionSize(district) == 70
    window.save_state()
    again = make_window(demo_ctx)
    again.resize(*SCREENS["1920"])
    qtbot.waitUntil(lambda: again.width() == SCREENS["1920"][0])
    assert again.projects.table.horizontalHeader().sectionSize(district) == 70


def test_the_detail_pane_folds_away_and_comes_back(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    window.resize(*SCREENS["1366"])
    page = window.projects
    assert page.splitter.isCollapsible(1) and not page.splitter.isCollapsible(0)
    page.splitter.setSizes([page.splitter.width(), 0])  # dragged to the edge
    assert page.detail.width() == 0 and page.table.width() > 1300
    window.actions_.detail_pane.trigger()  # F9: hidden
    window.actions_.detail_pane.trigger()  # F9: back
    assert page.detail.isVisible()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_dashboard_and_summaries_fit_a_1920_screen(make_window, demo_ctx, translations, qtbot, artifacts, lang):
    translations.switch(lang)
    window = make_window(demo_ctx)
    window.resize(*SCREENS["1920"])
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(
        lambda: window.dashboard.widget is not None and window.dashboard.widget.figures is not None, timeout=30_000
    )
    qtbot.wait(50)
    assert clipped(window) == []
    window.grab().save(str(artifacts / f"layout-dashboard-{lang}-1920.png"))
    window.tabs.setCurrentWidget(window.summaries)
    qtbot.waitUntil(
        lambda: window.summaries.widget is not None and window.summaries.widget.document() is not None, timeout=60_000
    )
    qtbot.wait(50)
    assert clipped(window) == []
    window.grab().save(str(artifacts / f"layout-summaries-{lang}-1920.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_dialog_fits_a_1366_screen_uncut(make_window, demo_ctx, translations, qtbot, artifacts, lang) -> None:
    translations.switch(lang)
    window = make_window(demo_ctx)
    window.resize(*SCREENS["1366"])
    problems: list[str] = []
    for name in MODAL_DIALOGS:

        def inspect(dialog, name=name) -> None:
            seen = look(name, dialog, SCREENS["1366"], artifacts, lang)
            if not seen.fits:
                problems.append(f"{name}: {dialog.width()}×{dialog.height()} (hint {dialog.sizeHint().toTuple()})")
            problems.extend(f"{name}: {c}" for c in seen.clipped)

        assert open_modal(qtbot, window, name, inspect), name
    assert problems == []
