"""A long sheet's month cell written with dots for months 1 to X ("2026.1-6", "2026.1-2026.6") was read as 6
January 2026 — the 1–6月 figure stored as January's own, exit 0 (found by fix25d beside probe25d W3); "2026.7-9"
as July's. Now 2026.1-6 is the year to date through June, as 2026年1-6月 is; a span not from January, and
"2026-1-6" (months 1–6, or 6 January?), are refused naming the cell. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService


def monthly(tmp_path: Path, first: str, second: str) -> Path:
    rows = [
        ["项目名称", "所在区域", "月份", "完成投资（万元）"],
        ["甲项目", "高要区", first, 600],
        ["甲项目", "高要区", second, 100],
    ]
    return write_workbook(tmp_path / "months.xlsx", SheetSpec("月度", rows))


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    service = ImportService(ctx.database)
    head = ["项目名称", "所在区域", "计划总投资（万元）"]
    base = write_workbook(tmp_path / "base.xlsx", SheetSpec("项目", [head, ["甲项目", "高要区", 5000]]))
    assert service.import_file(base, ImportOptions()).ok
    return service


@pytest.mark.parametrize("span", ["2026.1-6", "2026.1-2026.6", "2026.01-06", "2026/1-6", "2026年1-6月"])
def test_months_from_january_written_with_dots_are_a_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path, span: str
) -> None:
    result = service.import_file(monthly(tmp_path, span, "2026.7"), ImportOptions())
    assert result.ok
    (p,) = ctx.projects.all_projects()
    # 1–6月 600万 as one figure over January–June, then July's own 100万
    spans = [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)]
    assert spans == [(2026, 1, 6, 6_000_000), (2026, 7, 7, 1_000_000)]


@pytest.mark.parametrize("span", ["2026.7-9", "2026-1-6"])
def test_a_span_that_is_no_year_to_date_or_reads_two_ways_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, span: str
) -> None:
    result = service.import_file(monthly(tmp_path, span, "2026.10"), ImportOptions())
    assert [(p.row, p.column, p.value, p.problem.code) for p in result.problems] == [(2, "C", span, "bad_month")]
    assert not result.written


def test_a_dashed_date_with_its_zeros_is_still_that_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2026-01-06 (a date a statistics system writes) is January, as before."""
    assert service.import_file(monthly(tmp_path, "2026-01-06", "2026-02-01"), ImportOptions()).ok
    (p,) = ctx.projects.all_projects()
    assert [(r.month, r.amount) for r in ctx.projects.investment(p.id)] == [(1, 6_000_000), (2, 1_000_000)]
