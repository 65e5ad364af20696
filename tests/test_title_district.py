"""The district a sheet's title, name or 填报单位 line gives rows without one is a place the title
names, never its wording: probing found "肇庆市2025年重点建设项目分县（市、区）汇总表" give a blank row the
district "重点建设项目分县" and a sheet named 按地区 the district "按地区" — each created as a new
district, exit 0. A title that groups its rows by place names none. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.models import District
from zqtracker.io.context import district_of_address, place_in_text
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所在县（市、区）", "总投资", "业主单位"]
ROWS = [
    [1, "端州区星湖湿地公园提升工程", "端州区", 3.5, "某公司"],
    [2, "肇庆东站综合交通枢纽", None, 25, "某公司"],  # no district of its own
    [3, "怀集县燕都工业园标准厂房", "怀集县", 1.85, "某公司"],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def imported(service: ImportService, ctx: AppContext, path: Path) -> tuple[dict[str, str | None], list, set[str]]:
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    districts = {p.name: p.district for p in ctx.projects.all_projects()}
    return districts, result.notes, {d.name for d in ctx.references.districts()}


def test_a_title_by_county_names_no_district(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [["肇庆市2025年重点建设项目分县（市、区）汇总表"], ["单位：亿元"], HEAD, *ROWS]
    path = write_workbook(tmp_path / "c17.xlsx", SheetSpec("Sheet1", rows, merges=["A1:E1"]))
    districts, notes, stored = imported(service, ctx, path)
    assert districts["肇庆东站综合交通枢纽"] is None  # unknown, not "重点建设项目分县"
    assert districts["端州区星湖湿地公园提升工程"] == "端州区"
    assert stored == {"端州区", "怀集县"}
    assert "note_district_from" not in {n.code for n in notes}


@pytest.mark.parametrize("sheet", ["按地区", "分县区汇总", "按区域", "各县（市、区）"])
def test_a_sheet_named_by_area_names_no_district(
    service: ImportService, ctx: AppContext, tmp_path: Path, sheet: str
) -> None:
    rows = [["单位：亿元"], HEAD[:4], *(r[:4] for r in ROWS[:2])]
    districts, notes, stored = imported(service, ctx, write_workbook(tmp_path / "c50.xlsx", SheetSpec(sheet, rows)))
    assert districts["肇庆东站综合交通枢纽"] is None
    assert stored == {"端州区"}
    assert "note_district_from" not in {n.code for n in notes}


def test_a_district_stored_by_a_bad_import_is_not_taken_from_a_title_again(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.references.save_district(District("按地区"))  # left by an import before the fix
    rows = [["单位：亿元"], HEAD[:4], *(r[:4] for r in ROWS[:2])]
    districts, _notes, _stored = imported(service, ctx, write_workbook(tmp_path / "a.xlsx", SheetSpec("按地区", rows)))
    assert districts["肇庆东站综合交通枢纽"] is None


@pytest.mark.parametrize(
    ("title", "sheet"),
    [("高要区2025年重点建设项目计划表", "Sheet1"), ("2025年重点建设项目计划表", "高要区明细"),
     ("市重点项目高要区分镇汇总表", "Sheet1")],
)  # fmt: skip
def test_a_title_or_sheet_that_names_a_district_still_fills_blanks(
    service: ImportService, ctx: AppContext, tmp_path: Path, title: str, sheet: str
) -> None:
    rows = [[title], ["单位：亿元"], HEAD, *ROWS]
    districts, notes, stored = imported(service, ctx, write_workbook(tmp_path / "gy.xlsx", SheetSpec(sheet, rows)))
    assert districts["肇庆东站综合交通枢纽"] == "高要区"
    assert districts["怀集县燕都工业园标准厂房"] == "怀集县"  # a row's own district stands
    assert stored == {"端州区", "高要区", "怀集县"}
    assert "note_district_from" in {n.code for n in notes}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("肇庆市2025年重点建设项目分县（市、区）汇总表", None),
        ("按地区", None), ("按区域", None), ("分区汇总", None), ("分县区汇总表", None), ("各区县汇总", None),
        ("我区重点项目", None), ("2025年县（市、区）重点项目汇总", None), ("重点区域项目", None), ("分园区", None),
        ("2025年肇庆市重点建设项目计划表", None),  # a city is no district
        ("萝岗区明细表", "萝岗区"), ("萝岗区谋划（在谈）项目库", "萝岗区"), ("填报单位：高要区投资促进局", "高要区"),
        ("高要区2025年重点建设项目分镇汇总表", "高要区"), ("市重点项目高要区明细", "高要区"),
        ("分宜县2025年重点项目", "分宜县"),  # 分 begins a county's name here, it sorts nothing
        ("肇庆高新区2025年重点项目投资计划表", "肇庆高新区"), ("天津高新区外资签约落地项目明细表", "天津高新区"),
    ],
)  # fmt: skip
def test_what_a_title_names(text: str, place: str | None) -> None:
    assert place_in_text(text) == place


def test_a_known_district_in_a_title_unless_it_is_a_grouping() -> None:
    known = frozenset({"四会市", "按地区", "重点建设项目分县"})
    assert place_in_text("2025年四会市重点项目表", known) == "四会市"
    assert place_in_text("端州区、鼎湖区2024年签约项目", known | {"端州区"}) is None  # two: whose row is whose?
    assert place_in_text("广宁县和封开县项目", known) is None
    assert place_in_text("按地区", known) is None
    assert place_in_text("肇庆市2025年重点建设项目分县（市、区）汇总表", known) is None


# -- an address under 建设地点 -------------------------------------------------------------------------------
KNOWN = frozenset({"端州区", "高要区", "四会市"})


@pytest.mark.parametrize(
    ("text", "hint", "district"),
    [
        ("广宁县南街镇", "广宁县", "广宁县"), ("高要区白土镇", None, "高要区"), ("四会市东城街道", None, "四会市"),
        ("端州区城东街道信安路8号", None, "端州区"),
        ("广宁县南街镇", None, "广宁县"),  # a county neither known nor titled, before a town: that county
        ("德庆县德城街道", None, "德庆县"), ("肇庆市端州区城东街道", None, "端州区"),  # (after the city)
        ("端州区、高要区", None, "端州区、高要区"),  # several districts: not an address
        ("高要区新区", None, "高要区新区"),  # a second place of a district's rank: as written
        ("高要区金利工业园区", None, "高要区"),  # a park in a known district
        ("肇庆高新区大旺", None, "肇庆高新区大旺"),  # an area of a park not known: as written
        ("高要区", None, "高要区"), ("高要", None, "高要"),
        ("金利镇", "高要区", "高要区"), ("南岸街道", "高要区", "高要区"),  # a town alone under a titled county
        ("金利镇", None, "金利镇"),  # no county said: as written
    ],
)  # fmt: skip
def test_the_district_an_address_begins_with(text: str, hint: str | None, district: str) -> None:
    assert district_of_address(text, KNOWN, hint) == district


def test_an_address_whose_town_is_a_known_district() -> None:
    assert district_of_address("广宁县南街镇", frozenset({"南街镇"}), "广宁县") == "南街镇"


def test_a_town_under_construction_site_is_in_the_titled_county(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["广宁县2025年县重点建设项目计划表"], ["填报单位（盖章）：广宁县发展和改革局", None, None, "单位：亿元"],
            ["序号", "项目名称", "建设地点", "总投资", "年度计划投资"],
            [1, "广宁县竹产业物流园", "广宁县南街镇", 6.08, 1.1],
            [2, "广宁县人民医院新院区", "广宁县南街镇", 9.5, 2]]  # fmt: skip
    districts, _notes, stored = imported(service, ctx, write_workbook(tmp_path / "c11.xlsx", SheetSpec("Sheet1", rows)))
    assert set(districts.values()) == {"广宁县"} and stored == {"广宁县"}


@pytest.mark.parametrize("header", ["所在镇街", "建设地点"])
def test_towns_alone_under_a_titled_county_are_in_it(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: str
) -> None:
    """所在镇街 金利镇 | 白土镇 under a 高要区 title (probe19b: the towns stored as districts, exit 0)."""
    rows = [["高要区2024年招商引资签约项目"], ["单位：万元"], ["序号", "项目名称", "签约企业", header, "投资额"],
            [1, "五金制品项目", "金利五金有限公司", "金利镇", 8000],
            [2, "食品加工项目", "白土食品有限公司", "白土镇", 5000],
            [3, "电商产业园项目", "南岸电商有限公司", "南岸街道", 3000]]  # fmt: skip
    path = write_workbook(tmp_path / "towns.xlsx", SheetSpec("Sheet1", rows))
    districts, _notes, stored = imported(service, ctx, path)
    assert set(districts.values()) == {"高要区"} and stored == {"高要区"}
