"""One district written two ways in one import, and one cell naming several districts. Probing found
高要区 and 高要, 四会市 and 四会 in one file made four districts on a fresh database (a short name was
read as the full one only when the database already held it), and "怀集县、广宁县" or "端州区/高要区"
stored as a district of its own. Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所在县（市、区）", "总投资"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def book(tmp_path: Path, name: str, *districts: str, sheet: str = "Sheet1") -> Path:
    rows = [[k, f"{name}项目{k}", d, k + 1] for k, d in enumerate(districts, start=1)]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec(sheet, [["单位：亿元"], HEAD, *rows]))


def districts_of(ctx: AppContext) -> dict[str, str | None]:
    return {p.name: p.district for p in ctx.projects.all_projects()}


def test_short_names_are_the_full_names_written_in_the_same_file(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    # c26: a fresh database, each district written once in full and once short
    path = book(tmp_path, "c26", "高要区", "高要", "四会", "四会市", "高新区")
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert sorted(result.new_districts) == ["四会市", "高新区", "高要区"]
    assert sorted(set(districts_of(ctx).values())) == ["四会市", "高新区", "高要区"]
    aliases = {(n.params["written"], n.params["district"]) for n in result.notes if n.code == "note_alias"}
    assert aliases == {("高要", "高要区"), ("四会", "四会市")}
    zh = [n.message("zh") for n in result.notes if n.code == "note_alias"]
    assert "区域“高要”按“高要区”读取。" in zh


def test_a_short_name_is_the_full_name_another_sheet_writes(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows1 = [["单位：亿元"], HEAD, [1, "甲项目", "东津新区", 1], [2, "乙项目", "襄州区", 2]]
    rows2 = [["单位：亿元"], HEAD, [1, "丙项目", "东津", 3], [2, "丁项目", "襄州", 4]]
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("续建项目", rows1), SheetSpec("新开工项目", rows2))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert districts_of(ctx) == {"甲项目": "东津新区", "乙项目": "襄州区", "丙项目": "东津新区", "丁项目": "襄州区"}


def test_a_short_name_two_full_names_fit_is_left_as_written(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    result = service.import_file(book(tmp_path, "two_fits", "高要区", "高要县", "高要"), ImportOptions())
    assert result.ok, result.problems
    assert districts_of(ctx)["two_fits项目3"] == "高要"  # 高要区 or 高要县? not guessed
    assert not [n for n in result.notes if n.code == "note_alias"]


def test_a_zone_without_its_city_is_the_one_stored_zone(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(book(tmp_path, "seed", "高要区", "四会市", "肇庆高新区", "东西湖区"), ImportOptions()).ok
    result = service.import_file(book(tmp_path, "c26", "高要", "四会", "高新区", "西湖区"), ImportOptions())
    assert result.ok, result.problems
    got = districts_of(ctx)
    assert [got[f"c26项目{k}"] for k in (1, 2, 3)] == ["高要区", "四会市", "肇庆高新区"]
    assert got["c26项目4"] == "西湖区"  # a place of its own, not the end of 东西湖区
    assert result.new_districts == ["西湖区"]


def test_a_zone_two_cities_have_is_left_as_written(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(book(tmp_path, "seed", "肇庆高新区", "佛山高新区"), ImportOptions()).ok
    result = service.import_file(book(tmp_path, "zone", "高新区"), ImportOptions())
    assert result.ok, result.problems
    assert districts_of(ctx)["zone项目1"] == "高新区"


def test_a_zones_full_name_and_a_bare_xinqu_are_the_zone_written_beside_them(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """肇庆高新技术产业开发区 beside 肇庆高新区, and 新区 beside 肇庆新区 (probe19b: three districts more;
    a 高新区 is no 新区)."""
    path = book(tmp_path, "park", "高新区", "肇庆高新区", "新区", "肇庆新区", "肇庆高新技术产业开发区")
    result = service.import_file(path, ImportOptions())
    assert result.ok and sorted(result.new_districts) == ["肇庆新区", "肇庆高新区"]
    got = districts_of(ctx)
    assert [got[f"park项目{k}"] for k in range(1, 6)] == [
        "肇庆高新区",
        "肇庆高新区",
        "肇庆新区",
        "肇庆新区",
        "肇庆高新区",
    ]


def test_a_cell_naming_several_districts_is_a_problem_of_its_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    # c21
    path = book(tmp_path, "c21", "怀集县、广宁县", "端州区/高要区", "鼎湖区", "和平县和龙川县", "四会市，广宁县")
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    problems = {p.row: p for p in result.problems}
    assert sorted(problems) == [3, 4, 6, 7]
    assert {p.problem.code for p in result.problems} == {"several_districts"}
    first = problems[3]
    assert first.column == "C" and first.value == "怀集县、广宁县"
    assert first.reason("en") == (
        "District names several districts (怀集县、广宁县): a project belongs to one — write the district it is "
        "counted in"
    )
    assert "所在区域填写了多个区域（怀集县、广宁县）：一个项目只属于一个区域" in first.reason("zh")
    assert ctx.projects.all_projects() == []

    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.written and result.added == 1
    assert districts_of(ctx) == {"c21项目3": "鼎湖区"}
    assert result.new_districts == ["鼎湖区"]


def test_one_district_with_a_list_inside_other_text_is_untouched(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    written = ("高要区金利镇、蛟塘镇", "肇庆新区（端州、鼎湖）", "和平县", "全市、各县区")
    result = service.import_file(book(tmp_path, "lone", *written), ImportOptions())
    assert result.ok, result.problems
    assert [districts_of(ctx)[f"lone项目{k}"] for k in (1, 2, 3, 4)] == list(written)
