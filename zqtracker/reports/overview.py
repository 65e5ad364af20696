"""Overview: key figures, the monthly trend, and projects / investment by status, sector, district,
investor origin and project type."""

from __future__ import annotations

from dataclasses import replace

from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.months import ytd_span
from zqtracker.domain.unknown import choice_label, unclassified_label, without_amount
from zqtracker.reports.model import (
    Align,
    Chart,
    Column,
    Figure,
    KeyFigures,
    Paragraph,
    Report,
    Row,
    RowStyle,
    Table,
)
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.rounding import rounding_note
from zqtracker.reports.text import (
    count,
    growth,
    money,
    money_with_unit,
    months_span,
    pct,
    period,
    planned_money,
    planned_note,
    short_period,
    t,
    with_note,
)
from zqtracker.reports.trend_chart import HEIGHT_MM, WIDTH_MM, TrendData, draw_trend_svg, trend_data
from zqtracker.reports.trend_gaps import gap_note
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.stats import gap_words, span_words
from zqtracker.stats.figures import Breakdown, Summary, Ytd, percent
from zqtracker.stats.month_figures import Point
from zqtracker.stats.period_words import period_note
from zqtracker.stats.prior import prior_text
from zqtracker.stats.ytd_reach import span_note, total_text, ytd_text


def trend_notes(trend: TrendData, s: Summary, lang: str, unit: Unit) -> list[Paragraph]:
    """Under the chart, when figures were reported for several months together: what the light bars
    and hollow points mean, and what the period's year to date leaves out (a span running past it);
    when a district did not report a month, what the hatched bars mean and whose months they lack."""
    gaps = gap_note(trend.year, trend.this_lacking, trend.last_lacking, lang)
    if not any(trend.this_spans) and not any(trend.last_spans):
        return [Paragraph(gaps)] if gaps else []
    notes = [span_words.trend_note(lang), gaps]
    notes.append(span_words.later(s.completed.pending, lang, lambda v: money_with_unit(v, unit, lang)) or "")
    if trend.point is not None and _like(trend.point, s):
        notes.append(span_words.like_growth(trend.point, lang))
    return [Paragraph(" ".join(n for n in notes if n))]


def _like(point: Point | None, s: Summary) -> bool:
    """The period's growth has no figure for a span straddling it, and like with like has one."""
    return point is not None and point.partial and not s.completed.total.comparable


def build(ctx: AppContext, options: ReportOptions, report: Report, progress: Progress | None) -> None:
    lang, unit, f = options.lang, options.unit, options.effective_filter()
    if progress is not None:
        progress.report(0, 3, "")
    s = ctx.statistics.summary(options.year, options.through, f)
    c = s.completed
    year, through = c.year, c.through_month
    report.title = t("overview_title", lang)
    report.subtitle = period(year, through, lang)
    if progress is not None:
        progress.report(1, 3, "")
    trend = trend_data(ctx.statistics, year, through, f)
    svg = draw_trend_svg(trend, lang=lang, unit=unit, width_mm=WIDTH_MM, height_mm=HEIGHT_MM)
    if progress is not None:
        progress.report(2, 3, "")
    note = period_note(c, lang)  # cut back to the records, or none at all (probe25d W4, W5)
    # months not reported (a district's March never imported): said, and growth like with like
    lacking = gap_words.line(c.total.gaps, c.total.like_pct, lang, lambda v: money_with_unit(v, unit, lang))
    report.blocks = [
        key_figures(s, lang, unit, trend.point),
        *([Paragraph(note)] if note else []),
        *([Paragraph(lacking)] if c.total.gaps else []),
        Chart(t("trend_title", lang), svg, HEIGHT_MM / WIDTH_MM),
        *trend_notes(trend, s, lang, unit),
        status_table(s, lang, unit),
        kind_table(t("by_origin", lang), t("col_origin", lang), s.by_investor_origin, s, lang, unit),
        kind_table(t("by_type", lang), t("col_type", lang), s.by_project_type, s, lang, unit),
        ytd_table(t("by_sector", lang), t("col_sector", lang), s.by_sector, c.by_sector, s, lang, unit, through,
                  (unclassified_label("sector", lang), s.unclassified_sector, c.unclassified_sector)),
        ytd_table(t("by_district", lang), t("col_district", lang), s.by_district, c.by_district, s, lang, unit, through,
                  (unclassified_label("district", lang), s.unclassified_district, c.unclassified_district)),
    ]  # fmt: skip


