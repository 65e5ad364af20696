"""Rows hidden in a sheet — filtered out by an AutoFilter or hidden by hand — are never imported
silently: every format says which rows are hidden, and a hidden data row is a question (the CLI
refuses until --hidden-rows import|skip answers it; the answer is remembered with the mapping and
the profile). Hidden title, header and 合计 rows are no question. Real files: openpyxl's, and the
same workbook saved by LibreOffice Calc as .xls and .ods; .xlsb from tests/xlsb_writer.py."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from engines import dump
from hidden_files import (
    HIDDEN_DATA_ROWS,
    HIDDEN_NAMES,
    HIDDEN_RANGES,
    SHEET,
    VISIBLE_NAMES,
    converted,
    filtered_list,
    has_soffice,
    rows,
)
from xlsb_writer import record, write_xlsb

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.io.biff import _sheet_facts
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.ods_package import ods_facts
from zqtracker.io.reader import read_workbook
from zqtracker.io.row_ranges import RangeCollector, RowRanges
from zqtracker.io.xlsb_package import _sheet
from zqtracker.io.xlsx_package import Package, _hidden_rows
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.import_corrections import ImportCorrections

UNANSWERED = (
    "高要区.xlsx: 4 row(s) of sheet “项目清单” are hidden in the sheet (rows 5, 8–10); say --hidden-rows import "
    "to import them or --hidden-rows skip to leave them out."
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def names(ctx: AppContext) -> set[str]:
    return {p.name for p in ctx.projects.all_projects()}


@pytest.fixture(scope="module")
def calc_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The filtered list as .xlsx, and as LibreOffice Calc saves it in .xls and .ods."""
    folder = tmp_path_factory.mktemp("calc")
    src = filtered_list(folder / "高要区.xlsx")
    files = {"xlsx": src}
    if has_soffice():
        for kind in ("xls", "ods"):
            files[kind] = converted(src, kind, folder)
    return files


# -- reading: every format says which rows are hidden ---------------------------------------------
@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods", "xlsb"])
def test_every_format_reads_the_hidden_rows(kind: str, calc_files: dict[str, Path], tmp_path: Path) -> None:
    if kind == "xlsb":
        hidden = tuple(r for a, b in HIDDEN_RANGES for r in range(a, b + 1))
        path = write_xlsb(tmp_path / "高要区.xlsb", SHEET, rows(), hidden_rows=hidden)
    elif kind not in calc_files:
        pytest.skip("LibreOffice (soffice) is not installed")
    else:
        path = calc_files[kind]
    book = read_workbook(path)
    assert book.kind == kind
    sheet = book.sheets[0]
    assert sheet.hidden_rows.ranges == HIDDEN_RANGES
    assert 4 in sheet.hidden_rows and 5 not in sheet.hidden_rows and 9 in sheet.hidden_rows


def test_hidden_rows_through_the_openpyxl_fallback(tmp_path: Path) -> None:
    """A package python-calamine refuses goes through openpyxl: the hidden rows still come from the
    package scan."""
    from test_import_formulas_fallback import sheet_without_relationship

    path = sheet_without_relationship(filtered_list(tmp_path / "src.xlsx"), tmp_path / "高要区.xlsx")
    book = read_workbook(path)
    assert book.engine == "openpyxl" and book.sheets[0].hidden_rows.ranges == HIDDEN_RANGES


def test_csv_has_no_hidden_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("项目名称,计划总投资（万元）\n项目1,100\n", encoding="utf-8")
    assert not read_workbook(path).sheets[0].hidden_rows


