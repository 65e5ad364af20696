"""Quarter columns and 上年同期 after a month group (fix28q). Real .xlsx files as districts send them — title,
单位：万元 line, merged two-row header, 序号, 合计 row — imported through the service on both engines.

Quarters under 完成投资 were not imported (read as parts of a figure with no total: asked); now each is the
amount of its three months as one record (io/quarters.py, services/import_spans.py). 上年同期 after 10月 | 1-10月
was read as last year's October (not imported); now it is last year's 1–10月.

Figures by hand (万元): 华南 (GY-01) 一季度 3,000, 二季度 4,000, 三季度 5,000, 1-9月累计 12,000 (3,000 + 4,000 +
5,000); 金利 (GY-02) 1,000, 1,500, 2,000, 4,500.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.charts.series import chart_data
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService
from zqtracker.storage.database import open_database

WAN = 10_000
TITLE = "肇庆市高要区2025年前三季度重点项目完成投资情况表"
LETTERS = "ABCDEFGHIJ"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def district(path: Path, heads: list[str], rows: list[list[int]], title: str = TITLE, group: str = "完成投资") -> Path:
    """序号 | 项目编号 | 项目名称 | 总投资 over two rows, then ``group`` merged over ``heads``; a 合计 row."""
    last = LETTERS[4 + len(heads) - 1]
    projects = [("GY-01", "华南新能源电池项目", 50000), ("GY-02", "金利五金扩产项目", 20000)]
    body = [[i + 1, code, name, total, *rows[i]] for i, (code, name, total) in enumerate(projects)]
    total = ["合计", None, None, 70000, *(sum(col) for col in zip(*rows, strict=True))]
    spec = SheetSpec(
        "Sheet1",
        [[title], ["单位：万元"], ["序号", "项目编号", "项目名称", "总投资", group], [None] * 4 + heads, *body, total],
        merges=[f"A1:{last}1", f"E3:{last}3", "A3:A4", "B3:B4", "C3:C4", "D3:D4"],
    )
    return write_workbook(path, spec)


def records(ctx: AppContext, code: str) -> dict[tuple[int, int, int], int]:
    """(year, first month, last month) → yuan of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.code == code)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def ok(result: ImportResult) -> ImportResult:
    assert result.ok, [p.reason("en") for p in result.problems]
    return result


@pytest.mark.parametrize(
    "heads",
    [
        ["一季度", "二季度", "三季度", "1-9月累计"],
        ["第一季度", "第二季度", "第三季度", "1-9月累计"],
        ["Q1", "Q2", "Q3", "1-9月累计"],
        ["1-3月", "4-6月", "7-9月", "1-9月累计"],
        ["1-3月", "4—6月", "7—9月"],
        ["一季度", "二季度", "三季度"],
    ],
)
def test_quarters_are_stored_as_their_three_months(
    service: ImportService, ctx: AppContext, tmp_path: Path, heads: list[str]
) -> None:
    """Nothing stored: 一季度 (or 1-3月, a year to date as 1-3月累计 is) is one record over January–March, each
    later quarter one over its three months; 1-9月累计 beside them agrees (3,000 + 4,000 + 5,000 = 12,000)."""
    values = [[3000, 4000, 5000, 12000], [1000, 1500, 2000, 4500]]
    path = district(tmp_path / "q.xlsx", heads, [v[: len(heads)] for v in values])
    result = ok(service.import_file(path, ImportOptions()))
    assert result.added == 2 and result.investment_records == 6
    assert not [n for n in result.notes if "not imported" in n.message("en")]
    assert records(ctx, "GY-01") == {(2025, 1, 3): 3000 * WAN, (2025, 4, 6): 4000 * WAN, (2025, 7, 9): 5000 * WAN}
    assert records(ctx, "GY-02") == {(2025, 1, 3): 1000 * WAN, (2025, 4, 6): 1500 * WAN, (2025, 7, 9): 2000 * WAN}
    again = ok(service.import_file(path, ImportOptions()))  # the same file again: nothing moves
    assert again.investment_records == 0 and records(ctx, "GY-01")[(2025, 4, 6)] == 4000 * WAN


