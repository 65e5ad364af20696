"""A district's edits of a round's workbook around and beside its figures (probe 12): another unit
or month written into the unit line, title or headers, visible cells moved without their hidden id,
one figure merged over two projects, grey cells on record typed over, 合计 and note rows under the
table, "no figure" placeholders, formulas and errors in amount cells. Each is collected for real,
and what is refused, noted or stored is checked on the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from round_returns import H_MONTH, H_NAME, H_STATUS, H_YTD, H_YTD_BEFORE, Sheet, sql

from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import DistrictReturn, RoundCollector
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
WAN = 10_000
H_CODE, H_PLANNED, H_STATUS_BEFORE, H_LAST = "项目编号", "计划总投资（万元）", "原项目状态", "9月完成投资（万元）"


@pytest.fixture
def workbook(demo_ctx: AppContext, tmp_path: Path) -> Path:
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    return made.books[0].path


def _october(ctx: AppContext, pid: int) -> int | None:
    found = sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10", pid)
    return found[0][0] if found else None


def _records(ctx: AppContext) -> int:
    return sql(ctx, "SELECT COUNT(*) FROM investment_records")[0][0]


def _reported(ctx: AppContext, sheet: Sheet, n: int) -> list[int]:
    """``n`` projects of the sheet with a September record and a usual month (no plausibility check
    fires for a month of 10万元 or so on them)."""
    out = []
    for pid in sheet.ids():
        months = sql(
            ctx,
            "SELECT COUNT(*) FROM investment_records WHERE project_id = ? AND year = 2023 AND month <= 9"
            " AND amount > 0",
            pid,
        )[0][0]
        sep = sql(ctx, "SELECT 1 FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 9", pid)
        status = sql(ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0]
        if months >= 6 and sep and status == "under_construction":
            out.append(pid)
        if len(out) == n:
            return out
    raise AssertionError("not enough projects with a history")


def _collect(ctx: AppContext, path: Path) -> DistrictReturn:
    collector = RoundCollector(ctx.database)
    return collector.analyse(collector.read(path), lang="zh")


def _apply(ctx: AppContext, ret: DistrictReturn) -> bool:
    return RoundCollector(ctx.database).apply(ret, accept_open=True, on=date(2023, 11, 9)).written


def _codes(ret: DistrictReturn) -> list[tuple[str, int, str]]:
    return [(p.problem.code, p.row, p.column) for p in ret.problems]


# -- A4 / B14: another unit in the unit line or a header ---------------------------------------------
@pytest.mark.parametrize(
    ("sheet", "cell", "text", "typed"),
    [
        ("项目进展", "L2", "单位：亿元", 0.03),  # 0.03亿 meant: read in 万元 it would be 300 yuan
        ("项目进展", "K4", "当月完成投资（元）", 300_000),
        ("项目进展", "L4", "1–10月累计完成投资（亿元）", None),
        ("新增项目", "I2", "单位：亿元", None),
    ],
)
def test_another_unit_in_the_unit_line_or_a_header_is_refused_naming_the_cell(
    demo_ctx: AppContext, workbook: Path, sheet: str, cell: str, text: str, typed: float | None
) -> None:
    sh = Sheet.open(workbook)
    (pid,) = _reported(demo_ctx, sh, 1)
    sh.set(pid, H_MONTH, typed if typed is not None else 30)
    sh.wb[sheet][cell] = text
    sh.save()
    before = _records(demo_ctx)
    ret = _collect(demo_ctx, workbook)
    (problem,) = [p for p in ret.problems if p.problem.code == "round_unit_edited"]
    assert (problem.sheet, f"{problem.column}{problem.row}", problem.value) == (sheet, cell, text)
    zh, en = problem.reason("zh"), problem.reason("en")
    assert text in zh and "万元" in zh and "本表下发时的单位（万元）" in zh
    assert "sent in (¥10,000)" not in en and "sent in (万元)" in en
    assert not _apply(demo_ctx, ret)
    assert _records(demo_ctx) == before and _october(demo_ctx, pid) is None


def test_the_unit_as_sent_and_the_grey_headers_naming_the_month_before_are_no_problem(
    demo_ctx: AppContext, workbook: Path
) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    sh.set(a, H_MONTH, 12.5)
    sh.set(b, H_YTD, sh.get(b, H_YTD_BEFORE) + 7)
    sh.ws["L2"] = "单位： 万元"  # retyped with a space: the same unit
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert ret.problems == [] and ret.rows.renamed == []
    assert _apply(demo_ctx, ret)
    assert (_october(demo_ctx, a), _october(demo_ctx, b)) == (125_000, 70_000)


# -- A6 / B13: the title or an open column's header naming another month ------------------------------
@pytest.mark.parametrize(
    ("cell", "text", "named"),
    [
        ("A1", "2023年11月重点项目建设进展情况表（高要区）", "11月"),
        ("A1", "2022年10月重点项目建设进展情况表（高要区）", "2022"),
        ("K4", "11月完成投资（万元）", "11月"),
        ("L4", "1–11月累计完成投资（万元）", "1–11月"),
        ("J3", "2023年11月填报", "11月"),
    ],
)
def test_a_title_or_open_header_naming_another_month_is_refused(
    demo_ctx: AppContext, workbook: Path, cell: str, text: str, named: str
) -> None:
    sh = Sheet.open(workbook)
    (pid,) = _reported(demo_ctx, sh, 1)
    sh.set(pid, H_MONTH, 20)
    sh.ws[cell] = text
    sh.save()
    ret = _collect(demo_ctx, workbook)
    (problem,) = ret.problems
    assert (problem.problem.code, f"{problem.column}{problem.row}", problem.value) == (
        "round_month_edited",
        cell,
        text,
    )
    zh = problem.reason("zh")
    assert f"写的是{named}" in zh and "2023-10的回表" in zh
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, pid) is None


def test_an_english_workbook_is_checked_in_its_own_words(demo_ctx: AppContext, tmp_path: Path) -> None:
    made = RoundService(demo_ctx.database).create(OCT, tmp_path / "en", districts=["高要区"], lang="en")
    path = made.books[0].path
    wb = openpyxl.load_workbook(path)
    ws = wb["Progress"]
    heads = {c.value: c.column for c in ws[4] if c.value}
    assert "Completed Jan–Oct (¥10,000)" in heads and ws["L2"].value == "Unit: ¥10,000"
    ws.cell(5, heads["Completed this month (¥10,000)"]).value = 15
    wb.save(path)
    ret = _collect(demo_ctx, path)
    assert ret.problems == [] and ret.rows.renamed == []
    ws["A1"] = ws["A1"].value.replace("October", "November")
    ws["L2"] = "Unit: ¥100 million"
    wb.save(path)
    ret = _collect(demo_ctx, path)
    assert [(p.problem.code, f"{p.column}{p.row}") for p in ret.problems] == [
        ("round_month_edited", "A1"),
        ("round_unit_edited", "L2"),
    ]
    assert "names November" in ret.problems[0].reason("en")


# -- A5: visible cells moved without their hidden id; a row re-used for another project --------------
def test_rows_swapped_without_their_hidden_ids_are_refused_naming_both_projects(
    demo_ctx: AppContext, workbook: Path
) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    ra, rb = sh.row_of(a), sh.row_of(b)
    id_col = sh.col["系统编号"] + 1
    for c in range(1, id_col):  # cut and paste A–M of the two rows: the hidden N stays
        top, low = sh.ws.cell(ra, c), sh.ws.cell(rb, c)
        top.value, low.value = low.value, top.value
    sh.ws.cell(ra, sh.col[H_MONTH] + 1).value = 11  # typed beside b's name, on a's row
    sh.ws.cell(rb, sh.col[H_MONTH] + 1).value = 22
    sh.save()
    code = dict(sql(demo_ctx, "SELECT id, code FROM projects WHERE id IN (?, ?)", a, b))
    ret = _collect(demo_ctx, workbook)
    assert sorted((p.problem.code, p.row) for p in ret.problems) == [
        ("round_row_other_project", ra),
        ("round_row_other_project", rb),
    ]
    first = next(p for p in ret.problems if p.row == ra)
    assert code[b] in first.reason("zh") and code[a] in first.reason("zh")
    assert ret.rows.renamed == []  # the rows are wrong, not renamed
    assert not _apply(demo_ctx, ret)
    assert (_october(demo_ctx, a), _october(demo_ctx, b)) == (None, None)


def test_a_row_reused_for_another_project_is_refused_a_plain_rename_is_noted(
    demo_ctx: AppContext, workbook: Path
) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    sh.set(a, H_CODE, None)
    sh.set(a, H_NAME, "高要区新建储能产业园项目")
    sh.set(a, H_MONTH, 60)
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert _codes(ret) == [("round_row_reused", sh.row_of(a), "C")]
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, a) is None

    sh = Sheet.open(workbook)
    code_a = sql(demo_ctx, "SELECT code FROM projects WHERE id = ?", a)[0][0]
    sh.set(a, H_CODE, code_a)  # the code as sent: the new name is a rename
    sh.set(b, H_NAME, "改名后的项目")
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert ret.problems == []
    assert sorted((r.project_id, key) for r, key, _b, _n in ret.rows.renamed) == [(a, "name"), (b, "name")]
    assert _apply(demo_ctx, ret) and _october(demo_ctx, a) == 60 * WAN


# -- A7: one figure merged down over two projects' rows --------------------------------------------------
@pytest.mark.parametrize("header", [H_MONTH, H_STATUS])
def test_a_cell_merged_over_two_projects_rows_is_refused(demo_ctx: AppContext, workbook: Path, header: str) -> None:
    sh = Sheet.open(workbook)
    pid = sh.ids()[0]
    nxt = sh.ids()[1]
    r, c = sh.row_of(pid), sh.col[header] + 1
    sh.set(pid, header, 300 if header == H_MONTH else "在建")
    letter = openpyxl.utils.get_column_letter(c)
    sh.ws.merge_cells(f"{letter}{r}:{letter}{r + 1}")
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert _codes(ret) == [("round_merged_rows", r, letter)]
    zh = ret.problems[0].reason("zh")
    assert f"第{r}–{r + 1}行" in zh and f"{letter}{r}:{letter}{r + 1}" in zh
    assert not _apply(demo_ctx, ret)
    assert (_october(demo_ctx, pid), _october(demo_ctx, nxt)) == (None, None)


# -- A8 / B9: grey cells on record typed over ---------------------------------------------------------------
def test_an_edited_months_before_figure_beside_a_year_to_date_is_refused(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    mine = sh.get(a, H_YTD_BEFORE) + 100  # the district's own 1–9月
    sh.set(a, H_YTD_BEFORE, mine)
    sh.set(a, H_YTD, mine + 300)  # 300 in October by its books; 400 against the record
    sh.set(b, H_LAST, sh.get(b, H_LAST) + 5)
    sh.set(b, H_YTD, sh.get(b, H_YTD_BEFORE) + 10)
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert sorted(_codes(ret)) == sorted(
        [("round_figure_on_record_edited", sh.row_of(a), "H"), ("round_figure_on_record_edited", sh.row_of(b), "I")]
    )
    zh = next(p for p in ret.problems if p.row == sh.row_of(a)).reason("zh")
    assert f"由{mine - 100:g}被改为{mine:g}" in zh
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, a) is None


def test_grey_cells_typed_over_are_shown_and_not_imported(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    a, b, c = _reported(demo_ctx, sh, 3)
    planned_a, status_b = sql(demo_ctx, "SELECT planned_investment FROM projects WHERE id = ?", a)[0][0], "投产"
    sh.set(a, H_PLANNED, 15000)
    sh.set(a, H_MONTH, 10)
    sh.set(b, H_STATUS_BEFORE, status_b)
    sh.set(c, H_YTD_BEFORE, sh.get(c, H_YTD_BEFORE) + 1)  # only 当月 given: the month does not depend on it
    sh.set(c, H_MONTH, 20)
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert ret.problems == []
    notes = {(r.project_id, key): now for r, key, _before, now in ret.rows.renamed}
    assert notes == {
        (a, "planned_investment"): "15000",
        (b, "status_before"): status_b,
        (c, "ytd_before"): str(sh.get(c, H_YTD_BEFORE)).removesuffix(".0"),
    }
    assert _apply(demo_ctx, ret)
    assert (_october(demo_ctx, a), _october(demo_ctx, c)) == (10 * WAN, 20 * WAN)
    assert sql(demo_ctx, "SELECT planned_investment FROM projects WHERE id = ?", a)[0][0] == planned_a
    assert sql(demo_ctx, "SELECT status FROM projects WHERE id = ?", b)[0][0] == "under_construction"


# -- B3: 合计 and notes under the table ---------------------------------------------------------------------
def test_a_total_row_and_a_note_under_the_table_are_skipped_a_pasted_project_is_not(
    demo_ctx: AppContext, workbook: Path
) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    sh.set(a, H_MONTH, 30)
    sh.set(b, H_MONTH, 40)
    last = 5 + len(sh.ids())
    sh.ws.cell(last, sh.col[H_NAME] + 1).value = "合计"
    sh.ws.cell(last, sh.col[H_MONTH] + 1).value = 70
    sh.ws.cell(last + 1, 1).value = "合计"
    sh.ws.cell(last + 1, sh.col[H_YTD] + 1).value = f"=SUM(L5:L{last - 1})"  # no value saved
    sh.ws.cell(last + 3, sh.col["进展情况"] + 1).value = "备注：以上数据截至10月31日"
    sh.ws.cell(last + 4, sh.col["进展情况"] + 1).value = "以上数据经区统计局核实"
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert ret.problems == []
    assert _apply(demo_ctx, ret)
    assert (_october(demo_ctx, a), _october(demo_ctx, b)) == (30 * WAN, 40 * WAN)

    sh = Sheet.open(workbook)
    sh.ws.cell(last + 5, sh.col[H_NAME] + 1).value = "高要区另一个项目"
    sh.ws.cell(last + 5, sh.col[H_MONTH] + 1).value = 50
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert _codes(ret) == [("round_row_without_id", last + 5, "N")]


# -- B6: a column deleted (one inserted is read past by the headers: tests/test_probe24_round_returns.py) --
def test_a_deleted_column_is_one_problem_naming_it(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    (pid,) = _reported(demo_ctx, sh, 1)
    sh.set(pid, H_MONTH, 10)
    sh.ws.delete_cols(4)  # 投资主体: every column after it moves one to the left
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert _codes(ret) == [("round_column_missing", 4, "D")]
    assert "下发时位于D列" in ret.problems[0].reason("zh")
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, pid) is None


def test_a_hidden_id_edited_to_a_fraction_is_not_truncated_to_a_project(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    (pid,) = _reported(demo_ctx, sh, 1)
    r = sh.row_of(pid)
    sh.set(pid, H_MONTH, 10)
    sh.ws.cell(r, sh.col["系统编号"] + 1).value = pid + 0.7
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert _codes(ret) == [("round_id_edited", r, "N")]
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, pid) is None


# -- B4 / B5 / B12: what amount and status cells hold ----------------------------------------------------------
def test_no_figure_placeholders_are_blank(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    a, b, c, d = _reported(demo_ctx, sh, 4)
    sh.set(a, H_MONTH, "—")
    sh.set(a, H_YTD, sh.get(a, H_YTD_BEFORE) + 9)
    sh.set(b, H_MONTH, "无")
    sh.set(c, H_MONTH, "－")
    sh.set(d, H_MONTH, 12)
    sh.set(d, H_YTD, "/")
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert ret.problems == []
    assert _apply(demo_ctx, ret)
    assert [_october(demo_ctx, p) for p in (a, b, c, d)] == [9 * WAN, None, None, 12 * WAN]


def test_formulas_without_a_value_and_errors_are_worded_as_the_import_words_them(
    demo_ctx: AppContext, workbook: Path
) -> None:
    sh = Sheet.open(workbook)
    a, b = _reported(demo_ctx, sh, 2)
    sh.set(a, H_MONTH, "=100+200")  # openpyxl saves no value for it
    sh.set(b, H_YTD, "#REF!")
    sh.save()
    ret = _collect(demo_ctx, workbook)
    by_row = {p.row: p for p in ret.problems}
    assert set(by_row) == {sh.row_of(a), sh.row_of(b)}
    assert by_row[sh.row_of(a)].problem.code == "formula_not_calculated"
    assert "=100+200" in by_row[sh.row_of(a)].reason("zh") and "保存后再导入" in by_row[sh.row_of(a)].reason("zh")
    assert by_row[sh.row_of(b)].problem.code in ("excel_error", "cell_error")
    assert "不是有效金额" not in by_row[sh.row_of(b)].reason("zh")
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, a) is None


def test_a_bad_status_is_reported_once(demo_ctx: AppContext, workbook: Path) -> None:
    sh = Sheet.open(workbook)
    (pid,) = _reported(demo_ctx, sh, 1)
    sh.set(pid, H_STATUS, "正常")
    sh.set(pid, H_MONTH, 10)
    sh.save()
    ret = _collect(demo_ctx, workbook)
    assert [(p.row, p.column) for p in ret.problems] == [(sh.row_of(pid), "J")]
    assert "正常" in ret.problems[0].reason("zh")
    assert not _apply(demo_ctx, ret) and _october(demo_ctx, pid) is None
