"""The figures behind the dashboard and its six charts, against numbers worked out by hand.

The database below is small enough to add up on paper; every expected value in these tests was
computed from the comment above it, not read back from the code.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from dashboard_hand import build_hand

from zqtracker.charts.chart_model import BarsChart, TimeChart
from zqtracker.charts.series import chart_data
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService

N = None  # months after the period: nothing plotted


@pytest.fixture
def hand(ctx: AppContext) -> AppContext:
    return build_hand(ctx)


def test_the_figures_are_the_summary_of_the_statistics_service(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    assert f.summary == hand.statistics.summary(2023, 3)
    assert (f.year, f.through, f.years) == (2023, 3, (2022, 2023))
    # 2023 by month: A 150/150/150 + B 50 in Feb; 2022: A 100/100/100 + C 10 in Mar, A 999 in Sep
    assert f.monthly == {1: 150, 2: 200, 3: 150, 4: 1000}
    assert f.prior_monthly == {1: 100, 2: 100, 3: 110, 9: 999}
    assert f.signed == {2: (1, 300_000_000, 0), 4: (2, 1_200_000_000, 0)}
    assert f.signed_through() == (1, 300_000_000, 0)  # April's two signings are after March


def test_the_default_period_is_the_latest_month_with_records(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load()
    assert (f.year, f.through) == (2023, 4)
    assert f.summary.completed.total.ytd == 1500


def test_parallel_and_sequential_loading_agree(hand: AppContext) -> None:
    f = ProjectFilter(districts=frozenset({"高要区"}))
    one = DashboardService(hand.statistics, parallel=True).load(2023, 3, f)
    two = DashboardService(hand.statistics, parallel=False).load(2023, 3, f)
    assert one == two
    assert one.summary == hand.statistics.summary(2023, 3, f)


def test_stale_projects_counted_in_sql_match_the_list_rule(hand: AppContext) -> None:
    # as_of 2023-10-31, 6 months → cutoff 2023-04-30: B (last record 2023-02-28) and D (signed
    # 2023-04-20) are stale; A's April record ends on the cutoff day; C is cancelled.
    svc = DashboardService(hand.statistics)
    f = svc.load(2023, 3)
    assert (f.stale, f.stale_cutoff, f.as_of) == (2, date(2023, 4, 30), date(2023, 10, 31))
    rows = hand.projects.list_rows()
    assert f.stale == len(hand.statistics.stale_projects(rows))
    # 3 months → cutoff 2023-07-31: A is stale as well
    assert svc.load(2023, 3, stale_months=3).stale == 3 == len(hand.statistics.stale_projects(rows, months=3))
    # with a filter: 高要区 holds B and D; 肇庆新区 holds A (active) and C (cancelled)
    assert svc.load(2023, 3, ProjectFilter(districts=frozenset({"高要区"}))).stale == 2
    assert svc.load(2023, 3, ProjectFilter(districts=frozenset({"肇庆新区"}))).stale == 0


def test_monthly_chart_series(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    chart = chart_data(f, "monthly")
    assert isinstance(chart, TimeChart)
    s = {x.key: x.values for x in chart.series}
    assert s["current"] == (150, 200, 150, N, N, N, N, N, N, N, N, N)
    # April–August 2022: nothing recorded though September is: not reported, no bar (not 0)
    assert s["prior"] == (100, 100, 110, N, N, N, N, N, 999, 0, 0, 0)
    assert s["ytd"] == (150, 350, 500, N, N, N, N, N, N, N, N, N)
    assert s["prior_ytd"] == (100, 200, 310, 310, 310, 310, 310, 310, 1309, 1309, 1309, 1309)
    # the year-to-date line ends on the summary's figures
    assert (s["ytd"][2], s["prior_ytd"][2]) == (f.summary.completed.total.ytd, f.summary.completed.total.prior_ytd)
    assert chart.tooltips[1].splitlines()[0] == "Feb 2023"
    assert "+100.0%" in chart.tooltips[1]  # Feb: 200 against 100


def test_year_on_year_chart_series(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    chart = chart_data(f, "yoy")
    s = {x.key: x.values for x in chart.series}
    # Jan 150/100, Feb 200/100, Mar 150/110 = +36.36…%; year to date 150/100, 350/200, 500/310
    assert s["monthly_yoy"] == (50.0, 100.0, 36.4, N, N, N, N, N, N, N, N, N)
    assert s["ytd_yoy"] == (50.0, 75.0, 61.3, N, N, N, N, N, N, N, N, N)
    assert s["ytd_yoy"][2] == f.summary.completed.total.yoy_pct


def test_a_month_without_prior_figure_has_no_growth(hand: AppContext) -> None:
    # 2023 April 1000 against nothing in April 2022: no figure (not 0, not infinity)
    s = {x.key: x.values for x in chart_data(DashboardService(hand.statistics).load(2023, 4), "yoy").series}
    assert s["monthly_yoy"][3] is None
    # the year to date like with like, as the growth tile (stats/gaps.py): 肇庆新区 did not report April
    # 2022 (A has March and September), so its April is left out of both years: 2023 without A's April
    # 1000, 500 against 310 = +61.3% (the plain 1500 / 310 = +383.9% compared 4 months against 3)
    f = DashboardService(hand.statistics).load(2023, 4)
    assert s["ytd_yoy"][3] == 61.3 == f.summary.completed.total.like_pct


def test_sector_and_district_charts(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    sectors = chart_data(f, "sectors", lang="zh")
    assert isinstance(sectors, BarsChart)
    # 新型储能: A 450 against 300 (+50%); 汽车零部件: B 50 against C 10 (+400%)
    assert [(r.key, r.left, r.right) for r in sectors.rows] == [("新型储能", 450, 50.0), ("汽车零部件", 50, 400.0)]
    assert sectors.rows[0].filter == ProjectFilter(sectors=frozenset({"新型储能"}))
    assert sectors.title == "2023年1–3月分行业完成投资"
    districts = chart_data(f, "districts")
    # 肇庆新区: A 450 against A 300 + C 10 (+45.16…%); 高要区: B 50 against nothing
    assert [(r.key, r.left, r.right) for r in districts.rows] == [("肇庆新区", 450, 45.2), ("高要区", 50, None)]
    assert districts.rows[1].filter == ProjectFilter(districts=frozenset({"高要区"}))
    for chart, by in ((sectors, f.summary.completed.by_sector), (districts, f.summary.completed.by_district)):
        assert [(r.key, r.left, r.right) for r in chart.rows] == [(k, v.ytd, v.yoy_pct) for k, v in by.items()]


def test_many_rows_fold_into_others(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    chart = chart_data(f, "sectors", max_rows=2)
    assert len(chart.rows) == 2  # two sectors fit exactly: nothing folded
    hand.projects.set_investment(hand.projects.list_rows()[3].id, [(2023, 1, 7)])  # D starts: 新型储能 457
    cur = chart_data(DashboardService(hand.statistics).load(2023, 3), "districts", max_rows=2)
    assert [r.key for r in cur.rows] == ["肇庆新区", "高要区"]
    # a third district folds with the second into "Others": 高要区 57 + 鼎湖区 5
    b = hand.projects.create(Project("E", "能源", "鼎湖区", Status.PREPARING, 5, code="E"))
    hand.projects.set_investment(b.id, [(2023, 2, 5)])
    cur = chart_data(DashboardService(hand.statistics).load(2023, 3), "districts", max_rows=2)
    assert [(r.key, r.label, r.left, r.filter) for r in cur.rows] == [
        ("肇庆新区", "肇庆新区", 450, ProjectFilter(districts=frozenset({"肇庆新区"}))),
        ("", "Others (2)", 62, None),
    ]


def test_pipeline_chart(hand: AppContext) -> None:
    chart = chart_data(DashboardService(hand.statistics).load(2023, 3), "pipeline", lang="zh")
    rows = {r.key: (r.left, r.right, r.muted) for r in chart.rows}
    assert [r.key for r in chart.rows] == [s.value for s in Status]  # lifecycle order, zeros included
    assert rows["under_construction"] == (1, 1_500_000_000, False)
    assert rows["signed"] == (1, 1_000_000_000, False)
    assert rows["on_hold"] == (1, 300_000_000, True)
    assert rows["cancelled"] == (1, 200_000_000, True)
    assert rows["lead"] == (0, 0, False)
    assert chart.rows[1].label == "签约"
    assert chart.rows[3].filter == ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}))


def test_signed_chart(hand: AppContext) -> None:
    chart = chart_data(DashboardService(hand.statistics).load(2023, 4), "signed", unit=Unit.WAN)
    s = {x.key: x.values for x in chart.series}
    assert s["signed"] == (0, 1, 0, 2, N, N, N, N, N, N, N, N)
    assert s["signed_planned"] == (0, 300_000_000, 0, 1_200_000_000, N, N, N, N, N, N, N, N)
    assert "¥1,200.00 mn" in chart.tooltips[3]


def test_exact_amounts_in_tooltips(hand: AppContext) -> None:
    hand.projects.set_investment(hand.projects.list_rows()[0].id, [(2023, 1, 123_456_789)])
    chart = chart_data(DashboardService(hand.statistics).load(2023, 1), "monthly", lang="zh")
    assert "1.23456789亿元" in chart.tooltips[0]  # no digit rounded away


def test_unknown_chart_name(hand: AppContext) -> None:
    with pytest.raises(ValueError, match="unknown chart"):
        chart_data(DashboardService(hand.statistics).load(), "pie")


def test_demo_figures_match_the_summary_command(demo_ctx: AppContext, capsys: pytest.CaptureFixture) -> None:
    """Every number the dashboard shows equals `zqtracker summary --json` on the demo database."""
    from zqtracker.cli.main import main

    assert main(["--db", demo_ctx.database.url, "summary", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    f = DashboardService(demo_ctx.statistics).load()
    assert f.summary.to_json() == expected
    c = expected["completed_investment"]
    sectors = chart_data(f, "sectors", max_rows=100)
    assert {r.key: [r.left, r.right] for r in sectors.rows} == {
        k: [v["ytd_yuan"], v["yoy_pct"]] for k, v in c["by_sector"].items()
    }
    pipeline = chart_data(f, "pipeline")
    assert {r.key: [r.left, r.right] for r in pipeline.rows} == {
        k: [v["projects"], v["planned_investment_yuan"]] for k, v in expected["by_status"].items()
    }
    ytd = {x.key: x.values for x in chart_data(f, "monthly").series}["ytd"]
    assert ytd[c["through_month"] - 1] == c["ytd_yuan"]
    assert f.stale == len(demo_ctx.statistics.stale_projects(demo_ctx.projects.list_rows()))
    assert f.signed_through() == (310, 68_900_000_000, 0)  # the demo's 2023 signings (services/demo.py)


def test_another_month_of_the_same_data_needs_no_new_aggregates(hand: AppContext) -> None:
    from sqlalchemy import event

    svc = DashboardService(hand.statistics)
    first = svc.load(2023, 3)
    statements: list[str] = []

    def log(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(hand.database.engine, "before_cursor_execute", log)
    try:
        april = svc.load(2023, 4, unchanged=first)
        assert april == svc.load(2023, 4)  # the same figures as loading afresh
        statements.clear()
        svc.load(2023, 2, unchanged=april)
        assert not any("GROUP BY" in s or "count(" in s for s in statements), statements  # only the period
        statements.clear()
        last_year = svc.load(2022, 3, unchanged=april)  # another year: its investment and signings
        assert last_year == svc.load(2022, 3)
    finally:
        event.remove(hand.database.engine, "before_cursor_execute", log)


def test_charts_alone_skip_the_stale_count(hand: AppContext) -> None:
    svc = DashboardService(hand.statistics)
    charts_only = svc.load(2023, 3, count_stale_projects=False)
    assert charts_only.stale is None
    assert charts_only.summary == svc.load(2023, 3).summary
    assert svc.load(2023, 3, unchanged=charts_only).stale == 2  # reusing it would lack the count
