"""fix29e: gaps in the import's checks. Real .xlsx files as districts send them (title, 单位：万元 line, one
header row), imported through the service on both engines; figures worked out by hand in the comments.

1. --skip-invalid wrote a refused row's months of a stored project: 1月 | 2月 | 3月 | 1-3月累计 whose sum is not
   the 累计 — the row was refused, yet its changed 2月 went over the stored one (exit 0, a wrong figure).
2. 1月 | 2月 | 3月 beside 一季度 (or 1-3月累计) that they do not add up to was worded as a year to date's problem.
3. span_months_differ said its figures in yuan in a sheet of 万元.
4. A summary block above the header (合计 | 3个 | its sums, or 共3个项目，总投资4.30005亿元) was never compared
   with the rows read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = "肇庆市鼎湖区2025年重点项目情况表"
NAMES = ("鼎湖包装项目", "鼎湖五金项目")


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(path: Path, heads: list, rows: list[list], above: list[list] | None = None) -> Path:
    """Title, 单位：万元 (and ``above``), then 项目名称 | 建设单位 | 总投资（万元） | ``heads``, a row per project."""
    head = ["项目名称", "建设单位", "总投资（万元）", *heads]
    return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], *(above or []), head, *rows]))


def months(ctx: AppContext, name: str) -> dict[tuple[int | None, int], int]:
    """{(first month or None, month): yuan} of a project's 2025 records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.first_month, r.month): r.amount for r in ctx.projects.investment(pid) if r.year == 2025}


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def ok(result: ImportResult) -> ImportResult:
    assert result.ok and not result.problems, [p.reason("en") for p in result.problems]
    return result


# -- 1. --skip-invalid writes nothing of a refused row ----------------------------------------------------------
def test_skip_invalid_writes_nothing_of_a_refused_row_of_a_stored_project(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """January's list: 包装 1月 100 | 2月 200 (万元), 五金 50 | 60. March's file: 包装 20000 → 21000, 1月 100 |
    2月 250 | 3月 400 | 1-3月累计 650 — 100 + 250 + 400 = 750, not 650: refused. Before, --skip-invalid still wrote
    its 2月 250 over the stored 200 (and kept 3月 out only because the 累计 superseded it). 五金's row: 50 + 60 +
    70 = 180 = its 累计, written (March 70)."""
    jan = sheet(tmp_path / "jan.xlsx", ["1月", "2月"], [[NAMES[0], "甲公司", 20000, 100, 200],
                                                       [NAMES[1], "乙公司", 15000, 50, 60]])  # fmt: skip
    ok(service.import_file(jan, ImportOptions()))
    heads = ["1月", "2月", "3月", "1-3月累计"]
    mar = sheet(tmp_path / "mar.xlsx", heads, [[NAMES[0], "甲公司", 21000, 100, 250, 400, 650],
                                               [NAMES[1], "乙公司", 15000, 50, 60, 70, 180]])  # fmt: skip
    result = service.import_file(mar, ImportOptions())
    (problem,) = result.problems
    assert problem.row == 4 and not result.written
    skipped = service.import_file(mar, ImportOptions(skip_invalid=True))
    assert skipped.investment_records == 1  # 五金's March alone
    assert months(ctx, NAMES[0]) == {(None, 1): 100 * WAN, (None, 2): 200 * WAN}  # as stored, 2月 not 250
    assert months(ctx, NAMES[1]) == {(None, 1): 50 * WAN, (None, 2): 60 * WAN, (None, 3): 70 * WAN}
    assert planned(ctx)[NAMES[0]] == 20000 * WAN  # the refused row's 21000 not written either


# -- 2. a quarter that does not equal its months ---------------------------------------------------------------
@pytest.mark.parametrize("column", ["一季度", "1-3月累计完成投资"])
def test_months_beside_their_quarter_disagreeing_name_the_quarter_and_both_sums(
    service: ImportService, ctx: AppContext, tmp_path: Path, column: str
) -> None:
    """包装 1月 100 | 2月 200 | 3月 300.5 | 一季度 650: the months add up to 600.5万, the quarter says 650万 — said as
    the quarter column against its months (before: "the year to date ¥6.50 mn through month 3 leaves ¥6.50 mn
    for them"). 五金 50 + 60 + 70 = 180 agrees."""
    rows = [[NAMES[0], "甲公司", 20000, 100, 200, 300.5, 650], [NAMES[1], "乙公司", 15000, 50, 60, 70, 180]]
    path = sheet(tmp_path / "q.xlsx", ["1月", "2月", "3月", column], rows)
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column, problem.value) == (
        "quarter_months_differ",
        4,
        "G",
        "650",
    )
    en = f"“{column}”, ¥6.50 mn, is months 1–3 of 2025, but the row's own months 1, 2, 3 add up to ¥6.005 mn"
    assert en in problem.reason("en") and "year to date" not in problem.reason("en")
    assert f"“{column}”650万元 为 2025 年 1–3 月合计，但本行 1, 2, 3 月各月合计为 600.5万元" in problem.reason("zh")
    assert not result.written and ctx.projects.all_projects() == []


