"""The import dialog by keyboard and on a small screen (probe34b): Enter imports (never opens the file
chooser), Tab leaves the preview table, the dialog fits the screen's available area before and after an
import (the backup's path elided, not widening it), a row whose project is unchanged but whose monthly
figures are written is said the same way in the row and in the counts (as the CLI counts it), and a note's
words taken from a catalogue follow a live language switch after the import. Real files, widgets, SQLite."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.import_preview import STATUS_COLUMN

SEED = [
    ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（亿元）"],
    ["ZQ1", "端州光伏项目", "端州区", "在建", 12],
    ["ZQ2", "端州储能项目", "端州区", "在建", 8],
]
# a monthly report: the projects as stored, only October's own amount is new; no district column (the title's)
MONTHLY = [
    ["2026年10月 端州区项目进度表"],  # (not 重点项目: a key list's title marks its projects, an update)
    ["单位：万元"],
    ["序号", "项目编号", "项目名称", "项目状态", "当月完成投资（万元）"],
    [1, "ZQ1", "端州光伏项目", "在建", 742],
    [2, "ZQ2", "端州储能项目", "在建", 140],
]


def monthly(ctx: AppContext, tmp_path: Path) -> Path:
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", SEED))
    assert ImportService(ctx.database).import_file(seed, ImportOptions()).added == 2
    return write_workbook(tmp_path / "端州区2026年10月.xlsx", SheetSpec("Sheet1", MONTHLY, merges=["A1:E1"]))


def opened(qtbot, ctx: AppContext, path: Path, lang: str = "en") -> ImportDialog:
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=path, lang=lang)
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


def imported(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.import_result is not None and not dialog.is_busy(), timeout=30_000)


def test_enter_in_the_preview_imports_and_never_opens_the_file_chooser(qtbot, ctx, tmp_path, monkeypatch) -> None:
    chooser = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: chooser.append(a) or ("", ""))
    dialog = opened(qtbot, ctx, monthly(ctx, tmp_path))
    assert not dialog.file_bar.choose_button.autoDefault() and not dialog.file_bar.choose_button.isDefault()
    dialog.activateWindow()
    dialog.file_bar.choose_button.setFocus()  # the focus passed by the chooser first, as Tab does
    qtbot.keyClick(dialog.file_bar.choose_button, Qt.Key.Key_Tab)
    dialog.preview.table.setFocus()
    qtbot.keyClick(dialog.preview.table, Qt.Key.Key_Return)
    imported(qtbot, dialog)
    assert chooser == [] and dialog.import_result.written


def test_enter_does_nothing_while_import_is_disabled(qtbot, ctx, tmp_path, monkeypatch) -> None:
    chooser = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: chooser.append(a) or ("", ""))
    path = monthly(ctx, tmp_path)
    ImportService(ctx.database).import_file(path, ImportOptions())  # again: nothing to write
    dialog = opened(qtbot, ctx, path)
    assert not dialog.import_button.isEnabled()
    dialog.preview.table.setFocus()
    qtbot.keyClick(dialog.preview.table, Qt.Key.Key_Enter)
    qtbot.wait(200)
    assert chooser == [] and dialog.import_result is None


def test_tab_moves_on_from_the_preview_table(qtbot, ctx, tmp_path) -> None:
    dialog = opened(qtbot, ctx, monthly(ctx, tmp_path))
    dialog.activateWindow()
    dialog.preview.table.setFocus()
    reached = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert dialog.preview.table.tabKeyNavigation() is False
    assert dialog.import_button in reached and dialog.close_button in reached


def test_the_dialog_fits_the_screen_before_and_after_an_import(qtbot, translations, ctx, tmp_path) -> None:
    translations.switch("zh_CN")
    available = QGuiApplication.primaryScreen().availableGeometry()
    dialog = opened(qtbot, ctx, monthly(ctx, tmp_path), "zh")
    assert dialog.height() < available.height()  # room for a title bar (the 800-px test screen: wider than it)
    before = dialog.size()
    dialog.import_button.click()
    imported(qtbot, dialog)
    qtbot.wait(100)
    assert dialog.size() == before  # the result line wraps, the backup's path is elided: the dialog never grows
    backup = dialog.problem_list.backup_line
    assert backup.isVisible() and backup.path == str(dialog.import_result.backup)
    assert backup.label.toolTip() == str(dialog.import_result.backup)
    backup.copy_button.click()
    assert QApplication.clipboard().text() == str(dialog.import_result.backup)
    assert str(dialog.import_result.backup) not in dialog.problem_list.counts_label.text()
    assert dialog.close_button.isVisible() and dialog.close_button.geometry().right() < dialog.width()


def test_a_row_writing_only_monthly_figures_is_said_alike_in_the_row_and_the_counts(
    qtbot, translations, ctx, tmp_path
) -> None:
    translations.switch("zh_CN")
    dialog = opened(qtbot, ctx, monthly(ctx, tmp_path), "zh")
    a = dialog.analysis
    assert (a.added, a.updated, a.unchanged) == (0, 0, 2)  # as the CLI counts: projects unchanged, 2 records
    rows = [dialog.preview.model.data(dialog.preview.model.index(r, STATUS_COLUMN)) for r in (3, 4)]
    assert all(r.startswith("数据更新（项目未变）") for r in rows), rows
    assert "未变 2（其中数据更新 2）" in dialog.problem_list.counts_label.text()
    dialog.import_button.click()
    imported(qtbot, dialog)
    assert "未变 2 个，" in dialog.problem_list.counts_label.text()
    assert "未变项目中 2 个为数据更新（仅写入投资数据）。" in dialog.problem_list.counts_label.text()


def test_a_notes_source_is_reworded_by_a_switch_after_the_import(qtbot, translations, ctx, tmp_path) -> None:
    translations.switch("zh_CN")
    dialog = opened(qtbot, ctx, monthly(ctx, tmp_path), "zh")
    assert "未填区域的行按标题记为“端州区”" in dialog.notes_label.text()
    dialog.import_button.click()
    imported(qtbot, dialog)
    translations.switch("en")
    qtbot.waitUntil(lambda: "take “端州区” from the title" in dialog.notes_label.text(), timeout=10_000)
    assert "标题" not in dialog.notes_label.text()
