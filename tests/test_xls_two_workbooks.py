"""An .xls whose compound file holds more than one stream that could be the workbook (probe36b F1):
python-calamine reads the cells from the first entry named exactly 'Workbook' in the flat directory,
while zqtracker's own checks (FILEPASS, hidden and struck rows, error cells, % formats) once read the
first name matching in any case, so a row hidden in the stream calamine read was imported without the
--hidden-rows question. Such files are refused; a file whose readers agree still reads.

The files are xlwt's (one 'Workbook' stream at the root, two unused directory entries) with their
directory rewritten: a second entry on the same bytes, linked into the root's tree or not.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import xlwt
from test_read_hostile import assert_refused, run

NOSTREAM = 0xFFFFFFFF


def xlwt_list(path: Path) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("项目清单")
    ws.write(0, 0, "2024年端州区招商项目清单")
    for c, text in enumerate(["项目名称", "所在区域", "计划总投资（万元）", "项目状态"]):
        ws.write(1, c, text)
    for r, row in enumerate([("华南电池项目", "端州区", 5000, "在建"), ("金利五金项目", "端州区", 3000, "已签约")], 2):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    book.save(str(path))
    return path


def crafted(src: Path, path: Path, entries: dict[int, tuple[str, int, int]], root_child: int = 1) -> Path:
    """``src`` with directory entry i set to (name, type, right sibling), each on the bytes of xlwt's
    Workbook stream (sector 0, 4096 bytes); the root storage's first entry ``root_child``."""
    data = bytearray(src.read_bytes())
    directory = (struct.unpack_from("<I", data, 48)[0] + 1) * 512
    assert data[directory + 128 : directory + 144] == "Workbook".encode("utf-16-le")
    struct.pack_into("<I", data, directory + 76, root_child)
    for i, (name, kind, right) in entries.items():
        off = directory + 128 * i
        data[off : off + 64] = (name.encode("utf-16-le") + b"\0\0").ljust(64, b"\0")
        struct.pack_into("<HBBIIIII", data, off + 64, 2 * len(name) + 2, kind, 1, NOSTREAM, right, NOSTREAM, 0, 0)
        struct.pack_into("<III", data, off + 116, 0, 4096, 0)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("entries", "root_child", "first", "second"),
    [
        ({1: ("WORKBOOK", 2, 2), 2: ("Workbook", 2, NOSTREAM)}, 1, "WORKBOOK", "Workbook"),  # the probe's file
        ({1: ("Book", 2, 2), 2: ("WORKBOOK", 2, NOSTREAM)}, 1, "Book", "WORKBOOK"),  # Excel: WORKBOOK, calamine: Book
        # an entry outside the root's tree (as an embedded workbook's) before the root's own: calamine reads it
        ({1: ("Workbook", 0, NOSTREAM), 2: ("Workbook", 2, NOSTREAM)}, 2, "Workbook", "Workbook"),
    ],
    ids=["case", "book-beside-WORKBOOK", "outside-the-root-first"],
)
def test_an_xls_holding_two_workbook_streams_is_refused(  # type: ignore[no-untyped-def]
    db_path: Path, tmp_path: Path, entries, root_child: int, first: str, second: str
) -> None:
    as_written = xlwt_list(tmp_path / "端州区.xls")
    # Excel 97's dual format keeps a BIFF5 'Book' beside 'Workbook': every reader takes 'Workbook'
    dual = crafted(as_written, tmp_path / "dual.xls", {1: ("Workbook", 2, 2), 2: ("Book", 2, NOSTREAM)})
    for path in (as_written, dual):
        status, out, err = run("--db", str(db_path), "import", "--dry-run", str(path))
        assert status == 0 and "2 added" in out, (status, out, err)
    path = crafted(as_written, tmp_path / "two.xls", entries, root_child)
    words = f"holds two workbook streams (“{first}” and “{second}”)"
    assert_refused(db_path, path, "ole2_two_workbooks", words, "两个工作簿数据流")
