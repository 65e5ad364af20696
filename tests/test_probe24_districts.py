"""District cells of a city's list that are not one district as written (probe24c M3). Each made a new
district with exit 0, said only in new_districts: 肇庆高新区（大旺） (the zone with its old name in brackets),
大旺 beside a stored 肇庆高新区, and 市直 / 跨区 / 两区共建 as three districts. Real .xlsx files through
ImportService, both engines; amounts in 亿元, worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

HEAD = ["序号", "县（市、区）", "项目名称", "企业名称", "总投资（亿元）", "1-10月完成投资（亿元）", "项目状态"]
TITLE = "肇庆市2025年1-10月重点项目进展情况表"
YI = 100_000_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def city_list(tmp_path: Path, name: str, *districts: str) -> Path:
    """Project k in the k-th district: 总投资 k 亿元, 1-10月 k/10 亿元."""
    rows = [[k, d, f"{name}项目{k}", f"{name}公司{k}", k, k / 10, "在建"] for k, d in enumerate(districts, start=1)]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[TITLE], HEAD, *rows]))


def districts_of(ctx: AppContext) -> dict[str, str | None]:
    return {p.name: p.district for p in ctx.projects.all_projects()}


def aliases(result: ImportResult) -> set[tuple[str, str]]:
    return {(n.params["written"], n.params["district"]) for n in result.notes if n.code == "note_alias"}


def asked(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(p.row, p.value, p.problem.code) for p in result.problems]


def test_a_district_with_a_remark_or_old_name_in_brackets_is_the_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C05h/C05j: 肇庆高新区（大旺） was a new district of that name. The side that is a district is read,
    whichever side it is; 大旺 alone in the same import is the zone its bracket named."""
    path = city_list(
        tmp_path, "c05h", "肇庆高新区（大旺）", "大旺", "端州区(待定)", "大旺（肇庆高新区）", "高新区（原大旺）"
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert sorted(result.new_districts) == ["端州区", "肇庆高新区"]
    got = districts_of(ctx)
    assert [got[f"c05h项目{k}"] for k in range(1, 6)] == [
        "肇庆高新区",
        "肇庆高新区",
        "端州区",
        "肇庆高新区",
        "肇庆高新区",
    ]
    assert aliases(result) == {
        ("肇庆高新区（大旺）", "肇庆高新区"),
        ("大旺", "肇庆高新区"),
        ("端州区(待定)", "端州区"),
        ("大旺（肇庆高新区）", "肇庆高新区"),
        ("高新区（原大旺）", "肇庆高新区"),  # 高新区: the zone 肇庆高新区 written short
    }
    # planned 1 + 2 + 4 + 5 = 12 亿元 in the zone, 3 亿元 in 端州区
    zone = sum(p.planned_investment or 0 for p in ctx.projects.all_projects() if p.district == "肇庆高新区")
    assert zone == 12 * YI


def test_a_remark_in_brackets_is_not_learnt_as_a_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """端州区（待定）: 端州区, the district not settled yet — 待定 alone in another row is not 端州区."""
    result = service.import_file(city_list(tmp_path, "tbd", "端州区（待定）", "待定"), ImportOptions())
    assert result.ok and districts_of(ctx) == {"tbd项目1": "端州区", "tbd项目2": "待定"}  # a fresh database


def test_a_bracket_after_a_stored_district_adds_none(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(city_list(tmp_path, "seed", "肇庆高新区"), ImportOptions()).ok
    result = service.import_file(city_list(tmp_path, "c05j", "肇庆高新区（大旺）"), ImportOptions())
    assert result.ok and result.new_districts == [] and districts_of(ctx)["c05j项目1"] == "肇庆高新区"


def test_a_bracket_naming_two_districts_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """鼎湖区（含肇庆新区）: two districts, which one the project is counted in is not said."""
    result = service.import_file(city_list(tmp_path, "two", "鼎湖区（含肇庆新区）", "鼎湖区"), ImportOptions())
    assert asked(result) == [(3, "鼎湖区（含肇庆新区）", "several_districts")] and not result.written


def test_an_unknown_name_beside_stored_districts_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C05i: 肇庆高新区 stored, a new project under 马安 (a local name) made a district 马安. No rule knows a
    local name (大旺, the zone's old name, is known since probe26d: test_probe26_district_places.py): asked,
    naming the stored districts. County-level names and zones are not asked."""
    assert service.import_file(city_list(tmp_path, "seed", "肇庆高新区", "端州区"), ImportOptions()).ok
    path = city_list(tmp_path, "c05i", "马安", "德庆县", "高新区", "马安")
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(3, "马安", "district_not_stored"), (6, "马安", "district_not_stored")]
    assert not result.written and len(ctx.projects.all_projects()) == 2
    reason = result.problems[0].reason("en")
    assert reason.startswith("“马安” is not a district this database holds (端州区、肇庆高新区)")
    assert "它是哪个区域？请用 --district-map 马安=区域名称 说明" in result.problems[0].reason("zh")
    # the same file written with the zone's name in brackets once: the import says what 马安 is
    path = city_list(tmp_path, "c05i2", "马安", "德庆县", "肇庆高新区（马安）")
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.new_districts == ["德庆县"]
    assert [districts_of(ctx)[f"c05i2项目{k}"] for k in (1, 2, 3)] == ["肇庆高新区", "德庆县", "肇庆高新区"]


def test_an_unknown_name_on_a_fresh_database_is_stored_as_written(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C05g: nothing stored, nothing to compare with — the list's own names are its districts (马安, a
    local name no rule knows; 大旺 is 肇庆高新区 on a fresh database too: test_probe26_district_places.py)."""
    result = service.import_file(city_list(tmp_path, "c05g", "马安", "端州区"), ImportOptions())
    assert result.ok and sorted(result.new_districts) == ["端州区", "马安"]


def test_rows_of_several_districts_or_none_are_asked_and_city_level_is_one_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C03b: 市直 / 跨区 / 两区共建 became three districts. Only 市直 is one: the city-level projects,
    read as 市本级 as a 一、市直项目 group row is."""
    path = city_list(tmp_path, "c03b", "市直", "跨区", "两区共建", "跨县区", "多区共建", "全市", "端州区")
    result = service.import_file(path, ImportOptions())
    spans = [(row, value, "not_one_district") for row, value in
             [(4, "跨区"), (5, "两区共建"), (6, "跨县区"), (7, "多区共建"), (8, "全市")]]  # fmt: skip
    assert asked(result) == spans and not result.written
    assert result.problems[0].reason("en") == (
        "District “跨区” is not one district: the project spans several, or the whole city, but it is counted in "
        "one — write the district it is counted in"
    )
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.written and result.added == 2 and sorted(result.new_districts) == ["市本级", "端州区"]
    assert aliases(result) == {("市直", "市本级")}
    # 市直 project 1: 1 亿元 planned, 0.1 亿元 to October; 端州区 project 7: 7 亿元
    assert districts_of(ctx) == {"c03b项目1": "市本级", "c03b项目7": "端州区"}
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()} == {
        "c03b项目1": 1 * YI,
        "c03b项目7": 7 * YI,
    }


def test_city_level_is_the_level_word_the_database_holds(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(city_list(tmp_path, "seed", "市直"), ImportOptions()).ok  # a fresh database: 市本级
    assert districts_of(ctx) == {"seed项目1": "市本级"}
    result = service.import_file(city_list(tmp_path, "again", "市级", "市本级"), ImportOptions())
    assert result.ok and result.new_districts == [] and set(districts_of(ctx).values()) == {"市本级"}
