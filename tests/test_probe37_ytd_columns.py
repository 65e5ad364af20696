"""Completed-investment columns near in meaning (probe37c): 累计完成投资 beside 本年完成投资 had been taken as this
year's year to date when it came first (twice the real figure; 本年完成投资 dropped as a second column of the
field); 其中：本年完成 right of 开工累计完成投资 had been dropped as a part, the year to date becoming October
alone; 开工以来累计 and 当月完成 万元 were not known; 上年同期 right after 1-10月完成 was not imported on a
one-row header. Real .xlsx files written by openpyxl, imported through the service, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _figures(ctx: AppContext) -> dict[str, tuple[int | None, dict[tuple[int, int], int]]]:
    """Name → (since-start yuan, {(year, last month): yuan})."""
    out = {}
    for p in ctx.projects.all_projects():
        assert p.id is not None
        records = {(r.year, r.month): r.amount for r in ctx.projects.investment(p.id)}
        out[p.name] = (p.since_start_amount, records)
    return out


def _sheet(title: str, header: list[str], rows: list[list]) -> SheetSpec:
    return SheetSpec("Sheet1", [[title], ["单位：万元"], ["序号", "项目名称", "建设单位", *header], *rows])


@pytest.mark.parametrize("since_first", [True, False], ids=["cumulative_first", "this_year_first"])
def test_bare_cumulative_beside_this_year_is_since_start(
    service: ImportService, ctx: AppContext, tmp_path: Path, since_first: bool
) -> None:
    """P37c-1: 累计完成投资 (6324) | 本年完成投资 (3264) | 本月完成 (326): this year's is 3264万, in either order;
    the 累计 is the since-start figure."""
    header, a, b = ["累计完成投资", "本年完成投资", "本月完成"], 6324, 3264
    if not since_first:
        header, a, b = ["本年完成投资", "累计完成投资", "本月完成"], 3264, 6324
    rows = [[1, "端州智能装备项目", "甲公司", a, b, 326], [2, "端州新能源电池项目", "乙公司", a * 2, b * 2, 652]]
    path = write_workbook(tmp_path / "f04.xlsx", _sheet("端州区2026年1-10月重点项目推进情况表", header, rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, result.problems
    assert _figures(ctx) == {  # the 1-9月 record: 3264 − 326 万
        "端州智能装备项目": (6324 * WAN, {(2026, 9): 2938 * WAN, (2026, 10): 326 * WAN}),
        "端州新能源电池项目": (12648 * WAN, {(2026, 9): 5876 * WAN, (2026, 10): 652 * WAN}),
    }
    said = [n for n in result.notes if "本年完成投资" in n.message("zh") or "累计完成投资" in n.message("zh")]
    assert [n.code for n in said] == ["note_bare_since"], [n.message("en") for n in said]  # (probe38 O1)
    bare, beside = ("D", "E") if since_first else ("E", "D")
    assert f"column {bare} “累计完成投资”, beside this year's column {beside} “本年完成投资”" in said[0].message("en")
    assert "按自开工累计完成投资读取" in said[0].message("zh")


def test_this_year_of_since_start_and_a_spaced_unit(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """P37c-4, -5: 开工累计完成投资 (6758) | 其中：本年完成 (3488) | 当月完成 万元 (349): the year to date is 3488万
    (it had been October's 349万 alone), October 349万 (the 当月 column had not been known)."""
    header = ["开工累计完成投资", "其中：本年完成", "当月完成 万元"]
    rows = [[1, "德庆智能装备项目", "丙公司", 6758, 3488, 349]]
    path = write_workbook(tmp_path / "f18.xlsx", _sheet("德庆县2026年1-10月重点项目进度表", header, rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1, result.problems
    assert _figures(ctx) == {"德庆智能装备项目": (6758 * WAN, {(2026, 9): 3139 * WAN, (2026, 10): 349 * WAN})}
    assert not [n for n in result.notes if "其中" in n.message("zh") or "当月完成" in n.message("zh")]


def test_same_period_after_range_and_since_start_alone(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """P37c-5, -6: 10月完成 | 1-10月完成 | 上年同期 | 开工以来累计 on one header row: 上年同期 is 2025's Jan–Oct
    (3038万) as under a merged group, 开工以来累计 the since-start figure (6541万); neither had been read."""
    header = ["10月完成", "1-10月完成", "上年同期", "开工以来累计"]
    rows = [[1, "四会智能装备项目", "丁公司", 338, 3376, 3038, 6541]]
    path = write_workbook(tmp_path / "f11.xlsx", _sheet("四会市2026年1-10月重点项目进度", header, rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1, result.problems
    assert _figures(ctx) == {
        "四会智能装备项目": (6541 * WAN, {(2025, 10): 3038 * WAN, (2026, 9): 3038 * WAN, (2026, 10): 338 * WAN})
    }
    assert not [n for n in result.notes if "开工以来累计" in n.message("zh")]
