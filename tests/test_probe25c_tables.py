"""Several tables of projects on one sheet (probe25c M1, M2): a table above the header chosen, a second
table under the notes that end the first, a unit line over the second table. None may vanish with exit 0:
read on when it is another table like the first, else refused naming its header and rows. Real .xlsx files
written by openpyxl, imported through the service, both engines; figures worked out by hand in comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
SIGNED = ["序号", "项目名称", "投资方", "产业类别", "所在地", "计划总投资（万元）", "签约时间"]
BUILT = ["序号", "项目名称", "建设单位", "所属行业", "所在地", "计划总投资（万元）", "2025年计划投资（万元）",
         "1-10月完成投资（万元）", "建设状态"]  # fmt: skip
NEW = [[1, "端州区新型储能项目", "储能甲公司", "新能源", "端州区", 80000, "2025-03-15"],
       [2, "端州区医疗器械项目", "医疗乙公司", "生物医药", "端州区", 25000, "2025-06-20"]]  # fmt: skip
GOING = [[1, "端州区智能装备产业园项目", "端甲公司", "装备制造", "端州区", 30000, 10000, 8000, "在建"],
         [2, "端州区电子信息产业项目", "端乙公司", "电子信息", "端州区", 15000, 5000, 4500, "在建"],
         [3, "端州区包装材料项目", "端丙公司", "新材料", "端州区", 6000, 2000, 1900, "在建"]]  # fmt: skip
STARTED = [[1, "端州区光伏组件项目", "光伏公司", "新能源", "端州区", 40000, 12000, 3000, "在建"],
           [2, "端州区锂电材料项目", "锂电公司", "新材料", "端州区", 22000, 6000, 2500, "在建"]]  # fmt: skip
TITLE = ["肇庆市端州区2025年1-10月重点项目进展情况表"]
TITLE_GOING = ["肇庆市端州区2025年1-10月续建项目进展情况表"]
TITLE_STARTED = ["肇庆市端州区2025年1-10月新开工项目进展情况表"]
REPORTER = ["填报单位：端州区", "单位：万元"]
TOTAL_GOING = ["合计", "", "", "", "", 51000, 17000, 14400]  # 30000+15000+6000, 10000+5000+2000, 8000+4500+1900


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def book(tmp_path: Path, name: str, *rows: list) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("端州区", [list(r) for r in rows]))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def only(result: ImportResult, code: str):
    (problem,) = [p for p in result.problems if p.problem.code == code]
    return problem


@pytest.mark.parametrize("sections", [True, False])
def test_a_table_above_a_richer_header_is_refused_not_dropped(
    service: ImportService, ctx: AppContext, tmp_path: Path, sections: bool
) -> None:
    """c20 / c20e: 新签约 (7 columns, rows 5-6) over 续建 (9 columns): the richer lower header was chosen and
    the 2 signed projects (80000 + 25000 万 = 1,050,000,000 yuan) were dropped, exit 0, 3 of 5 stored."""
    first = [["一、新签约项目"]] if sections else [[]]
    second = [["二、续建项目"]] if sections else [[]]
    path = book(tmp_path, "c20", ["肇庆市端州区2025年1-10月重点项目进展情况表"], ["单位：万元"], *first, SIGNED, *NEW,
                [], *second, BUILT, *GOING, TOTAL_GOING)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    problem = only(result, "table_above")
    # title 1, unit 2, section 3, header 4, rows 5-6, blank 7, section 8, the chosen header 9
    assert problem.row == 4 and problem.sheet == "端州区" and not result.written
    reason = problem.reason("en")
    assert "rows 5–6" in reason and "2 project row(s)" in reason and "header is row 9" in reason
    assert "项目名称" in reason and "on a sheet of its own" in reason
    assert planned(ctx) == {}


def test_three_stacked_tables_name_the_one_above(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """c20h: 新签约 (rows 5-6) over 新开工 and 续建 under the same 9-column header: the two lower ones are one
    table (its header again at row 13), the signed one above is named, nothing stored."""
    path = book(tmp_path, "c20h", TITLE, ["单位：万元"], ["一、新签约项目"], SIGNED, *NEW, [], ["二、新开工项目"],
                BUILT, STARTED[0], [], ["三、续建项目"], BUILT, *GOING)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert only(result, "table_above").row == 4 and not result.written and planned(ctx) == {}


@pytest.mark.parametrize("gap", [True, False])
def test_a_second_titled_table_with_the_same_header_is_read(
    service: ImportService, ctx: AppContext, tmp_path: Path, gap: bool
) -> None:
    """c26 / c26f: the 新开工 table under its own title and 填报单位 / 单位 line was "the notes under the table"
    — its 2 projects dropped. The same header: read as more rows of the same kind."""
    blank = [[], []] if gap else []
    total = ["合计", "", "", "", "", 62000, 18000, 5500]  # 40000+22000, 12000+6000, 3000+2500
    path = book(tmp_path, "c26", TITLE_GOING, REPORTER, BUILT, *GOING, TOTAL_GOING, *blank, TITLE_STARTED, REPORTER,
                BUILT, *STARTED, total)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and not result.problems
    stored = planned(ctx)
    assert (
        len(stored) == 5 and stored["端州区光伏组件项目"] == 40000 * WAN and stored["端州区锂电材料项目"] == 22000 * WAN
    )
    assert sum(v or 0 for v in stored.values()) == 1_130_000_000  # 30000+15000+6000+40000+22000 = 113000 万
    assert not [n for n in result.notes if n.code == "note_notes_from"]
    ytd = {p.name: r.amount for p in ctx.projects.all_projects() for r in ctx.projects.investment(p.id)}
    assert ytd["端州区锂电材料项目"] == 2500 * WAN  # its 1-10月完成投资


def test_a_second_table_in_another_unit_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The second table's 单位 line says 亿元 (4, 2.2): read in the first's 万元 they would be 40,000 yuan."""
    yi = [[1, "端州区光伏组件项目", "光伏公司", "新能源", "端州区", 4, 1.2, 0.3, "在建"],
          [2, "端州区锂电材料项目", "锂电公司", "新材料", "端州区", 2.2, 0.6, 0.25, "在建"]]  # fmt: skip
    path = book(tmp_path, "c26u", TITLE_GOING, REPORTER, BUILT, *GOING, TOTAL_GOING, [], TITLE_STARTED,
                ["填报单位：端州区", "单位：亿元"], BUILT, *yi)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    problem = only(result, "unit_changes")
    assert problem.row == 10 and "亿元" in problem.value and not result.written and planned(ctx) == {}


