"""What each of the six charts shows, as plain data: no Qt, exact integers, words in one language.

The drawing code (charts/plot.py) only turns these into pyqtgraph items, so the figures a chart
plots are tested here against the statistics service without drawing anything, and the
dashboard, the ``chart`` command and the reports all show the same series.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from zqtracker.charts import CHART_NAMES
from zqtracker.charts.labels import (
    count_text,
    exact_money,
    month_label,
    month_of_year,
    pct_text,
    period_label,
    t,
    unit_text,
)
from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import unclassified_label, without_amount_text
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.stats.figures import Ytd, percent, yoy_pct

MONTHS = tuple(range(1, 13))


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


@dataclass(frozen=True, slots=True)
class BarRow:
    key: str
    label: str
    left: int
    right: int | float | None
    tooltip: str
    filter: ProjectFilter | None  # what clicking the row shows in the Projects table
    muted: bool = False


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


ChartData = TimeChart | BarsChart


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


def _note(figures: DashboardFigures, lang: str) -> str:
    parts = []
    if figures.is_demo:
        parts.append(t("demo", lang))
    if figures.project_filter is not None:
        what = "; ".join(figures.project_filter.describe(lang))
        parts.append(t("filtered", lang, what=what))
    return " · ".join(parts)


def _months(values: dict[int, int], upto: int = 12, spans: dict[int, int] | None = None) -> tuple[int | None, ...]:
    """Twelve slots: the amount of each month up to ``upto`` (0 when nothing was recorded; None
    for a month inside a figure of several months, which stands at its last month)."""
    inside = _inside(spans or {})
    return tuple(values.get(m, 0) if m <= upto and m not in inside else None for m in MONTHS)


def _inside(spans: dict[int, int]) -> set[int]:
    """Months covered by a figure of several months other than its last (their own amount is unknown)."""
    return {m for last, first in spans.items() for m in range(first, last)}


def _covered(spans: dict[int, int]) -> set[int]:
    """Every month a figure of several months covers, its last included."""
    return {m for last, first in spans.items() for m in range(first, last + 1)}


def _month_labels(f: DashboardFigures, lang: str) -> tuple[str, ...]:
    """ "8月", or "1–8月" / "Jan–Aug" where this year's figure for the month covers months 1–8."""
    return tuple(MonthSpan(f.year, f.spans[m], m).label(lang) if m in f.spans else month_label(m, lang) for m in MONTHS)


def _span_note(f: DashboardFigures, month: int, lang: str) -> str | None:
    """The tooltip line saying a month's figure covers several months (this year or last)."""
    lines = []
    if month in f.spans:
        lines.append(t("tip.span", lang, span=MonthSpan(f.year, f.spans[month], month).label(lang, with_year=True)))
    if month in f.prior_spans:
        span = MonthSpan(f.year - 1, f.prior_spans[month], month)
        lines.append(t("tip.span", lang, span=span.label(lang, with_year=True)))
    inside = {m: (f.year, last, first) for last, first in f.spans.items() for m in range(first, last)}
    inside.update({m: (f.year - 1, last, first) for last, first in f.prior_spans.items() for m in range(first, last)
                   if m not in inside})  # fmt: skip
    if month in inside:
        y, last, first = inside[month]
        lines.append(t("tip.inside", lang, span=MonthSpan(y, first, last).label(lang, with_year=True)))
    return "\n".join(lines) or None


def _running(values: tuple[int | None, ...]) -> tuple[int | None, ...]:
    """Year to date at each month; None where the month's own amount is unknown (inside a figure
    of several months, or after the period)."""
    total, out = 0, []
    for v in values:
        if v is not None:
            total += v
        out.append(None if v is None else total)
    return tuple(out)


