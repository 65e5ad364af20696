"""The figure at the end of the overview's year-to-date line (probe16: it printed 万元 with two
decimals, "484,241.00", and through a month inside a 1–X月 figure it printed that month's year to
date beside the point of the month before, where the line stops).

Figures by hand (万元): A reports every month of 2026, 150 a month. B reports years to date:
1–6月 600, 1–8月 1,000 → 1–6月 600, 7–8月 400. Through July (inside B's 7–8月) the line stops at
June: A 900 + B 600 = 1,500; through August: A 1,200 + B 1,000 = 2,200.
"""

from __future__ import annotations

import re

import pytest

from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.reports.trend_chart import monthly_trend_svg
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService

WAN = 10_000


@pytest.fixture
def spans(ctx: AppContext) -> AppContext:
    building = Status.UNDER_CONSTRUCTION
    a = ctx.projects.create(Project("甲储能项目", "新型储能", "高要区", building, 500_000_000, code="A"))
    b = ctx.projects.create(Project("乙电机项目", "汽车", "四会市", building, 800_000_000, code="B"))
    ctx.projects.set_investment(a.id, [(2026, m, 150 * WAN) for m in range(1, 9)])
    cumulative = CumulativeService(ctx.database)
    for month, ytd in ((6, 600), (8, 1_000)):
        cumulative.record([YtdReport(b.id, 2026, month, ytd * WAN)])
    return ctx


def _texts(svg: bytes) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode())


@pytest.mark.parametrize(
    ("through", "unit", "lang", "figure"),
    [
        (8, Unit.WAN, "zh", "2,200"),  # 万元 whole, as every other 万元 figure of the report
        (8, Unit.YI, "zh", "0.22"),
        (8, Unit.YI, "en", "0.022"),  # ¥ bn with three decimals, as the key figures
        (7, Unit.WAN, "zh", "1,500"),  # June's, where the line stops — not July's 1,650
        (7, Unit.WAN, "en", "15.00"),  # ¥ mn
    ],
)
def test_the_line_ends_with_the_year_to_date_of_its_last_point(
    qapp, spans: AppContext, through: int, unit: Unit, lang: str, figure: str
) -> None:
    svg = monthly_trend_svg(spans.statistics, year=2026, through=through, lang=lang, unit=unit)
    texts = _texts(svg)
    assert figure in texts
    assert not [x for x in texts if x in ("1,650", "1,650.00", "2,200.00")]
    assert spans.statistics.summary(2026, 6).completed.total.ytd == 1_500 * WAN  # the summary's, by hand
