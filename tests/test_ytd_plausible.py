"""A year to date above the project's planned total investment (services/import_figures.py): one
year's work above the whole project's is rare — most often 累计 since construction started read as
the year's. Under a bare 累计完成投资 header the row is refused with both figures; under a header naming
this year's months (1-10月累计) it is imported with a note. Real .xlsx files and databases (both
engines); every figure worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = "端州区2025年10月重点项目进展情况表"
NAME = "端州数字经济产业园"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def seed(service: ImportService, tmp_path: Path, planned: int = 25000) -> None:
    """The project stored with its planned total investment (万元), no figures yet."""
    rows = [["项目名称", "所属区", "总投资（万元）", "项目状态"], [NAME, "端州区", planned, "在建"]]
    path = write_workbook(tmp_path / "项目库.xlsx", SheetSpec("项目库", rows))
    assert service.import_file(path, ImportOptions()).added == 1


def october(tmp_path: Path, ytd_header: str, ytd: float, *, planned: float | None = None) -> Path:
    """f27's shape: 本月 and a year-to-date column under a title naming October, in 万元."""
    head = ["项目名称", "本月完成投资", ytd_header, "形象进度"]
    row: list = [NAME, 1800, ytd, "完成60%"]
    if planned is not None:
        head.insert(1, "总投资")
        row.insert(1, planned)
    return write_workbook(tmp_path / "f27.xlsx", SheetSpec("Sheet1", [[TITLE], ["单位：万元"], head, row]))


def records(ctx: AppContext) -> list[tuple[int, int, int, int]]:
    """(year, first month, last month, yuan) of the project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == NAME)
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid)]


def said(result: ImportResult, lang: str) -> str:
    return " ".join(n.message(lang) for n in result.notes if n.code == "note_ytd_above_planned")


def test_a_bare_cumulative_above_the_planned_total_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seed(service, tmp_path)
    # 累计完成投资 30,000 万元 read as 1–10月 would store 1–9月 28,200 + 10月 1,800 — above the whole
    # project's 25,000: since construction started, almost certainly
    refused = service.import_file(october(tmp_path, "累计完成投资", 30000), ImportOptions())
    (problem,) = refused.problems
    assert not refused.written and problem.problem.code == "ytd_above_planned"
    assert (problem.row, problem.column, problem.value) == (4, "C", "30000")
    en, zh = problem.reason("en"), problem.reason("zh")
    # in yuan, as the other year-to-date problems of a row; the cell (30000) and its header beside it
    assert "through month 10 (300,000,000 yuan)" in en and "planned investment (250,000,000 yuan)" in en
    assert "head the column 自开工累计完成投资" in en and "head it 1-10月累计完成投资" in en
    assert "1–10月累计（300,000,000元）高于项目计划总投资（250,000,000元）" in zh and "“自开工累计完成投资”" in zh
    assert records(ctx) == []
    (p,) = ctx.projects.all_projects()
    assert p.progress_note is None  # the row is refused whole
    # headed as the district meant it: 30,000 since the start, October's own 1,800
    result = service.import_file(october(tmp_path, "自开工累计完成投资", 30000), ImportOptions())
    assert result.ok and not said(result, "en")
    (p,) = ctx.projects.all_projects()
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (300_000_000, 2025, 10)
    assert records(ctx) == [(2025, 10, 10, 18_000_000)]


@pytest.mark.parametrize("ytd", [20000, 25000])  # below the planned 25,000, and exactly it
def test_a_year_to_date_up_to_the_planned_total_says_nothing(
    service: ImportService, ctx: AppContext, tmp_path: Path, ytd: int
) -> None:
    seed(service, tmp_path)
    result = service.import_file(october(tmp_path, "累计完成投资", ytd), ImportOptions())
    assert result.ok and not said(result, "en")
    assert not [n for n in result.notes if "planned investment" in n.message("en")]
    # 1–10月 20,000: 1–9月 20,000 − 1,800 = 18,200 and October 1,800 (25,000: 23,200 and 1,800)
    assert records(ctx) == [(2025, 1, 9, (ytd - 1800) * 10_000), (2025, 10, 10, 18_000_000)]


def test_a_header_naming_the_months_above_the_total_is_a_note(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seed(service, tmp_path)
    path = october(tmp_path, "1-10月累计完成投资", 30000)
    dry = service.import_file(path, ImportOptions(lang="zh"), dry_run=True)  # notes are worded in the import's language
    (note,) = [n for n in dry.notes if n.code == "note_ytd_above_planned"]
    assert "工作表“Sheet1”：1 行的本年累计高于项目计划总投资" in note.message("zh")
    assert "第 4 行：1–10月累计 30,000万元，计划总投资 25,000万元" in note.message("zh")
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.written  # the header says this year's: a cost overrun, imported
    # 1–9月 30,000 − 1,800 = 28,200 and October 1,800
    assert records(ctx) == [(2025, 1, 9, 282_000_000), (2025, 10, 10, 18_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_ytd_above_planned"]
    en = note.message("en")
    assert "Sheet “Sheet1”: 1 row(s)" in en and "imported as written" in en and "自开工累计" in en
    assert "row 4: Jan–Oct ¥300.00 mn year to date, planned investment ¥250.00 mn" in en


def test_the_rows_own_planned_total_is_the_one_held_against(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seed(service, tmp_path)  # stored 25,000; the row raises it to 40,000: 30,000 this year is below it
    result = service.import_file(october(tmp_path, "累计完成投资", 30000, planned=40000), ImportOptions())
    assert result.ok and not said(result, "en")
    assert records(ctx) == [(2025, 1, 9, 282_000_000), (2025, 10, 10, 18_000_000)]


def test_a_project_this_file_adds_is_held_against_its_own_row(service: ImportService, tmp_path: Path) -> None:
    # nothing stored: the list sheet adds the project with 25,000, the October sheet gives 累计 30,000
    listed = SheetSpec("清单", [["项目名称", "所属区", "总投资（万元）", "项目状态"], [NAME, "端州区", 25000, "在建"]])
    head = ["项目名称", "所属区", "累计完成投资"]
    monthly = SheetSpec("10月", [[TITLE], ["单位：万元"], head, [NAME, "端州区", 30000]])
    refused = service.import_file(write_workbook(tmp_path / "两表.xlsx", listed, monthly), ImportOptions())
    assert [p.problem.code for p in refused.problems] == ["ytd_above_planned"] and not refused.written
    assert refused.problems[0].sheet == "10月"
