"""A title naming one year over a sheet named for another (probe31c G3): the figures had been stored
as the title's year without a word (四会市2024年1-10月… over a sheet 2025年10月: every 1–10月 figure
was 2024's, the 2025 year to date 0). Now asked; the period said answers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(tmp_path: Path, title: str, sheet: str) -> Path:
    rows = [
        [title],
        ["序号", "项目名称", "所在区域", "计划总投资（万元）", "累计完成投资（万元）"],
        [1, "正和铝型材项目", "四会市", 20000, 500],
        [2, "四会储能电站项目", "四会市", 30000, 1200],
    ]
    return write_workbook(tmp_path / "四会市.xlsx", SheetSpec(sheet, rows))


def records(ctx: AppContext) -> set[tuple]:
    return {
        (r.year, r.first_month, r.month, r.amount)
        for p in ctx.projects.all_projects()
        for r in ctx.projects.investment(p.id)
    }


def test_a_title_and_a_sheet_name_of_two_years_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = report(tmp_path, "四会市2024年1-10月重点项目进度", "2025年10月")
    result = service.import_file(path, ImportOptions())
    assert not result.written and records(ctx) == set()
    (problem,) = result.problems
    assert problem.problem.code == "period_sheet_year" and problem.column == "E"
    assert "the title says 2024, but the sheet's name says 2025" in problem.reason("en")
    said = service.import_file(path, ImportOptions(period=(2025, 10)))
    assert said.written and said.added == 2
    assert records(ctx) == {(2025, 1, 10, 5_000_000), (2025, 1, 10, 12_000_000)}


@pytest.mark.parametrize(
    ("title", "sheet"), [("四会市2025年1-10月重点项目进度", "2025年10月"), ("四会市2025年1-10月重点项目进度", "10月")]
)
def test_a_title_and_a_sheet_name_that_agree_are_read(
    service: ImportService, ctx: AppContext, tmp_path: Path, title: str, sheet: str
) -> None:
    result = service.import_file(report(tmp_path, title, sheet), ImportOptions())
    assert result.written and not result.problems
    assert records(ctx) == {(2025, 1, 10, 5_000_000), (2025, 1, 10, 12_000_000)}


def test_the_planned_end_of_a_construction_period_is_no_production_while_investing(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """建设年限 2022.3-2024.12 beside a 2025 year to date (probe31c F09 row 7): the project still invests,
    so the planned end passed is not evidence that it produces (it had been recorded In production).
    A period ended with nothing invested this year still shows production."""
    rows = [
        ["四会市2025年1-10月重点项目进度"],
        ["序号", "项目名称", "所在区域", "计划总投资（万元）", "建设年限", "1-10月累计完成投资（万元）"],
        [1, "嘉诚纺织服装产业园项目", "四会市", 20000, "2022.3-2024.12", 434],
        [2, "海德陶瓷产业园项目", "四会市", 30000, "2019-2021", 0],
    ]
    path = write_workbook(tmp_path / "四会市.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.written and not result.problems
    status = {p.name: p.status.value for p in ctx.projects.all_projects()}
    assert status == {"嘉诚纺织服装产业园项目": "under_construction", "海德陶瓷产业园项目": "in_production"}


def test_a_first_year_to_date_moved_to_the_start_month_is_unchanged_the_second_time(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工时间 2025年4月 beside 1-10月累计 440万: stored as months 4–10 (import_start_month.py). Imported
    again it had been counted as a record written (4,400,000 → 4,400,000), and said again (probe31c F10)."""
    rows = [
        ["四会市2025年1-10月重点项目进度"],
        ["序号", "项目名称", "所在区域", "计划总投资（万元）", "开工时间", "1-10月累计完成投资（万元）"],
        [1, "华星五金制品扩建项目", "四会市", 20000, "2025年4月", 440],
    ]
    path = write_workbook(tmp_path / "四会市.xlsx", SheetSpec("Sheet1", rows))
    first = service.import_file(path, ImportOptions())
    assert first.written and first.investment_records == 1
    assert [n.code for n in first.notes].count("note_ytd_from_start") == 1
    assert records(ctx) == {(2025, 4, 10, 4_400_000)}
    again = service.import_file(path, ImportOptions())
    assert again.unchanged == 1 and again.investment_records == 0
    assert "note_ytd_from_start" not in [n.code for n in again.notes]
    assert records(ctx) == {(2025, 4, 10, 4_400_000)}
