"""The detail pane's Changes tab: a project's audit trail (留痕), in both languages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QTableWidget
from ui_helpers import click, when_modal

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import acting
from zqtracker.ui.messages import show_error

SHOTS = Path("/work/shots/server")
MY_SHOTS = Path("/work/shots/leftovers")
LOG_SHOTS = Path("/work/shots/ux2/changelog")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "change_log"


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(i, j).text() for j in range(table.columnCount())] for i in range(table.rowCount())]


def test_the_changes_tab_lists_who_changed_what(make_window, ctx: AppContext, translations, qtbot) -> None:
    p = ctx.projects.create(Project("端州智能装备项目", "智能装备", "端州区", Status.SIGNED, 5 * 10**8, code="DZ-9"))
    edit = ctx.projects.get(p.id)
    edit.planned_investment, edit.officer = 6 * 10**8, "王芳"
    ctx.projects.update(edit)
    ctx.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 3, 1))
    ctx.projects.set_investment(p.id, [(2024, 3, 20_000_000)])
    window = make_window(ctx)
    page = window.projects
    page.table.select_ids([p.id])
    detail = page.detail
    detail.tabs.setCurrentIndex(3)
    log = detail.changes
    assert detail.tabs.tabToolTip(3) == "Changes"  # (the tab's name, or "Log" in a narrow pane)
    rows = _cells(log.table)
    assert len(rows) == 5  # created, planned investment, officer, status, March's investment
    # in the pane: the change, then who and the action under it; labels and sentences capitalised
    assert rows[0][1].startswith("Completed investment 2024-03: (none) → 20,000,000 yuan\n"), rows[0]
    assert rows[0][1].endswith(" · Edit") and "\n" in rows[0][0]  # the date over the time
    assert any(r[1].startswith("Status: Signed → Under construction\n") for r in rows)
    assert any(r[1].startswith("Planned investment: 500,000,000 yuan → 600,000,000 yuan\n") for r in rows)
    assert rows[-1][1].startswith("Project created\n") and rows[-1][1].endswith(" · Created")
    # the whole log in a window of its own: four columns
    shown = log.open_window()
    qtbot.addWidget(shown)
    cells = _cells(shown.table)
    assert cells[0][2:] == ["Edit", "Completed investment 2024-03: (none) → 20,000,000 yuan"]
    assert cells[-1][2:] == ["Created", "Project created"] and shown.windowTitle() == "Change log: 端州智能装备项目"
    translations.switch("zh")
    assert detail.tabs.tabText(3) == detail.tabs.tabToolTip(3) == "修改留痕"
    rows = _cells(log.table)
    assert any(r[1].startswith("项目状态：签约 → 在建\n") for r in rows) and rows[-1][1].startswith("项目新建\n")
    cells = _cells(shown.table)
    assert cells[-1][2:] == ["新建", "项目新建"] and shown.windowTitle() == "修改留痕：端州智能装备项目"
    shown.close()


def _needs(table: QTableWidget, row: int, column: int) -> int:
    """The height a cell's text needs, wrapped at its column's width (less the item's margins)."""
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(column) - 2 * margin
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    return table.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, table.item(row, column).text()).height()


def _readable(table: QTableWidget, wide_column: int, least: int) -> list[str]:
    """Every cell's text whole (its row tall enough for it wrapped), no column off to the right, and
    the change column at least ``least`` pixels wide."""
    found = []
    widths = sum(table.columnWidth(c) for c in range(table.columnCount()))
    if widths > table.viewport().width() + 1:
        found.append(f"columns {widths} px wide in a {table.viewport().width()} px view")
    if table.columnWidth(wide_column) < least:
        found.append(f"change column {table.columnWidth(wide_column)} px < {least}")
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            if table.rowHeight(r) < _needs(table, r, c):
                found.append(f"row {r} column {c}: {table.rowHeight(r)} px < {_needs(table, r, c)}")
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_change_log_is_readable_at_1366x768(make_window, ctx: AppContext, translations, qtbot, lang) -> None:
    """At 1366×768 the pane's log shows every change whole (wrapped, nothing off to the right),
    and its window fits the screen with a wide change column — in both languages."""
    translations.switch("zh_CN" if lang == "zh" else "en")
    p = ctx.projects.create(Project("端州智能装备项目", "智能装备", "端州区", Status.SIGNED, 5 * 10**8, code="DZ-9"))
    edit = ctx.projects.get(p.id)
    edit.planned_investment, edit.officer = 6 * 10**8, "王芳"
    edit.notes = "土地已摘牌，待开工；" * 4 + "The investor asks for a second site visit before signing the supplement."
    ctx.projects.update(edit)
    ctx.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 3, 1))
    window = make_window(ctx)
    window.resize(1366, 740)
    page = window.projects
    page.table.select_ids([p.id])
    detail = page.detail
    detail.tabs.setCurrentWidget(detail.changes)
    qtbot.wait(50)
    log = detail.changes
    assert log.table.rowCount() == 5
    found = _readable(log.table, log.COL_CHANGE, 120)
    shown = log.open_window()
    qtbot.addWidget(shown)
    qtbot.wait(50)
    assert shown.width() <= 1366 and shown.height() <= 740
    found += [f"window: {f}" for f in _readable(shown.table, shown.COL_CHANGE, 400)]
    for folder in (LOG_SHOTS, ARTIFACTS):
        if folder.parent.exists():
            folder.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(folder / f"change-log-pane-{lang}-1366.png"))
            shown.grab().save(str(folder / f"change-log-window-{lang}.png"))
    shown.close()
    assert found == [], found


