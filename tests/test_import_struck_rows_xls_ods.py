"""Rows struck through in an .xls or an .ods were imported as live projects, exit 0: only an .xlsx's
fonts were read (io/strike_styles.py). Now an .xls's FONT records (fStrikeOut) and the XFs that use
them (io/biff.py), and an .ods's cell styles, paragraph and span styles (text-line-through, io/ods_styles.py),
mark the same cells, and the same rule (io/struck_rows.py) asks the same question, answered by
--struck-rows skip|import. Real files: .xls written by xlwt, .ods by odfpy, and both saved by LibreOffice
from the .xlsx of tests/test_import_struck_rows.py when soffice is installed; both engines."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
import xlwt
from hidden_files import converted, has_soffice
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableRow
from odf.text import P, Span
from test_import_struck_rows import ROWS, STRUCK, struck_file

from zqtracker.io.biff import biff_facts
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.ods_package import ods_facts
from zqtracker.io.reader import read_workbook
from zqtracker.io.strike_styles import STRUCK as STRUCK_MARK
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
TITLE, HEADER = "鼎湖区2025年重点项目情况表", ["项目名称", "建设单位", "总投资（万元）", "备注"]
# 0-based sheet rows → struck columns, as tests/test_import_struck_rows.py strikes its .xlsx: row 4's
# name (A), row 5's B:D, row 6's amount alone, all of row 7 (its 备注 says 已删除)
CELLS = {3: {0}, 4: {1, 2, 3}, 5: {2}, 6: {0, 1, 2, 3}}


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def xls_file(tmp_path: Path) -> Path:
    """The list written by xlwt: text as LABELSST, numbers as RK (a MULRK where two share a row), an
    empty struck cell as BLANK; xlwt's struck font is its eighth FONT record, index 8 (4 is skipped)."""
    book = xlwt.Workbook()
    ws = book.add_sheet("Sheet1")
    struck = xlwt.easyxf("font: struck_out on")
    ws.write(0, 0, TITLE)
    for c, text in enumerate(HEADER):
        ws.write(1, c, text)
    for r, row in enumerate(ROWS, start=2):
        for c, v in enumerate(row):
            if c in CELLS.get(r, ()):
                ws.write(r, c, v, struck)
            elif v != "":
                ws.write(r, c, v)
    path = tmp_path / "鼎湖区.xls"
    book.save(str(path))
    return path


def ods_file(tmp_path: Path, spans: bool = False) -> Path:
    """The list written by odfpy: struck cells with an automatic cell style "ce1" whose text is struck
    through (LibreOffice's solid/single), or (``spans``) with their text in a struck span "T1" instead."""
    doc = OpenDocumentSpreadsheet()
    cell_style = Style(name="ce1", family="table-cell")
    cell_style.addElement(TextProperties(textlinethroughstyle="solid", textlinethroughtype="single"))
    span_style = Style(name="T1", family="text")
    span_style.addElement(TextProperties(textlinethroughstyle="solid"))
    doc.automaticstyles.addElement(cell_style)
    doc.automaticstyles.addElement(span_style)
    table = Table(name="Sheet1")
    for r, row in enumerate([[TITLE], HEADER, *ROWS]):
        tr = TableRow()
        for c, v in enumerate(row):
            struck = c in CELLS.get(r, ())
            kw = {"stylename": "ce1"} if struck and not spans else {}
            if v == "":
                cell = TableCell()  # as LibreOffice writes an empty cell: nothing said of it
            else:
                cell = (
                    TableCell(valuetype="float", value=v, **kw)
                    if isinstance(v, int)
                    else TableCell(valuetype="string", **kw)
                )
                p = P()
                if struck and spans:
                    p.addElement(Span(stylename="T1", text=str(v)))
                else:
                    p.addText(str(v))
                cell.addElement(p)
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "鼎湖区.ods"
    doc.save(str(path))
    return path


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


MAKERS = {"xls": xls_file, "ods": ods_file, "ods-spans": lambda p: ods_file(p, spans=True)}


@pytest.mark.parametrize("kind", list(MAKERS))
def test_the_reader_carries_the_struck_cells(tmp_path: Path, kind: str) -> None:
    struck = read_workbook(MAKERS[kind](tmp_path)).sheets[0].struck
    # as the .xlsx's; an .ods writes no cell for row 5's empty 备注, so nothing of it is struck
    assert struck == (CELLS if kind == "xls" else {**CELLS, 4: {1, 2}})


@pytest.mark.parametrize("kind", list(MAKERS))
def test_the_question_and_both_answers(service: ImportService, ctx: AppContext, tmp_path: Path, kind: str) -> None:
    """Rows 4 (name struck) and 5 (B:C struck, its two filled cells besides the name — 2 of 3) are the
    question; row 6 (its amount alone: 1 of 3) is not; row 7 is its 已删除 remark's alone."""
    path = MAKERS[kind](tmp_path)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions(), dry_run=True)
    assert caught.value.code == "struck_rows_unanswered"
    message = caught.value.message("en")
    assert "2 row(s) of sheet “Sheet1” are struck through (rows 4–5)" in message and "--struck-rows" in message
    assert planned(ctx) == {}

    result = service.import_file(path, ImportOptions(struck_rows="skip"))
    # kept: 包装 100 万 and 电机 400 万 = 500 万; 五金, 陶瓷 struck, 饲料 removed by its remark
    assert result.ok and planned(ctx) == {"鼎湖包装项目": 100 * WAN, "鼎湖电机项目": 400 * WAN}
    assert sum(v or 0 for v in planned(ctx).values()) == 500 * WAN
    notes = {n.code: n.message("en") for n in result.notes}
    assert "2 row(s) struck through were left out" in notes["note_struck_rows_skipped"]
    assert "rows 4–5" in notes["note_struck_rows_skipped"] and "鼎湖饲料项目" in notes["note_rows_removed"]

    result = service.import_file(path, ImportOptions(struck_rows="import"))
    # now 五金 200 万 and 陶瓷 300 万 too: 100 + 200 + 300 + 400 = 1000 万, in 4 projects; 饲料 still out
    assert result.ok and len(planned(ctx)) == 4 and sum(v or 0 for v in planned(ctx).values()) == 1000 * WAN
    assert "鼎湖饲料项目" not in planned(ctx)
    assert "note_struck_rows_imported" in {n.code for n in result.notes}


