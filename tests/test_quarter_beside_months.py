"""A quarter beside its own months in one row (fix28q2). Real .xlsx files as a district sends them — title,
单位：万元 line, one header row 序号 | 项目名称 | 建设单位 | 所属区域 | 总投资 | 4月 | 5月 | 6月 | 二季度 — imported
through the service on both engines.

Before, a 二季度 named alone was "not a known column": 700 beside 100 + 200 + 300 = 600 went in as the months,
the quarter never looked at (exit 0). Now the quarter is held against the row's months (io/quarter_rows.py):
agreeing, the months are stored and the quarter not again; disagreeing, a problem of the row in 万元, nothing of
the row written; some months only, the quarter's rest is the month left empty (one run), else asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = "肇庆市高要区2025年上半年重点项目完成投资情况表"
HEAD = ["序号", "项目名称", "建设单位", "所属区域", "总投资"]
PROJECTS = [("高要电池项目", "甲公司", 10000), ("高要陶瓷项目", "乙公司", 20000)]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(path: Path, heads: list[str], rows: list[list[int | None]], group: bool = False) -> Path:
    """Title, 单位：万元, then one header row (or, with ``group``, 完成投资 merged over ``heads``), two projects."""
    body = [[i + 1, name, firm, "高要区", total, *rows[i]] for i, (name, firm, total) in enumerate(PROJECTS)]
    if not group:
        return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], HEAD + heads, *body]))
    last = "ABCDEFGHIJ"[4 + len(heads)]
    top, merges = [*HEAD, "完成投资"], [f"F3:{last}3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4"]
    return write_workbook(path, SheetSpec("Sheet1", [[TITLE], ["单位：万元"], top, [None] * 5 + heads, *body], merges))


def records(ctx: AppContext, name: str) -> dict[tuple[int, int, int], int]:
    """(year, first month, last month) → yuan of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def ok(result: ImportResult) -> ImportResult:
    assert result.ok, [p.reason("en") for p in result.problems]
    return result


@pytest.mark.parametrize("group", [False, True])
def test_a_quarter_that_its_months_add_up_to_is_read_and_not_stored_again(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: bool
) -> None:
    """电池 100 + 200 + 300 = 600 = 二季度; 陶瓷 50 + 50 + 50 = 150: the six months stored, no 4–6月 record."""
    path = sheet(
        tmp_path / "q6.xlsx", ["4月", "5月", "6月", "二季度"], [[100, 200, 300, 600], [50, 50, 50, 150]], group
    )
    result = ok(service.import_file(path, ImportOptions()))
    assert result.investment_records == 6
    assert not [n for n in result.notes if "not imported" in n.message("en")]  # the quarter was read
    assert records(ctx, "高要电池项目") == {(2025, 4, 4): 100 * WAN, (2025, 5, 5): 200 * WAN, (2025, 6, 6): 300 * WAN}
    assert records(ctx, "高要陶瓷项目") == {(2025, m, m): 50 * WAN for m in (4, 5, 6)}
    assert ok(service.import_file(path, ImportOptions())).investment_records == 0  # again: nothing moves


@pytest.mark.parametrize("group", [False, True])
def test_a_quarter_its_months_do_not_add_up_to_is_a_problem_in_the_sheets_unit(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: bool
) -> None:
    """电池 100 + 200 + 300 = 600 against 二季度 700 (7,000,000 yuan): asked, both in 万元; nothing written. With
    skip_invalid, 陶瓷 alone (50 × 3 = 150, agreeing) goes in."""
    path = sheet(
        tmp_path / "q7.xlsx", ["4月", "5月", "6月", "二季度"], [[100, 200, 300, 700], [50, 50, 50, 150]], group
    )
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == ("quarter_months_differ", 5 if group else 4, "I")
    assert problem.value == "700"
    assert "¥7.00 mn, is months 4–6 of 2025, but the row's own months 4, 5, 6 add up to ¥6.00 mn" in problem.reason()
    assert "700万元 为 2025 年 4–6 月合计，但本行 4, 5, 6 月各月合计为 600万元" in problem.reason("zh")
    assert not result.written and ctx.projects.all_projects() == []
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))
    assert skipped.investment_records == 3 and [p.name for p in ctx.projects.all_projects()] == ["高要陶瓷项目"]


