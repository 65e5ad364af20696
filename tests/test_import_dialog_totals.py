"""The import dialog says when the sheet's own 合计 disagrees with the rows it read (a row counted twice
or left out), in either language, before anything is imported: a question (fix30a; was a note)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog


def shown(qtbot, ctx: AppContext, path: Path, lang: str) -> ImportDialog:
    """The import dialog on ``path`` at 1366×768, its preview done (nothing remembered)."""
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=path, lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


@pytest.mark.parametrize(("lang", "said"), [("en", "gives ¥6.00 mn"), ("zh", "合计行的计划总投资为 600万元")])
def test_a_total_the_rows_do_not_add_up_to_is_shown_in_the_notes(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    translations.switch(lang)
    head = ["序号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"]
    rows = [head, ["合计", None, None, None, None, 600], [1, "华南电池项目", "新型储能", "高要区", "在建", 300],
            [2, "星光材料项目", "新材料", "四会市", "签约", 200]]  # fmt: skip
    path = write_workbook(tmp_path / "高要区.xlsx", SheetSpec("项目清单", rows))
    dialog = shown(qtbot, ctx, path, lang)
    tree = dialog.problem_list.tree
    reasons = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    assert any(said in r for r in reasons), reasons
    assert not dialog.can_import()  # a question: decided before importing (or skipped, as invalid rows are)
    dialog.grab().save(str(artifacts / f"import-total-differs-{lang}.png"))


def test_dollars_beside_yuan_are_said_read_from_the_yuan_column_after_a_live_switch(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    translations.switch("zh_CN")
    rows = [["项目名称", "所在区域", "总投资（万元）", "总投资（万美元）"], ["外资项目", "高要区", 7100, 1000]]
    dialog = shown(qtbot, ctx, write_workbook(tmp_path / "外资.xlsx", SheetSpec("S", rows)), "zh")
    assert "同一数额已由 C 列“总投资（万元）”以人民币给出并导入" in dialog.notes_label.text()
    dialog.grab().save(str(artifacts / "import-dollars-beside-yuan-zh.png"))
    translations.switch("en")
    wait_idle(qtbot, dialog)
    said = dialog.notes_label.text()
    assert "column C “总投资（万元）” gives the same figure in yuan, which is imported" in said and "--" not in said
    dialog.grab().save(str(artifacts / "import-dollars-beside-yuan-en-after-switch.png"))


@pytest.mark.parametrize(("lang", "said"), [("en", "read as simplified"), ("zh", "个单元格为繁体字，已按简体读取")])
def test_a_list_in_traditional_characters_is_previewed_in_simplified_and_said(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    translations.switch(lang)
    rows = [["肇慶市重點項目清單"], ["單位：萬元"], ["序號", "項目名稱", "所在區域", "總投資", "建設狀態"],
            [1, "端州宏達新材料項目", "端州區", 50000, "在建"],
            [2, "高要港資電子廠項目", "高要區", 12000, "籌建"]]  # fmt: skip
    dialog = shown(qtbot, ctx, write_workbook(tmp_path / "港資.xlsx", SheetSpec("清單", rows)), lang)
    assert said in dialog.notes_label.text() and "單位：萬元 → 单位：万元" in dialog.notes_label.text()
    assert dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-traditional-{lang}.png"))
    translations.switch("zh_CN" if lang == "en" else "en")  # a live switch words the note again
    wait_idle(qtbot, dialog)
    other = "个单元格为繁体字，已按简体读取" if lang == "en" else "read as simplified"
    assert other in dialog.notes_label.text() and "單位：萬元 → 单位：万元" in dialog.notes_label.text()
    dialog.grab().save(str(artifacts / f"import-traditional-{lang}-after-switch.png"))
