"""probe40b F1/F3: a return whose sheets a district renamed or added. The new-projects sheet renamed
新增 had its two projects dropped with exit 0; the main sheet renamed 10月进展 was refused as missing,
naming neither the sheet there nor what to do. Each is collected for real, on both engines (the CLI's
main() where the exit code is the point), and what is stored is checked on the database."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from round_returns import H_MONTH, MAIN, NEW, Sheet, sql

from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.io.round_workbook import MAIN_COLUMNS
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import DistrictReturn, RoundCollector
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
WAN = 10_000
NEW_A = {"项目名称": "高要新项目甲", "投资主体": "肇庆甲公司", "计划总投资（万元）": 10000, "本月项目状态": "签约"}
NEW_B = {"项目名称": "高要新项目乙", "投资主体": "肇庆乙公司", "计划总投资（万元）": 8000, "本月项目状态": "签约"}


def _book(ctx: AppContext, tmp_path: Path, lang: str = "zh") -> Path:
    made = RoundService(ctx.database).create(OCT, tmp_path, districts=["高要区"], lang=lang, due_on=date(2023, 11, 10))
    return made.books[0].path


def _collect(ctx: AppContext, path: Path) -> DistrictReturn:
    collector = RoundCollector(ctx.database)
    return collector.analyse(collector.read(path), lang="zh")


def _apply(ctx: AppContext, ret: DistrictReturn) -> bool:
    return RoundCollector(ctx.database).apply(ret, accept_open=True, on=date(2023, 11, 9)).written


def _october(ctx: AppContext, pid: int) -> int | None:
    found = sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10", pid)
    return found[0][0] if found else None


def _named(ctx: AppContext, *names: str) -> list[str]:
    return sorted(n for (n,) in sql(ctx, "SELECT name FROM projects") if n in names)


def _cli(ctx: AppContext, path: Path, lang: str = "en", *more: str) -> tuple[int, str, str]:
    db = ctx.database.url
    ctx.close()
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", db, "--lang", lang, "round", "collect", str(path), "--accept", *more], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- F1: the new-projects sheet renamed, and sheets the round does not know ---------------------------
def test_a_renamed_new_projects_sheet_is_found_by_its_header_row_and_its_projects_added(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    sh.add_new(1, **NEW_A)
    sh.add_new(2, **NEW_B)
    sh.wb[NEW].title = "新增"
    sh.wb.create_sheet("Sheet1")  # a blank sheet WPS added, and a one-line note: nothing to collect
    sh.wb.create_sheet("备注").cell(1, 1).value = "本月新增项目两个，已核实。"
    sh.save()
    ret = _collect(demo_ctx, sh.path)
    assert ret.problems == []
    notes = [n for n in ret.rows.notes if n.code == "round_new_sheet_renamed"]
    assert len(notes) == 1 and "“新增”" in notes[0].message("en") and "“新增项目”" in notes[0].message("en")
    assert [(r.sheet, r.row, r.name) for r in ret.rows.rows if r.project_id is None] == [
        ("新增", 4, "高要新项目甲"),
        ("新增", 5, "高要新项目乙"),
    ]
    assert _apply(demo_ctx, ret)
    assert _named(demo_ctx, "高要新项目甲", "高要新项目乙") == ["高要新项目乙", "高要新项目甲"]


@pytest.mark.parametrize("case", ["own_sheet", "copy_of_main_filled", "two_new_sheets_renamed"])
def test_rows_on_a_sheet_the_round_does_not_read_are_a_problem_naming_it(
    demo_ctx: AppContext, tmp_path: Path, case: str
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    pid = sh.ids()[0]
    sh.set(pid, H_MONTH, 10)
    if case == "own_sheet":  # new projects typed on a sheet of the district's own
        ws = sh.wb.create_sheet("补充项目")
        ws.append(["项目名称", "投资主体", "计划总投资（万元）"])
        ws.append(["高要新项目甲", "肇庆甲公司", 10000])
        sheet, cell = "补充项目", (1, "A")
    elif case == "copy_of_main_filled":  # the main sheet filled, and a copy of it with other figures
        copy = sh.wb.copy_worksheet(sh.ws)
        copy.title = "项目进展（修改）"
        copy.cell(sh.row_of(pid), sh.col[H_MONTH] + 1).value = 25
        sheet, cell = "项目进展（修改）", (sh.row_of(pid), "K")
    else:  # 新增项目 gone by its name, two sheets holding its table: which one is it?
        sh.add_new(1, **NEW_A)
        sh.wb.copy_worksheet(sh.wb[NEW]).title = "新增2"
        sh.wb[NEW].title = "新增1"
        sheet, cell = "新增1", (4, "B")
    sh.save()
    code, out, _err = _cli(demo_ctx, sh.path)
    assert code == 1, out
    assert f"✗ sheet “{sheet}”, row {cell[0]}, column {cell[1]}: this sheet is none of the round's sheets" in out
    assert "new projects on sheet “新增项目”" in out and "then collect the workbook again" in out
    ctx = AppContext.open(demo_ctx.database.url)
    try:
        assert _october(ctx, pid) is None
        assert _named(ctx, "高要新项目甲") == []
    finally:
        ctx.close()


# -- probe36 F1: a sheet of the district's own holding one cell to a row ------------------------------
NAMES = ("高要新项目甲", "高要新项目乙", "高要新项目丙")
SAID = {
    "en": "Note: Sheet “名单” is none of the round's sheets and was not read: it holds 3 cell(s) of text, the "
    "first A1 “高要新项目甲”. If any of it is to be collected, put this month's figures on sheet “项目进展” and new "
    "projects on sheet “新增项目”, then collect the workbook again.",
    "zh": "注意：工作表“名单”不是下发表格的工作表，未读取：其中有3个填有文字的单元格，第一个为A1“高要新项目甲”。"
    "如其中有需要采集的内容，请将本月数据填在“项目进展”表、新项目填在“新增项目”表，然后重新采集。",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sheet_of_names_one_to_a_row_is_named_in_a_note_saying_it_was_not_read(
    demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    pid = sh.ids()[0]
    sh.set(pid, H_MONTH, 10)
    ws = sh.wb.create_sheet("名单")  # the clerk listed the new projects' names on a sheet of their own, nothing else
    for name in NAMES:
        ws.append([name])
    sh.save()
    code, out, _err = _cli(demo_ctx, sh.path, lang)
    assert code == 0, out
    assert f"  {SAID[lang]}" in out.splitlines(), out
    ctx = AppContext.open(demo_ctx.database.url)
    try:
        assert _october(ctx, pid) == 10 * WAN
        assert _named(ctx, *NAMES) == []
    finally:
        ctx.close()


@pytest.mark.parametrize("amounts", [["1,200", "350", "80.5"], ["120万"]])
def test_amounts_typed_as_text_one_to_a_row_on_a_sheet_of_its_own_are_a_problem(
    demo_ctx: AppContext, tmp_path: Path, amounts: list[str]
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    pid = sh.ids()[0]
    sh.set(pid, H_MONTH, 10)
    ws = sh.wb.create_sheet("金额")
    for amount in amounts:
        ws.append([None, amount])  # column B, as text
    sh.save()
    code, out, _err = _cli(demo_ctx, sh.path)
    assert code == 1, out
    assert "✗ sheet “金额”, row 1, column B: this sheet is none of the round's sheets" in out
    ctx = AppContext.open(demo_ctx.database.url)
    try:
        assert _october(ctx, pid) is None
    finally:
        ctx.close()


def test_a_return_collected_again_with_a_sheet_of_names_added_says_so_under_its_one_line(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    sh.set(sh.ids()[0], H_MONTH, 10)
    sh.save()
    url = demo_ctx.database.url
    assert _cli(demo_ctx, sh.path)[0] == 0
    sh = Sheet.open(sh.path)
    ws = sh.wb.create_sheet("名单")
    for name in NAMES:
        ws.append([name])
    sh.save()
    code, out, _err = _cli(AppContext.open(url), sh.path)
    assert code == 0, out
    lines = out.splitlines()
    assert len(lines) == 2 and "already collected" in lines[0], out
    assert lines[1] == "  " + SAID["en"].removeprefix("Note: "), out
    code, out, _err = _cli(AppContext.open(url), sh.path, "en", "--json")
    assert json.loads(out)["notes"] == [SAID["en"].removeprefix("Note: ")]


# -- F3: the main sheet renamed, gone, or there twice -------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_renamed_main_sheet_is_found_by_its_header_row_and_hidden_ids(
    demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    path = _book(demo_ctx, tmp_path, lang)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ids = [int(r[MAIN_COLUMNS.index("id")]) for r in ws.iter_rows(min_row=5, values_only=True)]
    ws.cell(5, MAIN_COLUMNS.index("this_month") + 1).value = 10
    ws.title = "10月进展"
    wb.save(path)
    code, out, err = _cli(demo_ctx, path)
    assert code == 0, out + err
    assert "Sheet “10月进展” is read as the round's sheet" in out and "renamed" in out
    ctx = AppContext.open(demo_ctx.database.url)
    try:
        assert _october(ctx, ids[0]) == 10 * WAN
    finally:
        ctx.close()


@pytest.mark.parametrize("case", ["deleted", "renamed_twice"])
def test_a_main_sheet_not_found_or_found_twice_is_refused_naming_the_sheets(
    demo_ctx: AppContext, tmp_path: Path, case: str
) -> None:
    sh = Sheet.open(_book(demo_ctx, tmp_path))
    pid = sh.ids()[0]
    sh.set(pid, H_MONTH, 10)
    if case == "deleted":
        del sh.wb[MAIN]
    else:
        sh.wb.copy_worksheet(sh.ws).title = "10月进展（2）"
        sh.ws.title = "10月进展"
    sh.save()
    code, out, err = _cli(demo_ctx, sh.path)
    assert code == 2, out + err
    if case == "deleted":
        assert "sheet “项目进展” is missing, and no other sheet holds its table" in err
        assert "“新增项目”、“填表说明”" in err and "fill in the workbook as sent" in err
    else:
        assert "“10月进展”、“10月进展（2）” each hold its table" in err
        assert "keep the one filled in and delete the other(s)" in err
    ctx = AppContext.open(demo_ctx.database.url)
    try:
        assert _october(ctx, pid) is None
    finally:
        ctx.close()
