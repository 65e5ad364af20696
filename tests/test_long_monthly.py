"""A long monthly sheet (项目名称 | 所属区 | 月份 | 完成投资, a row per project and month) as districts
send it: the unit only in the title ("2025年项目月度完成投资（万元）"), and months that report nothing —
an amount cell left blank or "—". Real .xlsx files through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.money import Unit
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["项目名称", "所属区", "月份", "完成投资"]
PARK, FOOD = "端州数字经济产业园", "端州食品加工项目"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def seeded(service: ImportService, tmp_path: Path) -> None:
    """The projects the monthly sheets name, imported first."""
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("项目", [
        ["项目名称", "所在区域", "所属行业", "计划总投资（万元）"],
        [PARK, "端州区", "数字经济", 50000],
        [FOOD, "端州区", "食品", 20000],
    ]))  # fmt: skip
    assert service.import_file(projects, ImportOptions()).added == 2


def long_sheet(path: Path, *rows: list, title: str = "2025年项目月度完成投资（万元）") -> Path:
    return write_workbook(path, SheetSpec("明细", [[title], HEAD, *map(list, rows)], merges=["A1:D1"]))


def records(ctx: AppContext, name: str) -> dict[tuple[int, int], int]:
    """{(year, month): yuan} of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.year, r.month): r.amount for r in ctx.projects.investment(pid)}


def said(notes: list) -> str:
    return " ".join(n.message("en") for n in notes)


def test_the_unit_in_the_title_is_the_amounts_unit(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "long.xlsx",
                      [PARK, "端州区", "2025年9月", 1500],
                      [PARK, "端州区", "2025-10", 1800],
                      [FOOD, "端州区", "2025.09", "2,000"])  # fmt: skip
    result = service.import_file(path, ImportOptions())  # was refused: "the amounts have no unit"
    assert result.ok and result.investment_records == 3
    # 1,500 万元 = 15,000,000 yuan
    assert records(ctx, PARK) == {(2025, 9): 15_000_000, (2025, 10): 18_000_000}
    assert records(ctx, FOOD) == {(2025, 9): 20_000_000}
    assert "read in 万元, as its title “2025年项目月度完成投资（万元）” says" in said(result.notes)
    zh = " ".join(n.message("zh") for n in result.notes)
    assert "标题“2025年项目月度完成投资（万元）”" in zh


@pytest.mark.parametrize(
    ("title", "yuan"),
    [
        ("2025年项目月度完成投资(亿元)", 150_000_000_000),
        ("2025年项目月度完成投资（单位：万元）", 15_000_000),
        ("2025年项目月度完成投资 单位：万元", 15_000_000),
    ],
)
def test_other_ways_a_title_names_the_unit(
    service: ImportService, ctx: AppContext, tmp_path: Path, title: str, yuan: int
) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "long.xlsx", [PARK, "端州区", "2025年9月", 1500], title=title)
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, PARK) == {(2025, 9): yuan}
    assert f"as its title “{title}” says" in said(result.notes)


def test_a_separate_unit_line_needs_no_note_of_the_title(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seeded(service, tmp_path)
    path = write_workbook(tmp_path / "long.xlsx", SheetSpec("明细", [
        ["2025年项目月度完成投资"], ["单位：万元"], HEAD, [PARK, "端州区", "2025年9月", 1500],
    ]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, PARK) == {(2025, 9): 15_000_000}
    assert "its title" not in said(result.notes)


def test_a_bracket_that_is_not_a_unit_gives_none(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    seeded(service, tmp_path)
    path = long_sheet(
        tmp_path / "long.xlsx", [PARK, "端州区", "2025年9月", 1500], title="2025年项目月度完成投资（一期）"
    )
    with pytest.raises(WorkbookRefused) as info:
        service.import_file(path, ImportOptions())
    assert info.value.code == "no_unit"
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))  # the user's unit, as before
    assert result.ok and records(ctx, PARK) == {(2025, 9): 15_000_000}
    assert "its title" not in said(result.notes)


def test_a_row_without_an_amount_writes_no_record(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "long.xlsx",
                      [PARK, "端州区", "2025年9月", 1500],  # row 3
                      [PARK, "端州区", "2025-10", 1800],
                      [FOOD, "端州区", "2025.09", "2,000"],
                      [FOOD, "端州区", "2025年10月", None],  # row 6: blank
                      [FOOD, "端州区", "2025年8月", 700],
                      [FOOD, "端州区", "2025年11月", "—"])  # row 8: no figure  # fmt: skip
    dry = service.import_file(path, ImportOptions(), dry_run=True)
    assert dry.ok and dry.investment_records == 4  # was refused whole: "Completed investment is required"
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.investment_records == 4
    assert records(ctx, PARK) == {(2025, 9): 15_000_000, (2025, 10): 18_000_000}
    assert records(ctx, FOOD) == {(2025, 8): 7_000_000, (2025, 9): 20_000_000}  # no October, no November
    assert "Sheet “明细”: row(s) 6, 8 give no amount: no record written" in said(result.notes)


def test_an_amount_without_a_month_is_still_a_problem(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "long.xlsx",
                      [PARK, "端州区", "2025年9月", 1500],
                      [FOOD, "端州区", None, 700],  # row 4
                      [FOOD, "端州区", "2025年10月", None])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    assert [(p.row, p.problem.code, p.problem.field) for p in result.problems] == [(4, "required", "month")]
    assert records(ctx, PARK) == {}


def test_a_list_of_projects_with_a_month_column_stores_each_rows_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """计划总投资 makes it a list of projects; its 月份 and 完成投资 columns, shown as read in the preview,
    were silently left out (exit 0, no record, no note)."""
    rows = [
        ["项目名称", "所在区域", "计划总投资（万元）", "月份", "完成投资（万元）"],
        [PARK, "端州区", 50000, "2025年5月", 300],
        [FOOD, "端州区", 20000, "2025年1-5月", 800],  # a year to date through May
        ["端州物流园项目", "端州区", 9000, "2025年5月", None],  # the month reports nothing: the project only
        ["端州储能项目", "端州区", 7000, None, None],
    ]
    result = service.import_file(write_workbook(tmp_path / "p.xlsx", SheetSpec("项目", rows)), ImportOptions())
    assert result.ok and result.added == 4, [p.reason() for p in result.problems]
    assert records(ctx, PARK) == {(2025, 5): 3_000_000}
    food = next(p.id for p in ctx.projects.all_projects() if p.name == FOOD)
    assert [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(food)] == [(2025, 1, 5, 8_000_000)]
    assert records(ctx, "端州物流园项目") == {} and records(ctx, "端州储能项目") == {}
    refused = [rows[0], [PARK, "端州区", 50000, None, 300]]
    again = service.import_file(write_workbook(tmp_path / "r.xlsx", SheetSpec("项目", refused)), ImportOptions())
    assert not again.ok and "Month" in again.problems[0].reason()  # an amount whose month is not given


def test_a_monthly_sheet_of_unknown_projects_says_to_import_the_list_first(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Into an empty database a monthly sheet names no project on record: refused, saying what to do."""
    path = long_sheet(tmp_path / "long.xlsx", [PARK, "端州区", "2025年9月", 1500])
    result = service.import_file(path, ImportOptions())
    assert not result.ok and [p.problem.code for p in result.problems] == ["unknown_project_row"]
    assert "import the district's list of projects first" in result.problems[0].reason("en")
    assert "请先导入该区县的项目清单" in result.problems[0].reason("zh")
    assert ctx.projects.all_projects() == []
