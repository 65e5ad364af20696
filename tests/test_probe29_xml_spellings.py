"""What probe29b found the .xlsx pre-scan reading otherwise than python-calamine: a cell or a row written
twice in a spelling XML allows but no spreadsheet program writes (single quotes, spaces round "=", r
after another attribute, a row's cells without r), a styles.xml declared UTF-7 or no XML expat reads
(its struck rows were imported silently), a styles.xml of 200 MB, and the words of a styles.xml that is
a PNG. Each file is an openpyxl workbook whose parts are then rewritten with zipfile, imported through
the service, both engines."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook
from openpyxl.styles import Font

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

SHEET = "xl/worksheets/sheet1.xml"
STYLES = "xl/styles.xml"
# 20000, 15000 and 8000 万元 in yuan
ALL = {"鼎湖包装项目": 200_000_000, "鼎湖五金项目": 150_000_000, "鼎湖陶瓷项目": 80_000_000}


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def projects_file(tmp_path: Path, struck_row: int | None = None) -> Path:
    """Row 1 title, row 2 header, rows 3–5 projects: 总投资（万元） in column C (20000, 15000, 8000);
    ``struck_row`` drawn struck through (a struck font in styles.xml)."""
    names = ("鼎湖包装项目", "鼎湖五金项目", "鼎湖陶瓷项目")
    rows = [[name, "甲公司", amount] for name, amount in zip(names, (20000, 15000, 8000), strict=True)]
    spec = SheetSpec("Sheet1", [["鼎湖区2025年重点项目情况表"], ["项目名称", "建设单位", "总投资（万元）"], *rows])
    path = write_workbook(tmp_path / "projects.xlsx", spec)
    if struck_row is not None:
        wb = openpyxl.load_workbook(path)
        for cell in wb.active[struck_row]:
            cell.font = Font(strike=True)
        wb.save(path)
    return path


def rewrite(path: Path, change: Callable[[bytes], bytes], part: str = SHEET, stored: bool = False) -> Path:
    """``path`` with one part's bytes changed, written again entry by entry."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    out = path.with_name("changed_" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, change(data) if name == part else data)
    return out


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def copy_c4(spelling: str) -> Callable[[bytes], bytes]:
    """C4 (鼎湖五金项目's 总投资, 15000) written a second time at the end of row 4, as 99999, its tag
    spelled ``spelling``: the parsers keep the last copy."""

    def change(xml: bytes) -> bytes:
        return re.sub(rb'(<row r="4"[^>]*>.*?)</row>', rb"\1" + spelling.encode() + rb"<v>99999</v></c></row>", xml)

    return change


@pytest.mark.parametrize("spelling", ["<c r='C4'>", '<c r = "C4">', '<c t="n" r="C4">', "<c\nr='C4'\n>"])
def test_a_cell_written_twice_in_any_spelling_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, spelling: str
) -> None:
    """probe29b t02 (single quotes), t07 (spaces round "="): 99999 was stored as 鼎湖五金项目's 总投资."""
    path = rewrite(projects_file(tmp_path), copy_c4(spelling))
    assert spelling.encode() in zipfile.ZipFile(path).read(SHEET)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "xml_cell_twice" and "cell C4 is written twice" in str(caught.value)
    assert planned(ctx) == {}


def row_4_again(tag: str, positional: bool) -> Callable[[bytes], bytes]:
    """Row 4 written a second time after itself, its tag ``tag``, 总投资 99999 (its cells without r
    when ``positional``: A4, B4, C4 by their places)."""

    def change(xml: bytes) -> bytes:
        row = re.search(rb'<row r="4"[^>]*>(.*?)</row>', xml)
        assert row is not None
        cells = row.group(1).replace(b">15000<", b">99999<")
        if positional:
            cells = re.sub(rb' r="[A-Z]+4"', b"", cells)
        return xml.replace(row.group(0), row.group(0) + tag.encode() + cells + b"</row>")

    return change


