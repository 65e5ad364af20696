"""The words and numbers on the key-figure tiles (the same figures as `zqtracker summary`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from zqtracker.charts.labels import count_text, exact_money, pct_text, period_label
from zqtracker.charts.theme import Theme
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import ytd_span
from zqtracker.domain.status import Status
from zqtracker.domain.unknown import without_amount, without_amount_text
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.stats import gap_words, span_words
from zqtracker.stats.prior import prior_text

if TYPE_CHECKING:
    from zqtracker.ui.dashboard.widget import DashboardWidget

translate = QCoreApplication.translate


def fill_tiles(
    w: DashboardWidget, f: DashboardFigures, lang: str, unit: Unit, theme: Theme, exact: bool = False
) -> None:
    """``exact``: every digit (the preference), else the usual decimals with the exact figure in
    the tooltip."""
    s = f.summary
    c = s.completed
    money = MoneyFormat(unit, lang, exact)
    unit_name = money.label
    period = period_label(f.year, f.through, lang)
    tiles = w.tiles

    tiles["projects"].set_figure(
        count_text(s.projects),
        translate("DashboardTiles", "{n} under construction").format(
            n=count_text(s.by_status[Status.UNDER_CONSTRUCTION].projects)
        ),
        tooltip=translate("DashboardTiles", "All projects in the database. Click to list them."),
    )
    tiles["projects"].set_filter(ProjectFilter())

    tiles["planned"].caption.setText(translate("DashboardTiles", "Planned, {unit}").format(unit=unit_name))
    lacking = s.projects_without_amount
    tiles["planned"].set_figure(
        money.number(s.planned_investment),
        without_amount(lacking, lang) if lacking else translate("DashboardTiles", "total of all projects"),
        tooltip=exact_money(s.planned_investment, unit, lang) + without_amount_text(lacking, lang),
    )
    # Projects without an amount are not in the total: a click lists them, to be completed.
    tiles["planned"].set_filter(ProjectFilter(missing=frozenset({"planned_investment"})) if lacking else None)

    tiles["billion"].set_figure(
        count_text(s.billion_yuan_projects),
        translate("DashboardTiles", "planned ≥ 1 billion yuan"),
        tooltip=translate("DashboardTiles", "Projects planned at 1 billion yuan (10亿元) or more. Click to list them."),
    )
    tiles["billion"].set_filter(ProjectFilter(billion_only=True))

    tiles["ytd"].caption.setText(translate("DashboardTiles", "Completed, {unit}").format(unit=unit_name))
    ytd_tip = translate("DashboardTiles", "Completed {period}: {amount}").format(
        period=period, amount=exact_money(c.total.ytd, unit, lang)
    )
    # a figure reported with later months (1–6月 seen through April) is not in it yet: say so
    later = span_words.later(c.pending, lang, lambda v: exact_money(v, unit, lang))
    # months not reported (a district's March never imported): the figure is what was reported, and says so
    gaps = c.total.gaps
    unreported = gap_words.line(gaps, c.total.like_pct, lang, lambda v: exact_money(v, unit, lang)) if gaps else ""
    tiles["ytd"].set_figure(
        money.number(c.total.ytd),
        gap_words.note(gaps, lang) if gaps else f"{period} *" if later else period,
        tooltip="\n".join(x for x in (ytd_tip, later, unreported) if x),
    )

    growth = c.total.yoy_pct
    up, down = theme.growth(lang)
    prior_short = money.number(c.total.prior_ytd)
    point = f.months.ytd[f.through - 1]  # the period like with like (stats/month_figures.py)
    if gaps:  # growth like with like, the months not reported left out of both years
        tiles["yoy"].set_figure("—", gap_words.like_tile(c.total.like_pct, lang), tooltip=unreported)
    elif not c.total.comparable:  # a 1–X月 figure straddles the period's month: no growth rather than a wrong one
        # (the tile says the like-with-like growth, as the overview's key figure does; the tooltip who)
        why = span_words.not_comparable(point.left_out, lang)
        like = span_words.like_growth(point, lang, tile=True)
        # last year's figure of other months: "—" or labelled with its months (stats/prior.py), never bare
        if c.total.prior_through:  # the months said once, with the year (not "same period 2024: Jan–Sep 2024: …")
            span = ytd_span(c.total.prior_through, lang, f.year - 1)
            same = translate("DashboardTiles", "same period last year known only for {span}: {amount}").format(
                span=span, amount=exact_money(c.total.prior_ytd, unit, lang)
            )
        else:
            prior = prior_text(c.total, lang, lambda v: exact_money(v, unit, lang), year=f.year)
            same = translate("DashboardTiles", "same period {year}: {amount}").format(year=f.year - 1, amount=prior)
        tiles["yoy"].set_figure("—", like, tooltip=f"{why}\n{span_words.like_growth(point, lang)}\n{same}")
    elif growth is None:
        tiles["yoy"].set_figure("—", translate("DashboardTiles", "same period {year}: 0").format(year=f.year - 1))
    else:
        arrow = "▲" if growth > 0 else "▼" if growth < 0 else ""
        tiles["yoy"].set_figure(
            f"{arrow} {pct_text(growth)}".strip(),
            translate("DashboardTiles", "same period {year}: {amount}").format(year=f.year - 1, amount=prior_short),
            colour=up if growth > 0 else down if growth < 0 else None,
            tooltip=translate(
                "DashboardTiles", "Completed investment {period} against the same months of {year}"
            ).format(period=period, year=f.year - 1),
        )

    signed_n, signed_planned, signed_lacking = f.signed_through()
    tiles["signed"].caption.setText(translate("DashboardTiles", "Signed {period}").format(period=period))
    tiles["signed"].set_figure(
        count_text(signed_n),
        translate("DashboardTiles", "planned {amount}").format(amount=money.text(signed_planned)),
        tooltip=translate(
            "DashboardTiles", "Projects signed {period}, planned {amount}. Click to list the projects signed in {year}."
        ).format(
            period=period,
            amount=exact_money(signed_planned, unit, lang) + without_amount_text(signed_lacking, lang),
            year=f.year,
        ),
    )
    tiles["signed"].set_filter(ProjectFilter(signed_year=f.year))

    tiles["stale"].set_figure(
        "—" if f.stale is None else count_text(f.stale),
        translate("DashboardTiles", "no activity since {date}").format(date=f.stale_cutoff.isoformat()),
        colour="#bf8700" if f.stale else None,
        tooltip=translate(
            "DashboardTiles",
            "Projects still in the pipeline with no status change and no investment record in the "
            "{months} months before {as_of}.",
        ).format(months=f.stale_months, as_of=f.as_of.isoformat()),
    )