def key_figures(s: Summary, lang: str, unit: Unit, point: Point | None = None) -> KeyFigures:
    """``point``: the period's like-with-like comparison (stats/month_figures.py), said under a growth
    that has no figure because a span straddles the period."""
    c = s.completed
    like = span_words.like_growth(point, lang, short=True) if point is not None and _like(point, s) else ""
    if c.total.gaps:  # months not reported: the growth like with like, those months left out of both years
        like = gap_words.like_tile(c.total.like_pct, lang)
    later = span_words.later_short(c.pending, lang, lambda v: money_with_unit(v, unit, lang))
    # last year's figure of other months: "—", or the amount with its months under it (stats/prior.py)
    reach = c.total.prior_through
    prior = prior_text(
        replace(c.total, prior_through=None) if reach else c.total, lang, lambda v: money_with_unit(v, unit, lang)
    )
    prior_note = ytd_span(reach, lang, c.year - 1) if reach else ""
    return KeyFigures(
        [
            Figure(t("fig_projects", lang), count(s.projects)),
            Figure(
                t("fig_planned", lang),
                money_with_unit(s.planned_investment, unit, lang),
                without_amount(s.projects_without_amount, lang) if s.projects_without_amount else "",
            ),
            Figure(t("fig_billion", lang), count(s.billion_yuan_projects)),
            Figure(
                t("fig_ytd", lang, span=short_period(c.year, c.through_month, lang)),
                total_text(c.total, lang, lambda v: money_with_unit(v, unit, lang)),
                gap_words.t("sep", lang).join(x for x in (gap_words.note(c.total.gaps, lang), later) if x),
            ),
            Figure(t("fig_prior", lang), prior, prior_note),
            Figure(t("fig_yoy", lang), growth(c.total.yoy_pct), like),
        ]
    )


def status_table(s: Summary, lang: str, unit: Unit) -> Table:
    cols = (
        Column(t("col_status", lang), Align.LEFT),
        Column(t("col_projects", lang)),
        Column(t("col_planned", lang)),
    )
    rows = [
        Row((status.label(lang), count(b.projects), planned_money(b, unit, lang)), key=status.value)
        for status, b in s.by_status.items()
    ]
    total = Breakdown(s.projects, s.planned_investment, s.projects_without_amount)
    rows.append(Row((t("total", lang), count(s.projects), planned_money(total, unit, lang)), RowStyle.TOTAL, "total"))
    note = with_note(planned_note(s.projects_without_amount, lang), rounding_note(rows, (2,), lang))
    return Table(t("by_status", lang), cols, rows, note=note)


def kind_table(
    title: str,
    name_header: str,
    kinds: dict[InvestorOrigin | None, Breakdown] | dict[ProjectType | None, Breakdown],
    s: Summary,
    lang: str,
    unit: Unit,
) -> Table:
    """Projects, their share and planned investment per investor origin or project type: every
    value, then the projects nobody gave one for ("Not given", when there are any), so that the
    lines add up to the total and a share of 外资 is never taken of the known ones alone."""
    cols = (
        Column(name_header, Align.LEFT),
        Column(t("col_projects", lang)),
        Column(t("col_share", lang)),
        Column(t("col_planned", lang)),
    )

    def cells(name: str, b: Breakdown) -> tuple[str, ...]:
        return name, count(b.projects), pct(percent(b.projects, s.projects)), planned_money(b, unit, lang)

    rows = [
        Row(cells(choice_label(k, lang), b), key="not_given" if k is None else k.value)
        for k, b in kinds.items()
        if k is not None or b.projects
    ]
    total = Breakdown(s.projects, s.planned_investment, s.projects_without_amount)
    rows.append(Row(cells(t("total", lang), total), RowStyle.TOTAL, "total"))
    given_not = rows[-2].key == "not_given"
    note = with_note(
        t("not_given_note", lang) if given_not else "",
        planned_note(s.projects_without_amount, lang),
        rounding_note(rows, (3,), lang),
    )
    return Table(title, cols, rows, note=note)


