"""The monthly and growth charts' year-to-date lines when one project's first report of a year was
a 1–X月 figure and the others reported month by month (probe16: the city's line dropped every
project's January–May because one new project came in with 1–6月, and printed 23.19亿 and −7.7%
where `zqtracker summary` says 48.42亿 and +33.9%).

Every expected figure is worked out by hand from the records below (万元):
A reports every month: 2025 100 a month; 2026 150 a month, January–July.
B reports years to date: 2025 1–3月 300, 1–6月 900, 1–7月 1,000 → 1–3月 300, 4–6月 600, July 100;
2026 1–6月 1,200, 1–7月 1,400 → 1–6月 1,200, July 200.
"""

from __future__ import annotations

from zqtracker.charts.series import chart_data
from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService
from zqtracker.services.dashboard import DashboardService

WAN = 10_000
N = None


def _records(ctx: AppContext) -> None:
    building = Status.UNDER_CONSTRUCTION
    a = ctx.projects.create(Project("甲储能项目", "新型储能", "高要区", building, 500_000_000, code="A"))
    b = ctx.projects.create(Project("乙电机项目", "汽车", "四会市", building, 800_000_000, code="B"))
    ctx.projects.set_investment(a.id, [(2025, m, 100 * WAN) for m in range(1, 13)])
    ctx.projects.set_investment(a.id, [(2026, m, 150 * WAN) for m in range(1, 8)])
    cumulative = CumulativeService(ctx.database)
    for year, month, ytd in ((2025, 3, 300), (2025, 6, 900), (2025, 7, 1_000), (2026, 6, 1_200), (2026, 7, 1_400)):
        cumulative.record([YtdReport(b.id, year, month, ytd * WAN)])


def _line(chart, key: str) -> tuple:
    return next(s for s in chart.series if s.key == key).values


def test_year_to_date_lines_keep_the_months_of_projects_that_reported_them(ctx: AppContext) -> None:
    _records(ctx)
    summary = ctx.statistics.summary(2026, 7).completed
    # A 7 × 150 + B 1,400; 2025: A 7 × 100 + B 1,000; (2,450 − 1,700) / 1,700 = 44.1%
    assert (summary.total.ytd, summary.total.prior_ytd, summary.total.yoy_pct) == (2_450 * WAN, 1_700 * WAN, 44.1)
    f = DashboardService(ctx.statistics, parallel=False).load(2026, 7)
    assert (f.spans, f.prior_spans) == ({6: 1}, {3: 1, 6: 4})
    for lang in ("en", "zh"):
        monthly = chart_data(f, "monthly", lang=lang)
        # 2026 bars: A's own 150 every month (B's 1–6月 apart on June's bar); July A 150 + B 200.
        # Before the like-with-like rewrite, January–May had no bar at all (A's months blanked by B's span).
        assert _line(monthly, "current") == tuple(v if v is None else v * WAN for v in (150,) * 6 + (350,) + (N,) * 5)
        assert _line(monthly, "span") == (N, N, N, N, N, 1_200 * WAN, N, N, N, N, N, N)
        # The lines are the key figures' years to date (the summary's): January–May A alone (B's
        # 1–6月 counts from June), hollow; through June A 900 + B 1,200; through July 2,450
        ytd = (150, 300, 450, 600, 750, 2_100, 2_450, N, N, N, N, N)
        assert _line(monthly, "ytd") == tuple(v if v is None else v * WAN for v in ytd)
        # 2025: A 100 a month, B's 1–3月 300 from March, its 4–6月 600 from June, July 100
        prior = (100, 200, 600, 700, 800, 1_500, 1_700, 1_800, 1_900, 2_000, 2_100, 2_200)
        assert _line(monthly, "prior_ytd") == tuple(v if v is None else v * WAN for v in prior)
        assert _line(monthly, "prior_ytd")[6] == summary.total.prior_ytd
        hollow = next(s for s in monthly.series if s.key == "ytd").hollow
        assert hollow == (True,) * 5 + (False,) * 7
        prior_hollow = next(s for s in monthly.series if s.key == "prior_ytd").hollow
        assert prior_hollow == (True, True, False, True, True) + (False,) * 7
        yoy = chart_data(f, "yoy", lang=lang)
        # January–May +50.0% (A: 150 a month against 100); June: (2,100 − 1,500) / 1,500 = 40.0%; July 44.1%
        assert _line(yoy, "ytd_yoy") == (50.0, 50.0, 50.0, 50.0, 50.0, 40.0, 44.1, N, N, N, N, N)
        assert _line(yoy, "ytd_yoy")[6] == summary.total.yoy_pct
        # the month alone: B has no month of its own January–June (2025 and 2026 spans) → A's +50.0%;
        # July (150 + 200) / (100 + 100) − 1 = +75.0%
        assert _line(yoy, "monthly_yoy") == (50.0,) * 6 + (75.0,) + (N,) * 5
