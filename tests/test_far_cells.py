"""A stray cell far outside the table (an "x" typed at XFD1048576) stretches a sheet over 17
billion cells: refused naming that cell and what it holds, in one sentence, exit 2 — not "needed
more memory than allowed". A <dimension> that overstates, with no such cell, is read as usual."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_import_service import dump
from test_read_hostile import run

from zqtracker.io.far_cells import KEPT, Extent
from zqtracker.io.reader import read_workbook


def table(path: Path, far: dict[str, object]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["项目名称", "县区", "计划总投资（万元）"])
    for i in range(10):
        ws.append([f"高要项目{i}", "高要区", 100 + i])
    for ref, value in far.items():
        ws[ref] = value
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("far", "named"),
    [
        ({"XFD1048576": "x"}, "XFD1048576 “x”"),  # a shared string, looked up
        ({"XFD1048576": 5}, "XFD1048576 “5”"),
        ({"XFD3": "备注", "C1048576": "合计"}, "XFD3 “备注”"),  # A1:C1048576 alone is read
        ({"XFD1048576": "a", "XFC1048575": 7}, "XFD1048576 “a”; XFC1048575 “7”"),  # one alone is not enough
    ],
)
def test_a_far_cell_is_named(db_path: Path, tmp_path: Path, far: dict[str, object], named: str) -> None:
    refused_naming(db_path, table(tmp_path / "far.xlsx", far), named)


def refused_naming(db_path: Path, path: Path, named: str) -> None:
    """The sheet 项目 of ``path`` is refused for its far cells, ``named``, in one line, in both
    languages, exit 2, the database untouched (the .xlsb's test too)."""
    [sheet] = read_workbook(path).sheets
    assert sheet.error is not None and sheet.error.code == "far_cells" and not sheet.rows
    run("--db", str(db_path), "summary")
    before, rows = db_path.read_bytes(), dump(db_path)
    for lang, words in (("en", f"because of what lies far outside the table: cell {named}."),
                        ("zh", f"单元格 {named}。请删除它")):  # fmt: skip
        status, out, err = run("--db", str(db_path), "--lang", lang, "import", str(path))
        assert status == 2 and out == "" and "Traceback" not in err
        [line] = err.strip().splitlines()
        assert path.name in line and "项目" in line and words in line, line
    assert db_path.read_bytes() == before and dump(db_path) == rows


def test_an_overstated_dimension_alone_reads_as_usual(tmp_path: Path) -> None:
    path = table(tmp_path / "plain.xlsx", {})
    crafted = tmp_path / "overstated.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                assert n == 1
            dst.writestr(item, data)
    book = read_workbook(crafted)
    [sheet] = book.sheets
    assert len(sheet.rows) == 11 and sheet.rows[10][:3] == ["高要项目9", "高要区", 109]


def test_a_sheet_big_all_over_names_no_cell() -> None:
    """Six or more cells out at the far corner: not strays but a big sheet (refused for its size)."""
    corner = [(16384 - i, 1048576 - i, "v") for i in range(KEPT)]
    big = Extent(1, 1, right=corner, down=[(r, c, t) for c, r, t in corner])
    assert big.cells() == 1048576 * 16384 and big.strays(20_000_000) is None
    one = Extent(1, 1, right=[(16384, 1048576, "x"), (3, 11, "")], down=[(1048576, 16384, "x"), (11, 3, "")])
    assert one.strays(20_000_000) == [(1048576, 16384, "x")] and one.cells(frozenset({(1048576, 16384)})) == 33
