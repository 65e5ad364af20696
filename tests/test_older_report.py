"""A district's September report imported after its October one: the monthly figures split October's
span as before, but 形象进度, the stage and remarks stay October's — an older report does not roll
the project back. The rows left as stored are said in one note. Real .xlsx files and databases
(both engines); every figure worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A, B, C = "恒通光伏组件扩产项目", "华南新材料产业园（一期）", "肇庆锂电池隔膜生产线项目"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def head(m: int) -> list[str]:
    return ["序号", "项目名称", "所在区域", "项目状态", f"1-{m}月累计完成投资", f"{m}月完成投资", "形象进度", "备注"]


def sheet(m: int, *rows: list) -> SheetSpec:
    return SheetSpec(f"{m}月", [[f"高要区2025年1-{m}月重点项目进展情况表"], ["单位：万元"], head(m), *map(list, rows)])


def september(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "9月.xlsx", sheet(9,
                          [1, A, "高要区", "前期", 8500, 900, "主体结构完成80%", "九月备注"],
                          [2, B, "高要区", "在建", 3200.5, 300, "设备安装完成30%", None],
                          [3, C, "高要区", "前期", None, None, "前期手续办理中", None]))  # fmt: skip


def october(tmp_path: Path, progress: str = "主体结构完成90%") -> Path:
    return write_workbook(tmp_path / "10月.xlsx", sheet(10,
                          [1, A, "高要区", "在建", 9700, 1200, progress, "十月备注"],
                          [2, B, "高要区", "在建", 3550.5, 350, "设备安装完成50%", None],
                          [3, C, "高要区", "在建", 1200, 1200, "11月1日动工", None]))  # fmt: skip


def state(ctx: AppContext) -> dict[str, tuple[Status, str | None, str | None]]:
    return {p.name: (p.status, p.progress_note, p.notes or None) for p in ctx.projects.all_projects()}


def records(ctx: AppContext, name: str) -> list[tuple[int, int, int, int]]:
    """(year, first month, last month, yuan) of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid)]


OCTOBER = {
    A: (Status.UNDER_CONSTRUCTION, "主体结构完成90%", "十月备注"),
    B: (Status.UNDER_CONSTRUCTION, "设备安装完成50%", None),
    C: (Status.UNDER_CONSTRUCTION, "11月1日动工", None),
}


