"""fix30a: the sheet's own 合计 row under the projects, held against the rows read. Real .xlsx files (title,
单位：万元 line, one header row, the projects, a 合计 row), imported through the service and the command line on
both engines; figures worked out by hand in the comments.

1. A grand total whose planned investment (or 1–X月累计) the rows read do not add up to was only a note: the
   import exited 0 though the sheet itself said rows were dropped or read twice. Now a question, as a summary
   block above the header is (--skip-invalid imports the rows anyway, with the note).
2. A count alone that differs (合计（100项） over 2 projects whose sums agree) stays a note; template zeros agree.
3. Differences the rows left out on purpose explain are no question: hidden rows skipped, blocks with a 合计 each
   and a 总计, 其中 rows, rows --skip-invalid refuses for something else.
4. month_above_ytd named the cell in yuan in a sheet of 万元; span_months_differ said "months 6–6".
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hidden_files import filtered_list
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = "肇庆市鼎湖区2025年重点项目情况表"
HEAD = ["序号", "项目名称", "建设单位", "总投资（万元）", "1-10月累计完成投资（万元）"]
ROWS = [[1, "鼎湖包装项目", "甲公司", 20000, 300], [2, "鼎湖五金项目", "乙公司", 15000, 300.5]]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(path: Path, rows: list[list], head: list = HEAD) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], head, *rows]))


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def ok(result: ImportResult) -> ImportResult:
    assert result.ok and not result.problems, [p.reason("en") for p in result.problems]
    return result


def codes(result: ImportResult) -> set[str]:
    return {n.code for n in result.notes}


# -- 1. a total the rows do not add up to: asked -----------------------------------------------------------------
def test_a_grand_total_below_that_differs_is_asked_and_skip_invalid_imports_with_the_note(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    """合计 | 36000 | 600.5 under 20000 + 15000 = 35000万 and 300 + 300.5 = 600.5万: the planned total is 1000万
    more than the rows read (a row left out?) — the command line refuses (exit as for the block above), naming
    row 6, column D, 36,000 and both figures in 万元; --skip-invalid imports the 2 rows, with the note."""
    path = sheet(tmp_path / "t.xlsx", [*ROWS, ["合计", None, None, 36000, 600.5]])
    code, out = run("--db", db_url, "import", str(path))
    assert code == ExitCode.INVALID_INPUT, out
    assert "row 6, column D “总投资（万元）”: 36,000" in out
    assert "the total row gives ¥360.00 mn of planned investment, but the 2 project row(s) read add up to " in out
    assert "¥350.00 mn" in out and ctx.projects.all_projects() == []
    code, out = run("--lang", "zh", "--db", db_url, "import", str(path), "--dry-run")
    assert "合计行的计划总投资为 36,000万元，而读取的 2 个项目行合计为 35,000万元" in out
    code, out = run("--db", db_url, "import", str(path), "--skip-invalid")
    assert code == ExitCode.OK, out
    assert "its total row 6 says ¥360.00 mn of planned investment, but the 2 project row(s) read add up to" in out
    assert len(ctx.projects.all_projects()) == 2


def test_a_year_to_date_in_the_total_row_that_differs_is_asked(service: ImportService, tmp_path: Path) -> None:
    """合计 | 35000 | 610.5: the planned total agrees; 1-10月 610.5万 against 300 + 300.5 = 600.5万 — asked,
    column E; the count (合计（2个）) agrees."""
    path = sheet(tmp_path / "ytd.xlsx", [*ROWS, ["合计（2个）", None, None, 35000, 610.5]])
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column, problem.value) == ("total_ytd_differs", 6, "E", "610.5")
    assert "gives ¥6.105 mn completed in months 1–10 of 2025, but the 2 project row(s) read add up to ¥6.005 mn" in (
        problem.reason("en")
    )
    assert "合计行 2025 年 1–10 月完成投资为 610.5万元，而读取的 2 个项目行合计为 600.5万元" in problem.reason("zh")
    assert not result.written


def test_a_row_the_total_does_not_count_is_asked_where_it_was_a_note(service: ImportService, tmp_path: Path) -> None:
    """A third row the 合计 does not count (a breakdown typed as a row, a project of another list?): 20000 + 15000
    + 15000 = 50000万 against 合计 35000 — asked at the 合计's row 7."""
    path = sheet(tmp_path / "twice.xlsx", [*ROWS, [3, "鼎湖陶瓷项目", "丙公司", 15000, 0], ["合计", None, None, 35000]])
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("total_planned_differs", 7, "D")


