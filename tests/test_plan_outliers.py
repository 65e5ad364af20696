"""An annual plan more than ten times its project's planned investment is a unit slip, asked on its row;
it had been stored (fix26u: 123万亿元 planned for one year of a project of 8,000万元). Real .xlsx, both engines.

单位：万元. 甲 planned 8,000, 2025年计划投资 3,000 (30,000,000 yuan: stored). 乙 planned 8,000 and its plan
typed in yuan, 30000000 → 300,000,000,000 yuan, 3,750 times 8,000万: asked. 丙 no planned investment, plan
123,000,000,000 万元 (1.23e15 yuan, over 1万亿元): asked.
"""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def test_a_plan_far_over_the_planned_investment_is_asked(ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [
        ["肇庆市高要区2025年重点项目计划表"], ["单位：万元"],
        ["序号", "项目名称", "所在区域", "计划总投资", "2025年计划投资"],
        [1, "甲储能项目", "高要区", 8000, 3000],
        [2, "乙电子项目", "高要区", 8000, 30000000],
        [3, "丙材料项目", "高要区", None, 123000000000],
    ]))  # fmt: skip
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(path, ImportOptions())
    asked = [(p.row, p.column, p.problem.code) for p in result.problems if p.problem.code == "plan_over_planned"]
    assert asked == [(5, "E", "plan_over_planned"), (6, "E", "plan_over_planned")]
    assert not result.written
    assert "more than ten times the project's planned investment (80,000,000 yuan)" in next(
        p.reason("en") for p in result.problems if p.row == 5
    )
    result = service.import_file(path, ImportOptions(skip_invalid=True))  # the rows asked are left out
    assert result.written and result.added == 1 and result.plans == 1
    (project,) = ctx.projects.all_projects()
    assert project.name == "甲储能项目" and project.id is not None
    assert [(a.year, a.amount) for a in ctx.projects.plans(project.id)] == [(2025, 30_000_000)]
