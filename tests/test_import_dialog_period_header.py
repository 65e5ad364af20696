"""The preview asks the report's month when a sheet's name and its 1–X月 header name two months and the title
names none (sheet 10月 over 1-9月累计, probe25c M4): the question the command line answers with --period is
in the dialog too. Real widgets, a real .xlsx file, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from test_import_dialog import wait_idle
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sheet_name_against_its_header_month_is_asked(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    head = ["项目名称", "所在区域", "计划总投资（万元）", "1-9月累计完成投资（万元）"]
    rows = [["高要区2025年重点项目进展情况表"], head, ["恒通光伏组件扩产项目", "高要区", 50000, 8500]]
    path = write_workbook(tmp_path / "oct.xlsx", SheetSpec("10月", rows))
    translations.switch("zh_CN" if lang == "zh" else "en")
    dialog = shown(qtbot, ctx, path, lang)
    q = dialog.questions
    assert q.period_box.isVisible() and not dialog.can_import()
    hint = {"en": "sheet “10月”: its name and a header name two months", "zh": "工作表“10月”：表名与表头所写月份不一致"}
    assert q.period_hint.text() == hint[lang]
    dialog.grab().save(str(artifacts / f"import-period-sheet-header-{lang}.png"))
    q.period_edit.setText("2025-09")  # the header's month: the figures run through September
    q.period_edit.editingFinished.emit()
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.period == (2025, 9) and dialog.can_import()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    (p,) = ctx.projects.all_projects()
    # one first report: 1–9月 8,500万 as one figure over January–September
    assert [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(2025, 1, 9, 85_000_000)]
    dialog.close()
