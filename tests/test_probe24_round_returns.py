"""probe24b: a round's returns read wrongly with exit 0 — columns swapped (the 1–10月累计 taken for
当月), a column of next month's estimates stored as November, a filled copy of the sheet beside a
blank original, the round's workbook brought to the ordinary import, last year's workbook filled
with this year's figures. Each is collected (or imported) for real, on both engines, and what is
stored is checked on the database against figures worked out by hand."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from round_returns import H_MONTH, H_STATUS, H_YTD, MAIN, Sheet, sql

from zqtracker.domain.rounds import Period
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.round_collect import DistrictReturn, RoundCollector
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
WAN = 10_000


def _book(ctx: AppContext, tmp_path: Path, period: Period = OCT) -> Path:
    made = RoundService(ctx.database).create(
        period, tmp_path / str(period), districts=["高要区"], lang="zh", due_on=date(period.year, 11, 10)
    )
    return made.books[0].path


def _record(ctx: AppContext, pid: int, year: int, month: int) -> int | None:
    found = sql(
        ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = ? AND month = ?", pid, year, month
    )
    return found[0][0] if found else None


def _history(ctx: AppContext, sheet: Sheet) -> tuple[int, int]:
    """A project under construction with a September record and months enough for a usual month
    (no plausibility check fires on a month of 10万元): its id and 1–9月 on record."""
    for pid in sheet.ids():
        rows = sql(
            ctx, "SELECT month, amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month <= 9", pid
        )
        status = sql(ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0]
        months = {m for m, a in rows if a > 0}
        if status == "under_construction" and len(rows) >= 6 and 9 in months and len(months) == len(rows):
            return pid, sum(a for _m, a in rows)
    raise AssertionError("no project with a history")


def _collect(ctx: AppContext, path: Path) -> DistrictReturn:
    collector = RoundCollector(ctx.database)
    return collector.analyse(collector.read(path), lang="zh")


def _apply(ctx: AppContext, ret: DistrictReturn) -> bool:
    return RoundCollector(ctx.database).apply(ret, accept_open=True, on=date(2023, 11, 9)).written


def _codes(ret: DistrictReturn) -> list[str]:
    return [p.problem.code for p in ret.problems]


def _swap(sheet: Sheet, a: str, b: str) -> None:
    """The district unprotects the sheet and swaps two columns, headers included."""
    ca, cb = sheet.col[a] + 1, sheet.col[b] + 1
    for r in range(4, sheet.ws.max_row + 1):
        x, y = sheet.ws.cell(r, ca).value, sheet.ws.cell(r, cb).value
        sheet.ws.cell(r, ca).value, sheet.ws.cell(r, cb).value = y, x
    sheet.col[a], sheet.col[b] = sheet.col[b], sheet.col[a]


# -- R13b: 当月 and 1–10月累计 swapped, only the 累计 filled ---------------------------------------------
def test_swapped_columns_are_read_by_their_headers(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, before = _history(demo_ctx, sh)
    _swap(sh, H_MONTH, H_YTD)
    # 1–10月累计 = 1–9月 on record + 10万元, typed under its own header, now in column K (where 当月 was)
    sh.set(pid, H_YTD, before / WAN + 10)
    assert sh.col[H_YTD] == 10
    sh.save()
    ret = _collect(demo_ctx, path)
    assert ret.problems == []
    assert _apply(demo_ctx, ret)
    # October = (1–9月 + 10万元) − 1–9月 = 100,000 yuan; read by position it was the whole 1–10月
    assert _record(demo_ctx, pid, 2023, 10) == 100_000


def test_a_header_standing_over_two_columns_is_a_problem(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, before = _history(demo_ctx, sh)
    sh.ws.cell(4, sh.col[H_MONTH] + 1).value = H_YTD  # 当月's header typed over: which one is the 累计?
    sh.set(pid, H_MONTH, before / WAN + 10)
    sh.save()
    ret = _collect(demo_ctx, path)
    assert _codes(ret) == ["round_column_twice"]
    assert (ret.problems[0].row, ret.problems[0].column) == (4, "K")
    assert "K, L" in ret.problems[0].reason("en")
    assert not _apply(demo_ctx, ret) and _record(demo_ctx, pid, 2023, 10) is None


# -- R35: a column of next month's estimates ----------------------------------------------------------
def test_a_column_of_another_month_is_left_out_with_a_note(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, _before = _history(demo_ctx, sh)
    extra = len(sh.col) + 1  # column O, after the hidden ids
    sh.ws.cell(4, extra).value = "11月完成投资（万元）"
    for r in range(5, 5 + len(sh.ids())):
        sh.ws.cell(r, extra).value = 15  # estimates: 150,000 yuan each, never November's record
    sh.set(pid, H_MONTH, 10)
    sh.save()
    records = sql(demo_ctx, "SELECT COUNT(*) FROM investment_records")[0][0]
    ret = _collect(demo_ctx, path)
    assert ret.problems == []
    assert [n.code for n in ret.rows.notes] == ["round_column_left_out"]
    assert "column O" in ret.rows.notes[0].message("en")
    assert _apply(demo_ctx, ret)
    assert _record(demo_ctx, pid, 2023, 10) == 10 * WAN
    assert sql(demo_ctx, "SELECT COUNT(*) FROM investment_records WHERE year = 2023 AND month = 11")[0][0] == 0
    assert sql(demo_ctx, "SELECT COUNT(*) FROM investment_records")[0][0] == records + 1


def test_a_remark_column_inserted_before_the_ids_is_read_past(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, _before = _history(demo_ctx, sh)
    sh.set(pid, H_MONTH, 10)
    row = sh.row_of(pid)
    sh.ws.insert_cols(13)  # 备注 in column M: 进展情况 moves to N, the hidden ids to O
    sh.ws.cell(4, 13).value = "备注"
    sh.ws.cell(row, 13).value = "已核实"
    sh.save()
    ret = _collect(demo_ctx, path)
    assert ret.problems == []
    assert [n.params["column"] for n in ret.rows.notes] == ["M"]
    assert _apply(demo_ctx, ret) and _record(demo_ctx, pid, 2023, 10) == 10 * WAN


# -- R64: a copy of the sheet filled, the original blank --------------------------------------------
def test_a_filled_copy_beside_a_blank_sheet_is_asked(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, _before = _history(demo_ctx, sh)
    copy = sh.wb.copy_worksheet(sh.ws)
    copy.title = f"{MAIN} (2)"
    copy.cell(sh.row_of(pid), sh.col[H_MONTH] + 1).value = 10
    sh.save()
    ret = _collect(demo_ctx, path)
    assert _codes(ret) == ["round_copy_sheet_filled"]
    assert (ret.problems[0].sheet, ret.problems[0].row) == (f"{MAIN} (2)", sh.row_of(pid))
    assert not _apply(demo_ctx, ret)
    states = sql(demo_ctx, "SELECT imported_at FROM round_districts")
    assert states and all(s[0] is None for s in states)


# -- S8c / S9b / S11: the round's table brought to the ordinary import ------------------------------
def _filled(ctx: AppContext, tmp_path: Path) -> tuple[Sheet, int, int]:
    path = _book(ctx, tmp_path)
    sh = Sheet.open(path)
    pid, before = _history(ctx, sh)
    sh.set(pid, H_STATUS, "投产")  # Preparing/Under construction → In production
    sh.set(pid, H_MONTH, 10)
    sh.save()
    return sh, pid, before


def test_the_rounds_workbook_is_refused_by_the_ordinary_import(demo_ctx: AppContext, tmp_path: Path) -> None:
    sh, pid, _before = _filled(demo_ctx, tmp_path)
    service = ImportService(demo_ctx.database)
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(sh.path, ImportOptions(mode="merge", sheets=[MAIN]))
    assert refused.value.code == "round_book_ordinary_import"
    assert "round collect" in refused.value.message("en")
    assert _record(demo_ctx, pid, 2023, 10) is None


def test_a_rounds_table_saved_as_csv_reads_this_months_status_with_the_grey_columns_left_out(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    sh, pid, before = _filled(demo_ctx, tmp_path)
    target = tmp_path / "高要区_2023-10.csv"
    with target.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in sh.ws.iter_rows(values_only=True)])
    service = ImportService(demo_ctx.database)
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(target, ImportOptions(mode="merge"))
    assert refused.value.code == "round_table_grey_read"
    assert "--map G=none --map H=none --map I=none" in refused.value.message("en")
    status = sql(demo_ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0]
    assert status == "under_construction" and _record(demo_ctx, pid, 2023, 10) is None
    left_out: dict[str, str | None] = {"G": None, "H": None, "I": None}
    result = service.import_file(target, ImportOptions(mode="merge", column_map=left_out))
    assert result.problems == []
    assert sql(demo_ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0] == "in_production"
    # 当月 10万 is October's (the report's month: 1–10月 beside 1–9月 — it had been read as September, then left
    # unread once 9月完成投资 beside it was turned off)
    assert _record(demo_ctx, pid, 2023, 10) == 100_000
    # the months before as on record (the grey 1–9月 and 9月 beside the row were left out)
    months = sql(demo_ctx, "SELECT SUM(amount) FROM investment_records WHERE project_id = ? AND year = 2023 "
                 "AND month <= 9", pid)  # fmt: skip
    assert months[0][0] == before


# -- S4: last year's round workbook filled with this year's figures ----------------------------------
def test_a_return_of_a_round_a_year_old_is_asked(demo_ctx: AppContext, tmp_path: Path) -> None:
    old = _book(demo_ctx, tmp_path, Period(2022, 10))
    _book(demo_ctx, tmp_path, OCT)  # the newest round: October 2023
    sh = Sheet.open(old)
    pid = sh.ids()[0]
    sh.set(pid, H_MONTH, 10)
    sh.save()
    ret = _collect(demo_ctx, old)
    found = [f for f in ret.open_findings if f.check == "round_year_old"]
    assert [(f.project_id, f.params["round"], f.params["newest"]) for f in found] == [(pid, "2022-10", "2023-10")]
    stored = _record(demo_ctx, pid, 2022, 10)
    assert not _apply_refused(demo_ctx, ret) and _record(demo_ctx, pid, 2022, 10) == stored
    # September's return, late beside October's round, is no question
    sep = Sheet.open(_book(demo_ctx, tmp_path, Period(2023, 9)))
    sep.set(pid, H_MONTH, 10)
    sep.save()
    assert all(f.check != "round_year_old" for f in _collect(demo_ctx, sep.path).findings)


def _apply_refused(ctx: AppContext, ret: DistrictReturn) -> bool:
    """Applying without accepting the open findings: refused (False), nothing written."""
    from zqtracker.services.rounds import RoundRefused

    try:
        return RoundCollector(ctx.database).apply(ret, on=date(2023, 11, 9)).written
    except RoundRefused:
        return False
