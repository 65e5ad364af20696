"""The desktop app as session 35's probe left it at 1366×768: a near name's question below the fold of the
import dialog's questions, the longest districts cut in the project table, the preview's planned investment in
亿 where the dry run gives yuan, and no way to reopen a closed month but the command line. Real .xlsx files,
real widgets (SQLite: the widget tests' engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from test_import_dialog_probe40c import HEAD, STORED, october
from test_import_dialog_totals import shown

from zqtracker.cli.commands.import_file import change_line
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.project_table import CELL_PADDING


def _in_view(widget, area) -> bool:
    """``widget`` lies whole inside the scroll area's viewport as it is (not scrolled to)."""
    top = widget.mapTo(area.widget(), widget.rect().topLeft()).y() - area.verticalScrollBar().value()
    return top >= 0 and top + widget.height() <= area.viewport().height()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_1366x768_the_questions_that_wait_show_before_the_known_status_words(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    """高要区's October list asks what 待研究 means and whether row 9's near name is a stored project; four
    known words ("在建" read as Under construction …) came between them and put the near name below the fold.
    Now both questions show unscrolled, the notes after them, the known words last."""
    translations.switch("zh_CN" if lang == "zh" else "en")
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=october(ctx, tmp_path), lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1342, 736)  # as the app opens it on a 1366×768 screen (ui/import_fit.py)
    dialog.show()
    wait_idle(qtbot, dialog)
    qtbot.wait(50)
    q, area = dialog.questions, dialog.body.top
    role = q.words_form.ItemRole.FieldRole
    word = q.words_form.itemAt(0, role).widget()
    near = q.links_form.itemAt(0, role).widget()
    assert area.verticalScrollBar().value() == 0
    assert _in_view(word, area) and _in_view(near, area), (word.geometry(), near.geometry())
    assert q.words_form.rowCount() == 1 and q.read_words_form.rowCount() == 4
    notes, known = dialog.notes_label, q.read_words_box
    assert near.mapTo(area.widget(), near.rect().bottomLeft()).y() < notes.mapTo(area.widget(), notes.pos()).y()
    assert notes.geometry().bottom() < known.geometry().top()  # (both children of the pane's column)
    dialog.grab().save(str(artifacts / f"fix36-import-questions-{lang}-1366.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_preview_says_a_planned_investment_change_in_exact_yuan_as_the_dry_run(
    qtbot, translations, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """3112万 → 3112.4万: the preview said "0.31120亿元 → 0.31124亿元" (in 亿, with the decimals it takes) where the
    dry run says 31,120,000 → 31,124,000 yuan; now the preview says the dry run's words, the exact figures."""
    translations.switch("zh_CN" if lang == "zh" else "en")
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", [HEAD, STORED]))
    service = ImportService(ctx.database)
    assert service.import_file(seed, ImportOptions()).added == 1
    changed = write_workbook(tmp_path / "b.xlsx", SheetSpec("S", [HEAD, [*STORED[:4], 3112.4, *STORED[5:]]]))
    [dry] = service.import_file(changed, ImportOptions(), dry_run=True).changes
    said = change_line(dry, lang).split(": ", 1)[1]  # "Planned investment 31,120,000 yuan → 31,124,000 yuan"
    assert ("31,120,000 元 → 31,124,000 元" if lang == "zh" else "31,120,000 yuan → 31,124,000 yuan") in said
    dialog = shown(qtbot, ctx, changed, lang)
    text = dialog.preview.detail.text()
    assert said in text, (said, text)


LONGEST = "肇庆高新技术产业开发区"  # the zone's full name, as some districts' lists write it


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_1366_the_longest_district_shows_whole_or_elided_in_the_middle_with_its_tooltip(
    make_window, demo_ctx: AppContext, translations, qtbot, artifacts: Path, lang: str
) -> None:
    """肇庆高新技术产业开发区 and 肇庆市鼎湖区 were cut at 1366 while names took the room ("肇庆高新…"), with no
    tooltip. Now the district column gets the room first: in Chinese the longest shows whole, in English
    (less room) 肇庆市鼎湖区 does; what is still cut keeps its start and end, and its tooltip says it whole."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem
    from test_ui_layout import SCREENS, header_problems

    from zqtracker.domain.models import District

    ids = {d.name: d.id for d in demo_ctx.references.districts()}
    demo_ctx.references.save_district(District(LONGEST, ids["肇庆高新区"]))
    demo_ctx.references.save_district(District("肇庆市鼎湖区", ids["鼎湖区"]))
    translations.switch(lang)
    window = make_window(demo_ctx)
    window.resize(*SCREENS["1366"])
    qtbot.waitUntil(lambda: window.width() == SCREENS["1366"][0])
    table = window.projects.table
    header, model, metrics = table.horizontalHeader(), table.model(), table.fontMetrics()
    column = model.column_of("district")
    qtbot.waitUntil(lambda: any(r.district == LONGEST for r in model.loaded_rows()))
    room = header.sectionSize(column) - CELL_PADDING
    whole = [LONGEST, "肇庆市鼎湖区"] if lang == "zh" else ["肇庆市鼎湖区"]
    for name in whole:
        assert metrics.horizontalAdvance(name) <= room, (name, room)
    assert header_problems(table) == []
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, column)) == LONGEST)
    assert model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) == LONGEST
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(column).initStyleOption(option, model.index(row, column))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    table.scrollTo(model.index(row, column))
    window.grab().save(str(artifacts / f"fix36-long-district-{lang}-1366.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_closed_month_is_reopened_from_the_round_window_after_a_confirmation(
    make_window, demo_ctx: AppContext, translations, qtbot, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    """A return refused because its month is closed said "zqtracker round close 2023-10 --reopen", and the
    round window, which closes months, had no way back. Now a closed month shows "Reopen the month…" where
    "Close the month…" was; asked first, No changes nothing, Yes reopens it as the command does."""
    from PySide6.QtWidgets import QMessageBox
    from ui_helpers import when_modal

    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService
    from zqtracker.ui.round_view import RoundView

    october, service = Period(2023, 10), RoundService(demo_ctx.database)
    service.create(october, tmp_path, districts=["高要区"], lang="zh")
    translations.switch(lang)
    window = make_window(demo_ctx)
    view = RoundView(demo_ctx, window.events, window.undo_stack, window, lang=lang)
    qtbot.addWidget(view)
    view.show()
    assert view.current_period() == october and not view.reopen_button.isVisible()
    view.close_month(october)
    assert view.reopen_button.isVisible() and view.reopen_button.isEnabled() and not view.close_button.isVisible()
    assert view.reopen_button.text() == ("重新开放…" if lang == "zh" else "Reopen the month…")
    view.resize(900, 420)
    view.grab().save(str(artifacts / f"fix36-round-closed-{lang}.png"))
    for button, closed in ((QMessageBox.StandardButton.No, True), (QMessageBox.StandardButton.Yes, False)):
        said: list[str] = []
        when_modal(lambda box, b=button, s=said: (s.append(box.text()), box.button(b).click()), kind=QMessageBox)
        view.reopen_button.click()
        assert said and october.label(lang) in said[0], said
        assert (service.status(october).closed_at is not None) is closed
    assert view.close_button.isVisible() and view.close_button.isEnabled() and not view.reopen_button.isVisible()
