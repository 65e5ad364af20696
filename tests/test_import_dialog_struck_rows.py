"""The import dialog and rows struck through in an .xlsx (session 28: the desktop user got the command
line's "say --struck-rows skip" sentence, an Import that refused, and no way to answer). The dialog now
asks the question above the table naming the rows and their projects, Import waits for the answer, and
either answer imports (the answer remembered and listed in --json: tests/test_import_struck_answers.py).
Real .xlsx written by openpyxl (Font(strike=True)), the real ImportDialog; what it stores on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from test_import_struck_rows import STRUCK, WAN, planned, struck_file
from ui_language import interface_texts, problems

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

# STRUCK: row 4's name struck, row 5's other three cells (3 of 3 filled) — the question; row 6's amount
# alone (1 of 3, not the name) is no question; row 7 is struck and its 备注 says 已删除: that note's alone.
KEPT = {"鼎湖包装项目": 100 * WAN, "鼎湖电机项目": 400 * WAN}  # rows 3 and 6: 100 + 400 = 500 万
STRUCK_NAMES = {"鼎湖五金项目": 200 * WAN, "鼎湖陶瓷项目": 300 * WAN}  # rows 4 and 5: 200 + 300 = 500 万
FILE_WORDS = {"Sheet1", "鼎湖区.xlsx", *KEPT, *STRUCK_NAMES, "鼎湖饲料项目", "鼎湖区2025年重点项目情况表"}


def opened(qtbot, ctx: AppContext, path: Path, lang: str) -> ImportDialog:
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=path, lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)  # the tests' shared mapping store stays as it was
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


@pytest.mark.engine("sqlite")
@pytest.mark.engine("postgresql")  # (a desktop test runs on SQLite alone, but this one checks what is stored)
@pytest.mark.parametrize("answer", ["skip", "import"])
def test_the_dialog_asks_and_either_answer_imports(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, answer: str
) -> None:
    dialog = opened(qtbot, ctx, struck_file(tmp_path, STRUCK), "en")
    question = dialog.questions.struck
    assert question.isVisible() and question.combo.isVisible()
    assert question.label.text() == "2 row(s) of sheet “Sheet1” are struck through (rows 4–5): removed from the list?"
    assert question.names.text() == "Struck through: 鼎湖五金项目 (row 4), 鼎湖陶瓷项目 (row 5)"
    assert question.combo.currentData() == "" and question.combo.currentText() == "choose…"
    assert not dialog.can_import() and not dialog.import_button.isEnabled()  # the question waits
    # the note says where to answer, not the command line's flag
    assert "Choose above the table whether to leave them out or import them" in dialog.notes_label.text()
    assert "--struck-rows" not in dialog.notes_label.text()
    if answer == "skip":
        dialog.grab().save(str(artifacts / "import-struck-rows-en.png"))
    question.combo.setCurrentIndex(question.combo.findData(answer))
    wait_idle(qtbot, dialog)
    options = dialog.choices.options
    assert options.struck_rows == answer and options.mappings["Sheet1"].struck_rows == answer
    assert dialog.can_import() and question.combo.currentData() == answer  # the answer stays shown
    assert (
        question.names.text() == "Struck through: 鼎湖五金项目 (row 4), 鼎湖陶瓷项目 (row 5)"
    )  # named though left out
    assert dialog.analysis.added == (2 if answer == "skip" else 4)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written and dialog.import_result.ok
    # skip: 100 + 400 = 500 万 stored; import: 100 + 200 + 300 + 400 = 1000 万; 饲料 (已删除) never
    assert planned(ctx) == (KEPT if answer == "skip" else {**KEPT, **STRUCK_NAMES})
    assert sum(v or 0 for v in planned(ctx).values()) == (500 if answer == "skip" else 1000) * WAN
    code = "note_struck_rows_skipped" if answer == "skip" else "note_struck_rows_imported"
    assert code in {n.code for n in dialog.import_result.notes}


def test_the_question_in_chinese(qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path) -> None:
    translations.switch("zh_CN")
    dialog = opened(qtbot, ctx, struck_file(tmp_path, STRUCK), "zh")
    question = dialog.questions.struck
    assert question.label.text() == "工作表“Sheet1”中有 2 行被加了删除线（第 4–5 行）：是否已从清单中删除？"
    assert question.names.text() == "划掉的项目：鼎湖五金项目（第 4 行）、鼎湖陶瓷项目（第 5 行）"
    combo = question.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["请选择…", "不导入划掉的行", "作为正常项目导入"]
    assert "请在表格上方选择不导入这些行，还是作为正常项目导入" in dialog.notes_label.text()
    found = problems(interface_texts(dialog), "zh", FILE_WORDS)
    assert found == [], "\n".join(found)
    dialog.grab().save(str(artifacts / "import-struck-rows-zh.png"))
    combo.setCurrentIndex(combo.findData("skip"))
    wait_idle(qtbot, dialog)
    assert dialog.can_import() and combo.currentText() == "不导入划掉的行"
