"""District cells that are place words, not a district's name (probe26d R5). Each made a new district with exit 0:
大旺 / 大旺高新区 (the old name of 肇庆高新区) beside or instead of it, and 亚铝大道北 (a road) in a list whose
title names 肇庆高新区. Real .xlsx files through ImportService, both engines; amounts in 万元, worked out by hand in
the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_dialog import wait_idle
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

HEAD = ["序号", "项目名称", "建设单位", "所在地", "建设状态", "计划总投资", "2025年1-10月完成投资", "备注"]
CITY = "肇庆市2025年1-10月重点项目进展情况表"
WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def place_list(tmp_path: Path, name: str, title: str, *places: str) -> Path:
    """Project k at the k-th place: 计划总投资 k×1000 万元, 1-10月 k×100 万元."""
    rows = [
        [k, f"{name}项目{k}", f"{name}公司{k}", p, "在建", k * 1000, k * 100, None] for k, p in enumerate(places, 1)
    ]
    unit = "填报单位：肇庆高新区经济和科技促进局          单位：万元" if "高新区" in title else "单位：万元"
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[title], [unit], HEAD, *rows]))


def districts_of(ctx: AppContext) -> dict[str, str | None]:
    return {p.name: p.district for p in ctx.projects.all_projects()}


def aliases(result: ImportResult) -> set[tuple[str, str]]:
    return {(n.params["written"], n.params["district"]) for n in result.notes if n.code == "note_alias"}


def asked(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(p.row, p.value, p.problem.code) for p in result.problems]


def test_the_zones_old_name_and_a_road_under_its_title_are_the_zone(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """c15: title 肇庆高新区, 所在地 大旺 / 大旺高新区 / 亚铝大道北 / 大旺 — was two new districts, 大旺高新区 and
    the road 亚铝大道北. All four are the zone the title names; the old names are said in the notes."""
    path = place_list(
        tmp_path, "c15", "肇庆高新区2025年1-10月重点项目进展情况表", "大旺", "大旺高新区", "亚铝大道北", "大旺"
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert result.new_districts == ["肇庆高新区"]
    assert set(districts_of(ctx).values()) == {"肇庆高新区"}
    assert aliases(result) == {("大旺", "肇庆高新区"), ("大旺高新区", "肇庆高新区")}
    # planned 1000 + 2000 + 3000 + 4000 = 10000 万元, all in the zone
    planned = sum(p.planned_investment or 0 for p in ctx.projects.all_projects() if p.district == "肇庆高新区")
    assert planned == 10_000 * WAN


def test_the_zones_old_name_in_a_city_list_is_the_zone_on_a_fresh_database(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """g15: 高新区 / 肇庆高新区 / 大旺 in a city's list split one park in two (大旺 a district of its own).
    Every way of writing the old name is the zone; 端州区 stays itself."""
    written = ("高新区", "肇庆高新区", "大旺", "大旺开发区", "肇庆大旺", "大旺高新技术产业开发区", "端州区")
    result = service.import_file(place_list(tmp_path, "g15", CITY, *written), ImportOptions())
    assert result.ok, result.problems
    assert sorted(result.new_districts) == ["端州区", "肇庆高新区"]
    got = districts_of(ctx)
    assert [got[f"g15项目{k}"] for k in range(1, 8)] == ["肇庆高新区"] * 6 + ["端州区"]
    # the zone: planned 1000 + 2000 + … + 6000 = 21000 万元; 端州区 7000 万元
    zone = sum(p.planned_investment or 0 for p in ctx.projects.all_projects() if p.district == "肇庆高新区")
    assert zone == 21_000 * WAN


def test_the_old_name_is_the_zone_as_the_database_names_it(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The database holds the zone's full name (肇庆高新技术产业开发区): 大旺 is that district, no new one. A
    database that keeps the zone under its old name (大旺高新区, stored) keeps it: 大旺 is 大旺高新区."""
    assert service.import_file(place_list(tmp_path, "seed", CITY, "肇庆高新技术产业开发区"), ImportOptions()).ok
    result = service.import_file(place_list(tmp_path, "full", CITY, "大旺", "大旺高新区"), ImportOptions())
    assert result.ok and result.new_districts == []
    assert {districts_of(ctx)[f"full项目{k}"] for k in (1, 2)} == {"肇庆高新技术产业开发区"}


