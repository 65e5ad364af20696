"""Columns of a monthly report that a probe of month-to-month sequences found misread: two year-to-date
columns (1-10月 beside 1-11月, 2025年 beside 2026年), 截至上月累计 beside 本年累计, 今年/去年1-11月累计,
截至上年底累计 before 自开工累计 — each kept for what it is, the leftmost no longer winning. Real .xlsx
files through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(path: Path, title: str, head: list, *rows: list) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [[title], ["项目编号", "项目名称", "计划总投资（万元）", *head],
                                                      *map(list, rows)]))  # fmt: skip


def records(ctx: AppContext, code: str) -> dict[tuple[int, int, int], int]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.code == code)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def september(service: ImportService, tmp_path: Path) -> None:
    path = report(tmp_path / "09.xlsx", "四会市2026年1-9月重点项目", ["1-9月累计完成投资（万元）"],
                  ["SH31", "四会五金产业园", 20000, 3000])  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok


def test_last_months_year_to_date_beside_this_months(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """1-10月累计 | 1-11月累计 | 11月完成: the 1-11月 column was dropped (the leftmost kept) and November
    lost; both are read — October's restated figure revises October — and 11月 agrees with them."""
    september(service, tmp_path)
    head = ["1-10月累计完成投资（万元）", "1-11月累计完成投资（万元）", "11月完成投资（万元）"]
    row = ["SH31", "四会五金产业园", 20000, 3400, 3900, 500]
    path = report(tmp_path / "11.xlsx", "四会市2026年重点项目", head, row)
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, "SH31") == {(2026, 1, 9): 3000 * WAN, (2026, 10, 10): 400 * WAN, (2026, 11, 11): 500 * WAN}


