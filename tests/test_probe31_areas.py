"""Land areas typed with their unit in the cell under a header that gives none (probe31a f14b, f14c):
用地面积 over "30亩", "2公顷", "20000平方米" had been left out whole, exit 0, with a note saying the
values were no areas. Each cell's own unit is read, converted exactly to 亩, and said in a note."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def area_list(tmp_path: Path, header: str, areas: list[object]) -> Path:
    rows = [["2025年端州区重点项目表"], ["项目名称", "所在区域", "计划总投资（万元）", header]]
    rows += [[f"第{i}号项目", "端州区", 1000, area] for i, area in enumerate(areas, start=1)]
    return write_workbook(tmp_path / "端州区.xlsx", SheetSpec("Sheet1", rows))


def areas(ctx: AppContext) -> dict[str, Decimal | None]:
    return {p.name: p.land_area_mu for p in ctx.projects.all_projects()}


def test_areas_with_their_unit_in_the_cell_are_converted_to_mu(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = area_list(
        tmp_path, "用地面积", ["20000平方米", "2公顷", "45亩", "12.5亩", "3000㎡", "1.5公顷", "6,667平方米", 8]
    )
    result = service.import_file(path, ImportOptions())
    assert result.written and result.added == 8 and not result.problems
    expected = ["30", "30", "45", "12.5", "4.5", "22.5", "10.0005", "8"]
    assert areas(ctx) == {f"第{i}号项目": Decimal(v) for i, v in enumerate(expected, start=1)}
    (note,) = [n for n in result.notes if n.code == "note_area_converted"]
    assert "column D “用地面积” gives land in 平方米、公顷; converted to 亩" in note.message("en")
    assert service.import_file(path, ImportOptions()).unchanged == 8


def test_a_cells_unit_wins_over_the_headers_and_a_vague_one_is_refused_by_name(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = area_list(tmp_path, "用地面积（平方米）", ["30亩", 20000])
    assert service.import_file(path, ImportOptions()).written
    assert areas(ctx) == {"第1号项目": Decimal(30), "第2号项目": Decimal(30)}
    vague = area_list(tmp_path, "用地面积", ["约30亩", "45亩", "30亩（一期）", "60亩"])
    result = service.import_file(vague, ImportOptions())
    assert not result.written
    assert [(p.row, p.column, p.value) for p in result.problems] == [(3, "D", "约30亩"), (5, "D", "30亩（一期）")]
    assert "'约30亩' is not a number" in result.problems[0].reason("en")
