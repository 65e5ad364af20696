"""The problem list exported as a workbook: the remedies in the words of where it was exported — the
import dialog's choices from the app, the flags from the command line — and hostile values kept as text."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from zqtracker.domain.errors import Problem
from zqtracker.domain.words import APP, CLI
from zqtracker.io.errors import CellProblem
from zqtracker.io.problems_xlsx import write_problems

NEAR = CellProblem(
    "项目清单", 4, "B", "项目名称", "端州数字经济产业园项目",
    Problem("near_name", "name", {"value": "端州数字经济产业园项目", "others": "端州数字经济产业园 (#3)", "row": 4}),
)  # fmt: skip
HOSTILE = CellProblem("项目清单", 5, "C", "所属区", '=HYPERLINK("http://x","y")', Problem("unknown_status", "status"))


def test_the_remedies_are_worded_for_where_the_list_was_exported(tmp_path: Path) -> None:
    read = {}
    for surface in (APP, CLI):
        path = write_problems(tmp_path / f"{surface}.xlsx", [NEAR, HOSTILE], source="端州区.xlsx", lang="zh",
                              surface=surface)  # fmt: skip
        ws = openpyxl.load_workbook(path).active
        assert ws.cell(1, 1).value == "导入问题：端州区.xlsx"
        assert [ws.cell(3, c).value for c in range(1, 6)] == ["项目清单", 4, "B", "项目名称", "端州数字经济产业园项目"]
        assert ws.cell(4, 5).value == '=HYPERLINK("http://x","y")' and ws.cell(4, 5).data_type == "s"  # text
        read[surface] = ws.cell(3, 6).value
    assert "在表格上方该行的问题中说明" in read[APP] and "--link" not in read[APP]
    assert "--link 4=new" in read[CLI]
    assert read[APP] == NEAR.reason("zh", APP) and read[CLI] == NEAR.reason("zh", CLI)
