"""The import dialog on a 2026 report that gives last year's year to date beside this year's: the column
shows what it is read as (last year's, with its months), the notes what is written for 2025 — in either
language, before anything is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext


@pytest.mark.parametrize(
    ("lang", "column", "said"),
    [
        ("en", "Last year's year to date Jan–Oct 2025", "written as 2025's records — row 4: Jan–Oct 2025 ¥20.00 mn"),
        ("zh", "上年同期累计完成投资 2025年1–10月", "作为 2025 年的记录写入——第 4 行：2025年1–10月 2,000万元"),
    ],
)
def test_last_years_column_and_what_it_writes(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, column: str, said: str
) -> None:
    translations.switch(lang)
    head = ["项目编号", "项目名称", "计划总投资（万元）", "1-10月累计完成投资（万元）", "去年1-10月累计（万元）"]
    rows = [["四会市2026年1-10月重点项目完成情况"], ["单位：万元"], [*head, "同比增长%"],
            ["SH31", "四会五金产业园", 20000, 2600, 2000, 30],
            ["DZ01", "端州电子项目", 50000, 1500, 1200, 25]]  # fmt: skip
    path = write_workbook(tmp_path / "四会市10月.xlsx", SheetSpec("10月", rows))
    dialog = shown(qtbot, ctx, path, lang)
    assert said in dialog.notes_label.text()
    assert column in dialog.preview.model.headerData(5, 1)
    assert dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-last-year-{lang}.png"))