def test_a_refused_undo_says_what_the_colleague_did(make_window, ctx: AppContext, db_url: str, translations) -> None:
    p = ctx.projects.create(Project("高要新材料项目", "金属新材料", "高要区", Status.SIGNED, 10**9, code="GY-7"))
    window = make_window(ctx)
    window.projects.table.select_ids([p.id])
    when_modal(lambda d: click(d, "OK"), name="change_status_dialog")
    window.actions_.change_status.trigger()
    assert ctx.projects.get(p.id).status is not Status.SIGNED
    colleague = AppContext.open(db_url)
    try:
        theirs = colleague.projects.get(p.id)
        theirs.notes = "土地已摘牌"
        colleague.projects.update(theirs)
    finally:
        colleague.close()
    shown: list[str] = []
    for lang, name in (("en", "refused_undo_en.png"), ("zh", "refused_undo_zh.png")):
        translations.switch(lang)

        def answer(box, name=name) -> None:  # type: ignore[no-untyped-def]
            shown.append(box.text())
            box.grab().save(str(SHOTS / name))
            box.accept()

        when_modal(answer, name="error_message")
        window.actions_.undo.trigger()
        if lang == "en":  # the refused command left the stack; put a fresh one there for the Chinese shot
            window.projects.table.select_ids([p.id])
            stored = ctx.projects.get(p.id)
            assert stored.notes == "土地已摘牌" and stored.status is not Status.SIGNED  # nothing overwritten
            when_modal(lambda d: click(d, "OK"), name="change_status_dialog")
            window.actions_.change_status.trigger()
            colleague = AppContext.open(db_url)
            try:
                theirs = colleague.projects.get(p.id)
                theirs.notes = "土地已摘牌，待开工"
                colleague.projects.update(theirs)
            finally:
                colleague.close()
    assert "so the undo is refused" in shown[0] and "Notes: (none) → 土地已摘牌" in shown[0]
    # the action in the sentence's own case: "… by 王芳 (edit) — …", not "… by 王芳, Edit — …"
    assert re.search(
        r"Latest change: [-0-9]{10} [0-9:]{5} \(UTC\) by [^ ,]+ \(edit\) — Notes: \(none\) → 土地已摘牌", shown[0]
    )
    assert "撤销被拒绝" in shown[1] and "未作任何更改" in shown[1]
    assert re.search(
        r"最近一次修改：[-0-9]{10} [0-9:]{5}（UTC），[^，]+，编辑 — 备注：土地已摘牌 → 土地已摘牌，待开工", shown[1]
    )


def test_a_refusal_names_the_colleagues_import_inside_its_sentence(ctx: AppContext, db_url: str, translations) -> None:
    """The change log's action labels are capitalised ("Import of 高要区清单.xlsx"); inside the
    refusal's sentence the action reads in lower case in English, the Chinese as ever."""
    p = ctx.projects.create(Project("高要新材料项目", "金属新材料", "高要区", Status.SIGNED, 10**9, code="GY-8"))
    mine = ctx.projects.get(p.id)
    colleague = AppContext.open(db_url)
    try:
        theirs = colleague.projects.get(p.id)
        theirs.notes = "土地已摘牌"
        with acting("import", "高要区清单.xlsx"):
            colleague.projects.update(theirs)
    finally:
        colleague.close()
    mine.officer = "李娜"
    with pytest.raises(ConcurrentUpdateError) as refused:
        ctx.projects.update(mine)
    assert ctx.projects.get(p.id).officer is None  # nothing overwritten
    shown: list[str] = []
    for lang in ("en", "zh_CN"):
        translations.switch(lang)

        def answer(box, lang=lang) -> None:  # type: ignore[no-untyped-def]
            shown.append(box.text())
            if MY_SHOTS.parent.exists():
                MY_SHOTS.mkdir(exist_ok=True)
                box.grab().save(str(MY_SHOTS / f"refused_write_import_{lang[:2]}.png"))
            box.accept()

        when_modal(answer, name="error_message")
        show_error(None, refused.value)
    assert re.search(r" by [^ ,]+ \(import of 高要区清单\.xlsx\) — Notes: \(none\) → 土地已摘牌$", shown[0]), shown
    assert re.search(r"（UTC），[^，]+，导入“高要区清单\.xlsx” — 备注：（空） → 土地已摘牌$", shown[1]), shown


def test_a_project_without_recorded_changes_says_so(make_window, demo_ctx: AppContext, translations, qtbot) -> None:
    """The demo's projects were never edited here: the Changes tab and its window say there is
    nothing recorded yet, instead of an empty table; the first edit is listed in their place."""
    window = make_window(demo_ctx)
    page = window.projects
    first = page.visible_rows()[0]
    page.table.select_ids([first.id])
    log = page.detail.changes
    page.detail.tabs.setCurrentWidget(log)
    assert log.entries == []
    assert log.no_changes.isVisible() and not log.table.isVisible()
    assert log.no_changes.text().startswith("No changes have been recorded for this project yet.")
    shown = log.open_window()  # (a child of the main window, closed with it)
    assert shown.no_changes.isVisible() and not shown.table.isVisible()
    translations.switch("zh_CN")
    assert log.no_changes.text().startswith("该项目尚无修改记录")
    assert shown.no_changes.text() == log.no_changes.text()
    edit = demo_ctx.projects.get(first.id)
    edit.officer = "王芳"
    demo_ctx.projects.update(edit)
    page.detail.refresh()
    assert not log.no_changes.isVisible() and log.table.isVisible() and log.table.rowCount() == 1
    assert not shown.no_changes.isVisible() and shown.table.rowCount() == 1
    shown.close()
