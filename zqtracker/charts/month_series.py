"""The charts over the twelve months: completed investment by month against the year before with
both years to date, year-on-year growth by month and to date, and projects signed by month.

Every figure comes from :mod:`zqtracker.stats.month_figures` (``DashboardFigures.months``): a
month's bar is the projects' amounts of that month alone; a figure one project reported for
several months (1–6月) stands apart on its last month's bar, lighter, and is never spread. The
monthly chart's years to date are the key figures' (the tile's, the overview's: such a figure counts
from its last month), hollow through a month inside one; growth through such a month is compared
like with like — the growth chart's points are, drawn hollow, their tooltips naming who is left out.

A month some district did not report (stats/gaps.py, the key figures' rule) has a hatched bar of what
was reported, its tooltip naming the district; its growth bar, hatched too, and the years to date
from then on (hollow) compare like with like, that district's month left out of both years — the
growth tile's figure at the period's month.
"""

from __future__ import annotations

from zqtracker.charts import gap_tips
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
from zqtracker.domain.chart_tip_messages import CHART_TIP_MESSAGES
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import without_amount_text
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.stats import gap_words, span_words
from zqtracker.stats.month_figures import MonthFigures, Point

MONTHS = tuple(range(1, 13))


def _ytd_value(p: Point, current: bool) -> int | None:
    """A point of a year-to-date line; None where like with like leaves nothing to compare."""
    if p.partial and not p.current and not p.prior:
        return None
    return p.current if current else p.prior


def _notes(mf: MonthFigures, month: int, through: int, lang: str, unit: Unit) -> list[str]:
    """The tooltip lines about spans at ``month``: those ending there, and those it lies inside."""
    money = lambda yuan: exact_money(yuan, unit, lang)  # noqa: E731
    lines: list[str] = []
    for ym in (mf.this, mf.prior) if month <= through else (mf.prior,):
        lines += span_words.together(ym.ending(month), lang, money)
        lines += span_words.inside(ym.inside(month), month, lang, money)
    return lines


def _ytd_lines(f: DashboardFigures, month: int, lang: str, unit: Unit, *, key: bool = False) -> list[str]:
    """The tooltip's year to date: like with like, without its growth (the growth chart, whose line
    above gives it), or ``key``: the key figures' (the monthly chart's lines), their growth the plain
    one where nothing is left out, else the like-with-like one on a line of its own. The months not
    reported are named once, under the figures (:func:`_gap_note`)."""
    p, y = f.months.ytd[month - 1], f.year
    money = lambda yuan: exact_money(yuan, unit, lang)  # noqa: E731
    amount, prior = p.key if key else (p.current + p.dropped[0], p.prior + p.dropped[1])
    period = period_label(y, month, lang)
    if key:
        pct = pct_text(None if p.partial or p.gaps else p.yoy_pct)
        lines = [t("tip.ytd", lang, period=period, amount=money(amount), prior_year=y - 1, prior=money(prior), pct=pct)]
    else:
        lines = [CHART_TIP_MESSAGES.say("chart_tip_ytd_bare", lang, period=period, amount=money(amount),
                                        prior_year=y - 1, prior=money(prior))]  # fmt: skip
    if p.gaps:  # a district's month not reported: like with like, as the growth tile says
        lines.append(
            gap_words.like(p.gaps, _ytd_growth(p), lang, money) if key else gap_tips.like_sums(p.gaps, lang, money)
        )
    if p.partial:
        lines.append(span_words.like_growth(p, lang) if key else span_words.partial(p.left_out, y, lang, money))
    later = span_words.later(p.left_out.later, lang, money)
    if later:
        lines.append(later)
    return lines


def _ytd_growth(p: Point) -> float | None:
    """A year to date's growth like with like; none where both a district's month not reported and a
    figure reported with later months are about (as the growth tile: no figure)."""
    return None if p.gaps and p.partial else p.yoy_pct


def _gap_note(f: DashboardFigures, month: int, lang: str, *, ytd: bool = True) -> list[str]:
    """The months not reported, named once under a tooltip's figures: the year to date's (``ytd``),
    which hold the month's own; else the month's."""
    return gap_tips.note_line((f.months.ytd if ytd else f.months.monthly)[month - 1].gaps, lang)


def _missing(mf: MonthFigures, month: int) -> tuple[int, ...]:
    """Months through ``month`` some district did not report: the year to date lacks them."""
    return tuple(k for k in range(1, month + 1) if mf.this.lacks(k))


