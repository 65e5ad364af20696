"""A district typed with spaces to align the column ("高要 区", "高　要　区", "四 会 市") is that district: it had
become a new district, the matched project moved into it and the district totals split, with exit 0 (probe25a
C35, C65, C81). Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所在区域", "计划总投资（万元）"]


def listing(tmp_path: Path, name: str, *rows: list) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [["肇庆市2025年重点项目情况表"], HEAD, *rows]))


def test_spaces_inside_a_chinese_district_name_are_not_part_of_it(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database)
    october = listing(tmp_path, "oct", [1, "高要铝材项目", "高要区", 5000], [2, "四会电子项目", "四会市", 3000])
    assert service.import_file(october, ImportOptions()).ok
    november = listing(
        tmp_path,
        "nov",
        [1, "高要铝材项目", "高要 区", 5000],
        [2, "四会电子项目", "四　会　市", 3500],  # full-width spaces; planned 3000 → 3500 万元
        [3, "高要五金项目", " 高 要 区 ", 2000],
    )
    result = service.import_file(november, ImportOptions())
    assert result.ok and result.new_districts == [] and (result.added, result.updated) == (1, 1)
    stored = {p.name: (p.district, p.planned_investment) for p in ctx.projects.all_projects()}
    assert stored == {
        "高要铝材项目": ("高要区", 50_000_000),
        "四会电子项目": ("四会市", 35_000_000),
        "高要五金项目": ("高要区", 20_000_000),
    }


def test_a_latin_district_keeps_its_spaces(ctx: AppContext, tmp_path: Path) -> None:
    path = listing(tmp_path, "en", [1, "Solar plant", "Huaiji County", 100])
    assert ImportService(ctx.database).import_file(path, ImportOptions()).ok
    assert [p.district for p in ctx.projects.all_projects()] == ["Huaiji County"]