def test_an_appendix_of_leads_under_the_notes_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """c24: 备注 and 填表人 lines, then 附表 of 2 leads (60000 + 20000 万) under another header: they were
    "the notes under the table, from row 8 on" — 3 of 5 stored, exit 0."""
    path = book(tmp_path, "c24", ["肇庆市端州区2025年1-10月重点项目进展情况表"], ["填报单位：", "单位：万元"], BUILT,
                *GOING, TOTAL_GOING, ["备注：完成投资数据来源于统计部门。"], ["填表人：张三        审核人：李四"], [],
                ["附表：端州区2025年新增储备（在谈）项目"],
                ["序号", "项目名称", "投资方", "产业类别", "计划总投资（万元）", "项目状态"],
                [1, "端州区氢能装备项目", "氢能公司", "新能源", 60000, "在谈"],
                [2, "端州区铝型材深加工项目", "铝业公司", "金属加工", 20000, "洽谈"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    problem = only(result, "table_below")
    assert problem.row == 12 and not result.written and planned(ctx) == {}
    reason = problem.reason("en")
    assert "rows 13–14" in reason and "2 project row(s)" in reason and "header is row 3" in reason


@pytest.mark.parametrize("month", ["1-9月", "1-10月"])
def test_an_older_copy_of_the_table_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, month: str
) -> None:
    """c25b: the table pasted again under its title and 填报单位 line, with 14000 万 where the first has 15000
    (September's figures). Under a 1-9月 header another table; under the same header the same projects
    with other figures. Either way asked, naming rows 11-13 (title 8, 填报单位 9, header 10), never notes."""
    header = [*BUILT[:7], f"{month}完成投资（万元）", "建设状态"]
    older = [list(r) for r in GOING]
    older[0][7] = 7000
    path = book(tmp_path, "c25b", ["肇庆市端州区2025年1-10月重点项目进展情况表"], ["填报单位：", "单位：万元"], BUILT,
                *GOING, [], ["肇庆市端州区2025年1-9月重点项目进展情况表"], ["填报单位：", "单位：万元"], header,
                *older)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    problem = only(result, "table_below" if month == "1-9月" else "table_again")
    assert problem.row == 10 and "rows 11–13" in problem.reason("en") and not result.written and planned(ctx) == {}


def test_the_table_pasted_twice_is_read_once_and_said(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """c25: the same rows under the same header again: 3 projects (51000 万), said, not 6 or a question."""
    path = book(tmp_path, "c25", ["肇庆市端州区2025年1-10月重点项目进展情况表"], ["填报单位：", "单位：万元"], BUILT,
                *GOING, [], ["肇庆市端州区2025年1-10月重点项目进展情况表"], ["填报单位：", "单位：万元"], BUILT,
                *GOING)  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and sum(v or 0 for v in planned(ctx).values()) == 510_000_000 and len(planned(ctx)) == 3
    (note,) = [n for n in result.notes if n.code == "note_table_copy"]
    assert "row 10" in note.message("en") and "rows 11–13" in note.message("en")  # title 8, 填报单位 9


def test_a_unit_line_over_the_list_governs_it(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """c20d / c20i: 单位：万元 over a summary block, then 单位：亿元 right over the list: the list is in 亿元
    (3 亿 = 300,000,000 yuan), not in the first line's 万元 (30,000 yuan, refused as implausible)."""
    path = book(tmp_path, "unit", ["肇庆市端州区2025年重点项目情况表"], ["单位：万元"], ["项目状态", "个数", "总投资"],
                ["在建", 3, 51000], [], ["单位：亿元"], ["序号", "项目名称", "建设单位", "计划总投资"],
                [1, "端州区智能装备产业园项目", "端甲公司", 3], [2, "端州区电子信息产业项目", "端乙公司", 1.5],
                [3, "端州区包装材料项目", "端丙公司", 0.6])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert planned(ctx) == {"端州区智能装备产业园项目": 300_000_000, "端州区电子信息产业项目": 150_000_000,
                            "端州区包装材料项目": 60_000_000}  # fmt: skip
