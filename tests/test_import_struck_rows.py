"""Rows struck through in an .xlsx — what a district does instead of deleting a row — were imported as
live projects, exit 0 (probe28b h03: 12 of 500 rows, planned and year-to-date totals too high, no word).
A data row whose name cell, or most of whose cells, are struck through is now a question naming the rows,
answered by --struck-rows skip|import; a struck row whose 备注 already says 已删除 is that note's alone.
Real .xlsx files written by openpyxl (Font(strike=True)), imported through the service, both engines."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook
from openpyxl.styles import Font

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook
from zqtracker.io.strike_styles import struck_styles
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEADER = ["项目名称", "建设单位", "总投资（万元）", "备注"]
ROWS = [
    ["鼎湖包装项目", "甲公司", 100, ""],  # sheet row 3
    ["鼎湖五金项目", "乙公司", 200, ""],  # row 4: its name struck through
    ["鼎湖陶瓷项目", "丙公司", 300, ""],  # row 5: every cell but the name struck through
    ["鼎湖电机项目", "丁公司", 400, ""],  # row 6: its amount alone struck through (most cells are not)
    ["鼎湖饲料项目", "戊公司", 500, "已删除"],  # row 7: struck through, and its remark says removed
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def struck_file(tmp_path: Path, cells: dict[int, list[int]], rows: list[list] = ROWS) -> Path:
    """The list under a title and a header, then the cells named (1-based row → 1-based columns) struck."""
    path = write_workbook(
        tmp_path / "鼎湖区.xlsx", SheetSpec("Sheet1", [["鼎湖区2025年重点项目情况表"], HEADER, *rows])
    )
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r, cols in cells.items():
        for c in cols:
            ws.cell(r, c).font = Font(strike=True)
    wb.save(path)
    return path


STRUCK = {4: [1], 5: [2, 3, 4], 6: [3], 7: [1, 2, 3, 4]}


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def test_the_reader_carries_the_struck_cells(tmp_path: Path) -> None:
    book = read_workbook(struck_file(tmp_path, STRUCK))
    # 0-based sheet rows and columns: row 4's A is (3, 0) …
    assert book.sheets[0].struck == {3: {0}, 4: {1, 2, 3}, 5: {2}, 6: {0, 1, 2, 3}}


def test_a_workbook_without_a_struck_font_searches_for_nothing(tmp_path: Path) -> None:
    path = struck_file(tmp_path, {})
    with zipfile.ZipFile(path) as zf:
        assert struck_styles(zf) == []  # no needle: the sheet scan pays nothing
    assert read_workbook(path).sheets[0].struck == {}


def test_struck_rows_unanswered_are_refused_naming_them(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Rows 4 (name struck) and 5 (3 of its 3 filled cells struck) are the question; row 6 (1 of 3
    struck, not the name) is not; row 7 is the 已删除 note's alone."""
    path = struck_file(tmp_path, STRUCK)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "struck_rows_unanswered"
    message = caught.value.message("en")
    assert "2 row(s) of sheet “Sheet1” are struck through (rows 4–5)" in message and "--struck-rows" in message
    with pytest.raises(WorkbookRefused):
        service.import_file(path, ImportOptions(), dry_run=True)
    assert planned(ctx) == {}


def test_struck_rows_skipped(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    result = service.import_file(struck_file(tmp_path, STRUCK), ImportOptions(struck_rows="skip"))
    # kept: 包装 100 万 and 电机 400 万 = 500 万; 五金, 陶瓷 struck and 饲料 removed by its remark
    assert result.ok and planned(ctx) == {"鼎湖包装项目": 100 * WAN, "鼎湖电机项目": 400 * WAN}
    assert sum(v or 0 for v in planned(ctx).values()) == 500 * WAN
    notes = {n.code: n.message("en") for n in result.notes}
    assert "2 row(s) struck through were left out" in notes["note_struck_rows_skipped"]
    assert "rows 4–5" in notes["note_struck_rows_skipped"]
    assert "鼎湖饲料项目" in notes["note_rows_removed"]


def test_struck_rows_imported(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    result = service.import_file(struck_file(tmp_path, STRUCK), ImportOptions(struck_rows="import"))
    # 100 + 200 + 300 + 400 万 = 1000 万; 饲料 (已删除) still left out
    assert result.ok and sum(v or 0 for v in planned(ctx).values()) == 1000 * WAN
    assert "鼎湖饲料项目" not in planned(ctx)
    assert "note_struck_rows_imported" in {n.code for n in result.notes}


def test_a_struck_row_a_remark_marks_removed_is_no_question(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    result = service.import_file(struck_file(tmp_path, {7: [1, 2, 3, 4]}), ImportOptions())
    # 100 + 200 + 300 + 400 万 = 1000 万; row 7 left out by its 已删除, said once
    assert result.ok and sum(v or 0 for v in planned(ctx).values()) == 1000 * WAN
    codes = {n.code for n in result.notes}
    assert "note_rows_removed" in codes and not any(c.startswith("note_struck") for c in codes)


def test_the_command_line_answer(tmp_path: Path) -> None:
    path = struck_file(tmp_path, {4: [1]})
    db = str(tmp_path / "cli.sqlite")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db, "import", str(path), "--dry-run"], stdout=out, stderr=err) != 0
    assert "rows 4" in err.getvalue() and "--struck-rows skip" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db, "import", str(path), "--struck-rows", "skip"], stdout=out, stderr=err) == 0
    assert "1 row(s) struck through were left out" in out.getvalue() + err.getvalue()
