"""Files shaped like each way real district and park lists broke the import (issue 12), written
here as real .xlsx files and imported into real SQLite databases. Each test also imports its file
a second time: a re-import changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from engines import dump
from import_files import SheetSpec, write_workbook

from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def imported(service: ImportService, db_url: str, path: Path, **options: object) -> ImportResult:
    """Import, check the result, import again: the second import must change nothing."""
    result = service.import_file(path, ImportOptions(**options))  # type: ignore[arg-type]
    assert result.ok, [p.reason() for p in result.problems]
    before = dump(db_url)
    again = service.import_file(path, ImportOptions(**options))  # type: ignore[arg-type]
    assert (again.added, again.updated, again.investment_records) == (0, 0, 0), again
    assert dump(db_url) == before
    return result


def by_name(ctx: AppContext) -> dict[str, object]:
    return {p.name: p for p in ctx.projects.all_projects()}


# -- 1. only a name is required ------------------------------------------------------------------------
def test_a_negotiating_list_with_no_amount_district_or_sector(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [
        ["萝岗区谋划（在谈）项目库"],
        ["序号", "项目名称", "投资方", "联系人", "对接情况"],
        [1, "智能网联汽车零部件项目", "某汽车集团", "王五 13800001111", "3月已赴企业总部对接，企业有意向在我区布局"],
        [2, "生物医药研发中心项目", "某药业", None, "初步接洽"],
    ]
    path = write_workbook(tmp_path / "leads.xlsx", SheetSpec("Sheet1", rows))
    result = imported(service, db_url, path)
    assert result.added == 2
    p = by_name(ctx)
    a = p["智能网联汽车零部件项目"]
    assert a.status is Status.LEAD and a.district == "萝岗区"  # the title says both
    assert a.planned_investment is None and a.sector is None  # unknown, never 0, never invented
    codes = {n.code for n in result.notes}
    assert {"note_status_from", "note_district_from"} <= codes


def test_the_district_for_rows_without_one_can_be_given(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["项目名称", "计划总投资（万元）"], ["甲项目", 100], ["乙项目", 200]]
    path = write_workbook(tmp_path / "plain.xlsx", SheetSpec("Sheet1", rows))
    imported(service, db_url, path, district="高要区", sector="新型储能", status="under_construction")
    assert {(p.name, p.district, p.sector, p.status) for p in ctx.projects.all_projects()} == {
        ("甲项目", "高要区", "新型储能", Status.UNDER_CONSTRUCTION),
        ("乙项目", "高要区", "新型储能", Status.UNDER_CONSTRUCTION),
    }


def test_the_district_of_a_single_zone_list_comes_from_the_sheet_name(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["序号", "项目名称", "总投资（亿元）", "项目状态"], [1, "甲项目", 1.5, "在建"]]
    path = write_workbook(tmp_path / "z.xlsx", SheetSpec("萝岗区明细表", rows))
    imported(service, db_url, path)
    assert by_name(ctx)["甲项目"].district == "萝岗区"  # type: ignore[attr-defined]


def test_a_location_column_and_a_responsible_unit_that_names_districts(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [
        ["项目名称", "责任单位", "落户地", "总投资（亿元）"],
        ["甲项目", "市发改局", "高要区", 1],
        ["乙项目", "市工信局", "四会市", 2],
        ["丙项目", "市商务局", "鼎湖区", 3],
    ]
    path = write_workbook(tmp_path / "loc.xlsx", SheetSpec("Sheet1", rows))
    imported(service, db_url, path)
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {
        "甲项目": "高要区",
        "乙项目": "四会市",
        "丙项目": "鼎湖区",
    }


# -- 2. columns chosen by evidence, not by substring ------------------------------------------------------
def test_ambiguous_and_misleading_columns(service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    rows = [["序号", "项目类别", "项目名称", "项目类型", "资金来源", "计划总投资（万元）", "完成投资占年计划%",
             "后五个月进度安排", "项目对接及进展情况", "用地需求（平方米）", "项目内容"],
            [1, "续建", "甲项目", "新能源", "企业自筹", 5000, 35.5, "8月完成主体",
             "已完成厂房主体封顶，正在进行设备采购招标工作", 6667, "建设厂房"],
            [2, "新开工", "乙项目", "生物医药", "银行贷款", 3000, 12.0, "9月开工",
             "已取得施工许可证，计划下月开工", 2000, "研发楼"],
            [3, "续建", "丙项目", "新能源", "企业自筹", 8000, 50.1, "10月投产",
             "设备安装调试中，预计年底试产", 13333, "生产线"]]  # fmt: skip
    path = write_workbook(tmp_path / "mix.xlsx", SheetSpec("Sheet1", rows))
    result = imported(service, db_url, path, district="高要区")
    p = by_name(ctx)
    a = p["甲项目"]
    assert (
        a.status is Status.UNDER_CONSTRUCTION and p["乙项目"].status is Status.UNDER_CONSTRUCTION
    )  # 项目类别 held stages
    assert a.sector == "新能源" and p["乙项目"].sector == "生物医药"  # 项目类型 held sectors
    assert a.planned_investment == 50_000_000  # the percentage is not money
    assert a.investor_origin is None  # 资金来源 is the funding, not the investor's origin (so: not given)
    assert a.land_area_mu == Decimal("10.0005")  # 6667 m² × 15/10000: square metres are not 亩
    assert p["丙项目"].land_area_mu == Decimal("19.9995")
    assert "厂房主体封顶" in a.progress_note  # a paragraph is a progress note, not a status
    ignored = {(n.params.get("column"), n.code) for n in result.notes}
    assert ("G", "note_ignored_column") in ignored and ("H", "note_ignored_column") in ignored


def test_a_paragraph_row_or_an_example_row_never_outscores_the_header(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["2024年重点招商项目表"], ["填报单位：高要区投资促进局"],
            ["项目名称", "项目投资单位", "总投资（亿元）", "项目进展"],
            ["项目名称", "项目投资单位", "总投资（亿元）", "项目进展"],  # a template's example row
            ["储能电池项目", "某某新能源有限公司", 10,
             "项目总投资约10亿元，建设储能电池生产线，目前已签订投资协议，正在办理用地手续"]]  # fmt: skip
    path = write_workbook(tmp_path / "para.xlsx", SheetSpec("Sheet1", rows))
    result = imported(service, db_url, path)
    assert result.added == 1
    p = by_name(ctx)["储能电池项目"]
    assert p.enterprise == "某某新能源有限公司" and p.planned_investment == 1_000_000_000  # type: ignore[attr-defined]
    assert p.district == "高要区"  # type: ignore[attr-defined]
    assert "note_example_rows" in {n.code for n in result.notes}


@pytest.mark.parametrize(
    "example",
    [
        ["示例", "XX年产XX万吨XX项目", "XX有限公司", "XX区", 10000],
        ["例", "年产10万吨饲料项目", "某某饲料有限公司", "高要区", 10000],
        ["", "（填写示例）肇庆市XX有限公司年产XX万件XX项目", "肇庆市XX有限公司", "高要区", 10000],
    ],
    ids=["shili-in-number-column", "li-in-number-column", "placeholder-name"],
)
def test_a_template_example_row_marked_or_of_placeholders_is_not_a_project(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path, example: list
) -> None:
    """示例 / 例 in the 序号 column, or a name of XX placeholders (probe19b: imported as a project, exit 0)."""
    rows = [["2024年签约项目统计表（模板）"], ["单位：万元"], ["序号", "项目名称", "建设单位", "所在区域", "总投资"],
            example,
            [1, "包装材料项目", "肇庆华包新材有限公司", "四会市", 4000],
            [2, "精密五金项目", "肇庆精五金有限公司", "端州区", 3000]]  # fmt: skip
    result = imported(service, db_url, write_workbook(tmp_path / "tpl.xlsx", SheetSpec("Sheet1", rows)))
    assert result.added == 2 and sorted(by_name(ctx)) == ["包装材料项目", "精密五金项目"]
    assert "note_example_rows" in {n.code for n in result.notes}


def test_an_aggregate_sheet_of_counts_is_skipped_with_a_note(
    service: ImportService, db_url: str, tmp_path: Path
) -> None:
    agg = SheetSpec("汇总", [["区域", "项目个数", "总投资（亿元）"], ["高要区", 12, 30.5], ["四会市", 8, 12.0]])
    data = SheetSpec("明细", [["项目名称", "所在区域", "总投资（亿元）"], ["甲项目", "高要区", 1.0]])
    path = write_workbook(tmp_path / "agg.xlsx", agg, data)
    result = imported(service, db_url, path)
    assert result.added == 1
    assert "note_aggregate" in {n.code for n in result.notes}


# -- 3. status words ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("word", "status"), [
    ("续建", "under_construction"), ("新开工", "under_construction"), ("促竣工", "under_construction"),
    ("报批", "preparing"), ("在谈", "lead"), ("谋划", "lead"), ("完工", "in_production"),
    ("Active", "under_construction"), ("Closed", "in_production"), ("Proposed", "lead"),
    ("Construction started", "under_construction"), ("Completed", "in_production"),
    ("Announced & Planning", "lead"), ("In Review", "preparing"), ("Approved", "preparing"), ("On hold", "on_hold"),
])  # fmt: skip
def test_status_words_of_real_reports(word: str, status: str) -> None:
    from zqtracker.domain.status import parse_status

    assert parse_status(word).value == status


def test_unknown_status_words_are_listed_once_and_can_be_mapped(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["Project Id", "Project Name", "Municipality", "Status 2024", "Estimated Cost"]]
    rows += [[f"P{i:03d}", f"Plant {i}", "Hamilton", "Shovel ready" if i % 2 else "Active", "1000"] for i in range(40)]
    path = write_workbook(tmp_path / "inv.xlsx", SheetSpec("data", rows))
    first = service.import_file(path, ImportOptions(unit=Unit.YUAN))
    assert not first.written
    assert {p.value for p in first.problems} == {"Shovel ready"} and len(first.problems) == 20
    assert [n.code for n in first.notes].count("note_unknown_statuses") == 1
    result = imported(service, db_url, path, unit=Unit.YUAN, status_map={"Shovel ready": "preparing"})
    assert result.added == 40
    assert {p.status for p in ctx.projects.all_projects()} == {Status.PREPARING, Status.UNDER_CONSTRUCTION}


def test_a_section_named_for_speeding_up_signing_holds_leads(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["序号", "项目名称", "总投资（亿元）", "所在区域"], ["一、加速签约项目（2个）"],
            [1, "甲项目", 3, "高要区"], [2, "乙项目", 2, "高要区"], ["二、在建项目（1个）"],
            [3, "丙项目", 5, "高要区"]]  # fmt: skip
    path = write_workbook(tmp_path / "sec.xlsx", SheetSpec("Sheet1", rows, merges=["A2:D2", "A5:D5"]))
    imported(service, db_url, path)
    p = by_name(ctx)
    assert p["甲项目"].status is Status.LEAD and p["丙项目"].status is Status.UNDER_CONSTRUCTION  # type: ignore[attr-defined]
    assert p["甲项目"].sector is None  # 加速签约 is a stage, not a sector  # type: ignore[attr-defined]


# -- 4. headers in other spellings ------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "field"), [
    ("projectName", "name"), ("PROJECT_NAME", "name"), ("project_name", "name"), ("Project Id", "code"),
    ("Current Project Cost", "planned_investment"), ("Status 2024", "status"), ("名称", "name"),
    ("投资商名称", "enterprise"), ("项目投资单位", "enterprise"), ("落户地", "district"), ("totalInvestment",
    "planned_investment"), ("Proponent", "enterprise"), ("Estimated Cost", "planned_investment"),
    ("Municipality", "district"), ("Construction Start", "construction_start_on"), ("Completion Date", "production_on"),
    ("Board Approval Date", "signed_on"), ("Project Description", "ignore:content"), ("项目个数", "ignore:count"),
    ("完成投资占年计划%", "ignore:percent"), ("后五个月进度安排", "ignore:schedule"), ("联系方式", "contact"),
])  # fmt: skip
def test_header_spellings(header: str, field: str) -> None:
    from zqtracker.io.headers import match_header

    m = match_header(header)
    assert m is not None and m.field == field


def test_every_header_zqtracker_writes_is_read_back_as_its_field() -> None:
    from zqtracker.io.columns import CHAIN_COLUMN, MONTHLY_COLUMNS, PROJECT_COLUMNS
    from zqtracker.io.headers import header_candidates

    for column in (*PROJECT_COLUMNS, *MONTHLY_COLUMNS, CHAIN_COLUMN):
        for lang in ("en", "zh"):
            found = [c.field for c in header_candidates(column.header(lang))]
            assert column.field in found, (column.header(lang), found)


def test_amounts_in_dollars_are_left_out_never_stored_as_yuan(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["Project Name", "Region", "Cost 2024 (CAD) {$M}"], ["Line 5 Relocation", "Ontario", 450]]
    result = service.import_file(write_workbook(tmp_path / "cad.xlsx", SheetSpec("Projects", rows)), ImportOptions())
    assert result.added == 1 and ctx.projects.all_projects()[0].planned_investment is None
    note = next(n for n in result.notes if n.code == "note_foreign_column")
    assert "CAD" in note.message("en") and note.params["column"] == "C"
    rows = [["项目名称", "投资总额（万美元）", "计划总投资（万元）"], ["外资项目", 100, 720]]
    result = service.import_file(write_workbook(tmp_path / "usd.xlsx", SheetSpec("S", rows)), ImportOptions())
    p = by_name(ctx)["外资项目"]
    assert p.planned_investment == 7_200_000  # the 万元 column, never the 万美元 one  # type: ignore[attr-defined]
    said = next(n for n in result.notes if n.code == "note_foreign_duplicate").message("en")
    assert "USD" in said and "column C “计划总投资（万元）” gives the same figure in yuan" in said


def test_unitless_amounts_of_an_english_list_are_no_yuan(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["Project Name", "Country", "Total Cost"], ["Water Supply", "Kenya", "12000000"]]
    path = write_workbook(tmp_path / "en.xlsx", SheetSpec("data", rows))
    result = service.import_file(path, ImportOptions())
    assert result.added == 1 and ctx.projects.all_projects()[0].planned_investment is None
    assert "note_unitless_english" in {n.code for n in result.notes}
    again = service.import_file(path, ImportOptions(unit=Unit.YUAN))  # the user says they are yuan
    assert again.updated == 1 and ctx.projects.all_projects()[0].planned_investment == 12_000_000


# -- 5. totals, groups and continuations are no projects ---------------------------------------------------
def test_totals_groups_sections_and_continuations(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [
        ["序号", "项目名称", "建设单位", "总投资（亿元）", "所在区域"],
        [None, "合计37个", None, 120.5, None],
        [None, "龙海市合计14个", None, 40.2, None],
        ["（一）", "工业项目82个", None, 80.1, None],
        [1, "甲项目", "甲公司", 10, "龙海市"],
        [None, None, "中央预算内资金", 2, None],  # a funding-source line under its project
        [2, "乙项目", "乙公司", 5, "龙海市"],
        [None, "其中：新开工", None, 3, None],
        ["重点对接"],
        [3, "丙项目", "丙公司", 1, "龙海市"],
    ]
    path = write_workbook(tmp_path / "tot.xlsx", SheetSpec("Sheet1", rows, merges=["A9:E9"]))
    result = imported(service, db_url, path)
    p = by_name(ctx)
    assert set(p) == {"甲项目", "乙项目", "丙项目"}
    assert sum(x.planned_investment for x in p.values()) == 1_600_000_000  # type: ignore[attr-defined]
    assert p["丙项目"].sector != "重点对接"  # a priority group is not a sector  # type: ignore[attr-defined]
    codes = {n.code for n in result.notes}
    assert {"note_totals", "note_continuations", "note_groups"} <= codes


def test_projects_repeated_on_two_sheets_are_one_project(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "总投资（万元）"]
    by_level = SheetSpec(
        "分级管理",
        [head, ["一、市本级（2项）"], [1, "武夷山至邵武高速公路", 100], [2, "顺昌环城路建设工程", 50]],
        merges=["A2:C2"],
    )
    by_sector = SheetSpec(
        "分行业",
        [head, ["一、交通（2项）"], [1, "武夷山至邵武高速公路", 100], [2, "顺昌环城路建设工程", 50]],
        merges=["A2:C2"],
    )
    path = write_workbook(tmp_path / "two.xlsx", by_level, by_sector)
    result = imported(service, db_url, path, status="under_construction")
    assert result.added == 2
    p = by_name(ctx)
    assert {(x.district, x.sector) for x in p.values()} == {("市本级", "交通")}  # type: ignore[attr-defined]
    assert "note_views" in {n.code for n in result.notes}


# -- 6. every problem of a row; a missing column once --------------------------------------------------------
def test_every_problem_of_a_row_is_reported(service: ImportService, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "计划总投资（万元）", "签约时间", "用地面积（亩）", "是否重点项目"],
        ["甲项目", "很多", "2023-02-30", -3, "也许"],
    ]  # (a word in the date column, 去年, would give no date and be noted: io/date_words.py)
    path = write_workbook(tmp_path / "bad.xlsx", SheetSpec("S", rows))
    result = service.import_file(path, ImportOptions())
    assert {p.column for p in result.problems} == {"B", "C", "D", "E"}


def test_repeated_problems_print_as_one_line(service: ImportService, tmp_path: Path) -> None:
    from zqtracker.cli.commands.import_file import grouped_problems

    rows = [["项目名称", "项目状态"]] + [[f"项目{i}", "研究中"] for i in range(300)]
    path = write_workbook(tmp_path / "st.xlsx", SheetSpec("S", rows))
    result = service.import_file(path, ImportOptions())
    assert len(result.problems) == 300
    lines = grouped_problems(result.problems, "en")
    assert len(lines) == 1 and "rows 2–301 (300 rows)" in lines[0]


# -- 7/8. marks ------------------------------------------------------------------------------------------
def test_key_project_marks_are_stripped_and_mark_key_projects(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    rows = [["序号", "项目编号", "项目名称", "总投资（万元）"], ["1●", "K-1", "甲项目", 100],
            [2, "★K-2", "乙项目", 100], [3, "K-3", "丙项目▲", 100], [4, "K-4", "丁项目", 100]]  # fmt: skip
    path = write_workbook(tmp_path / "marks.xlsx", SheetSpec("S", rows))
    result = imported(service, db_url, path)
    p = {x.code: x for x in ctx.projects.all_projects()}
    assert set(p) == {"K-1", "K-2", "K-3", "K-4"} and p["K-3"].name == "丙项目"
    assert [p[c].is_key_project for c in ("K-1", "K-2", "K-3", "K-4")] == [True, True, True, False]
    assert "note_marks" in {n.code for n in result.notes}


# -- matching ----------------------------------------------------------------------------------------------
def test_a_code_less_district_file_matches_stored_projects_with_codes(demo_ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(demo_ctx.database, MappingStore(tmp_path / "m.json"))
    stored = [p for p in demo_ctx.projects.all_projects() if p.district == "高要区" and p.code][:5]
    rows = [["序号", "项目名称", "建设单位", "所属行业", "计划总投资（亿元）", "项目进展"]]
    for i, p in enumerate(stored, start=1):
        # the district writes the name its own way: full-width brackets, a space, no trailing 项目
        name = p.name.replace("(", "（").removesuffix("项目") + " "
        rows.append([i, name, p.enterprise, p.sector, p.planned_investment / 1e8, p.status.label("zh")])
    path = write_workbook(tmp_path / "高要区10月.xlsx", SheetSpec("Sheet1", rows))
    count = len(demo_ctx.projects.all_projects())
    for _ in range(3):
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.added == 0, result
        assert len(demo_ctx.projects.all_projects()) == count


def test_near_names_are_offered_not_matched(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    head = ["项目名称", "所在区域", "计划总投资（亿元）"]
    imported(
        service,
        db_url,
        write_workbook(tmp_path / "a.xlsx", SheetSpec("S", [head, ["恒通光伏组件扩产项目", "高要区", 2]])),
    )
    path = write_workbook(tmp_path / "b.xlsx", SheetSpec("S", [head, ["恒通光伏组件扩产项目（一期）", "高要区", 1]]))
    dry = service.import_file(path, ImportOptions(), dry_run=True)  # a list without figures: asked all the same
    assert dry.added == 0 and [p.problem.code for p in dry.problems] == ["near_name"]
    kept_apart = service.import_file(path, ImportOptions(links={("S", 2): 0}), dry_run=True)
    assert kept_apart.ok and kept_apart.added == 1
    pid = ctx.projects.all_projects()[0].id
    linked = service.import_file(path, ImportOptions(links={("S", 2): pid}))
    assert (linked.added, linked.updated) == (0, 1)
    assert [p.name for p in ctx.projects.all_projects()] == ["恒通光伏组件扩产项目（一期）"]


def test_the_same_name_in_two_districts_is_two_projects(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    head = ["项目名称", "所在区域", "计划总投资（亿元）"]
    rows = [head, ["污水处理厂提标改造项目", "高要区", 1], ["污水处理厂提标改造项目", "四会市", 2]]
    imported(service, db_url, write_workbook(tmp_path / "two.xlsx", SheetSpec("S", rows)))
    assert len(ctx.projects.all_projects()) == 2
    # without the district, a name that two projects share is a question, not a guess
    bare = write_workbook(
        tmp_path / "bare.xlsx", SheetSpec("S", [["项目名称", "计划总投资（亿元）"], ["污水处理厂提标改造项目", 3]])
    )
    result = service.import_file(bare, ImportOptions())
    assert not result.written and result.problems[0].problem.code == "ambiguous_project"


def test_a_provincial_key_project_plan(service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    """The shape of published provincial and city plans: sections by sector with subtotals, a name
    column that holds the content too, 建设起止年限, the year's planned investment, 项目业主, 所在地."""
    rows = [["福建省2024年重点项目名单"], ["单位：万元"],
            ["序号", "项目名称及建设内容", "建设起止年限", "总投资", "2024年计划投资", "项目业主", "所在地"],
            [None, "合计（3项）", None, 650000, 150000],
            ["一、", "先进制造业（2项）", None, 450000, 100000],
            [1, "宁德时代动力电池扩产项目\n新建动力电池生产线4条，年产能40GWh", "2023-2026", 400000, 80000,
             "宁德时代新能源科技股份有限公司", "宁德市蕉城区"],
            [2, "★南平竹产业园：建设竹材加工车间及仓储", "2024-2025", 50000, 20000, "南平竹业集团", "南平市建阳区"],
            ["二、", "基础设施（1项）", None, 200000, 50000],
            [3, "福州地铁6号线", "2020-2024", 200000, 50000, "福州地铁集团", "福州市"]]  # fmt: skip
    path = write_workbook(tmp_path / "fj.xlsx", SheetSpec("Sheet1", rows))
    result = imported(service, db_url, path, status="under_construction")
    p = by_name(ctx)
    assert set(p) == {"宁德时代动力电池扩产项目", "南平竹产业园", "福州地铁6号线"}
    assert p["宁德时代动力电池扩产项目"].sector == "先进制造业" and p["福州地铁6号线"].sector == "基础设施"  # type: ignore[attr-defined]
    assert p["宁德时代动力电池扩产项目"].planned_investment == 4_000_000_000  # type: ignore[attr-defined]
    assert p["南平竹产业园"].is_key_project  # type: ignore[attr-defined]
    assert p["福州地铁6号线"].district == "福州市"  # type: ignore[attr-defined]
    assert result.plans == 3  # the year's planned investment becomes each project's 2024 annual plan


