"""An English list whose known columns name no project (probe30a F2): NYC's capital projects list, headers
project_id | project_description | managing_agency | …, its names in the description column. It was refused
as having "no known column headers" with no way out; now the refusal names the known columns and the column
that may hold the names, and how to say so. A description is never taken as the name unasked. Real .csv and
.xlsx files through the service, both engines."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.words import APP
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

SNAKE = ["project_id", "project_description", "managing_agency", "scope_summary"]
TITLED = ["Project Id", "Project Description", "Managing Agency", "Scope Summary"]
ROWS = [
    ["LB20DUMBO", "ADAMS STREET LIBRARY FIT OUT", "BROOKLYN PUBLIC LIBRARY", "NEW BRANCH FIT OUT"],
    ["LBC17DRBR", "DYKER INTERIOR RENOVATION", "BROOKLYN PUBLIC LIBRARY", "DYKER INTERIOR RENOVATION"],
    ["P-00B21", "BRONX PARK REHABILITATION", "PARKS", "RECONSTRUCTION OF PATHS"],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _file(tmp_path: Path, header: list[str], ext: str) -> Path:
    if ext == "xlsx":
        return write_workbook(tmp_path / "capital.xlsx", SheetSpec("Sheet1", [header, *ROWS]))
    path = tmp_path / "capital.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *ROWS])
    return path


@pytest.mark.parametrize("header", [SNAKE, TITLED], ids=["snake_case", "Title_Case"])
@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_a_list_without_a_name_column_asks_which_column_names_the_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: list[str], ext: str
) -> None:
    path = _file(tmp_path, header, ext)
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(path, ImportOptions())
    assert refused.value.code == "no_name_column"
    said = refused.value.message()
    assert f"A “{header[0]}”" in said and f"column B “{header[1]}”" in said and '--map "B=name"' in said, said
    assert "列菜单" in refused.value.message("zh", APP)
    assert ctx.projects.all_projects() == []
    result = service.import_file(path, ImportOptions(column_map={"B": "name"}))  # the way the refusal names
    assert result.ok and result.added == 3, result.problems
    assert {(p.code, p.name) for p in ctx.projects.all_projects()} == {(r[0], r[1]) for r in ROWS}


def test_a_list_of_no_known_header_says_how_to_map_its_columns(service: ImportService, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "odd.xlsx", SheetSpec("Sheet1", [["foo", "bar", "baz"], ["a", "b", "c"]]))
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(path, ImportOptions())
    assert refused.value.code == "nothing_recognized"
    assert '--map "B=name"' in refused.value.message() and "column menu" in refused.value.message("en", APP)
