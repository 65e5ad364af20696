"""A second district's title typed alone in one cell, not merged, without a year, straight over its projects
and with no header again (高要区重点项目表 over 高要区's rows, then 四会市 in A7, then 四会市's rows): it was read
as a continuation of the project above it, and 四会市's projects were stored under 高要区, silently. Where the
rows under it number again from 1 (or such rows open every table) they are that district's; where nothing
says so the import asks. A status or sector group alone on its row, and a project with a name and no amounts,
read as before. Real .xlsx files written by openpyxl, imported through the service, both engines; figures
worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEADER = ["序号", "项目名称", "投资主体", "总投资（万元）", "2025年计划投资（万元）"]
GAOYAO = [
    [1, "高要智能家居项目", "甲公司", 10000, 3000],
    [2, "高要涂料树脂项目", "乙公司", 20000, 6000],
    [3, "高要储能系统项目", "丙公司", 5000, 1000],
    [4, "高要五金制品项目", "丁公司", 6000, 2000],
]
SIHUI = [
    [1, "四会氢能装备项目", "戊公司", 8000, 2000],
    [2, "四会五金卫浴项目", "己公司", 12000, 5000],
    [3, "四会玉器城项目", "庚公司", 3000, 1000],
]
WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _districts(ctx: AppContext) -> dict[str, tuple[int, int]]:
    """District → (projects, total investment in yuan)."""
    out: dict[str, tuple[int, int]] = {}
    for p in ctx.projects.all_projects():
        n, planned = out.get(p.district or "", (0, 0))
        out[p.district or ""] = (n + 1, planned + (p.planned_investment or 0))
    return out


def _import(service: ImportService, path: Path, lone: list, below: list[list], **opts: object):
    """Row 1 高要区重点项目表 merged A1:E1, row 2 the header, rows 3–6 高要区's projects, row 7 ``lone``,
    rows 8–10 ``below``."""
    rows = [["高要区重点项目表"], HEADER, *GAOYAO, lone, *below]
    return service.import_file(write_workbook(path, SheetSpec("Sheet1", rows, ["A1:E1"])), ImportOptions(**opts))  # type: ignore[arg-type]


@pytest.mark.parametrize("lone", ["四会市", "四会市重点项目", "肇庆市四会市重点项目表"])
@pytest.mark.parametrize("column", [0, 1], ids=["in_A", "in_B"])
def test_a_lone_district_over_rows_numbered_again_takes_them(
    service: ImportService, ctx: AppContext, tmp_path: Path, lone: str, column: int
) -> None:
    """四会市 alone in A7 (or B7), 序号 from 1 again under it: rows 8–10 are 四会市's."""
    result = _import(service, tmp_path / "lone.xlsx", [None] * column + [lone], SIHUI)
    assert result.ok and result.added == 7, result.problems
    assert _districts(ctx) == {
        "高要区": (4, 41_000 * WAN),  # 10000+20000+5000+6000 万
        "四会市": (3, 23_000 * WAN),  # 8000+12000+3000 万
    }
    (note,) = [n for n in result.notes if n.code == "note_district_blocks"]
    assert note.params["blocks"] == "高要区: 3–6; 四会市: 8–10", note.params
    assert all(n.code != "note_continuations" for n in result.notes)


def test_lone_districts_over_every_table_need_no_numbers(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """No 序号 column; 高要区 alone over the first rows as 四会市 over the others: the rows are each one's."""
    rows = [["重点项目表"], HEADER[1:], ["高要区"], *(p[1:] for p in GAOYAO), ["四会市"], *(p[1:] for p in SIHUI)]
    path = write_workbook(tmp_path / "groups.xlsx", SheetSpec("Sheet1", rows, ["A1:D1"]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 7, result.problems
    assert _districts(ctx) == {"高要区": (4, 41_000 * WAN), "四会市": (3, 23_000 * WAN)}


@pytest.mark.parametrize("numbers", ["on", "none"], ids=["numbering_goes_on", "no_numbers"])
def test_a_lone_district_over_rows_numbered_on_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, numbers: str
) -> None:
    """四会市 alone in A7, the 序号 going on 5, 6, 7 (or none given): a title over 四会市's rows, or a line of
    the project above? Was: a continuation, and 四会市's rows were 高要区's. Now asked, nothing written."""
    below = [[5 + k if numbers == "on" else None, *p[1:]] for k, p in enumerate(SIHUI)]
    result = _import(service, tmp_path / "unclear.xlsx", ["四会市"], below)
    assert [p.problem.code for p in result.problems] == ["place_row_unclear"], result.problems
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.value) == ("Sheet1", 7, "四会市")
    for lang in ("en", "zh"):
        said = problem.reason(lang)
        assert "四会市" in said and "高要区" in said and "Sheet1" in said and "7" in said, said
    assert not result.written and ctx.projects.all_projects() == []
    # the answer: every row of the sheet is 高要区's (--district)
    result = _import(service, tmp_path / "again.xlsx", ["四会市"], below, district="高要区")
    assert result.ok and result.added == 7, result.problems
    assert _districts(ctx) == {"高要区": (7, 64_000 * WAN)}


@pytest.mark.parametrize("group", ["一、续建项目", "二、新开工项目", "工业类"])
def test_a_lone_status_or_sector_group_reads_as_before(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: str
) -> None:
    """一、续建项目 alone in A7: a section (a stage), as before; 工业类 alone: no district, nothing asked."""
    result = _import(service, tmp_path / "group.xlsx", [group], SIHUI)
    assert result.ok and result.added == 7, result.problems
    assert _districts(ctx) == {"高要区": (7, 64_000 * WAN)}
    assert all(n.code != "note_district_blocks" for n in result.notes)


@pytest.mark.parametrize(
    ("lone", "asked"),
    [([5, "四会市玉器城项目"], []), ([5, "四会市"], []), ([None, "四会市玉器城项目"], ["name_alone"])],
)
def test_a_project_with_a_name_and_no_amounts_is_no_title(
    service: ImportService, ctx: AppContext, tmp_path: Path, lone: list, asked: list[str]
) -> None:
    """Row 7 a project with its name and 序号 and no amounts, the numbering going on: a project of 高要区's; a
    name alone without its 序号 is asked of as before (name_alone), never taken for a district's title."""
    below = [[6 + k, *p[1:]] for k, p in enumerate(SIHUI)]
    result = _import(service, tmp_path / "named.xlsx", lone, below)
    assert [p.problem.code for p in result.problems] == asked, result.problems
    if not asked:
        assert result.added == 8
        assert _districts(ctx) == {"高要区": (8, 64_000 * WAN)}  # 41000+23000 万, and row 7's none