def _month_line(f: DashboardFigures, month: int, lang: str, unit: Unit, *, growth: bool = True) -> list[str]:
    """The month's amounts, with their growth (``growth``: the growth chart's line above gives it)."""
    mf, y = f.months, f.year
    money = lambda yuan: exact_money(yuan, unit, lang)  # noqa: E731
    p = mf.monthly[month - 1]
    if mf.this.bar(month) is None:  # inside a span (the notes say which), or not reported at all
        prior, prior_name = mf.prior.bar(month), month_of_year(y - 1, month, lang)
        lines = [t("tip.month.unreported", lang)] if mf.this.unreported(month) else []
        if prior is None:
            return lines
        return [*lines, t("tip.month.prior_only", lang, month=prior_name, amount=exact_money(prior, unit, lang))]
    amounts = {"amount": money(mf.this.bar(month) or 0), "prior_month": month_of_year(y - 1, month, lang),
               "prior": money(mf.prior.bar(month) or 0)}  # fmt: skip
    if growth:
        lines = [t("tip.month", lang, **amounts, pct=pct_text(None if p.gaps else p.yoy_pct))]
    else:
        lines = [CHART_TIP_MESSAGES.say("chart_tip_month_bare", lang, **amounts)]
    if p.gaps:  # a district did not report the month (either year): its growth like with like
        lines.append(
            gap_words.like(p.gaps, p.yoy_pct, lang, money) if growth else gap_tips.like_sums(p.gaps, lang, money)
        )
    if p.partial:
        lines.append(span_words.partial_short(p.left_out, lang))
    return lines


def _bars(f: DashboardFigures, lang: str) -> tuple[Series, ...]:
    mf, y, m = f.months, f.year, f.through
    cur = tuple(mf.this.bar(mm) if mm <= m else None for mm in MONTHS)
    prior = tuple(mf.prior.bar(mm) for mm in MONTHS)
    # hatched: a month some district did not report (the tooltip names it); the bar is what was reported
    series = [
        Series("prior", t("monthly.prior", lang, year=y - 1), "bar", "prior", "left", prior,
               hollow=tuple(mf.prior.incomplete(mm) for mm in MONTHS)),
        Series("current", t("monthly.current", lang, year=y), "bar", "current", "left", cur,
               hollow=tuple(mm <= m and mf.this.incomplete(mm) for mm in MONTHS)),
    ]  # fmt: skip
    if mf.prior.spans:
        together = tuple(mf.prior.ended(mm) for mm in MONTHS)
        # unlabelled: the legend and tooltips name last year's; words over both years' would crowd
        series.append(Series("prior_span", span_words.legend(y - 1, lang), "bar", "prior_span", "left",
                             together, base="prior"))  # fmt: skip
    if any(s.last <= m for s in mf.this.spans):
        together = tuple(mf.this.ended(mm) if mm <= m else None for mm in MONTHS)
        marks = tuple(span_words.mark(mf.this.ending(mm), lang) if mm <= m else None for mm in MONTHS)
        series.append(Series("span", span_words.legend(y, lang), "bar", "span", "left",
                             together, base="current", marks=marks))  # fmt: skip
    return tuple(series)


def _footnote(f: DashboardFigures, lang: str, *, bars: bool = True) -> str:
    mf = f.months
    spans = span_words.footnote(lang, bars=bars) if mf.this.spans or mf.prior.spans else ""
    lacking = any(mf.this.lacks(mm) for mm in range(1, f.through + 1)) or any(mf.prior.lacks(mm) for mm in MONTHS)
    return " ".join(x for x in (spans, gap_words.footnote(lang) if lacking else "") if x)


