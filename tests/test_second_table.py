"""A summary under the project list — another table with its own header (所在区域 | 项目数 | 计划总投资),
or district subtotals without the word 小计 — is not projects: probing found its rows imported as
projects (6 instead of 3, or the total doubled), exit 0. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"]
PROJECTS = [
    ["ZQ-001", "测试项目01", "企业01有限公司", "新能源", "端州区", "在建", 12000],
    ["ZQ-002", "测试项目02", "企业02有限公司", "新能源", "端州区", "在建", 10000],
    ["ZQ-003", "测试项目03", "企业03有限公司", "新能源", "高要区", "在建", 5000],
]
TOTAL = 270_000_000  # 12,000 + 10,000 + 5,000 万元


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def imported(service: ImportService, ctx: AppContext, path: Path) -> tuple[list[str], int, list]:
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    projects = ctx.projects.all_projects()
    return sorted(p.name for p in projects), sum(p.planned_investment or 0 for p in projects), result.notes


@pytest.mark.parametrize("blank", [True, False])
def test_a_summary_table_with_its_own_header(
    service: ImportService, ctx: AppContext, tmp_path: Path, blank: bool
) -> None:
    under = [["所在区域", "项目数", "计划总投资（万元）"], ["端州区", 2, 22000], ["高要区", 1, 5000]]
    rows = [HEAD, *PROJECTS, *([[None]] if blank else []), *under]
    names, total, notes = imported(service, ctx, write_workbook(tmp_path / "g01.xlsx", SheetSpec("清单", rows)))
    assert names == ["测试项目01", "测试项目02", "测试项目03"] and total == TOTAL
    (note,) = [n for n in notes if n.code == "note_second_table"]
    assert note.params["row"] == (6 if blank else 5)
    assert "第 6 行起是另一张表" in note.message("zh") if blank else "row 5" in note.message("en")


def test_a_titled_summary_under_other_columns(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [HEAD, *PROJECTS, [None], [None, "各区汇总"],
            [None, None, None, None, "所在区域", None, "计划总投资（万元）"],
            [None, None, None, None, "端州区", None, 22000],
            [None, None, None, None, "高要区", None, 5000]]  # fmt: skip
    names, total, _notes = imported(service, ctx, write_workbook(tmp_path / "h06.xlsx", SheetSpec("清单", rows)))
    assert names == ["测试项目01", "测试项目02", "测试项目03"] and total == TOTAL  # 各区汇总 is no project


def test_district_subtotals_without_the_word(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [HEAD, *PROJECTS, [None], [None, "端州区", None, None, None, None, 22000],
            [None, "高要区", None, None, None, None, 5000]]  # fmt: skip
    names, total, notes = imported(service, ctx, write_workbook(tmp_path / "h07.xlsx", SheetSpec("清单", rows)))
    assert names == ["测试项目01", "测试项目02", "测试项目03"] and total == TOTAL  # not 540,000,000
    assert any(n.code == "note_totals" and n.params["count"] == 2 for n in notes)


def test_text_only_rows_are_still_projects(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A lead list without amounts or dates: rows of text alone that are not header words."""
    rows = [["项目名称", "投资主体", "所属行业", "所在区域", "项目状态"],
            ["新型储能电站项目", "粤能储能有限公司", "新能源", "端州区", "在谈"],
            ["食品加工基地", "粤味食品有限公司", "食品", "高要区", "洽谈中"]]  # fmt: skip
    names, _total, _notes = imported(service, ctx, write_workbook(tmp_path / "leads.xlsx", SheetSpec("在谈", rows)))
    assert names == ["新型储能电站项目", "食品加工基地"]


