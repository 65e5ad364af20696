"""Rows that break a project down, and district subtotals under their projects (probe34a F6, F7).

F6: a numbered project row (一 / 1) with unnumbered 一期工程 / 二期工程 rows under it whose figures add up to
the project's was stored as three projects — the planned investment counted twice, exit 0. The phase rows are
the project's breakdown: skipped with a note naming them; where their figures do not add up, asked.
F7: district rows placed AFTER their projects (宏达 5000 | 端州区 5000 | 四会物流 5000 | 四会市 5000): 端州区 was
read as a group over 四会物流 and 宏达 left without a district. Read as subtotals of the rows above them when
that is the reading every such row fits; asked where both readings fit every row.
Real .xlsx files written by openpyxl, imported through the service on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = ["2025年肇庆市重点项目表"]
HEAD = ["序号", "项目名称", "建设单位", "所属县区", "行业", "总投资（万元）", "2025年计划投资（万元）",
        "1-10月完成投资（万元）", "备注"]  # fmt: skip
SHORT = ["序号", "项目名称", "建设单位", "总投资（万元）", "1-10月完成投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _stored(ctx: AppContext) -> dict[str, tuple[str | None, int | None]]:
    """Project name → (district, planned investment in yuan: 总投资)."""
    return {p.name: (p.district, p.planned_investment) for p in ctx.projects.all_projects()}


def _said(result: ImportResult) -> str:
    return " | ".join([n.message("en") for n in result.notes] + [p.reason("en") for p in result.problems])


def _phased(first: object, second: object, phases: tuple[str, str] = ("一期工程", "二期工程")) -> list[list]:
    """probe34a A17 (一 / 二) and A17b (1 / 2): each project over its two phases, which add up to it."""
    return [
        [first, "端州宏达新材料项目", "宏达公司", "端州区", "先进制造业", 10000, 3000, 2000, ""],
        ["", phases[0], "", "", "", 6000, 2000, 1500, ""],
        ["", phases[1], "", "", "", 4000, 1000, 500, ""],
        [second, "鼎湖光伏项目", "鼎湖能源公司", "鼎湖区", "新能源", 5000, 2000, 1000, ""],
        ["", phases[0], "", "", "", 3000, 1500, 800, ""],
        ["", phases[1], "", "", "", 2000, 500, 200, ""],
    ]


@pytest.mark.parametrize("numbers", [("一", "二"), (1, 2)], ids=["A17", "A17b"])
def test_phase_rows_under_a_project_are_its_parts(
    service: ImportService, ctx: AppContext, tmp_path: Path, numbers: tuple
) -> None:
    """Was: 6 added (一期工程 and 二期工程 twice, as projects), the planned investment counted twice."""
    path = write_workbook(tmp_path / "a17.xlsx", SheetSpec("项目表", [TITLE, HEAD, *_phased(*numbers)]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, _said(result)
    assert _stored(ctx) == {"端州宏达新材料项目": ("端州区", 100_000_000), "鼎湖光伏项目": ("鼎湖区", 50_000_000)}
    note = next(n for n in result.notes if n.code == "note_phase_rows")
    assert "rows 4–5, 7–8" in note.message("en") and "一期工程" in note.message("en"), note.message("en")


def test_phases_named_after_the_project_are_its_parts(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        [1, "端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["", "端州宏达新材料项目一期", "", 6000, 1500],
        ["", "端州宏达新材料项目（二期）", "", 4000, 500],
        [2, "鼎湖光伏项目", "鼎湖能源公司", 5000, 1000],
    ]
    path = write_workbook(tmp_path / "named.xlsx", SheetSpec("项目表", [TITLE, SHORT, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, _said(result)
    planned = {name: total for name, (_d, total) in _stored(ctx).items()}
    assert planned == {"端州宏达新材料项目": 100_000_000, "鼎湖光伏项目": 50_000_000}


def test_phase_rows_that_do_not_add_up_are_asked_about(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """一期工程 6000 + 二期工程 3000 under a project of 10000: parts with a figure missing, or a typo — asked on
    the project's row, never stored as projects called 一期工程."""
    rows = [
        [1, "端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["", "一期工程", "", 6000, 1500],
        ["", "二期工程", "", 3000, 500],
        [2, "鼎湖光伏项目", "鼎湖能源公司", 5000, 1000],
    ]
    path = write_workbook(tmp_path / "odd.xlsx", SheetSpec("项目表", [TITLE, SHORT, *rows]))
    result = service.import_file(path, ImportOptions())
    asked = [p for p in result.problems if p.problem.code == "phase_rows_sums"]  # type: ignore[attr-defined]
    assert not result.ok and [(p.row, p.value) for p in asked] == [(3, "端州宏达新材料项目")], _said(result)
    assert ctx.projects.all_projects() == []


def test_unnumbered_projects_of_their_own_stay_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Rows without a 序号 named as projects of their own, whose figures are not the row above's: projects."""
    rows = [
        [1, "端州宏达新材料项目", "宏达公司", 10000, 2000],
        ["", "鼎湖光伏项目", "鼎湖能源公司", 5000, 1000],
        ["", "四会物流园项目", "四会物流公司", 3000, 300],
    ]
    path = write_workbook(tmp_path / "own.xlsx", SheetSpec("项目表", [TITLE, SHORT, *rows]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3, _said(result)
    assert not [n for n in result.notes if n.code == "note_phase_rows"]


B8_HEAD = ["序号", "项目名称", "建设单位", "总投资（万元）", "1-10月完成投资（万元）"]
B8_ROWS = [  # each district row after its project, its figures theirs
    [1, "端州宏达新材料项目", "宏达公司", 5000, 1000],
    ["", "端州区", None, 5000, 1000],
    [2, "四会物流园项目", "四会物流公司", 5000, 1000],
    ["", "四会市", None, 5000, 1000],
]


def test_district_rows_after_their_projects_are_their_subtotals(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe34a B8: was exit 0 with 宏达 stored without a district and 端州区 read as a group over 四会物流."""
    path = write_workbook(tmp_path / "b8.xlsx", SheetSpec("项目表", [TITLE, B8_HEAD, *B8_ROWS]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, _said(result)
    assert _stored(ctx) == {"端州宏达新材料项目": ("端州区", 50_000_000), "四会物流园项目": ("四会市", 50_000_000)}
    assert "(端州区、四会市) add up the rows above them" in _said(result)


def test_district_rows_that_fit_both_readings_are_asked_about(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Every district row equals both the project above it and the one below: over or under? Asked."""
    rows = [*B8_ROWS, [3, "广宁竹业项目", "广宁竹业公司", 5000, 1000]]
    path = write_workbook(tmp_path / "both.xlsx", SheetSpec("项目表", [TITLE, B8_HEAD, *rows]))
    result = service.import_file(path, ImportOptions())
    asked = [p for p in result.problems if p.problem.code == "place_row_both_ways"]  # type: ignore[attr-defined]
    assert not result.ok and [(p.row, p.value) for p in asked] == [(4, "端州区"), (6, "四会市")], _said(result)
    assert ctx.projects.all_projects() == []
