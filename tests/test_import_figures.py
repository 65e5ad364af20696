"""The figures real monthly reports carry, imported (issue 13): 1–X月累计 over three months, 当月
checked against it, 自开工累计, amounts in 万美元 with and without a rate, dates at their precision,
months without a year, 上旬/中旬/下旬, values a spreadsheet program rounded. Real .xlsx files, real
SQLite databases; every expected figure worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.statistics import StatisticsService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def records(ctx: AppContext, code: str) -> list[tuple[int, int, int, int]]:
    """(year, first month, last month, yuan) of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.code == code)
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid)]


def ytd_report(path: Path, month: int, rows: list[tuple[str, str, float]]) -> Path:
    head = ["序号", "项目编号", "项目名称", "所在区域", "计划总投资（万元）", f"1-{month}月累计完成投资（万元）"]
    body = [[i, code, name, "高要区", 5000, ytd] for i, (code, name, ytd) in enumerate(rows, start=1)]
    return write_workbook(path, SheetSpec("月报", [[f"2023年1-{month}月重点项目投资完成情况"], head, *body]))


def test_year_to_date_reports_over_three_months(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    aug = ytd_report(tmp_path / "8.xlsx", 8, [("A-1", "甲项目", 800), ("A-2", "乙项目", 400)])
    result = service.import_file(aug, ImportOptions())
    assert result.ok and result.added == 2 and result.investment_records == 2
    # no month stored before: each figure covers January–August as one record, never spread
    assert records(ctx, "A-1") == [(2023, 1, 8, 8_000_000)]
    sep = ytd_report(tmp_path / "9.xlsx", 9, [("A-1", "甲项目", 900), ("A-2", "乙项目", 450)])
    assert service.import_file(sep, ImportOptions()).investment_records == 2
    # September's own amount: 900 − 800 = 100 万元; 450 − 400 = 50 万元
    assert records(ctx, "A-1") == [(2023, 1, 8, 8_000_000), (2023, 9, 9, 1_000_000)]
    assert records(ctx, "A-2") == [(2023, 1, 8, 4_000_000), (2023, 9, 9, 500_000)]
    oct_ = ytd_report(tmp_path / "10.xlsx", 10, [("A-1", "甲项目", 1000), ("A-2", "乙项目", 440)])
    refused = service.import_file(oct_, ImportOptions())
    (problem,) = refused.problems  # 440 万元 through October is below 450 through September: a problem, not −10
    assert not refused.written and problem.row == 4 and problem.problem.code == "ytd_below_stored"
    assert "4400000" in problem.reason("en").replace(",", "") and "4500000" in problem.reason("en").replace(",", "")
    service.import_file(oct_, ImportOptions(skip_invalid=True))
    assert records(ctx, "A-1")[-1] == (2023, 10, 10, 1_000_000)
    summary = StatisticsService(ctx.database).summary(2023, 10)
    assert summary.completed.total.ytd == 10_000_000 + 4_500_000  # what the districts reported through October
    again = service.import_file(sep, ImportOptions())  # re-importing September changes nothing
    assert (again.investment_records, again.updated, again.added) == (0, 0, 0)


def test_a_month_column_beside_the_year_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = ["项目编号", "项目名称", "所在区域", "项目状态", "当月完成投资（万元）", "1-10月累计完成投资（万元）"]
    rows = [["2023年10月重点项目进展"], head, ["B-1", "丙项目", "高要区", "在建", 100, 1000]]
    service.import_file(write_workbook(tmp_path / "a.xlsx", SheetSpec("S", rows)), ImportOptions())
    # nothing stored before: the month's own amount splits 1–10 into 1–9 (1000 − 100) and October (100)
    assert records(ctx, "B-1") == [(2023, 1, 9, 9_000_000), (2023, 10, 10, 1_000_000)]
    nov = [
        ["2023年11月重点项目进展"],
        ["项目编号", "项目名称", "所在区域", "项目状态", "当月完成投资（万元）", "1-11月累计完成投资（万元）"],
        ["B-1", "丙项目", "高要区", "在建", 300, 1200],
    ]
    result = service.import_file(write_workbook(tmp_path / "b.xlsx", SheetSpec("S", nov)), ImportOptions())
    (problem,) = result.problems  # 1200 − 1000 = 200, not the 300 the 当月 column says
    assert problem.problem.code == "month_disagree_stored" and not result.written  # the stored 1–10月 named
    assert "¥10.00 mn is stored for months 1–10" in problem.reason("en")
    assert (problem.column, problem.value) == ("F", "1,200")  # the cell named shows its own value, as written (万元)


def test_since_start_of_construction(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["截至2023年10月重点项目建设情况"],
        ["项目名称", "所在区域", "计划总投资（万元）", "自开工累计完成投资（万元）"],
        ["丁项目", "四会市", 20000, 5000],
    ]
    service.import_file(write_workbook(tmp_path / "s.xlsx", SheetSpec("S", rows)), ImportOptions())
    (p,) = ctx.projects.all_projects()
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (50_000_000, 2023, 10)
    assert p.since_start_pct == Decimal(25)  # 5000 of 20000 万元


def test_a_total_through_last_year_end_is_no_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A key-project table: 至2022年底累计完成投资 (everything through December 2022) before a two-row
    header 2023年 / 1-10月完成投资. The first is the since-start figure as of 2022-12, the second the
    year to date — taking the first for October's 1–10月 would silently misreport the year."""
    rows = [
        ["2023年重点建设项目1-10月进展情况表"],
        ["单位：万元"],
        ["序号", "项目名称", "所在区域", "总投资", "至2022年底累计完成投资", "2023年", None, None],
        [None, None, None, None, None, "年度计划投资", "1-10月完成投资", "完成年度计划%"],
        [1, "戊项目", "四会市", 60000, 12000, 20000, 18000, "90%"],
    ]
    merges = ["F3:H3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4"]
    result = service.import_file(write_workbook(tmp_path / "k.xlsx", SheetSpec("S", rows, merges)), ImportOptions())
    assert result.ok and result.added == 1
    (p,) = ctx.projects.all_projects()
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (120_000_000, 2022, 12)
    assert [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(2023, 1, 10, 180_000_000)]


def test_this_years_figure_is_a_year_to_date(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """本年完成投资 in a 1-10月 report is the year to date through October (never a month's amount);
    上年同期 is last year's and not imported; 10月完成投资 is October's own amount."""
    rows = [
        ["2023年1-10月重点项目投资完成情况表"],
        ["单位：万元"],
        ["项目名称", "所在区域", "总投资", "10月完成投资", "本年完成投资", "上年同期完成投资"],
        ["己项目", "高要区", 50000, 1000, 9000, 7000],
    ]
    result = service.import_file(write_workbook(tmp_path / "y.xlsx", SheetSpec("10月", rows)), ImportOptions())
    assert result.ok
    (p,) = ctx.projects.all_projects()
    # 9000 through October, of which October 1000: January–September 8000 as one figure
    assert [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)] == [
        (2023, 1, 9, 80_000_000),
        (2023, 10, 10, 10_000_000),
    ]


def test_dollars_with_a_rate_keep_the_original(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "所在区域", "投资总额（万美元）", "合同外资额（万美元）"],
        ["外资项目", "高要区", 1234.5678, 100],
    ]
    path = write_workbook(tmp_path / "usd.xlsx", SheetSpec("S", rows))
    service.import_file(path, ImportOptions())
    assert ctx.projects.all_projects()[0].planned_investment is None  # no rate: never read as yuan
    result = service.import_file(path, ImportOptions(rates={"USD": Decimal("7.1")}))
    (p,) = ctx.projects.all_projects()
    # 1234.5678 万美元 = 12,345,678 dollars × 7.1 = 87,654,313.8 yuan, rounded half-up: 87,654,314
    assert p.planned_investment == 87_654_314
    assert p.planned_foreign.currency == "USD" and p.planned_foreign.amount == Decimal(12_345_678)
    assert p.planned_foreign.rate == Decimal("7.1")
    assert "note_converted" in {n.code for n in result.notes}


