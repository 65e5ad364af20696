"""Statuses, start dates, towns and --link (probe28): a 开工时间 column of mostly 已开工 read, its words the
rows' evidence; --status-map only adding words; an address naming another district than the row's said;
a row said to be new under another project's code refused. Real .xlsx files written by openpyxl,
imported through the service, both engines; what each row shows worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = "鼎湖区2025年1-10月重点项目情况表"  # the report period: October 2025


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(tmp_path: Path, name: str, *rows: list, title: str = TITLE) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[title], *map(list, rows)]))


def statuses(ctx: AppContext) -> dict[str, Status]:
    return {p.name: p.status for p in ctx.projects.all_projects()}


def districts(ctx: AppContext) -> dict[str, str | None]:
    return {p.name: p.district for p in ctx.projects.all_projects()}


def notes(result: ImportResult, code: str) -> list[str]:
    return [n.message("en") for n in result.notes if n.code == code]


HEAD = ["项目名称", "建设单位", "总投资（万元）", "开工时间"]


def test_a_start_column_of_mostly_started_words_is_read_and_its_words_are_evidence(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工时间: 已开工 ×5, 已动工, 2025-03-01, 未开工, 待定 (rows 3–11). One cell of nine is a date, but
    seven are stage words (已开工, 已动工, 未开工): 1 + 7 of 9 ≥ half, a date column the clerk wrote the stage
    into — it was dropped whole (note: values are not dates) and all nine stored as Signed. Now:
    rows 3–8 under construction by their word, row 9 by its date (March ≤ October 2025, stored),
    row 10 (未开工: not started) and row 11 (待定: no figure) Signed — 7 in one note, 2 in the other."""
    cells = [*["已开工"] * 5, "已动工", date(2025, 3, 1), "未开工", "待定"]
    rows = [[f"鼎湖项目{i}号", f"公司{i}", 1000, c] for i, c in enumerate(cells, 1)]
    result = service.import_file(sheet(tmp_path, "started", HEAD, *rows), ImportOptions())
    assert result.ok and result.added == 9 and not result.problems
    assert not any("“开工时间” was not imported" in n.message("en") for n in result.notes)
    got = statuses(ctx)
    building = {f"鼎湖项目{i}号" for i in range(1, 8)}
    assert {n for n, s in got.items() if s is Status.UNDER_CONSTRUCTION} == building
    assert got["鼎湖项目8号"] is got["鼎湖项目9号"] is Status.SIGNED
    starts = {p.name: p.construction_start_on for p in ctx.projects.all_projects()}
    assert starts.pop("鼎湖项目7号") == date(2025, 3, 1) and list(starts.values()) == [None] * 8
    (said,) = notes(result, "note_status_inferred")
    assert "7 new project(s)" in said and "Under construction" in said
    assert "a status word in a date column (6), a start date on or before the report period (1) (rows 3–9)" in said
    (words,) = notes(result, "note_date_words")  # the words and their cells: 已开工 D3–D7, 已动工 D8, 未开工 D10
    assert words.startswith("Sheet “Sheet1”: 7 cell(s)") and "D3 已开工" in words and "D8 已动工" in words
    assert "D10 未开工" in words and "待定" not in words
    assert notes(result, "note_default_status") and "2 new project(s)" in notes(result, "note_default_status")[0]


