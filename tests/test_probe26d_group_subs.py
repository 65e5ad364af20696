"""Sub-columns under a merged group header that were read as the wrong field, exit 0 (probe26d): a year in a
sub-header (2024年 under 1-10月完成投资, 1-10月 under 2024年) stored as this year's figure; 增减额 under 完成投资 stored
as the month's own amount; plain parts before their 小计 stored as the whole; 2026年计划投资 beside 2025年's dropped.
Real .xlsx files written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

TITLE = "肇庆市高要区2025年1-10月重点项目进展情况表"
NOV_TITLE = "肇庆市高要区2025年1-11月重点项目进展情况表"
NAMES = ["宏达电池材料项目", "金利五金制造基地", "华陶陶瓷新材料项目"]
# 万元: Jan–Oct 2025 9800 / 6500 / 3100; Jan–Oct 2024 7200 / 5100 / 2600; October 2025's own 1200 / 700 / 350
YTD, LAST, OCT = [9800, 6500, 3100], [7200, 5100, 2600], [1200, 700, 350]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def records(ctx: AppContext, name: str) -> list[tuple[int, int | None, int, int]]:
    """(year, first month of a span or None, month, yuan) of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.year, r.first_month, r.month, r.amount) for r in ctx.projects.investment(pid)]


def grouped(path: Path, groups: list[tuple[str, list[str]]], figures: list[list[int]], title: str = TITLE) -> Path:
    """序号 | 项目名称 | 建设单位 merged down two rows, then each group merged across its sub-columns."""
    head: list = ["序号", "项目名称", "建设单位"]
    subs: list = [None, None, None]
    merges = ["A3:A4", "B3:B4", "C3:C4"]
    for group, under in groups:
        first = chr(ord("A") + len(head))
        head += [group, *[None] * (len(under) - 1)]
        subs += under
        if len(under) > 1:
            merges.append(f"{first}3:{chr(ord(first) + len(under) - 1)}3")
    rows = [[title], ["单位：万元"], head, subs]
    rows += [[i + 1, NAMES[i], f"{'甲乙丙'[i]}公司", *f] for i, f in enumerate(figures)]
    return write_workbook(path, SheetSpec("Sheet1", rows, merges=merges))


def notes(result: object, words: str) -> list[str]:
    return [n.params.get("column", "") for n in result.notes if words in n.message("en")]  # type: ignore[attr-defined]


# -- R1: a year in a sub-header governs its column's year -----------------------------------------------------------
@pytest.mark.parametrize("last_first", [True, False])
def test_a_year_under_the_year_to_date_group_is_that_years(
    service: ImportService, ctx: AppContext, tmp_path: Path, last_first: bool
) -> None:
    """a06: 1-10月完成投资 over 2024年 | 2025年 | 同比增长(%): 2024's 7,200万 was stored as Jan–Oct 2025 and the 2025
    column dropped as the same field (e03, 2025年 first, was read right). Now each year is its own."""
    years = ["2024年", "2025年"] if last_first else ["2025年", "2024年"]
    rows = [
        [*((ly, y) if last_first else (y, ly)), round((y - ly) / ly * 100, 1)] for y, ly in zip(YTD, LAST, strict=True)
    ]
    path = grouped(tmp_path / "a06.xlsx", [("1-10月完成投资", [*years, "同比增长(%)"])], rows)
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    # 9,800万 = 98,000,000 over Jan–Oct 2025; 7,200万 = 72,000,000 over Jan–Oct 2024 (as 上年1-10月 is stored)
    assert records(ctx, NAMES[0]) == [(2024, 1, 10, 72_000_000), (2025, 1, 10, 98_000_000)]
    assert records(ctx, NAMES[1]) == [(2024, 1, 10, 51_000_000), (2025, 1, 10, 65_000_000)]
    assert records(ctx, NAMES[2]) == [(2024, 1, 10, 26_000_000), (2025, 1, 10, 31_000_000)]
    assert not notes(result, "another column holds the same field")


