"""District files that were imported with exit 0 and wrong figures (probe21: numbers and units,
text fields and periods, workbook structure), each now read right or asked. Real .xlsx files written
by openpyxl, imported through the service, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(tmp_path: Path, name: str, *rows: list, title: str = "鼎湖区2025年重点项目情况表") -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[title], *map(list, rows)]))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def codes(result: ImportResult) -> list[str]:
    return [p.problem.code for p in result.problems]


@pytest.mark.parametrize("unit", ["亿港元", "亿港币", "亿日元", "亿欧元", "万美金", "千万美元"])
def test_a_currency_after_any_magnitude_is_never_yuan(
    service: ImportService, ctx: AppContext, tmp_path: Path, unit: str
) -> None:
    """总投资（亿港元） over a 单位：亿元 line: 2 亿港元 was stored as 200,000,000 yuan (the currency list
    knew 万港元 and 亿美元, not every pairing)."""
    path = sheet(tmp_path, "hkd", ["单位：亿元"], ["项目名称", "建设单位", f"总投资（{unit}）"],
                 ["鼎湖包装项目", "甲公司", 2], ["鼎湖五金项目", "乙公司", 0.5])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and planned(ctx) == {"鼎湖包装项目": None, "鼎湖五金项目": None}
    (note,) = [n for n in result.notes if n.code == "note_foreign_column"]
    assert f"总投资（{unit}）" in note.message("en") and "never stores them as yuan" in note.message("en")


def test_a_rate_reads_hong_kong_dollars_in_hundred_millions(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = sheet(tmp_path, "hkd", ["项目名称", "建设单位", "总投资（亿港元）"], ["鼎湖包装项目", "甲公司", 2])
    result = service.import_file(path, ImportOptions(rates={"HKD": Decimal("0.92")}))
    assert result.ok and planned(ctx) == {"鼎湖包装项目": 184_000_000}  # 2 × 100,000,000 × 0.92


def test_one_row_typed_in_yuan_in_a_wan_list_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """500000000 typed in yuan beside 20000 and 15000 万元: stored as 5万亿元 (5,000,000,000,000 yuan)."""
    path = sheet(tmp_path, "slip", ["单位：万元"], ["项目名称", "建设单位", "总投资"],
                 ["鼎湖包装项目", "甲公司", 500000000], ["鼎湖五金项目", "乙公司", 20000],
                 ["鼎湖陶瓷项目", "丙公司", 15000])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "planned_row_implausible" and problem.row == 4 and not result.written
    assert "25,000 times the middle project" in problem.reason("en")  # 5e12 / (20000 万元 = 2e8)
    assert planned(ctx) == {}
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert planned(ctx) == {"鼎湖五金项目": 200_000_000, "鼎湖陶瓷项目": 150_000_000}


def test_a_mega_project_among_ordinary_ones_stands(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = sheet(tmp_path, "mega", ["单位：亿元"], ["项目名称", "建设单位", "总投资"],
                 ["鼎湖石化基地项目", "甲公司", 600], ["鼎湖五金项目", "乙公司", 2],
                 ["鼎湖陶瓷项目", "丙公司", 1.5])  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok  # 600亿 = 300 × the middle one, under 100亿 × 5,000
    assert planned(ctx)["鼎湖石化基地项目"] == 60_000_000_000


@pytest.mark.parametrize("order", ["plan-first", "total-first"])
def test_total_investment_by_its_name_beside_a_plan(
    service: ImportService, ctx: AppContext, tmp_path: Path, order: str
) -> None:
    """计划投资 (this year's plan, here) before 总投资: the 计划投资 column was taken as the total."""
    head, row = ["计划投资", "总投资"], [1200, 50000]
    if order == "total-first":
        head, row = head[::-1], row[::-1]
    path = sheet(
        tmp_path, "plan", ["单位：万元"], ["项目名称", "建设单位", *head], ["高要金属制品项目", "甲公司", *row]
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and planned(ctx) == {"高要金属制品项目": 500_000_000}


def test_a_stamped_reporter_line_names_the_district(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    reporter = "填报单位（盖章）：肇庆高新区经济发展局　　　　单位：万元"
    path = write_workbook(tmp_path / "d09.xlsx", SheetSpec("Sheet1", [["2025年重点项目情况表"], [reporter],
                          ["项目名称", "建设单位", "计划总投资"], ["大旺电子项目", "甲公司", 20000]]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and [p.district for p in ctx.projects.all_projects()] == ["肇庆高新区"]


def test_a_title_and_a_header_naming_two_years_are_asked(service: ImportService, tmp_path: Path) -> None:
    path = sheet(tmp_path, "years", ["单位：万元"], ["项目名称", "建设单位", "计划总投资", "2025年1-10月完成投资"],
                 ["高要金属制品项目", "甲公司", 20000, 4000],
                 title="肇庆市高要区2024年1-10月重点项目进展情况表")  # fmt: skip
    asked = service.import_file(path, ImportOptions())
    assert codes(asked) == ["period_year_conflict"] and not asked.written
    assert "the title says 2024, but this column's header says 2025" in asked.problems[0].reason("en")
    assert service.import_file(path, ImportOptions(period=(2025, 10))).ok


def test_last_years_report_does_not_roll_back_this_years_fields(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2024's 1-10月 report after 2025's: its figures are 2024's, but planned 30000 → 25000 万元 and the
    stage were written back over what 2025's report said."""
    head = ["项目名称", "建设单位", "计划总投资", "项目状态", "1-10月完成投资"]
    now = sheet(tmp_path, "2025", ["单位：万元"], head, ["高要金属制品项目", "甲公司", 30000, "已投产", 9000],
                title="高要区2025年1-10月重点项目进展情况表")  # fmt: skip
    old = sheet(tmp_path, "2024", ["单位：万元"], head, ["高要金属制品项目", "甲公司", 25000, "在建", 6000],
                title="高要区2024年1-10月重点项目进展情况表")  # fmt: skip
    assert service.import_file(now, ImportOptions()).ok
    result = service.import_file(old, ImportOptions())
    assert result.ok and any(n.code == "note_older_report" for n in result.notes), [n.code for n in result.notes]
    (p,) = ctx.projects.all_projects()
    assert (p.planned_investment, p.status.value) == (300_000_000, "in_production")
    years = sorted((r.year, r.month, r.amount) for r in ctx.projects.investment(p.id))
    assert years == [(2024, 10, 60_000_000), (2025, 10, 90_000_000)]


@pytest.mark.parametrize("renamed", ["年产5万吨鸿达新材料项目", "肇庆市高要区鸿达新材料项目", "鸿达新材料建设项目"])
def test_a_project_renamed_without_a_code_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, renamed: str
) -> None:
    """The same enterprise's project in the same district under a new name: added as a second project,
    its planned investment and year to date counted twice."""
    head = ["项目名称", "建设单位", "所在区域", "计划总投资"]
    oct_ = sheet(tmp_path, "oct", ["单位：万元"], head, ["鸿达新材料项目", "肇庆鸿达新材料有限公司", "高要区", 20000])
    nov = sheet(tmp_path, "nov", ["单位：万元"], head, [renamed, "肇庆鸿达新材料有限公司", "高要区", 20000])
    assert service.import_file(oct_, ImportOptions()).ok
    asked = service.import_file(nov, ImportOptions())
    assert codes(asked) == ["near_name"] and "鸿达新材料项目" in asked.problems[0].reason("en")
    (stored,) = ctx.projects.all_projects()
    linked = service.import_file(nov, ImportOptions(links={("Sheet1", 4): stored.id}))
    assert linked.ok and [p.name for p in ctx.projects.all_projects()] == [renamed]


def test_another_project_of_another_enterprise_is_not_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["项目名称", "建设单位", "所在区域", "计划总投资"]
    oct_ = sheet(tmp_path, "oct", ["单位：万元"], head, ["鸿达新材料项目", "肇庆鸿达新材料有限公司", "高要区", 20000])
    nov = sheet(tmp_path, "nov", ["单位：万元"], head, ["年产5万吨新材料项目", "肇庆华南材料有限公司", "高要区", 8000])
    assert service.import_file(oct_, ImportOptions()).ok
    assert service.import_file(nov, ImportOptions()).added == 1


def test_a_numbering_column_beside_the_city_codes(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """编号 1, 2, 3 beside 项目编码 ZQ2024-0001 and section rows: the numbers were taken as the codes and
    the real codes left out (probe20a M3)."""
    path = sheet(tmp_path, "city", ["单位：万元"], ["编号", "项目编码", "项目名称", "建设单位", "计划总投资"],
                 ["一、高要区", None, None, None, 50000],
                 [1, "ZQ2024-0001", "高要金属制品项目", "甲公司", 20000],
                 [2, "ZQ2024-0002", "高要家具产业园", "乙公司", 30000],
                 ["二、四会市", None, None, None, 25000], [3, "ZQ2024-0003", "四会电子电路项目", "丙公司", 25000],
                 title="肇庆市2024年重点工业项目汇总表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    stored = {p.code: (p.name, p.district) for p in ctx.projects.all_projects()}
    assert stored == {"ZQ2024-0001": ("高要金属制品项目", "高要区"), "ZQ2024-0002": ("高要家具产业园", "高要区"),
                      "ZQ2024-0003": ("四会电子电路项目", "四会市")}  # fmt: skip


HEAD = ["序号", "项目名称", "建设单位", "计划总投资"]


def names_and_total(ctx: AppContext) -> tuple[list[str], int]:
    projects = ctx.projects.all_projects()
    return sorted(p.name for p in projects), sum(p.planned_investment or 0 for p in projects)


def test_a_note_left_of_the_table_beside_a_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The table from column C, "注：红色为新增项目" in A beside its second project: everything from that row
    on was taken for notes under the table (4 projects, 1 stored)."""
    rows = [[None, None, *HEAD], [None, None, 1, "鼎湖包装项目", "甲公司", 20000],
            ["注：红色为新增项目", None, 2, "鼎湖五金项目", "乙公司", 15000],
            [None, None, 3, "鼎湖陶瓷项目", "丙公司", 10000]]  # fmt: skip
    result = service.import_file(sheet(tmp_path, "side", ["单位：万元"], *rows), ImportOptions())
    assert result.ok and names_and_total(ctx) == (["鼎湖五金项目", "鼎湖包装项目", "鼎湖陶瓷项目"], 450_000_000)


def test_group_rows_with_their_place_and_sums(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """端州区（2个项目） | 端州区 | its sums over its projects, the district column filled on it too: the
    group rows were stored as projects, the planned total doubled (no 合计 row to warn)."""
    rows = [["序号", "项目名称", "所在区域", "建设单位", "计划总投资"],
            [None, "端州区（2个项目）", "端州区", None, 30000],
            [1, "端州印刷项目", "端州区", "甲公司", 20000], [2, "端州五金项目", "端州区", "乙公司", 10000],
            [None, "鼎湖区（1个项目）", "鼎湖区", None, 5000],
            [3, "鼎湖包装项目", "鼎湖区", "丙公司", 5000]]  # fmt: skip
    path = sheet(tmp_path, "groups", ["单位：万元"], *rows, title="肇庆市2025年重点项目")
    result = service.import_file(path, ImportOptions())
    assert result.ok and names_and_total(ctx) == (["端州五金项目", "端州印刷项目", "鼎湖包装项目"], 350_000_000)


def test_a_pages_carried_sums_are_no_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [HEAD, [1, "鼎湖包装项目", "甲公司", 20000], [2, "鼎湖五金项目", "乙公司", 15000],
            [None, "承前页", None, 35000], [3, "鼎湖陶瓷项目", "丙公司", 10000]]  # fmt: skip
    result = service.import_file(sheet(tmp_path, "carry", ["单位：万元"], *rows), ImportOptions())
    assert result.ok and names_and_total(ctx)[1] == 450_000_000 and result.added == 3


def test_numbered_notes_under_the_table(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The notes numbered on from the last project (4 投资额单位为万元。): three more Signed projects."""
    rows = [HEAD, [1, "鼎湖包装项目", "甲公司", 20000], [2, "鼎湖五金项目", "乙公司", 15000],
            [3, "投资额单位为万元。"], [4, "统计数据截至2025年10月底。"]]  # fmt: skip
    result = service.import_file(sheet(tmp_path, "notes", ["单位：万元"], *rows), ImportOptions())
    assert result.ok and names_and_total(ctx) == (["鼎湖五金项目", "鼎湖包装项目"], 350_000_000)


def test_a_district_sheet_with_nothing_this_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """封开县's sheet holds 无 under the header, 德庆县's 本月无重点项目: two projects named so."""
    unit = ["单位：万元"]
    sheets = [SheetSpec("高要区", [["高要区2025年重点项目"], unit, HEAD, [1, "高要金属制品项目", "甲公司", 20000]]),
              SheetSpec("封开县", [["封开县2025年重点项目"], unit, HEAD, [1, "无"]]),
              SheetSpec("德庆县", [["德庆县2025年重点项目"], unit, HEAD, [None, "本月无重点项目"]])]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "wu.xlsx", *sheets), ImportOptions())
    assert result.ok and [p.name for p in ctx.projects.all_projects()] == ["高要金属制品项目"]


def test_one_district_written_several_ways(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """端州 | 肇庆市端州区 | 端州区 and 高新区 | 肇庆国家高新区 | 肇庆高新区 in one city list: six districts."""
    rows = [["项目名称", "所在区域", "建设单位", "计划总投资"], ["端州印刷项目", "端州", "甲公司", 100],
            ["端州五金项目", "肇庆市端州区", "乙公司", 100], ["端州食品项目", "端州区", "丙公司", 100],
            ["大旺电子项目", "高新区", "丁公司", 100], ["大旺电池项目", "肇庆国家高新区", "戊公司", 100],
            ["大旺材料项目", "肇庆高新区", "己公司", 100]]  # fmt: skip
    path = sheet(tmp_path, "city", ["单位：万元"], *rows, title="肇庆市2025年重点项目")
    assert service.import_file(path, ImportOptions()).ok
    assert {p.district for p in ctx.projects.all_projects()} == {"端州区", "肇庆高新区"}


def test_a_district_stored_short_keeps_its_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = ["项目名称", "所在区域", "建设单位", "计划总投资"]
    first = sheet(tmp_path, "oct", ["单位：万元"], head, ["端州印刷项目", "端州", "甲公司", 100], title="肇庆市2025年")
    then = sheet(tmp_path, "nov", ["单位：万元"], head, ["端州五金项目", "端州区", "乙公司", 100], title="肇庆市2025年")
    assert service.import_file(first, ImportOptions()).ok
    result = service.import_file(then, ImportOptions())
    assert result.ok and result.new_districts == [] and {p.district for p in ctx.projects.all_projects()} == {"端州"}


def test_a_sheet_named_for_another_district_than_its_title(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Sheet 鼎湖区 under a title copied from the 端州区 sheet, no district column: its projects were stored
    in 端州区 without a word."""
    head = [["单位：万元"], HEAD]
    sheets = [SheetSpec("端州区", [["端州区2025年重点项目"], *head, [1, "端州印刷项目", "甲公司", 100]]),
              SheetSpec("鼎湖区", [["端州区2025年重点项目"], *head, [1, "鼎湖包装项目", "乙公司", 100]])]  # fmt: skip
    path = write_workbook(tmp_path / "two.xlsx", *sheets)
    asked = service.import_file(path, ImportOptions())
    assert codes(asked) == ["district_two_places"] and not asked.written
    assert '--sheet "鼎湖区" --district 鼎湖区' in asked.problems[0].reason("en")
    assert service.import_file(path, ImportOptions(sheets=["鼎湖区"], district="鼎湖区")).ok
    assert [(p.name, p.district) for p in ctx.projects.all_projects()] == [("鼎湖包装项目", "鼎湖区")]


def test_hidden_month_columns_are_said(service: ImportService, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "建设单位", "计划总投资", "1月", "2月", "3月"],
        ["高要金属制品项目", "甲公司", 20000, 100, 200, 300],
    ]
    spec = SheetSpec("Sheet1", [["高要区2025年重点项目"], ["单位：万元"], *rows], hidden=["D", "E"])
    result = service.import_file(write_workbook(tmp_path / "hidden.xlsx", spec), ImportOptions())
    hidden = [n.message("en") for n in result.notes if n.code == "note_hidden_column"]
    assert result.investment_records == 1 and hidden == [
        "Sheet “Sheet1”: hidden column D “1月” was not imported.",
        "Sheet “Sheet1”: hidden column E “2月” was not imported.",
    ]


def test_a_side_tables_header_on_a_projects_row(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """本月新开工项目 at F:H, its header on the first project's row: that project was dropped as a template's
    example row."""
    rows = [[*HEAD, None, "本月新开工项目"],
            [1, "鼎湖包装项目", "甲公司", 20000, None, "序号", "项目名称", "计划总投资"],
            [2, "鼎湖五金项目", "乙公司", 15000, None, 1, "鼎湖五金项目", 15000]]  # fmt: skip
    assert service.import_file(sheet(tmp_path, "side", ["单位：万元"], *rows), ImportOptions()).ok
    assert names_and_total(ctx) == (["鼎湖五金项目", "鼎湖包装项目"], 350_000_000)


def test_a_filled_in_example_under_the_table(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        HEAD,
        [1, "鼎湖包装项目", "甲公司", 20000],
        ["填报示例："],
        ["例", "XX公司年产XX万吨XX项目", "XX公司", 10000],
    ]
    assert service.import_file(sheet(tmp_path, "example", ["单位：万元"], *rows), ImportOptions()).ok
    assert names_and_total(ctx) == (["鼎湖包装项目"], 200_000_000)


def test_months_in_chinese_numerals_in_a_header(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """一至十月完成投资 was "not a known column": the year to date left out."""
    path = sheet(tmp_path, "cn", ["单位：万元"], ["项目名称", "建设单位", "计划总投资", "一至十月完成投资"],
                 ["高要金属制品项目", "甲公司", 20000, 4000], title="高要区2025年重点项目进展情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    (p,) = ctx.projects.all_projects()
    assert result.ok and [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)] == [
        (2025, 1, 10, 40_000_000)
    ]


def test_a_sheet_of_instructions_is_not_read(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """说明: 序号 | 字段 | 填写说明 with 项目名称, 计划总投资 … down its rows. With --skip-invalid its rows were
    stored as projects named 计划总投资 and 建设状态."""
    fields = [["序号", "字段", "填写说明"], [1, "项目名称", "填写项目全称"], [2, "计划总投资", "单位：万元，如50000"],
              [3, "建设状态", "前期/在建/投产"]]  # fmt: skip
    rows = [["高要区2025年重点项目"], ["单位：万元"], HEAD, [1, "高要金属制品项目", "甲公司", 20000]]
    sheets = [SheetSpec("项目表", rows), SheetSpec("说明", fields)]
    path = write_workbook(tmp_path / "book.xlsx", *sheets)
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.ok and [p.name for p in ctx.projects.all_projects()] == ["高要金属制品项目"]


def test_figures_on_the_phases_of_a_project_without_its_own(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The project's row names it; 其中：一期 / 二期 under it carry the planned totals and the stage: stored
    with no planned investment and the phases' figures lost, said only by a 合计 that did not add up."""
    rows = [["序号", "项目名称", "建设单位", "建设状态", "计划总投资"], [1, "肇庆宏达新能源电池项目", "甲公司"],
            [None, "其中：一期", None, "在建", 30000], [None, "其中：二期", None, "前期", 20000],
            [2, "高要金属制品项目", "乙公司", "在建", 12000], [None, "其中：一期", None, None, 12000]]  # fmt: skip
    asked = service.import_file(sheet(tmp_path, "parts", ["单位：万元"], *rows), ImportOptions())
    assert codes(asked) == ["figures_in_parts"] and asked.problems[0].row == 4 and not asked.written
    assert "its 其中 rows under it (row 5 …)" in asked.problems[0].reason("en")


def test_towns_alone_in_a_city_list_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """金利镇, 大沙镇 in a city's list whose title names no county: stored as districts of their own."""
    rows = [["项目名称", "所在区域", "建设单位", "计划总投资"], ["金利五金项目", "金利镇", "甲公司", 100],
            ["大沙纸业项目", "大沙镇", "乙公司", 100], ["端州印刷项目", "端州区", "丙公司", 100]]  # fmt: skip
    path = sheet(tmp_path, "towns", ["单位：万元"], *rows, title="肇庆市2025年重点项目")
    asked = service.import_file(path, ImportOptions())
    assert codes(asked) == ["district_is_town", "district_is_town"] and [p.row for p in asked.problems] == [4, 5]
    assert "“金利镇” is a town, not a district" in asked.problems[0].reason("en")
    titled = sheet(tmp_path, "gaoyao", ["单位：万元"], *rows[:2], title="高要区2025年重点项目")
    assert service.import_file(titled, ImportOptions()).ok  # under a county's title: that county's town
    assert [p.district for p in ctx.projects.all_projects()] == ["高要区"]


def test_since_the_start_below_this_years_figure_is_asked(service: ImportService, tmp_path: Path) -> None:
    rows = [["项目名称", "建设单位", "计划总投资", "1-10月累计完成投资", "自开工累计完成投资"],
            ["高要金属制品项目", "甲公司", 20000, 9000, 5000],
            ["高要家具项目", "乙公司", 20000, 3000, 8000]]  # fmt: skip
    path = sheet(tmp_path, "since", ["单位：万元"], *rows, title="高要区2025年1-10月重点项目进展情况表")
    asked = service.import_file(path, ImportOptions())
    assert codes(asked) == ["since_below_ytd"] and asked.problems[0].row == 4 and asked.problems[0].column == "E"
    said = asked.problems[0].reason("en")
    assert "5,000万元 (¥50,000,000), is below the same row's year to date through month 10, 9,000万元" in said


def test_one_period_said_for_sheets_of_several_months(service: ImportService, tmp_path: Path) -> None:
    """Sheets 9月 and 10月 under titles without a year: --period 2025-10 cannot be 9月's — its 累计 would be
    read as October's."""
    head = ["项目名称", "所在区域", "计划总投资", "累计完成投资"]
    unit = ["单位：万元"]
    sep = [["高要区1-9月重点项目"], unit, head, ["恒通光伏项目", "高要区", 50000, 8500]]
    oct_ = [["高要区1-10月重点项目"], unit, head, ["恒通光伏项目", "高要区", 50000, 9700]]
    sheets = [SheetSpec("9月", sep), SheetSpec("10月", oct_)]
    path = write_workbook(tmp_path / "months.xlsx", *sheets)
    asked = service.import_file(path, ImportOptions(period=(2025, 10)))
    assert "period_said_other_sheet" in codes(asked) and not asked.written
    (problem,) = [p for p in asked.problems if p.problem.code == "period_said_other_sheet"]
    assert problem.sheet == "9月" and '--sheet "9月" --period YYYY-9' in problem.reason("en")
    assert service.import_file(path, ImportOptions(period=(2025, 10), sheets=["10月"])).ok


# probe22: odd cell contents, monthly report variants


@pytest.mark.parametrize("label", ["合\u200b计", "合計", "總計", "小\u200b计"])
def test_a_total_with_an_invisible_mark_or_in_traditional_characters(
    service: ImportService, ctx: AppContext, tmp_path: Path, label: str
) -> None:
    rows = [
        HEAD,
        [1, "鼎湖包装项目", "甲公司", 20000],
        [2, "鼎湖五金项目", "乙公司", 15000],
        [None, label, None, 35000],
    ]
    result = service.import_file(sheet(tmp_path, "total", ["单位：万元"], *rows), ImportOptions())
    assert result.ok and names_and_total(ctx) == (["鼎湖五金项目", "鼎湖包装项目"], 350_000_000)


@pytest.mark.parametrize("cell", ["50000¹", "⑤50000", "50000①"])
def test_a_footnote_mark_beside_an_amount_is_asked(service: ImportService, tmp_path: Path, cell: str) -> None:
    """NFKC makes ¹ a 1 and ① a 1: 50000¹ was stored as 500001 万元."""
    rows = [HEAD, [1, "鼎湖包装项目", "甲公司", cell], [2, "鼎湖五金项目", "乙公司", 15000]]
    asked = service.import_file(sheet(tmp_path, "marks", ["单位：万元"], *rows), ImportOptions())
    assert codes(asked) == ["footnote_in_amount"] and asked.problems[0].row == 4 and not asked.written


def test_a_completion_rate_of_the_months_is_no_amount(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """1-10月完成率（%） before 1-10月完成投资: its 75 was stored as 75万元 and the real column left out."""
    rows = [
        ["项目名称", "建设单位", "计划总投资", "1-10月完成率（%）", "1-10月完成投资"],
        ["高要金属制品项目", "甲公司", 20000, 75, 9000],
    ]
    path = sheet(tmp_path, "rate", ["单位：万元"], *rows, title="高要区2025年1-10月重点项目进展情况表")
    assert service.import_file(path, ImportOptions()).ok
    (p,) = ctx.projects.all_projects()
    assert [(r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(10, 90_000_000)]


@pytest.mark.parametrize(
    ("title", "head", "period"),
    [
        ("高要区2025年1-11月重点项目进展情况表", "本年累计完成投资", (2025, 10)),  # the title names November
        ("高要区2025年1-10月重点项目进展情况表", "本年累计完成投资", (2024, 10)),  # … and 2025
        ("高要区重点项目进展情况表", "1-10月累计完成投资", (2025, 11)),  # the header names October
        ("高要区2025年第二季度重点项目进展情况表", "完成投资", (2025, 6)),  # a quarter: no month's amount
    ],
)
def test_a_period_said_never_overrules_what_the_sheet_says(
    service: ImportService, tmp_path: Path, title: str, head: str, period: tuple[int, int]
) -> None:
    """--period answers a sheet that names no year or month, or two: over a title naming 1-11月 it
    rewrote the stored October's year to date (probe22c M3e)."""
    path = sheet(tmp_path, "said", ["单位：万元"], ["项目名称", "建设单位", "计划总投资", head],
                 ["高要金属制品项目", "甲公司", 20000, 9000], title=title)  # fmt: skip
    asked = service.import_file(path, ImportOptions(period=period))
    assert "period_said_conflict" in codes(asked) and not asked.written


def test_a_new_code_beside_a_vanished_coded_project_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """ZQ-001 split into （一期） ZQ-001-1 and （二期） ZQ-001-2 and gone from the list: both added beside the
    stored ZQ-001, its 50000 万元 counted again (probe22a s10c). A phase whose parent is still listed is new."""
    head = ["项目编号", "项目名称", "建设单位", "所在区域", "计划总投资"]
    sep = sheet(tmp_path, "sep", ["单位：万元"], head,
                ["ZQ-001", "宏达新能源电池项目", "甲公司", "高要区", 50000],
                ["ZQ-002", "金利五金项目", "乙公司", "高要区", 30000])  # fmt: skip
    oct_ = sheet(tmp_path, "oct", ["单位：万元"], head,
                 ["ZQ-001-1", "宏达新能源电池项目（一期）", "甲公司", "高要区", 30000],
                 ["ZQ-001-2", "宏达新能源电池项目（二期）", "甲公司", "高要区", 20000],
                 ["ZQ-002", "金利五金项目", "乙公司", "高要区", 30000])  # fmt: skip
    assert service.import_file(sep, ImportOptions()).ok
    asked = service.import_file(oct_, ImportOptions())
    assert codes(asked) == ["near_name", "near_name"] and not asked.written
    kept = sheet(tmp_path, "kept", ["单位：万元"], head, ["ZQ-001", "宏达新能源电池项目", "甲公司", "高要区", 50000],
                 ["ZQ-003", "宏达新能源电池项目（二期）", "甲公司", "高要区", 20000])  # fmt: skip
    result = service.import_file(kept, ImportOptions())
    assert result.ok and result.added == 1


def test_one_row_typed_in_yi_in_a_wan_list_is_asked(service: ImportService, tmp_path: Path) -> None:
    """1.5 (meaning 亿元) among 20000 and 15000 万元: stored as 15,000 yuan (probe22a s13b)."""
    rows = [
        HEAD,
        [1, "鼎湖包装项目", "甲公司", 20000],
        [2, "鼎湖五金项目", "乙公司", 15000],
        [3, "鼎湖陶瓷项目", "丙公司", 1.5],
    ]
    asked = service.import_file(sheet(tmp_path, "yi", ["单位：万元"], *rows), ImportOptions())
    assert codes(asked) == ["planned_row_tiny"] and asked.problems[0].row == 6
    assert "1.5万元 (15,000 yuan) is 1/10,000 of the middle project" in asked.problems[0].reason("en")


def test_a_line_break_inside_a_district_or_a_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """端州\\n区 was a district 端州 区 of its own; 端州宏达新材料\\n项目 was stored with a space."""
    rows = [["项目名称", "所在区域", "建设单位", "计划总投资"], ["端州宏达新材料\n项目", "端州\n区", "甲公司", 100],
            ["端州印刷项目", "端州区", "乙公司", 100]]  # fmt: skip
    assert service.import_file(sheet(tmp_path, "wrap", ["单位：万元"], *rows, title="肇庆市2025年"), ImportOptions()).ok
    assert {(p.name, p.district) for p in ctx.projects.all_projects()} == {
        ("端州宏达新材料项目", "端州区"),
        ("端州印刷项目", "端州区"),
    }


def test_a_year_to_date_under_a_months_header_beside_since_the_start(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """September stored 1-9月 8000 (自开工 8000); October's 当月完成投资 9000 beside 自开工累计 9000 is the year to
    date under the month's header: stored as October's own 9000, the year came to 17000 (probe22c K2)."""
    head = ["项目名称", "建设单位", "计划总投资", "1-9月累计完成投资", "自开工累计完成投资"]
    sep = sheet(tmp_path, "sep", ["单位：万元"], head, ["高要金属制品项目", "甲公司", 20000, 8000, 8000],
                title="高要区2025年1-9月重点项目进展情况表")  # fmt: skip
    oct_ = sheet(tmp_path, "oct", ["单位：万元"], [*head[:3], "当月完成投资", head[4]],
                 ["高要金属制品项目", "甲公司", 20000, 9000, 9000],
                 title="高要区2025年10月重点项目进展情况表")  # fmt: skip
    assert service.import_file(sep, ImportOptions()).ok
    asked = service.import_file(oct_, ImportOptions())
    assert codes(asked) == ["month_beyond_since_start"] and not asked.written
    assert "9,000万元 (¥90,000,000), with the 8,000万元 (¥80,000,000) stored" in asked.problems[0].reason("en")


def test_the_titles_district_is_said_only_when_a_row_takes_it(service: ImportService, tmp_path: Path) -> None:
    """Every row fills 所在区域: "rows without a district take 高要区 from the title" was said of every file."""
    head = ["项目名称", "所在区域", "建设单位", "计划总投资"]
    full = sheet(tmp_path, "full", ["单位：万元"], head, ["高要金属制品项目", "高要区", "甲公司", 100],
                 title="高要区2025年重点项目")  # fmt: skip
    some = sheet(tmp_path, "some", ["单位：万元"], head, ["高要金属制品项目", None, "甲公司", 100],
                 title="高要区2025年重点项目")  # fmt: skip
    said = [n.code for n in service.import_file(full, ImportOptions(), dry_run=True).notes]
    assert "note_district_from" not in said
    assert "note_district_from" in [n.code for n in service.import_file(some, ImportOptions(), dry_run=True).notes]
