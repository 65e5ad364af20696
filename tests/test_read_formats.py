""".xls, .xlsb and .ods read in the reading process like .xlsx, told apart by their bytes: the
same merged ranges, hidden columns, dates, 1904 flag and Excel errors in every RawSheet, and the
same problems in the import.

Files come from real writers: xlwt (.xls) and odfpy (.ods) written here, LibreOffice Calc's .xls,
.ods and .xlsx committed in tests/data (tests/data/make_office_files.py regenerates them), and
the .xlsb files Excel wrote in the POI corpus; no library or LibreOffice writes .xlsb, so what
those lack (hidden columns, merges, errors, 1904) comes from records written by tests/xlsb_writer.py.
"""

from __future__ import annotations

import io
import shutil
import struct
from datetime import date, datetime
from pathlib import Path

import pytest
import xlwt
from import_files import SheetSpec, write_workbook
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CalculationSettings, CoveredTableCell, NullDate, Table, TableCell, TableColumn, TableRow
from odf.text import P
from test_import_service import dump
from xlsb_writer import write_xlsb

from zqtracker.cli.main import main
from zqtracker.io.reader import ExcelError, RawSheet, read_workbook
from zqtracker.io.xlsb_package import _sheet
from zqtracker.io.xlsx_package import Package

DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path("/work/shared/corpus/poi-xlsx")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def cell(sheet: RawSheet, row: int, col: int) -> object:
    """The value at the sheet's own 0-based row and column, wherever the reader started."""
    i, j = row - sheet.row_offset, col - sheet.col_offset
    if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
        return sheet.rows[i][j]
    return ""


# -- files by real writers ---------------------------------------------------------------------------
def xlwt_book(path: Path, *, date1904: bool = False) -> Path:
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = date1904
    ws = wb.add_sheet("项目")
    ws.write_merge(0, 0, 0, 3, "2023年项目清单")
    for c, text in enumerate(["项目名称", "备注", "签约时间", "计划总投资（亿元）"]):
        ws.write(1, c, text)
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write(2, 0, "甲")
    ws.write(2, 1, "内部")
    ws.write(2, 2, datetime(2023, 3, 15), day)
    ws.write(2, 3, 12.5)
    ws.write(3, 0, "乙")
    ws.write(3, 2, 45200)
    ws.row(3).set_cell_error(3, 0x17)  # #REF! (xlwt spells #N/A wrong and maps #VALUE! to #NUM!: codes)
    ws.write(4, 0, "丙")
    ws.row(4).set_cell_error(2, 0x2A)  # #N/A
    ws.write(4, 3, 7)
    ws.col(1).hidden = True
    wb.save(str(path))
    return path


def odf_book(path: Path, *, date1904: bool = False) -> Path:
    doc = OpenDocumentSpreadsheet()
    if date1904:
        settings = CalculationSettings()
        settings.addElement(NullDate(datevalue="1904-01-01"))
        doc.spreadsheet.addElement(settings)
    table = Table(name="项目")
    table.addElement(TableColumn())
    table.addElement(TableColumn(visibility="collapse"))
    table.addElement(TableColumn(numbercolumnsrepeated=2))

    def text(value: str, **kw: object) -> TableCell:
        c = TableCell(valuetype="string", **kw)
        c.addElement(P(text=value))
        return c

    def row(*cells: TableCell) -> TableRow:
        r = TableRow()
        for c in cells:
            r.addElement(c)
        return r

    title = row(text("2023年项目清单", numbercolumnsspanned=4), CoveredTableCell(numbercolumnsrepeated=3))
    header = row(*(text(h) for h in ["项目名称", "备注", "签约时间", "计划总投资（亿元）"]))
    first = row(
        text("甲"),
        text("内部"),
        TableCell(valuetype="date", datevalue="2023-03-15"),
        TableCell(valuetype="float", value=12.5),
    )
    second = row(text("乙"), TableCell(), TableCell(valuetype="float", value=45200), TableCell())
    for r in (title, header, first, second):
        table.addElement(r)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def xlsb_book(path: Path, *, date1904: bool = False) -> Path:
    rows = [
        ["2023年项目清单"],
        ["项目名称", "备注", "签约时间", "计划总投资（亿元）"],
        ["甲", "内部", 45000, 12.5],
        ["乙", None, 45200, None],
    ]
    return write_xlsb(path, "项目", rows, hidden=[1], merges=[(0, 0, 0, 3)], date1904=date1904)


