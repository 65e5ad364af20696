"""probe31b F4: a stray cell far outside an .xlsb's table (an "x" at XFD1048576) is refused naming it, as
an .xlsx's is (tests/test_far_cells.py) — not "needed more memory than allowed and was stopped". The
sheet's BrtWsDim, which Excel keeps to the cells written, decides whether its cells are looked through.
Files from tests/xlsb_writer.py with the far cells' records put in before the end of the sheet data."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from test_far_cells import refused_naming
from xlsb_writer import record, wide, write_xlsb

from zqtracker.io.reader import read_workbook

END_SHEET_DATA, DIMENSION = record(146), 148
ROWS = [["项目名称", "县区", "计划总投资（万元）"], *[[f"高要项目{i}", "高要区", 100 + i] for i in range(10)]]


def cell(col: int, kind: str, value: object) -> bytes:
    head = struct.pack("<II", col, 0)  # the column, iStyleRef
    if kind == "st":  # BrtCellSt: inline text
        return record(6, head + wide(str(value)))
    if kind == "isst":  # BrtCellIsst: a shared string's index
        return record(7, head + struct.pack("<I", value))
    if kind == "rk":  # BrtCellRk: an integer in 30 bits (fInt)
        return record(2, head + struct.pack("<i", (int(value) << 2) | 2))  # type: ignore[call-overload]
    return record(5, head + struct.pack("<d", value))  # BrtCellReal


def book(tmp_path: Path, far: list[tuple[int, int, str, object]], strings: list[str] = ()) -> Path:  # type: ignore[assignment]
    """ROWS and the ``far`` cells (0-based row, column, kind, value); BrtWsDim stretched to them."""
    rows = max(len(ROWS) - 1, *(r for r, _c, _k, _v in far))
    cols = max(2, *(c for _r, c, _k, _v in far))
    extra = b"".join(record(0, struct.pack("<IIHBBI", r, 0, 300, 0, 0, 0)) + cell(c, k, v) for r, c, k, v in far)
    path = stretched(tmp_path, "far.xlsb", rows, cols, extra)
    if strings:  # sharedStrings.bin: BrtBeginSst, a BrtSSTItem each (flags, text), BrtEndSst
        items = b"".join(record(19, b"\x00" + wide(s)) for s in strings)
        with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("xl/sharedStrings.bin", record(159, struct.pack("<II", 1, len(strings))) + items + record(160))
    return path


def stretched(tmp_path: Path, name: str, rows: int, cols: int, extra: bytes = b"") -> Path:
    """ROWS written by tests/xlsb_writer.py, its BrtWsDim made to span to 0-based ``rows``, ``cols``
    and the records ``extra`` put in before the end of the sheet data."""
    plain = write_xlsb(tmp_path / "plain.xlsb", "项目", ROWS)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.bin":
                dim = record(DIMENSION, struct.pack("<IIII", 0, len(ROWS) - 1, 0, 2))
                assert data.count(dim) == 1
                data = data.replace(dim, record(DIMENSION, struct.pack("<IIII", 0, rows, 0, cols)))
                data = data.replace(END_SHEET_DATA, extra + END_SHEET_DATA, 1)
            dst.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("far", "strings", "named"),
    [
        ([(1048575, 16383, "st", "x")], [], "XFD1048576 “x”"),
        ([(1048575, 16383, "real", 5.5)], [], "XFD1048576 “5.5”"),
        ([(1048575, 16383, "rk", -7)], [], "XFD1048576 “-7”"),
        ([(1048575, 16383, "isst", 1)], ["零", "备注"], "XFD1048576 “备注”"),  # a shared string, looked up
        ([(2, 16383, "st", "备注"), (1048575, 2, "st", "合计")], [], "XFD3 “备注”"),  # A1:C1048576 alone is read
    ],
)
def test_a_far_cell_of_an_xlsb_is_named(
    db_path: Path, tmp_path: Path, far: list, strings: list[str], named: str
) -> None:
    refused_naming(db_path, book(tmp_path, far, strings), named)


def test_a_stretched_dimension_alone_reads_as_usual(tmp_path: Path) -> None:
    """BrtWsDim out to XFD1048576 with no cell there: looked through, nothing far, read as written."""
    [sheet] = read_workbook(stretched(tmp_path, "stretched.xlsb", 1048575, 16383)).sheets
    assert sheet.error is None and len(sheet.rows) == 11 and sheet.rows[10][:3] == ["高要项目9", "高要区", 109]
