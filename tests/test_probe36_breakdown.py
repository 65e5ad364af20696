"""A project's cost breakdown written under it without a 序号 (土建工程 / 设备购置 / 安装工程 / 其他费用 …).

Was: the breakdown rows, whose figures add up to the project's, were stored as projects beside it — the planned
investment counted twice, exit 0. Now they are read as phases are (io/phase_rows.py): skipped with one note naming
them when they add up, asked on the project's row when they do not; a row merely named 设备购置 with no project
above it is asked about on its own row (was: stored as a project named 设备购置), and a project of its own named
设备购置项目 with its 序号 is a project. A list without a 序号 column reads them the same way.
Real .xlsx files written by openpyxl, imported through the service on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = ["2025年肇庆市重点项目表"]
HEAD = ["序号", "项目名称", "建设单位", "总投资（万元）", "1-10月完成投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _said(result: ImportResult) -> str:
    return " | ".join([n.message("en") for n in result.notes] + [p.reason("en") for p in result.problems])


def _planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def test_cost_breakdown_rows_under_a_project_are_its_parts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Two projects broken down by cost, and projects of their own whose names hold 设备购置."""
    rows = [
        [1, "端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["", "土建工程", "", 5000, 1000],
        ["", "设备购置", "", 3000, 600],
        ["", "安装工程", "", 1500, 300],
        ["", "其他费用", "", 500, 100],
        [2, "鼎湖光伏项目", "鼎湖能源公司", 8000, 1000],
        ["", "建安工程费", "", 4000, 500],
        ["", "设备购置及安装", "", 2500, 400],
        ["", "工程建设其他费用", "", 1000, 100],
        ["", "预备费", "", 500, 0],
        [3, "高要设备购置项目", "高要机械公司", 800, 100],
        [4, "四会设备购置及技改项目", "四会陶瓷公司", 1200, 200],
    ]
    path = write_workbook(tmp_path / "cost.xlsx", SheetSpec("项目表", [TITLE, HEAD, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 4, _said(result)
    planned = _planned(ctx)
    assert sorted(planned) == ["四会设备购置及技改项目", "端州宏达新材料项目", "高要设备购置项目", "鼎湖光伏项目"]
    assert sum(v or 0 for v in planned.values()) == (10000 + 8000 + 800 + 1200) * 10_000
    note = next(n for n in result.notes if n.code == "note_phase_rows")
    en, zh = note.message("en"), note.message("zh")
    assert "8 row(s)" in en and "rows 4–7, 9–12" in en and "土建工程、设备购置、安装工程、其他费用…" in en, en
    assert "cost breakdown" in en and "not imported as projects" in en, en
    assert "8 行" in zh and "第 4–7, 9–12 行" in zh and "投资构成" in zh and "不作为项目导入" in zh, zh


def test_cost_rows_that_do_not_add_up_or_stand_alone(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """土建工程 5000 + 设备购置 3000 under a project of 10000: asked on the project's row, never stored as
    projects; 设备购置 with no project row above it: asked on its own row."""
    rows = [
        ["", "设备购置", "", 3000, 600],
        [1, "端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["", "土建工程", "", 5000, 1000],
        ["", "设备购置", "", 3000, 600],
        [2, "鼎湖光伏项目", "鼎湖能源公司", 5000, 1000],
    ]
    path = write_workbook(tmp_path / "odd.xlsx", SheetSpec("项目表", [TITLE, HEAD, *rows]))
    result = service.import_file(path, ImportOptions())
    asked = [p for p in result.problems if p.problem.code == "phase_rows_sums"]  # type: ignore[attr-defined]
    assert not result.ok and [(p.row, p.value) for p in asked] == [(4, "端州宏达新材料项目")], _said(result)
    assert "土建工程、设备购置" in asked[0].reason("en") and "土建工程、设备购置" in asked[0].reason("zh")
    assert "cost" in asked[0].reason("en") and "投资构成" in asked[0].reason("zh"), asked[0].reason("zh")
    lone = [p for p in result.problems if p.problem.code == "part_without_project"]  # type: ignore[attr-defined]
    assert [(p.row, p.column, p.value) for p in lone] == [(3, "B", "设备购置")], _said(result)
    assert "which project is it part of" in lone[0].reason("en") and "它属于哪个项目" in lone[0].reason("zh")
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))
    assert sorted(_planned(ctx)) == ["鼎湖光伏项目"], _said(skipped)
    assert sum(v or 0 for v in _planned(ctx).values()) == 5000 * 10_000


def test_a_list_without_numbers_reads_phases_and_cost_rows_as_parts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """No 序号 column: 一期工程 / 二期工程 adding up to the row above are its parts (a note); 土建工程 / 设备购置
    that do not add up are asked on the project's row; a 设备购置 first in the list is asked on its own."""
    head = HEAD[1:]
    rows = [
        ["设备购置", "", 300, 60],
        ["端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["一期工程", "", 6000, 1500],
        ["二期工程", "", 4000, 500],
        ["鼎湖光伏项目", "鼎湖能源公司", 8000, 1000],
        ["土建工程", "", 5000, 600],
        ["设备购置", "", 2000, 300],
        ["高要设备购置项目", "高要机械公司", 800, 100],
    ]
    path = write_workbook(tmp_path / "plain.xlsx", SheetSpec("项目表", [TITLE, head, *rows]))
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    asked = sorted((p.row, p.problem.code) for p in result.problems)  # type: ignore[attr-defined]
    assert asked == [(3, "part_without_project"), (7, "phase_rows_sums")], _said(result)
    note = next(n for n in result.notes if n.code == "note_phase_rows")
    assert "2 row(s)" in note.message("en") and "rows 5–6" in note.message("en"), note.message("en")
    assert sorted(_planned(ctx)) == ["端州宏达新材料项目", "高要设备购置项目"], _said(result)
    assert sum(v or 0 for v in _planned(ctx).values()) == (10000 + 800) * 10_000
