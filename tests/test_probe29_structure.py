"""District files whose structure misled the import (probe29a): two districts' tables stacked on one sheet,
each titled with its district and no district column (T29: every project went to the first title's
district); 计划投资 beside 总投资 in a report whose year only the sheet's name gives (T22: the year's plans
were dropped as a second total); full-width digits counted as traditional characters. Real .xlsx files
written by openpyxl, imported through the service, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
GAOYAO = [
    [1, "高要智能家居项目", "甲公司", 10000, 3000, 200, 1500],
    [2, "高要涂料树脂项目", "乙公司", 20000, 6000, 500, 4000],
    [3, "高要储能系统项目", "丙公司", 5000, 1000, 100, 800],
]
SIHUI = [
    [1, "四会氢能装备项目", "丁公司", 8000, 2000, 300, 1200],
    [2, "四会五金卫浴项目", "戊公司", 12000, 5000, 400, 2500],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _table(title: str, projects: list[list], top: int, two_rows: bool) -> tuple[list[list], list[str]]:
    """A district's table from row ``top``: title, 填报单位/单位 line, header (one row or two), 合计."""
    if two_rows:
        header = [["序号", "项目名称", "建设单位", "总投资", "2025年计划投资", "2025年完成投资", None],
                  [None, None, None, None, None, "10月", "1-10月累计"]]  # fmt: skip
        h = top + 2
        merges = [f"{c}{h}:{c}{h + 1}" for c in "ABCDE"] + [f"F{h}:G{h}"]
    else:
        header = [["序号", "项目名称", "建设单位", "总投资", "2025年计划投资", "10月完成投资", "1-10月累计完成投资"]]
        merges = []
    sums = ["合计", None, None, *(sum(p[j] for p in projects) for j in range(3, 7))]
    rows = [[title], ["填报单位：（盖章）", None, None, None, None, "单位：万元"], *header, *projects, sums]
    return rows, [f"A{top}:G{top}", *merges]


def _by_district(ctx: AppContext) -> dict[str, tuple[int, int, int]]:
    """District → (projects, planned investment, 2025 plans), in yuan."""
    out: dict[str, tuple[int, int, int]] = {}
    for p in ctx.projects.all_projects():
        n, planned, plans = out.get(p.district or "", (0, 0, 0))
        year = sum(a.amount for a in ctx.projects.plans(p.id) if a.year == 2025)
        out[p.district or ""] = (n + 1, planned + (p.planned_investment or 0), plans + year)
    return out