def test_an_ods_cell_struck_in_part_or_said_none_is_not_struck(tmp_path: Path) -> None:
    """A cell half in a struck span (签约 struck beside 在建) is judged by its cell style alone; a style
    saying text-line-through-style="none" strikes nothing, and a child of a struck style is struck."""
    doc = OpenDocumentSpreadsheet()
    struck, plain = Style(name="T1", family="text"), Style(name="ce0", family="table-cell")
    struck.addElement(TextProperties(textlinethroughstyle="solid"))
    plain.addElement(TextProperties(textlinethroughstyle="none"))
    parent = Style(name="ceP", family="table-cell")
    parent.addElement(TextProperties(textlinethroughstyle="dotted"))
    child = Style(name="ceC", family="table-cell", parentstylename="ceP")
    doc.styles.addElement(parent)  # a common style (styles.xml), the parent of an automatic one
    for s in (struck, plain, child):
        doc.automaticstyles.addElement(s)
    table, tr = Table(name="S"), TableRow()
    half = TableCell(valuetype="string")
    p = P()
    p.addElement(Span(stylename="T1", text="签约"))
    p.addText("在建")
    half.addElement(p)
    tr.addElement(half)
    for style in ("ce0", "ceC"):
        cell = TableCell(valuetype="string", stylename=style)
        cell.addElement(P(text="x"))
        tr.addElement(cell)
    table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "s.ods"))
    assert [m for m in ods_facts(str(tmp_path / "s.ods")).errors["S"] if m[2] == STRUCK_MARK] == [(0, 2, STRUCK_MARK)]


def _rec(rtype: int, payload: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(payload)) + payload


def test_a_hostile_xls_font_index_is_no_font(tmp_path: Path) -> None:
    """A hand-made Workbook stream: FONT 0 plain, FONT 1 struck (index 1); XF 0 uses font 1, XF 1 font
    4 (the index BIFF never gives), XF 2 font 999 (no such font), XF 3 font 5 (the fifth record: there are two);
    cells of each XF, a MULBLANK of XFs 0, 2, 0 and a MULRK cut short. Only XF 0's cells are struck."""
    bof = _rec(0x0809, struct.pack("<HH", 0x0600, 0x05) + bytes(12))
    fonts = _rec(0x0031, struct.pack("<HH", 200, 0)) + _rec(0x0031, struct.pack("<HH", 200, 0x0008))
    xfs = b"".join(_rec(0x00E0, struct.pack("<HH", f, 0) + bytes(16)) for f in (1, 4, 999, 5))
    name = b"S"
    sheet_at = len(bof) + len(fonts) + len(xfs) + 4 + 8 + len(name) + 4
    sheet_rec = _rec(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, len(name), 0) + name)
    globals_ = bof + fonts + xfs + sheet_rec + _rec(0x000A, b"")
    assert len(globals_) == sheet_at
    cells = b"".join(_rec(0x0203, struct.pack("<HHHd", 0, c, c, 1.0)) for c in range(4))  # row 0, XF = column
    cells += _rec(0x00BE, struct.pack("<HHHHHH", 1, 0, 0, 2, 0, 2))  # row 1, columns 0–2
    cells += _rec(0x00BD, struct.pack("<HHHI", 2, 0, 0, 0))  # a MULRK without its last column: no cell read
    stream = globals_ + bof + cells + _rec(0x000A, b"")
    marks = [m for m in biff_facts(stream).errors["S"] if m[2] == STRUCK_MARK]
    assert marks == [(0, 0, STRUCK_MARK), (1, 0, STRUCK_MARK), (1, 2, STRUCK_MARK)]


@pytest.mark.skipif(not has_soffice(), reason="LibreOffice (soffice) is not installed")
def test_the_xlsx_saved_by_libreoffice_as_xls_and_ods(tmp_path: Path) -> None:
    """The struck .xlsx of tests/test_import_struck_rows.py saved by LibreOffice: the same cells struck
    (row 5's empty 备注 aside in the .ods, which writes no empty cell)."""
    src = struck_file(tmp_path, STRUCK)
    for kind, want in (("xls", CELLS), ("ods", {**CELLS, 4: {1, 2}})):
        out = tmp_path / kind
        out.mkdir()
        assert read_workbook(converted(src, kind, out)).sheets[0].struck == want, kind
        if kind == "ods":
            with zipfile.ZipFile(out / f"{src.stem}.ods") as zf:
                assert b"text-line-through-style" in zf.read("content.xml")