def test_two_years_side_by_side(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """2025年1-9月 | 2026年1-9月: this year's was dropped when last year's came first."""
    head = ["2025年1-9月完成投资（万元）", "2026年1-9月完成投资（万元）", "同比增长%"]
    row = ["SH31", "四会五金产业园", 20000, 2000, 2600, 30]
    path = report(tmp_path / "09.xlsx", "四会市2026年9月重点项目", head, row)
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31")[(2026, 1, 9)] == 2600 * WAN


@pytest.mark.parametrize(
    "head",
    [
        ["截至上月累计完成投资（万元）", "本年累计完成投资（万元）"],
        ["去年1-11月累计（万元）", "今年1-11月累计（万元）"],
    ],
)
def test_the_year_to_date_beside_last_months_or_last_years(
    service: ImportService, ctx: AppContext, tmp_path: Path, head: list
) -> None:
    """截至上月累计 was taken for this month's year to date (November stored as 0); 今年/去年 were not
    known at all (November lost, exit 0). 去年1-11月累计 is last year's January–November (one figure, 2025
    having nothing stored: tests/test_last_year_ytd.py)."""
    september(service, tmp_path)
    row = ["SH31", "四会五金产业园", 20000, 3500, 3900]
    path = report(tmp_path / "11.xlsx", "四会市2026年1-11月重点项目完成情况", head, row)
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    last_year = {(2025, 1, 11): 3500 * WAN} if head[0].startswith("去年") else {}
    assert records(ctx, "SH31") == {(2026, 1, 9): 3000 * WAN, (2026, 10, 11): 900 * WAN, **last_year}


def test_since_start_is_the_latest_of_two(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """截至2025年底累计 | 2026年1-10月 | 自开工累计: the year-end total was kept as the since-start figure."""
    head = ["截至2025年底累计完成投资（万元）", "2026年1-10月完成投资（万元）", "自开工累计完成投资（万元）"]
    row = ["DZ01", "端州电子项目", 50000, 22000, 19000, 41000]
    path = report(tmp_path / "10.xlsx", "端州区2026年1-10月重点项目", head, row)
    assert service.import_file(path, ImportOptions()).ok
    [p] = ctx.projects.all_projects()
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (41000 * WAN, 2026, 10)


@pytest.mark.parametrize(
    ("group", "months"),
    [
        ("2026年累计完成投资（万元）", ["7月", "8月", "9月"]),
        ("累计完成投资（万元）", ["截至7月", "截至8月", "截至9月"]),
        ("2026年1-X月累计完成投资（万元）", ["7月底", "8月底", "9月底"]),
    ],
)
def test_months_under_a_cumulative_group_are_years_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: str, months: list[str]
) -> None:
    """累计完成投资 merged over 7月 | 8月 | 9月 (rising figures): each is the year to date through its
    month. They were stored as three months' own amounts — the year to date through September came
    to 1.0+1.4+1.9 亿 instead of 1.9 亿."""
    rows = [["四会市2026年重点项目完成情况"], ["项目编号", "项目名称", "计划总投资（万元）", group, "", ""],
            ["", "", "", *months], ["SH31", "四会五金产业园", 20000, 10000, 14000, 19000]]  # fmt: skip
    sheet = SheetSpec("Sheet1", rows, merges=["D2:F2", "A2:A3", "B2:B3", "C2:C3"])
    result = service.import_file(write_workbook(tmp_path / "cum.xlsx", sheet), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, "SH31") == {(2026, 1, 7): 10000 * WAN, (2026, 8, 8): 4000 * WAN, (2026, 9, 9): 5000 * WAN}


def test_months_under_a_group_of_this_years_completed_investment_stay_months(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2026年完成投资 over 7月 | 8月 | 9月 (no 累计): each month's own amount, as before."""
    rows = [["四会市2026年重点项目完成情况"],
            ["项目编号", "项目名称", "计划总投资（万元）", "2026年完成投资（万元）", "", ""],
            ["", "", "", "7月", "8月", "9月"], ["SH31", "四会五金产业园", 20000, 1000, 1400, 1900]]  # fmt: skip
    sheet = SheetSpec("Sheet1", rows, merges=["D2:F2", "A2:A3", "B2:B3", "C2:C3"])
    assert service.import_file(write_workbook(tmp_path / "own.xlsx", sheet), ImportOptions()).ok
    assert records(ctx, "SH31") == {(2026, 7, 7): 1000 * WAN, (2026, 8, 8): 1400 * WAN, (2026, 9, 9): 1900 * WAN}


@pytest.mark.parametrize(
    ("header", "month"),
    [("前三季度完成投资（万元）", 9), ("上半年完成投资（万元）", 6), ("8月累计完成投资（万元）", 8)],
)
def test_the_first_quarters_are_a_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: str, month: int
) -> None:
    """前三季度 / 上半年 (probe19a: "not a known column", the figure lost with exit 0)."""
    path = report(tmp_path / "q.xlsx", "四会市2026年重点项目", [header], ["SH31", "四会五金产业园", 20000, 3000])
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31") == {(2026, 1, month): 3000 * WAN}


def test_a_third_header_row_of_units_with_a_percent(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """（亿元）|（万元）|（万元）|（%） under 总投资 and 2025年 / 年度计划 | 1-10月完成 | 完成率: the （%） had made
    the row not a row of units, and every amount was asked for its unit (probe19a h14)."""
    rows = [["鼎湖区2025年重点项目进度表"], ["项目编号", "项目名称", "总投资", "2025年", "", ""],
            ["", "", "", "年度计划", "1-10月完成", "完成率"], ["", "", "（亿元）", "（万元）", "（万元）", "（%）"],
            ["SH31", "四会五金产业园", 6.5, 20000, 15000, 75]]  # fmt: skip
    sheet = SheetSpec("Sheet1", rows, merges=["D2:F2", "A2:A4", "B2:B4"])
    result = service.import_file(write_workbook(tmp_path / "h14.xlsx", sheet), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert next(p.planned_investment for p in ctx.projects.all_projects()) == 650_000_000
    assert records(ctx, "SH31") == {(2025, 1, 10): 15000 * WAN}


@pytest.mark.parametrize(
    ("title", "header", "key"),
    [
        ("四会市2026年1-9月重点项目完成情况", "完成投资（万元）", (2026, 1, 9)),
        ("四会市2026年重点项目建设进展（截至9月底）", "完成投资额（万元）", (2026, 1, 9)),
        ("四会市2026年9月重点项目完成情况", "完成投资（万元）", (2026, 9, 9)),
        ("四会市2026年1-9月重点项目完成情况", "当月完成投资（万元）", (2026, 9, 9)),
    ],
)
def test_a_bare_completed_investment_takes_the_titles_period(
    service: ImportService, ctx: AppContext, tmp_path: Path, title: str, header: str, key: tuple
) -> None:
    """完成投资 under a title naming 1-9月 (or 截至9月底) is January–September; under 2026年9月, or headed
    当月, September's own (probe19a: the span had been stored as September alone; 完成投资额 was not known)."""
    path = report(tmp_path / "t.xlsx", title, [header], ["SH31", "四会五金产业园", 20000, 3000])
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31") == {key: 3000 * WAN}


def test_figures_whose_month_nothing_names_are_refused_saying_so(service: ImportService, tmp_path: Path) -> None:
    """当月完成投资 under a title naming the year alone: the headers are known, the month is not (probe19a
    g04: refused as "no known column headers")."""
    from zqtracker.io.errors import WorkbookRefused

    rows = [
        ["四会市2026年重点项目进展表"],
        ["项目编号", "项目名称", "当月完成投资（万元）"],
        ["SH31", "四会五金产业园", 300],
    ]
    path = write_workbook(tmp_path / "m.xlsx", SheetSpec("Sheet1", rows))
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(path, ImportOptions())
    assert refused.value.code == "month_not_named" and "nothing names the year and month" in str(refused.value)
    # beside a list's own fields the column is said not imported, the projects come in
    listed = report(
        tmp_path / "l.xlsx", "四会市2026年重点项目进展表", ["当月完成投资（万元）"], ["SH31", "四会五金产业园", 2, 3]
    )
    result = service.import_file(listed, ImportOptions())
    assert result.ok and result.added == 1 and result.investment_records == 0
    assert any("whose month nothing names" in n.message("en") for n in result.notes)
