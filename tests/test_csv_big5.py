"""A CSV saved in Big5 (traditional Chinese Windows) was read as GB18030 mojibake and refused with "no
known column headers" (probe 36): now it is read as Big5 when its GB18030 reading has no header the
import knows and its Big5 reading has one, and the import says so. The same list saved as GB18030 reads
as before. Amounts in 亿元, the totals worked out by hand; the CLI's main() on both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from zqtracker.cli.main import main
from zqtracker.io.reader import read_workbook

TEXT = (
    "肇慶市2025年重點項目清單\r\n"
    "序號,項目名稱,所在區域,總投資（億元）,項目狀態\r\n"
    "1,肇慶電子項目,端州區,12.5,在建\r\n"
    "2,四會產業園項目,四會市,3.2,已簽約\r\n"
    "3,高要港資電子廠項目,高要區,0.75,籌建\r\n"
)
TOTAL = 1_645_000_000  # 12.5 + 3.2 + 0.75 = 16.45 亿元


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def stored(db: str) -> dict[str, int]:
    code, out, err = run("--db", db, "list", "--json")
    assert code == 0, err
    return {p["name"]: p["planned_investment_yuan"] for p in json.loads(out)["projects"]}


def test_a_big5_csv_is_read_as_big5_and_said(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "big5.csv"
    path.write_bytes(TEXT.encode("big5"))
    code, out, err = run("--db", db_url, "import", str(path), "--dry-run")
    assert code == 0, out + err
    assert "big5.csv is not UTF-8 text" in out and "so it was read as Big5" in out
    code, out, err = run("--db", db_url, "--lang", "zh", "import", str(path), "--json")
    assert code == 0 and json.loads(out)["added"] == 3, out + err
    assert any("已按 Big5 读取" in n for n in json.loads(out)["notes"])
    projects = stored(db_url)
    assert projects["肇庆电子项目"] == 1_250_000_000 and sum(projects.values()) == TOTAL
    # the same list saved as GB18030 reads as before: the same projects and total, no word of Big5
    again = tmp_path / "gb.csv"
    again.write_bytes(TEXT.encode("gb18030"))
    code, out, err = run("--db", db_url, "import", str(again), "--dry-run")
    assert code == 0 and "Big5" not in out and "3 unchanged" in out, out + err


def test_windows_big5_beyond_python_big5_and_past_the_first_64_kb(tmp_path: Path) -> None:
    """The euro sign is in Windows' Big5 (cp950), not in Python's strict "big5"; the rows past the
    sample the header is looked for in are read in the same encoding."""
    rows = "".join(f"{k},項目{k},端州區,1,在建\r\n" for k in range(4, 6004))
    path = tmp_path / "cp950.csv"
    path.write_bytes((TEXT + rows + "6004,歐元€項目,端州區,2,在建\r\n").encode("cp950"))
    book = read_workbook(path)
    sheet = book.sheets[0]
    assert book.read_as == "Big5" and sheet.rows[2][1] == "肇庆电子项目"
    assert sheet.rows[-1][1] == "欧元€项目" and round(sum(r[3] for r in sheet.rows[2:]), 2) == 6018.45
