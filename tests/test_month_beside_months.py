"""A 当月完成投资 column beside a column of a given month (9月完成投资 | 当月完成投资 under a title of 2025年10月) was
left unread without a word, exit 0: the month's own amount of the report went missing. It is now the report
month's; a bare 完成投资 beside such columns (whose month?) is said, not guessed. And a sheet with 1–9月累计 and
1–10月累计 headers is an October report (the period had been taken from the first of them: September).
Real .xlsx files through ImportService, both engines; figures in 万元 by hand."""

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


def report(tmp_path: Path, title: str, figures: dict[str, tuple[int, int]]) -> Path:
    head = ["序号", "项目名称", "所属县区", "计划总投资", *figures]
    rows = [[1, "高要区甲项目", "高要区", 50000], [2, "高要区乙项目", "高要区", 30000]]
    for i, row in enumerate(rows):
        row.extend(v[i] for v in figures.values())
    return write_workbook(tmp_path / "r.xlsx", SheetSpec("Sheet1", [[title], ["单位：万元"], head, *rows]))


def records(ctx: AppContext) -> dict[tuple[str, int], tuple[int | None, int]]:
    """(project, month) → (first month of a span, 万元) of the 2025 records."""
    out = {}
    for p in ctx.projects.all_projects():
        for r in ctx.projects.investment(p.id):
            out[(p.name[3], r.month)] = (r.first_month, r.amount // WAN)
    return out


def test_this_months_own_beside_last_months(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = report(
        tmp_path, "肇庆市高要区2025年10月重点项目进展情况表", {"9月完成投资": (100, 200), "当月完成投资": (120, 220)}
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.investment_records == 4
    assert records(ctx) == {
        ("甲", 9): (None, 100),
        ("乙", 9): (None, 200),
        ("甲", 10): (None, 120),
        ("乙", 10): (None, 220),
    }


def test_a_bare_amount_beside_a_months_column_is_said(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = report(
        tmp_path, "肇庆市高要区2025年10月重点项目进展情况表", {"9月完成投资": (100, 200), "完成投资": (120, 220)}
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.investment_records == 2  # September's; column F not guessed
    said = [n.message("en") for n in result.notes]
    assert any("column F “完成投资” is not imported" in n and "whose own month nothing says" in n for n in said)


def test_two_years_to_date_make_the_later_the_reports(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """1–9月累计 300 | 当月 120 | 1–10月累计 420, under a title naming no month: October's report."""
    figures = {"1-9月累计完成投资": (300, 500), "当月完成投资": (120, 220), "1-10月累计完成投资": (420, 720)}
    result = service.import_file(report(tmp_path, "肇庆市高要区2025年重点项目进展情况表", figures), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx) == {("甲", 9): (1, 300), ("乙", 9): (1, 500), ("甲", 10): (None, 120), ("乙", 10): (None, 220)}
