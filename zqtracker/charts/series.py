"""What each of the six charts shows, as plain data: no Qt, exact integers, words in one language.

The data types are charts/chart_model.py; the charts over the months charts/month_series.py, the
bar charts charts/bar_series.py.

The drawing code (charts/plot.py) only turns these into pyqtgraph items, so the figures a chart
plots are tested here against the statistics service without drawing anything, and the
dashboard, the ``chart`` command and the reports all show the same series.
"""

from __future__ import annotations

from dataclasses import replace

from zqtracker.charts import CHART_NAMES
from zqtracker.charts.bar_series import districts_chart, pipeline_chart, sectors_chart
from zqtracker.charts.chart_model import ChartData
from zqtracker.charts.month_series import monthly_chart, signed_chart, yoy_chart
from zqtracker.domain.money import Unit
from zqtracker.services.dashboard import DashboardFigures


def chart_data(
    figures: DashboardFigures,
    name: str,
    *,
    lang: str = "en",
    unit: Unit = Unit.YI,
    max_rows: int | None = None,
) -> ChartData:
    """The data of chart ``name`` (one of CHART_NAMES); ``max_rows`` folds the smallest bars
    of a bar chart into one "Others" row so that the labels stay readable."""
    build = _BUILDERS.get(name)
    if build is None:
        raise ValueError(f"unknown chart {name!r}; one of {', '.join(CHART_NAMES)}")
    return replace(build(figures, lang, unit, max_rows), lang=lang)


_BUILDERS = {
    "monthly": monthly_chart,
    "yoy": yoy_chart,
    "sectors": sectors_chart,
    "districts": districts_chart,
    "pipeline": pipeline_chart,
    "signed": signed_chart,
}