@pytest.mark.parametrize("two_rows", [False, True], ids=["one_header_row", "two_header_rows"])
def test_stacked_tables_each_take_their_own_titles_district(
    service: ImportService, ctx: AppContext, tmp_path: Path, two_rows: bool
) -> None:
    """T29: 高要区's table, two blank rows, 四会市's table with its own title; no district column. All
    five projects were stored under 高要区, the first title's."""
    first, m1 = _table("肇庆市高要区2025年1-10月重点项目进展情况表", GAOYAO, 1, two_rows)
    top = len(first) + 3
    second, m2 = _table("肇庆市四会市2025年1-10月重点项目进展情况表", SIHUI, top, two_rows)
    path = write_workbook(tmp_path / "stacked.xlsx", SheetSpec("Sheet1", [*first, [], [], *second], [*m1, *m2]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5, result.problems
    assert _by_district(ctx) == {
        "高要区": (3, 350_000_000, 100_000_000),  # 10000+20000+5000 万; plans 3000+6000+1000 万
        "四会市": (2, 200_000_000, 70_000_000),  # 8000+12000 万; plans 2000+5000 万
    }
    sihui = {p.id for p in ctx.projects.all_projects() if p.district == "四会市"}
    ytd = sum(r.amount for pid in sihui for r in ctx.projects.investment(pid))
    assert ytd == 37_000_000  # 1-10月累计 1200+2500 万
    (note,) = [n for n in result.notes if n.code == "note_district_blocks"]
    data = 4 + (1 if two_rows else 0)  # the first project's row: under title, 单位 line, header
    second_data = top + 3 + (1 if two_rows else 0)
    blocks = f"高要区: {data}–{data + 2}; 四会市: {second_data}–{second_data + 1}"
    assert note.params["blocks"] == blocks, note.params
    assert not [n for n in result.notes if n.code == "note_district_from"]


def test_a_second_title_unmerged_among_the_rows_starts_its_districts_rows(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The second table's title typed in A without a merge right under the first table, no header again:
    it was read as a row continuing the project above, and 四会市's projects went to 高要区."""
    first, merges = _table("肇庆市高要区2025年1-10月重点项目进展情况表", GAOYAO, 1, False)
    rows = [*first, ["肇庆市四会市2025年1-10月重点项目进展情况表"], *SIHUI]
    path = write_workbook(tmp_path / "t.xlsx", SheetSpec("Sheet1", rows, merges))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5, result.problems
    assert {d: v[0] for d, v in _by_district(ctx).items()} == {"高要区": 3, "四会市": 2}


def test_one_titled_table_keeps_its_titles_district(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows, merges = _table("肇庆市高要区2025年1-10月重点项目进展情况表", GAOYAO, 1, True)
    path = write_workbook(tmp_path / "one.xlsx", SheetSpec("Sheet1", rows, merges))
    result = service.import_file(path, ImportOptions())
    assert result.ok and _by_district(ctx) == {"高要区": (3, 350_000_000, 100_000_000)}
    (note,) = [n for n in result.notes if n.code == "note_district_from"]
    assert note.params["district"] == "高要区"
    assert not [n for n in result.notes if n.code == "note_district_blocks"]


def test_two_districts_titled_over_one_table_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Titles naming 高要区 and 四会市 over one table without a district column: whose rows are whose is not
    said — asked, nothing stored (was: every row 高要区's)."""
    rows, _m = _table("肇庆市高要区2025年1-10月重点项目进展情况表", GAOYAO + SIHUI, 2, False)
    rows = [["肇庆市四会市2025年1-10月重点项目进展情况表"], *rows]
    result = service.import_file(write_workbook(tmp_path / "two.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert [p.problem.code for p in result.problems] == ["district_titles_differ"]
    assert "四会市、高要区" in result.problems[0].reason("en") and not result.written
    assert ctx.projects.all_projects() == []


def _report(tmp_path: Path, plans: list[int]) -> Path:
    """T22: year only in the sheet's name; 总投资 | 计划投资 | 完成投资 › 10月 | 1-10月累计."""
    rows = [
        ["肇庆市鼎湖区重点项目进展情况表"],
        ["单位：万元"],
        ["序号", "项目名称", "建设单位", "总投资", "计划投资", "完成投资", None],
        [None, None, None, None, None, "10月", "1-10月累计"],
        [1, "鼎湖包装项目", "甲公司", 20000, plans[0], 300, 2500],
        [2, "鼎湖五金项目", "乙公司", 15000, plans[1], 200, 1800],
        [3, "鼎湖陶瓷项目", "丙公司", 9000, plans[2], 100, 700],
    ]
    merges = ["A1:G1", *(f"{c}3:{c}4" for c in "ABCDE"), "F3:G3"]
    return write_workbook(tmp_path / "report.xlsx", SheetSpec("2025年1-10月", rows, merges))


def test_plan_beside_the_total_in_a_years_report_is_the_years_plan(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """计划投资 was dropped as 'another column holds the same field': the 2025 plans stored 0."""
    result = service.import_file(_report(tmp_path, [6000, 4500, 9000]), ImportOptions())
    assert result.ok and result.added == 3, result.problems
    stored = {p.name: (p.planned_investment, [(a.year, a.amount) for a in ctx.projects.plans(p.id)])
              for p in ctx.projects.all_projects()}  # fmt: skip
    assert stored == {
        "鼎湖包装项目": (200_000_000, [(2025, 60_000_000)]),  # 20000 万 total, 6000 万 for 2025
        "鼎湖五金项目": (150_000_000, [(2025, 45_000_000)]),
        "鼎湖陶瓷项目": (90_000_000, [(2025, 90_000_000)]),  # plan = total in one row: still the year's plan
    }
    (note,) = [n for n in result.notes if n.code == "note_plan_of_year"]
    assert note.params["column"] == "E" and note.params["year"] == 2025
    assert "read as the plan for 2025" in note.message("en")


def test_plan_equal_to_the_total_in_every_row_stays_the_total(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """计划投资 20000 | 15000 | 9000 beside 总投资 20000 | 15000 | 9000: the total again, not read (as before)."""
    result = service.import_file(_report(tmp_path, [20000, 15000, 9000]), ImportOptions())
    assert result.ok and result.added == 3, result.problems
    assert all(ctx.projects.plans(p.id) == [] for p in ctx.projects.all_projects())
    assert not [n for n in result.notes if n.code == "note_plan_of_year"]
    ignored = [n for n in result.notes if n.code == "note_ignored_column"]
    assert [n.params["column"] for n in ignored] == ["E"]


def test_full_width_digits_are_not_traditional_characters(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A list in traditional characters with amounts typed in full-width digits and texts repeated: the
    note counted every repeated text and every full-width cell (Xiangzhou: 64 where one cell changed)."""
    rows = [
        ["肇慶市重點項目清單"],  # 1 converted
        ["單位：萬元"],  # 2
        ["序號", "項目名稱", "建設單位", "所在區域", "總投資"],  # 3-7 (5 headers, each traditional)
        [1, "端州包装项目", "甲公司", "端州区", "２００００"],  # simplified texts, full-width digits: none
        [2, "端州五金项目", "乙公司", "端州区", "１５０００"],
        [3, "端州陶瓷項目", "丙公司", "端州区", "９０００"],  # 8: 項
    ]
    result = service.import_file(write_workbook(tmp_path / "fw.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 3, result.problems
    assert sorted(p.planned_investment for p in ctx.projects.all_projects()) == [90_000_000, 150_000_000, 200_000_000]
    (note,) = [n for n in result.notes if n.code == "note_simplified"]
    assert note.params["count"] == 8
