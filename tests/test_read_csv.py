"""CSV files read in the reading process (issue 16, item 9): records end only at CR/LF, a quoted
cell keeps its line breaks, numbers reach the parser the .xlsx path uses, the process's limits
hold, NUL bytes and odd encodings are told apart, and Excel's error texts are errors."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_service import dump

from zqtracker.cli.main import main
from zqtracker.io.reader import ExcelError, read_workbook
from zqtracker.io.sniff import DEFAULT_LIMITS

HEADER = "项目编号,项目名称,所属行业,所在区域,项目状态,计划总投资（亿元）,签约时间,备注\r\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_unicode_line_separators_inside_a_field_do_not_split_the_record(tmp_path: Path, separator: str) -> None:
    path = write(tmp_path / "p.csv", HEADER + f"A-1,甲{separator}项目,光伏,端州区,在建,1,2023-01-01,x\r\n")
    rows = read_workbook(path).sheets[0].rows
    assert len(rows) == 2 and rows[1][1] == f"甲{separator}项目" and rows[1][7] == "x"


def test_a_quoted_multi_line_cell_keeps_its_line_breaks(tmp_path: Path, db_path: Path) -> None:
    path = write(tmp_path / "p.csv", HEADER + 'A-1,甲项目,光伏,端州区,在建,1,2023-01-01,"第一行\r\n第二行\n第三行"\r\n')
    rows = read_workbook(path).sheets[0].rows
    assert len(rows) == 2 and rows[1][7] == "第一行\r\n第二行\n第三行"


def test_ambiguous_2023_1_in_a_csv_is_refused_like_the_same_number_in_an_xlsx(tmp_path: Path, db_path: Path) -> None:
    """An .xlsx cell holding the number 2023.1 (typed "2023.1" or "2023.10") is refused as
    ambiguous; a CSV's "2023.1" is what that cell shows, so it is refused alike. A CSV's
    "2023.10" cannot come from a number cell shown plainly: October."""
    csv_path = write(tmp_path / "m.csv", "项目名称,月份,完成投资（万元）\r\n甲项目,2023.1,100\r\n甲项目,2023.10,50\r\n")
    xlsx_path = write_workbook(
        tmp_path / "m.xlsx",
        SheetSpec("m", [["项目名称", "月份", "完成投资（万元）"], ["甲项目", 2023.1, 100], ["甲项目", "2023.10", 50]]),
    )
    outcomes = []
    for path in (csv_path, xlsx_path):
        code, out, _ = run("--db", str(db_path), "import", str(path), "--json", "--dry-run")
        skipped = json.loads(out)["skipped"]
        outcomes.append([(p["row"], p["column"], p["value"], p["error"]) for p in skipped if p["column"] == "B"])
        assert code == 1
    assert outcomes[0] == outcomes[1]
    assert [o[:3] for o in outcomes[0]] == [(2, "B", "2023.1")] and "2023.1" in outcomes[0][0][3]


def test_number_text_becomes_a_number_only_when_a_spreadsheet_shows_it_so(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", "a,b,c,d,e,f,g\r\n12.5,0015,2023.10,45200,1e3,-7,12.50\r\n")
    assert read_workbook(path).sheets[0].rows[1] == [12.5, "0015", "2023.10", 45200.0, "1e3", -7.0, "12.50"]


def test_excel_error_texts_in_a_csv_are_errors_of_their_cells(tmp_path: Path, db_path: Path) -> None:
    path = write(tmp_path / "e.csv", HEADER + "A-1,甲项目,光伏,端州区,在建,#REF!,2023-01-01,x\r\n")
    sheet = read_workbook(path).sheets[0]
    assert type(sheet.rows[1][5]) is ExcelError
    code, out, _ = run("--db", str(db_path), "import", str(path), "--json")
    assert code == 1 and json.loads(out)["skipped"][0]["value"] == "#REF!"
    assert "Excel error" in json.loads(out)["skipped"][0]["error"]


def test_a_nul_after_the_first_64_kb_is_refused_naming_row_and_column(tmp_path: Path, db_path: Path) -> None:
    filler = "".join(f"A-{i},项目{i},光伏,端州区,在建,1,2023-01-01,x\r\n" for i in range(3000))
    assert len(filler.encode()) > 64 * 1024
    path = write(tmp_path / "nul.csv", HEADER + filler + "B-1,坏\x00项目,光伏,端州区,在建,1,2023-01-01,x\r\n")
    run("--db", str(db_path), "summary")
    before = db_path.read_bytes()
    code, _out, err = run("--db", str(db_path), "import", str(path))
    assert code == 2 and "NUL character in row 3002, column B" in err and len(err.strip().splitlines()) == 1
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "gb18030", "gbk", "utf-8-sig", "utf-8"])
def test_the_encodings_spreadsheet_programs_write(tmp_path: Path, encoding: str) -> None:
    text = HEADER + "A-1,肇庆新区储能项目,新型储能,肇庆新区,在建,12.5,2023年3月15日,“备注”\r\n"
    rows = read_workbook(write(tmp_path / "e.csv", text, encoding)).sheets[0].rows
    assert rows[0][1] == "项目名称" and rows[1][1] == "肇庆新区储能项目" and rows[1][7] == "“备注”"


def test_a_gbk_character_after_the_first_64_kb_makes_the_file_gb18030(tmp_path: Path) -> None:
    filler = "".join(f"A-{i},project {i},solar,x,active,1,2023-01-01,x\r\n" for i in range(3000))
    path = write(
        tmp_path / "late.csv", HEADER + filler + "B-1,端州区项目,光伏,端州区,在建,1,2023-01-01,x\r\n", "gb18030"
    )
    assert read_workbook(path).sheets[0].rows[-1][1] == "端州区项目"


def test_99_mb_of_commas_is_refused_within_the_limits(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "commas.csv"
    path.write_bytes(b"a" + b"," * (99 * 1024 * 1024) + b"\r\n")
    started = time.monotonic()
    # Within 1 GB: the reading process's address space bounded so (a larger need is refused as out of memory).
    # (Was: this process's children's peak, which counted whichever child of an earlier test used the most.)
    sheet = read_workbook(path, limits=replace(DEFAULT_LIMITS, memory_bytes=1024**3)).sheets[0]
    assert sheet.error is not None and sheet.error.code == "too_many_cells" and sheet.rows == []
    assert time.monotonic() - started < 20
    run("--db", str(db_path), "summary")
    before = dump(db_path)
    code, _, err = run("--db", str(db_path), "import", str(path))
    assert code == 2 and "commas.csv" in err and dump(db_path) == before


def test_one_long_line_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"x" * (60 * 1024 * 1024) + b"\r\n")
    started = time.monotonic()
    sheet = read_workbook(path).sheets[0]
    assert sheet.error is not None and sheet.error.code == "csv_cell_too_long" and time.monotonic() - started < 20
    assert "in row 1, column A:" in str(sheet.error)  # where it is (probe31b F6)
