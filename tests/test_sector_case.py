"""A sector written "IT", "it" and "It " in one file is one sector, and next month's "ＩＴ" is the stored one
(probe26b T14: three sectors were made). Real .xlsx files written by openpyxl, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEADER = ["序号", "项目名称", "所属行业", "所在区域", "计划总投资（万元）"]


def test_a_sector_in_other_case_and_width_is_the_same(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    first = write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", [
        HEADER, [1, "甲软件项目", "IT", "端州区", 100], [2, "乙软件项目", "it", "端州区", 200],
        [3, "丙软件项目", "It ", "端州区", 300], [4, "丁建材项目", "建材", "端州区", 400],
    ]))  # fmt: skip
    result = service.import_file(first, ImportOptions())
    assert result.ok and result.added == 4, [p.reason("en") for p in result.problems]
    assert sorted(result.new_sectors) == ["IT", "建材"]
    second = write_workbook(tmp_path / "b.xlsx", SheetSpec("Sheet1", [
        HEADER, [1, "戊软件项目", "ＩＴ", "端州区", 500],
    ]))  # fmt: skip
    result = service.import_file(second, ImportOptions())
    assert result.ok and result.added == 1 and result.new_sectors == []
    assert {p.sector for p in ctx.projects.all_projects()} == {"IT", "建材"}