def test_september_after_october_keeps_octobers_text(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(october(tmp_path), ImportOptions()).added == 3
    assert state(ctx) == OCTOBER
    result = service.import_file(september(tmp_path), ImportOptions())
    assert result.ok and result.written
    # was: 形象进度 back to September's, the stage back to 前期, September's 备注
    assert state(ctx) == OCTOBER
    assert result.updated == 0 and {c["field"] for c in result.changes} == {"completed_investment"}
    # the figures are September's all the same: 1–9月 8,500 split into 1–8月 7,600 and September 900
    assert records(ctx, A) == [(2025, 1, 8, 76_000_000), (2025, 9, 9, 9_000_000), (2025, 10, 10, 12_000_000)]
    assert records(ctx, B) == [(2025, 1, 8, 29_005_000), (2025, 9, 9, 3_000_000), (2025, 10, 10, 3_500_000)]
    assert records(ctx, C) == [(2025, 1, 9, 0), (2025, 10, 10, 12_000_000)]  # no September figure: as it was
    (note,) = [n for n in result.notes if n.code == "note_older_report"]
    en, zh = note.message("en"), note.message("zh")
    # row 6 (C) gives no figure: the sheet's period (1-9月 in the title) is its month
    assert "Sheet “9月”: rows 4–6 report through 2025-09" in en and "(through 2025-10)" in en
    assert "their progress, status, notes and the other fields the later report gave" in en
    assert "were not written back" in en and "figures were imported" in en
    assert "工作表“9月”：第 4–6 行报送截至 2025-09" in zh and "形象进度、项目状态、备注及较新报表已填的其他字段" in zh
    # the same file again changes nothing
    again = service.import_file(september(tmp_path), ImportOptions())
    assert again.ok and again.updated == 0 and again.investment_records == 0 and state(ctx) == OCTOBER


def test_october_after_september_writes_octobers_text(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(september(tmp_path), ImportOptions()).added == 3
    assert state(ctx)[A] == (Status.PREPARING, "主体结构完成80%", "九月备注")
    result = service.import_file(october(tmp_path), ImportOptions())
    assert result.ok and result.updated == 3 and state(ctx) == OCTOBER
    assert not [n for n in result.notes if n.code == "note_older_report"]
    # October: 9,700 − 8,500 = 1,200 万元
    assert records(ctx, A) == [(2025, 1, 8, 76_000_000), (2025, 9, 9, 9_000_000), (2025, 10, 10, 12_000_000)]
    again = service.import_file(october(tmp_path), ImportOptions())
    assert again.ok and again.updated == 0 and again.investment_records == 0 and state(ctx) == OCTOBER


def test_a_report_of_the_stored_month_updates_as_before(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(october(tmp_path), ImportOptions()).ok
    assert service.import_file(september(tmp_path), ImportOptions()).ok
    corrected = service.import_file(october(tmp_path, "主体结构完成95%"), ImportOptions())
    assert corrected.ok and corrected.updated == 1 and state(ctx)[A][1] == "主体结构完成95%"
    assert not [n for n in corrected.notes if n.code == "note_older_report"]


def test_a_workbook_of_both_months_after_october(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """9月 and 10月 sheets in one workbook: the project's row is 9月's, 10月's repeats it and gives
    its 形象进度 — the latest report, as new as the figures stored: written."""
    assert service.import_file(october(tmp_path), ImportOptions()).ok
    both = write_workbook(tmp_path / "月报.xlsx",
                          sheet(9, [1, A, "高要区", "前期", 8500, 900, "主体结构完成80%", None]),
                          sheet(10, [1, A, "高要区", "在建", 9700, 1200, "主体结构完成95%", None]))  # fmt: skip
    result = service.import_file(both, ImportOptions())
    assert result.ok and state(ctx)[A][:2] == (Status.UNDER_CONSTRUCTION, "主体结构完成95%")
    assert not [n for n in result.notes if n.code == "note_older_report"]


def revised(m: int, sector: str, enterprise: str, planned: int | None, b_planned: int | None) -> SheetSpec:
    """A report whose project fields a later month revised: sector, investor, planned total (万元)."""
    h = ["序号", "项目名称", "所在区域", "所属行业", "投资主体", "计划总投资（万元）", "项目状态"]
    h.append(f"1-{m}月累计完成投资")
    ytd = {9: (8500, 3200), 10: (9700, 3550)}[m]
    return SheetSpec(f"{m}月", [[f"高要区2025年1-{m}月重点项目进展情况表"], ["单位：万元"], h,
                                [1, A, "高要区", sector, enterprise, planned, "在建", ytd[0]],
                                [2, B, "高要区", "汽车", "乙公司", b_planned, "在建", ytd[1]]])  # fmt: skip


def test_september_after_october_keeps_octobers_sector_and_planned_total(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Found by probing monthly rounds: the late September report put A back under 汽车 with its old
    investor and planned total — every figure of A's year moved to 汽车 in the statistics, and the
    planned investment of the city fell by 3亿元, with exit 0 and a note saying the projects keep
    what the later report said. Now only what October left blank is filled (B's planned total)."""
    october = write_workbook(tmp_path / "10月.xlsx", revised(10, "新型储能", "甲新能源有限公司", 80000, None))
    assert service.import_file(october, ImportOptions()).added == 2
    september = write_workbook(tmp_path / "9月.xlsx", revised(9, "汽车", "甲公司", 50000, 30000))
    result = service.import_file(september, ImportOptions())
    assert result.ok
    fields = {p.name: (p.sector, p.enterprise, p.planned_investment) for p in ctx.projects.all_projects()}
    # was: (汽车, 甲公司, 500,000,000)
    assert fields[A] == ("新型储能", "甲新能源有限公司", 800_000_000)
    assert fields[B] == ("汽车", "乙公司", 300_000_000)  # blank in October: September's 30,000 万元 fills it
    assert {c["field"] for c in result.changes} == {"completed_investment", "planned_investment"}  # B's filled
    summary = ctx.statistics.summary(2025, 10)
    # A's 9,700 and B's 3,550 万元: all of A's year under 新型储能 (was: under 汽车, 13,250 there)
    assert summary.completed.by_sector["新型储能"].ytd == 97_000_000
    assert summary.completed.by_sector["汽车"].ytd == 35_500_000
    assert summary.planned_investment == 1_100_000_000  # 80,000 + 30,000 万元 (was 80,000 万元 less)
    (note,) = [n for n in result.notes if n.code == "note_older_report"]
    assert "Sheet “9月”: rows 4 report through 2025-09" in note.message("en")  # B only filled a blank
    assert "sector, planned investment" in note.message("en") and "所属行业、计划总投资" in note.message("zh")
    # October's report again changes nothing; a later one still revises the fields
    assert service.import_file(october, ImportOptions()).updated == 0
    later = write_workbook(tmp_path / "10月b.xlsx", revised(10, "汽车", "甲新能源有限公司", 90000, 30000))
    assert service.import_file(later, ImportOptions()).updated == 1
    assert next(p for p in ctx.projects.all_projects() if p.name == A).planned_investment == 900_000_000
