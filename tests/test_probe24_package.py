"""What the .xlsx pre-scan missed (probe24a): an error cell or a hidden row written without its r
attribute, or with spaces in t = "e"; a relationship Id given twice; a row or a cell written twice; an
_xHHHH_ escape. Each file is an openpyxl workbook whose sheet XML (or rels) is then rewritten with
zipfile, imported through the service, both engines."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

SHEET = "xl/worksheets/sheet1.xml"
RELS = "xl/_rels/workbook.xml.rels"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def projects_file(tmp_path: Path, names: tuple[str, ...] = ("鼎湖包装项目", "鼎湖五金项目", "鼎湖陶瓷项目")) -> Path:
    """Row 1 title, row 2 header, rows 3–5 projects: 总投资（万元） in column C (20000, 15000, 8000)."""
    rows = [[name, "甲公司", amount] for name, amount in zip(names, (20000, 15000, 8000), strict=True)]
    header = ["项目名称", "建设单位", "总投资（万元）"]
    spec = SheetSpec("Sheet1", [["鼎湖区2025年重点项目情况表"], header, *rows])
    return write_workbook(tmp_path / "projects.xlsx", spec)


def rewrite(path: Path, change: Callable[[str], str], part: str = SHEET, extra: dict[str, str] | None = None) -> Path:
    """``path`` with one part's text changed (and parts added), written again entry by entry."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    out = path.with_name("changed_" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info.filename, change(data.decode()).encode() if info.filename == part else data)
        for name, text in (extra or {}).items():
            zf.writestr(name, text)
    return out


def without_refs(xml: str, row: int) -> str:
    """Row ``row``'s cells written without their r attribute (a row's cells follow one another)."""
    return re.sub(rf' r="[A-Z]+{row}"', "", xml)


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


@pytest.mark.parametrize("spelling", ['t="e"', "t = 'e'", 't =\n"e"'])
def test_an_error_cell_without_its_r_is_asked_not_read_as_empty(
    service: ImportService, ctx: AppContext, tmp_path: Path, spelling: str
) -> None:
    """C4 (鼎湖五金项目's 总投资) holds #DIV/0!, in a row whose cells have no r: it was read as
    empty, and the project stored with no planned investment."""

    def change(xml: str) -> str:
        xml = re.sub(r'<c r="C4"[^>]*>.*?</c>', f'<c r="C4" {spelling}><f>1/0</f><v>#DIV/0!</v></c>', xml)
        return without_refs(xml, 4)

    path = rewrite(projects_file(tmp_path), change)
    assert ' r="C4"' not in zipfile.ZipFile(path).read(SHEET).decode()
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "excel_error" and problem.row == 4 and "#DIV/0!" in problem.reason("en")
    assert not result.written and planned(ctx) == {}


def test_an_error_cell_with_spaces_round_its_type_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    error = '<c r="C5" t = "e"><v>#REF!</v></c>'
    path = rewrite(projects_file(tmp_path), lambda xml: re.sub(r'<c r="C5"[^>]*>.*?</c>', error, xml))
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert problem.problem.code == "excel_error" and problem.row == 5 and planned(ctx) == {}


def test_a_hidden_row_without_its_r_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Row 5 (鼎湖陶瓷项目) hidden, its <row> written without r: it was imported without a question."""
    path = rewrite(projects_file(tmp_path), lambda xml: xml.replace('<row r="5">', '<row hidden="1">'))
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "hidden_rows_unanswered" and "(rows 5)" in str(caught.value)
    assert planned(ctx) == {}
    assert service.import_file(path, ImportOptions(hidden_rows="skip")).ok
    assert planned(ctx) == {"鼎湖包装项目": 200_000_000, "鼎湖五金项目": 150_000_000}  # 20000 and 15000 万元


def test_rows_without_r_are_counted_as_excel_counts_them(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Rows 4 and 5 written without r and row 5 hidden: row 5 is the row after row 4, itself the row
    after row 3 — the hidden row is 5, not the first row without r."""

    def change(xml: str) -> str:
        xml = xml.replace('<row r="4">', "<row>").replace('<row r="5">', '<row hidden="true">')
        return without_refs(without_refs(xml, 4), 5)

    path = rewrite(projects_file(tmp_path), change)
    assert service.import_file(path, ImportOptions(hidden_rows="skip")).ok
    assert planned(ctx) == {"鼎湖包装项目": 200_000_000, "鼎湖五金项目": 150_000_000}


def test_a_relationship_id_given_twice_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """rId1 twice in workbook.xml.rels, the second to a clean copy: python-calamine read the copy,
    LibreOffice shows the first."""
    path = projects_file(tmp_path)
    copy = zipfile.ZipFile(path).read(SHEET).decode()

    def change(rels: str) -> str:
        rel = re.search(r'<Relationship [^>]*Id="rId1"[^>]*/>', rels)
        assert rel is not None
        return rels.replace(rel.group(0), rel.group(0) + rel.group(0).replace("sheet1.xml", "sheet9.xml"))

    path = rewrite(path, change, RELS, {"xl/worksheets/sheet9.xml": copy})
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "package_rel_twice" and "xl/_rels/workbook.xml.rels" in str(caught.value)
    assert "“rId1” twice" in str(caught.value) and planned(ctx) == {}


def test_two_sheets_of_one_name_are_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "two.xlsx", SheetSpec("甲", [["项目名称"], ["鼎湖包装项目"]]),
                          SheetSpec("乙", [["项目名称"], ["鼎湖五金项目"]]))  # fmt: skip
    path = rewrite(path, lambda xml: xml.replace('name="乙"', 'name="甲"'), "xl/workbook.xml")
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "package_sheet_twice" and "same name “甲”" in str(caught.value)


