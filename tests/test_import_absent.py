"""probe33a F7 / probe33b F5: a district's list re-sent without some of its stored projects says so. 端州区
holds A, B (在建), C (前期) and D (投产); 高要区 holds E. The list re-sent with A alone: B and C are named
as left out and kept as they are; D (in production: nothing more to report) and E (another district) are
not. A sheet of months alone, or a replace, says nothing of the kind. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

HEAD = ["项目编号", "项目名称", "所在区域", "计划总投资（万元）", "项目状态"]
ROWS = {
    "A": ["DZ-01", "端州甲项目", "端州区", 1000, "在建"],
    "B": ["DZ-02", "端州乙项目", "端州区", 2000, "在建"],
    "C": ["DZ-03", "端州丙项目", "端州区", 3000, "前期"],
    "D": ["DZ-04", "端州丁项目", "端州区", 4000, "投产"],
    "E": ["GY-01", "高要戊项目", "高要区", 5000, "在建"],
}


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    first = write_workbook(tmp_path / "all.xlsx", SheetSpec("项目", [HEAD, *ROWS.values()]))
    assert service.import_file(first, ImportOptions()).added == 5
    return service


def absent(result: ImportResult, lang: str = "en") -> list[str]:
    return [n.message(lang) for n in result.notes if n.code == "note_absent"]


@pytest.mark.parametrize("mode", ["merge", "append"])
def test_a_list_leaving_out_stored_projects_names_them(
    service: ImportService, ctx: AppContext, tmp_path: Path, mode: str
) -> None:
    again = write_workbook(tmp_path / "端州区.xlsx", SheetSpec("项目", [HEAD, ROWS["A"]]))
    result = service.import_file(again, ImportOptions(mode=mode, lang="zh"))
    assert result.ok and result.added == 0 and len(ctx.projects.all_projects()) == 5  # nothing removed
    assert absent(result, "zh") == [
        "端州区有 2 个在库且仍在推进的项目不在本文件中：DZ-02 端州乙项目; DZ-03 端州丙项目。"
        "已保持原样——导入从不删除项目。如区县已将其移出名单，请在项目表中修改其状态（停缓建、取消、投产）或删除。"
    ]
    assert absent(result)[0].startswith("2 stored project(s) of 端州区 still under way are not in this file: DZ-02 ")


def test_a_whole_list_a_sheet_of_months_or_a_replace_says_nothing(service: ImportService, tmp_path: Path) -> None:
    whole = write_workbook(tmp_path / "whole.xlsx", SheetSpec("项目", [HEAD, *(ROWS[k] for k in "ABC")]))
    assert absent(service.import_file(whole, ImportOptions())) == []  # D in production is not missed
    months = [["项目编号", "项目名称", "月份", "完成投资（万元）"], ["DZ-01", "端州甲项目", "2025-10", 50]]
    month_sheet = write_workbook(tmp_path / "m.xlsx", SheetSpec("月度完成投资", months))
    result = service.import_file(month_sheet, ImportOptions())
    assert result.ok and result.investment_records == 1 and absent(result) == []
    only_a = write_workbook(tmp_path / "a.xlsx", SheetSpec("项目", [HEAD, ROWS["A"]]))
    assert absent(service.import_file(only_a, ImportOptions(mode="replace"), dry_run=True)) == []
