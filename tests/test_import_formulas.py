"""Formulas whose value was never calculated (openpyxl, web exporters, report generators write the
formula alone): python-calamine reads them as empty, and an amount would be silently lost. Each
is a problem of its row — unless its column is not imported, its row is a total, or its row holds
nothing but such formulas (a template's rows filled down ahead of their data). Files are written
here by openpyxl, or by LibreOffice Calc (committed in tests/data, made by
tests/data/make_office_files.py, and made again here when soffice is installed)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from engines import dump
from formula_files import PROJECTS, YUAN, formula_list

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import ExcelError, FormulaWithoutValue, RawSheet, read_workbook
from zqtracker.io.workbook_read import _read_workbook
from zqtracker.io.xlsx_formulas import MAX_FORMULAS, TOO_MANY, Uncalculated
from zqtracker.io.xlsx_package import package_facts, recalc_on_load
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

DATA = Path(__file__).resolve().parent / "data"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def cell(sheet: RawSheet, row: int, col: int) -> object:
    """The value at the sheet's own 1-based row and 0-based column, wherever the reader started."""
    i, j = row - 1 - sheet.row_offset, col - sheet.col_offset
    if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
        return sheet.rows[i][j]
    return ""


def test_the_reader_marks_formulas_without_values(tmp_path: Path) -> None:
    sheet = read_workbook(formula_list(tmp_path / "f.xlsx")).sheets[0]
    for r in (3, 4, 5):
        for col, formula in ((7, f"=F{r}+G{r}"), (8, f"=F{r}-G{r}")):  # H imported, I not: both marked
            assert cell(sheet, r, col) == formula and type(cell(sheet, r, col)) is FormulaWithoutValue
    assert cell(sheet, 6, 7) == 1200.0  # typed
    assert [cell(sheet, 7, c) for c in (5, 6, 7)] == ["=SUM(F3:F6)", "=SUM(G3:G6)", "=SUM(H3:H6)"]  # the 合计 row
    for r in (8, 9):  # formulas alone: the row stays blank
        assert [cell(sheet, r, c) for c in (7, 8)] == ["", ""] and type(cell(sheet, r, 7)) is str


def test_each_is_a_problem_of_its_row_and_nothing_is_written(db_url: str, tmp_path: Path) -> None:
    path = formula_list(tmp_path / "高要区项目.xlsx")
    run("--db", db_url, "summary")  # creates the database
    before = dump(db_url)
    code, out, _ = run("--db", db_url, "import", str(path))
    assert code == ExitCode.INVALID_INPUT and dump(db_url) == before
    problems = [line for line in out.splitlines() if line.startswith("sheet ")]
    assert problems == [
        f"sheet “项目清单”, row {r}, column H “计划总投资”: =F{r}+G{r} — a formula (=F{r}+G{r}) whose value was never "
        "calculated; open the file in Excel or WPS, save it, and import again"
        for r in (3, 4, 5)
    ]  # not column I (not imported), not the 合计 row 7, not the template rows 8–9
    assert "3 problem(s); nothing was written." in out
    code, out, _ = run("--db", db_url, "--lang", "zh", "import", str(path))
    assert code == ExitCode.INVALID_INPUT and dump(db_url) == before
    problems = [line for line in out.splitlines() if line.startswith("工作表")]
    assert problems[0] == (
        "工作表“项目清单”第 3 行，H “计划总投资”列：=F3+G3 — 公式（=F3+G3）的结果从未计算过；"
        "请用 Excel 或 WPS 打开该文件，保存后再导入"
    )
    assert len([p for p in problems if "从未计算" in p]) == 3 and "未写入任何数据" in out
    code, out, _ = run("--db", db_url, "import", str(path), "--json")
    assert code == ExitCode.INVALID_INPUT and dump(db_url) == before
    assert json.loads(out)["skipped"][0] == {
        "sheet": "项目清单",
        "row": 3,
        "column": "H",
        "value": "=F3+G3",
        "error": "a formula (=F3+G3) whose value was never calculated; open the file in Excel or WPS, save it, and "
        "import again",
    }
    code, out, _ = run("--db", db_url, "import", str(path), "--skip-invalid", "--json")
    data = json.loads(out)
    assert code == ExitCode.OK and data["added"] == 1 and len(data["skipped"]) == 3
    code, out, _ = run("--db", db_url, "list", "--json")
    listed = {p["code"]: p["planned_investment_yuan"] for p in json.loads(out)["projects"]}
    assert listed == {"FM-004": 12_000_000}  # the rows with a formula were not imported without their amount


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.code: p.planned_investment for p in ctx.projects.all_projects()}


