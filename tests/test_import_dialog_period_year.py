"""The dialog's side of a title of one year over a sheet named for another (probe31c G3, session 30: the
import asks, and its message says to choose the report's month above the table — but the "Report
month" field stayed hidden, and every row said "1 monthly record(s) to write" of a year not yet
decided). The field shows with the reason; the rows say their figures wait; answered, the rows say
what they write and Import stores the year said. Real .xlsx, the real ImportDialog, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from test_import_dialog import wait_idle
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext
from zqtracker.ui.import_preview import STATUS_COLUMN

ROWS = [
    ["四会市2024年1-10月重点项目进度"],
    ["序号", "项目名称", "所在区域", "计划总投资（万元）", "累计完成投资（万元）"],
    [1, "正和铝型材项目", "四会市", 20000, 500],
    [2, "四会储能电站项目", "四会市", 30000, 1200],
]
HINT = {
    "en": "sheet “2025年10月”: its title and its name name two years",
    "zh": "工作表“2025年10月”：标题与表名所写年份不一致",
}
HELD = {
    "en": "New  monthly figures: waiting for the sheet's question to be answered",
    "zh": "新增  月度数据：待回答本表的问题",
}
WRITTEN = {"en": "New  1 monthly record(s) to write, 0 unchanged", "zh": "新增  写入月度完成投资 1 条，未变 0 条"}


def status_of(dialog, sheet_row: int) -> str:
    model = dialog.preview.model
    i = sheet_row - 1 - model.sheet.raw.row_offset
    return model.data(model.index(i, STATUS_COLUMN), Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_month_is_asked_for_a_title_and_a_sheet_of_two_years(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    path = write_workbook(tmp_path / "四会市.xlsx", SheetSpec("2025年10月", ROWS))
    translations.switch("zh_CN" if lang == "zh" else "en")
    dialog = shown(qtbot, ctx, path, lang)
    q = dialog.questions
    assert q.period_box.isVisible() and q.period_hint.text() == HINT[lang] and not dialog.can_import()
    assert [status_of(dialog, r) for r in (3, 4)] == [HELD[lang]] * 2
    dialog.grab().save(str(artifacts / f"import-period-sheet-year-asked-{lang}.png"))
    q.period_edit.setText("2025-10")
    q.period_edit.editingFinished.emit()
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.period == (2025, 10) and dialog.can_import()
    assert [status_of(dialog, r) for r in (3, 4)] == [WRITTEN[lang]] * 2
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    stored = {
        (r.year, r.first, r.month, r.amount) for p in ctx.projects.all_projects() for r in ctx.projects.investment(p.id)
    }
    assert stored == {(2025, 1, 10, 5_000_000), (2025, 1, 10, 12_000_000)}
    dialog.close()


def test_the_question_and_the_waiting_rows_follow_a_live_language_switch(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations
) -> None:
    """Asked in Chinese, switched to English as Preferences does (and back): the reason beside the field and
    the rows' words are worded again; at 1366×768 the field, its reason and the rows all show."""
    from test_import_dialog_language import switched

    path = write_workbook(tmp_path / "四会市.xlsx", SheetSpec("2025年10月", ROWS))
    translations.switch("zh_CN")
    dialog = shown(qtbot, ctx, path, "zh")
    dialog.resize(1366, 768)
    q = dialog.questions
    assert q.period_hint.text() == HINT["zh"] and status_of(dialog, 3) == HELD["zh"]
    switched(qtbot, translations, dialog, "en")
    assert q.period_box.isVisible() and q.period_hint.text() == HINT["en"]
    assert [status_of(dialog, r) for r in (3, 4)] == [HELD["en"]] * 2
    dialog.grab().save(str(artifacts / "import-period-sheet-year-live-switch-en.png"))
    switched(qtbot, translations, dialog, "zh")
    assert q.period_hint.text() == HINT["zh"] and status_of(dialog, 4) == HELD["zh"]
    dialog.close()