def test_a_second_table_and_a_project_over_two_rows(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "资金来源", "总投资（万元）", "所在区域"]
    rows = [["在建项目"], head, [1, "甲项目", "中央预算内", 100, "高要区"], [None, None, "地方配套", 50, None],
            ["拟建项目"], head, [1, "乙项目", "企业自筹", 300, "高要区"]]  # fmt: skip
    # 甲项目 spans rows 3–4: its name merged down over both, each row an amount of its own (two funding lines,
    # or two phases: 100 or 150 万元?) — the second row is asked about, not dropped unsaid
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("Sheet1", rows, merges=["B3:B4", "A3:A4", "E3:E4"]))
    asked = service.import_file(path, ImportOptions())
    assert not asked.ok and [(q.row, q.problem.code) for q in asked.problems] == [(4, "phase_under_name")]
    assert "“甲项目”" in asked.problems[0].reason("en") and ctx.projects.all_projects() == []
    service.import_file(path, ImportOptions(skip_invalid=True))  # the user's answer: the first row's amount
    p = by_name(ctx)
    assert set(p) == {"甲项目", "乙项目"} and p["甲项目"].planned_investment == 1_000_000  # type: ignore[attr-defined]
    # a second line of the project's text (no amount of its own) continues it, as before
    rows[3] = [None, None, "地方配套", None, None]
    path = write_workbook(tmp_path / "text.xlsx", SheetSpec("Sheet1", rows, merges=["B3:B4", "A3:A4", "E3:E4"]))
    assert "note_continuations" in {n.code for n in imported(service, db_url, path).notes}


