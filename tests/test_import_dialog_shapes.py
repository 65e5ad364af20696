"""The import dialog on a key-project list of the shapes probing found misread: group rows numbered 1
over 1-1 (no projects: their sector), and a summary table under the projects (greyed, said in the notes)
— in either language, before anything is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext


@pytest.mark.parametrize(("lang", "said"), [("en", "another table begins at row 9"), ("zh", "第 9 行起是另一张表")])
def test_groups_and_a_summary_under_the_list(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    translations.switch(lang)
    head = ["序号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）"]
    rows = [["2025年四会市重点项目表"], head,
            ["1", "新能源汽车产业项目（2个）", None, None, 500],
            ["1-1", "华南电池项目", "高要区", "在建", 300], ["1-2", "星光材料项目", "四会市", "签约", 200],
            ["2", "现代服务业项目（1个）", None, None, 80], ["2-1", "物流园项目", "四会市", "在建", 80],
            [None], ["所在区域", "项目数", "计划总投资（万元）"], ["高要区", 1, 300], ["四会市", 2, 280]]  # fmt: skip
    path = write_workbook(tmp_path / "四会市.xlsx", SheetSpec("项目清单", rows))
    dialog = shown(qtbot, ctx, path, lang)
    assert said in dialog.notes_label.text()
    assert dialog.can_import()
    analysis = dialog.analysis
    assert analysis is not None and analysis.added == 3  # the group rows and the summary are no projects
    dialog.grab().save(str(artifacts / f"import-groups-summary-{lang}.png"))
