"""What a chart is, as plain data: series over the twelve months or rows of bars, their axes and
tooltips — no Qt, exact integers, words in one language.

charts/month_series.py and charts/bar_series.py fill these from the statistics; the drawing code
(charts/plot.py) only turns them into pyqtgraph items.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit


class Kind(StrEnum):
    MONEY = "money"  # integer yuan, shown in the chosen unit
    COUNT = "count"
    PCT = "pct"


@dataclass(frozen=True, slots=True)
class Axis:
    label: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class Series:
    """One series over the twelve months; None where there is nothing to plot."""

    key: str
    label: str
    style: str  # "bar" | "line" | "dashed"
    role: str  # colour role in the theme: current, prior, accent, accent_prior, updown
    axis: str  # "left" | "right"
    values: tuple[int | float | None, ...]
    annotate: bool = False  # print the last value beside its point (the headline figure)
    # a bar series standing on top of the bars of series ``base`` (a span's figure on its last month)
    base: str | None = None
    hollow: tuple[bool, ...] = ()  # points drawn hollow: partial (like with like leaves projects out)
    marks: tuple[str | None, ...] = ()  # words printed over each bar ("1–6月")

    def base_role(self, chart: TimeChart) -> str:
        """The colour role of the bars this series stands on (its own where it stands alone)."""
        return next((s.role for s in chart.series if s.key == self.base), self.role)


@dataclass(frozen=True, slots=True)
class TimeChart:
    name: str
    title: str
    note: str
    unit: Unit
    month_labels: tuple[str, ...]
    left: Axis
    right: Axis | None
    series: tuple[Series, ...]
    tooltips: tuple[str | None, ...]  # one per month
    empty: str = ""  # what to say across the plot when there is nothing to draw
    lang: str = "en"  # the language the words are in, and with it the money scale (亿元 / ¥ bn)
    footnote: str = ""  # under the legend: what hollow points and bars apart mean, when there are any


@dataclass(frozen=True, slots=True)
class BarRow:
    key: str
    label: str
    left: int
    right: int | float | None
    tooltip: str
    filter: ProjectFilter | None  # what clicking the row shows in the Projects table
    muted: bool = False
    like: bool = False  # the right bar is growth like with like (a month not reported): hatched, "*"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    style: str
    role: str
    label: str


@dataclass(frozen=True, slots=True)
class BarsChart:
    """Two panels of horizontal bars sharing their rows (largest first)."""

    name: str
    title: str
    note: str
    unit: Unit
    left: Axis
    right: Axis
    right_role: str  # "updown" (growth) or "current"
    rows: tuple[BarRow, ...]
    legend: tuple[LegendEntry, ...]
    empty: str = ""  # what to say across the plot when there are no rows
    lang: str = "en"  # the language the words are in, and with it the money scale (亿元 / ¥ bn)
    footnote: str = ""  # under the legend: what hatched bars mean, when there are any


ChartData = TimeChart | BarsChart
