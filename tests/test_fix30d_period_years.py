"""fix30d: the believable-year rule of month columns (io/month_years.py, probe29h) now covers the other
figures a year is read for: a year to date ("1969年1-10月累计完成投资", or 1-10月累计 under a 2069 title) was
stored as 1969-10, a quarter ("2069年一季度完成投资") as months 1–3 of 2069, a plan for the year ("2069年计划投资")
as 2069's, and a long sheet's month cells (a row per project and month: "2069-01", a date 1969-12-01 shown as
Dec-69) as their months — each is now a question naming the sheet, column (or row), header (or cell) and the
year read, and nothing is stored. Believable years (2023, 2024, this year, next year) import as before. Real
.xlsx files through ImportService, both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

PARK = "高要区金利镇五金产业园"
THIS = date.today().year
NEXT = THIS + 1
HEAD = ["项目名称", "所属区域", "总投资"]
ROW = [PARK, "高要区", 52000]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def wide(tmp_path: Path, heads: list[str], values: list[int], title: str = "") -> Path:
    rows = ([[title]] if title else []) + [["单位：万元"], HEAD + heads, ROW + values]
    return write_workbook(tmp_path / "wide.xlsx", SheetSpec("Sheet1", rows))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def stored(ctx: AppContext) -> list[tuple[int, int, int, int]]:
    """(year, first month, last month, yuan) of the project's investment records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == PARK)
    return sorted((r.year, r.first_month or r.month, r.month, r.amount) for r in ctx.projects.investment(pid))


def asked(service: ImportService, path: Path, code: str) -> list:
    result = service.import_file(path, ImportOptions())
    far = [p for p in result.problems if p.problem.code == code]
    assert far and not result.written, [p.problem.code for p in result.problems]
    return far


# -- a year to date ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heads", "title", "period"),
    [
        (["1969年1-10月累计完成投资"], "", "1969-10"),  # before 2000 (stored as 1969-10 before)
        (["2069年1-10月累计完成投资"], "", "2069-10"),  # after next year
        (["1-10月累计完成投资"], "高要区2069年1-10月重点项目进展情况表", "2069-10"),  # the title's year
    ],
)
def test_a_year_to_date_of_a_far_year_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, heads: list[str], title: str, period: str
) -> None:
    far = asked(service, wide(tmp_path, heads, [1200], title), "ytd_year_far")
    assert [(p.sheet, p.column, p.header, p.problem.params["period"]) for p in far] == [
        ("Sheet1", "D", heads[0], period)
    ]
    en, zh = far[0].reason("en"), far[0].reason("zh")
    assert f"reads as the year to date through {period}" in en and "not stored" in en
    assert f"读作截至 {period} 的本年累计" in zh and "未予保存" in zh
    assert planned(ctx) == {}


def test_a_year_to_date_beside_months_of_another_year_is_asked(service: ImportService, tmp_path: Path) -> None:
    """2019年1-10月累计 beside October and November of 2025 under a 2025 title: apart from the others' years."""
    path = wide(
        tmp_path, ["2025年10月", "2025年11月", "2019年1-10月累计"], [1, 2, 3], "高要区2025年重点项目月度完成投资"
    )
    far = asked(service, path, "ytd_year_far")
    assert [(p.column, p.problem.params["period"]) for p in far] == [("F", "2019-10")]


# -- a quarter --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heads", "spans"),
    [
        (["2069年一季度完成投资", "2069年二季度完成投资"], [(2069, 1, 3), (2069, 4, 6)]),
        (["1999年一季度完成投资", "1999年二季度完成投资"], [(1999, 1, 3), (1999, 4, 6)]),
        (["1999年4-6月完成投资"], [(1999, 4, 6)]),
    ],
)
def test_a_quarter_of_a_far_year_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, heads: list[str], spans: list[tuple[int, int, int]]
) -> None:
    far = asked(service, wide(tmp_path, heads, [1200, 1300][: len(heads)]), "span_year_far")
    assert [(p.problem.params["year"], p.problem.params["first"], p.problem.params["last"]) for p in far] == spans
    assert [p.header for p in far] == heads
    year, first, last = spans[0]
    assert f"reads as the months {first}–{last} of {year}" in far[0].reason("en")
    assert f"读作 {year} 年 {first}–{last} 月" in far[0].reason("zh") and "未予保存" in far[0].reason("zh")
    assert planned(ctx) == {}


# -- a plan for the year ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("head", ["2069年计划投资", "1969年度计划投资"])
def test_a_plan_for_a_far_year_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path, head: str) -> None:
    far = asked(service, wide(tmp_path, [head], [5000]), "plan_year_far")
    assert [(p.column, p.header, p.problem.params["year"]) for p in far] == [("D", head, int(head[:4]))]
    assert f"reads as the plan for {head[:4]}" in far[0].reason("en") and "未予保存" in far[0].reason("zh")
    assert planned(ctx) == {}


def test_only_the_plan_apart_from_the_reports_year_is_asked(service: ImportService, tmp_path: Path) -> None:
    """A 2025 year to date and a 2019 plan under a 2025 title: two years alike in count — the report's year
    says which is believed (both were asked by the month rule's tie)."""
    path = wide(tmp_path, ["2025年1-10月累计完成投资", "2019年计划投资"], [1, 2], "高要区2025年1-10月重点项目")
    result = service.import_file(path, ImportOptions())
    assert [(p.problem.code, p.column) for p in result.problems] == [("plan_year_far", "E")]