@pytest.mark.parametrize(
    ("tag", "positional"),
    [('<row spans="1:3" r="4">', True), ("<row r='4'>", False), ("<row r='4'>", True), ('<row r = "4">', True)],
)
def test_a_row_written_twice_in_any_spelling_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, tag: str, positional: bool
) -> None:
    """probe29b t04: <row spans="1:7" r="5"> twice, the second's cells without r: the second was stored."""
    path = rewrite(projects_file(tmp_path), row_4_again(tag, positional))
    assert b">99999<" in zipfile.ZipFile(path).read(SHEET)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "xml_row_twice" and "row 4 is written twice" in str(caught.value)
    assert planned(ctx) == {}


def test_a_sheet_written_canonically_imports(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(projects_file(tmp_path), ImportOptions()).ok
    assert planned(ctx) == ALL


def test_cells_and_rows_without_r_in_odd_spellings_import_by_their_places(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Rows 4 and 5 without r and their cells without r (legal: each the one after the one before),
    row 3's tags in single quotes with r last: nothing written twice, every figure where it belongs."""

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<row r="([45])"', b"<row", xml)
        xml = re.sub(rb' r="[A-Z]+[45]"', b"", xml)
        return re.sub(rb'<c r="([A-Z]+3)"([^>]*)>', rb"<c\2 r='\1'>", xml)

    path = rewrite(projects_file(tmp_path), change)
    assert b' r="C4"' not in zipfile.ZipFile(path).read(SHEET) and b"r='C3'" in zipfile.ZipFile(path).read(SHEET)
    assert service.import_file(path, ImportOptions()).ok
    assert planned(ctx) == ALL


def test_a_styles_part_declared_utf7_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """probe29b x07: expat refuses UTF-7, the struck-through styles were taken as none, python-calamine
    read the file anyway: struck row 5 (鼎湖陶瓷项目) was imported without a question."""
    path = projects_file(tmp_path, struck_row=5)
    path = rewrite(
        path, lambda xml: b'<?xml version="1.0" encoding="UTF-7"?>' + re.sub(rb"^<\?xml[^>]*>", b"", xml), STYLES
    )
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "xml_encoding" and "xl/styles.xml" in str(caught.value) and "UTF-7" in str(caught.value)
    assert planned(ctx) == {}


def test_a_styles_part_expat_cannot_parse_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A tag after styles.xml's root: python-calamine reads on, expat stops — the struck row had been lost."""
    path = projects_file(tmp_path, struck_row=5)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "struck_rows_unanswered"  # the file as written: the question is asked
    path = rewrite(path, lambda xml: xml.replace(b"</styleSheet>", b"</styleSheet><junk>"), STYLES)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "xml_part_unreadable" and "xl/styles.xml" in str(caught.value)
    assert planned(ctx) == {}


def test_a_workbook_part_expat_cannot_parse_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A tag after workbook.xml's root: no sheet was found to scan (hidden rows, struck rows, cells twice)."""
    path = rewrite(projects_file(tmp_path), lambda xml: xml + b"<junk>", "xl/workbook.xml")
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "xml_part_unreadable" and "xl/workbook.xml" in str(caught.value)
    assert planned(ctx) == {}


def test_a_styles_part_of_33_mb_is_refused_before_parsing(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """probe29b x09: 200 MB of fonts took 20 s of CPU. 33 MB (stored, so no inflate ratio says bomb) > 32 MB."""
    path = rewrite(projects_file(tmp_path), lambda xml: xml + b" " * (33 << 20), STYLES, stored=True)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "styles_too_large" and "xl/styles.xml" in str(caught.value)
    assert "33 MB" in str(caught.value) and "32 MB" in str(caught.value) and planned(ctx) == {}


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b""])
def test_a_styles_part_that_is_no_xml_is_called_damaged_in_plain_words(
    service: ImportService, ctx: AppContext, tmp_path: Path, content: bytes
) -> None:
    """probe29b x16, x17: "CalamineError: Cannot detect file format" was the sentence."""
    path = rewrite(projects_file(tmp_path), lambda _xml: content, STYLES)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "damaged" and "Calamine" not in str(caught.value)
    assert "is damaged and cannot be read as a workbook." in str(caught.value) and planned(ctx) == {}
