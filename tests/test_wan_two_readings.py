"""“300万” in a column headed （万元） reads two ways: 300万元, or 300万 × 万元 = 300亿元 (domain/money.py asks,
never guesses). A month's amount, a year to date or an annual plan is part of the project's planned
investment on the same row: where one reading exceeds it, that reading is not what the district typed,
so the cell's own unit stands and a note names the rows. Where the row has no planned investment, or
both readings fit under it, or the cell is the planned investment itself, the question stays. Real
.xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = [
    "序号",
    "项目名称",
    "建设单位",
    "所在区域",
    "总投资（万元）",
    "10月完成投资（万元）",
    "1-10月累计完成投资（万元）",
]


def report(tmp_path: Path, *rows: list) -> Path:
    title = ["肇庆市2023年10月重点项目进度表"]
    return write_workbook(tmp_path / "october.xlsx", SheetSpec("10月", [title, HEAD, *rows]))


def imported(ctx: AppContext, tmp_path: Path, path: Path):  # type: ignore[no-untyped-def]
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    return service.import_file(path, ImportOptions(lang="en"))


def months(ctx: AppContext) -> dict[str, list[tuple[int, int, int | None]]]:
    return {
        p.name: [(r.month, r.amount, r.first_month) for r in ctx.projects.investment(p.id) if r.year == 2023]
        for p in ctx.projects.all_projects()
    }


def test_the_row_s_planned_investment_settles_which_reading(ctx: AppContext, tmp_path: Path) -> None:
    path = report(
        tmp_path,
        [1, "甲项目", "甲公司", "高要区", 50_000, "300万", "3000万"],  # 300亿 in a month of a 5亿 project
        [2, "乙项目", "乙公司", "高要区", 20_000, 120, 900],
        [3, "丙项目", "丙公司", "高要区", 8_000, "1.5万", 400],  # 1.5亿 in a month of a 0.8亿 project
    )
    result = imported(ctx, tmp_path, path)
    assert result.problems == [] and result.added == 3
    # 10月 300万元; 1-10月 3,000万元: January–September as one figure of 2,700万元
    assert months(ctx) == {
        "甲项目": [(9, 2_700 * WAN, 1), (10, 300 * WAN, None)],
        "乙项目": [(9, 780 * WAN, 1), (10, 120 * WAN, None)],
        "丙项目": [(9, 3_985_000, 1), (10, 15_000, None)],  # 400万 − 1.5万
    }
    said = [n.message("en") for n in result.notes if n.code == "note_wan_read_as_unit"]
    assert said == [
        "Sheet “10月”, column F “10月完成投资（万元）”, row(s) 3, 5: an amount written with 万 (such as “300万”) is "
        "read as 万元 — read as 万 × the column's unit it would exceed the project's planned investment on the row.",
        "Sheet “10月”, column G “1-10月累计完成投资（万元）”, row(s) 3: an amount written with 万 (such as “300万”) "
        "is read as 万元 — read as 万 × the column's unit it would exceed the project's planned investment on the row.",
    ]


@pytest.mark.parametrize(
    "planned, why",
    [
        (5_000_000, "300亿 fits under a planned 500亿: both readings stand"),
        (None, "no planned investment on the row"),
    ],
)
def test_the_question_stays_where_the_row_does_not_settle_it(
    ctx: AppContext, tmp_path: Path, planned: int | None, why: str
) -> None:
    path = report(tmp_path, [1, "甲项目", "甲公司", "高要区", planned, "300万", 3_000])
    result = imported(ctx, tmp_path, path)
    assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(3, "F", "wan_in_unit_column")], why
    assert not result.written and months(ctx) == {}


def test_the_planned_investment_itself_is_still_asked(ctx: AppContext, tmp_path: Path) -> None:
    path = report(tmp_path, [1, "甲项目", "甲公司", "高要区", "5万", 300, 3_000])  # 5万元 or 5亿元?
    result = imported(ctx, tmp_path, path)
    assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(3, "E", "wan_in_unit_column")]


def test_wan_echoing_the_unit_line_past_any_project_is_that_unit(ctx: AppContext, tmp_path: Path) -> None:
    """“62,968万” under 单位：万元 was asked: read as 万 × 万元 it is 6.3万亿 yuan, more than any project (a
    whole province's year of investment), so it can only be 62,968万元. “5万” (5万元 or 5亿元) and “300万”
    (300万元 or 300亿元) both stay asked: either reading is a project's."""
    head = ["序号", "项目名称", "建设单位", "所在区域", "总投资", "10月完成投资", "1-10月累计完成投资"]
    rows = [
        ["肇庆市2023年10月重点项目进度表"],
        [None, None, None, None, None, None, "单位：万元"],
        head,
        [1, "甲项目", "甲公司", "高要区", "62,968万", 300, "12,000万"],  # 629,680,000; 1-10月 120,000,000
        [2, "乙项目", "乙公司", "高要区", 20_000, 120, 900],
    ]
    path = write_workbook(tmp_path / "october.xlsx", SheetSpec("10月", rows))
    result = imported(ctx, tmp_path, path)
    assert result.problems == [] and result.added == 2, result.problems
    planned = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    assert planned == {"甲项目": 629_680_000, "乙项目": 200_000_000}
    assert months(ctx)["甲项目"] == [(9, 11_700 * WAN, 1), (10, 300 * WAN, None)]  # 12,000万 − 300万
    for value in ("5万", "300万", "1,200万"):  # 1,200万 × 万元: 1200亿, a project's (a railway's)
        rows[3][4] = value
        path = write_workbook(tmp_path / "again.xlsx", SheetSpec("10月", rows))
        result = imported(ctx, tmp_path, path)
        assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(4, "E", "wan_in_unit_column")], value
