"""Spans masked per project, growth like with like (probe16 F4, F7): one project's 1–6月 no longer
blanks January–May for the whole city; a span stands apart on its last month's bar; a year to date
some project's span hides leaves that project out of both years, says so, and is drawn hollow.

Four projects, every figure worked out by hand (万元):
P 高要区: 2025 100 a month; 2026 150 a month, January–July.
Q 高要区: 2025 50 a month; 2026 first report 1–6月 600, then 1–7月 700 → 1–6月 600, July 100.
R 四会市: 2025 quarterly 1–3月 300, 1–6月 600, 1–9月 900, 1–12月 1,200 → four spans of 300;
  2026 120 a month, January–July.
S 四会市: 2025 80 a month; 2026 60 a month, January–July.

Month alone, 2026: January–June P + R + S = 330 (Q's months are in its 1–6月, apart on June's bar:
600); July 150 + 100 + 120 + 60 = 430. 2025: P + Q + S = 230 every month, R's 300 apart at 3, 6, 9, 12.
Years to date (like with like) through M ≤ 7 — left out: Q for M 1–5 (2026 1–6月), R for M 1, 2, 4,
5, 7 (2025 quarters):
M=1 P 150 + S 60 = 210 against P 100 + S 80 = 180: +16.7%; M=2 420 / 360 +16.7%;
M=3 (Q out) P 450 + R 360 + S 180 = 990 against P 300 + R 300 + S 240 = 840: +17.9%;
M=4 840 / 720 +16.7%; M=5 1,050 / 900 +16.7%;
M=6 nothing left out: 900 + 600 + 720 + 360 = 2,580 against 600 + 300 + 600 + 480 = 1,980: +30.3%;
M=7 (R out) 1,050 + 700 + 420 = 2,170 against 700 + 350 + 560 = 1,610: +34.8%.
2025 after July (its own spans only): 8 → 1,840 (R out), 9 → 2,970, 10 → 2,300, 11 → 2,530, 12 → 3,960.
Month on month (a span covering the month, either year, leaves its project out): January–June P + S
210 against 180 +16.7%; July P + Q + S 310 against 230 +34.8%.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from zqtracker.charts.render import render_chart
from zqtracker.charts.series import chart_data
from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.paths import resources_dir
from zqtracker.reports.build import build_report
from zqtracker.reports.model import Paragraph, View
from zqtracker.reports.options import ReportOptions
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService

WAN = 10_000
N = None


def wan(*values: int | None) -> tuple[int | None, ...]:
    return tuple(v if v is None else v * WAN for v in values)


@pytest.fixture
def four(ctx: AppContext) -> AppContext:
    building = Status.UNDER_CONSTRUCTION
    made = {
        code: ctx.projects.create(Project(f"{code}项目", sector, district, building, 900_000_000, code=code)).id
        for code, sector, district in (
            ("P", "新型储能", "高要区"),
            ("Q", "汽车", "高要区"),
            ("R", "电子信息", "四会市"),
            ("S", "新型储能", "四会市"),
        )
    }
    for code, per_2025, per_2026 in (("P", 100, 150), ("Q", 50, None), ("R", None, 120), ("S", 80, 60)):
        records = [(2025, m, per_2025 * WAN) for m in range(1, 13)] if per_2025 else []
        records += [(2026, m, per_2026 * WAN) for m in range(1, 8)] if per_2026 else []
        ctx.projects.set_investment(made[code], records)
    cumulative = CumulativeService(ctx.database)
    reports = [(made["Q"], 2026, 6, 600), (made["Q"], 2026, 7, 700)]
    reports += [(made["R"], 2025, m, 100 * m) for m in (3, 6, 9, 12)]
    for pid, year, month, ytd in reports:
        cumulative.record([YtdReport(pid, year, month, ytd * WAN)])
    return ctx


def test_month_figures_by_hand(four: AppContext) -> None:
    mf = four.statistics.months(2026, 7)
    assert tuple(mf.this.bar(m) for m in range(1, 8)) == wan(330, 330, 330, 330, 330, 330, 430)
    assert tuple(mf.this.ended(m) for m in range(1, 8)) == wan(N, N, N, N, N, 600, N)
    assert tuple(mf.prior.bar(m) for m in range(1, 13)) == wan(*(230,) * 12)
    assert tuple(mf.prior.ended(m) for m in range(1, 13)) == wan(N, N, 300, N, N, 300, N, N, 300, N, N, 300)
    assert [(p.current, p.prior) for p in mf.ytd[:7]] == [
        (210 * WAN, 180 * WAN),
        (420 * WAN, 360 * WAN),
        (990 * WAN, 840 * WAN),
        (840 * WAN, 720 * WAN),
        (1_050 * WAN, 900 * WAN),
        (2_580 * WAN, 1_980 * WAN),
        (2_170 * WAN, 1_610 * WAN),
    ]
    assert tuple(p.prior for p in mf.ytd[7:]) == wan(1_840, 2_970, 2_300, 2_530, 3_960)
    assert tuple(p.yoy_pct for p in mf.ytd[:7]) == (16.7, 16.7, 17.9, 16.7, 16.7, 30.3, 34.8)
    assert tuple(p.left_out.projects for p in mf.ytd) == (2, 2, 1, 2, 2, 0, 1, 1, 0, 1, 1, 0)
    # through March only Q is out (高要区): its 2025 January–March 150; through July R (四会市):
    # its 2026 840 and 2025 600 are in the plain sums, not in the like-with-like point
    march, july = mf.ytd[2].left_out, mf.ytd[6].left_out
    assert (march.districts, march.this_year, march.prior_year, march.later) == (("高要区",), 0, 150 * WAN, 600 * WAN)
    assert (july.districts, july.this_year, july.prior_year, july.later) == (("四会市",), 840 * WAN, 600 * WAN, 0)
    assert tuple(p.yoy_pct for p in mf.monthly[:7]) == (16.7,) * 6 + (34.8,)
    assert tuple(p.left_out.projects for p in mf.monthly[:7]) == (2,) * 6 + (1,)
    # with nothing left out the point is the summary's, exactly
    summary = four.statistics.summary(2026, 6).completed.total
    assert (summary.ytd, summary.prior_ytd, summary.yoy_pct) == (2_580 * WAN, 1_980 * WAN, 30.3)
    # through July the summary's growth has no figure (R's 2025 7–9月): plain sums 2,170 + 840, 1,610 + 600
    july_summary = four.statistics.summary(2026, 7).completed.total
    assert (july_summary.ytd, july_summary.prior_ytd, july_summary.yoy_pct) == (3_010 * WAN, 2_210 * WAN, None)


def _series(chart) -> dict:
    return {s.key: s for s in chart.series}


def test_charts_draw_months_alone_spans_apart_and_partial_points_hollow(four: AppContext) -> None:
    f = DashboardService(four.statistics, parallel=False).load(2026, 7)
    for lang, mark, partial in (
        ("en", "Jan–Jun together", "Like with like +34.8%, leaving out 1 project(s) reported as months together"),
        ("zh", "1–6月合并填报", "同口径+34.8%（不含1个合并填报项目：四会市）"),
    ):
        monthly = _series(chart_data(f, "monthly", lang=lang, unit=Unit.WAN))
        assert monthly["current"].values == wan(330, 330, 330, 330, 330, 330, 430, N, N, N, N, N)
        assert monthly["span"].values == wan(N, N, N, N, N, 600, N, N, N, N, N, N)
        assert monthly["span"].marks[5] == mark and monthly["span"].base == "current"
        assert monthly["prior"].values == wan(*(230,) * 12)
        assert monthly["prior_span"].values == wan(N, N, 300, N, N, 300, N, N, 300, N, N, 300)
        # the lines are the key figures' years to date (the tile's, the summary's): every record
        # through the month, a 1–X月 from its last month — 2026: P + R + S 330 a month, Q's 600 in
        # June, July 430; 2025: P + Q + S 230 a month, R's 300 in March, June, September, December
        assert monthly["ytd"].values == wan(330, 660, 990, 1_320, 1_650, 2_580, 3_010, N, N, N, N, N)
        assert monthly["prior_ytd"].values == wan(230, 460, 990, 1_220, 1_450, 1_980, 2_210, 2_440, 2_970, 3_200,
                                                  3_430, 3_960)  # fmt: skip
        # hollow through a month inside a figure reported with later months: Q's 1–6月 (2026),
        # R's quarters (2025)
        assert monthly["ytd"].hollow == (True,) * 5 + (False,) * 7
        assert monthly["prior_ytd"].hollow == (True, True, False) * 4
        chart = chart_data(f, "monthly", lang=lang, unit=Unit.WAN)
        # July: the plain growth would compare unlike years (R's 2025 7–9月 not in it yet): "—",
        # and the like-with-like growth on a line of its own
        assert partial in chart.tooltips[6]
        yoy = _series(chart_data(f, "yoy", lang=lang, unit=Unit.WAN))
        assert yoy["ytd_yoy"].values == (16.7, 16.7, 17.9, 16.7, 16.7, 30.3, 34.8, N, N, N, N, N)
        assert yoy["monthly_yoy"].values == (16.7,) * 6 + (34.8, N, N, N, N, N)
    zh = chart_data(f, "monthly", lang="zh", unit=Unit.WAN)
    # January: Q's month is inside its 1–6月 and R's inside 2025's 1–3月 — said, with the amounts
    assert "1个项目本月数含在2026年1–6月合并填报数（600万元）中" in zh.tooltips[0]
    assert "4个" not in zh.tooltips[0] and "1个项目本月数含在2025年1–3月合并填报数（300万元）中" in zh.tooltips[0]
    assert "2026年1–6月：1个项目合并填报600万元，单列在最后一个月，不分摊到各月" in zh.tooltips[5]
    assert "浅色柱" in zh.footnote and "空心点" in zh.footnote


def test_the_svg_says_the_span_and_what_hollow_points_are(qapp, four: AppContext) -> None:
    svg = render_chart(four.statistics, "monthly", year=2026, through=7, lang="zh", unit=Unit.WAN, fmt="svg")
    text = "".join(re.findall(r">([^<>]+)<", svg.decode()))
    assert "1–6月合并填报" in text and "2026年多月合并填报" in text and "2025年多月合并填报" in text
    assert "空心点：有与以后月份合并填报的数，尚未计入该月累计" in text


def test_workbook_monthly_table(four: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "spans.xlsx"
    ExportService(four.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    ws = openpyxl.load_workbook(path)["完成投资同比"]
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "月份")
    assert header[:7] == ("月份", "2026年（万元）", "2025年（万元）", "同比增长", "2026年多月合并填报（万元）",
                          "2025年多月合并填报（万元）", "说明")  # fmt: skip
    rows = {r[0]: r[1:7] for r in ws.iter_rows(values_only=True) if r[0] and re.fullmatch(r"\d+月", r[0])}
    assert rows["1月"][:5] == (330, 230, pytest.approx(0.167), None, None)
    assert rows["3月"][:5] == (330, 230, pytest.approx(0.167), None, 300)  # R's 1–3月 of 2025 apart
    assert rows["6月"][:5] == (330, 230, pytest.approx(0.167), 600, 300)
    assert rows["7月"][:5] == (430, 230, pytest.approx(0.348), None, None)
    assert rows["8月"][:5] == (None, 230, None, None, None)
    assert "同口径：不含2个合并填报项目（四会市、高要区）" in rows["1月"][5]
    assert "2026年1–6月：1个项目合并填报600万元" in rows["6月"][5]
    assert "同口径：不含1个合并填报项目（四会市）" in rows["7月"][5]


def test_a_year_to_date_inside_a_span_says_what_it_leaves_out(qapp, four: AppContext, capsys) -> None:
    from zqtracker.cli.main import main

    # through April: Q's 1–6月 600 is not in it; P 600 + R 480 + S 240 = 1,320; 2025 P 400 + Q 200 +
    # R 300 + S 320 = 1,220; no growth (Q's 1–6月, R's 4–6月 straddle April); like with like +16.7%.
    # That 1,220 is no one period (R's 1–3月 with the others' 1–4月, stats/prior.py): 上年同期 "—", never it bare
    assert main(["--db", four.database.url, "--lang", "zh", "summary", "--year", "2026", "--through", "4",
                 "--unit", "wan"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "2026年1–4月累计完成投资：1,320万元（上年同期 —，同比 —）" in out
    assert "本期累计未含与以后月份合并填报的600万元（计入其最后一个月）。" in out
    assert "非同口径：四会市、高要区为多月合并填报，不计算同比" in out
    assert "同口径+16.7%（不含2个合并填报项目：四会市、高要区）。" in out
    options = ReportOptions(view=View.OVERVIEW, lang="zh", unit=Unit.WAN, year=2026, through=4)
    report = build_report(four, options)
    figures = {f.label: f for f in report.key_figures().figures}
    assert figures["2026年1–4月累计完成投资"].detail == "未含与以后月份合并填报的600万元"
    assert figures["同比增长"].value == "—" and figures["同比增长"].detail == "同口径+16.7%（不含2个合并填报项目）"
    note = next(b.text for b in report.blocks if isinstance(b, Paragraph))
    assert "本期累计未含与以后月份合并填报的600万元" in note and "四会市、高要区" in note
    # with no span about (through June) nothing is added
    options = ReportOptions(view=View.OVERVIEW, lang="zh", unit=Unit.WAN, year=2026, through=6)
    figures = {f.label: f for f in build_report(four, options).key_figures().figures}
    assert figures["2026年1–6月累计完成投资"].detail == "" and figures["同比增长"].value == "+30.3%"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_screenshots_with_spans(qtbot, four: AppContext, artifacts: Path, lang: str) -> None:
    from ui_helpers import private_settings

    from zqtracker.ui.dashboard import DashboardWidget
    from zqtracker.ui.events import DataEvents

    translator = QTranslator()
    if lang == "zh":
        assert translator.load(str(resources_dir() / "translations" / "dashboard_zh_CN.qm"))
        QApplication.instance().installTranslator(translator)
    try:
        widget = DashboardWidget(four, DataEvents(), private_settings())
        qtbot.addWidget(widget)
        widget.resize(1366, 705)
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.show()
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.set_period(2026, 4)
        tip = widget.tiles["ytd"].toolTip()
        assert ("合并填报的0.06亿元" if lang == "zh" else "¥0.006 bn reported together") in tip and widget.tiles[
            "yoy"
        ].value.text() == "—"
        assert ("四会市、高要区" if lang == "zh" else "四会市, 高要区") in widget.tiles["yoy"].toolTip()
        # through April like with like: P + S 840 against 720 (Q and R left out): +16.7%
        assert widget.tiles["yoy"].detail.text() == ("同口径+16.7%" if lang == "zh" else "+16.7% like with like")
        assert ("不含2个合并填报项目" if lang == "zh" else "leaving out 2 project(s)") in widget.tiles["yoy"].toolTip()
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.set_period(2026, 7)
        monthly = {s.key: s.values for s in widget.panels["monthly"].data.series}
        assert monthly["span"][5] == 600 * WAN and monthly["current"][0] == 330 * WAN
        qtbot.wait(100)
        widget.grab().save(str(artifacts / f"dashboard-spans-{lang}.png"))
    finally:
        QApplication.instance().removeTranslator(translator)


def test_filtered_and_closed_figures_keep_spans_per_project(four: AppContext) -> None:
    from zqtracker.domain.filters import ProjectFilter
    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService

    # 四会市 alone (R, S): 2026 months R 120 + S 60 = 180; 2025 S 80 a month, R's quarters apart;
    # through January R is out (2025 1–3月): S 60 against 80 = −25.0%; through March R 360 + S 180 = 540
    # against R 300 + S 240 = 540: 0.0%
    mf = four.statistics.months(2026, 7, ProjectFilter(districts=frozenset({"四会市"})))
    assert tuple(mf.this.bar(m) for m in range(1, 8)) == wan(*(180,) * 7)
    assert tuple(mf.prior.ended(m) for m in (3, 6, 9, 12)) == wan(300, 300, 300, 300) and mf.this.spans == ()
    assert (mf.ytd[0].current, mf.ytd[0].prior, mf.ytd[0].yoy_pct) == (60 * WAN, 80 * WAN, -25.0)
    assert (mf.ytd[2].current, mf.ytd[2].prior, mf.ytd[2].yoy_pct, mf.ytd[2].partial) == (
        540 * WAN,
        540 * WAN,
        0.0,
        False,
    )
    # a closed month keeps its figures, spans apart per project, after a later correction
    RoundService(four.database).close(Period(2026, 7))
    q = four.projects.id_by_code("Q")
    assert q is not None
    four.projects.set_investment(q, [(2026, 7, 900 * WAN)])
    closed = four.statistics.months(2026, 7)
    assert closed.this.ended(6) == 600 * WAN and closed.this.bar(7) == 430 * WAN
    assert closed.ytd[6].current == 2_170 * WAN


def test_a_span_of_a_project_without_sector_or_district_stays_its_own(ctx: AppContext) -> None:
    building = Status.UNDER_CONSTRUCTION
    t = ctx.projects.create(Project("T项目", None, None, building, 100_000_000, code="T")).id
    u = ctx.projects.create(Project("U项目", "汽车", "高要区", building, 100_000_000, code="U")).id
    ctx.projects.set_investment(u, [(2026, m, 10 * WAN) for m in range(1, 5)])
    cumulative = CumulativeService(ctx.database)
    for month, ytd in ((3, 300), (4, 350)):  # T: 1–3月 300, then April 50
        cumulative.record([YtdReport(t, 2026, month, ytd * WAN)])
    mf = ctx.statistics.months(2026, 4)
    assert tuple(mf.this.bar(m) for m in range(1, 5)) == wan(10, 10, 10, 60) and mf.this.ended(3) == 300 * WAN
    # through January and February T is out (its 1–3月): U alone, partial; then everything
    assert tuple(p.current for p in mf.ytd[:4]) == wan(10, 20, 330, 390)
    assert tuple(p.partial for p in mf.ytd[:4]) == (True, True, False, False)
    assert mf.ytd[0].left_out.districts == () and mf.ytd[0].left_out.later == 300 * WAN
