"""A park named with no county (高新园, 工业园, 经济开发区, 产业转移工业园) in a district column — a 所属园区
column taken as the district — became a new district of that name in a list no title of which names a
district: a district that does not exist, its projects in no real one, exit 0. Now the row's address
column, the title or --district gives its district (said in a note), and otherwise the import asks.
Real .xlsx files, imported through the service, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所属园区", "项目地址", "总投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def test_a_bare_park_is_never_a_new_district(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows: list[list] = [
        HEAD,
        [1, "金利装备项目", "高新园", "高要区金利镇", 5000],  # the address names the county
        [2, "储能电池项目", "工业园", None, 3000],
        [3, "新材料项目", "经济开发区", None, 2000],
    ]
    path = write_workbook(tmp_path / "parks.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    asked = sorted((p.row, p.value, p.problem.code) for p in result.problems)
    assert asked == [(3, "工业园", "district_is_address"), (4, "经济开发区", "district_is_address")]
    assert ctx.projects.all_projects() == [] and service.known_districts() == frozenset()

    answer = ImportOptions(district_map={"工业园": "端州区", "经济开发区": "端州区"})
    result = service.import_file(path, answer)
    assert result.ok and result.added == 3, result.problems
    got = {p.name: p.district for p in ctx.projects.all_projects()}
    assert got == {"金利装备项目": "高要区", "储能电池项目": "端州区", "新材料项目": "端州区"}
    assert sorted(result.new_districts) == ["端州区", "高要区"]
    (note,) = [n for n in result.notes if n.code == "note_park_address_district"]
    assert "高新园" in str(note.params["rows"]) and "高要区" in str(note.params["rows"])


def test_a_bare_park_under_a_title_is_the_titles_district_and_a_zone_stays_a_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows: list[list] = [
        ["高要区2026年重点项目表"],
        HEAD,
        [1, "高要装备项目", "高新园", None, 5000],
        [2, "高要电池项目", "经济开发区", None, 3000],
        [3, "大旺电子项目", "肇庆高新区", None, 2000],  # a district-level zone: a district, not a bare park
    ]
    path = write_workbook(tmp_path / "title.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3, result.problems
    got = {p.name: p.district for p in ctx.projects.all_projects()}
    assert got == {"高要装备项目": "高要区", "高要电池项目": "高要区", "大旺电子项目": "肇庆高新区"}
    assert sorted(result.new_districts) == ["肇庆高新区", "高要区"]
    (note,) = [n for n in result.notes if n.code == "note_park_title_district"]
    assert note.params["rows"] == "3 高新园; 4 经济开发区"
