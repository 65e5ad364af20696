"""District files that were imported with exit 0 and wrong figures (probe23: spreadsheet-program
features, periods, scripts and foreign investors), each now read right or asked. Real .xlsx files
written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.money import Unit
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.headers import currency_of, header_candidates
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


ENGLISH = [
    ["Foreign-invested projects in Zhaoqing, Oct 2025"],
    ["No.", "Project", "Investor", "District", "Total investment (USD million)", "Status"],
    [1, "Precision Motor Plant", "Nidec Zhaoqing Co., Ltd.", "Gaoyao District", 25, "Under construction"],
    [2, "Auto Parts Phase II", "Bosch Zhaoqing Co., Ltd.", "Duanzhou District", 12.5, "In production"],
]


@pytest.mark.parametrize("unit", [None, "wan", "yuan"])
def test_usd_million_in_an_english_header_is_never_yuan_whatever_unit_is_said(
    service: ImportService, ctx: AppContext, tmp_path: Path, unit: str | None
) -> None:
    """probe23c E2: "(USD million)" was no currency; the note asked for --unit, and --unit wan stored
    25 USD million as 250,000 yuan."""
    path = write_workbook(tmp_path / "usd.xlsx", SheetSpec("Sheet1", ENGLISH))
    result = service.import_file(path, ImportOptions(unit=Unit(unit) if unit else None))
    assert result.ok and planned(ctx) == {"Precision Motor Plant": None, "Auto Parts Phase II": None}
    (note,) = [n for n in result.notes if n.code == "note_foreign_column"]
    assert "US dollars (USD)" in note.message("en") and "never stores them as yuan" in note.message("en")


def test_usd_million_with_a_rate_is_stored_exactly(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "usd.xlsx", SheetSpec("Sheet1", ENGLISH))
    result = service.import_file(path, ImportOptions(rates={"USD": Decimal("7.10")}))
    assert result.ok, result.problems
    # 25 × 1,000,000 × 7.10 = 177,500,000; 12.5 × 1,000,000 × 7.10 = 88,750,000
    assert planned(ctx) == {"Precision Motor Plant": 177_500_000, "Auto Parts Phase II": 88_750_000}


@pytest.mark.parametrize(
    ("word", "expected"),
    [("USD million", ("USD", 1_000_000)), ("US$ 10k", ("USD", 10_000)), ("HK$ million", ("HKD", 1_000_000)),
     ("US$万", ("USD", 10_000)), ("million USD", ("USD", 1_000_000)), ("HKD'000", ("HKD", 1_000)),
     ("MOP$ 万", ("MOP", 10_000)), ("万元", None), ("RMB million", None)],
)  # fmt: skip
def test_a_currency_code_or_sign_with_a_magnitude_on_either_side(word: str, expected: tuple | None) -> None:
    assert currency_of(word) == expected


def test_total_investment_in_us_dollars_ten_thousands_under_a_wan_line(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23c E14: 总投资（US$万） 2,500 under 单位：万元 was 25,000,000 yuan."""
    rows = [["单位：万元"], ["项目名称", "所在区域", "总投资（US$万）"], ["高要外资电机项目", "高要区", 2500]]
    path = write_workbook(tmp_path / "usd_wan.xlsx", SheetSpec("Sheet1", rows))
    assert service.import_file(path, ImportOptions()).ok and planned(ctx) == {"高要外资电机项目": None}
    result = service.import_file(path, ImportOptions(rates={"USD": Decimal("7.10")}))
    assert result.ok and planned(ctx) == {"高要外资电机项目": 177_500_000}  # 2,500 × 10,000 × 7.10


