"""An April report imported after October's (probe32a F1): its note said the projects keep what the newer
report gave, yet it put back the project's old name (linked with --link) and the year's annual plan October
had revised. Both now stay October's and the note lists them; the months April fills in (not stored) are
written as before. Real .xlsx files and databases (both engines); figures worked out in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

NEW_A, OLD_A = "金利五金产业园项目（一期）", "金利五金产业园项目"
B, C = "蛟塘镇智能家居生产基地项目", "活道镇光伏发电项目"
TITLE = "高要区2025年{}月重点项目进展情况表"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def october(tmp_path: Path) -> Path:
    head = ["序号", "项目名称", "所在区域", "总投资（万元）", "2025年计划投资（万元）", "10月完成投资（万元）",
            "形象进度"]  # fmt: skip
    return write_workbook(tmp_path / "10月.xlsx", SheetSpec("10月", [[TITLE.format("1-10")], ["单位：万元"], head,
                          [1, NEW_A, "高要区", 80000, 15000, 700, "主体封顶"],
                          [2, B, "高要区", 35000, 6000, 480, "设备安装"],
                          [3, C, "高要区", 25000, None, 500, "组件安装"]]))  # fmt: skip


def april(tmp_path: Path) -> Path:
    head = ["序号", "项目名称", "所在区域", "总投资（万元）", "2025年计划投资（万元）", "1-4月累计完成投资（万元）",
            "4月完成投资（万元）", "形象进度"]  # fmt: skip
    return write_workbook(tmp_path / "4月.xlsx", SheetSpec("4月", [[TITLE.format("1-4")], ["单位：万元"], head,
                          [1, OLD_A, "高要区", 80000, 15000, 1250.8, 500, "场地平整"],
                          [2, B, "高要区", 35000, 8000, 1550, 380, "厂房装修"],
                          [3, C, "高要区", 25000, 6000, 2450, 650, "组件采购"]]))  # fmt: skip


def pid(ctx: AppContext, name: str) -> int:
    return next(p.id for p in ctx.projects.all_projects() if p.name == name)


def plan_2025(ctx: AppContext, name: str) -> int | None:
    return next((p.amount for p in ctx.projects.plans(pid(ctx, name)) if p.year == 2025), None)


def records(ctx: AppContext, name: str) -> list[tuple[int, int, int, int]]:
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid(ctx, name))]


def test_april_after_october_keeps_name_and_plan(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(october(tmp_path), ImportOptions()).added == 3
    a = pid(ctx, NEW_A)
    # April's row 4 names A as it was called then: the user links it (--link 4=#a)
    options = ImportOptions(links={("4月", 4): a})
    result = service.import_file(april(tmp_path), options)
    assert result.ok and result.written
    # was: A renamed back to 金利五金产业园项目, B's 2025 plan back from 6,000万 to 8,000万
    assert ctx.projects.get(a).name == NEW_A
    assert plan_2025(ctx, B) == 60_000_000
    assert plan_2025(ctx, C) == 60_000_000  # none stored: April's fills the blank
    assert {c["field"] for c in result.changes} <= {"completed_investment", "plan 2025"}
    # the months not stored are April's: 1–3月 = 1–4月累计 less April (1,250.8 − 500 = 750.8 万元)
    assert records(ctx, NEW_A) == [(2025, 1, 3, 7_508_000), (2025, 4, 4, 5_000_000), (2025, 10, 10, 7_000_000)]
    assert records(ctx, B) == [(2025, 1, 3, 11_700_000), (2025, 4, 4, 3_800_000), (2025, 10, 10, 4_800_000)]
    assert records(ctx, C) == [(2025, 1, 3, 18_000_000), (2025, 4, 4, 6_500_000), (2025, 10, 10, 5_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_older_report"]
    en, zh = note.message("en"), note.message("zh")
    assert "rows 4–6 report through 2025-04" in en and "name, annual plan" in en
    assert "第 4–6 行报送截至 2025-04" in zh and "项目名称、年度计划" in zh
    again = service.import_file(april(tmp_path), options)
    assert again.ok and again.updated == 0 and again.investment_records == 0
    assert ctx.projects.get(a).name == NEW_A and plan_2025(ctx, B) == 60_000_000


def test_a_plan_alone_is_kept_and_said(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Without the link, April's A is asked (a near name) and skipped; B's row differs from October's
    only in its plan and 形象进度: the plan stays 6,000万 and row 5 is in the note."""
    assert service.import_file(october(tmp_path), ImportOptions()).ok
    result = service.import_file(april(tmp_path), ImportOptions(skip_invalid=True))
    assert result.written and plan_2025(ctx, B) == 60_000_000 and plan_2025(ctx, C) == 60_000_000
    assert records(ctx, B) == [(2025, 1, 3, 11_700_000), (2025, 4, 4, 3_800_000), (2025, 10, 10, 4_800_000)]
    (note,) = [n for n in result.notes if n.code == "note_older_report"]
    assert "rows 5–6 report through 2025-04" in note.message("en")


def test_since_start_and_district_stay_octobers(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """自开工累计 as of October is not put back to April's, nor the district October's list moved the
    project to (April's row linked onto it)."""

    def one(m: str, district: str, month: int, since: int) -> SheetSpec:
        head = ["序号", "项目名称", "所在区域", f"{m}月完成投资（万元）", "自开工累计完成投资（万元）"]
        title = TITLE.format(f"1-{m}")
        return SheetSpec(f"{m}月", [[title], ["单位：万元"], head, [1, NEW_A, district, month, since]])

    oct_file = write_workbook(tmp_path / "10月.xlsx", one("10", "端州区", 700, 30000))
    apr_file = write_workbook(tmp_path / "4月.xlsx", one("4", "高要区", 500, 21000))
    assert service.import_file(oct_file, ImportOptions()).added == 1
    a = pid(ctx, NEW_A)
    result = service.import_file(apr_file, ImportOptions(links={("4月", 4): a}))
    assert result.ok and result.written
    p = ctx.projects.get(a)
    # was: 21,000万 as of 2025-04 and 高要区
    assert (p.since_start_amount, p.since_start_year, p.since_start_month) == (300_000_000, 2025, 10)
    assert p.district == "端州区"
    assert records(ctx, NEW_A) == [(2025, 4, 4, 5_000_000), (2025, 10, 10, 7_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_older_report"]
    assert "rows 4 report through 2025-04" in note.message("en")
