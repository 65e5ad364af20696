"""Four header gaps of the import (probe27h): plain parts of a group with no 小计 / 合计 (设备投资 stored as the year to
date), 上年同期 under a plain 完成投资 group left out, 2024年度1-10月 read without its year, and a month above its year
to date said in raw yuan with no year. WPS-style sheets (title, 单位：万元 line, merged two-row header, three
projects of 高要区, a 合计 row), real .xlsx files imported through the service, both engines; figures by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = "肇庆市高要区2025年1-10月重点项目进展情况表"
NAMES = ["宏达电池材料项目", "金利五金制造基地", "华陶陶瓷新材料项目"]
PLANNED = [50000, 30000, 12000]  # 总投资, 万元
# 万元: Jan–Oct 2025 9800 / 6500 / 3100; Jan–Oct 2024 7200 / 5100 / 2600
YTD, LAST = [9800, 6500, 3100], [7200, 5100, 2600]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def records(ctx: AppContext) -> dict[str, list[tuple[int, int | None, int, int]]]:
    """Each project's (year, first month of a span or None, month, yuan)."""
    return {
        p.name: [(r.year, r.first_month, r.month, r.amount) for r in ctx.projects.investment(p.id)]
        for p in ctx.projects.all_projects()
    }


def wps(
    path: Path, group: str | None, subs: list[str], figures: list[list[int]], head: list[str] | None = None
) -> Path:
    """项目名称 | 建设单位 | 总投资 merged down two rows, then ``group`` merged across ``subs`` (or, with ``head``,
    header cells of their own merged down); a 合计 row of the columns' sums under the three projects."""
    if head is None:
        assert group is not None
        head = [group, *[None] * (len(subs) - 1)]
        last = chr(ord("D") + len(subs) - 1)
        merges = ["A3:A4", "B3:B4", "C3:C4", f"D3:{last}3"] if len(subs) > 1 else ["A3:A4", "B3:B4", "C3:C4"]
    else:
        merges = [f"{chr(ord('A') + j)}3:{chr(ord('A') + j)}4" for j in range(3 + len(head))]
        subs = [None] * len(head)  # type: ignore[list-item]
    rows: list[list] = [[TITLE], ["单位：万元"], ["项目名称", "建设单位", "总投资", *head], [None, None, None, *subs]]
    rows += [[NAMES[i], f"{'甲乙丙'[i]}公司", PLANNED[i], *f] for i, f in enumerate(figures)]
    rows.append(["合计", None, sum(PLANNED), *(sum(col) for col in zip(*figures, strict=True))])
    return write_workbook(path, SheetSpec("Sheet1", rows, merges=merges))


def codes(result: ImportResult) -> list[str]:
    return [p.problem.code for p in result.problems]


# -- 1: a group of plain parts with no 小计 / 合计 is asked, never read as the whole ---------------------------
# 设备投资 3000 / 2000 / 1000, 建安工程 6800 / 4500 / 2100 (万元), 其他 0 / 0 / 0: no column is the year to date
PARTS = {
    2: (["设备投资", "建安工程"], [[3000, 6800], [2000, 4500], [1000, 2100]]),
    3: (["设备投资", "建安工程", "其他"], [[3000, 6800, 0], [2000, 4500, 0], [1000, 2100, 0]]),
}


@pytest.mark.parametrize("n", [2, 3])
def test_plain_parts_without_a_total_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path, n: int) -> None:
    """2025年1-10月完成投资 over 设备投资 | 建安工程 (| 其他): 设备投资's 3,000万 was stored as Jan–Oct 2025 (其他
    as notes)."""
    subs, figures = PARTS[n]
    path = wps(tmp_path / "parts.xlsx", "2025年1-10月完成投资", subs, figures)
    result = service.import_file(path, ImportOptions())
    assert codes(result) == ["parts_without_total"] and not result.written
    (asked,) = result.problems
    letters = "DEF"[:n]
    assert asked.column == "D" and asked.row == 3  # the header row of the group
    en, zh = asked.reason("en"), asked.reason("zh")
    assert "“2025年1-10月完成投资”" in en and all(f"{c} “{s}”" in en for c, s in zip(letters, subs, strict=True))
    assert '--map "D=ytd"' in en and " ".join(f"--map {c}=none" for c in letters) in en
    assert "分组表头“2025年1-10月完成投资”" in zh and "--map D=none" in zh
    assert records(ctx) == {} and not ctx.projects.all_projects()  # nothing stored from the sheet


