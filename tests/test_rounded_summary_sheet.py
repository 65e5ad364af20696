"""A city workbook: a 汇总 sheet in 亿元 with two decimals beside each district's sheet in exact 万元 (probe25c
c28). The same project on both gives one figure rounded two ways — the exact one is stored, with a note
naming both sheets; amounts that differ beyond rounding are asked, naming both sheets, rows and amounts.
Real .xlsx files, ImportService, both engines; 1万元 = 10,000 yuan, 1亿元 = 100,000,000 yuan."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD_YI = ["序号", "项目名称", "建设单位", "所在地", "计划总投资（亿元）", "1-{m}月完成投资（亿元）", "建设状态"]
HEAD_WAN = ["序号", "项目名称", "建设单位", "所在地", "计划总投资（万元）", "1-{m}月完成投资（万元）", "建设状态"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def summary(m: int, rows: list[list]) -> SheetSpec:
    head = [h.format(m=m) for h in HEAD_YI]
    return SheetSpec("汇总", [[f"肇庆市2025年1-{m}月重点项目进展情况表"], ["单位：亿元"], head, *rows])


def district(m: int, rows: list[list]) -> SheetSpec:
    head = [h.format(m=m) for h in HEAD_WAN]
    return SheetSpec("端州区", [[f"肇庆市端州区2025年1-{m}月重点项目进展情况表"], ["单位：万元"], head, *rows])


def figures(ctx: AppContext) -> dict[str, tuple]:
    return {
        p.name: (
            p.planned_investment,
            sorted(
                ((r.first_month or 0, r.month, r.amount) for r in ctx.projects.investment(p.id)), key=lambda t: t[1]
            ),
        )
        for p in ctx.projects.all_projects()
    }


SUMMARY_10 = [
    [1, "智能装备项目", "端甲公司", "端州区", 3, 0.8, "在建"],
    [2, "电子信息项目", "端乙公司", "端州区", 1.5, 0.45, "在建"],
]
DISTRICT_10 = [
    [1, "智能装备项目", "端甲公司", "端州区", 30012, 8037, "在建"],
    [2, "电子信息项目", "端乙公司", "端州区", 15012, 4537, "在建"],
]
# exact: 30012万 = 300,120,000 planned, 8037万 = 80,370,000 through October; 15012万, 4537万 the same way
EXACT = {
    "智能装备项目": (300_120_000, [(1, 10, 80_370_000)]),
    "电子信息项目": (150_120_000, [(1, 10, 45_370_000)]),
}


@pytest.mark.parametrize("summary_first", [True, False])
def test_the_exact_sheet_is_taken_over_the_rounded_summary(
    service: ImportService, ctx: AppContext, tmp_path: Path, summary_first: bool
) -> None:
    """3亿 is 30012万 (3.0012亿) at no decimals, 0.8亿 is 8037万 (0.8037亿) at one: rounding, not a conflict."""
    sheets = [summary(10, SUMMARY_10), district(10, DISTRICT_10)]
    path = write_workbook(tmp_path / "city.xlsx", *(sheets if summary_first else sheets[::-1]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.problems == [], [p.message("en") for p in result.problems]
    assert figures(ctx) == EXACT
    said = [n.message("en") for n in result.notes if n.code == "note_rounded_view"]
    assert said == [
        "Sheet “汇总” gives 2 project(s) rounded to the decimals it shows (from row 4) that sheet “端州区” gives "
        "exactly: the exact amounts were taken."
    ]
    again = service.import_file(path, ImportOptions(), dry_run=True)  # nothing left to change
    assert (again.added, again.updated, again.investment_records) == (0, 0, 0)


def test_a_second_month_takes_the_exact_sheet_too(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """September stored exactly (8037万 − 1000万 = 7037万 through September, one figure 1–9月); October's file: the
    汇总 says 0.80亿, the district 8037万 through October — October's own amount is 8037 − 7037 = 1000万 =
    10,000,000 yuan, not 0.80亿 − 7037万 = 963万."""
    september = [[1, "智能装备项目", "端甲公司", "端州区", 30012, 7037, "在建"]]
    assert service.import_file(write_workbook(tmp_path / "sep.xlsx", district(9, september)), ImportOptions()).ok
    path = write_workbook(tmp_path / "oct.xlsx", summary(10, SUMMARY_10[:1]), district(10, DISTRICT_10[:1]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.problems == []
    assert figures(ctx) == {"智能装备项目": (300_120_000, [(1, 9, 70_370_000), (0, 10, 10_000_000)])}


def test_a_real_difference_is_asked_naming_both_sheets(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """0.9亿 is not 8037万 rounded (0.8037 → 0.8 at one decimal): asked on the district's row, nothing written."""
    rows = [[1, "智能装备项目", "端甲公司", "端州区", 3, 0.9, "在建"]]
    path = write_workbook(tmp_path / "city.xlsx", summary(10, rows), district(10, DISTRICT_10[:1]))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and figures(ctx) == {}
    (problem,) = result.problems
    assert (problem.sheet, problem.row) == ("端州区", 4)
    assert problem.problem.message("en") == (
        "the year to date through 2025-10, 80,370,000 yuan, differs from 90,000,000 yuan in row 4 of sheet “汇总” "
        "(the same project): correct the sheet that is wrong, or import one sheet with --sheet"
    )
