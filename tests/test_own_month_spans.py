"""A month's own amount (当月 only) for a month a stored span covers (probe23b D15, D15c, D16, D20, D21): it
replaced the span (January–September lost) or was stored beside it (counted twice), exit 0. Now the year to date
a file reported stays: a month at either end of the span splits it exactly, a month with unknown months on both
sides of it is asked. Real .xlsx files through ImportService, both engines; figures (万元) worked out by hand.

Project A (B beside it): 1–6月 5,000 (3,000), 1–8月 6,500 (4,300), 1–9月 7,500 (5,000), 1–10月 9,000 (6,000);
own amounts July 800 (600), September 1,000 (700), October 1,500 (1,000); 1–3月 2,000 (1,200), March 800 (500).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
A, B = "高要金属新材料项目", "高要储能电池项目"
N = None


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(tmp_path: Path, period: str, columns: dict[str, tuple[int, int]]) -> Path:
    """高要区's list for ``period`` (1-10月, 10月 …) with ``columns``: header → (A's, B's) figures in 万元."""
    head = ["序号", "项目名称", "建设单位", "总投资", "2025年计划投资", *columns]
    rows = [[1, A, "肇庆甲金属有限公司", 50000, 12000], [2, B, "肇庆乙新能源有限公司", 30000, 8000]]
    for i, row in enumerate(rows):
        row.extend(v[i] for v in columns.values())
    title = f"肇庆市高要区2025年{period}重点项目进展情况表"
    name = f"{period}-{'-'.join(columns)}.xlsx"
    return write_workbook(tmp_path / name, SheetSpec("Sheet1", [[title], ["单位：万元"], head, *rows]))


def imported(service: ImportService, path: Path) -> ImportResult:
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    return result


def ytd(period: int, a: int, b: int) -> dict[str, tuple[int, int]]:
    return {f"1-{period}月完成投资": (a, b)}


def records(ctx: AppContext, name: str) -> list[tuple[int, int | None, int]]:
    """(month, first month of a span or None, 万元) of a project's 2025 records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.month, r.first_month, r.amount // WAN) for r in ctx.projects.investment(pid) if r.year == 2025]


def through(ctx: AppContext, name: str, month: int) -> int:
    """The year to date through ``month``, 万元."""
    return sum(amount for m, _first, amount in records(ctx, name) if m <= month)


def test_october_alone_after_a_first_report_of_one_to_ten_splits_it(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """D15: 1–10月 9,000 stored as one figure, then 10月完成投资 1,500: it replaced the span (Jan–Oct 1,500)."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    october = report(tmp_path, "10月", {"10月完成投资": (1500, 1000)})
    rehearsed = service.import_file(october, ImportOptions(), dry_run=True)
    rewritten = [c for c in rehearsed.changes if c.get("month") == "2025-10"]
    assert {c["before_month"] for c in rewritten} == {"2025-01..10"}  # the dry run says what was stored
    imported(service, october)
    assert records(ctx, A) == [(9, 1, 7500), (10, N, 1500)]  # 9,000 − 1,500 = 7,500 over January–September
    assert records(ctx, B) == [(9, 1, 5000), (10, N, 1000)]  # 6,000 − 1,000
    assert (through(ctx, A, 10), through(ctx, B, 10)) == (9000, 6000)  # the 1–10月 reported, kept
    again = service.import_file(october, ImportOptions())
    assert again.ok and not again.written  # October again: stored as it says


