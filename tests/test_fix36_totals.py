"""fix36 totals (probe36a F7): a list's 合计 and a section's 小计 held against the rows in every money column the
import stores per project. Real .xlsx files written with openpyxl (title, 单位：万元 line, one header row, section
rows, projects, 小计 / 合计 rows), imported through the service and the command line on both engines; figures
worked out by hand in the docstrings.

Before, only 总投资 and 1-X月 were held against the grand total, and no 小计 at all: a 2026年计划投资 合计 of
58.05 over rows of 57.05, a 续建 小计 of 170.75 over rows of 160.75 imported with exit 0 and no word.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

TITLE = "肇庆市鼎湖区2026年项目建设情况表"
HEAD = ["序号", "项目名称", "建设单位", "总投资", "2026年计划投资", "10月完成投资", "1-10月累计完成投资",
        "自开工累计完成投资"]  # fmt: skip
A = [1, "鼎湖包装项目", "甲公司", 20000, 5000, 300, 2000, 6000]
B = [2, "鼎湖五金项目", "乙公司", 15000, 4000, 200.5, 1500.5, 3500.5]
C = [3, "鼎湖陶瓷项目", "丙公司", 8000, 3000, 100, 900, 900]
TOTAL = ["合计", None, None, 43000, 12000, 600.5, 4400.5, 10400.5]  # the rows' sums, column by column


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(path: Path, rows: list[list]) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], HEAD, *rows]))


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def test_a_grand_total_of_the_years_plan_that_differs_is_asked(db_url: str, ctx: AppContext, tmp_path: Path) -> None:
    """合计 of 2026年计划投资 13000 over 5000 + 4000 + 3000 = 12000万 (every other figure agrees): the command line
    refuses, naming row 7, column E, 13,000 and both figures in 万元, nothing written; the same list with 12000
    imports its 3 projects without a word of the total."""
    path = sheet(tmp_path / "plan.xlsx", [A, B, C, [*TOTAL[:4], 13000, *TOTAL[5:]]])
    code, out = run("--db", db_url, "import", str(path))
    assert code == ExitCode.INVALID_INPUT, out
    assert (
        "row 7, column E “2026年计划投资”: 13,000 — the total row gives 13,000万元 (¥130,000,000) as the plan " in out
    )
    assert "for 2026, but the 3 project row(s) read add up to 12,000万元 (¥120,000,000)" in out
    assert ctx.projects.all_projects() == []
    code, out = run("--lang", "zh", "--db", db_url, "import", str(path), "--dry-run")
    assert "合计行的2026 年计划投资为 13,000万元（130,000,000元），而读取的 3 个项目行合计为 12,000万元" in out
    code, out = run("--db", db_url, "import", str(sheet(tmp_path / "ok.xlsx", [A, B, C, TOTAL])))
    assert code == ExitCode.OK and "the total row" not in out, out
    assert len(ctx.projects.all_projects()) == 3


@pytest.mark.parametrize(
    ("column", "wrong", "code", "said"),
    [
        ("F", 610.5, "total_figure_differs", "as completed in month 10 of 2026, but the 3 project row(s) read add up"),
        ("H", 10500.5, "total_figure_differs", "as completed since the start (through 10/2026), but the 3 project"),
        ("G", 4410.5, "total_ytd_differs", "¥44.105 mn completed in months 1–10 of 2026, but the 3 project row(s)"),
    ],
)
def test_a_grand_total_of_the_month_since_the_start_or_year_to_date_that_differs_is_asked(
    service: ImportService, tmp_path: Path, column: str, wrong: float, code: str, said: str
) -> None:
    """当月 (10月完成投资) 610.5 over 300 + 200.5 + 100 = 600.5万; 自开工累计 10500.5 over 6000 + 3500.5 + 900 =
    10400.5万; 1-10月 4410.5 over 2000 + 1500.5 + 900 = 4400.5万 (left unchecked before beside a 自开工累计 of the
    same month): each asked at the 合计's cell, the rest agreeing; nothing written."""
    total = list(TOTAL)
    total[ord(column) - ord("A")] = wrong
    result = service.import_file(sheet(tmp_path / "t.xlsx", [A, B, C, total]), ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == (code, 7, column)
    assert said in problem.reason("en") and not result.written


SECTIONED = [
    ["一", "续建项目"], A, B, ["小计", None, None, 35000, 9000, 500.5, 3500.5, 9500.5],
    ["二", "新开工项目"], C, ["小计", None, None, 8000, 3000, 100, 900, 900], TOTAL,
]  # fmt: skip


def test_a_subtotal_that_differs_from_its_sections_rows_is_asked(db_url: str, ctx: AppContext, tmp_path: Path) -> None:
    """续建's 小计 of 总投资 36000 over 20000 + 15000 = 35000万 (the 合计 agrees with all rows: 43000): the command
    line refuses, naming row 7 (the 小计), column D, 36,000, the section's 2 rows (rows 5–6) and their 35,000万元;
    the list whose 小计s agree imports."""
    rows = [list(r) for r in SECTIONED]
    rows[3][3] = 36000
    code, out = run("--db", db_url, "import", str(sheet(tmp_path / "sub.xlsx", rows)))
    assert code == ExitCode.INVALID_INPUT, out
    assert (
        "row 7, column D “总投资”: 36,000 — the subtotal gives 36,000万元 (¥360,000,000) as planned investment, " in out
    )
    assert "but the 2 project row(s) of its section (rows 5–6) add up to 35,000万元 (¥350,000,000)" in out
    code, out = run("--lang", "zh", "--db", db_url, "import", str(sheet(tmp_path / "sub.xlsx", rows)), "--dry-run")
    assert (
        "小计行的计划总投资为 36,000万元（360,000,000元），而其所属部分的 2 个项目行（第 5–6 行）合计为 35,000万元"
        in out
    )
    assert ctx.projects.all_projects() == []
    code, out = run("--db", db_url, "import", str(sheet(tmp_path / "ok.xlsx", SECTIONED)))
    assert code == ExitCode.OK, out
    assert len(ctx.projects.all_projects()) == 3


def test_a_subtotal_written_over_its_rows_is_held_against_the_rows_under_it(
    service: ImportService, tmp_path: Path
) -> None:
    """小计 rows over their sections (the first one's sums are the rows under it: the sheet's way); 新开工's 小计 of
    2026年计划投资 3500 over C's 3000万 alone — asked at row 9, column E, naming row 10; the sheet whose 小计s
    agree imports without a problem."""
    first = ["小计", None, None, 35000, 9000, 500.5, 3500.5, 9500.5]
    second = ["小计", None, None, 8000, 3000, 100, 900, 900]
    rows = [["一、续建项目"], first, A, B, ["二、新开工项目"], second, C, TOTAL]
    result = service.import_file(sheet(tmp_path / "over.xlsx", rows), ImportOptions(), dry_run=True)
    assert not result.problems, [p.reason("en") for p in result.problems]
    rows[5] = [*second[:4], 3500, *second[5:]]
    (problem,) = service.import_file(sheet(tmp_path / "over2.xlsx", rows), ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column, problem.value) == ("subtotal_differs", 9, "E", "3,500")
    assert "the 1 project row(s) of its section (rows 10) add up to 3,000万元" in problem.reason("en")


def test_a_total_above_the_header_whose_years_plan_differs_is_asked(service: ImportService, tmp_path: Path) -> None:
    """A 合计 row above the header (bureau lists): its 2026年计划投资 11000 over 12000万 of the rows — asked at the
    row above the header, column E."""
    head_total = ["合计（3个）", None, None, 43000, 11000, 600.5, 4400.5, 10400.5]
    path = write_workbook(
        tmp_path / "above.xlsx", SheetSpec("Sheet1", [[TITLE], ["单位：万元"], head_total, HEAD, A, B, C])
    )
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("above_figure_differs", 3, "E")
    assert "the total above the table gives 11,000万元 (¥110,000,000) as the plan for 2026" in problem.reason("en")
