"""The import dialog and rows hidden in the sheet, driven as a user would: the rows an AutoFilter
or a hand hid are greyed and marked in the preview, the dialog asks whether to import them and the
Import button waits for the answer; leaving them out marks them so and imports the rest."""

from __future__ import annotations

from pathlib import Path

from hidden_files import HIDDEN_DATA_ROWS, SHEET, VISIBLE_NAMES, filtered_list
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.import_preview import STATUS_COLUMN


def test_hidden_rows_are_marked_and_asked(qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path) -> None:
    dialog = ImportDialog(
        ctx, DataEvents(), QUndoStack(), None, path=filtered_list(tmp_path / "高要区.xlsx"), lang="en"
    )
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)  # the tests' shared mapping store stays as it was
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    q, model = dialog.questions, dialog.preview.model
    assert q.hidden_box.isVisible()
    assert q.hidden_label.text() == "4 row(s) of sheet “项目清单” are hidden in the sheet (rows 5, 8–10):"
    assert not dialog.can_import() and not dialog.import_button.isEnabled()  # the question waits
    first_hidden = HIDDEN_DATA_ROWS[0] - 1 - model.sheet.raw.row_offset
    shown = first_hidden - 1  # row 4, 项目2, visible
    status = model.data(model.index(first_hidden, STATUS_COLUMN))
    assert status == "hidden in the sheet · New"
    assert model.data(model.index(shown, STATUS_COLUMN)) == "New"
    grey = model.data(model.index(first_hidden, 2), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and grey.color().name() == "#8a8a8a"
    assert model.data(model.index(shown, 2), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(first_hidden, 2), Qt.ItemDataRole.BackgroundRole) is not None
    # the title and 合计 rows are hidden too, and asked about by no one
    assert model.data(model.index(0, STATUS_COLUMN)) == ""
    dialog.grab().save(str(artifacts / "import-hidden-rows-en.png"))
    # the user leaves them out
    q.hidden_combo.setCurrentIndex(q.hidden_combo.findData("skip"))
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.hidden_rows == "skip" and dialog.choices.options.mappings[SHEET].hidden_rows == "skip"
    assert dialog.can_import() and dialog.analysis.added == 4
    assert model.row_kind(first_hidden) == "hidden_row"
    assert model.data(model.index(first_hidden, STATUS_COLUMN)) == "Hidden in the sheet — left out"
    assert q.hidden_combo.currentData() == "skip"  # the answer stays shown after the check
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written and {p.name for p in ctx.projects.all_projects()} == VISIBLE_NAMES
