"""The struck rows marked in the import dialog's preview (session 30: while the dialog asked whether the
rows struck through in the file were off the list, the preview showed them "New" like every other row,
and the user could not see which rows were meant). Until answered they show struck through, marked
"waiting for your answer" and tinted from the palette's highlight; left out, they say so, struck and
muted; imported, they show what happens to them like any row, still struck through as in the file.
Real .xlsx written by openpyxl (Font(strike=True)), the real ImportDialog, both languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from test_import_dialog import wait_idle
from test_import_dialog_struck_rows import FILE_WORDS, opened
from test_import_struck_rows import STRUCK, struck_file
from ui_language import interface_texts, problems

from zqtracker.services.context import AppContext
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.import_preview import STATUS_COLUMN, STRUCK_ROLE, PreviewModel

NAME, AMOUNT = 1, 3  # the preview's columns of 项目名称 and 总投资 (column 0 says what happens)


def index_of(model: PreviewModel, sheet_row: int) -> int:
    return sheet_row - 1 - model.sheet.raw.row_offset


def cell(model: PreviewModel, sheet_row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(index_of(model, sheet_row), column), role)


def struck_out(model: PreviewModel, sheet_row: int, column: int) -> bool:
    font = cell(model, sheet_row, column, Qt.ItemDataRole.FontRole)
    return font is not None and font.strikeOut()


def answer(qtbot, dialog: ImportDialog, what: str) -> None:
    combo = dialog.questions.struck.combo
    combo.setCurrentIndex(combo.findData(what))
    wait_idle(qtbot, dialog)


def test_struck_rows_are_marked_until_answered_and_after(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    dialog = opened(qtbot, ctx, struck_file(tmp_path, STRUCK), "en")
    model = dialog.preview.model
    waiting = "Struck through in the file — waiting for your answer"
    for row in (4, 5):  # the question's rows: struck, marked, and not "New"
        assert cell(model, row, STATUS_COLUMN) == waiting
        assert cell(model, row, STATUS_COLUMN, STRUCK_ROLE) == "waiting"
        assert struck_out(model, row, NAME) and struck_out(model, row, AMOUNT)
        tip = cell(model, row, STATUS_COLUMN, Qt.ItemDataRole.ToolTipRole)
        assert tip == f"{waiting}\nIf imported: New"
        tint = cell(model, row, NAME, Qt.ItemDataRole.BackgroundRole)
        highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
        assert tint is not None and tint.color().rgb() == highlight.rgb()  # the palette's, not a fixed colour
    for row in (3, 6):  # row 6's amount alone is struck: no question, no mark
        assert cell(model, row, STATUS_COLUMN) == "New" and cell(model, row, STATUS_COLUMN, STRUCK_ROLE) is None
        assert not struck_out(model, row, NAME) and not struck_out(model, row, AMOUNT)
    assert not struck_out(model, 4, STATUS_COLUMN)  # what happens is read, not crossed out
    dialog.grab().save(str(artifacts / "import-struck-marks-waiting-en.png"))

    answer(qtbot, dialog, "skip")
    model = dialog.preview.model
    for row in (4, 5):
        assert cell(model, row, STATUS_COLUMN) == "Struck through in the file — left out"
        assert cell(model, row, STATUS_COLUMN, STRUCK_ROLE) == "left_out"
        assert model.row_kind(index_of(model, row)) == "struck_row"
        assert struck_out(model, row, NAME)
        muted = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        assert cell(model, row, NAME, Qt.ItemDataRole.ForegroundRole).color().rgb() == muted.rgb()
    assert cell(model, 3, STATUS_COLUMN) == "New"
    dialog.grab().save(str(artifacts / "import-struck-marks-left-out-en.png"))

    answer(qtbot, dialog, "import")
    model = dialog.preview.model
    for row in (4, 5):
        assert cell(model, row, STATUS_COLUMN) == "struck through in the file · New"
        assert cell(model, row, STATUS_COLUMN, STRUCK_ROLE) == "imported"
        assert model.row_kind(index_of(model, row)) == "new"
        assert struck_out(model, row, NAME)  # as the file shows it
        assert cell(model, row, NAME, Qt.ItemDataRole.ForegroundRole) is None
    dialog.grab().save(str(artifacts / "import-struck-marks-imported-en.png"))


def test_the_marks_in_chinese_and_on_a_dark_palette(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    translations.switch("zh_CN")
    dark = QPalette(QApplication.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#8ab4f8"))
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
    light = QApplication.palette()
    QApplication.setPalette(dark)
    try:
        dialog = opened(qtbot, ctx, struck_file(tmp_path, STRUCK), "zh")
        model = dialog.preview.model
        assert cell(model, 4, STATUS_COLUMN) == "文件中已划掉——等待您的选择"
        tip = cell(model, 4, STATUS_COLUMN, Qt.ItemDataRole.ToolTipRole)
        assert tip == "文件中已划掉——等待您的选择\n如果导入：新增"
        assert cell(model, 4, NAME, Qt.ItemDataRole.BackgroundRole).color().rgb() == QColor("#8ab4f8").rgb()
        found = problems(interface_texts(dialog), "zh", FILE_WORDS)
        assert found == [], "\n".join(found)
        dialog.grab().save(str(artifacts / "import-struck-marks-waiting-zh.png"))
        answer(qtbot, dialog, "skip")
        model = dialog.preview.model
        assert cell(model, 5, STATUS_COLUMN) == "文件中已划掉——不导入"
        assert cell(model, 5, NAME, Qt.ItemDataRole.ForegroundRole).color().rgb() == QColor("#9aa0a6").rgb()
        dialog.grab().save(str(artifacts / "import-struck-marks-left-out-zh.png"))
        answer(qtbot, dialog, "import")
        assert dialog.preview.model.data(dialog.preview.model.index(index_of(model, 5), 0)) == "文件中已划掉 · 新增"
    finally:
        QApplication.setPalette(light)