def test_a_stored_project_under_another_code_is_offered(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Same name and district, another code: asked — the same project under a new code (a district
    switching to the national codes, a code mistyped), or another sharing a generic name? It had been
    added as new with a note, and a month-to-month probe found every such project counted twice."""
    imported(service, ctx, write_workbook(tmp_path / "a.xlsx", SheetSpec("清单", [HEAD, *PROJECTS])))
    recoded = write_workbook(tmp_path / "b.xlsx", SheetSpec("清单", [HEAD, ["ZQ-101", *PROJECTS[0][1:]]]))
    result = service.import_file(recoded, ImportOptions())
    # identical name and district under another code: asked as a changed code (not a near name)
    assert not result.ok and [(p.row, p.problem.code) for p in result.problems] == [(2, "code_changed")]
    assert "ZQ-001" in result.problems[0].reason("en") and "--link" in result.problems[0].reason("en")
    again = service.import_file(recoded, ImportOptions(links={("", 2): 0}))  # --link 2=new: another project
    assert again.ok and again.added == 1


def test_codes_given_for_the_first_time_beside_a_typo_fixed_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """September without codes, October with them and 陶磁 corrected to 陶瓷: the stored project of the near
    name, or a new one? (It was added as new, its 1–9月 counted twice, exit 0.) The same name takes the
    code silently, as before."""
    head = HEAD[1:]
    rows = [[*p[1:]] for p in PROJECTS[:2]]
    rows[0][0] = "四会陶磁产业园项目"
    imported(service, ctx, write_workbook(tmp_path / "sep.xlsx", SheetSpec("清单", [head, *rows])))
    october = [HEAD, ["SH-001", "四会陶瓷产业园项目", *rows[0][1:]], ["SH-002", *rows[1]]]
    result = service.import_file(write_workbook(tmp_path / "oct.xlsx", SheetSpec("清单", october)), ImportOptions())
    assert not result.ok and [(p.row, p.problem.code) for p in result.problems] == [(2, "near_name")]
    assert "四会陶磁产业园项目" in result.problems[0].reason("en")
    stored = result_pid(ctx, "四会陶磁产业园项目")
    linked = service.import_file(tmp_path / "oct.xlsx", ImportOptions(links={("", 2): stored}))
    assert linked.ok and linked.added == 0 and len(ctx.projects.all_projects()) == 2
    assert {p.code for p in ctx.projects.all_projects()} == {"SH-001", "SH-002"}


def result_pid(ctx: AppContext, name: str) -> int:
    return next(p.id for p in ctx.projects.all_projects() if p.name == name)


def test_the_title_again_over_a_later_page_is_no_sector(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "所在县（市、区）", "总投资"]
    rows = [["2025年肇庆市重点建设项目计划表"], ["单位：亿元"], head,
            [1, "小鹏汽车肇庆基地二期扩建项目", "高要区", 45.6], [None],
            ["2025年肇庆市重点建设项目计划表（续表）"], head,
            [2, "理士新能源储能电池项目", "鼎湖区", 15]]  # fmt: skip
    path = write_workbook(tmp_path / "c31.xlsx", SheetSpec("Sheet1", rows, merges=["A1:D1", "A2:D2", "A6:D6"]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and not result.new_sectors  # was a sector named after the title
    assert {p.sector for p in ctx.projects.all_projects()} == {None}


def test_notes_written_from_the_code_column_end_the_table(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [HEAD, *PROJECTS, [None], ["填表说明：1. 金额单位为万元；2. 日期格式为年-月-日。"],
            ["填报单位：肇庆市工信局    填报人：张三    联系电话：0758-1234567"]]  # fmt: skip
    names, total, notes = imported(service, ctx, write_workbook(tmp_path / "h08.xlsx", SheetSpec("清单", rows)))
    assert len(names) == 3 and total == TOTAL  # were "Project name is required" on rows 6 and 7
    assert any(n.code == "note_notes_from" and n.params["row"] == 6 for n in notes)


def test_a_third_level_of_sections_numbered_1_with_subtotals(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "所在县（市、区）", "总投资"]
    rows = [["2025年肇庆市重点建设项目计划"], ["单位：亿元"], head, ["一、产业项目（4个）", None, None, 203.3],
            ["（一）先进制造业（4个）", None, None, 203.3], ["1．新能源汽车", None, None, 165.6],
            [1, "小鹏汽车肇庆基地二期扩建项目", "高要区", 45.6],
            [2, "宁德时代肇庆动力电池生产基地项目（二期）", "肇庆高新区", 120],
            ["2．电子信息", None, None, 37.7], [3, "风华高科电子元器件扩产项目", "端州区", 22.7],
            [4, "理士新能源储能电池项目", "鼎湖区", 15], ["小计", None, None, 203.3]]  # fmt: skip
    path = write_workbook(tmp_path / "c07.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())  # was "row 6 has values but no project name"
    assert result.ok and result.added == 4
    sectors = {p.name: p.sector for p in ctx.projects.all_projects()}
    assert sectors["小鹏汽车肇庆基地二期扩建项目"] == "新能源汽车" and sectors["理士新能源储能电池项目"] == "电子信息"
    assert sum(p.planned_investment or 0 for p in ctx.projects.all_projects()) == 20_330_000_000  # 203.3 亿, once


def test_a_second_header_row_under_cells_merged_down(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """序号, 项目名称 … merged down over two rows, 资金来源 merged across its three parts: the row of parts is
    the header's second row (it was 'row 4 has values but no project name')."""
    rows = [["2025年肇庆市政府投资重点项目计划"], ["单位：万元"],
            ["序号", "项目名称", "所在县（市、区）", "总投资", "资金来源", None, None],
            [None, None, None, None, "中央预算内", "地方政府专项债券", "自筹"],
            [1, "德庆县西江堤防加固工程", "德庆县", 37200, 10000, 20000, 7200],
            [2, "肇庆东站综合交通枢纽", "鼎湖区", 250000, 50000, 150000, 50000]]  # fmt: skip
    merges = ["A1:G1", "A2:G2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:G3"]
    path = write_workbook(tmp_path / "c42.xlsx", SheetSpec("Sheet1", rows, merges=merges))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2
    assert sum(p.planned_investment or 0 for p in ctx.projects.all_projects()) == 2_872_000_000  # 37,200 + 250,000 万元
