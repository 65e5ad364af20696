"""A project whose name holds 合计 / 共计 / 小计 inside it ("区列合计甲项目", "建设标准厂房共计12万平方米项目") is a
project, not a total row left out (carried gap of session 22); the labels of totals — 端州区合计, 以上合计,
新开工项目合计（2个）, 龙海市合计14个, 其中：… — stay totals. Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = ["序号", "项目名称", "建设单位", "计划总投资（万元）", "项目状态"]


def listing(tmp_path: Path, *rows: list) -> Path:
    title = ["肇庆市高要区2025年重点项目情况表"]
    return write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [title, HEAD, *rows]))


def test_a_name_with_a_total_word_inside_is_a_project(ctx: AppContext, tmp_path: Path) -> None:
    path = listing(
        tmp_path,
        [1, "区列合计甲项目", "甲公司", 1000, "在建"],
        [2, "建设标准厂房共计12万平方米项目", "乙公司", 2000, "在建"],
        [3, "高要区新能源电池项目", "丙公司", 4000, "在建"],
        ["", "新开工项目合计（2个）", "", 3000, ""],  # a total of its own kind: never a project
        ["", "以上合计", "", 7000, ""],
    )
    result = ImportService(ctx.database).import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    stored = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    # 1000 + 2000 + 4000 = 7000 万元, the 以上合计 row's figure
    assert stored == {
        "区列合计甲项目": 1000 * WAN,
        "建设标准厂房共计12万平方米项目": 2000 * WAN,
        "高要区新能源电池项目": 4000 * WAN,
    }
    assert not [n for n in result.notes if n.code == "note_total_differs"]


def test_the_labels_of_totals_stay_totals(ctx: AppContext, tmp_path: Path) -> None:
    path = listing(
        tmp_path,
        [1, "高要区新能源电池项目", "丙公司", 4000, "在建"],
        ["", "端州区合计项目", "", 4000, ""],
        ["", "龙海市合计1个项目", "", 4000, ""],
        ["", "其中：合计新能源项目", "", 4000, ""],
        ["", "本页合计项目", "", 4000, ""],
    )
    result = ImportService(ctx.database).import_file(path, ImportOptions())
    assert result.ok and [p.name for p in ctx.projects.all_projects()] == ["高要区新能源电池项目"]
