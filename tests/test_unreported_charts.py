"""A month some district did not report (高要区's March never imported) in the charts and the export,
by the key figures' rule (stats/gaps.py): the month's bar is what was reported, hatched, its tooltip
naming the district; its growth and every year to date's from then on compare like with like, that
district's month left out of both years — the growth tile's figure. The sector and district bars show
a line's like-with-like growth, marked, not "—". Real .xlsx files imported through the service
(tests/test_unreported_key_figures.py's), both engines.

Figures (万元), as there: 2024 January–October P (高要区, 新型储能) 60 and Q (端州区, 电子信息) 40 a month.
2025 ("district"): P 72 a month but March not reported; Q 48 a month, March too.
  March: 48 reported against 100 — was −52.0%. Like with like, 2024's March without 高要区 (60): 40,
  48 / 40 = +20.0%.
  Jan–March: 120 + 120 + 48 = 288 against 300 (plain); like with like 288 against 300 − 60 = 240: +20.0%.
  Jan–October: 1,128 against 1,000 — the growth line said +12.8%; like with like 1,128 / 940 = +20.0%,
  the tile's. 高要区 and 新型储能: 648 against 600, 540 like with like: +20.0% (was "—").
2025 ("city"): nobody's March: no bar, no growth; Jan–Oct 1,080 against 900 like with like: +20.0%
  (the line said +8.0%).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_unreported_key_figures import _load

from zqtracker.charts.chart_model import BarsChart, TimeChart
from zqtracker.charts.series import chart_data
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService

WAN = 10_000
OUT = Path("/tmp/fix27g")


@pytest.fixture
def district(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, q_march=True)


@pytest.fixture
def city(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, q_march=False)


def _series(chart: TimeChart) -> dict:
    return {s.key: s for s in chart.series}


def test_month_figures_follow_the_district_rule(district: AppContext) -> None:
    mf = district.statistics.months(2025, 10)
    # March: 端州区's 48 reported, 高要区 lacking it; a bar of what was reported, not "no bar"
    assert mf.this.bar(3) == 48 * WAN and mf.this.incomplete(3) and not mf.this.unreported(3)
    assert mf.this.named(3) == ("高要区",) and not mf.this.lacks(4) and not mf.prior.lacks(3)
    march = mf.monthly[2]  # 48 against 2024's March without 高要区: 40 → +20.0% (was 48 / 100: −52.0%)
    assert (march.current, march.prior, march.yoy_pct, march.gaps.districts) == (48 * WAN, 40 * WAN, 20.0, ("高要区",))
    q1 = mf.ytd[2]  # 288 against 240 like with like; the plain sums (the key figures') 288 against 300
    assert (q1.current, q1.prior, q1.yoy_pct, q1.key) == (288 * WAN, 240 * WAN, 20.0, (288 * WAN, 300 * WAN))
    oct_ = mf.ytd[9]  # 1,128 against 940: the growth tile's like with like
    tile = district.statistics.summary(2025, 10).completed.total
    assert (oct_.current, oct_.prior, oct_.key) == (1_128 * WAN, 940 * WAN, (tile.ytd, tile.prior_ytd))
    assert oct_.yoy_pct == tile.like_pct == 20.0
    assert mf.ytd[1].gaps.this == () and mf.ytd[1].yoy_pct == 20.0  # Jan–Feb: 240 / 200, nothing lacking


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_monthly_and_growth_charts(district: AppContext, lang: str) -> None:
    f = DashboardService(district.statistics).load(2025, 10, count_stale_projects=False)
    monthly = chart_data(f, "monthly", unit=Unit.WAN, lang=lang)
    assert isinstance(monthly, TimeChart)
    s = _series(monthly)
    assert s["current"].values[2] == 48 * WAN and s["current"].hollow[:4] == (False, False, True, False)
    assert not any(s["prior"].hollow)
    assert s["ytd"].values[9] == 1_128 * WAN and s["ytd"].hollow[1:3] == (False, True)  # the key figure, hollow
    named = "3月未报（高要区）" if lang == "zh" else "March not reported (高要区)"
    assert named in (monthly.tooltips[2] or "") and named in (monthly.tooltips[9] or "")
    assert ("斜线柱" if lang == "zh" else "Hatched: a month a district did not report") in monthly.footnote
    yoy = chart_data(f, "yoy", unit=Unit.WAN, lang=lang)
    assert isinstance(yoy, TimeChart)
    g = _series(yoy)
    # March +20.0% like with like (was −52.0%), hatched; the year to date +20.0% throughout (Oct was +12.8%)
    assert g["monthly_yoy"].values[:10] == (20.0,) * 10 and g["monthly_yoy"].hollow[:4] == (False, False, True, False)
    assert g["ytd_yoy"].values[:10] == (20.0,) * 10 and g["ytd_yoy"].hollow[1:3] == (False, True)
    like = "同口径+20.0%" if lang == "zh" else "+20.0% like with like"
    assert like in (yoy.tooltips[2] or "") and named in (yoy.tooltips[2] or "")
    # the growth said once (its own line); under the amounts, both years' sums like with like
    against = "同口径，未报月份两年均不计：48万元，上年同期40万元。" if lang == "zh" else "¥0.48 mn against ¥0.40 mn."
    assert against in (yoy.tooltips[2] or "") and (yoy.tooltips[2] or "").count("+20.0%") == 2  # month, to date


def test_a_month_nobody_reported_has_no_bar_and_the_line_agrees_with_the_tile(city: AppContext) -> None:
    f = DashboardService(city.statistics).load(2025, 10, count_stale_projects=False)
    s = _series(chart_data(f, "monthly", unit=Unit.WAN))  # type: ignore[arg-type]
    assert s["current"].values[2] is None and not s["current"].hollow[2]  # no bar, never 0
    g = _series(chart_data(f, "yoy", unit=Unit.WAN))  # type: ignore[arg-type]
    assert g["monthly_yoy"].values[2] is None  # no growth, never −100%
    # Jan–Oct 1,080 against 900: +20.0% as the tile (the line said 1,080 / 1,000 = +8.0%)
    assert g["ytd_yoy"].values[9] == 20.0 == f.summary.completed.total.like_pct


@pytest.mark.parametrize("dim", ["sectors", "districts"])
def test_sector_and_district_bars_show_the_like_for_like_growth(district: AppContext, dim: str) -> None:
    f = DashboardService(district.statistics).load(2025, 10, count_stale_projects=False)
    chart = chart_data(f, dim, unit=Unit.WAN, lang="zh")
    assert isinstance(chart, BarsChart)
    # 高要区 / 新型储能 648 against 540 like with like: +20.0%, marked (was "—"); the other +20.0% plainly
    lacking = "新型储能" if dim == "sectors" else "高要区"
    rows = {r.key: (r.left, r.right, r.like) for r in chart.rows}
    assert rows[lacking] == (648 * WAN, 20.0, True)
    assert rows["电子信息" if dim == "sectors" else "端州区"] == (480 * WAN, 20.0, False)
    tip = next(r.tooltip for r in chart.rows if r.key == lacking)
    assert "同比：同口径+20.0%" in tip and "3月未报（高要区）" in tip and "上年同期540万元" in tip
    assert "斜线、*" in chart.footnote


def test_the_export_marks_the_month_and_the_lines(district: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    ExportService(district.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    book = openpyxl.load_workbook(path)
    rows = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    # the monthly table's March: 48 reported against 100, growth 48 / 40 = +20.0%, the note naming 高要区
    march = next(r for r in rows if r and r[0] == "3月" and r[2] == 100)
    assert march[1] == 48 and march[3] == pytest.approx(0.2)
    assert "3月未报（高要区）" in march[4] and "（48万元，上年同期40万元）" in march[4]
    april = next(r for r in rows if r and r[0] == "4月" and r[2] == 100)
    assert april[1] == 120 and april[3] == pytest.approx(0.2) and april[4] is None
    # by district and by sector: 高要区 / 新型储能 648 against 600, +20.0% like with like (was "—"), noted
    for name in ("高要区", "新型储能"):
        row = next(r for r in rows if name in r and 648 in r)
        at = row.index(648)
        assert row[at + 1] == 600 and row[at + 2] == pytest.approx(0.2)
        assert "同比按同口径计算为+20.0%" in row[at + 4] and "540万元" in row[at + 4]
    # the totals: 1,128 against 1,000, +20.0% like with like (940), never "—" or +12.8%
    totals = [r for r in rows if "合计" in r and 1_128 in r]
    assert len(totals) == 3 and all(r[r.index(1_128) + 2] == pytest.approx(0.2) for r in totals)
    # the chart's March bar of 2025 hatched
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert sum(c.count('prst="wdUpDiag"') for c in charts) == 1
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"export-{district.database.url.split(':')[0]}.xlsx").write_bytes(path.read_bytes())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots(qapp, district: AppContext, lang: str) -> None:
    from zqtracker.charts.render import render_chart

    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("monthly", "yoy", "districts"):
        png = render_chart(district.statistics, name, year=2025, through=10, lang=lang, unit=Unit.WAN, fmt="png")
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        (OUT / f"{name}-{lang}.png").write_bytes(png)