def test_a_year_group_first_of_last_year_is_last_years(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """h10: 2024年 over 10月 | 1-10月, then 2025年 over 10月 | 1-10月: 2025's Jan–Sep was stored as 2024's 1-10月
    less 2025's October (7,200 − 1,200 = 6,000万 instead of 8,600万)."""
    oct_last = [960, 560, 280]  # October 2024's own
    rows = [[ol, ly, o, y] for ol, ly, o, y in zip(oct_last, LAST, OCT, YTD, strict=True)]
    groups = [("2024年", ["10月", "1-10月"]), ("2025年", ["10月", "1-10月"])]
    result = service.import_file(grouped(tmp_path / "h10.xlsx", groups, rows), ImportOptions())
    assert result.ok, result.problems
    # 2025: Jan–Sep 9,800 − 1,200 = 8,600万 = 86,000,000, October 1,200万 = 12,000,000;
    # 2024: Jan–Sep 7,200 − 960 = 6,240万 = 62,400,000, October 960万 = 9,600,000
    assert records(ctx, NAMES[0]) == [
        (2024, 1, 9, 62_400_000), (2024, None, 10, 9_600_000), (2025, 1, 9, 86_000_000), (2025, None, 10, 12_000_000)
    ]  # fmt: skip
    # 6,500 − 700 = 5,800万; 5,100 − 560 = 4,540万
    assert records(ctx, NAMES[1]) == [
        (2024, 1, 9, 45_400_000), (2024, None, 10, 5_600_000), (2025, 1, 9, 58_000_000), (2025, None, 10, 7_000_000)
    ]  # fmt: skip


def test_last_years_group_after_this_years_is_stored_as_last_years(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """h08: 2025年 over 10月 | 1-10月, then 2024年 over 10月 | 1-10月: 2024's 1-10月 was dropped as the same field
    (its 10月 was stored as October 2024's own)."""
    oct_last = [960, 560, 280]  # October 2024's own
    rows = [[o, y, ol, ly] for o, y, ol, ly in zip(OCT, YTD, oct_last, LAST, strict=True)]
    groups = [("2025年", ["10月", "1-10月"]), ("2024年", ["10月", "1-10月"])]
    result = service.import_file(grouped(tmp_path / "h08.xlsx", groups, rows), ImportOptions())
    assert result.ok, result.problems
    # 2024: Jan–Sep 2,600 − 280 = 2,320万, October 280万; 2025: Jan–Sep 3,100 − 350 = 2,750万, October 350万
    assert records(ctx, NAMES[2]) == [
        (2024, 1, 9, 23_200_000), (2024, None, 10, 2_800_000), (2025, 1, 9, 27_500_000), (2025, None, 10, 3_500_000)
    ]  # fmt: skip


def test_novembers_own_after_an_october_of_last_year_first(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """h11: the a06 layout in October, then a plain 2025年1-11月完成投资 in November: the wrong October year to date
    (2024's) made November's own 3,600万 instead of 1,000万."""
    rows = [[ly, y] for y, ly in zip(YTD, LAST, strict=True)]
    october = grouped(tmp_path / "oct.xlsx", [("1-10月完成投资", ["2024年", "2025年"])], rows)
    assert service.import_file(october, ImportOptions()).ok
    nov_ytd = [10800, 7100, 3400]  # 9,800 + 1,000; 6,500 + 600; 3,100 + 300
    head = ["序号", "项目名称", "建设单位", "2025年1-11月完成投资"]
    body = [[i + 1, NAMES[i], f"{'甲乙丙'[i]}公司", v] for i, v in enumerate(nov_ytd)]
    november = write_workbook(tmp_path / "nov.xlsx", SheetSpec("Sheet1", [[NOV_TITLE], ["单位：万元"], head, *body]))
    result = service.import_file(november, ImportOptions())
    assert result.ok, result.problems
    # November's own: 10,800 − 9,800 = 1,000万 = 10,000,000; 7,100 − 6,500 = 600万; 3,400 − 3,100 = 300万
    assert records(ctx, NAMES[0])[-1] == (2025, None, 11, 10_000_000)
    assert records(ctx, NAMES[1])[-1] == (2025, None, 11, 6_000_000)
    assert records(ctx, NAMES[2])[-1] == (2025, None, 11, 3_000_000)


# -- R2: a change on last year under a 完成投资 group is never an amount ----------------------------------------------
@pytest.mark.parametrize("word", ["增减额", "增减", "同比增减额", "比上年增减"])
def test_a_change_under_a_completed_group_is_not_the_months_amount(
    service: ImportService, ctx: AppContext, tmp_path: Path, word: str
) -> None:
    """f03: 完成投资 over 1-10月累计 | 增减额: 增减额 (this year's less last year's, 2,600万 for row 1) was read as
    October's own amount and Jan–Sep stored as 9,800 − 2,600 = 7,200万, with no note."""
    rows = [[y, y - ly] for y, ly in zip(YTD, LAST, strict=True)]
    result = service.import_file(
        grouped(tmp_path / "f03.xlsx", [("完成投资", ["1-10月累计", word])], rows), ImportOptions()
    )
    assert result.ok, result.problems
    # one record each, January–October: 9,800万 = 98,000,000; 6,500万; 3,100万
    assert records(ctx, NAMES[0]) == [(2025, 1, 10, 98_000_000)]
    assert records(ctx, NAMES[1]) == [(2025, 1, 10, 65_000_000)]
    assert records(ctx, NAMES[2]) == [(2025, 1, 10, 31_000_000)]
    assert notes(result, "a change on last year, not completed investment") == ["E"]


def test_a_change_beside_this_and_last_years_figures(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """a07: 完成投资 over 本年1-10月 | 上年同期 | 增减额 | 同比(%): Jan–Sep 7,200 and October 2,600万 were stored."""
    rows = [[y, ly, y - ly, round((y - ly) / ly * 100, 1)] for y, ly in zip(YTD, LAST, strict=True)]
    groups = [("完成投资", ["本年1-10月", "上年同期", "增减额", "同比(%)"])]
    result = service.import_file(grouped(tmp_path / "a07.xlsx", groups, rows), ImportOptions())
    assert result.ok, result.problems
    # 9,800万, nothing for October alone; 上年同期 beside 本年1-10月 is last year's Jan–Oct, 7,200万 (probe27h)
    assert records(ctx, NAMES[0]) == [(2024, 1, 10, 72_000_000), (2025, 1, 10, 98_000_000)]
    assert notes(result, "a change on last year") == ["F"]


# -- R3: a group's 小计 / 合计 is its figure; the plain parts beside it are parts -------------------------------------
@pytest.mark.parametrize(
    "subs", [["设备投资", "建安工程", "小计"], ["建安工程", "合计", "设备投资"], ["合计", "设备投资", "建安工程"]]
)
def test_plain_parts_before_their_total_are_never_the_whole(
    service: ImportService, ctx: AppContext, tmp_path: Path, subs: list[str]
) -> None:
    """g08: 2025年1-10月完成投资 over 设备投资 | 建安工程 | 小计: 设备投资 (40%: 3,920万 of 9,800万) was stored as the
    year to date, and 小计 noted as the same field."""
    equipment = [round(y * 0.4) for y in YTD]  # 3,920 / 2,600 / 1,240万
    by_word = {
        "设备投资": equipment,
        "建安工程": [y - e for y, e in zip(YTD, equipment, strict=True)],
        "小计": YTD,
        "合计": YTD,
    }
    rows = [[by_word[s][i] for s in subs] for i in range(3)]
    result = service.import_file(
        grouped(tmp_path / "g08.xlsx", [("2025年1-10月完成投资", subs)], rows), ImportOptions()
    )
    assert result.ok, result.problems
    assert records(ctx, NAMES[0]) == [(2025, 1, 10, 98_000_000)]  # the total: 9,800万
    assert records(ctx, NAMES[1]) == [(2025, 1, 10, 65_000_000)]
    assert records(ctx, NAMES[2]) == [(2025, 1, 10, 31_000_000)]
    total = "DEF"[subs.index("小计" if "小计" in subs else "合计")]
    assert sorted(notes(result, "a part (其中)")) == sorted(set("DEF") - {total})


def test_plain_parts_of_the_planned_total(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The same under 计划总投资: 土建 | 设备 | 合计, the total last."""
    rows = [[30000, 20000, 50000], [20000, 12000, 32000], [6000, 2600, 8600]]
    result = service.import_file(
        grouped(tmp_path / "pl.xlsx", [("计划总投资", ["土建", "设备", "合计"])], rows), ImportOptions()
    )
    assert result.ok, result.problems
    # 50,000万 = 500,000,000; 32,000万; 8,600万
    got = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    assert got == {NAMES[0]: 500_000_000, NAMES[1]: 320_000_000, NAMES[2]: 86_000_000}


# -- g06: next year's plan beside this year's ----------------------------------------------------------------------
def test_next_years_plan_beside_this_years_is_kept(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """g06: 2026年计划投资 beside 2025年计划投资 was dropped as the same field."""
    head = ["序号", "项目名称", "建设单位", "2025年计划投资", "2026年计划投资", "2025年1-10月完成投资"]
    body = [
        [i + 1, NAMES[i], f"{'甲乙丙'[i]}公司", ap, ap + 1000, y]
        for i, (ap, y) in enumerate(zip([12000, 8000, 4000], YTD, strict=True))
    ]
    path = write_workbook(tmp_path / "g06.xlsx", SheetSpec("Sheet1", [[TITLE], ["单位：万元"], head, *body]))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == NAMES[0])
    # 12,000万 = 120,000,000 for 2025; 13,000万 = 130,000,000 for 2026
    assert sorted((a.year, a.amount) for a in ctx.projects.plans(pid)) == [(2025, 120_000_000), (2026, 130_000_000)]
    assert records(ctx, NAMES[0]) == [(2025, 1, 10, 98_000_000)]
