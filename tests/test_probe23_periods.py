"""Report periods probe23 found misread with exit 0: a 报送时间 line taken for the period (P32), 截至10月底累计
taken for this year's year to date when it was the total since the start (P36, P01), and 计划 under a group
1-10月 taken for the completed year to date (P42); a last-year column under 本月完成投资 dropped for the wrong
reason (H04). Real .xlsx files written by openpyxl, imported through the service, both engines. Figures in
万元 (1万元 = 10,000 yuan); the September report (1-9月: 7500 / 5000 / 1500) is stored first in each."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
NAMES = ("高要金属新材料项目", "高要储能电池项目", "高要智能家居项目")
FIRST = ["序号", "项目名称", "建设单位", "总投资", "2025年计划投资"]
FIXED = [
    [1, NAMES[0], "甲公司", 50000, 12000],
    [2, NAMES[1], "乙公司", 30000, 8000],
    [3, NAMES[2], "丙公司", 20000, 5000],
]
SEPTEMBER = {(2025, 1, 9): 7500 * WAN}  # project A's record after the 1-9月 report


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    path = report(
        tmp_path / "09.xlsx", "肇庆市高要区2025年1-9月重点项目进展情况表", ["1-9月完成投资"], (7500, 5000, 1500)
    )
    imported = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    assert imported.import_file(path, ImportOptions()).ok
    return imported


def report(path: Path, title: str, head: list, *columns: tuple, top: tuple = (), head2: list | None = None) -> Path:
    """A district's report: title, lines ``top``, 单位：万元, header (two rows with ``head2``: the group
    header ``head``'s last cell merged over the sub-columns), three projects, one value of each column."""
    rows: list[list] = [[title], *([t] for t in top), ["单位：万元"], [*FIRST, *head]]
    merges: list[str] = []
    if head2 is not None:
        r = len(rows)
        rows.append([""] * len(FIRST) + head2)
        merges = [f"{c}{r}:{c}{r + 1}" for c in "ABCDE"] + [f"F{r}:{chr(ord('F') + len(head2) - 1)}{r}"]
    rows += [[*fixed, *(column[k] for column in columns)] for k, fixed in enumerate(FIXED)]
    return write_workbook(path, SheetSpec("Sheet1", rows, merges=merges))


def records(ctx: AppContext, name: str) -> dict[tuple[int, int, int], int]:
    """(year, first month, month) → yuan of the project's stored records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def ignored(result: ImportResult) -> list[str]:
    return [n.message("en") for n in result.notes if n.code == "note_ignored_column"]


# -- P32: 报送时间 says when the report was sent, not its period -------------------------------------------
@pytest.mark.parametrize(
    "line", ["报送时间：2025年11月", "报送日期：2025年11月", "填报时间：2025年11月", "上报时间：2025年11月"]
)
def test_a_sent_on_line_is_not_the_period(service: ImportService, ctx: AppContext, tmp_path: Path, line: str) -> None:
    """No period in the title, 报送时间：2025年11月 above the header, 本年累计完成投资 9000: stored as a span
    October–November (1500万 in 2025-11), Jan–Oct left 7500. Now asked, as a 填报日期 line is (P31)."""
    path = report(
        tmp_path / "p32.xlsx", "肇庆市高要区重点项目进展情况表", ["本年累计完成投资"], (9000, 6000, 2000), top=(line,)
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, NAMES[0]) == SEPTEMBER
    assert any("本年累计完成投资" in n and "whose month nothing names" in n for n in ignored(result))
    assert any(n.code == "note_period_how" for n in result.notes), [n.code for n in result.notes]
    result = service.import_file(path, ImportOptions(period=(2025, 10)))
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 10): 1500 * WAN}  # 9000 − 7500
    assert records(ctx, NAMES[2]) == {(2025, 1, 9): 1500 * WAN, (2025, 10, 10): 500 * WAN}  # 2000 − 1500


def test_a_sent_on_line_gives_no_year(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The December report goes out in January: 1-12月完成投资 under a title without a year, 报送时间：2026年1月
    above the header and 2025年计划投资 beside it was stored as 2026's January–December (11500万 in 2026).
    The year is the plan's, 2025: October–December 4000 (11500 − 7500)."""
    path = report(tmp_path / "p32y.xlsx", "肇庆市高要区重点项目进展情况表", ["1-12月完成投资"], (11500, 7600, 3200),
                  top=("填报单位：高要区发展和改革局    报送时间：2026年1月",))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 12): 4000 * WAN}
    assert records(ctx, NAMES[1]) == {(2025, 1, 9): 5000 * WAN, (2025, 10, 12): 2600 * WAN}  # 7600 − 5000


