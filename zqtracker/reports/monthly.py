"""Monthly progress: the key-project report table (当月 / 累计 / 年度计划 / 完成率 / 自开工累计).

The 合计 line comes first, under the header, as in the reports districts send; every figure is
the statistics service's :class:`ProgressTable`, the total included.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.money import Unit
from zqtracker.domain.months import MONTH_NAMES_EN
from zqtracker.reports.model import Align, Column, Report, Row, RowStyle, Table
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.text import money, months_span, pct, period, planned_note, t, total_label, with_note
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.stats.figures import ProgressRow


def build(ctx: AppContext, options: ReportOptions, report: Report, progress: Progress | None) -> None:
    lang, unit, f = options.lang, options.unit, options.effective_filter()
    when = ctx.statistics.resolve_period(options.year, options.through)
    year, month = when.year, when.month
    if progress is not None:
        progress.report(0, 2, "")
    table = ctx.statistics.progress(year, month, f)
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
        Column(t("col_this_month", lang)),
        Column(t("col_ytd_months", lang, months=months_span(month, lang))),
        Column(t("col_pct_of_plan", lang)),
        Column(t("col_since_start", lang)),
    )
    rows: list[Row] = []
    if table.rows:
        total = table.total
        label = total_label(len(table.rows), lang)
        rows.append(
            Row(("", *_figures(label, total, (year, month), lang, unit, status=False)), RowStyle.TOTAL, "total")
        )
    for i, r in enumerate(table.rows, start=1):
        rows.append(Row((str(i), *_figures(r.name, r, (year, month), lang, unit)), key=r.code or str(r.project_id)))
    report.blocks = [
        Table(
            "",
            cols,
            rows,
            note=with_note(planned_note(table.without_amount, lang), t("monthly_note", lang, **names))
            + (" " + t("monthly_span_note", lang, year=year, n=table.spans) if table.spans else ""),
            empty_text=t("monthly_empty", lang, year=year),
        )
    ]


def _figures(
    name: str, r: ProgressRow, when: tuple[int, int], lang: str, unit: Unit, *, status: bool = True
) -> tuple[str, ...]:
    return (
        name,
        r.enterprise or "",
        r.district or "",
        r.status.label(lang) if status else "",
        money(r.planned_investment, unit, lang),
        money(r.annual_plan, unit, lang),
        _this_month(r, when, lang, unit),
        money(r.ytd, unit, lang),
        pct(r.pct_of_plan),
        _since_start(r, unit, lang),
    )


def _this_month(r: ProgressRow, when: tuple[int, int], lang: str, unit: Unit) -> str:
    """当月, or the 1–X月 figure labelled so when the month's record covers several months."""
    text = money(r.this_month, unit, lang)
    if r.this_month_first is None or r.project_id == 0:
        return text
    return f"{text} ({MonthSpan(when[0], r.this_month_first, when[1]).label(lang)})"


def _since_start(r: ProgressRow, unit: Unit, lang: str) -> str:
    """自开工累计 and its share of planned investment: "3.20 (26.7%)"."""
    text = money(r.since_start, unit, lang)
    share = r.pct_of_planned_since_start
    return text if share is None or r.project_id == 0 else f"{text} ({pct(share)})"
