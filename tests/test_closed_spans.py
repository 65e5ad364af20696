"""A closed month keeps what its live figures said of a 1–X月 figure running past it (probe37b F2).

Two projects, 新材料 in 端州区 and 汽车 in 高要区 (万元):
A (汽车): 2025 and 2026 100 a month, January–September.
B (新材料): 2025 50 a month, January–September; 2026 only a 1–10月 year to date of 600.
Through September B's 2026 figure is not known (its 1–10月 cannot be split), so the total's growth has
no figure, 600 is "reported with later months", and like with like leaves B out of both years: A's
900 against 900, 0.0%. Closing September froze only the records through September, so B's span was
lost: the closed figures counted B's 450 of 2025 against nothing of 2026, nothing said it, and the
like-with-like point left nobody out.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import Project
from zqtracker.domain.rounds import Period
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService
from zqtracker.services.rounds import RoundService

WAN = 10_000


def test_closing_a_month_keeps_a_span_running_past_it_not_comparable(ctx: AppContext) -> None:
    building = Status.UNDER_CONSTRUCTION
    a = ctx.projects.create(Project("A项目", "汽车", "高要区", building, 900_000_000, code="A")).id
    b = ctx.projects.create(Project("B项目", "新材料", "端州区", building, 900_000_000, code="B")).id
    ctx.projects.set_investment(a, [(y, m, 100 * WAN) for y in (2025, 2026) for m in range(1, 10)])
    ctx.projects.set_investment(b, [(2025, m, 50 * WAN) for m in range(1, 10)])
    CumulativeService(ctx.database).record([YtdReport(b, 2026, 10, 600 * WAN)])

    live = ctx.statistics.summary(2026, 9).completed.to_json()
    live_months = ctx.statistics.months(2026, 9).ytd[8]
    assert live["yoy_pct"] is None and live["comparable"] is False and live["later_span_yuan"] == 600 * WAN
    assert (live_months.current, live_months.prior, live_months.yoy_pct) == (900 * WAN, 900 * WAN, 0.0)

    RoundService(ctx.database).close(Period(2026, 9))
    closed = ctx.statistics.summary(2026, 9).completed.to_json()
    assert closed == live
    assert closed["by_sector"]["新材料"]["comparable"] is False and closed["by_district"]["端州区"]["yoy_pct"] is None
    assert ctx.statistics.months(2026, 9).ytd[8] == live_months
    # the span is not a record of September or before: no correction to list after closing
    assert RoundService(ctx.database).corrections(Period(2026, 10)) == (Period(2026, 9), [])
