"""A project listed on two stage sheets of one workbook (签约项目 and 新开工项目, 新开工项目 and 竣工投产项目) took its
status from whichever sheet came first: signed, although it had started and had 1.5亿 completed this year (probe25c
c52, c52b, c53). It is at the stage further along; a halt (停缓建项目) never overrules a stage. No status column: the
sheets' names say the stage. Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资（万元）"]


def stage_sheet(name: str, *projects: str) -> SheetSpec:
    rows = [[k, p, f"{p}公司", "端州区", 20000] for k, p in enumerate(projects, 1)]
    return SheetSpec(name, [[f"端州区2025年{name}"], HEAD, *rows])


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("签约项目", "新开工项目", Status.UNDER_CONSTRUCTION),
        ("新开工项目", "签约项目", Status.UNDER_CONSTRUCTION),
        ("新开工项目", "竣工投产项目", Status.IN_PRODUCTION),
        ("竣工投产项目", "新开工项目", Status.IN_PRODUCTION),
    ],
)
def test_a_project_on_two_stage_sheets_is_at_the_stage_further_along(
    ctx: AppContext, tmp_path: Path, first: str, second: str, status: Status
) -> None:
    path = write_workbook(
        tmp_path / "stages.xlsx",
        stage_sheet(first, "端州储能项目", f"{first}甲"),
        stage_sheet(second, "端州储能项目", f"{second}乙"),
    )
    result = ImportService(ctx.database).import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    stored = {p.name: p.status for p in ctx.projects.all_projects()}
    assert stored["端州储能项目"] is status
    # the others keep their own sheet's stage
    assert stored[f"{first}甲"] is not stored[f"{second}乙"]


def test_a_halt_sheet_does_not_overrule_a_stage(ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "halt.xlsx", stage_sheet("在建项目", "端州储能项目"), stage_sheet("停缓建项目", "端州储能项目")
    )
    result = ImportService(ctx.database).import_file(path, ImportOptions())
    assert result.ok and [p.status for p in ctx.projects.all_projects()] == [Status.UNDER_CONSTRUCTION]
