"""Monthly progress: the key-project report table (当月 / 累计 / 年度计划 / 完成率 / 自开工累计).

The 合计 line comes first, under the header, as in the reports districts send; every figure is
the statistics service's :class:`ProgressTable`, the total included.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.money import Unit
from zqtracker.domain.months import MONTH_NAMES_EN
from zqtracker.reports.model import Align, Column, Report, Row, RowStyle, Table
from zqtracker.reports.monthly_gaps import (
    empty_text,
    for_table,
    inside_cell,
    inside_ytd,
    unreported_note,
)
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.text import NO_FIGURE, money, months_span, pct, period, planned_note, t, total_label, with_note
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.stats.figures import ProgressRow
from zqtracker.stats.progress_gaps import ProgressGaps


def build(ctx: AppContext, options: ReportOptions, report: Report, progress: Progress | None) -> None:
    lang, unit, f = options.lang, options.unit, options.effective_filter()
    when = ctx.statistics.resolve_period(options.year, options.through)
    year, month = when.year, when.month
    if progress is not None:
        progress.report(0, 2, "")
    table = ctx.statistics.progress(year, month, f)
    gaps = ctx.statistics.progress_gaps(year, month, f)  # districts not reporting, figures running past the month
    gaps = for_table(gaps, table)  # rows whose month was reported together with later months
    if progress is not None:
        progress.report(1, 2, "")
    key_only = f is not None and f.key_only
    names = {"year": year, "month": month, "month_name": MONTH_NAMES_EN[month - 1]}
    report.title = t("monthly_title_key" if key_only else "monthly_title_all", lang, **names)
    report.subtitle = period(year, month, lang)
    cols = (
        Column(t("col_no", lang), Align.CENTER),
        Column(t("col_project", lang), Align.LEFT, wrap=True, max_mm=60),
        Column(t("col_enterprise", lang), Align.LEFT, wrap=True, max_mm=42),
        Column(t("col_district", lang), Align.LEFT, wrap=True, max_mm=24),
        Column(t("col_status", lang), Align.CENTER),
        Column(t("col_planned", lang)),
        Column(t("col_annual_plan", lang, year=year)),
        # the 合计's cells may say what they leave out ("5（不含未报及10–12月合计 144）"): wrapped, never cut
        Column(t("col_this_month", lang), wrap=True, max_mm=48),
        Column(t("col_ytd_months", lang, months=months_span(month, lang)), wrap=True, max_mm=48),
        Column(t("col_pct_of_plan", lang)),
        Column(t("col_since_start", lang)),
    )
    rows: list[Row] = []
    if table.rows:
        total = table.total
        label = total_label(len(table.rows), lang)
        rows.append(Row(("", *_figures(label, total, gaps, lang, unit, status=False)), RowStyle.TOTAL, "total"))
    for i, r in enumerate(table.rows, start=1):
        rows.append(Row((str(i), *_figures(r.name, r, gaps, lang, unit)), key=r.code or str(r.project_id)))
    note = with_note(planned_note(table.without_amount, lang), t("monthly_note", lang, **names))
    if table.spans:
        note += " " + t("monthly_span_note", lang, year=year, n=table.spans)
    note = with_note(note, _total_notes(table.total, len(table.rows), lang, unit) if table.rows else "")
    note = with_note(note, unreported_note(table, gaps, lang, unit))
    if table.closed_at is not None:
        note = with_note(note, t("monthly_closed", lang, on=table.closed_at.date().isoformat()))
    empty = t("monthly_empty_key" if key_only else "monthly_empty", lang, year=year)
    report.blocks = [
        Table(
            "",
            cols,
            rows,
            note=note,
            empty_text=empty_text(gaps, lang, unit) or empty,
        )
    ]
    corrections = _corrections(ctx, year, month, lang, unit)
    if corrections is not None:
        report.blocks.append(corrections)


def _corrections(ctx: AppContext, year: int, month: int, lang: str, unit: Unit) -> Table | None:
    """Changes made to the latest closed month before this one since it was closed (issue 17)."""
    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService

    closed, changes = RoundService(ctx.database).corrections(Period(year, month))
    if closed is None or not changes:
        return None
    names = {"year": closed.year, "month": closed.month, "month_name": MONTH_NAMES_EN[closed.month - 1]}
    cols = (
        Column(t("col_project", lang), Align.LEFT, wrap=True, max_mm=70),
        Column(t("col_district", lang), Align.LEFT, wrap=True, max_mm=30),
        Column(t("col_period", lang), Align.CENTER),
        Column(t("col_as_closed", lang)),
        Column(t("col_now", lang)),
        Column(t("col_change", lang)),
    )
    rows = [
        Row((c.name or (c.code or str(c.project_id)), c.district or "", f"{c.year}-{c.month:02d}",
             money(c.closed, unit, lang), money(c.now, unit, lang), money((c.now or 0) - (c.closed or 0), unit, lang)),
            key=f"{c.project_id}-{c.year}-{c.month}")
        for c in changes
    ]  # fmt: skip
    return Table(t("corrections_title", lang, **names), cols, rows, note=t("corrections_note", lang))


def _figures(
    name: str, r: ProgressRow, gaps: ProgressGaps, lang: str, unit: Unit, *, status: bool = True
) -> tuple[str, ...]:
    when = (gaps.year, gaps.month)

    def in_unit(yuan: int) -> str:
        return money(yuan, unit, lang)

    span = gaps.inside.get(r.project_id)  # the year's only figure runs past the month (one 1–12月): no 完成率
    only_span = span is not None and span.first == 1

    return (
        name,
        r.enterprise or "",
        r.district or "",
        r.status.label(lang) if status else "",
        money(r.planned_investment, unit, lang),
        money(r.annual_plan, unit, lang),
        inside_cell(r, gaps, _this_month(r, when, lang, unit), lang, in_unit),
        inside_ytd(r, gaps, money(r.ytd, unit, lang), lang),
        NO_FIGURE if only_span else pct(r.pct_of_plan),
        NO_FIGURE if only_span and not r.since_start else _since_start(r, unit, lang),
    )


def _this_month(r: ProgressRow, when: tuple[int, int], lang: str, unit: Unit) -> str:
    """当月, or the 1–X月 figure labelled so when the month's record covers several months."""
    text = money(r.this_month, unit, lang)
    if r.project_id == 0 and r.this_month_apart:  # the total: figures of several months apart (W7)
        return t("total_this_month", lang, amount=text, apart=money(r.this_month_apart, unit, lang))
    if r.this_month_first is None or r.project_id == 0:
        return text
    return f"{text} ({MonthSpan(when[0], r.this_month_first, when[1]).label(lang)})"


def _since_start(r: ProgressRow, unit: Unit, lang: str) -> str:
    """自开工累计 and its share of planned investment: "3.20 (26.7%)"."""
    text = money(r.since_start, unit, lang)
    share = r.pct_of_planned_since_start
    return text if share is None or r.project_id == 0 else f"{text} ({pct(share)})"


def _total_notes(total: ProgressRow, rows: int, lang: str, unit: Unit) -> str:
    """What the 合计 line sums, where it is not every row's every figure: its % of plan over the
    projects with a plan alone (probe25d W6), its 当月 without figures of several months (W7)."""
    notes = []
    if total.planned_ytd is not None and total.planned_rows < rows:
        notes.append(t("monthly_total_pct", lang, n=total.planned_rows, ytd=money(total.planned_ytd, unit, lang),
                       plan=money(total.annual_plan, unit, lang)))  # fmt: skip
    if total.this_month_apart:
        notes.append(t("monthly_total_apart", lang, amount=money(total.this_month_apart, unit, lang)))
    return " ".join(notes)