def openpyxl_book(path: Path, *, date1904: bool = False) -> Path:
    rows = [
        ["2023年项目清单"],
        ["项目名称", "备注", "签约时间", "计划总投资（亿元）"],
        ["甲", "内部", date(2023, 3, 15), 12.5],
        ["乙", None, 45200, None],
    ]
    return write_workbook(path, SheetSpec("项目", rows, merges=["A1:D1"], hidden=["B"]), date1904=date1904)


@pytest.mark.parametrize("make", [openpyxl_book, xlwt_book, odf_book, xlsb_book], ids=["xlsx", "xls", "ods", "xlsb"])
def test_every_format_gives_the_same_raw_sheet(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    book = read_workbook(make(tmp_path / "book.bin"))  # the name says nothing: the bytes do
    kinds = {"openpyxl_book": "xlsx", "xlwt_book": "xls", "odf_book": "ods", "xlsb_book": "xlsb"}
    assert book.kind == kinds[make.__name__]
    (sheet,) = book.sheets
    assert (0, 0, 0, 3) in sheet.merged
    assert sheet.hidden_cols == frozenset({1})
    assert cell(sheet, 0, 0) == "2023年项目清单" and cell(sheet, 1, 3) == "计划总投资（亿元）"
    if make is not xlsb_book:  # its writer has no styles part: the date is its serial number
        assert cell(sheet, 2, 2) == (date(2023, 3, 15).toordinal(),)  # a date, as dates travel
    assert cell(sheet, 2, 3) == 12.5 and type(cell(sheet, 3, 2)) is float  # numbers are floats, .xls too
    assert book.date1904 is False


@pytest.mark.parametrize("make", [openpyxl_book, xlwt_book, odf_book, xlsb_book], ids=["xlsx", "xls", "ods", "xlsb"])
def test_the_1904_date_system_is_seen_in_every_format(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    book = read_workbook(make(tmp_path / "book.bin", date1904=True))
    assert book.date1904 is True
    if make is not xlsb_book:
        assert cell(book.sheets[0], 2, 2) == (date(2023, 3, 15).toordinal(),)


def test_xlsb_error_cells_are_excel_errors(tmp_path: Path) -> None:
    rows = [["项目名称", "计划总投资（亿元）", "签约时间"], ["甲", "#REF!", 45000], ["乙", 3.5, "#N/A"]]
    sheet = read_workbook(write_xlsb(tmp_path / "e.xlsb", "S", rows)).sheets[0]
    assert cell(sheet, 1, 1) == "#REF!" and type(cell(sheet, 1, 1)) is ExcelError
    assert cell(sheet, 2, 2) == "#N/A" and type(cell(sheet, 2, 2)) is ExcelError
    assert cell(sheet, 2, 1) == 3.5


def test_xls_error_cells_are_excel_errors_not_blanks(tmp_path: Path) -> None:
    sheet = read_workbook(xlwt_book(tmp_path / "e.xls")).sheets[0]
    assert cell(sheet, 3, 3) == "#REF!" and type(cell(sheet, 3, 3)) is ExcelError
    assert cell(sheet, 4, 2) == "#N/A" and type(cell(sheet, 4, 2)) is ExcelError
    assert type(cell(sheet, 3, 1)) is str  # a blank stays a blank


@pytest.mark.parametrize("suffix", ["xls", "ods", "xlsx"])
def test_calc_files_give_every_error_as_a_problem_of_its_cell(db_path: Path, tmp_path: Path, suffix: str) -> None:
    src = DATA / f"calc_district.{suffix}"
    path = shutil.copy(src, tmp_path / f"district.{suffix}")
    run("--db", str(db_path), "summary")
    before = dump(db_path)
    code, out, _ = run("--db", str(db_path), "import", str(path))
    assert code == 1 and dump(db_path) == before
    lines = [ln for ln in out.splitlines() if "Excel error" in ln]
    assert lines == [
        "sheet “项目清单”, row 4, column G “计划总投资（亿元）”: #DIV/0! — #DIV/0! is an Excel error (a formula that "
        "failed in the spreadsheet); correct the cell and import again",
        "sheet “项目清单”, row 5, column H “签约时间”: #N/A — #N/A is an Excel error (a formula that failed in the "
        "spreadsheet); correct the cell and import again",
        "sheet “项目清单”, row 6, column G “计划总投资（亿元）”: #VALUE! — #VALUE! is an Excel error (a formula that "
        "failed in the spreadsheet); correct the cell and import again",
        "sheet “项目清单”, row 7, column G “计划总投资（亿元）”: #REF! — #REF! is an Excel error (a formula that "
        "failed in the spreadsheet); correct the cell and import again",
    ]
    assert "hidden column I “备注” was not imported" in out
    code, out, _ = run("--db", str(db_path), "--lang", "zh", "import", str(path))
    assert "#REF! 是 Excel 错误值" in out
    code, out, _ = run("--db", str(db_path), "import", str(path), "--skip-invalid", "--json")
    assert code == 0
    code, out, _ = run("--db", str(db_path), "list", "--json")
    assert "LO-001" in out and "LO-005" not in out  # the rows with errors were not imported as blanks


def test_calc_files_read_alike(tmp_path: Path) -> None:
    sheets = {s: read_workbook(DATA / f"calc_district.{s}").sheets[0] for s in ("xls", "ods", "xlsx")}
    for suffix, sheet in sheets.items():
        assert (0, 0, 0, 8) in sheet.merged, suffix
        assert sheet.hidden_cols == frozenset({8}), suffix
        assert cell(sheet, 2, 7) == (date(2023, 3, 15).toordinal(),), suffix
        assert [cell(sheet, r, 6) for r in range(2, 7)] == [12.5, "#DIV/0!", 1.2, "#VALUE!", "#REF!"], suffix
        assert {type(cell(sheet, r, 6)) for r in (3, 5, 6)} == {ExcelError}, suffix


def test_xlsb_written_by_excel_is_read(tmp_path: Path) -> None:
    path = shutil.copy(CORPUS / "sample.xlsb.renamed.xlsx", tmp_path / "sample.xlsx")
    book = read_workbook(path)
    assert book.kind == "xlsb" and [s.name for s in book.sheets] == ["Sheet1", "rich test", "Sheet3"]
    assert book.sheets[0].rows[0] == ["Lorem", 111.0]


def _record(rtype: int, payload: bytes) -> bytes:
    head = bytes([rtype]) if rtype < 128 else bytes([(rtype & 0x7F) | 0x80, rtype >> 7])
    size, out = len(payload), b""
    while True:
        out += bytes([(size & 0x7F) | (0x80 if size > 0x7F else 0)])
        size >>= 7
        if not size:
            break
    return head + out + payload


def test_xlsb_records_give_errors_hidden_columns_and_merges() -> None:
    """[MS-XLSB] records as Excel writes them: BrtColInfo (60), BrtRowHdr (0), BrtCellError (3),
    BrtFmlaError (11), BrtMergeCell (176); python-calamine gives none of these."""
    data = b"".join(
        [
            _record(60, struct.pack("<IIIIH", 2, 3, 0, 0, 1)),  # columns C:D hidden
            _record(0, struct.pack("<I", 4) + b"\0" * 8),
            _record(3, struct.pack("<II", 1, 0) + bytes([0x17])),  # B5 #REF!
            _record(11, struct.pack("<II", 5, 0) + bytes([0x2A]) + b"\0" * 6),  # F5 =NA()
            _record(176, struct.pack("<IIII", 0, 0, 0, 4)),
        ]
    )
    facts = Package()
    _sheet(facts, "S", data)
    assert facts.hidden["S"] == [(2, 3)]
    assert facts.errors["S"] == [(4, 1, "#REF!"), (4, 5, "#N/A")]
    assert facts.merged["S"] == [(0, 0, 0, 4)]


# -- told by the bytes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["report.xlsx", "report.csv", "report", "report.ods"])
def test_an_xls_under_any_name_is_read_as_xls(tmp_path: Path, name: str) -> None:
    path = shutil.copy(DATA / "calc_district.xls", tmp_path / name)
    book = read_workbook(path)
    assert book.kind == "xls" and book.sheets[0].name == "项目清单"


def test_the_real_legacy_xls_is_read(tmp_path: Path, db_path: Path) -> None:
    path = Path("/work/shared/corpus/real-lists/cn_nanping_2010_key_project_monthly_report.xls")
    if not path.exists():
        pytest.skip("corpus not available")
    book = read_workbook(path)
    assert book.kind == "xls" and book.sheet_names == ["分级管理", "分级管理（在建）", "分行业", "分行业（在建）"]
    names = [cell(book.sheets[0], r, 1) for r in range(9, 11)]
    assert names == ["武夷山至邵武高速公路", "顺昌环城路建设工程"]
    code, _out, err = run("--db", str(db_path), "import", str(path), "--dry-run", "--unit", "wan")
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_the_import_dialog_previews_a_calc_file_with_its_errors(
    qtbot, ctx, tmp_path: Path, artifacts: Path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.import_dialog import ImportDialog

    path = shutil.copy(DATA / f"calc_district.{suffix}", tmp_path / f"高要区10月.{suffix}")
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang="en")
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    problems = [
        [dialog.problem_list.tree.topLevelItem(i).text(c) for c in range(5)]
        for i in range(dialog.problem_list.tree.topLevelItemCount())
    ]
    errors = [p for p in problems if "Excel error" in p[4]]
    assert [(p[1], p[2], p[3]) for p in errors] == [
        ("4", "G", "#DIV/0!"),
        ("5", "H", "#N/A"),
        ("6", "G", "#VALUE!"),
        ("7", "G", "#REF!"),
    ]
    assert dialog.preview.model.rowCount() >= 7
    dialog.grab().save(str(artifacts / f"import_dialog_calc_{suffix}.png"))


def test_xls_formulas_written_without_their_values_are_refused_by_cell(db_path: Path, tmp_path: Path) -> None:
    """计划总投资 = 用地 × 300 as formulas xlwt writes with an empty value (Apache POI writes 0): the
    amounts had been stored as nothing, or 0 yuan, exit 0 (probe20b). Each is a formula never calculated."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for j, text in enumerate(["序号", "项目名称", "用地（亩）", "单价（万元/亩）", "计划总投资（万元）"]):
        ws.write(0, j, text)
    for i, (name, land) in enumerate([("正邦建材项目", 353), ("鼎湖食品项目", 120), ("星湖电子项目", 80)], start=1):
        ws.write(i, 0, i)
        ws.write(i, 1, name)
        ws.write(i, 2, land)
        ws.write(i, 3, 300)
        ws.write(i, 4, xlwt.Formula(f"C{i + 1}*D{i + 1}"))
    wb.save(str(tmp_path / "f.xls"))
    code, out, err = run("--db", str(db_path), "import", str(tmp_path / "f.xls"), "--unit", "wan")
    assert code != 0 and "never calculated" in out + err and "rows 2–4" in out + err


def test_an_xls_date_shown_as_a_year_and_month_is_of_that_month(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """签约时间 2024-03-15 formatted yyyy"年"m"月" in an .xls: March 2024, month precision, as in an .xlsx
    (probe20b: stored as the 15th)."""
    from datetime import date

    from zqtracker.services.import_mappings import MappingStore
    from zqtracker.services.importing import ImportOptions, ImportService

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    month, day = xlwt.easyxf(num_format_str='yyyy"年"m"月"'), xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for j, text in enumerate(["项目名称", "投资主体", "计划总投资（万元）", "签约时间"]):
        ws.write(0, j, text)
    for i, (name, when, style) in enumerate(
        [("端州甲项目", date(2024, 3, 15), month), ("端州乙项目", date(2024, 5, 6), day)]
    ):
        ws.write(i + 1, 0, name)
        ws.write(i + 1, 1, f"企业{i}有限公司")
        ws.write(i + 1, 2, 1000)
        ws.write(i + 1, 3, when, style)
    wb.save(str(tmp_path / "m.xls"))
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    assert service.import_file(tmp_path / "m.xls", ImportOptions()).ok
    got = {p.name: (p.signed_on, p.signed_on_precision) for p in ctx.projects.all_projects()}
    assert got == {"端州甲项目": (date(2024, 3, 1), "month"), "端州乙项目": (date(2024, 5, 6), "day")}
