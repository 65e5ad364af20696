"""District group rows and district summary sheets of published key-project lists (probe33c F3–F5): a group
row naming its district with a remark or old name in brackets (肇庆高新区（大旺）（2个）, 大旺（2个）,
高要区（含金利镇）（2个）) was skipped as "neither a sector nor a district" and its projects stored with no
district, exit 0; a plain 肇庆高新区 row whose sums are its rows' was refused as adding up nothing; a 汇总
sheet headed 项目名称 whose rows are 四会市 / 广宁县 / 合计 refused the whole file. Real .xlsx files written by
openpyxl, imported through the service on both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _grouped(tmp_path: Path, group: str) -> Path:
    """probe33c t02: the group row ``group`` (merged A:B, its rows' sums) over two projects, then 四会市（1个）
    over one, 合计; 单位：万元."""
    rows = [
        ["2025年重点项目1-10月完成情况"],
        [None, None, None, None, "单位：万元"],
        ["序号", "项目名称", "总投资", "2025年计划投资", "1-10月累计完成投资", "备注"],
        [group, None, 120000, 28000, 21500],  # 30000+90000, 8000+20000, 6000+15500
        ["★1", "标准厂房建设项目", 30000, 8000, 6000, "续建"],
        ["2", "大旺综合保税区二期项目", 90000, 20000, 15500, "续建"],
        ["四会市（1个）", None, 12000, 4000, 3900],
        ["★1", "标准厂房建设项目", 12000, 4000, 3900, "续建"],
        ["合计", None, 132000, 32000, 25400],
    ]
    merges = ["A1:F1", "A4:B4", "A7:B7"]
    return write_workbook(tmp_path / "t02.xlsx", SheetSpec("重点项目", rows, merges))


def _by_district(ctx: AppContext) -> dict[str, tuple[int, int]]:
    """District → (projects, planned investment in yuan)."""
    out: dict[str, tuple[int, int]] = {}
    for p in ctx.projects.all_projects():
        n, planned = out.get(p.district or "", (0, 0))
        out[p.district or ""] = (n + 1, planned + (p.planned_investment or 0))
    return out


@pytest.mark.parametrize(
    ("group", "district"),
    [
        ("肇庆高新区（大旺）（2个）", "肇庆高新区"),  # F3: the old name in brackets
        ("大旺（2个）", "肇庆高新区"),  # F3: the old name alone (read as the zone, with its note)
        ("高要区（含金利镇）（2个）", "高要区"),  # F3: a remark in brackets
        ("肇庆高新区（原大旺）（2个）", "肇庆高新区"),
        ("肇庆高新区（2个）", "肇庆高新区"),  # right before: still right
        ("肇庆高新区", "肇庆高新区"),  # F4: no count, sums equal to the rows under it (was: "add up neither")
        ("肇庆高新区（大旺）", "肇庆高新区"),  # F4: no count (was: "values but no project name")
    ],
)
def test_a_district_group_row_gives_its_rows_their_district(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: str, district: str
) -> None:
    result = service.import_file(_grouped(tmp_path, group), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    assert _by_district(ctx) == {
        district: (2, 1_200_000_000),  # 30000+90000 万
        "四会市": (1, 120_000_000),  # 12000 万
    }
    assert not [n for n in result.notes if n.code in ("note_groups", "note_group_no_district")]


def test_rows_under_a_group_naming_no_district_among_district_groups_are_named(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A group row naming neither a district nor a sector (其他) where the other group rows name districts:
    its rows end up with no district — said, naming the group and the rows (was: only "were skipped")."""
    result = service.import_file(_grouped(tmp_path, "其他（2个）"), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    assert _by_district(ctx) == {"": (2, 1_200_000_000), "四会市": (1, 120_000_000)}
    (note,) = [n for n in result.notes if n.code == "note_group_no_district"]
    assert note.params["names"] == "其他" and note.params["rows"] == "5–6", note.params
    for lang in ("en", "zh"):
        text = note.message(lang)
        assert "其他" in text and "5–6" in text and "四会市" in text, text
    assert not [n for n in result.notes if n.code == "note_groups"]


def _detail_and_summary(tmp_path: Path, unit_line: bool) -> Path:
    """probe33c r04: 明细 (单位：万元) with 小计 rows; 汇总 headed 序号 | 项目名称 | 总投资 … whose rows are the
    districts' totals and 合计, with or without a unit line of its own."""
    detail = [
        ["2025年重点项目进展表"],
        [None, None, None, None, None, None, "单位：万元"],
        ["序号", "项目名称", "县（市、区）", "行业分类", "总投资", "2025年计划投资", "1-10月完成投资", "备注"],
        [1, "四会市龙甫镇陶瓷产业升级项目", "四会市", "先进制造业", 26000, 8000, 7000, "续建"],
        [2, "四会市石狗镇五金产业园项目", "四会市", "先进制造业", 34000, 9000, 6600, "续建"],
        [None, "小计", None, None, 60000, 17000, 13600],
        [1, "广宁县横山镇石材加工项目", "广宁县", "先进制造业", 8800, 3000, 3000, "竣工"],
        [None, "小计", None, None, 8800, 3000, 3000],
        [None, "合计", None, None, 68800, 20000, 16600],
    ]
    summary = [
        ["分县区汇总"],
        *([[None, None, None, None, "单位：万元"]] if unit_line else []),
        ["序号", "项目名称", "总投资", "2025年计划投资", "1-10月完成投资"],
        [1, "四会市", 60000, 17000, 13600],
        [2, "广宁县", 8800, 3000, 3000],
        [None, "合计", 68800, 20000, 16600],
    ]
    return write_workbook(
        tmp_path / "r04.xlsx", SheetSpec("明细", detail, ["A1:H1"]), SheetSpec("汇总", summary, ["A1:D1"])
    )


@pytest.mark.parametrize("unit_line", [False, True], ids=["no_unit_line", "unit_line"])
def test_a_summary_sheet_of_district_rows_is_left_out_with_a_note(
    service: ImportService, ctx: AppContext, tmp_path: Path, unit_line: bool
) -> None:
    """F5: the 汇总 sheet asked for a unit, then called 四会市 and 广宁县 "a place alone": the whole file refused."""
    result = service.import_file(_detail_and_summary(tmp_path, unit_line), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    assert _by_district(ctx) == {"四会市": (2, 600_000_000), "广宁县": (1, 88_000_000)}  # 26000+34000; 8800 万
    (note,) = [n for n in result.notes if n.code == "note_summary_table"]
    assert note.params["sheet"] == "汇总" and note.params["values"] == "四会市、广宁县", note.params


def test_a_list_with_one_place_row_is_no_summary(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A district alone on one row among projects is not a district summary: the list is read, that row asked."""
    rows = [
        ["单位：万元"],
        ["序号", "项目名称", "总投资", "2025年计划投资"],
        [1, "四会市", 26000, 8000],
        [2, "广宁县横山镇石材加工项目", 8800, 3000],
        [3, "德庆县污水处理厂项目", 5000, 1000],
    ]
    result = service.import_file(write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert [p.problem.code for p in result.problems] == ["place_row"], [p.reason("en") for p in result.problems]
    assert ctx.projects.all_projects() == []


def test_a_district_row_over_sector_sections_still_sums_across_them(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """端州区 | its sums over 一、工业 and 二、农业 sections: its rows run past the section rows (only a row whose
    sums stop at the next section row is cut there)."""
    rows = [
        ["单位：万元"],
        ["序号", "项目名称", "总投资", "2025年计划投资"],
        ["端州区", None, 30000, 9000],  # 20000+10000, 6000+3000
        ["一、工业（1个）"],
        [1, "端州区电子元件项目", 20000, 6000],
        ["二、农业（1个）"],
        [1, "端州区现代农业园项目", 10000, 3000],
        ["四会市", None, 5000, 1000],
        [1, "四会市五金产业园项目", 5000, 1000],
    ]
    merges = ["A3:B3", "A4:D4", "A6:D6", "A8:B8"]
    path = write_workbook(tmp_path / "s.xlsx", SheetSpec("Sheet1", rows, merges))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    assert _by_district(ctx) == {"端州区": (2, 300_000_000), "四会市": (1, 50_000_000)}