# -- believable years: no question ------------------------------------------------------------------------------


def test_believable_years_to_date_quarters_and_plans_are_stored(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """This year's 1-10月累计 and quarters, next year's plan under this year's title: all stored
    (1 万元 = 10,000 yuan; months 1–3, 4–6, and 7–10 as the year to date less the two quarters)."""
    heads = [f"{THIS}年一季度完成投资", f"{THIS}年二季度完成投资", f"{THIS}年1-10月累计完成投资", f"{NEXT}年计划投资"]
    path = wide(tmp_path, heads, [100, 200, 900, 5000], f"高要区{THIS}年1-10月重点项目进展情况表")
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.written and not result.problems
    assert stored(ctx) == [(THIS, 1, 3, 1_000_000), (THIS, 4, 6, 2_000_000), (THIS, 7, 10, 6_000_000)]
    plans = ctx.projects.plans(next(p.id for p in ctx.projects.all_projects()))
    assert [(a.year, a.amount) for a in plans] == [(NEXT, 50_000_000)]


@pytest.mark.parametrize(("ytd", "plan"), [(2023, 2024), (2024, 2024), (2024, 2025)])
def test_years_to_date_and_plans_of_recent_years_are_stored(
    service: ImportService, ctx: AppContext, tmp_path: Path, ytd: int, plan: int
) -> None:
    path = wide(tmp_path, [f"{ytd}年1-10月累计完成投资", f"{plan}年计划投资"], [900, 5000])
    result = service.import_file(path, ImportOptions())
    assert result.ok and not result.problems
    assert stored(ctx) == [(ytd, 1, 10, 9_000_000)]


def test_english_periods_with_a_two_digit_year_are_not_read(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Headers "Jan-Oct 69" and "Q1-69" are none the import reads: left out, never stored as 2069 or 1969."""
    path = wide(tmp_path, ["Jan-Oct 69", "Q1-69"], [900, 100])
    assert service.import_file(path, ImportOptions()).ok
    assert stored(ctx) == []


# -- a long sheet: a month per row ------------------------------------------------------------------------------


def seeded(service: ImportService, tmp_path: Path) -> None:
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("项目", [["单位：万元"], HEAD, ROW]))
    assert service.import_file(projects, ImportOptions()).added == 1


def long_sheet(tmp_path: Path, months: list, title: str = "", dated: bool = False) -> Path:
    rows = [[title or "项目月度完成投资（万元）"], ["项目名称", "所属区域", "月份", "完成投资"]]
    rows += [[PARK, "高要区", m, 10 * (i + 1)] for i, m in enumerate(months)]
    formats = {f"C{3 + i}": "mmm-yy" for i in range(len(months))} if dated else {}
    return write_workbook(tmp_path / "long.xlsx", SheetSpec("明细", rows, formats=formats))


@pytest.mark.parametrize(
    ("months", "dated", "title", "rows"),
    [
        (["2069-01", "2069-02"], False, "", [(3, "2069-01"), (4, "2069-02")]),
        ([date(1969, 12, 1), date(1970, 1, 1)], True, "", [(3, "1969-12"), (4, "1970-01")]),
        (["2024-11", "2024-12", "2019-05"], False, "", [(5, "2019-05")]),  # apart from the other rows' years
        (["2019年1月", "2019年2月"], False, "高要区2025年项目月度完成投资（万元）", [(3, "2019-01"), (4, "2019-02")]),
        (["1969年1-10月"], False, "", [(3, "1969-10")]),  # a month cell of a year to date
    ],
)
def test_a_long_sheets_month_of_a_far_year_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, months: list, dated: bool, title: str, rows: list
) -> None:
    seeded(service, tmp_path)
    far = asked(service, long_sheet(tmp_path, months, title, dated), "row_month_year_far")
    assert [(p.sheet, p.row, p.column, p.problem.params["period"]) for p in far] == [
        ("明细", r, "C", m) for r, m in rows
    ]
    en = far[0].reason("en")
    assert f"reads as the month {rows[0][1]}" in en and "the row was not stored" in en
    assert "该行未予保存" in far[0].reason("zh")
    assert stored(ctx) == []


def test_a_dated_month_cell_names_its_year(service: ImportService, tmp_path: Path) -> None:
    """A date 1969-12-01 shown as Dec-69: the question writes the year in full, as it was read."""
    seeded(service, tmp_path)
    far = asked(service, long_sheet(tmp_path, [date(1969, 12, 1)], dated=True), "row_month_year_far")
    assert far[0].value == "1969年12月" and far[0].header == "月份"


@pytest.mark.parametrize("dated", [False, True])
def test_a_long_sheets_believable_months_are_stored(
    service: ImportService, ctx: AppContext, tmp_path: Path, dated: bool
) -> None:
    """2023-12, then each June to next year's, text or dates shown as mmm-yy: each stored (10 万元 = 100,000
    yuan)."""
    ym = [(2023, 12)] + [(y, 6) for y in range(2024, NEXT + 1)]
    months = [date(y, m, 1) if dated else f"{y}-{m:02d}" for y, m in ym]
    seeded(service, tmp_path)
    result = service.import_file(long_sheet(tmp_path, months, dated=dated), ImportOptions())
    assert result.ok and not result.problems
    assert stored(ctx) == [(y, m, m, 100_000 * (i + 1)) for i, (y, m) in enumerate(ym)]
