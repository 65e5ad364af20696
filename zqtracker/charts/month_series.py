"""The charts over the twelve months: completed investment by month against the year before with
both years to date, year-on-year growth by month and to date, and projects signed by month.

A figure the districts reported for several months (1–8月) stands at its last month: the months
inside it have no amount of their own and no growth, and say so in their tooltips.
"""

from __future__ import annotations

from zqtracker.charts.chart_model import Axis, Kind, Series, TimeChart
from zqtracker.charts.labels import (
    chart_note,
    count_text,
    exact_money,
    month_label,
    month_of_year,
    pct_or_none,
    pct_text,
    period_label,
    t,
    unit_text,
)
from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import without_amount_text
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.stats.figures import yoy_pct

MONTHS = tuple(range(1, 13))


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


def _running(values: dict[int, int], shown: tuple[int | None, ...]) -> tuple[int | None, ...]:
    """Year to date at each month, of every amount recorded up to it (the summary's year to date);
    None where ``shown`` has no amount: inside a figure of several months, or after the period.

    A month inside one project's 1–X月 figure still holds the other projects' amounts: they count
    from that month on, as in ``zqtracker summary``, and are never dropped from the line."""
    total, out = 0, []
    for month, v in zip(MONTHS, shown, strict=True):
        total += values.get(month, 0)
        out.append(None if v is None else total)
    return tuple(out)


def monthly_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    cur = _months(f.monthly, m, f.spans)
    prior = _months(f.prior_monthly, 12, f.prior_spans)
    ytd, prior_ytd = _running(f.monthly, cur), _running(f.prior_monthly, prior)
    covered = _covered(f.spans) | _covered(f.prior_spans)
    tips: list[str | None] = []
    for i, month in enumerate(MONTHS):
        lines = [month_of_year(y, month, lang)]
        note = _span_note(f, month, lang)
        if note is not None:
            lines.append(note)
        # a year to date is None exactly where its month's amount is (_running)
        amount, before, amount_ytd, before_ytd = cur[i], prior[i], ytd[i], prior_ytd[i]
        if (amount is None and month <= m) or before is None or before_ytd is None:
            tips.append("\n".join(lines))
            continue
        name = month_of_year(y, month, lang)
        prior_name = month_of_year(y - 1, month, lang)
        if amount is not None and amount_ytd is not None:
            like = month not in covered  # a figure of several months has no growth of its own
            lines.append(t("tip.month", lang, month=name, amount=exact_money(amount, unit, lang),
                           prior_month=prior_name, prior=exact_money(before, unit, lang),
                           pct=pct_text(yoy_pct(amount, before) if like else None)))  # fmt: skip
            lines.append(
                t(
                    "tip.ytd",
                    lang,
                    period=period_label(y, month, lang),
                    amount=exact_money(amount_ytd, unit, lang),
                    prior_year=y - 1,
                    prior=exact_money(before_ytd, unit, lang),
                    pct=pct_text(yoy_pct(amount_ytd, before_ytd)),
                )
            )
        else:
            lines[0] = prior_name
            lines.append(t("tip.month.prior_only", lang, month=prior_name, amount=exact_money(before, unit, lang)))
            lines.append(t("tip.ytd.prior_only", lang, period=period_label(y - 1, month, lang),
                           amount=exact_money(before_ytd, unit, lang)))  # fmt: skip
        tips.append("\n".join(lines))
    u = unit_text(unit, lang)
    return TimeChart(
        name="monthly",
        title=t("monthly.title", lang, year=y, prior=y - 1),
        note=chart_note(f, lang),
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


def yoy_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    cur, prior = _months(f.monthly, m, f.spans), _months(f.prior_monthly, m, f.prior_spans)
    ytd, prior_ytd = _running(f.monthly, cur), _running(f.prior_monthly, prior)
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
        amount, before = cur[i], prior[i]
        if amount is None or before is None:
            tips.append(None if note is None or month > m else "\n".join([month_of_year(y, month, lang), note]))
            continue
        tips.append("\n".join([
            month_of_year(y, month, lang),
            t("tip.yoy.month", lang, pct=pct_or_none(monthly[i], lang)),
            t("tip.month", lang, month=month_of_year(y, month, lang), amount=exact_money(amount, unit, lang),
              prior_month=month_of_year(y - 1, month, lang), prior=exact_money(before or 0, unit, lang),
              pct=pct_text(monthly[i])),
            t("tip.yoy.ytd", lang, pct=pct_or_none(cumulative[i], lang)),
            t("tip.ytd", lang, period=period_label(y, month, lang), amount=exact_money(ytd[i] or 0, unit, lang),
              prior_year=y - 1, prior=exact_money(prior_ytd[i] or 0, unit, lang), pct=pct_text(cumulative[i])),
        ]))  # fmt: skip
    return TimeChart(
        name="yoy",
        title=t("yoy.title", lang, year=y),
        note=chart_note(f, lang),
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


def signed_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m = f.year, f.through
    counts = tuple(f.signed.get(mm, (0, 0, 0))[0] if mm <= m else None for mm in MONTHS)
    planned = tuple(f.signed.get(mm, (0, 0, 0))[1] if mm <= m else None for mm in MONTHS)
    lacking = tuple(f.signed.get(mm, (0, 0, 0))[2] for mm in MONTHS)
    tips = tuple(
        None
        if counts[i] is None
        else "\n".join(
            [
                month_of_year(y, mm, lang),
                t("tip.signed", lang, n=count_text(counts[i] or 0)),
                t("tip.planned", lang, amount=exact_money(planned[i] or 0, unit, lang))
                + without_amount_text(lacking[i], lang),
            ]
        )
        for i, mm in enumerate(MONTHS)
    )
    return TimeChart(
        name="signed",
        title=t("signed.title", lang, year=y),
        note=chart_note(f, lang),
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