def test_quarters_that_do_not_add_up_to_the_year_to_date_are_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """华南 3,000 + 4,000 + 5,000 = 12,000 against 1-9月累计 13,000: which is right? Nothing of the row stored."""
    heads = ["一季度", "二季度", "三季度", "1-9月累计"]
    path = district(tmp_path / "bad.xlsx", heads, [[3000, 4000, 5000, 13000], [1000, 1500, 2000, 4500]])
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "quarters_ytd_differ" and problem.row == 5 and problem.column == "G"
    text = problem.reason("en")  # in 万元 as the sheet writes them (fix28q2; before, 120,000,000 yuan)
    assert "¥120.00 mn for months 1–9 of 2025 (¥70.00 mn through the months before and ¥50.00 mn for" in text
    assert "(column H “完成投资 / 1-9月累计”) is ¥130.00 mn" in text and problem.value == "5,000"
    assert "1–9 月为 12,000万元（此前各月 7,000万元，7–9 月 5,000万元）" in problem.reason("zh")
    assert "为 13,000万元" in problem.reason("zh")
    assert not result.written and ctx.projects.all_projects() == []
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))  # the other row alone
    assert (
        skipped.added == 1
        and skipped.investment_records == 3
        and [p.code for p in ctx.projects.all_projects()] == ["GY-02"]
    )


