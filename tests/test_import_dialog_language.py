"""The import dialog is not modal: a live language switch (Preferences › Language) re-words it
while it stays open — its own words and every part's, and what the analysis worded (notes,
problems, questions, column headers), the file being analysed again with every choice the user
made kept. Real files, real widgets, real SQLite."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from ui_language import interface_texts, problems

from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.translations import ui_lang

HEAD = ["项目名称", "所在区域", "计划总投资", "金额（亿元）", "签约时间", "开工时间"]
# amounts without a unit (asked), slash dates that read either way (asked), a start date that is a problem
ROWS = [
    ["储能项目", "高要区", 12000, 1.5, "03/04/2023", "2023-05-01"],
    ["电池项目", "高要区", 3500, 2, "05/06/2023", 2023.1],
]
# the file's own words, whatever the interface's language
FILE_WORDS = {*HEAD, "项目清单", "高要区", "储能项目", "电池项目", "高要区.xlsx", "2023.1"}

EN = {
    "import": "Import",
    "unit": "Amounts without a unit are in ¥10,000",
    "show": "Show:",
    "problem": "Problem",
    "district": "Rows without a district:",
    "date": "Slash dates that read either way (E “签约时间”):",
    "order": "day/month (03/04/2026 is 3 April)",
    "reason": "Construction start: '2023.1' could be January or October; write 2023-01 or 2023-10",
    "note": "Sheet “项目清单”: amounts without a unit are read in ¥10,000, as you chose.",
    "header": "D  金额（亿元）\n→ Expected annual output (¥100 million)",
    "skip": "Skip invalid rows (import the valid ones)",
    "close": "Close",
}
ZH = {
    "import": "导入",
    "unit": "无单位的金额按万元计",
    "show": "显示：",
    "problem": "问题",
    "district": "未填区域的行：",
    "date": "可两种读法的斜杠日期（E “签约时间”）：",
    "order": "日/月（03/04/2026 为 4 月 3 日）",
    "reason": "开工时间：“2023.1”可能是1月也可能是10月；请写成 2023-01 或 2023-10",
    "note": "工作表“项目清单”：无单位的金额按您选择的“万元”读取。",
    "header": "D  金额（亿元）\n→ 预计年产值（亿元）",
    "skip": "跳过有问题的行（导入其余各行）",
    "close": "关闭",
}


def opened(qtbot, ctx: AppContext, tmp_path: Path) -> ImportDialog:
    from test_import_dialog_totals import shown

    return shown(qtbot, ctx, write_workbook(tmp_path / "高要区.xlsx", SheetSpec("项目清单", [HEAD, *ROWS])), ui_lang())


def switched(qtbot, translations, dialog: ImportDialog, lang: str) -> None:
    """Switch the interface as Preferences does, and wait for the analysis made in ``lang``."""
    before = dialog.analysis
    translations.switch("zh_CN" if lang == "zh" else "en")
    qtbot.waitUntil(
        lambda: dialog.analysis is not before and not dialog.is_busy() and not dialog._pending, timeout=30_000
    )
    qtbot.wait(50)


def read(dialog: ImportDialog) -> dict[str, str]:
    q, bar, tree = dialog.questions, dialog.options_bar, dialog.problem_list.tree
    reasons = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    return {
        "import": dialog.import_button.text(),
        "unit": bar.unit_combo.currentText(),
        "show": bar.show_label.text(),
        "problem": tree.headerItem().text(4),
        "district": q.defaults.district_label.text(),
        "date": q.date_label.text(),
        "order": q.date_combo.currentText(),
        "reason": "\n".join(reasons),
        "note": dialog.notes_label.text(),
        "header": dialog.preview.model.headerData(4, 1),
        "skip": dialog.skip_check.text(),
        "close": dialog.close_button.text(),
    }


def says(dialog: ImportDialog, words: dict[str, str]) -> None:
    shown = read(dialog)
    assert words["note"] in shown.pop("note").split("\n"), dialog.notes_label.text()
    assert shown == {k: v for k, v in words.items() if k != "note"}


def chosen(dialog: ImportDialog) -> tuple:
    o = dialog.choices.options
    mapping = o.mappings["项目清单"]
    shown = dialog.options_bar.unit_combo.currentData(), dialog.questions.date_combo.currentData()
    return o.unit, mapping.fields.get(3), o.date_order, o.skip_invalid, *shown


def test_a_live_switch_rewords_the_open_import_dialog_and_keeps_the_choices(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    dialog = opened(qtbot, ctx, tmp_path)
    # the user's choices: the unit of the unitless amounts, column D is the annual output, slash
    # dates are day/month, the invalid row is skipped
    dialog.options_bar.unit_combo.setCurrentIndex(dialog.options_bar.unit_combo.findData(Unit.WAN))
    wait_idle(qtbot, dialog)
    dialog.apply_choice(3, ("field", "expected_annual_output"))
    wait_idle(qtbot, dialog)
    dialog.questions.date_combo.setCurrentIndex(dialog.questions.date_combo.findData("dmy"))
    wait_idle(qtbot, dialog)
    dialog.skip_check.setChecked(True)
    wait_idle(qtbot, dialog)
    says(dialog, EN)
    mine = (Unit.WAN, "expected_annual_output", "dmy", True, "wan", "dmy")
    assert chosen(dialog) == mine and dialog.can_import() and dialog.questions.date_box.isVisible()

    for lang, words in (("zh", ZH), ("en", EN)):
        switched(qtbot, translations, dialog, lang)
        assert dialog.lang == lang and dialog.choices.options.lang == lang
        says(dialog, words)
        assert chosen(dialog) == mine and dialog.skip_check.isChecked() and dialog.can_import()
        assert dialog.questions.date_box.isVisible() and dialog.analysis.added == 1  # the valid row, as before
        assert dialog.analysis.notes[0].params["unit"] == ("万元" if lang == "zh" else "¥10,000")  # analysed again
        found = problems(interface_texts(dialog), lang, FILE_WORDS)
        assert found == [], "\n".join(found)
        dialog.grab().save(str(artifacts / f"import-live-switch-to-{lang}.png"))


def test_a_switch_while_rows_are_checked_is_followed_when_the_check_ends(
    qtbot, translations, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = opened(qtbot, ctx, tmp_path)
    dialog.apply_choice(3, ("field", "expected_annual_output"))  # starts a check
    assert dialog.is_busy()
    translations.switch("zh_CN")  # while it runs
    assert dialog._pending
    qtbot.waitUntil(lambda: not dialog.is_busy() and not dialog._pending, timeout=30_000)
    wait_idle(qtbot, dialog)
    assert ZH["reason"] in read(dialog)["reason"] and read(dialog)["header"] == ZH["header"]


def test_what_was_imported_is_said_again_in_the_new_language(
    qtbot, translations, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = opened(qtbot, ctx, tmp_path)
    dialog.options_bar.unit_combo.setCurrentIndex(dialog.options_bar.unit_combo.findData(Unit.WAN))
    wait_idle(qtbot, dialog)
    dialog.skip_check.setChecked(True)
    wait_idle(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None and not dialog.is_busy(), timeout=30_000)
    assert dialog.close_button.text() == "Done" and "Imported: 1 new" in dialog.problem_list.counts_label.text()
    analysis = dialog.analysis
    translations.switch("zh_CN")
    qtbot.wait(50)
    assert dialog.analysis is analysis and not dialog.is_busy()  # not checked again against what it wrote
    assert dialog.close_button.text() == "完成" and dialog.problem_list.counts_label.text().startswith("导入完成")
    assert read(dialog)["reason"] == ZH["reason"]


def test_a_file_that_cannot_be_read_is_said_again_in_the_new_language(qtbot, translations, ctx: AppContext) -> None:
    path = Path("/work/shared/corpus/poi-xlsx/protect.xlsx")
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang=ui_lang())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30_000)
    assert "protect.xlsx is a password-protected" in dialog.error_label.text()
    translations.switch("zh_CN")
    assert "protect.xlsx" in dialog.error_label.text() and "密码" in dialog.error_label.text()
    translations.switch("en")
    assert "protect.xlsx is a password-protected" in dialog.error_label.text()


def test_the_window_s_import_preview_follows_preferences(
    make_window, settings, qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    """Opened from the window (File › Import) and switched as Preferences' OK does: the dialog is
    the window's child and a top-level window, told twice, analysed again once."""
    window = make_window(ctx)
    path = write_workbook(tmp_path / "高要区.xlsx", SheetSpec("项目清单", [HEAD, *ROWS]))
    window.import_file(path)
    dialog = window.dialogs.import_dialog
    wait_idle(qtbot, dialog)
    dialog.apply_choice(3, ("field", "expected_annual_output"))
    wait_idle(qtbot, dialog)
    before = dialog.analysis
    settings.language = "zh_CN"
    qtbot.waitUntil(lambda: dialog.analysis is not before and not dialog.is_busy(), timeout=30_000)
    again = dialog.analysis
    qtbot.wait(200)
    assert dialog.analysis is again and not dialog.is_busy()  # one check for the two events
    assert read(dialog)["header"] == ZH["header"] and ZH["reason"] in read(dialog)["reason"]
    assert dialog.import_button.text() == "导入" and dialog.choices.options.lang == "zh"