# -- 2. a count alone, and template zeros: notes, imported ------------------------------------------------------
def test_a_count_alone_that_differs_stays_a_note_and_zeros_agree(service: ImportService, tmp_path: Path) -> None:
    """合计（100项） | 35000 | 600.5 over 2 projects whose sums agree: the count is a note, exit 0. A template's
    zeros (0 | 0 on each row, 合计 0 | 0) agree."""
    result = ok(service.import_file(sheet(tmp_path / "c.xlsx", [*ROWS, ["合计（100项）", None, None, 35000, 600.5]]),
                                    ImportOptions()))  # fmt: skip
    assert "note_count_differs" in codes(result) and result.added == 2
    zeros = [[1, "南平甲项目", "甲公司", 0, 0], [2, "南平乙项目", "乙公司", 0, 0], ["合计", None, None, 0, 0]]
    result = ok(service.import_file(sheet(tmp_path / "z.xlsx", zeros), ImportOptions()))
    assert result.added == 2 and "note_total_differs" not in codes(result)


# -- 3. what the rows left out on purpose explains ------------------------------------------------------------
def test_a_total_that_includes_hidden_rows_skipped_is_no_question(service: ImportService, tmp_path: Path) -> None:
    """The filtered city list: 合计 36000 = 1000 × (1 + … + 8), rows 3, 6, 7, 8 hidden (21000): --hidden-rows
    skip reads 1000 × (1 + 2 + 4 + 5) = 12000, and the hidden rows make up the rest — no question."""
    result = ok(service.import_file(filtered_list(tmp_path / "f.xlsx"), ImportOptions(hidden_rows="skip")))
    assert result.added == 4 and "note_total_differs" not in codes(result)


def test_district_blocks_each_with_a_total_then_a_grand_total_and_breakdowns_under_it(
    service: ImportService, tmp_path: Path
) -> None:
    """Two blocks, 合计 20000 and 合计 15000 under each, 总计 35000, then 其中：新开工 20000 — agree; the same with
    a 总计 of 36000 is asked at the 总计's row."""
    blocks = [ROWS[0], ["合计", None, None, 20000, 300], ROWS[1], ["合计", None, None, 15000, 300.5]]
    tail = [["其中：新开工", None, None, 20000, 300]]
    ok(service.import_file(sheet(tmp_path / "b.xlsx", [*blocks, ["总计", None, None, 35000, 600.5], *tail]),
                           ImportOptions()))  # fmt: skip
    wrong = sheet(tmp_path / "w.xlsx", [*blocks, ["总计", None, None, 36000, 600.5], *tail])
    (problem,) = service.import_file(wrong, ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("total_planned_differs", 8, "D")


def test_a_row_refused_for_something_else_is_no_total_question(service: ImportService, tmp_path: Path) -> None:
    """Row 5's name is 201 characters (refused): the total 35000 counts it, as the rows read do — its own
    problem alone is asked; --skip-invalid imports the other row, no total question."""
    rows = [ROWS[0], [2, "五" * 201, "乙公司", 15000, 300.5], ["合计", None, None, 35000, 600.5]]
    path = sheet(tmp_path / "r.xlsx", rows)
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert problem.problem.code == "too_long"
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert [p.problem.code for p in result.problems] == ["too_long"] and result.added == 1


# -- 4. wording ---------------------------------------------------------------------------------------------
def test_month_above_ytd_names_the_cell_as_the_sheet_writes_it(service: ImportService, tmp_path: Path) -> None:
    """10月 500.5 beside 1-10月累计 300.25 (万元): the cell was shown as 3002500 (yuan); now 300.25."""
    head = ["序号", "项目名称", "建设单位", "总投资（万元）", "10月完成投资", "1-10月累计完成投资"]
    path = sheet(tmp_path / "m.xlsx", [[1, "鼎湖包装项目", "甲公司", 20000, 500.5, 300.25]], head)
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert (problem.problem.code, problem.value) == ("month_above_ytd", "300.25")
    assert "500.5万元 大于 2025年1–10月累计 300.25万元" in problem.reason("zh")


def test_a_single_month_left_by_a_quarter_is_said_as_one_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """June stored (250.0001万); 4月 100 | 5月 200 | 二季度 550 leaves June 250万 — "month 6 of 2025", not
    "months 6–6"."""
    head = ["序号", "项目名称", "建设单位", "总投资（万元）"]
    ok(service.import_file(sheet(tmp_path / "jun.xlsx", [[1, "鼎湖包装项目", "甲公司", 20000, 250.0001]],
                                 [*head, "6月"]), ImportOptions()))  # fmt: skip
    path = sheet(
        tmp_path / "q2.xlsx", [[1, "鼎湖包装项目", "甲公司", 20000, 100, 200, 550]], [*head, "4月", "5月", "二季度"]
    )
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert problem.problem.code == "span_months_differ"
    assert "month 6 of 2025: ¥2.50 mn in the file" in problem.reason("en") and "6–6" not in problem.reason("en")
    assert "2025 年 6 月：本文件为 250万元" in problem.reason("zh")
