"""The overview's growth with 1–X月 figures (probe16). The figure at the end of the year-to-date
line printed 万元 with two decimals ("484,241.00"), and through a month inside a 1–X月 figure it
printed that month's year to date beside the point of the month before, where the line stops. The
growth note gave "the same period is zero" as the only reason for a "—", printed beside a same
period of 11.10亿 (2026 through April, where a 1–6月 figure runs past April).

Figures by hand (万元): A reports every month of 2026, 150 a month. B reports years to date:
1–6月 600, 1–8月 1,000 → 1–6月 600, 7–8月 400. Through July (inside B's 7–8月) the line goes on
to July with the key figures' year to date, A 1,050 + B 600 = 1,650, drawn hollow (B's 7–8月 is not
in it yet: the note under the chart says so); through August: A 1,200 + B 1,000 = 2,200. (Before the
like-with-like charts the line stopped at June's 1,500, which no key figure printed.)
"""

from __future__ import annotations

import re

import pytest

from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.reports.build import build_report
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
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
        (7, Unit.WAN, "zh", "1,650"),  # July's, as the key figure: B's 7–8月 is not in it
        (7, Unit.WAN, "en", "16.50"),  # ¥ mn
    ],
)
def test_the_line_ends_with_the_year_to_date_of_its_last_point(
    qapp, spans: AppContext, through: int, unit: Unit, lang: str, figure: str
) -> None:
    svg = monthly_trend_svg(spans.statistics, year=2026, through=through, lang=lang, unit=unit)
    texts = _texts(svg)
    assert figure in texts
    assert not [x for x in texts if x in ("1,650.00", "2,200.00")]
    assert spans.statistics.summary(2026, 7).completed.total.ytd == 1_650 * WAN  # the summary's, by hand


def test_the_growth_note_gives_the_reason_for_a_dash_beside_a_figure_of_last_year(qapp, spans: AppContext) -> None:
    # A in 2025: 100 a month, so the same period has a figure; through July B's 7–8月 runs past it
    a = spans.projects.id_by_code("A")
    assert a is not None
    spans.projects.set_investment(a, [(2025, m, 100 * WAN) for m in range(1, 13)])
    # A 7 × 150 + B nothing before its 1–8月 (万元; ¥ mn in English); 2025: A 7 × 100
    cases = (
        ("en", ["16.50", "7.00", "—"], "runs past the period"),
        ("zh", ["1,650", "700", "—"], "跨越本期的多月合计数"),
    )
    for lang, figures, note in cases:
        options = ReportOptions(view=View.OVERVIEW, lang=lang, unit=Unit.WAN, year=2026, through=7)
        table = build_report(spans, options).tables()[-1]  # by district
        total = list(table.row("total").values())
        assert total[3:] == figures
        assert note in table.note