def test_dollars_beside_the_same_figure_in_yuan_are_said_to_be_read_from_it(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["项目名称", "所在区域", "总投资（万元）", "总投资（万美元）"], ["外资项目", "高要区", 7100, 1000]]
    path = write_workbook(tmp_path / "both.xlsx", SheetSpec("S", rows))
    for rates in ({}, {"USD": Decimal("7.1")}):  # a rate changes nothing: the figure comes from column C
        result = service.import_file(path, ImportOptions(rates=rates))
        (note,) = [n for n in result.notes if n.code.startswith("note_foreign")]
        assert note.code == "note_foreign_duplicate"
        assert "column C “总投资（万元）” gives the same figure in yuan" in note.message("en")
        assert "--rate" not in note.message("en") and "C 列“总投资（万元）”以人民币给出" in note.message("zh")
        assert ctx.projects.all_projects()[0].planned_investment == 71_000_000


def test_dates_at_their_precision_and_construction_periods(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [
        ["项目名称", "签约时间", "开工时间", "建设起止年限"],
        ["戊项目", "2023年二季度", None, "2024-2026"],
        ["己项目", "2023.10", "2024年", None],
    ]
    path = write_workbook(tmp_path / "d.xlsx", SheetSpec("S", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok
    p = {x.name: x for x in ctx.projects.all_projects()}
    e, f = p["戊项目"], p["己项目"]
    assert (e.signed_on, e.signed_on_precision) == (date(2023, 4, 1), DatePrecision.QUARTER)
    assert (e.construction_start_on, e.construction_start_on_precision) == (date(2024, 1, 1), DatePrecision.YEAR)
    assert (e.production_on, e.production_on_precision) == (date(2026, 1, 1), DatePrecision.YEAR)
    assert (f.signed_on, f.signed_on_precision) == (date(2023, 10, 1), DatePrecision.MONTH)
    assert (f.construction_start_on, f.construction_start_on_precision) == (date(2024, 1, 1), DatePrecision.YEAR)
    again = service.import_file(path, ImportOptions())
    assert (again.updated, again.unchanged) == (0, 2)


def test_months_without_a_year_take_the_workbooks(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    projects = SheetSpec(
        "项目", [["2023年重点项目清单"], ["项目编号", "项目名称", "所在区域"], ["C-1", "庚项目", "鼎湖区"]]
    )
    months = SheetSpec("完成投资", [["项目编号", "8月", "9月"], ["C-1", 10, 20]])  # no year on this sheet
    path = write_workbook(tmp_path / "m.xlsx", projects, months)
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    assert result.ok, [p.reason() for p in result.problems]
    assert records(ctx, "C-1") == [(2023, 8, 8, 100_000), (2023, 9, 9, 200_000)]  # the year of the other sheet


def test_ten_day_columns_under_a_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["2023年重点项目旬报"],
        ["项目编号", "项目名称", "项目状态", "10月", None, None, None],
        [None, None, None, "上旬", "中旬", "下旬", "累计"],
        ["D-1", "辛项目", "在建", 10, 20, 30, 60],
    ]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows, merges=["D2:G2", "A2:A3", "B2:B3", "C2:C3"]))
    result = service.import_file(path, ImportOptions(unit=Unit.WAN))
    assert result.ok, [p.reason() for p in result.problems]
    assert records(ctx, "D-1") == [(2023, 10, 10, 600_000)]  # the month is its 累计, not 上旬+中旬+下旬+累计


def test_a_rounded_amount_is_listed_apart_not_written(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    exact = [["项目编号", "项目名称", "计划总投资（元）"], ["E-1", "壬项目", 1_234_567_891]]
    service.import_file(write_workbook(tmp_path / "e.xlsx", SheetSpec("S", exact)), ImportOptions())
    shown = [["项目编号", "项目名称", "计划总投资（亿元）"], ["E-1", "壬项目", 12.35]]  # what a CSV "as shown" keeps
    result = service.import_file(write_workbook(tmp_path / "r.xlsx", SheetSpec("S", shown)), ImportOptions())
    assert (result.updated, result.unchanged) == (0, 1)
    assert ctx.projects.all_projects()[0].planned_investment == 1_234_567_891
    assert result.rounded == [{"sheet": "S", "row": 2, "field": "planned_investment", "stored": 1_234_567_891,
                               "file": 1_235_000_000, "decimals_shown": 2}]  # fmt: skip
    real = [["项目编号", "项目名称", "计划总投资（亿元）"], ["E-1", "壬项目", 12.5]]  # a real change is one
    assert service.import_file(write_workbook(tmp_path / "c.xlsx", SheetSpec("S", real)), ImportOptions()).updated == 1


def test_a_rounded_monthly_amount_is_listed_apart(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    exact = [
        ["2023年完成投资"],
        ["项目编号", "项目名称", "所在区域", "项目状态", "9月（元）"],
        ["F-1", "癸项目", "端州区", "在建", 1_234_567],
    ]
    service.import_file(write_workbook(tmp_path / "e.xlsx", SheetSpec("S", exact)), ImportOptions())
    shown = [["2023年完成投资"], ["项目编号", "9月（万元）"], ["F-1", 123.46]]  # 1,234,567 yuan shown in 万元
    result = service.import_file(write_workbook(tmp_path / "r.xlsx", SheetSpec("S", shown)), ImportOptions())
    assert result.investment_records == 0 and records(ctx, "F-1") == [(2023, 9, 9, 1_234_567)]
    assert [r["field"] for r in result.rounded] == ["2023-09"] and result.rounded[0]["decimals_shown"] == 2


def test_a_typed_amount_in_a_column_showing_more_decimals_is_a_change(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe33b F1: our export shows every digit (12.34567891亿); a user types 1.2 over 1.23456789 in one
    row. 1.2 is the stored amount rounded to one decimal, but the column shows eight elsewhere: no
    spreadsheet program rounded this cell, the user changed it — written, not listed apart. Likewise
    a month typed 0.12 over 0.1234 in a sheet whose other months show four decimals. A column whose
    values all show two decimals (a CSV "as shown") is still rounding (the test above)."""
    exact = [
        ["2023年完成投资"],
        ["项目编号", "项目名称", "所在区域", "计划总投资（元）", "9月（元）"],
        ["G-1", "甲一项目", "端州区", 123_456_789, 12_340_000],
        ["G-2", "甲二项目", "端州区", 1_234_567_891, 56_780_000],
    ]
    service.import_file(write_workbook(tmp_path / "e.xlsx", SheetSpec("S", exact)), ImportOptions())
    typed = [
        ["2023年完成投资"],
        ["项目编号", "项目名称", "计划总投资（亿元）", "9月（亿元）"],
        ["G-1", "甲一项目", 1.2, 0.12],  # typed over 1.23456789 and 0.1234
        ["G-2", "甲二项目", 12.34567891, 0.5678],  # as exported: eight and four decimals
    ]
    result = service.import_file(write_workbook(tmp_path / "t.xlsx", SheetSpec("S", typed)), ImportOptions())
    assert result.ok and result.rounded == [], result.rounded
    planned = {p.code: p.planned_investment for p in ctx.projects.all_projects()}
    assert planned == {"G-1": 120_000_000, "G-2": 1_234_567_891}
    assert records(ctx, "G-1") == [(2023, 9, 9, 12_000_000)] and records(ctx, "G-2") == [(2023, 9, 9, 56_780_000)]


def test_one_typed_value_does_not_unmask_a_column_rounded_as_shown(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe34a D1/D3: stored 1,234.5678 / 2,345.6789 / 3,000 / 4,567.8912万; a CSV "as shown" at two
    decimals comes back with D-3 typed 3,100.125 (a change). The other three are the stored amounts
    rounded to two decimals: listed apart, not written — the typed value's three decimals say nothing
    of the column (no unchanged amount in it shows more than two). Beside them, 2,345.679 (the stored
    amount rounded to three) is rounding too."""
    head = ["项目代码", "项目名称", "所属县区", "总投资（万元）"]
    names = {"D-1": "端州宏达新材料项目", "D-2": "鼎湖光伏项目", "D-3": "四会物流园项目", "D-4": "高要金属制品项目"}
    stored = {"D-1": 1234.5678, "D-2": 2345.6789, "D-3": 3000, "D-4": 4567.8912}
    rows = [[c, names[c], "端州区", v] for c, v in stored.items()]
    assert service.import_file(write_workbook(tmp_path / "d0.xlsx", SheetSpec("S", [head, *rows])), ImportOptions()).ok

    def csv(name: str, values: dict[str, str]) -> Path:
        path = tmp_path / name
        lines = [",".join(head), *(f"{c},{names[c]},端州区,{values[c]}" for c in stored)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        return path

    three = csv("d3.csv", {"D-1": "1234.57", "D-2": "2345.679", "D-3": "3000.00", "D-4": "4567.89"})
    result = service.import_file(three, ImportOptions(), dry_run=True)
    assert result.ok and result.updated == 0 and len(result.rounded) == 3
    shown = csv("d1.csv", {"D-1": "1234.57", "D-2": "2345.68", "D-3": "3100.125", "D-4": "4567.89"})
    result = service.import_file(shown, ImportOptions())
    assert result.ok and result.updated == 1 and sorted(r["row"] for r in result.rounded) == [2, 3, 5]
    planned = {p.code: p.planned_investment for p in ctx.projects.all_projects()}
    assert planned == {"D-1": 12_345_678, "D-2": 23_456_789, "D-3": 31_001_250, "D-4": 45_678_912}


def month_sheet(month: int, rows: list[tuple[str, float, float]]) -> SheetSpec:
    """A district's monthly sheet: 当月 and 1–X月累计 of each project (万元)."""
    head = ["序号", "项目编号", "项目名称", "所在区域", "总投资", "当月完成投资", f"1-{month}月累计完成投资"]
    body = [[i, code, f"项目{code}", "高要区", 9000, own, ytd] for i, (code, own, ytd) in enumerate(rows, start=1)]
    return SheetSpec(f"{month}月", [[f"高要区2023年1-{month}月重点项目进展（单位：万元）"], head, *body])


def test_a_workbook_with_a_sheet_per_month_imports_in_one_step(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    # 9月: A-1 through September 3500 of which September 400 → 1–8月 3100 and 9月 400; 10月: 4000 through
    # October, October's own 500 (4000 − 3500, agreeing with its 当月) — as importing the sheets one by one
    path = write_workbook(tmp_path / "months.xlsx", month_sheet(9, [("A-1", 400, 3500)]),
                          month_sheet(10, [("A-1", 500, 4000)]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert records(ctx, "A-1") == [(2023, 1, 8, 31_000_000), (2023, 9, 9, 4_000_000), (2023, 10, 10, 5_000_000)]
    assert StatisticsService(ctx.database).summary(2023, 10).completed.total.ytd == 40_000_000
    assert service.import_file(path, ImportOptions()).investment_records == 0  # again: nothing changes
    # October's 当月 that disagrees with the difference from September's sheet is its row's problem
    bad = write_workbook(tmp_path / "bad.xlsx", month_sheet(9, [("B-1", 400, 3500)]),
                         month_sheet(10, [("B-1", 600, 4000)]))  # fmt: skip
    refused = service.import_file(bad, ImportOptions())
    assert not refused.written and [p.problem.code for p in refused.problems] == ["month_ytd_disagree"]


def test_month_sheets_newest_first_import_the_same_and_disagreeing_sheets_are_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_workbook(tmp_path / "months.xlsx", month_sheet(10, [("A-1", 500, 4000)]),
                          month_sheet(9, [("A-1", 400, 3500)]))  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "A-1") == [(2023, 1, 8, 31_000_000), (2023, 9, 9, 4_000_000), (2023, 10, 10, 5_000_000)]
    # 10月 says 4000 through October of which 500 in October: 3500 through September; 9月 says 3600 — the
    # sheets disagree (forward, 9月 first, the same file is October's 当月 disagreeing with its difference)
    path = write_workbook(tmp_path / "bad.xlsx", month_sheet(10, [("B-1", 500, 4000)]),
                          month_sheet(9, [("B-1", 400, 3600)]))  # fmt: skip
    refused = service.import_file(path, ImportOptions())
    assert not refused.written and "B-1" not in {p.code for p in ctx.projects.all_projects()}
    (problem,) = refused.problems  # the sheets are taken oldest first, whatever their order in the file
    assert problem.problem.code == "month_ytd_disagree" and problem.sheet == "10月" and problem.row == 3


def test_month_sheets_newest_first_without_the_months_own_amounts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """10月 | 9月 | 8月 sheets of years to date alone (no 当月): October's sheet first derived January–
    October as one figure, and September's was then refused as disagreeing (probe s36)."""
    head = ["序号", "项目编号", "项目名称", "计划总投资（万元）"]
    sheets = [
        SheetSpec(f"{m}月", [[f"德庆县2026年1-{m}月重点项目"], [*head, f"1-{m}月累计完成投资（万元）"],
                             [1, "DQ71", "德庆甲项目", 10000, ytd]])
        for m, ytd in ((10, 2600), (9, 2000), (8, 1500))
    ]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "months.xlsx", *sheets), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert records(ctx, "DQ71") == [(2026, 1, 8, 15_000_000), (2026, 9, 9, 5_000_000), (2026, 10, 10, 6_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_views"]
    assert note.params["count"] == 1  # one project on three sheets (was: 2, the rows repeating it)