def test_a_million_hidden_rows_are_one_range(tmp_path: Path) -> None:
    """Hostile files: one .ods row repeated a million times, a run of .xls ROW records, 200,000
    .xlsx row tags — each a single range, never an entry per row."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    content = (
        f'<?xml version="1.0"?><office:document-content xmlns:office="{office}" xmlns:table="{table}">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        "<table:table-row><table:table-cell/></table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000" table:visibility="filter"><table:table-cell/>'
        "</table:table-row>"
        '<table:table-row table:visibility="collapse"><table:table-cell/></table:table-row>'
        '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
        '<table:table-row table:visibility="collapse"><table:table-cell/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    ods = tmp_path / "h.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("content.xml", content)
    assert ods_facts(str(ods)).hidden_rows == {"S": [(1, 1_000_001), (1_000_005, 1_000_005)]}

    # .xls: a BOF, 60,000 ROW records with fDyZero (0x20 in grbit), one without, an EOF
    row = lambda r, flags: struct.pack("<HH", 0x0208, 16) + struct.pack("<HHHHHHHH", r, 0, 1, 300, 0, 0, flags, 0)  # noqa: E731
    stream = struct.pack("<HHHH", 0x0809, 4, 0x0600, 0x10) + b"".join(row(r, 0x20 | 0x100) for r in range(60_000))
    stream += row(60_000, 0x100) + row(60_001, 0x20) + struct.pack("<HH", 0x000A, 0)
    _cols, _errors, hidden = _sheet_facts(stream, 0)
    assert hidden == [(0, 59_999), (60_001, 60_001)]

    # .xlsx: 200,000 hidden row tags in one block; a self-closing one (no cells) and a shown one are not
    rows_xml = b"".join(
        b'<row r="%d" spans="1:2" hidden="1"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(1, 200_001)
    )
    rows_xml += b'<row r="200001" hidden="1"/><row r="200002"><c r="A200002"><v>1</v></c></row>'
    rows_xml += b'<x:row r="200003" customHeight="1" hidden="true"><x:c r="A200003"/></x:row>'
    found = RangeCollector()
    _hidden_rows(rows_xml, found)
    assert found.ranges() == [(0, 199_999), (200_002, 200_002)]


def test_the_xlsb_row_header_flag() -> None:
    """BrtRowHdr ([MS-XLSB] 2.4.726): fDyZero is bit 4 of its 12th byte; a row without it is shown."""
    data = b"".join(
        record(0, struct.pack("<IIHBBI", r, 0, 300, 0, flags, 0))
        for r, flags in ((0, 0), (1, 0x10), (2, 0x18), (3, 0x08))
    )
    facts = Package()
    _sheet(facts, "S", data)
    assert facts.hidden_rows == {"S": [(1, 2)]}
    assert RowRanges(facts.hidden_rows["S"]) == RowRanges([(2, 2), (1, 1)])


# -- the import: a question, never a silent choice ------------------------------------------------
def test_the_command_line_refuses_unanswered_naming_sheet_rows_and_option(db_url: str, tmp_path: Path) -> None:
    path = filtered_list(tmp_path / "高要区.xlsx")
    run("--db", db_url, "summary")  # creates the database
    before = dump(db_url)
    for dry in (["--dry-run"], []):
        code, out, err = run("--db", db_url, "import", str(path), *dry)
        assert code == ExitCode.REFUSED and out == ""
        assert err.strip() == f"zqtracker: {UNANSWERED}"
    code, _out, err = run("--db", db_url, "--lang", "zh", "import", str(path))
    assert code == ExitCode.REFUSED
    assert "工作表“项目清单”中有 4 行在工作表中已隐藏（第 5, 8–10 行）；请用 --hidden-rows import 导入这些行" in err
    assert dump(db_url) == before


def test_skip_leaves_them_out_and_says_so(db_url: str, ctx: AppContext, tmp_path: Path) -> None:
    path = filtered_list(tmp_path / "高要区.xlsx")
    code, out, _ = run("--db", db_url, "import", str(path), "--hidden-rows", "skip", "--dry-run")
    assert code == ExitCode.OK and "4 added" in out and names(ctx) == set()
    note = "Note: Sheet “项目清单”: 4 row(s) hidden in the sheet were left out, as you chose (rows 5, 8–10)."
    assert note in out.splitlines()
    code, out, _ = run("--db", db_url, "import", str(path), "--hidden-rows", "skip", "--json")
    data = json.loads(out)
    assert code == ExitCode.OK and data["added"] == 4 and names(ctx) == VISIBLE_NAMES
    assert data["hidden_rows"] == [{"sheet": SHEET, "rows": [[5, 5], [8, 10]], "count": 4, "imported": False}]
    assert note.removeprefix("Note: ") in data["notes"]
    # the same answer again: nothing changes
    code, out, _ = run("--db", db_url, "import", str(path), "--hidden-rows", "skip", "--json")
    assert (json.loads(out)["added"], json.loads(out)["unchanged"]) == (0, 4)
    # the other answer: the hidden rows come in, said so
    code, out, _ = run("--db", db_url, "--lang", "zh", "import", str(path), "--hidden-rows", "import")
    assert code == ExitCode.OK and names(ctx) == VISIBLE_NAMES | HIDDEN_NAMES
    assert "工作表“项目清单”：4 行在工作表中已隐藏，按您的选择已导入（第 5, 8–10 行）。" in out


def test_the_service_asks_and_answers(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    path = filtered_list(tmp_path / "高要区.xlsx")
    before = dump(ctx.database)
    with pytest.raises(WorkbookRefused) as refused:
        service.import_file(path, ImportOptions())
    assert refused.value.code == "hidden_rows_unanswered" and str(refused.value) == UNANSWERED
    assert dump(ctx.database) == before
    book, plans = service.read_planned(path, ImportOptions())
    analysis = service.analyse(book, ImportOptions(), plans=plans)
    assert [(sa.name, rows_) for sa, rows_ in analysis.hidden_unanswered] == [(SHEET, HIDDEN_DATA_ROWS)]
    with pytest.raises(WorkbookRefused) as refused:  # writing that analysis directly: the same question
        service.apply(analysis, ImportOptions())
    assert str(refused.value) == UNANSWERED and dump(ctx.database) == before
    result = service.import_file(path, ImportOptions(hidden_rows="skip"))
    assert result.written and result.added == 4 and names(ctx) == VISIBLE_NAMES
    assert "note_hidden_rows_skipped" in {n.code for n in result.notes}
    result = service.import_file(path, ImportOptions(hidden_rows="import"))
    assert result.added == 4 and result.unchanged == 4 and names(ctx) == VISIBLE_NAMES | HIDDEN_NAMES


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_calc_files_through_the_command_line(
    kind: str, calc_files: dict[str, Path], db_url: str, ctx: AppContext
) -> None:
    if kind not in calc_files:
        pytest.skip("LibreOffice (soffice) is not installed")
    path = str(calc_files[kind])
    code, _out, err = run("--db", db_url, "import", path)
    assert code == ExitCode.REFUSED and "are hidden in the sheet (rows 5, 8–10)" in err
    code, out, _ = run("--db", db_url, "import", path, "--hidden-rows", "skip")
    assert code == ExitCode.OK and names(ctx) == VISIBLE_NAMES, out


def test_hidden_title_header_and_total_rows_are_no_question(db_url: str, ctx: AppContext, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(filtered_list(tmp_path / "高要区.xlsx"))
    ws = wb.active
    for r in HIDDEN_DATA_ROWS:
        ws.row_dimensions[r].hidden = False
    ws.row_dimensions[2].hidden = True  # the header too
    wb.save(tmp_path / "高要区.xlsx")
    assert read_workbook(tmp_path / "高要区.xlsx").sheets[0].hidden_rows.ranges == ((0, 1), (10, 10))
    code, out, _ = run("--db", db_url, "import", str(tmp_path / "高要区.xlsx"))
    assert code == ExitCode.OK and "hidden in the sheet" not in out
    assert names(ctx) == VISIBLE_NAMES | HIDDEN_NAMES


def test_the_answer_is_remembered_with_the_mapping_and_the_profile(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    store = MappingStore(tmp_path / "m.json")
    service = ImportService(ctx.database, store)
    path = filtered_list(tmp_path / "高要区.xlsx")
    # the dialog's way: the answer given, the import made, the choices remembered
    choices = ImportCorrections(service, "en")
    book, plans = service.read_planned(path, choices.copy())
    analysis = service.analyse(book, choices.copy(), plans=plans)
    assert not choices.ready(analysis)  # the question waits for its answer
    choices.answer_rows("hidden_rows", "skip", analysis)
    analysis = service.analyse(book, choices.copy())
    assert choices.ready(analysis) and not analysis.hidden_unanswered
    service.apply(analysis, choices.copy())
    choices.remember(analysis)
    assert names(ctx) == VISIBLE_NAMES
    # next month's file with the same headers: not asked again, the same rows left out, stable
    again = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert (again.added, again.unchanged) == (0, 4) and names(ctx) == VISIBLE_NAMES
    assert {"note_remembered", "note_hidden_rows_skipped"} <= {n.code for n in again.notes}
    # the command line's way: a profile keeps the answer
    code, _out, _err = run("--db", db_url, "import", str(path), "--hidden-rows", "import", "--save-profile", "隐藏行",
                           "--dry-run")  # fmt: skip
    assert code == ExitCode.OK
    code, out, _err = run("--db", db_url, "import", str(path), "--profile", "隐藏行", "--json")
    assert code == ExitCode.OK and json.loads(out)["hidden_rows"][0]["imported"] is True
    assert names(ctx) == VISIBLE_NAMES | HIDDEN_NAMES