def test_a_quarter_beside_some_of_its_months_leaves_the_rest_to_the_empty_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """4月 | 5月 | 二季度: 电池 600 − 100 − 200 = 300 for June; 陶瓷 150 − 50 − 50 = 50. Each month once."""
    path = sheet(tmp_path / "p.xlsx", ["4月", "5月", "二季度"], [[100, 200, 600], [50, 50, 150]])
    ok(service.import_file(path, ImportOptions()))
    assert records(ctx, "高要电池项目") == {(2025, 4, 4): 100 * WAN, (2025, 5, 5): 200 * WAN, (2025, 6, 6): 300 * WAN}
    assert records(ctx, "高要陶瓷项目") == {(2025, m, m): 50 * WAN for m in (4, 5, 6)}
    assert ok(service.import_file(path, ImportOptions())).investment_records == 0


def test_the_rest_of_a_quarter_never_replaces_a_stored_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """June stored first (电池 250, 陶瓷 50). 4月 | 5月 | 二季度 then leaves 电池 600 − 100 − 200 = 300 for June:
    not 250 — asked, June kept; 陶瓷 150 − 50 − 50 = 50 is the stored June: nothing to change there."""
    ok(service.import_file(sheet(tmp_path / "jun.xlsx", ["6月"], [[250], [50]]), ImportOptions()))
    path = sheet(tmp_path / "p.xlsx", ["4月", "5月", "二季度"], [[100, 200, 600], [50, 50, 150]])
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert (problem.problem.code, problem.row, problem.column) == ("span_months_differ", 4, "H")
    assert "(6: ¥2.50 mn)" in problem.reason("en")  # 250万 stored for June, in the sheet's 万元
    assert service.import_file(path, ImportOptions(skip_invalid=True)).investment_records == 2  # 陶瓷's April, May
    assert records(ctx, "高要电池项目") == {(2025, 6, 6): 250 * WAN}
    assert records(ctx, "高要陶瓷项目") == {(2025, m, m): 50 * WAN for m in (4, 5, 6)}


def test_a_quarter_whose_rest_has_no_one_month_or_is_below_its_months_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """5月 | 二季度: 电池 600 − 200 = 400 for April and June together — whose? asked. 陶瓷 50 of 50: April and June
    are 0 by the quarter itself. 4月 | 5月 | 二季度 of 400 + 300 = 700 against 600: the months pass it, asked."""
    gap = service.import_file(sheet(tmp_path / "g.xlsx", ["5月", "二季度"], [[200, 600], [50, 50]]), ImportOptions())
    (problem,) = gap.problems
    assert (problem.problem.code, problem.row, problem.column) == ("quarter_months_gap", 4, "G")
    assert "leaves months 4, 6 empty" in problem.reason("en") and "¥2.00 mn" in problem.reason("en")
    over = sheet(tmp_path / "o.xlsx", ["4月", "5月", "二季度"], [[400, 300, 600], [50, 50, 150]])
    (problem,) = service.import_file(over, ImportOptions()).problems
    assert problem.problem.code == "quarter_months_differ" and "add up to ¥7.00 mn" in problem.reason("en")
    assert ctx.projects.all_projects() == []
    skipped = service.import_file(sheet(tmp_path / "g.xlsx", ["5月", "二季度"], [[200, 600], [50, 50]]),
                                  ImportOptions(skip_invalid=True))  # fmt: skip
    assert skipped.added == 1 and skipped.investment_records == 3
    assert records(ctx, "高要陶瓷项目") == {(2025, 4, 4): 0, (2025, 5, 5): 50 * WAN, (2025, 6, 6): 0}


def test_a_quarter_named_alone_without_months_stays_unread(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """二季度 alone, no 完成投资 over it and no month beside it: a target or a completed figure? Not read, said."""
    result = ok(service.import_file(sheet(tmp_path / "q.xlsx", ["二季度"], [[600], [150]]), ImportOptions()))
    assert result.investment_records == 0
    assert any("二季度" in n.message("en") and "not imported" in n.message("en") for n in result.notes)