def test_a_second_table_with_other_columns_is_refused_not_read_as_the_first(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    # 储备项目 under 在建项目: its amounts are 亿元 where the first table's are 万元, its column E says how
    # talks go where the first table's gives the start date — read as the first table, 5 亿元 became 5 万元
    rows = [["一、在建项目"], ["序号", "项目名称", "所属行业", "总投资（万元）", "开工时间"],
            [1, "广宁竹产业园", "竹木加工", 30000, "2023-05-01"], [],
            ["二、储备项目"], ["序号", "项目名称", "所属行业", "拟投资（亿元）", "对接情况"],
            [1, "广宁康养小镇", "文旅", 5, "洽谈中"]]  # fmt: skip
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("项目清单", rows))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and result.written is False and ctx.projects.all_projects() == []
    (problem,) = [p for p in result.problems if p.problem.code == "second_table"]
    assert problem.row == 6
    text = problem.reason("en")
    assert "D: “总投资（万元）” → “拟投资（亿元）”" in text and "E: “开工时间” → “对接情况”" in text
    assert "第二个表格" in problem.reason("zh")


def test_a_unit_line_inside_the_table_that_changes_the_unit_is_refused(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    # "单位：亿元" over a second table with the same header: its 5 was stored as 5 万元, not 5 亿元
    head = ["序号", "项目名称", "所属行业", "总投资"]
    rows = [["单位：万元"], head, [1, "甲项目", "食品", 30000], [], ["单位：亿元"], head, [1, "丙项目", "新材料", 5]]
    result = service.import_file(write_workbook(tmp_path / "u.xlsx", SheetSpec("项目", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    (problem,) = [p for p in result.problems if p.problem.code == "unit_changes"]
    assert problem.row == 5 and "单位：亿元" in problem.reason("en") and "单位" in problem.reason("zh")
    # the same unit said again (a page header printed twice) is no problem
    rows = [["单位：万元"], head, [1, "甲项目", "食品", 30000], ["单位：万元"], head, [2, "丙项目", "新材料", 5]]
    imported(service, db_url, write_workbook(tmp_path / "same.xlsx", SheetSpec("项目", rows)))
    assert by_name(ctx)["丙项目"].planned_investment == 50_000  # type: ignore[attr-defined]


def test_one_amount_merged_over_two_projects_is_a_question_not_counted_twice(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["序号", "项目名称", "所属行业", "总投资（万元）", "所在区域"], [1, "甲厂房一期", "食品", 50000, "高要区"],
            [2, "甲厂房配套宿舍", "食品", None, "高要区"], [3, "乙项目", "食品", 8000, "高要区"]]  # fmt: skip
    path = write_workbook(tmp_path / "m.xlsx", SheetSpec("项目", rows, merges=["D2:D3", "E2:E4"]))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    (problem,) = [p for p in result.problems if p.problem.code == "merged_amount"]  # the district's merge is fine
    assert (problem.row, problem.column) == (2, "D") and "D2:D3" in problem.reason("en")
    assert "D2:D3" in problem.reason("zh")


@pytest.mark.parametrize("parts", [[None, None], ["1.1", "1.2"], ["(1)", "(2)"], [1.1, 1.2]])
def test_the_rows_of_a_breakdown_are_parts_of_their_project_not_projects(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path, parts: list
) -> None:
    # "其中：一期" under a project, then 二期 without a 序号 of its own: counting 二期 as a project counted
    # 30000 万元 twice; a breakdown under a total (合计 / 其中：续建) is no project either
    rows = [["序号", "项目名称", "所属行业", "总投资（万元）"], [None, "合计", None, 70000],
            [None, "其中：续建", None, 62000], [None, "新开工", None, 8000],
            [1, "鼎湖数据中心项目", "数字经济", 50000], [parts[0], "其中：一期", None, 20000],
            [parts[1], "二期", None, 30000], [2, "鼎湖食品加工园", "食品", 12000],
            [3, "凤凰镇光伏项目", "新能源", 8000]]  # fmt: skip
    result = imported(service, db_url, write_workbook(tmp_path / "parts.xlsx", SheetSpec("Sheet1", rows)))
    p = by_name(ctx)
    assert set(p) == {"鼎湖数据中心项目", "鼎湖食品加工园", "凤凰镇光伏项目"}
    assert sum(x.planned_investment for x in p.values()) == 700_000_000  # type: ignore[attr-defined]
    (note,) = [n for n in result.notes if n.code == "note_parts"]
    assert note.params["count"] == 4 and "3, 4, 6, 7" in note.message("en")


def test_a_breakdown_without_row_numbers_is_a_question_not_a_guess(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["项目名称", "所属行业", "总投资（万元）"], ["鼎湖数据中心项目", "数字经济", 50000],
            ["其中：一期", None, 20000], ["二期", None, 30000], ["鼎湖食品加工园", "食品", 12000]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "p.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    (problem,) = [p for p in result.problems if p.problem.code == "breakdown_without_numbers"]
    assert problem.row == 3 and "序号" in problem.reason("en") and "序号" in problem.reason("zh")


@pytest.mark.parametrize("total_first", [True, False])
def test_a_totals_breakdown_without_row_numbers_is_a_question_when_a_row_under_it_could_be_a_part(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path, total_first: bool
) -> None:
    # 合计 600, "其中：工业项目 400", "服务业项目 200": without 序号 the 200 read as a project of its own
    # (3 projects, 800 万元 where the sheet says 600); a row that names its sector, district or status
    # is a project, and then the breakdown was one line: imported as before
    head = ["项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"]
    projects = [["华南电池项目", "新型储能", "高要区", "在建", 300], ["星光材料项目", "新材料", "四会市", "签约", 300]]
    totals = [["合计", None, None, None, 600], ["其中：工业项目", None, None, None, 400]]
    part = [["服务业项目", None, None, None, 200]]
    rows = [head, *totals, *part, *projects] if total_first else [head, *projects, *totals, *part]
    result = service.import_file(write_workbook(tmp_path / "t.xlsx", SheetSpec("项目", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    (problem,) = [p for p in result.problems if p.problem.code == "breakdown_without_numbers"]
    assert (
        problem.row == (3 if total_first else 5) and "序号" in problem.reason("en") and "合计" in problem.reason("zh")
    )
    rows = [head, *totals, *projects] if total_first else [head, *projects, *totals]
    imported(service, db_url, write_workbook(tmp_path / "one.xlsx", SheetSpec("项目", rows)))
    assert sum(p.planned_investment for p in by_name(ctx).values()) == 6_000_000  # type: ignore[attr-defined]
    assert set(by_name(ctx)) == {"华南电池项目", "星光材料项目"}


def test_a_park_signing_list_with_investor_places_and_foreign_capital(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    """A park's signing list: 投资方所属国家/地区 as places (中国香港 is Hong Kong, not mainland), 合同外资 in
    万美元 beside 协议投资额 in 亿元 (foreign capital, not the project's investment), 对接人及电话, and
    progress phrases that start with a stage word; a phrase with a negation stays a question."""
    from zqtracker.domain.models import InvestorOrigin

    head = ["序号", "项目名称", "投资方", "投资方所属国家/地区", "产业类别", "协议投资额（亿元）", "合同外资（万美元）",
            "签约时间", "落户地", "项目进展", "对接人及电话"]  # fmt: skip
    rows = [["肇庆高新区2023年1-10月招商引资签约项目汇总表"], head,
            [1, "新能源电池材料项目", "香港华丰集团有限公司", "中国香港", "新能源", 12.5, 3000, "2023.3.15",
             "肇庆高新区", "已签约", "张三 13800000000"],
            [2, "精密模具生产基地", "深圳市精工科技有限公司", "广东深圳", "装备制造", 3.2, None, "2023.5.8",
             "肇庆高新区", "已动工建设", "李四 13900000000"],
            [3, "生物医药研发中心", "美国Bio公司", "美国", "生物医药", 5, 7000, "2023年8月", "肇庆高新区",
             "已投产运营", "王五"],
            ["合计", None, None, None, None, 20.7, 10000, None, None, None, None]]  # fmt: skip
    path = write_workbook(tmp_path / "signed.xlsx", SheetSpec("签约项目", rows))
    result = imported(service, db_url, path)
    assert result.added == 3
    p = by_name(ctx)
    battery, mould, pharma = p["新能源电池材料项目"], p["精密模具生产基地"], p["生物医药研发中心"]
    assert [x.investor_origin for x in (battery, mould, pharma)] == [
        InvestorOrigin.HK_MACAO_TAIWAN,
        InvestorOrigin.DOMESTIC,
        InvestorOrigin.FOREIGN,
    ]
    assert [x.status for x in (battery, mould, pharma)] == [
        Status.SIGNED,
        Status.UNDER_CONSTRUCTION,
        Status.IN_PRODUCTION,
    ]
    assert battery.planned_investment == 1_250_000_000  # 12.5 亿元; the 3000 万美元 of foreign capital is not it
    assert battery.officer == "张三 13800000000"
    assert ("G", "note_ignored_column") in {(n.params.get("column"), n.code) for n in result.notes}
    negated = [
        ["项目名称", "投资方所属国家/地区", "项目进展"],
        ["丙项目", "火星", "未开工"],
        ["丁项目", "美国", "已开工"],
        ["戊项目", "美国", "已投产"],  # (more than half of it stages: the status column, fix36-title)
    ]
    refused = service.import_file(write_workbook(tmp_path / "n.xlsx", SheetSpec("S", negated)), ImportOptions())
    assert {(q.row, q.problem.code) for q in refused.problems} == {(2, "unknown_choice"), (2, "unknown_status")}
    assert not refused.written


def test_a_numbered_row_without_a_name_is_a_project_missing_its_name_not_a_continuation(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    # 乙公司's row has its own 序号: it was dropped as a line continuing 甲项目, with only a note
    rows = [["序号", "项目名称", "企业名称", "投资额（万元）", "所在区域"], [1, "甲项目", "甲公司", 100, "高要区"],
            [2, None, "乙公司", 200, "高要区"], [3, "丙项目", "丙公司", 300, "高要区"]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "n.xlsx", SheetSpec("签约项目", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    (problem,) = result.problems
    assert problem.problem.code == "numbered_without_name" and problem.row == 3 and "(2)" in problem.reason("en")
    assert "序号" in problem.reason("zh")


def test_a_row_of_units_under_the_header_gives_each_column_its_unit(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    # 总投资 in 亿元 beside 2024年计划投资 in 万元: one answer to "which unit?" would have read one of them
    # 10,000× wrong; the row of units says it per column (and 亩 for the land)
    rows = [["肇庆市2024年重点项目1-10月进展表"],
            ["序号", "项目名称", "总投资", "2024年计划投资", "1-10月完成投资", "用地面积", "完成率", "所在县区"],
            [None, None, "亿元", "万元", "万元", "亩", "%", None],
            [1, "甲项目", 1.5, 3000, 2500, 120, 83.3, "端州区"],
            [2, "乙项目", 5, 8000, 6000, 300, 75, "鼎湖区"]]  # fmt: skip
    path = write_workbook(tmp_path / "units.xlsx", SheetSpec("10月", rows, merges=["A2:A3", "B2:B3", "H2:H3"]))
    result = imported(service, db_url, path)
    p = by_name(ctx)
    assert p["甲项目"].planned_investment == 150_000_000 and p["乙项目"].planned_investment == 500_000_000  # type: ignore[attr-defined]
    assert p["乙项目"].land_area_mu == Decimal(300)  # type: ignore[attr-defined]
    assert result.added == 2 and result.investment_records == 2 and result.plans == 2


def test_texts_too_long_for_their_column_are_refused_row_by_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "计划总投资（万元）"]
    rows = [
        head,
        ["A1", "甲" * 200, "公司", "食品", "高要区", 10],
        ["A2", "乙" * 201, "公司", "食品", "高要区", 10],
        ["A" * 65, "丙项目", "公司", "食品", "高要区", 10],
        ["A4", "丁项目", "司" * 201, "食" * 101, "高要区", 10],
    ]
    result = service.import_file(write_workbook(tmp_path / "long.xlsx", SheetSpec("项目", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    found = sorted((p.row, p.problem.field) for p in result.problems if p.problem.code == "too_long")
    assert found == [(3, "name"), (4, "code"), (5, "enterprise"), (5, "sector")]


def test_a_grand_total_the_rows_do_not_add_up_to_is_asked(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    """The sheet's own 合计 against the rows read: a difference (a row counted twice or left out) is a
    question with both figures (fix30a; was a note); a total typed rounded to its shown digits, a 小计, or a
    sum that agrees says nothing."""
    head = ["序号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"]
    rows = [
        [1, "华南电池项目", "新型储能", "高要区", "在建", 300],
        [2, "星光材料项目", "新材料", "四会市", "签约", 200],
    ]

    def asked(name: str, sheet_rows: list, head: list = head) -> list:
        path = write_workbook(tmp_path / name, SheetSpec("项目", [head, *sheet_rows]))
        return [p for p in service.import_file(path, ImportOptions()).problems if p.problem.code.startswith("total_")]

    def notes(name: str, sheet_rows: list, head: list = head) -> list:
        path = write_workbook(tmp_path / name, SheetSpec("项目", [head, *sheet_rows]))
        return [n for n in imported(service, db_url, path).notes if n.code == "note_total_differs"]

    (problem,) = asked("wrong.xlsx", [["合计", None, None, None, None, 600], *rows])
    assert (problem.row, problem.column, problem.problem.params["count"]) == (2, "F", 2)
    assert "gives ¥6.00 mn" in problem.reason("en") and "add up to ¥5.00 mn" in problem.reason("en")
    assert "合计行的计划总投资为 600万元" in problem.reason("zh") and "合计为 500万元" in problem.reason("zh")
    assert by_name(ctx) == {}  # asked: nothing written
    assert notes("agrees.xlsx", [*rows, ["合 计（2个）", None, None, None, None, 500]]) == []
    subtotal = [rows[0], ["高要区小计", None, None, None, None, 300], rows[1], ["合计", None, None, None, None, 500]]
    assert notes("subtotal.xlsx", subtotal) == []
    yi = [*head[:5], "计划总投资（亿元）"]
    close = [[1, "甲项目", "食品", "高要区", "在建", 0.0312], [2, "乙项目", "食品", "高要区", "在建", 0.02]]
    assert notes("rounded.xlsx", [*close, ["合计", None, None, None, None, 0.05]], yi) == []  # 0.0512 typed as 0.05
    (far,) = asked("far.xlsx", [*close, ["合计", None, None, None, None, 0.06]], yi)
    assert "0.06亿元" in far.reason("zh") and "0.0512亿元" in far.reason("zh")


def test_a_grand_total_counting_other_than_the_rows_read_is_said(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "所属行业", "所在区域", "计划总投资（万元）"]
    rows = [[1, "华南电池项目", "新型储能", "高要区", 300], [2, "星光材料项目", "新材料", "四会市", 200]]

    def notes(name: str, total: str) -> list:
        sheet = [head, [total, None, None, None, 500], *rows]
        result = imported(service, db_url, write_workbook(tmp_path / name, SheetSpec("项目", sheet)), lang="zh")
        return [n for n in result.notes if n.code == "note_count_differs"]

    (note,) = notes("three.xlsx", "合计（3个）")
    assert note.params == {"sheet": "项目", "row": 2, "declared": 3, "count": 2}
    assert "第 2 行合计注明 3 个项目，而读取到 2 个项目行" in note.message("zh")
    assert "counts 3 project(s), but 2 project row(s) were read" in note.message("en")
    assert notes("two.xlsx", "合计：2项") == [] and notes("none.xlsx", "合计") == []


def test_short_headers_a_bureau_writes(service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    """名称 | 单位名称 | 地点 | 投资（万元） | 阶段, and 拟落户区域 (probe19b: 投资, 地点, 阶段, 单位名称 and 拟落户区域
    were not known — the list imported with no amount, district or stage, exit 0)."""
    rows = [["2024年招商项目"], ["名称", "单位名称", "地点", "投资（万元）", "阶段", "拟落户区域"],
            ["智能仓储物流项目", "肇庆智仓物流有限公司", "高要区", 12000, "在建", ""],
            ["电机制造项目", "肇庆电机有限公司", "四会市", 8000, "投产", ""]]  # fmt: skip
    result = imported(service, db_url, write_workbook(tmp_path / "short.xlsx", SheetSpec("Sheet1", rows)))
    assert result.added == 2
    got = {n: (p.enterprise, p.district, p.planned_investment, p.status) for n, p in by_name(ctx).items()}  # type: ignore[attr-defined]
    assert got == {
        "智能仓储物流项目": ("肇庆智仓物流有限公司", "高要区", 120_000_000, Status.UNDER_CONSTRUCTION),
        "电机制造项目": ("肇庆电机有限公司", "四会市", 80_000_000, Status.IN_PRODUCTION),
    }


def test_yen_marked_amounts_and_dotted_months_over_many_rows(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    """¥62,438.00 (Excel's 货币 format saved as CSV) and 签约时间 typed 2024.3 … 2024.12 as numbers: with five
    rows or more their evidence rejected both columns — every amount and date dropped, exit 0 (probe20b)."""
    amounts = ["¥62,438.00", "¥72,039.00", "￥1,284.79", "¥5,000.00", "¥700.00", "¥12,345.50"]
    months = [2024.3, 2024.5, 2024.12, 2024.11, 2024.6, 2024.9]
    rows = [["序号", "项目名称", "建设单位", "计划总投资（万元）", "签约时间"]]
    pairs = enumerate(zip(amounts, months, strict=True), start=1)
    rows += [[n, f"四会项目{n}", f"四会企业{n}有限公司", a, m] for n, (a, m) in pairs]
    result = imported(service, db_url, write_workbook(tmp_path / "yen.xlsx", SheetSpec("Sheet1", rows)))
    assert result.added == 6
    got = {p.name: (p.planned_investment, p.signed_on, p.signed_on_precision) for p in ctx.projects.all_projects()}
    assert sum(v[0] for v in got.values()) == 1_538_072_900  # 153,807.29 万元 → yuan, exact
    assert got["四会项目3"][1:] == (date(2024, 12, 1), "month") and got["四会项目1"][1:] == (date(2024, 3, 1), "month")