def test_plain_parts_answered_with_the_total_column(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The analyst knows 建安工程 is the year to date: --map E=ytd reads it over Jan–Oct 2025; 设备投资 stays a part."""
    subs, figures = PARTS[2]
    path = wps(tmp_path / "parts.xlsx", "2025年1-10月完成投资", subs, figures)
    result = service.import_file(path, ImportOptions(column_map={"E": "ytd"}))
    assert result.ok, result.problems
    # 6,800万 = 68,000,000; 4,500万 = 45,000,000; 2,100万 = 21,000,000, all January–October 2025
    assert records(ctx) == {
        NAMES[0]: [(2025, 1, 10, 68_000_000)],
        NAMES[1]: [(2025, 1, 10, 45_000_000)],
        NAMES[2]: [(2025, 1, 10, 21_000_000)],
    }
    assert any(n.params.get("column") == "D" and "a part" in n.message("en") for n in result.notes)


def test_plain_parts_answered_none_import_no_figure(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    subs, figures = PARTS[3]
    path = wps(tmp_path / "parts.xlsx", "2025年1-10月完成投资", subs, figures)
    half = service.import_file(path, ImportOptions(column_map={"D": None, "E": None}))  # F still unsaid: asked
    assert codes(half) == ["parts_without_total"] and "F “其他”" in half.problems[0].reason("en")
    result = service.import_file(path, ImportOptions(column_map={"D": None, "E": None, "F": None}))
    assert result.ok, result.problems
    # the projects (总投资 50,000万 = 500,000,000 …), no completed investment of any month
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()} == {
        NAMES[0]: 500_000_000, NAMES[1]: 300_000_000, NAMES[2]: 120_000_000
    }  # fmt: skip
    assert records(ctx) == {name: [] for name in NAMES}


@pytest.mark.parametrize(
    ("subs", "figures"),
    [
        # a 小计 (fix26d): the total is the figure, 9,800 / 6,500 / 3,100万
        (["设备投资", "建安工程", "小计"], [[3000, 6800, 9800], [2000, 4500, 6500], [1000, 2100, 3100]]),
        # 其中：设备投资 beside one plain column: the plain column is the figure
        (["建安工程", "其中：设备投资"], [[9800, 3000], [6500, 2000], [3100, 1000]]),
        # a sub-column naming the group's figure by its own words: the plain ones beside it are parts
        (["设备投资", "建安工程", "完成投资"], [[3000, 6800, 9800], [2000, 4500, 6500], [1000, 2100, 3100]]),
        # 其他 beside a 合计 is a part, never remarks
        (["设备投资", "其他", "合计"], [[3000, 6800, 9800], [2000, 4500, 6500], [1000, 2100, 3100]]),
    ],
)
def test_a_group_with_its_total_reads_the_total(
    service: ImportService, ctx: AppContext, tmp_path: Path, subs: list[str], figures: list[list[int]]
) -> None:
    result = service.import_file(wps(tmp_path / "total.xlsx", "2025年1-10月完成投资", subs, figures), ImportOptions())
    assert result.ok, result.problems
    # 9,800万 = 98,000,000; 6,500万 = 65,000,000; 3,100万 = 31,000,000 over January–October 2025
    assert records(ctx) == {
        NAMES[0]: [(2025, 1, 10, 98_000_000)],
        NAMES[1]: [(2025, 1, 10, 65_000_000)],
        NAMES[2]: [(2025, 1, 10, 31_000_000)],
    }
    assert all(p.notes in (None, "") for p in ctx.projects.all_projects())  # no 其他 figure as a remark


# -- 2: 上年同期 under a plain 完成投资 group is last year's year to date -----------------------------------
@pytest.mark.parametrize(
    "subs", [["1-10月", "上年同期"], ["本年1-10月", "上年1-10月"], ["上年同期", "1-10月"], ["2025年1-10月", "上年同期"]]
)
def test_same_period_under_a_plain_completed_group_is_last_years(
    service: ImportService, ctx: AppContext, tmp_path: Path, subs: list[str]
) -> None:
    """完成投资 over 1-10月 | 上年同期: 上年同期 (7,200万) was not imported, said as last year's month."""
    this_first = subs[0] != "上年同期"
    figures = [[y, ly] if this_first else [ly, y] for y, ly in zip(YTD, LAST, strict=True)]
    result = service.import_file(wps(tmp_path / "ly.xlsx", "完成投资", subs, figures), ImportOptions())
    assert result.ok, result.problems
    # 2024 Jan–Oct 7,200万 = 72,000,000 beside 2025 Jan–Oct 9,800万 = 98,000,000; 5,100 / 6,500; 2,600 / 3,100
    assert records(ctx) == {
        NAMES[0]: [(2024, 1, 10, 72_000_000), (2025, 1, 10, 98_000_000)],
        NAMES[1]: [(2024, 1, 10, 51_000_000), (2025, 1, 10, 65_000_000)],
        NAMES[2]: [(2024, 1, 10, 26_000_000), (2025, 1, 10, 31_000_000)],
    }
    (note,) = [n for n in result.notes if n.code == "note_last_year_written"]
    assert note.params["year"] == 2024 and note.params["column"] == ("E" if this_first else "D")


def test_same_period_right_after_the_year_to_date_is_last_years_beside_a_month_too(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """完成投资 over 10月 | 1-10月 | 上年同期: districts put 同期 after the figure it compares — last year's 1–10月
    (fix28q; probe27h had left it unread). After the month (10月 | 上年同期 | 1-10月) it is last year's October: not
    imported, said."""
    figures = [[1200, y, ly] for y, ly in zip(YTD, LAST, strict=True)]
    result = service.import_file(wps(tmp_path / "ly.xlsx", "完成投资", ["10月", "1-10月", "上年同期"], figures),
                                 ImportOptions())  # fmt: skip
    assert result.ok, result.problems
    # 2024 Jan–Oct 7,200万 = 72,000,000; this year's 9,800万 as 1–9月 8,600万 and October 1,200万
    assert records(ctx)[NAMES[0]] == [(2024, 1, 10, 72_000_000), (2025, 1, 9, 86_000_000), (2025, None, 10, 12_000_000)]
    (note,) = [n for n in result.notes if n.code == "note_last_year_written"]
    assert note.params["column"] == "F"
    figures = [[1200, ly, y] for y, ly in zip(YTD, LAST, strict=True)]
    path = wps(tmp_path / "ly2.xlsx", "完成投资", ["10月", "上年同期", "1-10月"], figures)
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert all(r[0] == 2025 for rows in records(ctx).values() for r in rows[1:])
    assert any(n.params.get("column") == "E" and "last year's amount" in n.message("en") for n in result.notes)


# -- 3: 2024年度1-10月 is 2024's January–October ---------------------------------------------------------
@pytest.mark.parametrize("header", ["2024年度1-10月", "2024年度1-10月完成投资", "2024年度 1—10月"])
def test_a_year_with_du_names_its_year(service: ImportService, ctx: AppContext, tmp_path: Path, header: str) -> None:
    """2025年度计划投资 | 2025年1-10月完成投资 | 2024年度1-10月: 2024年度1-10月 was not imported (or, 完成投资 after it,
    read as 2025's and refused as a second 1-10月)."""
    plans = [12000, 8000, 4000]
    figures = [[p, y, ly] for p, y, ly in zip(plans, YTD, LAST, strict=True)]
    head = ["2025年度计划投资", "2025年1-10月完成投资", header]
    result = service.import_file(wps(tmp_path / "du.xlsx", None, [], figures, head=head), ImportOptions())
    assert result.ok, result.problems
    # 2024 Jan–Oct 7,200万 = 72,000,000; 2025 Jan–Oct 9,800万 = 98,000,000
    assert records(ctx)[NAMES[0]] == [(2024, 1, 10, 72_000_000), (2025, 1, 10, 98_000_000)]
    assert records(ctx)[NAMES[2]] == [(2024, 1, 10, 26_000_000), (2025, 1, 10, 31_000_000)]
    # 2025年度计划投资 still the 2025 plan: 12,000万 = 120,000,000
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == NAMES[0])
    assert [(a.year, a.amount) for a in ctx.projects.plans(pid)] == [(2025, 120_000_000)]


# -- 4: a month above its year to date: the year, the month and both amounts in the sheet's unit --------------------
def test_a_month_above_its_year_to_date_says_year_month_and_wan(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """10月完成投资 1,200万 beside 2025年1-10月完成投资 1,000万 (row 5): said as 12000000 and 10000000 yuan, no year."""
    figures = [[1200, 1000], [700, 6500], [350, 3100]]
    head = ["10月完成投资", "2025年1-10月完成投资"]
    result = service.import_file(wps(tmp_path / "above.xlsx", None, [], figures, head=head), ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "month_above_ytd" and problem.row == 5 and not result.written
    # 1,200万元 = ¥12.00 mn, 1,000万元 = ¥10.00 mn
    en, zh = problem.reason("en"), problem.reason("zh")
    assert "2025-10, ¥12.00 mn, is more than the year to date" in en and "(months 1–10 of 2025), ¥10.00 mn" in en
    assert "2025年10月当月完成额 1,200万元 大于 2025年1–10月累计 1,000万元" in zh


def test_last_years_month_above_its_year_to_date_names_that_year(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """2024年 over 10月 | 1-10月: October 2024's 960万 above 2024's 1–10月 900万 (row 5)."""
    figures = [[960, 900, 1200, 9800], [560, 5100, 700, 6500], [280, 2600, 350, 3100]]
    rows: list[list] = [[TITLE], ["单位：万元"], ["项目名称", "建设单位", "总投资", "2024年", None, "2025年", None],
                        [None, None, None, "10月", "1-10月", "10月", "1-10月"]]  # fmt: skip
    rows += [[NAMES[i], f"{'甲乙丙'[i]}公司", PLANNED[i], *f] for i, f in enumerate(figures)]
    rows.append(["合计", None, sum(PLANNED), *(sum(col) for col in zip(*figures, strict=True))])
    merges = ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3"]
    result = service.import_file(write_workbook(tmp_path / "ly.xlsx", SheetSpec("Sheet1", rows, merges=merges)),
                                 ImportOptions())  # fmt: skip
    (problem,) = [p for p in result.problems if p.problem.code == "month_above_ytd"]
    assert problem.row == 5 and problem.column == "E"
    # 960万元 = ¥9.60 mn, 900万元 = ¥9.00 mn
    assert "2024-10, ¥9.60 mn" in problem.reason("en") and "(months 1–10 of 2024), ¥9.00 mn" in problem.reason("en")
    assert "2024年10月当月完成额 960万元 大于 2024年1–10月累计 900万元" in problem.reason("zh")