def test_the_service_refuses_them_in_both_languages(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    before = dump(ctx.database)
    result = service.import_file(formula_list(tmp_path / "f.xlsx"), ImportOptions(lang="zh"))
    assert not result.ok and dump(ctx.database) == before
    found = [(p.row, p.column, p.value, p.problem.code) for p in result.problems]
    assert found == [(r, "H", f"=F{r}+G{r}", "formula_not_calculated") for r in (3, 4, 5)]
    zh = "公式（=F3+G3）的结果从未计算过；请用 Excel 或 WPS 打开该文件，保存后再导入"
    assert result.problems[0].reason("zh") == zh


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_the_copy_calc_calculated_and_saved_imports_cleanly(
    service: ImportService, ctx: AppContext, tmp_path: Path, suffix: str
) -> None:
    """What the message asks for: the list opened and saved in a spreadsheet program (Calc here)."""
    path = shutil.copy(DATA / f"calc_formulas.{suffix}", tmp_path / f"f.{suffix}")
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.problems == [] and result.added == 4
    assert planned(ctx) == YUAN
    assert "note_totals" in {n.code for n in result.notes}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_calculates_and_an_empty_text_result_is_a_value(tmp_path: Path) -> None:
    """Calc, saving now: the amounts come back with values, and a formula whose result is ""
    is written t="str" with <v></v> — a value (empty), not a formula never calculated."""
    src = formula_list(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(src)
    wb.active["J2"], wb.active["J3"] = "备注", '=IF(H3>0,"","待定")'
    wb.save(src)
    out = tmp_path / "calc"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
         "--outdir", str(out), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    saved = out / "f.xlsx"
    with zipfile.ZipFile(saved) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="J3" s="0" t="str"><f aca="false">IF(H3&gt;0,&quot;&quot;,&quot;待定&quot;)</f><v></v></c>' in xml
    sheet = read_workbook(saved).sheets[0]
    assert [cell(sheet, r, 7) for r in (3, 4, 5, 6)] == [1500.0, 3000.0, 500.0, 1200.0]
    assert cell(sheet, 3, 9) == "" and type(cell(sheet, 3, 9)) is str
    db = tmp_path / "t.sqlite"
    code, text, _ = run("--db", str(db), "import", str(saved))
    assert code == ExitCode.OK and "4 added" in text, text


# -- the XML as other writers spell it ------------------------------------------------------------------
def marks(xml: str, *, zero_unsure: bool = False) -> list[tuple[int, int, str]]:
    scan = Uncalculated(zero_unsure=zero_unsure)
    scan.scan(xml.encode())
    if scan.pending:
        scan.name_shared([xml.encode()])
    return scan.found


def test_what_counts_as_never_calculated() -> None:
    assert marks('<c r="B3"><f>D3+E3</f></c>') == [(2, 1, "=D3+E3")]  # no <v>
    assert marks('<c r="B3"><f>D3+E3</f><v/></c><c r="C3"><f>1</f><v></v></c>') == [(2, 1, "=D3+E3"), (2, 2, "=1")]
    assert marks('<c r="B3" t="str"><f>A3&amp;"x"</f></c>') == [(2, 1, '=A3&"x"')]  # a string type, no <v>
    assert marks('<c r="B3" s="1"><f>SUM(B1:B2)</f>\n  <v />\n</c>') == [(2, 1, "=SUM(B1:B2)")]
    # calculated: a value, or an empty string result (t="str" and <v></v>, as Excel and Calc write it)
    assert marks('<c r="B3"><f>D3+E3</f><v>1500</v></c><c r="C3"><f>0</f><v>0</v></c>') == []
    assert marks('<c r="B3" t="str"><f>IF(1,"","x")</f><v></v></c><c r="C3" t="str"><f>""</f><v/></c>') == []
    assert marks('<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>') == []  # an error: io/xlsx_package finds it
    assert marks("<c><f>D3+E3</f></c>") == []  # no r: cannot be placed (read as empty, like an error cell)


def test_namespaced_and_shared_formulas() -> None:
    xml = (
        '<x:row r="3"><x:c r="F3"><x:f>D3+E3</x:f><x:v/></x:c></x:row>'
        '<x:row r="4"><x:c r="F4" t="n"><x:f>D4+E4</x:f><x:v>5</x:v></x:c></x:row>'
    )
    assert marks(xml) == [(2, 5, "=D3+E3")]
    shared = (
        '<c r="F3"><f t="shared" ref="F3:F6" si="0">D3+$E$3</f><v>1500</v></c>'
        '<c r="F4"><f t="shared" si="0"/><v>3000</v></c>'
        '<c r="F5"><f t="shared" si="0"/></c>'
        '<c r="F6"><f t="shared" si="0"/><v/></c>'
        '<c r="G6"><f t="shared" si="7"/></c>'  # its master is nowhere: a formula without its text
    )
    assert marks(shared) == [(4, 5, "=D5+$E$3"), (5, 5, "=D6+$E$3"), (5, 6, "=")]


def patched(tmp_path: Path, cells: dict[str, str]) -> Path:
    """An openpyxl workbook with some cells' XML replaced by what other writers put there."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["项目名称", "计划总投资（万元）", "签约时间"])
    ws.append(["甲项目", 100, None])
    ws.append(["乙项目", 200, None])
    ws.append(["丙项目", 300, None])
    wb.save(tmp_path / "src.xlsx")
    out = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(tmp_path / "src.xlsx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, xml in cells.items():
                    old = f'<c r="{ref}" t="n"><v>{ {"B2": 100, "B3": 200, "B4": 300}[ref] }</v></c>'
                    assert old in text, text
                    text = text.replace(old, xml)
                data = text.encode()
            zout.writestr(item, data)
    return out


def test_shared_copies_reach_their_cells_with_their_own_text(tmp_path: Path, db_path: Path) -> None:
    path = patched(
        tmp_path,
        {
            "B2": '<c r="B2"><f t="shared" ref="B2:B4" si="0">ROW()*100</f><v>200</v></c>',
            "B3": '<c r="B3"><f t="shared" si="0"/></c>',
            "B4": '<c r="B4"><f>1/0</f><v/></c><c r="C4" t="e"><f>NA()</f><v>#N/A</v></c>',
        },
    )
    sheet = read_workbook(path).sheets[0]
    assert cell(sheet, 2, 1) == 200.0
    assert cell(sheet, 3, 1) == "=ROW()*100" and type(cell(sheet, 3, 1)) is FormulaWithoutValue
    assert cell(sheet, 4, 1) == "=1/0" and type(cell(sheet, 4, 1)) is FormulaWithoutValue
    assert cell(sheet, 4, 2) == "#N/A" and type(cell(sheet, 4, 2)) is ExcelError  # errors as before
    code, out, _ = run("--db", str(db_path), "import", str(path))
    assert code == ExitCode.INVALID_INPUT
    assert "sheet “项目”, row 3, column B “计划总投资（万元）”: =ROW()*100 — a formula (=ROW()*100) whose" in out


@pytest.mark.engine("sqlite")  # a widget test: one engine is enough
@pytest.mark.parametrize(("lang", "words"), [("en", "whose value was never calculated"), ("zh", "的结果从未计算过")])
def test_the_import_dialog_lists_them(qtbot, ctx, tmp_path: Path, artifacts: Path, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.import_dialog import ImportDialog

    path = formula_list(tmp_path / "高要区项目.xlsx")
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang=lang)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    tree = dialog.problem_list.tree
    problems = [[tree.topLevelItem(i).text(c) for c in range(5)] for i in range(tree.topLevelItemCount())]
    assert [(p[1], p[2], p[3]) for p in problems] == [("3", "H", "=F3+G3"), ("4", "H", "=F4+G4"), ("5", "H", "=F5+G5")]
    assert all(words in p[4] for p in problems)
    table = dialog.preview.table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())  # column H in sight
    dialog.grab().save(str(artifacts / f"import_dialog_formulas_{lang}.png"))


def test_a_sheet_with_more_than_can_be_listed_is_refused(tmp_path: Path) -> None:
    """Past the limit a formula would be read as empty again: the sheet is refused instead."""
    scan = Uncalculated(limit=2)
    scan.scan(b'<c r="B3"><f>1</f></c><c r="B4"><f>2</f></c><c r="B5"><f>3</f></c>')
    scan.scan(b'<c r="B6"><f>4</f></c>')
    assert scan.found == [(2, 1, "=1"), (3, 1, "=2"), TOO_MANY]
    path = formula_list(tmp_path / "f.xlsx")
    package = package_facts(str(path))
    package.errors = {"项目清单": [(2, 7, "=F3+G3"), TOO_MANY]}
    frames: list[tuple] = []
    _read_workbook(str(path), "xlsx", None, 1_000_000, frames.append, package)
    assert ("sheet_error", "项目清单", "too_many_formulas", {"limit": MAX_FORMULAS}) in frames
    assert not [f for f in frames if f[0] == "rows"]
    refused = WorkbookRefused("too_many_formulas", "f.xlsx", sheet="项目清单", limit=MAX_FORMULAS)
    assert refused.message("en") == (
        "Sheet “项目清单” of f.xlsx holds more than 1000000 formulas whose values were never calculated; open the "
        "file in Excel or WPS, save it, and import again."
    )
    assert "从未计算过结果的公式" in refused.message("zh")


def test_a_zero_is_a_placeholder_where_the_workbook_asks_to_be_calculated(tmp_path: Path, db_path: Path) -> None:
    """XlsxWriter (and pandas' to_excel through it) stores 0 as the value of every formula it is not
    given one for, and asks for a full calculation on opening; Excel and LibreOffice never ask."""
    import xlsxwriter

    path = tmp_path / "xw.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("项目清单")
    ws.write_row(0, 0, ["项目编号", "项目名称", "所属行业", "所在区域", "设备投资", "土建投资", "计划总投资（万元）"])
    for r, (code, name, sector, equipment, building) in enumerate(PROJECTS, start=1):
        ws.write_row(r, 0, [code, name, sector, "高要区", equipment, building])
        ws.write_formula(r, 6, f"=E{r + 1}+F{r + 1}")  # no value given: XlsxWriter writes <v>0</v>
    ws.write_row(4, 0, ["FM-004", "光伏组件项目", "新能源", "高要区", 800, 400])
    ws.write_formula(4, 6, "=E5+F5", None, 1200)  # the value given: a value
    ws.write_formula(5, 6, "=E6+F6")  # a template's row, the formula alone: stays as it reads
    wb.close()
    with zipfile.ZipFile(path) as zf:
        assert recalc_on_load(zf)
    with zipfile.ZipFile(formula_list(tmp_path / "o.xlsx")) as zf:
        assert recalc_on_load(zf)  # openpyxl asks too (it has no values at all)
    with zipfile.ZipFile(DATA / "calc_formulas.xlsx") as zf:
        assert not recalc_on_load(zf)  # LibreOffice calculated, and says nothing
    sheet = read_workbook(path).sheets[0]
    assert [cell(sheet, r, 6) for r in (2, 3, 4)] == ["=E2+F2", "=E3+F3", "=E4+F4"]
    assert cell(sheet, 5, 6) == 1200.0 and cell(sheet, 6, 6) == 0.0
    code, out, _ = run("--db", str(db_path), "import", str(path))
    assert code == ExitCode.INVALID_INPUT and out.count("whose value was never calculated") == 3
    assert "row 4, column G “计划总投资（万元）”: =E4+F4 — a formula (=E4+F4) whose value" in out


def test_placeholder_zeros_only_where_the_workbook_says_so() -> None:
    xml = (
        '<c r="B3"><f>D3+E3</f><v>0</v></c><c r="C3"><f>D3*2</f><v>0.5</v></c>'
        '<c r="D3" t="str"><f>"0"</f><v>0</v></c><c r="E3" t="b"><f>1=2</f><v>0</v></c>'
        '<c r="F3" t="n"><f>SUM(A3:A4)</f><v>0</v></c>'
    )
    assert marks(xml) == []
    assert marks(xml, zero_unsure=True) == [(2, 1, "=D3+E3"), (2, 5, "=SUM(A3:A4)")]