def test_one_enterprise_whatever_its_case_width_spaces_and_script(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23c W4/W13/M3: "ABC Co., Ltd.", "ABC CO.,LTD" and "abc co., ltd" were three enterprises;
    a re-sent list writing ＡＢＣ Co., Ltd. or 廣東宏達 pointed its project at a new one."""
    head = ["项目名称", "投资主体", "所在区域", "总投资（万元）"]
    first = [
        head,
        ["甲项目", "ABC Co., Ltd.", "端州区", 100],
        ["乙项目", "ABC CO.,LTD", "端州区", 200],
        ["丙项目", "abc co., ltd", "端州区", 300],
        ["丁项目", "广东宏达新材料有限公司", "端州区", 400],
    ]
    result = service.import_file(write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", first)), ImportOptions())
    assert result.ok and sorted(result.new_enterprises) == ["ABC Co., Ltd.", "广东宏达新材料有限公司"]
    again = [head, ["甲项目", "ＡＢＣ Co., Ltd.", "端州区", 100], ["丁项目", "廣東宏達新材料有限公司", "端州区", 400]]
    result = service.import_file(write_workbook(tmp_path / "b.xlsx", SheetSpec("Sheet1", again)), ImportOptions())
    assert result.ok and result.new_enterprises == [] and (result.updated, result.unchanged) == (0, 2)
    abc = "ABC Co., Ltd."
    assert {p.name: p.enterprise for p in ctx.projects.all_projects()} == {
        "甲项目": abc,
        "乙项目": abc,
        "丙项目": abc,
        "丁项目": "广东宏达新材料有限公司",
    }


def test_a_title_of_1_to_10_over_1_to_9_and_october_is_consistent(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23b P34: under a title of 2025年1-10月, 1-9月完成投资 beside 10月完成投资 (last month's year to
    date and this month's own amount: 1-10月 of the two) was refused as a title and header at odds."""
    listed = [["项目名称", "所在区域", "总投资（万元）"], ["甲项目", "高要区", 20000], ["乙项目", "高要区", 12000]]
    assert service.import_file(write_workbook(tmp_path / "list.xlsx", SheetSpec("S", listed)), ImportOptions()).ok
    head = ["序号", "项目名称", "所在区域", "1-9月完成投资（万元）", "10月完成投资（万元）"]
    title = ["高要区2025年1-10月重点项目进展情况表"]
    rows = [[1, "甲项目", "高要区", 7500, 1500], [2, "乙项目", "高要区", 5000, 1000]]
    path = write_workbook(tmp_path / "p34.xlsx", SheetSpec("Sheet1", [title, head, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    records = {
        (p.name, r.first, r.month): r.amount for p in ctx.projects.all_projects() for r in ctx.projects.investment(p.id)
    }
    # 1-9月 7,500万 = 75,000,000 as one figure for January–September; October 1,500万 = 15,000,000
    assert records == {("甲项目", 1, 9): 75_000_000, ("甲项目", 10, 10): 15_000_000,
                       ("乙项目", 1, 9): 50_000_000, ("乙项目", 10, 10): 10_000_000}  # fmt: skip
    head[3] = "1-8月完成投资（万元）"  # 1-8月 beside 10月 under 1-10月: still asked
    result = service.import_file(
        write_workbook(tmp_path / "b.xlsx", SheetSpec("Sheet1", [title, head, *rows])), ImportOptions()
    )
    assert not result.ok and [p.problem.code for p in result.problems][:1] == ["period_conflict"]


@pytest.mark.parametrize("header", ["1至10月完成投资（万元）", "1到10月累计完成投资（万元）", "2025年1至10月完成投资"])
def test_1_to_10_with_a_word_between_is_the_year_to_date_through_october(header: str) -> None:
    """probe23b P03: 1至10月完成投资 was 'not a known column' (一至十月 and 1-10月 were read)."""
    (first, *_rest) = header_candidates(header)
    assert (first.field, first.month) == ("ytd", 10)


def test_the_whole_years_completed_investment_in_a_december_report(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23b A07: a December report's 全年完成投资 (the year's, 1-12月) was 'not a known column'. Under a
    title of 1-10月 the same header is asked, never read as 1-10月."""
    listed = [["项目名称", "所在区域", "总投资（万元）", "1-11月完成投资（万元）"], ["甲项目", "高要区", 20000, 10200]]
    path = write_workbook(tmp_path / "nov.xlsx", SheetSpec("S", [["高要区2025年1-11月重点项目"], *listed]))
    assert service.import_file(path, ImportOptions()).ok
    head = ["项目名称", "所在区域", "全年完成投资（万元）"]
    dec = [["高要区2025年12月重点项目进展情况表"], head, ["甲项目", "高要区", 11500]]
    result = service.import_file(write_workbook(tmp_path / "dec.xlsx", SheetSpec("S", dec)), ImportOptions())
    assert result.ok, result.problems
    (project,) = ctx.projects.all_projects()
    records = {(r.first, r.month): r.amount for r in ctx.projects.investment(project.id)}
    assert records == {(1, 11): 102_000_000, (12, 12): 13_000_000}  # 11,500万 − 10,200万 = 1,300万 in December
    oct_ = [["高要区2025年1-10月重点项目进展情况表"], head, ["甲项目", "高要区", 9000]]
    result = service.import_file(write_workbook(tmp_path / "oct.xlsx", SheetSpec("S", oct_)), ImportOptions())
    assert not result.ok and next(p.problem.code for p in result.problems) == "period_conflict"


def test_rows_a_currency_column_names_are_converted_at_the_rates_given(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23c C7r/C8/X8: a 币种 column's HKD and 美元 rows stayed refused with --rate HKD=… USD=… given."""
    rows = [["高要区2025年1-10月重点项目"], ["单位：万元"],
            ["项目名称", "所在区域", "总投资", "1-10月完成投资", "币种"],
            ["内资五金项目", "高要区", 10000, 3000, "人民币"],
            ["港资家具项目", "高要区", 8000, 1000, "港币"],
            ["美资传感器项目", "高要区", 2000, 500, "USD"]]  # fmt: skip
    path = write_workbook(tmp_path / "c7.xlsx", SheetSpec("Sheet1", rows))
    assert not service.import_file(path, ImportOptions()).ok  # no rates: the two rows are asked, as before
    rates = {"HKD": Decimal("0.92"), "USD": Decimal("7.10")}
    result = service.import_file(path, ImportOptions(rates=rates))
    assert result.ok, result.problems
    projects = {p.name: p for p in ctx.projects.all_projects()}
    # 8,000万港币 × 0.92 = 73,600,000 yuan; 2,000万美元 × 7.10 = 142,000,000;
    # 1,000万港币 → 9,200,000; 500万美元 → 35,500,000
    assert {n: p.planned_investment for n, p in projects.items()} == {
        "内资五金项目": 100_000_000, "港资家具项目": 73_600_000, "美资传感器项目": 142_000_000
    }  # fmt: skip
    ytd = {n: sum(r.amount for r in ctx.projects.investment(p.id)) for n, p in projects.items()}
    assert ytd == {"内资五金项目": 30_000_000, "港资家具项目": 9_200_000, "美资传感器项目": 35_500_000}
    foreign = projects["美资传感器项目"].planned_foreign
    assert foreign is not None and (foreign.currency, foreign.amount) == ("USD", 20_000_000)
    (note,) = [n for n in result.notes if n.code == "note_rows_converted"]
    assert note.params["rows"] == "5 HKD × 0.92, 6 USD × 7.10"


def test_a_list_on_a_hidden_sheet_behind_a_visible_pivot_is_named(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23a h10: the list on a hidden sheet and a pivot by status shown: 'no sheet looks like a list',
    not a word of the hidden sheet."""
    wb = openpyxl.Workbook()
    pivot = wb.active
    pivot.title = "汇总"
    for row in (["状态", "个数", "金额"], ["在建", 2, 30000], ["投产", 1, 8000]):
        pivot.append(row)
    detail = wb.create_sheet("明细")
    for row in (["项目名称", "所在区域", "总投资（万元）"], ["甲项目", "高要区", 20000], ["乙项目", "高要区", 10000]):
        detail.append(row)
    detail.sheet_state = "hidden"
    wb.save(tmp_path / "h10.xlsx")
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(tmp_path / "h10.xlsx", ImportOptions())
    assert refused.value.code == "hidden_list_only" and refused.value.problem.params["sheet"] == "明细"
    assert "the list is on the hidden sheet “明细” — to import it, name it with --sheet." in refused.value.message(
        "en", "cli"
    )
    assert service.import_file(tmp_path / "h10.xlsx", ImportOptions(sheets=["明细"])).added == 2


def test_a_1_to_9_sheet_beside_an_october_sheet_of_its_own_months_amounts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe23b M02: a workbook of a 1-9月 sheet (years to date) and a 10月 sheet (October's own amounts)
    was refused as 'disagrees with another sheet of this file' though the two agree: October alone
    says no year to date to disagree with."""
    head = ["项目名称", "所在区域", "总投资（万元）"]
    ytd = [["高要区2025年1-9月重点项目"], [*head, "1-9月完成投资（万元）"], ["甲项目", "高要区", 20000, 7500]]
    october = [["高要区2025年10月重点项目"], [*head, "10月完成投资（万元）"], ["甲项目", "高要区", 20000, 1500]]
    path = write_workbook(tmp_path / "m02.xlsx", SheetSpec("1-9月", ytd), SheetSpec("10月", october))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    (project,) = ctx.projects.all_projects()
    records = {(r.first, r.month): r.amount for r in ctx.projects.investment(project.id)}
    assert records == {(1, 9): 75_000_000, (10, 10): 15_000_000}  # 1-10月: 9,000万


def test_two_sheets_whose_years_to_date_disagree_are_still_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Sheets that do disagree are still asked: 9月 says 3,600 through September where 10月's 4,000
    through October less its 当月 500 says 3,500."""
    head = ["项目名称", "所在区域", "总投资（万元）"]
    sep = [["高要区2025年1-9月重点项目"], [*head, "1-9月完成投资（万元）"], ["甲项目", "高要区", 20000, 3600]]
    oct_ = [["高要区2025年1-10月重点项目"], [*head, "10月完成投资（万元）", "1-10月完成投资（万元）"],
            ["甲项目", "高要区", 20000, 500, 4000]]  # fmt: skip
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("9月", sep), SheetSpec("10月", oct_))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and {p.problem.code for p in result.problems} & {"ytd_other_sheet", "month_ytd_disagree"}
    assert not result.written and ctx.projects.all_projects() == []
