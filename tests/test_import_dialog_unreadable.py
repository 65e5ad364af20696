"""A list whose second sheet cannot be read (a cell of 40,000 characters, more than Excel allows) in the import
dialog: the command line refuses it (fdea9a6: its projects would be missing from a list imported as if whole), but
the dialog only noted the sheet, listed it as "not recognised" with "Import this sheet" greyed out, and imported the
other sheet at once. Now the dialog takes the command line's decision: the sheet is listed as one that cannot be
read (its reason as the tooltip), its refusal is said in red, and Import waits until the user unticks the sheet —
a list of sheets made by another choice does not leave it out unsaid. Real .xlsx, real widgets (SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from test_unreadable_sheet import workbook
from ui_helpers import checked_again

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

WORDS = {
    "en": ("cannot be read", "longer than Excel allows", "untick “Import this sheet”", "This sheet was not imported."),
    "zh": ("无法读取", "超过 Excel 允许的长度", "取消勾选“导入此工作表”", "该工作表未导入。"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_list_that_cannot_be_read_holds_the_import_until_its_sheet_is_unticked(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    unreadable, why, remedy, note = WORDS[lang]
    translations.switch("zh_CN" if lang == "zh" else "en")
    path = workbook(tmp_path / "端州区.xlsx", "续建项目", chars=40_000)
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1342, 736)  # as the app opens it on a 1366×768 screen
    dialog.show()
    wait_idle(qtbot, dialog)
    bar, combo, check = dialog.options_bar, dialog.options_bar.sheet_combo, dialog.options_bar.import_sheet_check
    i = combo.findData("续建项目")
    assert combo.itemText(i) == f"续建项目 — {unreadable}"
    assert why in combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
    said = dialog.error_label.text()
    assert dialog.error_label.isVisible() and "“续建项目”" in said and why in said and remedy in said, said
    assert "--sheet" not in said and note not in dialog.notes_label.text()  # said once, in red
    assert not dialog.import_button.isEnabled()

    # the readable sheet unticked and ticked again: a list of sheets, but the unread one was never unticked
    checked_again(qtbot, dialog, check.click)  # (alone, nothing to import: refused, the analysis kept)
    checked_again(qtbot, dialog, check.click)
    assert dialog.choices.options.sheets == ["新签项目"] and not dialog.import_button.isEnabled()

    bar.select_sheet("续建项目")
    assert check.isChecked() and check.isEnabled()
    dialog.grab().save(str(artifacts / f"import-unreadable-sheet-waits-{lang}.png"))
    checked_again(qtbot, dialog, check.click)  # unticked: the other sheet imports, the note says why not this one
    assert not check.isChecked() and dialog.error_label.text() == "" and dialog.import_button.isEnabled()
    assert note in dialog.notes_label.text()
    checked_again(qtbot, dialog, check.click)  # ticked again: the import waits again
    assert check.isChecked() and not dialog.import_button.isEnabled() and remedy in dialog.error_label.text()
    checked_again(qtbot, dialog, check.click)
    dialog.grab().save(str(artifacts / f"import-unreadable-sheet-unticked-{lang}.png"))

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None and not dialog.is_busy(), timeout=30_000)
    assert dialog.import_result.added == 3
    assert sorted(p.name for p in ctx.projects.all_projects()) == sorted(
        ["华南电池项目", "金利五金项目", "西江食品项目"]
    )