def test_a_row_written_twice_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """<row r="4"> twice, the second with 总投资 99999: the second was stored without a word."""

    def change(xml: str) -> str:
        row = re.search(r'<row r="4">.*?</row>', xml)
        assert row is not None
        return xml.replace(row.group(0), row.group(0) + row.group(0).replace(">15000<", ">99999<"))

    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(rewrite(projects_file(tmp_path), change), ImportOptions())
    assert caught.value.code == "xml_row_twice" and "row 4 is written twice" in str(caught.value)
    assert planned(ctx) == {}


def test_a_cell_written_twice_is_refused_when_the_sheet_is_read_with_its_places(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C3 written twice, in a sheet read again with every r written in (row 5 hidden without its r).
    (A sheet whose every mark has its r: tests/test_header_shapes28.py.)"""

    def change(xml: str) -> str:
        xml = re.sub(r'(<row r="3">.*?)</row>', r'\1<c r="C3"><v>99999</v></c></row>', xml, count=1)
        return xml.replace('<row r="5">', '<row hidden="1">')

    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(rewrite(projects_file(tmp_path), change), ImportOptions(hidden_rows="skip"))
    assert caught.value.code == "xml_cell_twice" and "cell C3 is written twice" in str(caught.value)


def test_an_ooxml_escape_is_read_as_excel_shows_it(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """_x9AD8_ is 高 (U+9AD8): Excel shows 高要…, and the literal was stored. _x005F_x0041_ shows _x0041_."""
    path = projects_file(tmp_path, ("_x9AD8_要包装项目", "鼎湖_x005F_x0041_项目", "鼎湖陶瓷项目"))
    assert "_x9AD8_" in zipfile.ZipFile(path).read(SHEET).decode()
    assert service.import_file(path, ImportOptions()).ok
    assert set(planned(ctx)) == {"高要包装项目", "鼎湖_x0041_项目", "鼎湖陶瓷项目"}


@pytest.mark.parametrize(
    ("value", "code", "said"),
    [("12,000", "damaged_value", "“12,000”"), ("0x10", "damaged_value", "“0x10”")],
)
def test_a_number_cell_python_cannot_read_is_refused_in_the_files_words(
    service: ImportService, ctx: AppContext, tmp_path: Path, value: str, code: str, said: str
) -> None:
    """x15 / x18: <v>12,000</v> in a number cell. python-calamine refuses the sheet and openpyxl's fallback raises
    ValueError: the refusal had said "ValueError: invalid literal for int() with base 10"; now the value."""
    path = rewrite(projects_file(tmp_path), lambda xml: re.sub(r"<v>20000</v>", f"<v>{value}</v>", xml, count=1))
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    text = caught.value.message("en")
    assert caught.value.code == code and said in text and "Error" not in text and "int()" not in text
    assert said in caught.value.message("zh") and planned(ctx) == {}


def test_a_shared_string_past_the_table_is_refused_in_the_files_words(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """x14: a text cell's index past the shared strings (IndexError in the fallback reader)."""
    path = projects_file(tmp_path)

    def past(xml: str) -> str:
        return xml.replace('<c r="A4" t="inlineStr"><is><t>鼎湖五金项目</t></is></c>', '<c r="A4" t="s"><v>999</v></c>')

    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(rewrite(path, past), ImportOptions())
    text = caught.value.message("en")
    assert caught.value.code == "damaged_part" and "IndexError" not in text and planned(ctx) == {}


@pytest.mark.parametrize(("record", "version"), [(b"\x09\x00\x04\x00\x02\x00\x10\x00", "2.x"),
                                                 (b"\x09\x04\x06\x00\x00\x00\x00\x01\x00\x00", "4.0")])  # fmt: skip
def test_an_excel_file_from_before_1995_is_named_so(
    service: ImportService, ctx: AppContext, tmp_path: Path, record: bytes, version: str
) -> None:
    """l05: an Excel 2.x / 4.0 worksheet (BIFF2–4, no OLE2 container) had been "not an Excel workbook or a CSV
    file" — it is one, too old: said so, with what to do."""
    path = tmp_path / "old.xls"
    path.write_bytes(record + b"\x42\x00\x02\x00\xa8\x03" + b"\x0a\x00\x00\x00")  # BOF, CODEPAGE, EOF
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "old_excel" and f"Excel {version} file" in caught.value.message("en")
    assert ".xlsx" in caught.value.message("zh") and planned(ctx) == {}


LIST = "项目名称,计划总投资\n鼎湖包装项目,20000\n".encode()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (LIST * 40 + b"\x00" + "鼎湖五金项目,1\n".encode(), "text_nul"),  # one NUL in 40 rows
        ("项目名称,计划总投资\n鼎湖包装项目,20000\n".encode() + "鼎湖五金项目,15000\n".encode("gbk"), "text_encoding"),
        (bytes(range(256)) * 8, "not_workbook"),  # binary throughout: not text at all
    ],
)
def test_a_text_file_no_encoding_reads_says_why(
    service: ImportService, ctx: AppContext, tmp_path: Path, data: bytes, code: str
) -> None:
    """c01 / c05: a CSV with a NUL byte, or UTF-8 with a GBK tail, had been "not an Excel workbook or a CSV
    file", no reason given; it now says which."""
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == code and planned(ctx) == {}
