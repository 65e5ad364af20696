"""A district's subtotal written as the place's name alone (端州区 | 1500 over its projects, or under
them), in a list without a district column or with the name in the 序号 cell: read as that district's
subtotal and the district of the rows it adds up — never a project named 端州区. Before, such rows
were imported as projects (exit 0, the planned investment counted twice) or refused. Real .xlsx files
through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "计划总投资（万元）", "1-10月完成投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def listed(path: Path, head: list, *rows: tuple) -> Path:
    return write_workbook(path, SheetSpec("清单", [["2025年重点项目清单"], head, *map(list, rows)]))


def stored(ctx: AppContext) -> dict[str, tuple[str | None, int | None]]:
    return {p.name: (p.district, p.planned_investment) for p in ctx.projects.all_projects()}


def said(result) -> str:
    return " ".join(n.message("en") for n in result.notes)


def test_place_rows_over_their_projects_are_subtotals_giving_the_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = listed(tmp_path / "a.xlsx", HEAD,
                  (None, "端州区", 1500, 150),
                  (1, "甲项目", 1000, 100),
                  (2, "乙项目", 500, 50),
                  (None, "鼎湖区", 300, 30),
                  (3, "丙项目", 300, 30))  # fmt: skip
    result = service.import_file(path, ImportOptions())  # was: 5 added, 端州区 and 鼎湖区 among them
    assert result.ok and result.added == 3, [p.reason() for p in result.problems]
    assert stored(ctx) == {
        "甲项目": ("端州区", 10_000_000), "乙项目": ("端州区", 5_000_000), "丙项目": ("鼎湖区", 3_000_000)}  # fmt: skip
    assert "2 section row(s) (端州区、鼎湖区) give the sector, district or stage" in said(result)


def test_place_rows_under_their_projects_are_subtotals_giving_the_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = listed(tmp_path / "b.xlsx", HEAD,
                  (1, "甲项目", 1000, 100),
                  (2, "乙项目", 500, 50),
                  (None, "端州区", 1500, 150),
                  (3, "丙项目", 300, 30),
                  (None, "鼎湖区", 300, 30))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3, [p.reason() for p in result.problems]
    assert stored(ctx) == {
        "甲项目": ("端州区", 10_000_000), "乙项目": ("端州区", 5_000_000), "丙项目": ("鼎湖区", 3_000_000)}  # fmt: skip
    assert "rows naming a place alone (端州区、鼎湖区) add up the rows above them" in said(result)


def test_a_place_in_the_number_cell_beside_a_district_column(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "所属区", "计划总投资（万元）"]
    path = listed(tmp_path / "c.xlsx", head,
                  ("端州区", None, None, 1500),
                  (1, "甲项目", "端州区", 1000),
                  (2, "乙项目", "端州区", 500),
                  ("鼎湖区", None, None, 300),
                  (3, "丙项目", "鼎湖区", 300))  # fmt: skip
    result = service.import_file(path, ImportOptions())  # was refused: "the row has values but no project name"
    assert result.ok and result.added == 3, [p.reason() for p in result.problems]
    assert stored(ctx) == {
        "甲项目": ("端州区", 10_000_000), "乙项目": ("端州区", 5_000_000), "丙项目": ("鼎湖区", 3_000_000)}  # fmt: skip


def test_a_place_row_whose_figures_add_up_neither_way_is_asked_about(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = listed(tmp_path / "d.xlsx", HEAD,
                  (None, "端州区", 1600, 150),  # row 3: 1,600 against 1,000 + 500
                  (1, "甲项目", 1000, 100),
                  (2, "乙项目", 500, 50))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    [problem] = result.problems
    assert (problem.row, problem.column, problem.value, problem.problem.code) == (3, "B", "端州区", "place_row")
    assert "names a place alone (端州区) with figures that add up neither the rows under it" in problem.reason()
    assert "该行只写了地名（端州区）" in problem.reason("zh")