# -- P36, P01: 截至10月底累计 — since the start, or this year's? ---------------------------------------------
def test_a_total_through_a_month_is_not_taken_for_this_years(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2025年10月, only 截至10月底累计完成投资 holding since-start totals 20000 / 9000 / 2000 (A's above its
    2025 plan of 12000): stored as October's own 12500 (20000 − 7500), Jan–Oct A 20000. Now not imported, said."""
    head = ["截至10月底累计完成投资"]
    path = report(tmp_path / "p36.xlsx", "肇庆市高要区2025年10月重点项目进展情况表", head, (20000, 9000, 2000))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.investment_records == 0
    assert all(records(ctx, n) == {(2025, 1, 9): v * WAN} for n, v in zip(NAMES, (7500, 5000, 1500), strict=True))
    (note,) = ignored(result)
    assert "截至10月底累计完成投资" in note and "since the start or this year only nothing says" in note


def test_a_total_through_a_month_beside_the_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """1-10月完成投资 9000 beside 截至2025年10月底累计完成投资 20000: both were read as 2025's January–October
    and every row refused ("Month '2025-10' already appears"). The 1-10月 column is imported; the other said."""
    head = ["1-10月完成投资", "截至2025年10月底累计完成投资"]
    path = report(tmp_path / "p01.xlsx", "肇庆市高要区2025年1-10月重点项目进展情况表", head, (9000, 6000, 2000),
                  (20000, 9000, 2000))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 10): 1500 * WAN}  # 9000 − 7500
    assert records(ctx, NAMES[1]) == {(2025, 1, 9): 5000 * WAN, (2025, 10, 10): 1000 * WAN}  # 6000 − 5000
    assert [n for n in ignored(result) if "截至2025年10月底累计完成投资" in n]


# -- P42: 1-10月 over 计划 | 完成 ----------------------------------------------------------------------------
@pytest.mark.parametrize("order", [("计划", "完成"), ("完成", "计划"), ("计划投资", "完成")])
def test_the_plan_under_a_months_group_is_not_the_completed(
    service: ImportService, ctx: AppContext, tmp_path: Path, order: tuple[str, str]
) -> None:
    """1-10月 merged over 计划 (10000 / 6500 / 4000) | 完成 (9000 / 6000 / 2000): the 计划 column was read as
    the completed year to date (Jan–Oct A 10000, C 4000) and 完成 dropped as a duplicate. 完成 is now the
    year to date; 计划 is a target, not imported (nor 计划投资 the project's planned total)."""
    plan, done = (10000, 6500, 4000), (9000, 6000, 2000)
    columns = (plan, done) if order[0] != "完成" else (done, plan)
    path = report(tmp_path / "p42.xlsx", "肇庆市高要区2025年1-10月重点项目进展情况表", ["1-10月"], *columns,
                  head2=list(order))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 10): 1500 * WAN}  # 9000 − 7500
    assert records(ctx, NAMES[2]) == {(2025, 1, 9): 1500 * WAN, (2025, 10, 10): 500 * WAN}  # 2000 − 1500
    assert any("a planned figure, not completed investment" in n for n in ignored(result))
    (a,) = [p for p in ctx.projects.all_projects() if p.name == NAMES[0]]
    assert a.planned_investment == 50000 * WAN
    assert [(pl.year, pl.amount) for pl in ctx.projects.plans(a.id)] == [(2025, 12000 * WAN)]


def test_the_plan_under_a_month_is_not_its_amount(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """10月 over 计划 (2000) | 完成 (1500): both were read as October's own amount and every row refused."""
    path = report(tmp_path / "p42d.xlsx", "肇庆市高要区2025年10月重点项目进展情况表", ["10月"], (2000, 1200, 600),
                  (1500, 1000, 500), head2=["计划", "完成"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 10): 1500 * WAN}
    assert records(ctx, NAMES[1]) == {(2025, 1, 9): 5000 * WAN, (2025, 10, 10): 1000 * WAN}


# -- H04: 本月完成投资 over 2025年 | 2024年同期 ----------------------------------------------------------------
@pytest.mark.parametrize("order", [("2025年", "2024年同期"), ("2024年同期", "2025年")])
def test_last_years_month_under_this_months_group(
    service: ImportService, ctx: AppContext, tmp_path: Path, order: tuple[str, str]
) -> None:
    """The 2024年同期 column was dropped as "another column holds the same field" (with it first, by column
    order only). It is last year's own month, which is not imported — and said so."""
    this, last = (1500, 1000, 500), (900, 0, 0)
    columns = (this, last) if order[0] == "2025年" else (last, this)
    path = report(tmp_path / "h04.xlsx", "肇庆市高要区2025年10月重点项目进展情况表", ["本月完成投资"], *columns,
                  head2=list(order))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, NAMES[0]) == {**SEPTEMBER, (2025, 10, 10): 1500 * WAN}
    assert any("2024年同期" in n and "last year's amount of the same month" in n for n in ignored(result))


# -- P01's message: a month two columns of one row give ------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "month", "values"),
    [
        (["1-10月完成投资", "2025年1-10月累计完成投资"], "1-10月", ((9000, 6000, 2000), (9500, 6500, 2500))),
        (["10月完成投资", "2025年10月完成投资"], "10月", ((1500, 1000, 500), (2000, 1500, 1000))),
    ],
)
def test_a_month_two_columns_give_names_them(
    service: ImportService, ctx: AppContext, tmp_path: Path, head: list[str], month: str, values: tuple
) -> None:
    """Two columns of a row giving October differently (9000 | 9500, 1500 | 2000): each row was refused with
    "Month '2025-10' already appears in row 4" — its own row, and neither column named."""
    path = report(tmp_path / "two.xlsx", f"肇庆市高要区2025年{month}重点项目进展情况表", head, *values)
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written and records(ctx, NAMES[0]) == SEPTEMBER
    assert [p.row for p in result.problems] == [4, 5, 6]  # title, 单位 line, header above
    reasons = {p.reason("en") for p in result.problems}
    assert reasons == {f"Month '2025-10' is given by two columns of this row, F “{head[0]}”, G “{head[1]}”: which one "
                       "holds it? (A total since the start of construction says so in its header.) Correct the "
                       "headers, then import again"}  # fmt: skip
