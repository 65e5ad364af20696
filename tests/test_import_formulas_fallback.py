"""Formulas never calculated in a file python-calamine cannot read, which goes through openpyxl
(io/workbook_read._read_with_openpyxl): openpyxl reads such a cell as None, an empty amount, and
the import would have gone through with exit 0. The same problem as through python-calamine
(tests/test_import_formulas.py), whichever reader read the file.

Two packages python-calamine refuses and openpyxl reads, both checked here to be so: a
workbook that lists a second sheet without its relationship id (python-calamine refuses the
whole book, "Relationship not found"; openpyxl leaves that sheet out and reads the other), and
a sheet whose target is written "./worksheets/sheet1.xml" (python-calamine opens the book but
not that sheet). In both, the package scan (io/xlsx_package.cell_marks) finds the formulas."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from engines import dump
from formula_files import formula_list

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.io.reader import FormulaWithoutValue, read_workbook
from zqtracker.io.workbook_read import _read_workbook
from zqtracker.io.xlsx_formulas import MAX_FORMULAS, TOO_MANY
from zqtracker.io.xlsx_package import package_facts


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            name, data = change(info.filename, src.read(info.filename))
            out.writestr(name, data)
    return target


def sheet_without_relationship(source: Path, target: Path) -> Path:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "xl/workbook.xml":
            data = data.replace(b"</sheets>", '<sheet name="说明" sheetId="2"/></sheets>'.encode())
            assert "说明".encode() in data
        return name, data

    return _rewrite(source, target, change)


def sheet_target_dotted(source: Path, target: Path) -> Path:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b'Target="/xl/worksheets/sheet1.xml"', b'Target="./worksheets/sheet1.xml"')
            assert b"./worksheets/sheet1.xml" in data
        return name, data

    return _rewrite(source, target, change)


Make = Callable[[Path, Path], Path]
PACKAGES = pytest.mark.parametrize("make", [sheet_without_relationship, sheet_target_dotted], ids=["book", "sheet"])


@PACKAGES
def test_python_calamine_refuses_the_file_and_openpyxl_reads_it_as_empty(make: Make, tmp_path: Path) -> None:
    """What the fix stands on: the file takes the fallback, where the formula reads as None."""
    import python_calamine as pc

    path = make(formula_list(tmp_path / "f.xlsx"), tmp_path / "odd.xlsx")
    with pytest.raises(Exception):  # noqa: B017 (python-calamine's own error types vary by version)
        pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("项目清单").to_python()
    if make is sheet_without_relationship:
        with pytest.raises(Exception):  # noqa: B017
            pc.CalamineWorkbook.from_path(str(path))  # the whole book
    with warnings.catch_warnings():  # openpyxl warns of the sheet without a relationship it leaves out
        warnings.simplefilter("ignore", UserWarning)
        ws = openpyxl.load_workbook(path, read_only=True, data_only=True)["项目清单"]
    assert [row[7] for row in ws.iter_rows(min_row=3, max_row=5, values_only=True)] == [None, None, None]
    book = read_workbook(path)
    assert book.engine == ("openpyxl" if make is sheet_without_relationship else "calamine")
    assert book.sheet_names == ["项目清单"]
    sheet = book.sheets[0]
    assert [sheet.rows[r - 1 - sheet.row_offset][7 - sheet.col_offset] for r in (3, 4, 5)] == [
        "=F3+G3",
        "=F4+G4",
        "=F5+G5",
    ]
    assert all(type(sheet.rows[r - 1 - sheet.row_offset][7]) is FormulaWithoutValue for r in (3, 4, 5))
    assert sheet.rows[6 - 1 - sheet.row_offset][7] == 1200.0  # the typed total stays a number


@PACKAGES
@pytest.mark.parametrize(
    ("lang", "first"),
    [
        (
            "en",
            "sheet “项目清单”, row 3, column H “计划总投资”: =F3+G3 — a formula (=F3+G3) whose value was never "
            "calculated; open the file in Excel or WPS, save it, and import again",
        ),
        (
            "zh",
            "工作表“项目清单”第 3 行，H “计划总投资”列：=F3+G3 — 公式（=F3+G3）的结果从未计算过；"
            "请用 Excel 或 WPS 打开该文件，保存后再导入",
        ),
    ],
)
def test_the_dry_run_names_sheet_row_column_and_formula(
    make: Make, lang: str, first: str, db_url: str, tmp_path: Path
) -> None:
    path = make(formula_list(tmp_path / "高要区项目.xlsx"), tmp_path / "高要区项目（导出）.xlsx")
    run("--db", db_url, "summary")  # creates the database
    before = dump(db_url)
    code, out, _ = run("--db", db_url, "--lang", lang, "import", "--dry-run", str(path))
    assert code == ExitCode.INVALID_INPUT, out
    problems = [line for line in out.splitlines() if line.startswith(("sheet ", "工作表"))]
    assert len(problems) == 3 and problems[0] == first  # rows 3–5; not the 合计 row, not the template rows
    assert [p.split("，")[0] if lang == "zh" else p.split(", column")[0] for p in problems] == [
        f"sheet “项目清单”, row {r}" if lang == "en" else f"工作表“项目清单”第 {r} 行" for r in (3, 4, 5)
    ]
    assert dump(db_url) == before


@PACKAGES
def test_a_sheet_with_more_than_can_be_listed_is_refused_there_too(make: Make, tmp_path: Path) -> None:
    path = make(formula_list(tmp_path / "f.xlsx"), tmp_path / "odd.xlsx")
    package = package_facts(str(path))
    assert package.errors["项目清单"][:1] == [(2, 7, "=F3+G3")]  # the scan saw the sheet
    package.errors = {"项目清单": [(2, 7, "=F3+G3"), TOO_MANY]}
    frames: list[tuple] = []
    _read_workbook(str(path), "xlsx", None, 1_000_000, frames.append, package)
    assert ("sheet_error", "项目清单", "too_many_formulas", {"limit": MAX_FORMULAS}) in frames
    assert not [f for f in frames if f[0] == "rows"]
