"""A sheet the reader refuses (here a cell of 50,000 characters, more than Excel allows) beside others
(probe36b F3): `round collect` said "internal error: IndexError" (exit 3) of a return whose progress
cell was that long, and `import` left such a sheet out at exit 0 saying only "could not be read" — the
projects on it missing from a list imported as if whole. Now the sheet's own refusal is said: round
collect refuses with it (exit 2); the import refuses with it when the sheet is one it would have taken
unnamed (exit 2, --sheet to import the others), and gives it as the note for a sheet of instructions.
Real .xlsx files (openpyxl, the long cell written inline as zqtracker's own round workbooks write
text), on both engines through the command line."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
from round_returns import H_PROGRESS, Sheet, sql

from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService

MARK = 987654321  # a number cell, replaced by the long text
HEAD = ["项目名称", "所在区域", "计划总投资（万元）", "项目状态", "备注"]


def run(db: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", db, *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def overlong(path: Path, chars: int = 50_000) -> Path:
    """``path`` with the cell holding MARK made an inline string of ``chars`` characters (Excel's limit: 32,767)."""
    with zipfile.ZipFile(path) as src:
        parts = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in parts:
            text, n = re.subn(
                rf'<c r="([A-Z]+\d+)"((?: s="\d+")?)(?: t="n")?><v>{MARK}</v></c>',
                r'<c r="\1"\2 t="inlineStr"><is><t>' + "进" * chars + "</t></is></c>",
                data.decode("utf-8", "replace"),
            )
            dst.writestr(info, text.encode() if n else data)
    return path


def workbook(path: Path, second: str, chars: int = 50_000) -> Path:
    """新签项目 (three projects), then a sheet ``second`` whose row 3 has the long cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "新签项目"
    for row in (["2024年端州区新签项目"], HEAD, ["华南电池项目", "端州区", 5000, "在建"],
                ["金利五金项目", "端州区", 3000, "已签约"], ["西江食品项目", "端州区", 1200, "在建"]):  # fmt: skip
        ws.append(row)
    other = wb.create_sheet(second)
    for row in (["2024年端州区续建项目"], HEAD, ["星湖光伏项目", "端州区", 8000, "在建", MARK]):
        other.append(row)
    wb.save(path)
    return overlong(path, chars)


def test_a_list_that_cannot_be_read_refuses_the_import_the_others_go_by_name(db_url: str, tmp_path: Path) -> None:
    path = workbook(tmp_path / "端州区.xlsx", "续建项目")
    code, out, err = run(db_url, "import", str(path))
    assert code == 2 and out == "", (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "端州区.xlsx" in lines[0] and "“续建项目”" in lines[0], err
    assert "longer than Excel allows" in lines[0] and "--sheet" in lines[0] and lines[0].endswith("."), err
    assert sql_count(db_url) == 0
    code, out, err = run(db_url, "--lang", "zh", "import", str(path))
    assert code == 2 and "可能含有项目" in err and "--sheet" in err, err
    code, out, err = run(db_url, "import", str(path), "--sheet", "新签项目")  # (the other sheet is not read)
    assert code == 0 and "3 added" in out and sql_count(db_url) == 3, (code, out, err)


def test_a_sheet_of_instructions_that_cannot_be_read_is_a_note_with_its_reason(db_url: str, tmp_path: Path) -> None:
    path = workbook(tmp_path / "端州区.xlsx", "填表说明")
    code, out, err = run(db_url, "import", str(path))
    assert code == 0 and "3 added" in out, (code, out, err)
    note = next(line for line in out.splitlines() if "填表说明" in line)
    assert "longer than Excel allows" in note and note.endswith("This sheet was not imported."), out
    code, out, err = run(db_url, "--lang", "zh", "import", str(path), "--dry-run")
    assert code == 0 and "超过 Excel 允许的长度" in out and "该工作表未导入" in out, out


def sql_count(db: str) -> int:
    context = AppContext.open(db)
    try:
        return sql(context, "SELECT COUNT(*) FROM projects")[0][0]
    finally:
        context.close()


def test_round_collect_of_a_return_with_an_overlong_progress_cell_says_the_sheets_refusal(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    made = RoundService(demo_ctx.database).create(
        Period(2023, 10), tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    sheet = Sheet.open(made.books[0].path)
    sheet.set(sheet.ids()[0], H_PROGRESS, MARK)
    path = overlong(sheet.save())
    before = sql(demo_ctx, "SELECT COUNT(*) FROM project_changes")
    for args in (("--dry-run",), ("--accept", "--on", "2023-11-08")):
        code, out, err = run(demo_ctx.database.url, "round", "collect", str(path), *args)
        assert code == 2 and "internal error" not in err, (code, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0] and "“项目进展”" in lines[0], err
        assert "longer than Excel allows" in lines[0], err
    assert sql(demo_ctx, "SELECT COUNT(*) FROM project_changes") == before
