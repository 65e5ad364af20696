"""The report's year comes from where a list states its period — title rows, the unit line, the header,
the sheet's or file's name — never from a project's text inside the table (probe30a F1). A public Anhui
2013 list without its title stored all 18 当年计划投资 under 2012, the year its first row's 当前进展情况
mentioned ("2012年12月，…座谈交流"); "整理1998年—2008年报纸" in a column not even imported made a plan
of 1998. Real .xlsx and .csv files through the service, both engines."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEADER = ["序号", "项目名称", "项目所在地", "项目状态", "总投资", "主要规模和内容", "当前进展情况", "当年计划投资"]
ROWS = [  # the body's texts name 1998, 2008, 2012 and 2013; nothing above or beside the table names a year
    [1, "文旅演艺项目", "包河区", "在建", 1000, "整理1998年—2008年报纸", "2012年12月召开座谈会", 965],
    [2, "花鼓灯歌舞剧剧本创作", "包河区", "在建", 50, "剧本", "已有创作思路", 45],
    [3, "古籍数字化", "庐阳区", "在建", 285, "拍摄报纸", "计划2013年3月再次召开座谈会", 85],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _plans(ctx: AppContext) -> dict[int, int]:
    """Year → the annual plans stored of it, in yuan."""
    out: dict[int, int] = {}
    for p in ctx.projects.all_projects():
        for a in ctx.projects.plans(p.id):
            out[a.year] = out.get(a.year, 0) + a.amount
    return out


def _asks_the_year(result, column: str) -> None:
    assert not result.ok and result.added == 0
    codes = {(p.column, p.problem.code) for p in result.problems}
    assert codes == {(column, "month_without_year")}, result.problems
    assert "--period" in result.problems[0].reason()


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_a_year_in_a_projects_text_is_not_the_reports(service: ImportService, ctx: AppContext, tmp_path: Path,
                                                      ext: str) -> None:  # fmt: skip
    """No title, unit line, header or name gives a year: the annual plan column is refused with the question
    (it was stored as 1998's: the first body row's text, header_year read the row under the header, and
    2012 or 2013 of the lower rows for the workbook's year)."""
    rows = [HEADER, *ROWS]
    path = _csv(tmp_path / "list.csv", rows) if ext == "csv" else write_workbook(tmp_path / "list.xlsx",
                                                                                 SheetSpec("Sheet1", rows))  # fmt: skip
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    _asks_the_year(result, "H")
    assert _plans(ctx) == {}


def test_a_year_lower_in_the_body_is_not_the_workbooks(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Only the third project's text names a year (2013): not the row under the header, so it came through
    the workbook's year (book_year scanned the first 40 rows, table and all)."""
    rows = [HEADER, [*ROWS[1][:6], "剧本", 45], [*ROWS[1][:6], "剧本", 45], ROWS[2]]
    rows[1][1], rows[2][1] = "甲项目", "乙项目"
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", rows))
    _asks_the_year(service.import_file(path, ImportOptions(unit=Unit.WAN)), "H")


def test_months_without_a_year_take_none_from_the_body(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """8月 | 9月 headers under no title: a 备注 "2012年开工" is no year for them."""
    rows = [["项目名称", "备注", "8月", "9月"], ["甲项目", "2012年开工", 10, 20], ["乙项目", "续建", 5, 6]]
    path = write_workbook(tmp_path / "months.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    assert not result.ok and {p.problem.code for p in result.problems} == {"month_without_year"}, result.problems
    assert all(not ctx.projects.investment(p.id) for p in ctx.projects.all_projects())


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_the_titles_year_beats_a_body_cells(service: ImportService, ctx: AppContext, tmp_path: Path, ext: str) -> None:
    """The Anhui list with its title "2013年文化产业项目汇总表": the plans are 2013's, whatever 2012 the
    first row's progress text names."""
    rows = [["2013年文化产业项目汇总表"], HEADER, *ROWS]
    path = _csv(tmp_path / "anhui.csv", rows) if ext == "csv" else write_workbook(
        tmp_path / "anhui.xlsx", SheetSpec("Sheet1", rows, ["A1:H1"]))  # fmt: skip
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    assert result.ok and result.added == 3, result.problems
    assert _plans(ctx) == {2013: (965 + 45 + 85) * WAN}


def test_a_name_or_a_header_still_gives_the_year(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A year the file's (the sheet's) name gives, and one a second header row gives (2025年 under 计划投资,
    the other headers merged down over both rows), are still the report's."""
    path = _csv(tmp_path / "2024年项目表.csv", [HEADER, *ROWS])
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    assert result.ok and result.added == 3, result.problems
    assert _plans(ctx) == {2024: (965 + 45 + 85) * WAN}
    rows = [["项目名称", "总投资", "计划投资", None], [None, None, "2025年", "其中：10月"],
            ["丙项目", 100, 40, 5], ["丁项目", 200, 60, 7]]  # fmt: skip
    two = write_workbook(tmp_path / "two.xlsx", SheetSpec("Sheet1", rows, ["A1:A2", "B1:B2", "C1:D1"]))
    result = service.import_file(two, ImportOptions(unit=Unit.WAN))
    assert result.ok and result.added == 2, result.problems
    assert _plans(ctx)[2025] == 100 * WAN
