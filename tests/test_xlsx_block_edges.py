"""The .xlsx scan reads a sheet's XML in blocks of about a megabyte, each cut after the last "c>" (the end
of a cell). XML allows ">" inside an attribute value: a cell tag whose attribute holds "c>" at the block's
edge was cut in two, the tag seen in neither block, and the cells after it in its row, written without
their r, each counted a column to the left by the pass that places them (io/xlsx_places.Places): a struck
cell's mark fell on the name beside it and the file was refused as having a struck row. Now a block ends
only where no tag, comment or CDATA section is open (io/xlsx_package.whole_elements). A real openpyxl
workbook rewritten with zipfile, imported through the service, both engines."""

from __future__ import annotations

import random
import re
import string
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font
from test_probe29_xml_spellings import ALL, SHEET, planned, projects_file, rewrite

from zqtracker.io.reader import read_workbook
from zqtracker.io.xlsx_package import whole_elements
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

# the attribute runs past the first megabyte: letters at random (a run of one letter would inflate like a zip bomb)
PAD = "".join(random.Random(30).choices(string.ascii_letters, k=1_200_000)).encode()


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def edge_file(tmp_path: Path, comment: bool = False) -> Path:
    """Row 4's cells written without r, its B (甲公司, 1 of the row's 3 cells) struck through, and its A's
    tag holding an attribute of "abc>" and a megabyte of padding — or (``comment``) a comment of them and
    a "<c>x</c>" before A's tag."""
    path = projects_file(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.active["B4"].font = Font(strike=True)
    wb.save(path)

    def change(xml: bytes) -> bytes:
        row = re.search(rb'<row r="4".*?</row>', xml, re.S)
        assert row is not None
        cells = re.sub(rb' r="[A-Z]+4"', b"", row.group(0))
        added = b"<!-- abc>" + PAD + b" <c>x</c> --><c" if comment else b'<c x="abc>' + PAD + b'"'
        cells = cells.replace(b"<c", added, 1)
        return xml[: row.start()] + cells + xml[row.end() :]

    return rewrite(path, change)


def test_a_tag_cut_at_the_block_edge_keeps_the_cells_places(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = edge_file(tmp_path)
    with zipfile.ZipFile(path) as zf:
        blocks = list(whole_elements(zf, SHEET))
    assert len(blocks) >= 2 and all(b.count(b'x="abc>') <= 1 for b in blocks)
    first = next(b for b in blocks if b'x="abc>' in b)
    assert b"</row>" in first.split(b'x="abc>')[1]  # the tag and its row's end in one block
    assert read_workbook(path).sheets[0].struck == {3: {1}}  # B4, not the name A4
    assert service.import_file(path, ImportOptions()).ok  # 1 of 3 cells struck: no question
    assert planned(ctx) == ALL


def test_a_comment_cut_at_the_block_edge_hides_its_tags(tmp_path: Path) -> None:
    """A comment before row 4's first cell holding "c>" and a "<c>" of its own: no cell for the parser."""
    path = edge_file(tmp_path, comment=True)
    with zipfile.ZipFile(path) as zf:
        assert all(b.count(b"<!--") == b.count(b"-->") for b in whole_elements(zf, SHEET))
    assert read_workbook(path).sheets[0].struck == {3: {1}}
