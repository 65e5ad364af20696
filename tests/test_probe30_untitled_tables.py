"""Tables stacked on one sheet where a later table's title names no district (续建项目表, 二、新开工项目 over a
header of its own): its projects were silently stored under the first title's district. A file, sheet or
title over everything naming one district says whose they are; else the import asks. Real .xlsx files
written by openpyxl, imported through the service, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

GAOYAO = [
    [1, "高要智能家居项目", "甲公司", 10000, 3000],
    [2, "高要涂料树脂项目", "乙公司", 20000, 6000],
    [3, "高要储能系统项目", "丙公司", 5000, 1000],
]
MORE = [
    [1, "氢能装备项目", "丁公司", 8000, 2000],
    [2, "五金卫浴项目", "戊公司", 12000, 5000],
]
HEADER = ["序号", "项目名称", "建设单位", "总投资", "2025年计划投资"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _table(titles: list[str], projects: list[list]) -> list[list]:
    """A table: its titles, a 单位 line, the header, its projects, 合计."""
    sums = ["合计", None, None, *(sum(p[j] for p in projects) for j in (3, 4))]
    return [*([t] for t in titles), [None, None, None, None, "单位：万元"], HEADER, *projects, sums]


def _districts(ctx: AppContext) -> dict[str, tuple[int, int]]:
    """District → (projects, planned investment in yuan)."""
    out: dict[str, tuple[int, int]] = {}
    for p in ctx.projects.all_projects():
        n, planned = out.get(p.district or "", (0, 0))
        out[p.district or ""] = (n + 1, planned + (p.planned_investment or 0))
    return out


def _import(service: ImportService, path: Path, rows: list[list], sheet: str = "Sheet1", **opts: object):
    return service.import_file(write_workbook(path, SheetSpec(sheet, rows)), ImportOptions(**opts))  # type: ignore[arg-type]


def test_two_titled_districts_still_take_their_own(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [*_table(["肇庆市高要区重点项目表"], GAOYAO), [], *_table(["肇庆市四会市重点项目表"], MORE)]
    result = _import(service, tmp_path / "stacked.xlsx", rows)
    assert result.ok and result.added == 5, result.problems
    # 10000+20000+5000 万; 8000+12000 万
    assert _districts(ctx) == {"高要区": (3, 350_000_000), "四会市": (2, 200_000_000)}


@pytest.mark.parametrize("second", ["续建项目表", "二、新开工项目"])
def test_a_later_title_naming_no_district_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, second: str
) -> None:
    """高要区's table, then a table titled with no district: whose are its projects? Was: 高要区's, silently."""
    first = _table(["肇庆市高要区重点项目表"], GAOYAO)
    rows = [*first, [], *_table([second], MORE)]
    result = _import(service, tmp_path / "stacked.xlsx", rows)
    title_row = len(first) + 2  # the blank row, then the title
    assert [p.problem.code for p in result.problems] == ["district_title_missing"], result.problems
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.value) == ("Sheet1", title_row, second)
    for lang in ("en", "zh"):
        said = problem.reason(lang)
        assert second in said and "高要区" in said and "--district" in said, said
    assert not result.written and ctx.projects.all_projects() == []
    # the user's answer: --district says whose every row is
    result = _import(service, tmp_path / "again.xlsx", rows, district="高要区")
    assert result.ok and result.added == 5, result.problems
    assert _districts(ctx) == {"高要区": (5, 550_000_000)}


@pytest.mark.parametrize("where", ["file", "sheet", "title"])
def test_one_district_for_the_whole_file_takes_every_table(
    service: ImportService, ctx: AppContext, tmp_path: Path, where: str
) -> None:
    """高要区's table then 续建项目表's in the file 高要区10月.xlsx or on the sheet 高要区; or a title 高要区 over
    the tables' own titles (一、续建项目, 二、新开工项目): all five projects are 高要区's, nothing asked."""
    file, sheet = "10月.xlsx", "Sheet1"
    rows = [*_table(["肇庆市高要区重点项目表"], GAOYAO), [], *_table(["续建项目表"], MORE)]
    if where == "file":
        file = "高要区10月.xlsx"
    elif where == "sheet":
        sheet = "高要区"
    else:
        rows = [["肇庆市高要区2025年重点项目进展情况表"], *_table(["一、续建项目"], GAOYAO), [],
                *_table(["二、新开工项目"], MORE)]  # fmt: skip
    result = _import(service, tmp_path / file, rows, sheet)
    assert result.ok and result.added == 5, result.problems
    assert _districts(ctx) == {"高要区": (5, 550_000_000)}  # 10000+20000+5000+8000+12000 万


def test_one_table_titled_with_no_district_is_unchanged(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """One table under 续建项目表, no district anywhere: imported without a district, as before."""
    result = _import(service, tmp_path / "list.xlsx", _table(["续建项目表"], GAOYAO))
    assert result.ok and result.added == 3, result.problems
    assert _districts(ctx) == {"": (3, 350_000_000)}