def _monthly(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    cur = _months(f.monthly, m, f.spans)
    prior = _months(f.prior_monthly, 12, f.prior_spans)
    ytd, prior_ytd = _running(cur), _running(prior)
    covered = _covered(f.spans) | _covered(f.prior_spans)
    tips: list[str | None] = []
    for i, month in enumerate(MONTHS):
        lines = [month_of_year(y, month, lang)]
        note = _span_note(f, month, lang)
        if note is not None:
            lines.append(note)
        if (cur[i] is None and month <= m) or prior[i] is None:
            tips.append("\n".join(lines))
            continue
        name = month_of_year(y, month, lang)
        prior_name = month_of_year(y - 1, month, lang)
        if cur[i] is not None:
            like = month not in covered  # a figure of several months has no growth of its own
            lines.append(t("tip.month", lang, month=name, amount=exact_money(cur[i], unit, lang),
                           prior_month=prior_name, prior=exact_money(prior[i], unit, lang),
                           pct=pct_text(yoy_pct(cur[i], prior[i]) if like else None)))  # fmt: skip
            lines.append(t("tip.ytd", lang, period=period_label(y, month, lang), amount=exact_money(ytd[i], unit, lang),
                           prior_year=y - 1, prior=exact_money(prior_ytd[i], unit, lang),
                           pct=pct_text(yoy_pct(ytd[i], prior_ytd[i]))))  # fmt: skip
        else:
            lines[0] = prior_name
            lines.append(t("tip.month.prior_only", lang, month=prior_name, amount=exact_money(prior[i], unit, lang)))
            lines.append(t("tip.ytd.prior_only", lang, period=period_label(y - 1, month, lang),
                           amount=exact_money(prior_ytd[i], unit, lang)))  # fmt: skip
        tips.append("\n".join(lines))
    u = unit_text(unit, lang)
    return TimeChart(
        name="monthly",
        title=t("monthly.title", lang, year=y, prior=y - 1),
        note=_note(f, lang),
        unit=unit,
        month_labels=_month_labels(f, lang),
        left=Axis(t("axis.monthly", lang, unit=u), Kind.MONEY),
        right=Axis(t("axis.ytd", lang, unit=u), Kind.MONEY),
        series=(
            Series("prior", t("monthly.prior", lang, year=y - 1), "bar", "prior", "left", prior),
            Series("current", t("monthly.current", lang, year=y), "bar", "current", "left", cur),
            Series("prior_ytd", t("ytd.prior", lang, year=y - 1), "dashed", "accent_prior", "right", prior_ytd),
            Series("ytd", t("ytd.current", lang, year=y), "line", "accent", "right", ytd, annotate=True),
        ),
        tooltips=tuple(tips),
        empty="" if any(cur[:m]) or any(prior) else t("empty.records", lang, years=f"{y - 1}–{y}"),
    )


def _yoy(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    cur, prior = _months(f.monthly, m, f.spans), _months(f.prior_monthly, m, f.prior_spans)
    ytd, prior_ytd = _running(cur), _running(prior)
    # like with like: a month covered by a figure of several months (either year) has no growth of
    # its own, and the year to date has none inside such a figure (it is known at its last month)
    covered = _covered(f.spans) | _covered(f.prior_spans)
    monthly = tuple(
        None if c is None or p is None or month in covered else yoy_pct(c, p)
        for month, c, p in zip(MONTHS, cur, prior, strict=True)
    )
    cumulative = tuple(None if c is None or p is None else yoy_pct(c, p) for c, p in zip(ytd, prior_ytd, strict=True))
    tips: list[str | None] = []
    for i, month in enumerate(MONTHS):
        note = _span_note(f, month, lang)
        if cur[i] is None or prior[i] is None:
            tips.append(None if note is None or month > m else "\n".join([month_of_year(y, month, lang), note]))
            continue
        tips.append("\n".join([
            month_of_year(y, month, lang),
            t("tip.yoy.month", lang, pct=_pct_or_none(monthly[i], lang)),
            t("tip.month", lang, month=month_of_year(y, month, lang), amount=exact_money(cur[i], unit, lang),
              prior_month=month_of_year(y - 1, month, lang), prior=exact_money(prior[i] or 0, unit, lang),
              pct=pct_text(monthly[i])),
            t("tip.yoy.ytd", lang, pct=_pct_or_none(cumulative[i], lang)),
            t("tip.ytd", lang, period=period_label(y, month, lang), amount=exact_money(ytd[i] or 0, unit, lang),
              prior_year=y - 1, prior=exact_money(prior_ytd[i] or 0, unit, lang), pct=pct_text(cumulative[i])),
        ]))  # fmt: skip
    return TimeChart(
        name="yoy",
        title=t("yoy.title", lang, year=y),
        note=_note(f, lang),
        unit=unit,
        month_labels=_month_labels(f, lang),
        left=Axis(t("axis.pct", lang), Kind.PCT),
        right=None,
        series=(
            Series("monthly_yoy", t("yoy.monthly", lang), "bar", "updown", "left", monthly),
            Series("ytd_yoy", t("yoy.ytd", lang), "line", "accent", "left", cumulative, annotate=True),
        ),
        tooltips=tuple(tips),
        empty="" if any(v is not None for v in monthly + cumulative) else t("empty.growth", lang, year=y - 1),
    )


def _pct_or_none(value: float | None, lang: str) -> str:
    return t("no_figure", lang) if value is None else pct_text(value)


def _ytd_bars(f: DashboardFigures, lang: str, unit: Unit, rows: int | None, dim: str) -> BarsChart:
    completed = f.summary.completed
    items: dict[str, Ytd] = completed.by_sector if dim == "sectors" else completed.by_district
    period = period_label(f.year, f.through, lang)
    total = completed.total.ytd
    unknown = completed.unclassified_sector if dim == "sectors" else completed.unclassified_district
    out: list[BarRow] = []

    def tip_of(label: str, v: Ytd, *extra: str) -> str:
        return "\n".join([
            label, *extra, t("tip.completed", lang, period=period, amount=exact_money(v.ytd, unit, lang)),
            t("tip.prior", lang, year=f.year - 1, amount=exact_money(v.prior_ytd, unit, lang)),
            t("tip.growth", lang, pct=_pct_or_none(v.yoy_pct, lang)),
            t("tip.share", lang, pct=pct_text(percent(v.ytd, total)).lstrip("+")), t("tip.click", lang)])  # fmt: skip

    for key, v in items.items():
        flt = ProjectFilter(sectors=frozenset({key})) if dim == "sectors" else ProjectFilter(districts=frozenset({key}))
        out.append(BarRow(key, key, v.ytd, v.yoy_pct, tip_of(key, v), flt))
    unclassified: BarRow | None = None
    if unknown.ytd or unknown.prior_ytd:
        # The projects whose sector (district) is not known: their own bar, never among "others".
        label = unclassified_label("sector" if dim == "sectors" else "district", lang)
        missing = "sector" if dim == "sectors" else "district"
        unclassified = BarRow("", label, unknown.ytd, unknown.yoy_pct,
                              tip_of(label, unknown, t("tip.unclassified", lang, what=t(f"what.{dim}", lang))),
                              ProjectFilter(missing=frozenset({missing})), muted=True)  # fmt: skip
        if rows is not None and rows > 2:
            rows -= 1  # its row is kept: the named rows and "others" share the rest
    if rows is not None and len(out) > rows >= 2:
        rest = out[rows - 1 :]
        ytd, prior = sum(r.left for r in rest), sum(items[r.key].prior_ytd for r in rest)
        label = t("others", lang, n=len(rest))
        tip = [label, t("tip.completed", lang, period=period, amount=exact_money(ytd, unit, lang)),
               t("tip.prior", lang, year=f.year - 1, amount=exact_money(prior, unit, lang)),
               t("tip.growth", lang, pct=_pct_or_none(yoy_pct(ytd, prior), lang)),
               t("tip.others", lang, names="、".join(r.key for r in rest))]  # fmt: skip
        out = [*out[: rows - 1], BarRow("", label, ytd, yoy_pct(ytd, prior), "\n".join(tip), None, muted=True)]
    if unclassified is not None:
        out.append(unclassified)
    u = unit_text(unit, lang)
    return BarsChart(
        name=dim,
        title=t(f"{dim}.title", lang, period=period),
        note=_note(f, lang),
        unit=unit,
        left=Axis(t("bars.ytd", lang, period=period, unit=u), Kind.MONEY),
        right=Axis(t("bars.yoy", lang), Kind.PCT),
        right_role="updown",
        rows=tuple(out),
        empty="" if out else t("empty.period", lang, period=period),
        legend=(
            LegendEntry("bar", "current", t("legend.ytd", lang, period=period)),
            LegendEntry("bar", "up", t("legend.up", lang)),
            LegendEntry("bar", "down", t("legend.down", lang)),
        ),
    )


def _sectors(f: DashboardFigures, lang: str, unit: Unit, rows: int | None) -> BarsChart:
    return _ytd_bars(f, lang, unit, rows, "sectors")


def _districts(f: DashboardFigures, lang: str, unit: Unit, rows: int | None) -> BarsChart:
    return _ytd_bars(f, lang, unit, rows, "districts")


def _pipeline(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> BarsChart:
    out = []
    for status, b in f.summary.by_status.items():
        label = status.label(lang)
        tip = [label, t("tip.projects", lang, n=count_text(b.projects)),
               t("tip.planned", lang, amount=exact_money(b.planned_investment, unit, lang))
               + without_amount_text(b.without_amount, lang), t("tip.click", lang)]  # fmt: skip
        out.append(BarRow(status.value, label, b.projects, b.planned_investment, "\n".join(tip),
                          ProjectFilter(statuses=frozenset({status})), muted=not status.is_pipeline))  # fmt: skip
    return BarsChart(
        name="pipeline",
        title=t("pipeline.title", lang),
        note=_note(f, lang),
        unit=unit,
        left=Axis(t("pipeline.projects", lang), Kind.COUNT),
        right=Axis(t("pipeline.planned", lang, unit=unit_text(unit, lang)), Kind.MONEY),
        right_role="current",
        rows=tuple(out),
        legend=(
            LegendEntry("bar", "current", t("legend.pipeline", lang)),
            LegendEntry("bar", "muted", t("legend.side", lang)),
        ),
    )


def _signed(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    counts = tuple(f.signed.get(mm, (0, 0, 0))[0] if mm <= m else None for mm in MONTHS)
    planned = tuple(f.signed.get(mm, (0, 0, 0))[1] if mm <= m else None for mm in MONTHS)
    lacking = tuple(f.signed.get(mm, (0, 0, 0))[2] for mm in MONTHS)
    tips = tuple(
        None
        if counts[i] is None
        else "\n".join([
            month_of_year(y, mm, lang),
            t("tip.signed", lang, n=count_text(counts[i] or 0)),
            t("tip.planned", lang, amount=exact_money(planned[i] or 0, unit, lang)) + without_amount_text(lacking[i], lang),
        ])
        for i, mm in enumerate(MONTHS)
    )  # fmt: skip
    return TimeChart(
        name="signed",
        title=t("signed.title", lang, year=y),
        note=_note(f, lang),
        unit=unit,
        month_labels=tuple(month_label(mm, lang) for mm in MONTHS),
        left=Axis(t("axis.count", lang), Kind.COUNT),
        right=Axis(t("axis.planned", lang, unit=unit_text(unit, lang)), Kind.MONEY),
        series=(
            Series("signed", t("signed.count", lang), "bar", "current", "left", counts),
            Series("signed_planned", t("signed.planned", lang), "line", "accent", "right", planned),
        ),
        tooltips=tips,
        empty="" if any(counts[:m]) else t("empty.signed", lang, period=period_label(y, m, lang)),
    )


_BUILDERS = {
    "monthly": _monthly,
    "yoy": _yoy,
    "sectors": _sectors,
    "districts": _districts,
    "pipeline": _pipeline,
    "signed": _signed,
}

__all__ = ["CHART_NAMES", "BarRow", "BarsChart", "ChartData", "Kind", "Series", "TimeChart", "chart_data"]
