"""Last year's year to date in this year's report — 去年1-10月累计, 上年同期 under 1-10月累计, 2025年1-10月 in a
2026 report — imported as the year before's: one figure 1–10 with nothing stored, the difference after stored
months, nothing over an equal figure, a note and nothing overwritten over a different one; so that a bureau's
first year has year-on-year growth. 去年同期 under 当月, or with no month anywhere, is not imported and said.
Real .xlsx files through ImportService and the CLI, both engines; every figure worked out by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService
from zqtracker.services.statistics import StatisticsService

WAN = 10_000
TITLE = "四会市2026年1-10月重点项目完成情况"
HEAD = ["项目编号", "项目名称", "计划总投资（万元）"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def report(path: Path, title: str, head: list, *rows: list, merges: list[str] | None = None) -> Path:
    heads = head if isinstance(head[0], list) else [head]
    return write_workbook(path, SheetSpec("Sheet1", [[title], *heads, *map(list, rows)], merges or []))


def records(ctx: AppContext, code: str) -> dict[tuple[int, int, int], int]:
    """(year, first month, last month) → yuan of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.code == code)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def this_and_last(service: ImportService, tmp_path: Path, last: float, *, name: str = "10.xlsx") -> ImportResult:
    head = [*HEAD, "1-10月累计完成投资（万元）", "去年1-10月累计完成投资（万元）", "同比增长%"]
    path = report(tmp_path / name, TITLE, head, ["SH31", "四会五金产业园", 20000, 2600, last, 30])
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    return result


def last_year_report(service: ImportService, tmp_path: Path, month: int, ytd: float) -> None:
    """四会市's own 2025 report through ``month`` (stored before this year's arrives)."""
    head = [*HEAD, f"1-{month}月累计完成投资（万元）"]
    path = report(tmp_path / f"2025-{month}.xlsx", f"四会市2025年1-{month}月重点项目", head,
                  ["SH31", "四会五金产业园", 20000, ytd])  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok


def codes(result: ImportResult) -> list[str]:
    return [n.code for n in result.notes]