# -- 3. span_months_differ in the sheet's unit, every digit -------------------------------------------------------
def test_a_quarter_against_stored_months_speaks_in_the_sheets_unit_exactly(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """June stored first: 包装 250.0001万 (2,500,001 yuan). 4月 100 | 5月 200 | 二季度 550 leaves 550 − 300 = 250万
    for June: 1 yuan off the stored June — asked, in 万元 to the yuan (never "¥2.50 mn" against "¥2.50 mn")."""
    ok(
        service.import_file(
            sheet(tmp_path / "jun.xlsx", ["6月"], [[NAMES[0], "甲公司", 20000, 250.0001]]), ImportOptions()
        )
    )
    path = sheet(tmp_path / "q2.xlsx", ["4月", "5月", "二季度"], [[NAMES[0], "甲公司", 20000, 100, 200, 550]])
    (problem,) = service.import_file(path, ImportOptions()).problems
    assert problem.problem.code == "span_months_differ" and problem.value == "250"
    en = "¥2.50 mn in the file, but the figures stored for those months add up to ¥2.500001 mn (6: ¥2.500001 mn)"
    assert en in problem.reason("en") and "yuan" not in problem.reason("en")
    assert "本文件为 250万元，而这几个月已存数合计 250.0001万元（6 月 250.0001万元）" in problem.reason("zh")
    assert months(ctx, NAMES[0]) == {(None, 6): 2_500_001}


# -- 4. a summary block above the header ----------------------------------------------------------------------
ROWS = [[NAMES[0], "甲公司", 20000, 3000], [NAMES[1], "乙公司", 15000, 2500], ["鼎湖陶瓷项目", "丙公司", 8000.5, 1200]]
YTD = ["1-10月累计完成投资（万元）"]


def test_a_total_above_the_header_that_agrees_is_said_in_a_note(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """合计 | 3个 | 43000.5 | 6700 above the header, 其中 rows under it: 20000 + 15000 + 8000.5 = 43000.5万,
    3000 + 2500 + 1200 = 6700万, 3 projects — all agree: imported, and a note says so."""
    above = [["合计", "3个", 43000.5, 6700], ["其中：新开工", "1个", 20000, 3000], ["续建", "2个", 23000.5, 3700]]
    result = ok(service.import_file(sheet(tmp_path / "ok.xlsx", YTD, ROWS, above), ImportOptions()))
    (note,) = [n for n in result.notes if n.code == "note_above_agrees"]
    text = "the total above the table (row 3) agrees with the 3 project row(s) read: 3 project(s); planned "
    assert text + "investment ¥430.005 mn; completed in months 1–10 of 2025 ¥67.00 mn" in note.message("en")
    assert "3 个项目；计划总投资 43,000.5万元；2025 年 1–10 月完成投资 6,700万元" in note.message("zh")
    assert result.added == 3


def test_a_total_above_the_header_that_differs_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """合计 | 4个 | 53000 | 6700: 4 projects and 53000万 said, 3 read adding up to 43000.5万 — both asked (the 6700
    agrees); nothing written."""
    above = [["合计", "4个", 53000, 6700], ["其中：新开工", "1个", 20000, 3000]]
    result = service.import_file(sheet(tmp_path / "bad.xlsx", YTD, ROWS, above), ImportOptions())
    count, total = sorted(result.problems, key=lambda p: p.column)
    assert (count.problem.code, count.row, count.column, count.value) == ("above_count_differs", 3, "B", "4个")
    assert "counts 4 project(s), but 3 project row(s) were read" in count.reason("en")
    assert (total.problem.code, total.row, total.column, total.value) == ("above_planned_differs", 3, "C", "53,000")
    assert "gives ¥530.00 mn of planned investment, but the 3 project row(s) read add up to ¥430.005 mn" in (
        total.reason("en")
    )
    assert "计划总投资为 53,000万元，而读取的 3 个项目行合计为 43,000.5万元" in total.reason("zh")
    assert not result.written and planned(ctx) == {}


def test_a_year_to_date_above_the_header_that_differs_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """合计（3个） | | 43000.5 | 6800: the count in the label and the planned total agree; 1-10月 6800万 against the
    rows' 3000 + 2500 + 1200 = 6700万 — asked."""
    above = [["合计（3个）", None, 43000.5, 6800]]
    (problem,) = service.import_file(sheet(tmp_path / "ytd.xlsx", YTD, ROWS, above), ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("above_ytd_differs", 3, "D")
    assert "gives ¥68.00 mn completed in months 1–10 of 2025, but the 3 project row(s) read add up to ¥67.00 mn" in (
        problem.reason("en")
    )


def test_a_sentence_above_the_header_giving_the_count_and_total(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """共3个项目，总投资4.30005亿元 (43000.5万 = 430,005,000 yuan): agrees, a note. 共4个项目，总投资4.3亿元: the count
    is asked (3 read); 4.3亿 is the rows' 4.30005亿 rounded to its one written decimal — no question of it."""
    good = sheet(tmp_path / "s.xlsx", YTD, ROWS, [["共3个项目，总投资4.30005亿元。"]])
    result = ok(service.import_file(good, ImportOptions()))
    (note,) = [n for n in result.notes if n.code == "note_above_agrees"]
    assert "(row 3) agrees with the 3 project row(s) read: 3 project(s); planned investment ¥0.430005 bn" in (
        note.message("en")
    )
    bad = sheet(tmp_path / "s4.xlsx", YTD, ROWS, [["共4个项目，总投资4.3亿元。"]])
    (problem,) = service.import_file(bad, ImportOptions()).problems
    assert (problem.problem.code, problem.row, problem.column) == ("above_count_differs", 3, "A")
    estimate = sheet(tmp_path / "s5.xlsx", YTD, ROWS, [["共4个项目，总投资约5亿元。"]])  # 约: an estimate, no total
    ok(service.import_file(estimate, ImportOptions()))  # (the rows again: unchanged)