def ytd_table(
    title: str,
    name_header: str,
    projects: dict[str, Breakdown],
    completed: dict[str, Ytd],
    s: Summary,
    lang: str,
    unit: Unit,
    through: int,
    unclassified: tuple[str, Breakdown, Ytd] | None = None,
) -> Table:
    """Projects and planned investment beside completed investment and its growth, one row per name.

    A name with projects but no investment this year (or investment of projects since moved
    away) still gets its row: both halves come from the same summary, so the total line adds up.
    ``unclassified`` (label, projects, completed) is the line of projects whose sector or district
    is unknown, shown after the named ones whenever it holds a project or a record.
    """
    span = months_span(through, lang)
    cols = (
        Column(name_header, Align.LEFT, wrap=True, max_mm=45),
        Column(t("col_projects", lang)),
        Column(t("col_planned", lang)),
        Column(t("col_ytd", lang, span=span)),
        Column(t("col_prior", lang)),
        Column(t("col_yoy", lang)),
    )
    names = list(projects) + [n for n in completed if n not in projects]
    rows = []
    for name in names:
        b = projects.get(name, Breakdown())
        y = completed.get(name, Ytd())
        cells = (name, count(b.projects), planned_money(b, unit, lang), _ytd(y, unit, lang),
                 _prior(y, unit, lang), _growth(y, lang))  # fmt: skip
        rows.append(Row(cells, key=name))
    if unclassified is not None:
        label, b, y = unclassified
        if b.projects or y.ytd or y.prior_ytd:
            cells = (label, count(b.projects), planned_money(b, unit, lang), _ytd(y, unit, lang),
                     _prior(y, unit, lang), _growth(y, lang))  # fmt: skip
            rows.append(Row(cells, key="unclassified"))
    total = s.completed.total
    rows.append(
        Row(
            (
                t("total", lang),
                count(s.projects),
                planned_money(Breakdown(s.projects, s.planned_investment, s.projects_without_amount), unit, lang),
                total_text(total, lang, lambda v: money(v, unit, lang)),
                _prior(total, unit, lang),
                _growth(total, lang),
            ),
            RowStyle.TOTAL,
            "total",
        )
    )
    lacking = [(n, g) for n in names if (g := completed.get(n, Ytd()).gaps)]
    if unclassified is not None and unclassified[2].gaps:
        lacking.append((unclassified[0], unclassified[2].gaps))
    notes = (planned_note(s.projects_without_amount, lang), t("yoy_note", lang), gap_words.table_note(lacking, lang),
             span_note([*completed.values(), *(unclassified[2:] if unclassified else ())], lang),
             rounding_note(rows, (2, 3, 4), lang))  # fmt: skip
    return Table(title, cols, rows, note=with_note(*notes))


def _growth(y: Ytd, lang: str) -> str:
    """The growth, like with like where months are not reported."""
    return gap_words.like_tile(y.like_pct, lang) if y.gaps else growth(y.yoy_pct)


def _ytd(y: Ytd, unit: Unit, lang: str) -> str:
    """A year to date, "—" for a year nothing is recorded for yet, or labelled with its months where a
    figure runs later (stats/ytd_reach.py)."""
    return ytd_text(y, lang, lambda v: money(v, unit, lang))


def _prior(y: Ytd, unit: Unit, lang: str) -> str:
    """A table's 上年同期 cell: "—" or labelled with its months where it is not the same period (stats/prior.py)."""
    return prior_text(y, lang, lambda v: money(v, unit, lang))
