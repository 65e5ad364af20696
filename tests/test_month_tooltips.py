"""The monthly chart's tooltip says each thing once (fix28d item 4): the month heads it and is not named
again, January's year to date (which is its month) is not repeated, and no line appears twice.

One project, figures by hand (¥ mn): 2025 January–December 1, 2, …, 12 (the month's number); 2026
January–March 1.5 a month. January 2026: 1.5 against 1.0, +50.0% — the year to date is the same
figures, so said once. February: 1.5 against 2.0, −25.0%; January–February 3.0 against 3.0, +0.0%.
April (after the period shown): 2025's own 4.0, its year to date 1 + 2 + 3 + 4 = 10.0.
"""

from __future__ import annotations

import re

import pytest
from test_month_spans import four  # noqa: F401  (the four projects with spans, by hand there)
from test_unreported_charts import district  # noqa: F401  (a district's March not reported)

from zqtracker.charts.series import chart_data
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService

MN = 1_000_000


@pytest.fixture
def one(ctx: AppContext) -> AppContext:
    pid = ctx.projects.create(Project("甲项目", "汽车", "高要区", Status.UNDER_CONSTRUCTION, 9 * 10**8)).id
    records = [(2025, m, m * MN) for m in range(1, 13)] + [(2026, m, 1_500_000) for m in range(1, 4)]
    ctx.projects.set_investment(pid, records)
    return ctx


def test_each_figure_once(one: AppContext) -> None:
    f = DashboardService(one.statistics, parallel=False).load(2026, 3)
    en = chart_data(f, "monthly", lang="en", unit=Unit.YI).tooltips
    # (¥ bn: 1.5 mn is ¥0.0015 bn)
    assert en[0] == "Jan 2026\nCompleted: ¥0.0015 bn (Jan 2025: ¥0.001 bn; year on year +50.0%)"
    assert en[1] == (
        "Feb 2026\nCompleted: ¥0.0015 bn (Feb 2025: ¥0.002 bn; year on year -25.0%)\n"
        "Jan–Feb 2026: ¥0.003 bn (same period 2025: ¥0.003 bn; year on year +0.0%)"
    )
    assert en[3] == "Apr 2025\nCompleted: ¥0.004 bn\nJan–Apr 2025: ¥0.010 bn"
    zh = chart_data(f, "monthly", lang="zh", unit=Unit.WAN).tooltips
    assert zh[0] == "2026年1月\n当月完成投资：150万元（上年同月 100万元，同比 +50.0%）"
    assert zh[3] == "2025年4月\n当月完成投资：400万元\n2025年1–4月累计：1,000万元"


def _each_once(ctx: AppContext, year: int, through: int, lang: str) -> list[str]:
    f = DashboardService(ctx.statistics, parallel=False).load(year, through, count_stale_projects=False)
    tips = [tip or "" for tip in chart_data(f, "monthly", lang=lang, unit=Unit.WAN).tooltips]
    for tip in tips:
        lines = tip.splitlines()
        # "Feb 2026" heads it and is not named again (a span "Jan–Feb 2026" is another thing)
        assert not any(re.search(rf"(?<!–){re.escape(lines[0])}", line) for line in lines[1:]), tip
        assert len(lines) == len(set(lines)), tip
    return tips


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_with_spans_each_thing_once(four: AppContext, lang: str) -> None:  # noqa: F811
    tips = _each_once(four, 2026, 7, lang)
    # January 2026: the month 330万 against 230万, like with like +16.7% (test_month_spans.py) — once;
    # its year to date is the same figures and is not said again
    month = "¥3.30 mn" if lang == "en" else "330万元"
    assert tips[0].count(month) == 1 and tips[0].count("+16.7%") == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_with_a_month_not_reported_each_thing_once(district: AppContext, lang: str) -> None:  # noqa: F811
    tips = _each_once(district, 2025, 10, lang)
    # January 2025: 120万 against 100万, +20.0% (test_unreported_charts.py), once
    assert tips[0].count("+20.0%") == 1
