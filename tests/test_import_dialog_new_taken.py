"""A row chosen as new in the import dialog that is a stored project exactly by the time it is checked again (a
colleague imported the same list meanwhile): the import refuses it as new (de16c2b), but its question still said
"a near name:" and offered "new project (keep apart)" first — the refused answer shown as chosen, no "choose…" —
and the preview said "a stored project has a near name". Now the question says the row, chosen as new, is a stored
project exactly, and offers "the same as …" after "choose…" (new is not offered); the preview says so too.
Real .xlsx, real widgets (SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from test_probe36_link_new import PHASE_ONE, PHASE_TWO, signed
from ui_helpers import checked_again

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

WORDS = {
    "en": (
        "Row 4 “储能系统集成项目（二期）”, chosen as new, is a stored project exactly:",
        ["choose…", "the same as 储能系统集成项目（二期） (肇庆高新区)"],
        "chosen as new, but it is a stored project exactly — choose “the same as …” above",
    ),
    "zh": (
        "第 4 行“储能系统集成项目（二期）”，选为新项目，但与已有项目完全相同：",
        ["请选择…", "即 储能系统集成项目（二期） (肇庆高新区)"],
        "选为新项目，但与已有项目完全相同 — 请在上方选“即 ……”",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_row_chosen_new_that_is_stored_meanwhile_is_asked_as_that_project(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    label, choices, status = WORDS[lang]
    translations.switch("zh_CN" if lang == "zh" else "en")
    service = ImportService(ctx.database)
    assert service.import_file(signed(tmp_path, "oct", PHASE_ONE), ImportOptions()).ok
    november = signed(tmp_path, "nov", PHASE_TWO)
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, november, lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1342, 736)  # as the app opens it on a 1366×768 screen
    dialog.show()
    wait_idle(qtbot, dialog)
    form = dialog.questions.links_box.form
    combo = form.itemAt(0, form.ItemRole.FieldRole).widget()
    checked_again(qtbot, dialog, lambda: combo.setCurrentIndex(combo.findData(0)))  # the near name: a new project
    assert dialog.import_button.isEnabled() and dialog.analysis.added == 1
    assert service.import_file(november, ImportOptions(links={("", 4): 0})).added == 1  # a colleague, meanwhile
    checked_again(qtbot, dialog, lambda: dialog.skip_check.setChecked(True))  # checked again with the answer "new"
    checked_again(qtbot, dialog, lambda: dialog.skip_check.setChecked(False))

    assert [p.problem.code for p in dialog.analysis.problems] == ["new_name_taken"]
    assert form.rowCount() == 1 and form.itemAt(0, form.ItemRole.LabelRole).widget().text() == label
    combo = form.itemAt(0, form.ItemRole.FieldRole).widget()
    assert [combo.itemText(i) for i in range(combo.count())] == choices and combo.currentIndex() == 0
    model = dialog.preview.table.model()
    assert model.index(3, 0).data().endswith(status) and not dialog.import_button.isEnabled()
    dialog.grab().save(str(artifacts / f"import-new-taken-{lang}.png"))

    checked_again(qtbot, dialog, lambda: combo.setCurrentIndex(1))  # the same as the stored 二期: unchanged
    assert not dialog.analysis.problems and dialog.analysis.unchanged == 1 and form.rowCount() == 0
    assert sorted(p.name for p in ctx.projects.all_projects()) == ["储能系统集成项目", "储能系统集成项目（二期）"]