def monthly_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m, mf = f.year, f.through, f.months
    # the key figures' years to date (the tile's, the overview's), hollow through a month inside a
    # figure reported with later months: it is not in that year to date yet
    ytd = tuple(p.key[0] if mm <= m else None for mm, p in zip(MONTHS, mf.ytd, strict=True))
    prior_ytd = tuple(p.key[1] for p in mf.ytd)
    hollow = tuple(bool(mf.straddling(mm) or _missing(mf, mm)) for mm in MONTHS)
    prior_hollow = tuple(bool(mf.prior.straddling(mm)) for mm in MONTHS)
    tips: list[str | None] = []
    for month in MONTHS:
        notes = _notes(mf, month, m, lang, unit)
        if month <= m:
            lines = [month_of_year(y, month, lang), *_month_line(f, month, lang, unit)]
            ytd_lines = _ytd_lines(f, month, lang, unit, key=True)
            if month == 1 and mf.ytd[0].key == (mf.this.bar(1), mf.prior.bar(1)):
                ytd_lines = []  # January's year to date is its month: its figures and notes said once
            gap = _gap_note(f, month, lang, ytd=bool(ytd_lines))  # the months not reported, once
            tips.append("\n".join(dict.fromkeys([*lines, *notes, *ytd_lines, *gap])))  # each line once
            continue
        amount, before_ytd = mf.prior.bar(month), prior_ytd[month - 1]
        lines = [month_of_year(y - 1, month, lang)]
        if amount is not None:
            lines.append(t("tip.month.alone", lang, amount=exact_money(amount, unit, lang)))
        if before_ytd is not None:
            lines.append(t("tip.ytd.prior_only", lang, period=period_label(y - 1, month, lang),
                           amount=exact_money(before_ytd, unit, lang)))  # fmt: skip
        tips.append("\n".join([*lines, *notes]))
    u = unit_text(unit, lang)
    bars = _bars(f, lang)
    return TimeChart(
        name="monthly",
        title=t("monthly.title", lang, year=y, prior=y - 1),
        note=chart_note(f, lang),
        unit=unit,
        month_labels=tuple(month_label(mm, lang) for mm in MONTHS),
        left=Axis(t("axis.monthly", lang, unit=u), Kind.MONEY),
        right=Axis(t("axis.ytd", lang, unit=u), Kind.MONEY),
        series=(
            *bars,
            Series(
                "prior_ytd",
                t("ytd.prior", lang, year=y - 1),
                "dashed",
                "accent_prior",
                "right",
                prior_ytd,
                hollow=prior_hollow,
            ),
            Series("ytd", t("ytd.current", lang, year=y), "line", "accent", "right", ytd, annotate=True, hollow=hollow),
        ),
        tooltips=tuple(tips),
        empty="" if any(v for s in bars for v in s.values) else t("empty.records", lang, years=f"{y - 1}–{y}"),
        footnote=_footnote(f, lang),
    )


def yoy_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> TimeChart:
    y, m, mf = f.year, f.through, f.months
    # like with like, month by month and to date: projects whose figures of a month (either year)
    # are a span's are left out of both years' sums there (stats/month_figures.py)
    # a year nothing is recorded for yet has no growth at all, never −100% (probe25d W5)
    shown = m if f.summary.completed.reported else 0
    # a month nothing is recorded of (later months are) has no growth either: not −100%
    monthly = tuple(
        p.yoy_pct if mm <= shown and not mf.this.unreported(mm) else None
        for mm, p in zip(MONTHS, mf.monthly, strict=True)
    )
    cumulative = tuple(
        _ytd_growth(p) if mm <= shown and _ytd_value(p, True) is not None else None
        for mm, p in zip(MONTHS, mf.ytd, strict=True)
    )
    tips: list[str | None] = []
    for i, month in enumerate(MONTHS):
        if month > m:
            tips.append(None)
            continue
        like = lambda pct, p: gap_words.like_tile(pct, lang) if p.gaps else pct_or_none(pct, lang)  # noqa: E731
        # each growth once, on its own line (the amounts under it without one); the months not reported once
        tips.append("\n".join([
            month_of_year(y, month, lang),
            t("tip.yoy.month", lang, pct=like(monthly[i], mf.monthly[i])),
            *_month_line(f, month, lang, unit, growth=False),
            *_notes(mf, month, m, lang, unit),
            t("tip.yoy.ytd", lang, pct=like(cumulative[i], mf.ytd[i])),
            *_ytd_lines(f, month, lang, unit),
            *_gap_note(f, month, lang),
        ]))  # fmt: skip
    return TimeChart(
        name="yoy",
        title=t("yoy.title", lang, year=y),
        note=chart_note(f, lang),
        unit=unit,
        month_labels=tuple(month_label(mm, lang) for mm in MONTHS),
        left=Axis(t("axis.pct", lang), Kind.PCT),
        right=None,
        series=(
            Series(
                "monthly_yoy",
                t("yoy.monthly", lang),
                "bar",
                "updown",
                "left",
                monthly,
                hollow=tuple(bool(p.gaps) for p in mf.monthly),
            ),
            Series(
                "ytd_yoy",
                t("yoy.ytd", lang),
                "line",
                "accent",
                "left",
                cumulative,
                annotate=True,
                hollow=tuple(p.partial or bool(_missing(mf, mm)) for mm, p in zip(MONTHS, mf.ytd, strict=True)),
            ),
        ),
        tooltips=tuple(tips),
        empty=""
        if any(v is not None for v in monthly + cumulative)
        else t("empty.growth", lang, year=y - 1)
        if shown
        else t("empty.period", lang, period=period_label(y, m, lang)),
        footnote=_footnote(f, lang, bars=False),
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
