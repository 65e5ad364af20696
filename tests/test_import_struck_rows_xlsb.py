"""Rows struck through in an .xlsb were imported as live projects, exit 0: only an .xlsx's, an .xls's
and an .ods's fonts were read. Now xl/styles.bin's BrtFont records (fStrikeout) and the cell XFs that
use them, and each cell record's iStyleRef (io/xlsb_strike.py), mark the same cells, and the same rule
(io/struck_rows.py) asks the same question, answered by --struck-rows skip|import. A record cut short
where it would say so refuses the file in one sentence. Real .xlsb files written record by record by
tests/xlsb_writer.py (no library or LibreOffice writes the format) and read back by python-calamine."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from test_import_struck_rows import ROWS
from test_import_struck_rows_xls_ods import CELLS, HEADER, TITLE
from xlsb_writer import font, record, styles, write_xlsb, xf

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook
from zqtracker.io.sniff import Limits, inspect_file
from zqtracker.io.strike_styles import STRUCK
from zqtracker.io.xlsb_package import xlsb_facts
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def xlsb_file(tmp_path: Path, struck: dict[int, set[int]] = CELLS, styles_part: bytes | None = None) -> Path:
    """The list of tests/test_import_struck_rows.py under its title and header; row 5's empty 备注 is a
    struck BrtCellBlank, as Excel writes an empty cell given a font."""
    rows = [[TITLE], HEADER, *ROWS]
    return write_xlsb(tmp_path / "鼎湖区.xlsb", "Sheet1", rows, struck=struck, styles_part=styles_part)


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def test_the_reader_carries_the_struck_cells(tmp_path: Path) -> None:
    book = read_workbook(xlsb_file(tmp_path))
    assert book.sheets[0].rows[3][:3] == ["鼎湖五金项目", "乙公司", 200.0]  # python-calamine read the file
    assert book.sheets[0].struck == CELLS  # as the .xlsx's and the .xls's


def test_the_question_and_both_answers(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Rows 4 (name struck) and 5 (B:D struck) are the question; row 6 (its amount alone) is not; row 7
    is its 已删除 remark's alone."""
    path = xlsb_file(tmp_path)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions(), dry_run=True)
    assert caught.value.code == "struck_rows_unanswered"
    message = caught.value.message("en")
    assert "2 row(s) of sheet “Sheet1” are struck through (rows 4–5)" in message and "--struck-rows" in message
    assert planned(ctx) == {}

    result = service.import_file(path, ImportOptions(struck_rows="skip"))
    # kept: 包装 100 万 and 电机 400 万 = 500 万; 五金, 陶瓷 struck, 饲料 removed by its remark
    assert result.ok and planned(ctx) == {"鼎湖包装项目": 100 * WAN, "鼎湖电机项目": 400 * WAN}
    notes = {n.code: n.message("en") for n in result.notes}
    assert "2 row(s) struck through were left out" in notes["note_struck_rows_skipped"]

    result = service.import_file(path, ImportOptions(struck_rows="import"))
    # now 五金 200 万 and 陶瓷 300 万 too: 100 + 200 + 300 + 400 = 1000 万, in 4 projects; 饲料 still out
    assert result.ok and len(planned(ctx)) == 4 and sum(v or 0 for v in planned(ctx).values()) == 1000 * WAN


def test_the_command_line_answer(tmp_path: Path) -> None:
    path = xlsb_file(tmp_path, {3: {0}})
    db = str(tmp_path / "cli.sqlite")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db, "import", str(path), "--dry-run"], stdout=out, stderr=err) != 0
    assert "rows 4" in err.getvalue() and "--struck-rows skip" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db, "import", str(path), "--struck-rows", "skip"], stdout=out, stderr=err) == 0
    assert "1 row(s) struck through were left out" in out.getvalue() + err.getvalue()


def test_fonts_and_xfs_outside_their_lists_strike_nothing(tmp_path: Path) -> None:
    """A struck font named only by a style XF (cellStyleXfs), a cell XF naming a font past the last, and
    no struck font at all: no cell is struck, whatever its iStyleRef."""
    style_xf_only = b"".join([
        record(611, struct.pack("<I", 2)), font(False), font(True), record(612),
        record(626, struct.pack("<I", 1)), xf(0xFFFF, 1), record(627),
        record(617, struct.pack("<I", 2)), xf(0, 0), xf(0, 7), record(618),
    ])  # fmt: skip
    plain = styles().replace(font(True), font(False))
    for part in (style_xf_only, plain):
        path = xlsb_file(tmp_path, styles_part=part)
        assert read_workbook(path).sheets[0].struck == {}
        assert not [m for m in xlsb_facts(str(path)).errors["Sheet1"] if m[2] == STRUCK]


CUT = {
    # a BrtFont of two bytes: its flags are not there
    "font": styles().replace(font(True), record(43, b"\xdc\x00")),
    # a BrtXF of four bytes: its font is not there
    "xf": styles().replace(xf(0, 1), record(47, b"\x00\x00\x00\x00")),
    # the last record says 200 bytes and has 1
    "past the end": styles() + b"\x23\xc8\x01\x00",
}


@pytest.mark.parametrize("how", list(CUT))
def test_a_styles_record_cut_short_is_refused(service: ImportService, tmp_path: Path, how: str) -> None:
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(xlsb_file(tmp_path, styles_part=CUT[how]), ImportOptions(struck_rows="skip"))
    assert caught.value.code == "xlsb_record_cut"
    assert caught.value.message("en").startswith("鼎湖区.xlsb is damaged: a record of its part xl/styles.bin is cut")


def test_a_cell_record_cut_short_is_refused(service: ImportService, tmp_path: Path) -> None:
    """A BrtCellBlank of six bytes (no iStyleRef) among the cells, when some font is struck."""
    path = xlsb_file(tmp_path)
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.bin"]
    end_data = record(146)  # BrtEndSheetData
    parts["xl/worksheets/sheet1.bin"] = sheet.replace(end_data, record(1, b"\x05\x00\x00\x00\x01\x00") + end_data)
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions(struck_rows="skip"))
    assert caught.value.code == "xlsb_record_cut"
    assert "xl/worksheets/sheet1.bin" in caught.value.message("zh")


def test_a_styles_part_too_large_is_refused_unread(tmp_path: Path) -> None:
    path = xlsb_file(tmp_path, styles_part=styles() + record(35, bytes(5000)) * 4)
    with pytest.raises(WorkbookRefused) as caught:
        inspect_file(path, Limits(max_styles=10_000))
    assert caught.value.code == "styles_too_large"
