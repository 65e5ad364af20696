"""Numbers whose format shows them in another unit (probe23a n10d, n03d, r15). A list of signed projects
typed 50, 25 … and formatted 0.00"亿元" (the cells show "50.00亿元") under a 单位：万元 line left from the
template was stored as 50 万元 — 500,000 yuan instead of 5,000,000,000; a list of 技改 projects stored in
yuan and shown in 万 by 0!.0000 (3000000 shows "300.0000") under 单位：万元 was stored 10,000 times too
big. The reading process now gives such a cell as the number and unit it shows (io/percent_format.unit_mark).
Both engines, real .xlsx files written by openpyxl, and .xls saved by LibreOffice or written by xlwt."""

from __future__ import annotations

from pathlib import Path

import pytest
from hidden_files import converted, has_soffice
from import_files import SheetSpec, write_workbook

from zqtracker.io.percent_format import unit_mark, unit_text
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN, YI = 10_000, 100_000_000
HEAD = ["序号", "项目名称", "所在区域", "计划总投资", "1-10月累计完成投资"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def book(path: Path, unit_line: str, rows: list[list], fmt: str) -> Path:
    cells = {f"{col}{r}": fmt for col in "DE" for r in range(4, 4 + len(rows))}
    sheet = [["高要区2025年1-10月重点项目进展情况表"], [unit_line], HEAD, *rows]
    return write_workbook(path, SheetSpec("Sheet1", sheet, formats=cells))


def stored(ctx: AppContext) -> dict[str, tuple[int | None, int]]:
    ytd = {p.name: 0 for p in ctx.projects.all_projects()}
    for p in ctx.projects.all_projects():
        ytd[p.name] = sum(r.amount for r in ctx.projects.investment(p.id))
    return {p.name: (p.planned_investment, ytd[p.name]) for p in ctx.projects.all_projects()}


def test_a_quoted_unit_in_the_format_beats_the_unit_line(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [[1, "甲签约项目", "高要区", 50, 1.2], [2, "乙签约项目", "高要区", 12.5, 0.35]]
    path = book(tmp_path / "yi.xlsx", "单位：万元", rows, '0.00"亿元"')
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    # 50亿 = 5,000,000,000; 1.2亿 = 120,000,000; 12.5亿 = 1,250,000,000; 0.35亿 = 35,000,000
    assert stored(ctx) == {"甲签约项目": (50 * YI, 120_000_000), "乙签约项目": (1_250_000_000, 35_000_000)}


@pytest.mark.parametrize(("fmt", "unit_line"), [("0!.0000", "单位：万元"), ("#,##0!.0,", "单位：万元"),
                                                ("#,##0.00,,", "单位：百万元")])  # fmt: skip
def test_yuan_shown_in_a_larger_unit_by_the_format(
    service: ImportService, ctx: AppContext, tmp_path: Path, fmt: str, unit_line: str
) -> None:
    rows = [
        [1, "熔铸炉节能改造项目", "高要区", 3_000_000, 1_500_000],
        [2, "冲压机器人项目", "高要区", 4_500_000, 2_100_000],
    ]
    result = service.import_file(book(tmp_path / "yuan.xlsx", unit_line, rows, fmt), ImportOptions())
    assert result.ok, result.problems
    assert stored(ctx) == {"熔铸炉节能改造项目": (3_000_000, 1_500_000), "冲压机器人项目": (4_500_000, 2_100_000)}


def test_an_xls_saved_by_libreoffice_keeps_the_format_unit(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    if not has_soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    rows = [[1, "甲签约项目", "高要区", 50, 1.2], [2, "乙签约项目", "高要区", 12.5, 0.35]]
    saved = converted(book(tmp_path / "yi.xlsx", "单位：万元", rows, '0.00"亿元"'), "xls", tmp_path)
    result = service.import_file(saved, ImportOptions())
    assert result.ok, result.problems
    assert stored(ctx) == {"甲签约项目": (50 * YI, 120_000_000), "乙签约项目": (1_250_000_000, 35_000_000)}


@pytest.mark.parametrize(
    ("code", "mark", "shown"),
    [('0.00"亿元"', "~0|亿元", "50亿元"), ("0!.0000", "~4|", "0.005"), ("0\\.0000", "~4|", "0.005"),
     ("#,##0.00,,", "~6|", "0.00005"), ('#,##0"万"', "~0|万", "50万"), ("#,##0.00", None, None), ("0%", None, None),
     ('0.00"个"', None, None), ('[>=100000000]0.00,,"亿";0.00', None, None), ('yyyy"年"m"月"', None, None)],
)  # fmt: skip
def test_which_formats_show_another_unit(code: str, mark: str | None, shown: str | None) -> None:
    assert unit_mark(code) == mark
    assert (unit_text(50.0, mark) if mark else None) == shown