def test_a_quarter_alone_is_a_span_and_stored_months_are_held_against_it(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """4月 | 5月 | 6月 stored first (华南 1,000 + 1,500 + 1,500 = 4,000; 金利 500 + 500 + 400 = 1,400). A file of
    二季度 | 三季度 alone: 华南's 4,000 is the months' sum (nothing written for it, July–September 5,000 written);
    金利's 1,500 is not 1,400 — asked, with both figures and the stored months, never counted twice."""
    months = district(tmp_path / "m.xlsx", ["4月", "5月", "6月"], [[1000, 1500, 1500], [500, 500, 400]],
                      title="肇庆市高要区2025年4-6月重点项目完成投资情况表")  # fmt: skip
    ok(service.import_file(months, ImportOptions()))
    quarters = district(tmp_path / "q.xlsx", ["二季度", "三季度"], [[4000, 5000], [1500, 2000]])
    result = service.import_file(quarters, ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == ("span_months_differ", 6, "E")
    # in 万元 as the sheet writes them, every digit (before: 15,000,000 yuan against 14,000,000 yuan)
    assert "¥15.00 mn in the file, but the figures stored for those months add up to ¥14.00 mn" in (
        problem.reason("en")
    )
    assert "(4: ¥5.00 mn; 5: ¥5.00 mn; 6: ¥4.00 mn)" in problem.reason("en") and problem.value == "1,500"
    assert "本文件为 1,500万元，而这几个月已存数合计 1,400万元（4 月 500万元；5 月 500万元；6 月 400万元）" in (
        problem.reason("zh")
    )
    assert service.import_file(quarters, ImportOptions(skip_invalid=True)).investment_records == 1
    assert records(ctx, "GY-01") == {
        (2025, 4, 4): 1000 * WAN,
        (2025, 5, 5): 1500 * WAN,
        (2025, 6, 6): 1500 * WAN,
        (2025, 7, 9): 5000 * WAN,
    }
    assert records(ctx, "GY-02") == {(2025, 4, 4): 500 * WAN, (2025, 5, 5): 500 * WAN, (2025, 6, 6): 400 * WAN}
    # the same months as 一季度 | 二季度 (a chain from January, read as years to date): 金利's 二季度 1,500 against
    # the stored 1,400 is asked too — June is not made 500 to fit
    chained = district(tmp_path / "c.xlsx", ["一季度", "二季度"], [[3000, 4000], [1000, 1500]])
    (problem,) = service.import_file(chained, ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("span_months_differ", 6, "F")


def test_a_quarter_in_statistics_charts_show_and_a_round_trip(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """二季度 | 三季度 alone, nothing stored: 华南 4–6月 4,000, 7–9月 5,000; 金利 1,500, 2,000. Through June the year
    to date is 4,000 + 1,500 = 5,500 (the quarter in it); through May it cannot be told (months 4–5 inside the
    quarter): not comparable, as a 1–6月 span is; through September 5,500 + 7,000 = 12,500."""
    path = district(tmp_path / "q.xlsx", ["二季度", "三季度"], [[4000, 5000], [1500, 2000]])
    ok(service.import_file(path, ImportOptions()))
    assert records(ctx, "GY-01") == {(2025, 4, 6): 4000 * WAN, (2025, 7, 9): 5000 * WAN}
    june, may = ctx.statistics.summary(2025, 6).completed.total, ctx.statistics.summary(2025, 5).completed.total
    assert (june.ytd, june.comparable) == (5500 * WAN, True) and not may.comparable
    assert ctx.statistics.summary(2025, 9).completed.total.ytd == 12_500 * WAN
    f = DashboardService(ctx.statistics, parallel=False).load(2025, 9)
    span = {s.key: s for s in chart_data(f, "monthly", lang="zh", unit=Unit.WAN).series}["span"]
    assert span.values[5] == 5500 * WAN and span.values[8] == 7000 * WAN
    assert span.marks[5] == "4–6月合并填报" and span.marks[8] == "7–9月合并填报"
    # the export writes each quarter as its months ("2025年4–6月"), and reading it back changes nothing
    out = tmp_path / "export.xlsx"
    ExportService(ctx.database).export(out, ExportOptions(lang="zh", unit=Unit.WAN))
    cells = [r for ws in openpyxl.load_workbook(out) for r in ws.iter_rows(values_only=True)]
    assert any("2025年4–6月" in r and 4000 in r for r in cells)
    back = ok(service.import_file(out, ImportOptions()))
    assert back.investment_records == 0 and records(ctx, "GY-01") == {
        (2025, 4, 6): 4000 * WAN,
        (2025, 7, 9): 5000 * WAN,
    }
    fresh = open_database(str(tmp_path / "fresh.sqlite"))
    try:
        ok(ImportService(fresh, MappingStore(tmp_path / "m2.json")).import_file(out, ImportOptions()))
        again = AppContext.for_database(fresh)
        assert records(again, "GY-01") == {(2025, 4, 6): 4000 * WAN, (2025, 7, 9): 5000 * WAN}
    finally:
        fresh.close()


def test_last_years_figure_after_the_month_and_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """完成投资（万元） over 10月 | 1-10月 | 上年同期: the last is last year's 1–10月 (华南 9,000, 金利 4,000),
    stored as 2024's January–October; 10月 1,000 beside 1-10月 12,000 is this year's (1–9月 11,000 and October)."""
    heads = ["10月", "1-10月", "上年同期"]
    path = district(tmp_path / "10.xlsx", heads, [[1000, 12000, 9000], [500, 4500, 4000]],
                    title="肇庆市高要区2025年1-10月重点项目完成投资情况表", group="完成投资（万元）")  # fmt: skip
    result = ok(service.import_file(path, ImportOptions()))
    assert records(ctx, "GY-01") == {(2025, 1, 9): 11_000 * WAN, (2025, 10, 10): 1000 * WAN, (2024, 1, 10): 9000 * WAN}
    assert records(ctx, "GY-02")[(2024, 1, 10)] == 4000 * WAN
    assert any(n.code == "note_last_year_written" for n in result.notes)
    # 同比 through October: (12,000 + 4,500 − 9,000 − 4,000) / 13,000 = 26.9 %
    assert ctx.statistics.summary(2025, 10).completed.total.yoy_pct == 26.9
    # another figure of last year for 华南 (9,500): the stored 9,000 stays, said
    again = district(tmp_path / "10b.xlsx", heads, [[1000, 12000, 9500], [500, 4500, 4000]],
                     title="肇庆市高要区2025年1-10月重点项目完成投资情况表", group="完成投资（万元）")  # fmt: skip
    result = ok(service.import_file(again, ImportOptions()))
    assert any(n.code == "note_last_year_kept" for n in result.notes)
    assert records(ctx, "GY-01")[(2024, 1, 10)] == 9000 * WAN


def test_last_years_month_after_the_month_stays_unread(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """10月 | 上年同期 | 1-10月: the 上年同期 beside 10月 is last year's October, which is not imported (said)."""
    path = district(tmp_path / "10.xlsx", ["10月", "上年同期", "1-10月"], [[1000, 800, 12000], [500, 300, 4500]],
                    title="肇庆市高要区2025年1-10月重点项目完成投资情况表")  # fmt: skip
    result = ok(service.import_file(path, ImportOptions()))
    assert all(y == 2025 for y, _f, _l in records(ctx, "GY-01"))
    assert any("上年同期" in n.message("en") and "not imported" in n.message("en") for n in result.notes)
