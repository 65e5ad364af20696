"""A project's first year to date reaching back before its construction start (probe30b F2): 丰宁储能 started in
April 2025 and first reported 1-4月累计 600万. Stored as one figure over January–April, it left the 2025
year to date through March — and so 2026's growth through March — without a figure for the whole city.
With the start month known to the month (开工时间 of the row, or stored), the figure is April's own amount,
with a note; without it, the span stays (a first appearance in a list proves nothing). Real .xlsx files
written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_read_csv import run

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _report(tmp_path: Path, year: int, month: int, rows: list[list], start: bool) -> Path:
    """高要市's 1-X月累计 report; ``start``: with a 开工时间 column."""
    header = ["序号", "项目编号", "项目名称", "县（市、区）", "所属行业", "项目状态", "计划总投资（万元）"]
    header += ["开工时间"] if start else []
    header += [f"1-{month}月累计完成投资（万元）"]
    body = [r if start else r[:7] + r[8:] for r in rows]
    title = [f"高要市{year}年1-{month}月重点项目投资完成情况表"]
    path = tmp_path / f"{year}-{month:02d}{'_start' if start else ''}.xlsx"
    return write_workbook(path, SheetSpec("Sheet1", [title, ["单位：万元"], header, *body]))


OLD = [1, "ZQ2024005", "金利五金制品产业园", "高要市", "金属加工", "在建", 40000, datetime(2023, 5, 1)]
NEW = [2, "ZQ2025008", "丰宁储能电站项目", "高要市", "新能源", "新开工", 90000, datetime(2025, 4, 10)]


def _load(service: ImportService, tmp_path: Path, start: bool) -> list:
    results = []
    for year, month, rows in [
        (2025, 3, [[*OLD, 1000]]),
        (2025, 4, [[*OLD, 1500], [*NEW, 600]]),
        (2026, 3, [[*OLD, 1200], [*NEW, 900]]),
    ]:
        result = service.import_file(_report(tmp_path, year, month, rows, start), ImportOptions())
        assert result.ok, result.problems
        results.append(result)
    return results


def _records(ctx: AppContext, code: str, year: int) -> list[tuple[int | None, int, int]]:
    (p,) = [p for p in ctx.projects.all_projects() if p.code == code]
    return sorted((r.first_month, r.month, r.amount) for r in ctx.projects.investment(p.id) if r.year == year)


def test_first_ytd_before_start_is_the_start_months_own(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    results = _load(service, tmp_path, start=True)
    assert _records(ctx, "ZQ2025008", 2025) == [(None, 4, 6_000_000)]  # April's own, not 1–4月
    (note,) = [n for n in results[1].notes if n.code == "note_ytd_from_start"]
    assert "Row 5" in note.message("en") and "2025-04" in note.message("en")
    assert not [n for n in results[2].notes if n.code == "note_ytd_unreported"]
    c = ctx.statistics.summary(2026, 3).completed
    # 2026: 1200 + 900 万; 2025 through March: 1000 万 (丰宁 not started): +110.0%
    assert (c.total.ytd, c.total.prior_ytd, c.total.yoy_pct) == (21_000_000, 10_000_000, 110.0)
    assert c.by_district["高要市"].yoy_pct == 110.0
    assert c.by_sector["新能源"].prior_ytd == 0  # no growth figure of a base of 0, but no span either
    assert c.by_sector["新能源"].comparable
    assert ctx.statistics.summary(2025, 4).completed.total.ytd == 21_000_000  # 1500 + 600 万


def test_start_unknown_keeps_the_span(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Without 开工时间 the first appearance in April proves nothing of January–March: the span stays."""
    results = _load(service, tmp_path, start=False)
    assert _records(ctx, "ZQ2025008", 2025) == [(1, 4, 6_000_000)]
    assert not [n for n in results[1].notes if n.code == "note_ytd_from_start"]
    c = ctx.statistics.summary(2026, 3).completed
    assert not c.total.comparable and c.total.yoy_pct is None


def test_start_of_a_year_alone_keeps_the_span(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """开工时间 “2025年” says the year, not the month: 1–4 stays one figure."""
    NEW[7] = "2025年"
    try:
        _load(service, tmp_path, start=True)
    finally:
        NEW[7] = datetime(2025, 4, 10)
    assert _records(ctx, "ZQ2025008", 2025) == [(1, 4, 6_000_000)]


def test_summary_json_gives_the_like_with_like_growth(db_url: str, tmp_path: Path) -> None:
    """Start unknown: the span 1–4月 of 2025 straddles March, so the city's growth has no figure; the text
    gave it like with like, the JSON gave nothing — now it gives the same, naming who is left out."""
    for year, month, rows in [
        (2025, 3, [[*OLD, 1000]]),
        (2025, 4, [[*OLD, 1500], [*NEW, 600]]),
        (2026, 3, [[*OLD, 1200], [*NEW, 900]]),
    ]:
        code, _out, err = run("--db", db_url, "import", str(_report(tmp_path, year, month, rows, start=False)))
        assert code == 0, err
    code, out, err = run("--db", db_url, "summary", "--year", "2026", "--through", "3", "--json")
    assert code == 0, err
    c = json.loads(out)["completed_investment"]
    assert c["yoy_pct"] is None and c["comparable"] is False
    # without 丰宁: 1200 万 against 1000 万
    assert (c["like_for_like_ytd_yuan"], c["like_for_like_prior_ytd_yuan"]) == (12_000_000, 10_000_000)
    assert c["like_for_like_yoy_pct"] == 20.0
    assert c["like_for_like_left_out"] == {"projects": 1, "districts": ["高要市"]}
    code, out, _err = run("--db", db_url, "--lang", "zh", "summary", "--year", "2026", "--through", "3")
    assert "同口径+20.0%（不含1个合并填报项目：高要市）" in out