def test_march_alone_after_one_to_three(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """D15c: 1–3月 2,000 then 3月 800: Jan–Mar became 800."""
    imported(service, report(tmp_path, "1-3月", ytd(3, 2000, 1200)))
    imported(service, report(tmp_path, "3月", {"3月完成投资": (800, 500)}))
    assert records(ctx, A) == [(2, 1, 1200), (3, N, 800)]  # 2,000 − 800
    assert records(ctx, B) == [(2, 1, 700), (3, N, 500)]  # 1,200 − 500
    assert (through(ctx, A, 3), through(ctx, B, 3)) == (2000, 1200)


def test_october_alone_after_a_gap_keeps_september(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """D20: 1–8月 6,500, 1–10月 9,000 (9–10月 2,500 as one figure), then 10月 1,500: September's 1,000 was lost."""
    imported(service, report(tmp_path, "1-8月", ytd(8, 6500, 4300)))
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    assert records(ctx, A) == [(8, 1, 6500), (10, 9, 2500)]
    imported(service, report(tmp_path, "10月", {"10月完成投资": (1500, 1000)}))
    assert records(ctx, A) == [(8, 1, 6500), (9, N, 1000), (10, N, 1500)]  # 2,500 − 1,500 = September alone
    assert records(ctx, B) == [(8, 1, 4300), (9, N, 700), (10, N, 1000)]  # 6,000 − 4,300 − 1,000 = 700
    assert (through(ctx, A, 10), through(ctx, B, 10)) == (9000, 6000)


def test_the_first_month_of_a_span_splits_it_too(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """D21: 1–6月 5,000, 1–9月 7,500 (7–9月 2,500), then 7月 800: stored beside the span, Jan–Sep 8,300.
    July is the span's first month: August–September is 2,500 − 800 = 1,700 exactly (B: 2,000 − 600)."""
    imported(service, report(tmp_path, "1-6月", ytd(6, 5000, 3000)))
    imported(service, report(tmp_path, "1-9月", ytd(9, 7500, 5000)))
    imported(service, report(tmp_path, "7月", {"7月完成投资": (800, 600)}))
    assert records(ctx, A) == [(6, 1, 5000), (7, N, 800), (9, 8, 1700)]
    assert records(ctx, B) == [(6, 1, 3000), (7, N, 600), (9, 8, 1400)]
    assert (through(ctx, A, 9), through(ctx, B, 9)) == (7500, 5000)  # the 1–9月 reported
    assert (through(ctx, A, 7), through(ctx, B, 7)) == (5800, 3600)


def test_a_month_inside_a_span_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """D16: 1–10月 9,000, then 9月 1,000: stored beside the span, Jan–Oct 10,000 (counted twice). January–August
    and October together are 8,000, but not how much is October's: asked, with both figures."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    september = report(tmp_path, "9月", {"9月完成投资": (1000, 700)})
    asked = service.import_file(september, ImportOptions())
    assert [(p.problem.code, p.row, p.column, p.value) for p in asked.problems] == [
        ("month_inside_span", 4, "F", "1000"),
        ("month_inside_span", 5, "F", "700"),
    ]
    said = asked.problems[0].reason("en")
    assert "10,000,000 yuan, falls within months 1–10" in said and "90,000,000 yuan" in said
    assert "year to date through month 9" in said
    assert "1–9 月累计" in asked.problems[0].reason("zh")
    assert not asked.written and records(ctx, A) == [(10, 1, 9000)]
    skipped = service.import_file(september, ImportOptions(skip_invalid=True))
    assert not skipped.written and records(ctx, A) == [(10, 1, 9000)] and through(ctx, B, 10) == 6000


def test_months_above_the_span_they_are_in_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """10月 9,500 after 1–10月 9,000: October alone cannot be more than January–October (a year to date under
    the month's header?). B's 1,000 splits as ever."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    path = report(tmp_path, "10月", {"10月完成投资": (9500, 1000)})
    asked = service.import_file(path, ImportOptions())
    (problem,) = asked.problems
    assert (problem.problem.code, problem.row, problem.value) == ("months_above_span", 4, "9500")
    assert "come to 95,000,000 yuan" in problem.reason("en") and "90,000,000 yuan" in problem.reason("en")
    assert not asked.written
    assert service.import_file(path, ImportOptions(skip_invalid=True)).written  # B's October, A's row left out
    assert records(ctx, A) == [(10, 1, 9000)] and records(ctx, B) == [(9, 1, 5000), (10, N, 1000)]


def test_the_last_months_of_a_span_in_one_file(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """9月 and 10月 columns after 1–10月 9,000: January–August 9,000 − 1,000 − 1,500 = 6,500."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    imported(service, report(tmp_path, "10月", {"9月完成投资": (1000, 700), "10月完成投资": (1500, 1000)}))
    assert records(ctx, A) == [(8, 1, 6500), (9, N, 1000), (10, N, 1500)]
    assert records(ctx, B) == [(8, 1, 4300), (9, N, 700), (10, N, 1000)]


def test_every_month_of_a_span_given_replaces_it(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """9–10月 2,500 stored (1–8月, then 1–10月), then 9月 and 10月: they are the span's months, written alone —
    even B's October, the same 1,700 as the span (6,000 − 4,300), which was left as the span covering September
    too (counted twice beside September's 700)."""
    imported(service, report(tmp_path, "1-8月", ytd(8, 6500, 4300)))
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    imported(service, report(tmp_path, "10月", {"9月完成投资": (1000, 700), "10月完成投资": (1500, 1700)}))
    assert records(ctx, A) == [(8, 1, 6500), (9, N, 1000), (10, N, 1500)]
    assert records(ctx, B) == [(8, 1, 4300), (9, N, 700), (10, N, 1700)]  # (a restatement: 1–10月 now 6,700)


def test_own_month_beside_its_year_to_date_and_the_next_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """D15b (10月 with 1–10月 in one file) and D18 (11月 alone after 1–10月) as before."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    imported(service, report(tmp_path, "10月", {"10月完成投资": (1500, 1000), **ytd(10, 9000, 6000)}))
    assert records(ctx, A) == [(9, 1, 7500), (10, N, 1500)]
    imported(service, report(tmp_path, "11月", {"11月完成投资": (1200, 800)}))
    assert records(ctx, A) == [(9, 1, 7500), (10, N, 1500), (11, N, 1200)] and through(ctx, A, 11) == 10200


def test_a_long_monthly_sheet_splits_the_same_way(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A row per project and month (项目名称 / 月份 / 完成投资) giving October after 1–10月."""
    imported(service, report(tmp_path, "1-10月", ytd(10, 9000, 6000)))
    head = ["项目名称", "所在区域", "月份", "完成投资"]
    rows = [[A, "高要区", "2025年10月", 1500], [B, "高要区", "2025年10月", 1000]]
    path = write_workbook(tmp_path / "long.xlsx", SheetSpec("明细", [["2025年项目月度完成投资（万元）"], head, *rows]))
    imported(service, path)
    assert records(ctx, A) == [(9, 1, 7500), (10, N, 1500)] and records(ctx, B) == [(9, 1, 5000), (10, N, 1000)]