def test_a_start_column_of_words_only_still_shows_the_stage(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工时间 holding 已开工 / 未开工 / 已开工 and no date at all: 3 of 3 stage words — rows 3 and 5 under
    construction, row 4 not started (Signed); no date stored."""
    rows = [[f"鼎湖项目{i}号", f"公司{i}", 1000, c] for i, c in enumerate(["已开工", "未开工", "已开工"], 1)]
    result = service.import_file(sheet(tmp_path, "words", HEAD, *rows), ImportOptions())
    assert result.ok and statuses(ctx) == {"鼎湖项目1号": Status.UNDER_CONSTRUCTION, "鼎湖项目2号": Status.SIGNED,
                                           "鼎湖项目3号": Status.UNDER_CONSTRUCTION}  # fmt: skip
    assert all(p.construction_start_on is None for p in ctx.projects.all_projects())


def test_a_real_start_date_column_beside_a_column_of_words_holds_the_dates(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工时间 of words (已开工 ×2) beside 开工日期 of dates: the dates' column holds the field (2 points
    against 0), the other is left out as before."""
    head = ["项目名称", "建设单位", "总投资（万元）", "开工时间", "开工日期"]
    path = sheet(tmp_path, "two", head, ["鼎湖包装项目", "甲公司", 1000, "已开工", "2024-05-01"],
                 ["鼎湖五金项目", "乙公司", 1000, "已开工", "2025-02-01"])  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok
    starts = {p.name: p.construction_start_on for p in ctx.projects.all_projects()}
    assert starts == {"鼎湖包装项目": date(2024, 5, 1), "鼎湖五金项目": date(2025, 2, 1)}


def test_a_status_map_only_adds_words_to_a_start_status_column(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工状态 已开工 / 未开工 / 意向: 未开工 is "no status" (the row shows nothing: Signed). With any
    --status-map, 未开工 became an unknown status word and the import stopped (2 problems, nothing written);
    now the map only adds its words: 意向 → Lead, the others read as without a map."""
    head = ["项目名称", "建设单位", "总投资（万元）", "开工状态"]
    rows = [["鼎湖包装项目", "甲公司", 100, "已开工"], ["鼎湖五金项目", "乙公司", 100, "未开工"],
            ["鼎湖陶瓷项目", "丙公司", 100, "意向"], ["鼎湖食品项目", "丁公司", 100, "未开工"]]  # fmt: skip
    path = sheet(tmp_path, "start", head, *rows)
    plain = sheet(tmp_path, "plain", head, *[r for r in rows if r[3] != "意向"])
    assert service.import_file(plain, ImportOptions(), dry_run=True).ok
    result = service.import_file(path, ImportOptions(status_map={"意向": "lead"}))
    assert result.ok and not result.problems
    assert statuses(ctx) == {"鼎湖包装项目": Status.UNDER_CONSTRUCTION, "鼎湖五金项目": Status.SIGNED,
                             "鼎湖陶瓷项目": Status.LEAD, "鼎湖食品项目": Status.SIGNED}  # fmt: skip


@pytest.mark.parametrize("mapped", [{}, {"意向": "lead"}])
def test_a_status_column_beside_a_start_status_column_reads_alike_with_a_map(
    service: ImportService, ctx: AppContext, tmp_path: Path, mapped: dict[str, str]
) -> None:
    """状态 在建 / 签约 / 签约 beside 开工状态 已开工 / 未开工 / 已开工: 状态 holds the field, with or without
    a map (the brief's shape): 在建 → Under construction, 签约 → Signed ×2."""
    head = ["项目名称", "建设单位", "总投资（万元）", "状态", "开工状态"]
    path = sheet(tmp_path, "both", head, ["鼎湖包装项目", "甲公司", 100, "在建", "已开工"],
                 ["鼎湖五金项目", "乙公司", 100, "签约", "未开工"],
                 ["鼎湖陶瓷项目", "丙公司", 100, "签约", "已开工"])  # fmt: skip
    assert service.import_file(path, ImportOptions(status_map=mapped)).ok
    assert statuses(ctx) == {"鼎湖包装项目": Status.UNDER_CONSTRUCTION, "鼎湖五金项目": Status.SIGNED,
                             "鼎湖陶瓷项目": Status.SIGNED}  # fmt: skip


@pytest.mark.parametrize("header", ["项目地址", "建设地点"])
def test_an_address_in_another_district_is_said_and_a_blank_district_taken_from_it(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: str
) -> None:
    """所属区域 beside 项目地址 (not a known column) or 建设地点 (left out: 所属区域 holds the district).
    Row 3 高要区 / 四会市永安镇 and row 7 高要区 / 端州区睦岗街道: another district — stored under 高要区 (the
    district column's) as before, but now said, naming both. Row 4 高要区 / 高要区金利镇: the same. Row 5, no
    district: 四会市 from 四会市大沙镇 (it was stored with none). Row 6 大沙镇工业园: a town whose county
    nothing says — nothing said."""
    head = ["项目名称", "建设单位", "总投资（万元）", "所属区域", header]
    path = sheet(tmp_path, "places", head,
                 ["甲项目", "甲公司", 100, "高要区", "四会市永安镇"],
                 ["乙项目", "乙公司", 100, "高要区", "高要区金利镇"],
                 ["丙项目", "丙公司", 100, None, "四会市大沙镇"],
                 ["丁项目", "丁公司", 100, "高要区", "大沙镇工业园"],
                 ["戊项目", "戊公司", 100, "高要区", "端州区睦岗街道"], title="2025年重点项目情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and not result.problems
    assert districts(ctx) == {"甲项目": "高要区", "乙项目": "高要区", "丙项目": "四会市", "丁项目": "高要区",
                              "戊项目": "高要区"}  # fmt: skip
    assert notes(result, "note_address_other_district") == [
        f"Sheet “Sheet1”: 2 row(s) name one district in the district column and another in column E “{header}”; "
        "they are stored under the district column's — check them (row: district / address): "
        "3 高要区 / 四会市永安镇; 7 高要区 / 端州区睦岗街道."
    ]
    (used,) = notes(result, "note_address_district_used")
    assert used.endswith("(row: district (address)): 5 四会市 (四会市大沙镇).")


def test_an_address_gives_the_district_before_the_title_and_an_enterprise_address_says_nothing(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """No 所属区域 under a 鼎湖区 title: 建设地点 is the district column (as before): 四会市大沙镇 (row 3) is
    四会市's, 永安镇新村 (row 4: no county named) the title's 鼎湖区. 企业地址 端州区… is the enterprise's,
    never the project's: no note of another district."""
    head = ["项目名称", "建设单位", "总投资（万元）", "建设地点", "企业地址"]
    path = sheet(tmp_path, "title", head, ["甲项目", "甲公司", 100, "四会市大沙镇", "端州区睦岗街道8号"],
                 ["乙项目", "乙公司", 100, "永安镇新村", "端州区睦岗街道9号"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and districts(ctx) == {"甲项目": "四会市", "乙项目": "鼎湖区"}
    assert not notes(result, "note_address_other_district") and not notes(result, "note_address_district_used")


def test_a_row_said_new_under_another_projects_code_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """DH-001 is stored (甲项目). A row DH-001 乙包装项目 said to be new (--link 3=new) would make two projects of
    one code: refused, one sentence naming the row, the code and the project; nothing written. Without
    the code column (--map A=none) it is a new project and DH-001 stays 甲项目's alone."""
    head = ["项目编号", "项目名称", "建设单位", "总投资（万元）", "状态"]
    first = sheet(tmp_path, "first", head, ["DH-001", "甲项目", "甲公司", 100, "在建"])
    assert service.import_file(first, ImportOptions()).ok
    later = sheet(tmp_path, "later", head, ["DH-001", "乙包装项目", "乙公司", 200, "在建"])
    result = service.import_file(later, ImportOptions(links={("", 3): 0}))
    (problem,) = result.problems
    assert problem.problem.code == "new_code_taken" and problem.row == 3 and problem.value == "DH-001"
    assert "“甲项目”" in problem.reason("en") and "a new project cannot take it" in problem.reason("en")
    assert not result.written and {p.name: p.code for p in ctx.projects.all_projects()} == {"甲项目": "DH-001"}
    assert service.import_file(later, ImportOptions(column_map={"A": None})).ok
    assert {p.name: p.code for p in ctx.projects.all_projects()} == {"甲项目": "DH-001", "乙包装项目": None}
