"""A live language switch re-analyses an open import or round-return window in the new language. A window the
user closed was analysed again too — reading a database that may be gone since (another database opened; in CI a
later test's switch reached an earlier test's closed window, whose throwaway server database had been dropped:
"database … does not exist" from the window's changeEvent). A closed window is now left as it was."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog


def test_a_closed_import_window_is_not_analysed_again(qtbot, translations, ctx: AppContext, tmp_path: Path) -> None:
    translations.switch("en")
    rows = [["项目名称", "所在区域", "计划总投资（万元）"], ["华南电池项目", "高要区", 300]]
    path = write_workbook(tmp_path / "l.xlsx", SheetSpec("S", rows))
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=path, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    shown = dialog.analysis
    translations.switch("zh_CN")  # open: analysed again, in Chinese
    wait_idle(qtbot, dialog)
    assert dialog.analysis is not shown and dialog.lang == "zh"
    dialog.close()
    closed = dialog.analysis
    translations.switch("en")
    qtbot.wait(200)
    assert dialog.analysis is closed and not dialog.is_busy()  # nothing read for a window nobody sees