def test_a_first_year_bureau_gets_last_years_figure_and_growth(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = [*HEAD, "1-10月累计完成投资（万元）", "去年1-10月累计完成投资（万元）", "同比增长%"]
    rows = [["SH31", "四会五金产业园", 20000, 2600, 2000, 30], ["DZ01", "端州电子项目", 50000, 1500, 1200, 25]]
    path = report(tmp_path / "10.xlsx", TITLE, head, *rows)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and result.investment_records == 4
    # nothing of 2025 stored: each last-year figure is one record covering January–October 2025, never spread
    assert records(ctx, "SH31") == {(2026, 1, 10): 2600 * WAN, (2025, 1, 10): 2000 * WAN}
    assert records(ctx, "DZ01") == {(2026, 1, 10): 1500 * WAN, (2025, 1, 10): 1200 * WAN}
    (note,) = [n for n in result.notes if n.code == "note_last_year_written"]
    assert "row 3: Jan–Oct 2025 ¥20.00 mn; row 4: Jan–Oct 2025 ¥12.00 mn." in note.message("en")
    # 同比 through October: (2600 + 1500 − 2000 − 1200) / (2000 + 1200) = 900 / 3200 = 28.125 % → 28.1
    total = StatisticsService(ctx.database).summary(2026, 10).completed.total
    assert (total.ytd, total.prior_ytd, total.yoy_pct) == (4100 * WAN, 3200 * WAN, 28.1)
    assert DashboardService(ctx.statistics).load(2026, 10).summary.completed.total.yoy_pct == 28.1
    again = service.import_file(path, ImportOptions())  # the same file again: nothing to write
    assert (again.investment_records, again.updated, again.added) == (0, 0, 0)
    assert "note_last_year_written" not in codes(again)


def test_stored_months_of_last_year_leave_the_difference(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    last_year_report(service, tmp_path, 7, 1700)  # 2025: January–July 1700 万元 stored
    result = this_and_last(service, tmp_path, 2000)
    # 2000 through October less the 1700 stored through July: August–October 300 万元, one figure
    assert records(ctx, "SH31") == {(2025, 1, 7): 1700 * WAN, (2025, 8, 10): 300 * WAN, (2026, 1, 10): 2600 * WAN}
    (note,) = [n for n in result.notes if n.code == "note_last_year_written"]
    assert "Aug–Oct 2025 ¥3.00 mn (Jan–Oct ¥20.00 mn less the ¥17.00 mn stored for Jan–Jul)" in note.message("en")
    total = StatisticsService(ctx.database).summary(2026, 10).completed.total
    assert (total.prior_ytd, total.yoy_pct) == (2000 * WAN, 30.0)  # (2600 − 2000) / 2000


def test_an_equal_stored_figure_writes_nothing(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    last_year_report(service, tmp_path, 10, 2000)
    result = this_and_last(service, tmp_path, 2000)
    assert result.investment_records == 1  # 2026's only
    assert records(ctx, "SH31") == {(2025, 1, 10): 2000 * WAN, (2026, 1, 10): 2600 * WAN}
    assert not {"note_last_year_written", "note_last_year_kept"} & set(codes(result))


def test_a_different_stored_figure_is_kept_and_said(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    last_year_report(service, tmp_path, 10, 2100)
    result = this_and_last(service, tmp_path, 2000)
    # never overwritten: 2025 stays 2100 万元 as its own report said; 2026's figure is written all the same
    assert records(ctx, "SH31") == {(2025, 1, 10): 2100 * WAN, (2026, 1, 10): 2600 * WAN}
    (note,) = [n for n in result.notes if n.code == "note_last_year_kept"]
    assert "row 3: Jan–Oct 2025 ¥20.00 mn in the file, Jan–Oct 2025 ¥21.00 mn stored" in note.message("en")
    code, text = run("--lang", "zh", "--db", ctx.database.url, "import", str(tmp_path / "10.xlsx"), "--dry-run")
    assert code == 0 and "第 3 行：本文件 2025年1–10月累计 2,000万元，已存 2025年1–10月累计 2,100万元" in text


@pytest.mark.parametrize(("stored", "last", "said"), [(2300, 2000, False), (1900, 2000, True)])
def test_a_later_stored_month_is_only_checked(
    service: ImportService, ctx: AppContext, tmp_path: Path, stored: int, last: int, said: bool
) -> None:
    """2025 stored through November: last year's 1–10月 is held against it, never splits it."""
    last_year_report(service, tmp_path, 11, stored)
    result = this_and_last(service, tmp_path, last)
    assert records(ctx, "SH31") == {(2025, 1, 11): stored * WAN, (2026, 1, 10): 2600 * WAN}
    kept = [n.message("en") for n in result.notes if n.code == "note_last_year_kept"]
    if said:  # 2000 through October above the 1900 stored through November: both figures said
        assert len(kept) == 1 and "Jan–Oct 2025 ¥20.00 mn in the file, Jan–Nov 2025 ¥19.00 mn stored" in kept[0]
    else:  # 2000 through October fits below 2300 through November: nothing to say, nothing written
        assert kept == []


def test_a_total_through_last_years_end_stays_out(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = [*HEAD, "1-10月累计完成投资（万元）", "截至上年底累计完成投资（万元）", "上年累计完成投资（万元）"]
    path = report(tmp_path / "10.xlsx", TITLE, head, ["SH31", "四会五金产业园", 20000, 2600, 9000, 3000])
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, "SH31") == {(2026, 1, 10): 2600 * WAN}
    assert codes(result).count("note_ignored_column") == 2


def test_same_period_under_a_year_to_date_group(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = [
        [*HEAD, "1-10月累计完成投资（万元）", None, "同比增长%"],
        [None, None, None, "本年", "去年同期", None],
    ]
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"]
    path = report(tmp_path / "10.xlsx", "四会市2026年重点项目", head, ["SH31", "四会五金产业园", 20000, 2600, 2000, 30],
                  merges=merges)  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31") == {(2026, 1, 10): 2600 * WAN, (2025, 1, 10): 2000 * WAN}


@pytest.mark.parametrize(
    "subs",
    [
        ["当月", "1-10月累计", "上年同期", "同比增长(%)"],
        ["当月", "1-10月累计", "同比增长(%)", "上年同期"],  # the comparison between the pair
        ["1-10月累计", "上年同期", "同比增长(%)"],
    ],
)
def test_same_period_under_an_investment_done_group(
    service: ImportService, ctx: AppContext, tmp_path: Path, subs: list[str]
) -> None:
    """上年同期 under 投资完成情况 beside its 1-10月累计 (a 同比% between them too): last year's 1–10月, as
    under 完成投资 — it was said "not imported" (session 34's gap)."""
    values = {"当月": 300, "1-10月累计": 2600, "上年同期": 2000, "同比增长(%)": 30}
    head = [[*HEAD, "投资完成情况（万元）", *[None] * (len(subs) - 1)], [None, None, None, *subs]]
    last = chr(ord("C") + len(subs))
    merges = ["A2:A3", "B2:B3", "C2:C3", f"D2:{last}2"]
    path = report(tmp_path / "10.xlsx", TITLE, head, ["SH31", "四会五金产业园", 20000, *[values[k] for k in subs]],
                  merges=merges)  # fmt: skip
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31")[(2025, 1, 10)] == 2000 * WAN
    assert sum(a for (y, _f, _m), a in records(ctx, "SH31").items() if y == 2026) == 2600 * WAN


def test_same_period_after_the_month_under_an_investment_done_group_is_not_guessed(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """当月 | 上年同期 | 1-10月累计: nothing says whose 同期 it is — said, never stored as last year's 1–10月."""
    head = [[*HEAD, "投资完成情况（万元）", None, None], [None, None, None, "当月", "上年同期", "1-10月累计"]]
    path = report(tmp_path / "10.xlsx", TITLE, head, ["SH31", "四会五金产业园", 20000, 300, 250, 2600],
                  merges=["A2:A3", "B2:B3", "C2:C3", "D2:F2"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert all(y == 2026 for y, _f, _m in records(ctx, "SH31"))
    assert any(n.code == "note_ignored_column" and "E " in n.message("en") for n in result.notes)


def test_same_period_under_the_month_is_not_a_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """当月 | 去年同期 under 当月完成投资: last year's October alone — not imported, and said so (never
    taken for last year's 1–10月)."""
    head = [
        [*HEAD, "当月完成投资（万元）", None, "1-10月累计完成投资（万元）"],
        [None, None, None, "本年", "去年同期", None],
    ]
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"]
    row = ["SH31", "四会五金产业园", 20000, 300, 250, 2600]
    path = report(tmp_path / "10.xlsx", "四会市2026年10月重点项目", head, row, merges=merges)
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert records(ctx, "SH31") == {(2026, 1, 9): 2300 * WAN, (2026, 10, 10): 300 * WAN}
    (note,) = [n.message("en") for n in result.notes if n.code == "note_ignored_column" and "E " in n.message("en")]
    assert "last year's amount of the same month" in note


@pytest.mark.parametrize("last", ["去年同期累计完成投资（万元）", "上年同期（万元）"])
def test_no_month_anywhere_is_said_not_guessed(
    service: ImportService, ctx: AppContext, tmp_path: Path, last: str
) -> None:
    head = [*HEAD, "当年完成投资（万元）", last]
    path = report(tmp_path / "x.xlsx", "四会市重点项目", head, ["SH31", "四会五金产业园", 20000, 2600, 2000])
    result = service.import_file(path, ImportOptions())
    assert not any(y == 2025 for y, *_rest in records(ctx, "SH31"))
    (note,) = [n for n in result.notes if n.code == "note_ignored_column" and n.params.get("column") == "E"]
    assert "Sheet1" in note.message("en") and last in note.message("en")
    assert ("month nothing names" if "累计" in last else "nothing says") in note.message("en")


def test_an_earlier_year_named_beside_this_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """2025年1-10月 | 2026年1-10月 | 当月 under a 2026 title: the report is 2026's (its 当月 October 2026's, not
    2025's), and 2025's column is last year's."""
    head = [*HEAD, "当月完成投资（万元）", "2025年1-10月完成投资（万元）", "2026年1-10月完成投资（万元）"]
    row = ["SH31", "四会五金产业园", 20000, 300, 2000, 2600]
    path = report(tmp_path / "10.xlsx", "四会市2026年10月重点项目", head, row)
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "SH31") == {(2025, 1, 10): 2000 * WAN, (2026, 1, 9): 2300 * WAN, (2026, 10, 10): 300 * WAN}


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue()


def test_dry_run_shows_last_years_records(ctx: AppContext, tmp_path: Path) -> None:
    head = [*HEAD, "1-10月累计完成投资（万元）", "上年同期累计完成投资（万元）"]
    path = report(tmp_path / "10.xlsx", TITLE, head, ["SH31", "四会五金产业园", 20000, 2600, 2000])
    code, out = run("--db", ctx.database.url, "import", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["investment_records"] == 2
    (said,) = [n for n in json.loads(out)["notes"] if "last year's year to date" in n]
    assert "written as 2025's records — row 3: Jan–Oct 2025 ¥20.00 mn" in said
    code, text = run("--lang", "zh", "--db", ctx.database.url, "import", str(path), "--dry-run")
    assert code == 0 and "作为 2025 年的记录写入——第 3 行：2025年1–10月 2,000万元" in text
    assert ctx.projects.all_projects() == []  # a dry run


def test_a_comparison_with_last_year_is_no_figure(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """比上年同期增加（万元） and 比去年同期增长% name last year's same period, but compare with it: never read as
    last year's (or this year's) year to date."""
    compared = ["1-10月累计完成投资比上年同期增加（万元）", "1-10月累计完成投资比去年同期增长%"]
    head = [*HEAD, compared[0], "1-10月累计完成投资（万元）", compared[1]]
    path = report(tmp_path / "10.xlsx", TITLE, head, ["SH31", "四会五金产业园", 20000, 600, 2600, 30])
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, "SH31") == {(2026, 1, 10): 2600 * WAN}
    said = {n.params["column"]: n.message("en") for n in result.notes if n.code == "note_ignored_column"}
    assert "a change on last year" in said["D"] and "a percentage" in said["F"]


def test_a_growth_the_two_figures_do_not_give_is_said(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = [*HEAD, "1-10月累计完成投资（万元）", "去年1-10月累计完成投资（万元）", "同比增长%"]
    rows = [
        ["SH31", "四会五金产业园", 20000, 2600, 2000, 35],  # (2600 − 2000) / 2000 = 30 %, not 35
        ["DZ01", "端州电子项目", 50000, 1500, 1200, "25.0%"],  # 300 / 1200 = 25 %: agrees
        ["GY07", "高要物流园", 8000, 900, 800, 12.5],  # 100 / 800 = 12.5 %: agrees
        ["GY08", "高要冷链", 6000, 700, 600, 0.1667],  # 100 / 600 = 16.67 %, as a percent-formatted cell
    ]
    result = service.import_file(report(tmp_path / "10.xlsx", TITLE, head, *rows), ImportOptions())
    assert result.ok and records(ctx, "SH31")[(2025, 1, 10)] == 2000 * WAN  # the figures are imported as given
    (note,) = [n.message("en") for n in result.notes if n.code == "note_growth_disagrees"]
    assert "on 1 row(s) — row 3: 35% in the file, 30.0% from ¥26.00 mn against ¥20.00 mn;" in note
    assert "column F “同比增长%”" in note


def test_a_row_giving_only_last_years_figure_is_no_older_report(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """October 2026's row with its 1-10月 blank and 去年1-10月 given reports October 2026 (the sheet's), not
    October 2025: its status is written, not kept as an older report's."""
    head = [*HEAD, "项目状态", "1-9月累计完成投资（万元）"]
    path = report(tmp_path / "9.xlsx", "四会市2026年1-9月", head, ["SH31", "四会五金产业园", 20000, "在建", 2300])
    assert service.import_file(path, ImportOptions()).ok
    head = [*HEAD, "项目状态", "1-10月累计完成投资（万元）", "去年1-10月累计完成投资（万元）"]
    rows = [["SH31", "四会五金产业园", 20000, "停建", None, 2000], ["DZ01", "端州电子项目", 50000, "在建", 1500, 1200]]
    path = report(tmp_path / "10.xlsx", TITLE, head, *rows)
    result = service.import_file(path, ImportOptions())
    assert result.ok and "note_older_report" not in codes(result), [n.message("en") for n in result.notes]
    assert ctx.projects.all_projects()[0].status.value == "on_hold"
    assert records(ctx, "SH31") == {(2026, 1, 9): 2300 * WAN, (2025, 1, 10): 2000 * WAN}


def test_an_earlier_years_figure_without_its_months_is_not_guessed(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2025年完成投资 in a report 截至2026年10月: the whole of 2025, or its January–October? Not imported, said
    (on main it was stored as 2025's January–October, overwriting what 2025's own reports gave)."""
    head = [*HEAD, "2025年完成投资（万元）", "2026年1-10月完成投资（万元）"]
    path = report(tmp_path / "10.xlsx", "截至2026年10月重点项目", head, ["SH31", "四会五金产业园", 20000, 3000, 2600])
    result = service.import_file(path, ImportOptions())
    assert result.ok and records(ctx, "SH31") == {(2026, 1, 10): 2600 * WAN}
    (note,) = [n.message("en") for n in result.notes if n.params.get("column") == "D"]
    assert "an earlier year's completed investment whose months the header does not name" in note
