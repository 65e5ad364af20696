"""fix36 totals (follow-up of probe36a F7): a list's 合计 and a section's 小计 held against the rows in 预计年产值
(expected annual output) and 预计年税收 (expected annual tax) too — both stored per project, as the other money
columns already were. Real .xlsx files written with openpyxl, imported through the command line and the service
on both engines; figures worked out by hand in the docstrings.

Before, a 预计年产值 合计 of 31000 over rows of 30000万 imported with exit 0 and no word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_fix36_totals import run

from zqtracker.cli.console import ExitCode
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

TITLE = "肇庆市鼎湖区2026年项目建设情况表"
HEAD = ["序号", "项目名称", "建设单位", "总投资", "预计年产值", "预计年税收"]
A = [1, "鼎湖包装项目", "甲公司", 20000, 15000, 800]
B = [2, "鼎湖五金项目", "乙公司", 15000, 10000, 500.5]
C = [3, "鼎湖陶瓷项目", "丙公司", 8000, 5000, 200]
TOTAL = ["合计", None, None, 43000, 30000, 1500.5]  # the rows' sums, column by column


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(path: Path, rows: list[list]) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], HEAD, *rows]))


def test_a_grand_total_of_expected_output_that_differs_is_asked(db_url: str, ctx: AppContext, tmp_path: Path) -> None:
    """合计 of 预计年产值 31000 over 15000 + 10000 + 5000 = 30000万 (every other figure agrees): the command line
    refuses, naming row 7, column E, 31,000 and both figures in 万元, in English and Chinese; nothing written. The
    same list whose 合计 is the rows' sum in every column (30000万, 1500.5万) imports its 3 projects without a word."""
    path = sheet(tmp_path / "output.xlsx", [A, B, C, [*TOTAL[:4], 31000, TOTAL[5]]])
    code, out = run("--db", db_url, "import", str(path))
    assert code == ExitCode.INVALID_INPUT, out
    assert "row 7, column E “预计年产值”: 31,000 — the total row gives 31,000万元 (¥310,000,000) as the " in out
    assert "expected annual output, but the 3 project row(s) read add up to 30,000万元 (¥300,000,000)" in out
    assert ctx.projects.all_projects() == []
    code, out = run("--lang", "zh", "--db", db_url, "import", str(path), "--dry-run")
    assert "合计行的预计年产值为 31,000万元（310,000,000元），而读取的 3 个项目行合计为 30,000万元" in out
    code, out = run("--db", db_url, "import", str(sheet(tmp_path / "ok.xlsx", [A, B, C, TOTAL])))
    assert code == ExitCode.OK and "the total row" not in out, out
    assert len(ctx.projects.all_projects()) == 3


def test_a_grand_total_of_expected_tax_that_differs_is_asked(service: ImportService, tmp_path: Path) -> None:
    """合计 of 预计年税收 1510.5 over 800 + 500.5 + 200 = 1500.5万: asked at row 7, column F; nothing written."""
    result = service.import_file(sheet(tmp_path / "tax.xlsx", [A, B, C, [*TOTAL[:5], 1510.5]]), ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == ("total_figure_differs", 7, "F")
    assert "as the expected annual tax, but the 3 project row(s) read add up to 1,500.5万元" in problem.reason("en")
    assert not result.written


def test_a_subtotal_of_expected_tax_that_differs_is_asked(service: ImportService, tmp_path: Path) -> None:
    """续建's 小计 of 预计年税收 1400.5 over 800 + 500.5 = 1300.5万 (the 合计 and the other figures agree): asked at
    row 7 (the 小计), column F, naming the section's rows 5–6; nothing written."""
    rows = [
        ["一", "续建项目"], A, B, ["小计", None, None, 35000, 25000, 1400.5],
        ["二", "新开工项目"], C, ["小计", None, None, 8000, 5000, 200], TOTAL,
    ]  # fmt: skip
    result = service.import_file(sheet(tmp_path / "sub.xlsx", rows), ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == ("subtotal_differs", 7, "F")
    assert "the subtotal gives 1,400.5万元 (¥14,005,000) as the expected annual tax, but the 2 project row(s) of " in (
        problem.reason("en")
    )
    assert "its section (rows 5–6) add up to 1,300.5万元" in problem.reason("en")
    assert "小计行的预计年税收为 1,400.5万元" in problem.reason("zh")
    assert not result.written