def test_a_database_keeping_the_old_name_keeps_it(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The user once said 大旺高新区 is a district of its own (--district-map 大旺高新区=大旺高新区): the
    database keeps the zone under that name, and 大旺 later is that stored district, not 肇庆高新区."""
    said = ImportOptions(district_map={"大旺高新区": "大旺高新区"})
    result = service.import_file(place_list(tmp_path, "kept", CITY, "大旺高新区"), said)
    assert result.ok and result.new_districts == ["大旺高新区"]
    result = service.import_file(place_list(tmp_path, "again", CITY, "大旺"), ImportOptions())
    assert result.ok and result.new_districts == [] and districts_of(ctx)["again项目1"] == "大旺高新区"


def test_the_users_answer_beats_the_old_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """--district-map 大旺=大旺: the user says 大旺 is a district of its own — a new district, as said."""
    path = place_list(tmp_path, "own", CITY, "大旺", "端州区")
    result = service.import_file(path, ImportOptions(district_map={"大旺": "大旺"}))
    assert result.ok and sorted(result.new_districts) == ["大旺", "端州区"]


def test_a_road_or_park_under_a_district_title_is_that_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A 高要区 list: 所在地 a road, a numbered address, an industrial park, a village — all 高要区's rows; and
    高要区金渡工业园 in a city's list is 高要区 (the park after its county)."""
    title = "肇庆市高要区2025年1-10月重点项目进展情况表"
    places = ("工业大道8号", "金渡工业园", "白诸村", "南岸大道北", "宋隆工业园区")
    result = service.import_file(place_list(tmp_path, "gy", title, *places), ImportOptions())
    assert result.ok, result.problems
    assert result.new_districts == ["高要区"] and set(districts_of(ctx).values()) == {"高要区"}
    result = service.import_file(
        place_list(tmp_path, "city", CITY, "高要区金渡工业园", "四会市龙甫工业园"), ImportOptions()
    )
    assert result.ok and sorted(result.new_districts) == ["四会市"]
    assert (districts_of(ctx)["city项目1"], districts_of(ctx)["city项目2"]) == ("高要区", "四会市")


def test_a_road_in_a_list_naming_no_district_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A city's list, no district in its title or unit line: 亚铝大道北 is a road, not a district — its row is
    asked (a fresh database too), naming the value; --district-map answers it."""
    path = place_list(tmp_path, "road", CITY, "端州区", "亚铝大道北")
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(5, "亚铝大道北", "district_is_address")] and not result.written
    reason = result.problems[0].reason("en")
    assert reason.startswith(
        "“亚铝大道北” is an address — a road, street, village or industrial estate — not a district"
    )
    assert "--district-map 亚铝大道北=DISTRICT" in reason
    assert "请用 --district-map 亚铝大道北=区域名称 说明" in result.problems[0].reason("zh")
    result = service.import_file(path, ImportOptions(district_map={"亚铝大道北": "肇庆高新区"}))
    assert result.ok and sorted(result.new_districts) == ["端州区", "肇庆高新区"]
    assert districts_of(ctx) == {"road项目1": "端州区", "road项目2": "肇庆高新区"}


def test_the_preview_asks_which_district_a_road_is_in(qtbot, ctx: AppContext, tmp_path: Path, translations) -> None:
    """The preview's district question covers the road too: answered 肇庆高新区 (stored), the rows import."""
    ImportService(ctx.database).import_file(place_list(tmp_path, "seed", CITY, "肇庆高新区"), ImportOptions())
    translations.switch("en")
    dialog = shown(qtbot, ctx, place_list(tmp_path, "ui", CITY, "亚铝大道北", "亚铝大道北"), "en")
    q = dialog.questions
    assert q.places_box.isVisible() and not dialog.can_import()
    label = q.places_form.itemAt(0, q.places_form.ItemRole.LabelRole).widget().text()
    assert label == "District “亚铝大道北” (2 rows):"
    combo = q.places_form.itemAt(0, q.places_form.ItemRole.FieldRole).widget()
    combo.setCurrentIndex(combo.findData("肇庆高新区"))
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.district_map == {"亚铝大道北": "肇庆高新区"} and dialog.can_import()
