"""Values district staff type that were refused without need or without a way out (probe31a A2, A3).

A3: 0 in 用地面积（亩） (a project in a rented plant takes no new land) was refused as "must be greater
than 0" while a 0 in a money column was stored; it is now kept as 0 everywhere the domain checks a
land area (import, the editor's save, the CLI). A negative area is still refused, named.
A2: a negative 当月 amount (a downward correction of -50 万元) stays refused — a month is never stored
negative — and the refusal now says how to bring the correction in.
Real .xlsx files written with openpyxl, imported through the service and the CLI, both engines."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import Project
from zqtracker.domain.validation import validate_project
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def area_list(tmp_path: Path, areas: list[object]) -> Path:
    rows = [["2025年四会市重点项目表"], ["项目名称", "所在区域", "计划总投资（万元）", "用地面积（亩）"]]
    rows += [[f"第{i}号项目", "四会市", 1000, area] for i, area in enumerate(areas, start=1)]
    return write_workbook(tmp_path / "四会市.xlsx", SheetSpec("Sheet1", rows))


def test_a_land_area_of_0_is_stored_as_0(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = area_list(tmp_path, [0, 30, "0", 12.5])
    result = service.import_file(path, ImportOptions())
    assert result.written and result.added == 4 and not result.problems, result.problems
    stored = {p.name: p.land_area_mu for p in ctx.projects.all_projects()}
    assert stored == {"第1号项目": 0, "第2号项目": 30, "第3号项目": 0, "第4号项目": Decimal("12.5")}
    assert all(v is not None for v in stored.values())  # 0, never "unknown"
    assert service.import_file(path, ImportOptions()).unchanged == 4


def test_a_negative_land_area_is_still_refused_by_name(service: ImportService, tmp_path: Path) -> None:
    result = service.import_file(area_list(tmp_path, [30, -5]), ImportOptions())
    assert not result.written
    (problem,) = result.problems
    assert (problem.row, problem.column) == (4, "D")
    assert "Land area (mu) cannot be negative" in problem.reason("en")
    assert "用地面积（亩）不能为负数" in problem.reason("zh")


def test_the_editor_saves_a_land_area_of_0_and_refuses_a_negative_one(ctx: AppContext) -> None:
    rented = Project("租赁厂房项目", "新材料", "四会市", planned_investment=100, land_area_mu=Decimal(0))
    ctx.projects.create(rented)
    assert ctx.projects.get(rented.id).land_area_mu == 0  # type: ignore[arg-type, union-attr]
    with pytest.raises(ValidationError) as err:
        validate_project(Project("负数项目", "新材料", "四会市", planned_investment=100, land_area_mu=Decimal(-1)))
    assert [(p.code, p.field) for p in err.value.problems] == [("negative_area", "land_area_mu")]


def test_the_cli_imports_a_land_area_of_0(db_url: str, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db_url, "import", str(area_list(tmp_path, [0]))], stdout=out, stderr=err) == 0, err.getvalue()
    out = io.StringIO()
    assert main(["--db", db_url, "list", "--json"], stdout=out, stderr=err) == 0
    assert '"land_area_mu": 0' in out.getvalue()


def negative_month(tmp_path: Path) -> Path:
    rows = [
        ["2025年10月四会市重点项目进度表"],
        ["项目名称", "所在区域", "计划总投资（万元）", "1-10月累计完成投资（万元）", "当月完成投资（万元）"],
        ["四会第1号项目", "四会市", 34772, 3536, 53],
        ["四会第4号项目", "四会市", 68693, 3776, -50],
    ]
    return write_workbook(tmp_path / "10月.xlsx", SheetSpec("Sheet1", rows))


def test_a_negative_month_is_refused_saying_how_to_bring_the_correction_in(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    result = service.import_file(negative_month(tmp_path), ImportOptions())
    assert not result.written and ctx.projects.all_projects() == []
    (problem,) = result.problems
    assert (problem.row, problem.column) == (4, "E")
    en, zh = problem.reason("en"), problem.reason("zh")
    assert "cannot be negative (-50" in en and "never stored as a negative month" in en
    assert "1–X月累计" in en and "detail pane" in en
    assert "不能为负数" in zh and "1–X月累计" in zh and "详情" in zh
