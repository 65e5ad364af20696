"""A header three merged rows deep (probe23a m04, m04b): 序号 … 建设状态 merged down rows 3–5, a group
over a group over the field names. The third row was taken for another table's header (0 projects,
exit 0) or for a data row ("row 5 has values but no project name"; with --skip-invalid its 10月
column was stored as the year to date and 1-10月累计 dropped). Each column's words are now read
top-down as one header. Real .xlsx files written by openpyxl, imported through the service, both
engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = ["肇庆市高要区2025年1-10月重点项目进展情况表"]
REPORTER = ["填报单位：高要区发展和改革局（盖章）          单位：万元"]
IDENTITY = ["序号", "项目编号", "项目名称", "建设单位", "所在区域", "建设状态"]
# planned, 2025 plan, October, 1-10月 (万元)
PROJECTS = [
    [1, "GY-001", "新能源电池材料项目", "甲公司", "高要区", "在建", 50_000, 12_000, 1_200, 9_800],
    [2, "GY-002", "五金智能制造基地", "乙公司", "高要区", "在建", 32_000, 8_000, 700, 6_500.5],
    [3, "GY-003", "智能家居产业园", "丙公司", "高要区", "前期", 18_000, 3_000, 150, 400],
]
TOTAL = ["合计", "", "", "", "", "", 100_000, 23_000, 2_050, 16_700.5]
# A3:A5 … F3:F5 (序号 … 建设状态) and K3:K5 (备注) merged down the three header rows
DOWN = [f"{c}3:{c}5" for c in "ABCDEFK"]


def m04(tmp_path: Path) -> Path:
    """项目投资情况 (G3:J3) › 计划总投资 (G4:G5) | 2025年 (H4:J4) › 年度计划 | 10月完成 | 1-10月累计."""
    top = [*IDENTITY, "项目投资情况", "", "", "", "备注"]
    middle = ["", "", "", "", "", "", "计划总投资", "2025年", "", "", ""]
    bottom = ["", "", "", "", "", "", "", "年度计划", "10月完成", "1-10月累计", ""]
    merges = ["A1:K1", "A2:K2", *DOWN, "G3:J3", "G4:G5", "H4:J4"]
    spec = SheetSpec("10月", [TITLE, REPORTER, top, middle, bottom, *PROJECTS, TOTAL], merges=merges)
    return write_workbook(tmp_path / "m04.xlsx", spec)


def m04b(tmp_path: Path) -> Path:
    """计划总投资 (G3:G5) | 2025年投资情况 (H3:J3) › 年度计划 (H4:H5) | 完成投资 (I4:J4) › 10月 | 1-10月累计."""
    top = [*IDENTITY, "计划总投资", "2025年投资情况", "", "", "备注"]
    middle = ["", "", "", "", "", "", "", "年度计划", "完成投资", "", ""]
    bottom = ["", "", "", "", "", "", "", "", "10月", "1-10月累计", ""]
    merges = ["A1:K1", "A2:K2", *DOWN, "G3:G5", "H3:J3", "H4:H5", "I4:J4"]
    spec = SheetSpec("10月", [TITLE, REPORTER, top, middle, bottom, *PROJECTS, TOTAL], merges=merges)
    return write_workbook(tmp_path / "m04b.xlsx", spec)


def imported(ctx: AppContext, tmp_path: Path, path: Path, **options: object) -> ImportResult:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    return service.import_file(path, ImportOptions(**options))  # type: ignore[arg-type]


def stored(ctx: AppContext) -> dict[str, tuple[int | None, int, int, list[tuple[int, int]]]]:
    """Each project's planned investment, its 2025 year to date through October (1–9月 span + 10月),
    October's own amount and its annual plans (year, yuan)."""
    out = {}
    for p in ctx.projects.all_projects():
        records = [r for r in ctx.projects.investment(p.id) if r.year == 2025]
        october = [r.amount for r in records if r.month == 10 and r.first_month is None]
        plans = [(pl.year, pl.amount) for pl in ctx.projects.plans(p.id)]
        out[p.name] = (p.planned_investment, sum(r.amount for r in records), sum(october), plans)
    return out


EXPECTED = {
    # 50000 万 planned; 9800 万 Jan–Oct of which 1200 万 in October; 12000 万 planned for 2025
    "新能源电池材料项目": (500_000_000, 98_000_000, 12_000_000, [(2025, 120_000_000)]),
    # 6500.5 万 = 65,005,000 yuan to date; 700 万 in October
    "五金智能制造基地": (320_000_000, 65_005_000, 7_000_000, [(2025, 80_000_000)]),
    "智能家居产业园": (180_000_000, 4_000_000, 1_500_000, [(2025, 30_000_000)]),
}


@pytest.mark.parametrize("shape", [m04, m04b], ids=["m04", "m04b"])
def test_a_header_three_merged_rows_deep_is_one_header(ctx: AppContext, tmp_path: Path, shape) -> None:
    result = imported(ctx, tmp_path, shape(tmp_path))
    assert result.problems == [] and result.added == 3  # (m04: 0 projects, exit 0; m04b: refused — before)
    got = stored(ctx)
    assert got == EXPECTED
    # planned 50000 + 32000 + 18000 = 100000 万; to date 9800 + 6500.5 + 400 = 16700.5 万; October 2050 万
    assert sum(v[0] or 0 for v in got.values()) == 1_000_000_000
    assert sum(v[1] for v in got.values()) == 167_005_000
    assert sum(v[2] for v in got.values()) == 20_500_000
    assert not any("another table" in n.message("en") for n in result.notes)


def test_skipping_invalid_rows_reads_the_same_columns(ctx: AppContext, tmp_path: Path) -> None:
    """m04b with --skip-invalid stored 10月 as the Jan–Oct span (1200 万 for 9800 万) and dropped 1-10月累计."""
    result = imported(ctx, tmp_path, m04b(tmp_path), skip_invalid=True)
    assert result.problems == [] and result.added == 3 and stored(ctx) == EXPECTED
    assert not any("1-10月累计" in n.message("en") for n in result.notes)  # ("not a known column", before)


def test_a_two_row_header_over_a_text_only_first_row_stays_two_rows(ctx: AppContext, tmp_path: Path) -> None:
    """序号 … 建设状态 merged down two rows over 2025年完成投资 › 10月 | 1-10月累计: the row under them is
    the first project's, even with no numbers in it (its amounts not yet filled)."""
    top = [*IDENTITY, "计划总投资", "2025年计划投资", "2025年完成投资", "", "备注"]
    sub = ["", "", "", "", "", "", "", "", "10月", "1-10月累计", ""]
    blank = [4, "GY-004", "金属表面处理项目", "丁公司", "高要区", "前期", "", "", "", "", "待补"]
    merges = ["A1:K1", "A2:K2", *(f"{c}3:{c}4" for c in "ABCDEFGHK"), "I3:J3"]
    rows = [TITLE, REPORTER, top, sub, blank, *PROJECTS, TOTAL]
    result = imported(ctx, tmp_path, write_workbook(tmp_path / "two.xlsx", SheetSpec("10月", rows, merges=merges)))
    assert result.added == 4 and stored(ctx)["金属表面处理项目"] == (None, 0, 0, [])
    assert {k: v for k, v in stored(ctx).items() if k in EXPECTED} == EXPECTED
