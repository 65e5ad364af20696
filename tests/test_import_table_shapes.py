"""Table shapes a probe of web-system exports found misread — the same in an .xlsx, so written here as
real .xlsx files and imported on both engines: a 栏次 row under the header (甲 | 乙 | 1 | 2 | 3), a
location header merged over county | town, a project's name merged down over phases that each
give an amount, and a project whose name and amounts are merged down over a second line of progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_patterns import by_name, imported

from zqtracker.io.header_rows import column_numbers_row
from zqtracker.io.reader import RawSheet
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def test_a_column_numbers_row_under_the_header_is_part_of_the_header(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    """A statistical form numbers its columns under the header (栏次): 甲 | 乙 | 1 | 2 | 3. It was read
    as a project named 乙 with status "1"."""
    head = ["序号", "项目名称", "项目状态", "计划总投资（万元）", "1-10月累计完成投资（万元）"]
    rows = [["怀集县2024年1-10月重点项目统计表"], head, ["甲", "乙", 1, 2, 3],
            [1, "怀集甲项目", "在建", 1000, 300], [2, "怀集乙项目", "在建", 2000, 500]]  # fmt: skip
    path = write_workbook(tmp_path / "form.xlsx", SheetSpec("表1", rows))
    result = imported(service, db_url, path)
    assert result.added == 2 and set(by_name(ctx)) == {"怀集甲项目", "怀集乙项目"}
    assert sum(p.planned_investment for p in ctx.projects.all_projects()) == 30_000_000


@pytest.mark.parametrize(
    ("row", "numbers"),
    [
        (["甲", "乙", 1, 2, 3], True),
        (["栏次", "1", "2", "3"], True),
        ([1.0, 2.0, 3.0, 4.0, 5.0], True),
        (["", "甲", "乙", "丙", 1, 2], True),
        ([1.0, 2.0, 3.0], False),  # three numbers alone: maybe a row of data
        (["甲", "乙", 1, 3], False),  # not consecutive
        (["甲", "怀集甲项目", 1, 2], False),  # a name: a project's row
        ([2.0, 3.0, 4.0, 5.0], False),  # numbers alone must start at 1
    ],
)
def test_what_a_column_numbers_row_is(row: list, numbers: bool) -> None:
    assert column_numbers_row(RawSheet("s", rows=[row]), 0) is numbers


def test_a_location_merged_over_county_and_town_takes_the_county(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    """建设地点 merged over two columns, 高要区 | 金利镇: the district is the county, not the town (the
    town column had more distinct values and won)."""
    rows = [["2024年重点项目表"], ["序号", "项目名称", "建设地点", None, "项目状态", "计划总投资（万元）"],
            [1, "甲项目", "高要区", "金利镇", "在建", 1000], [2, "乙项目", "四会市", "大沙镇", "在建", 2000],
            [3, "丙项目", "高要区", "白土镇", "签约", 3000]]  # fmt: skip
    path = write_workbook(tmp_path / "loc.xlsx", SheetSpec("项目", rows, merges=["C2:D2"]))
    imported(service, db_url, path)
    assert {n: p.district for n, p in by_name(ctx).items()} == {  # type: ignore[attr-defined]
        "甲项目": "高要区",
        "乙项目": "四会市",
        "丙项目": "高要区",
    }


def test_phases_under_a_merged_name_with_amounts_of_their_own_are_asked_about(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """序号 and 项目名称 merged down over 一期 50,000 / 二期 30,000: the second row's 30,000 万元 was dropped
    with a note that it "continues the project above" (500 million stored for 800); now it is a
    problem of that row, naming the project, and nothing is written."""
    rows = [["鼎湖区2024年重点项目表"], ["单位：万元"], ["序号", "项目名称", "建设内容", "项目状态", "计划总投资"],
            [1, "鼎湖甲新能源产业园", "一期：厂房", "在建", 50000], [None, None, "二期：研发中心", "前期", 30000],
            [2, "鼎湖乙食品项目", "生产线", "签约", 6000]]  # fmt: skip
    path = write_workbook(tmp_path / "phases.xlsx", SheetSpec("项目", rows, merges=["A4:A5", "B4:B5"]))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    assert [(p.row, p.problem.code) for p in result.problems] == [(5, "phase_under_name")]
    assert "鼎湖甲新能源产业园" in result.problems[0].reason("en") and "分期" in result.problems[0].reason("zh")


def test_a_project_merged_down_over_a_second_line_of_progress_is_one_project(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """序号, 项目名称 and the amounts merged down over two rows, the second giving a second line of 形象进度:
    the merged amounts were copied into the second row, which was then refused as a phase "with an amount
    of its own". The project is one, its amounts once; the second line joins its 形象进度."""
    rows = [
        ["2025年重点项目进展情况（万元）"],
        ["序号", "项目名称", "计划总投资", "1-10月完成投资", "形象进度"],
        [1, "甲项目", 1000, 100, "土建完成"],
        [None, None, None, None, "设备安装中"],
        [2, "乙项目", 500, 50, "主体施工"],
        [None, None, None, None, "预计年底完工"],
    ]  # a second line without merged cells above it: the same
    merges = ["A3:A4", "B3:B4", "C3:C4", "D3:D4"]
    result = service.import_file(
        write_workbook(tmp_path / "p.xlsx", SheetSpec("清单", rows, merges=merges)), ImportOptions()
    )
    assert result.ok and (result.added, result.investment_records) == (2, 2), [p.reason() for p in result.problems]
    p = by_name(ctx)
    assert p["甲项目"].planned_investment == 10_000_000 and p["乙项目"].planned_investment == 5_000_000  # type: ignore[attr-defined]
    assert p["甲项目"].progress_note == "土建完成；设备安装中"  # type: ignore[attr-defined]
    assert p["乙项目"].progress_note == "主体施工；预计年底完工"  # type: ignore[attr-defined]
    said = " ".join(n.message("en") for n in result.notes)
    assert "(rows 4, 6) continue the project above them" in said and "joined to the project's" in said
