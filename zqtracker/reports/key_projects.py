"""Key projects: every key (重点) or billion-yuan project, its dates and its share of the annual plan."""

from __future__ import annotations

from zqtracker.domain.filters import ProjectRow
from zqtracker.domain.money import Unit
from zqtracker.reports.model import Align, Column, Report, Row, RowStyle, Table
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.text import day, money, months_span, pct, period, planned_note, t, total_label, with_note
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.stats.figures import ProgressRow, ProgressTable


def build(ctx: AppContext, options: ReportOptions, report: Report, progress: Progress | None) -> None:
    lang, unit, f = options.lang, options.unit, options.effective_filter()
    when = ctx.statistics.resolve_period(options.year, options.through)
    if progress is not None:
        progress.report(0, 3, "")
    rows = [r for r in ctx.projects.list_rows(f) if r.is_key_project or r.is_billion_yuan]
    rows.sort(key=lambda r: (-(r.planned_investment or 0), r.name, r.id))
    if progress is not None:
        progress.report(1, 3, "")
    table = ctx.statistics.progress(when.year, when.month, f)
    by_id = {p.project_id: p for p in table.rows}
    if progress is not None:
        progress.report(2, 3, "")
    report.title = t("key_title", lang)
    report.subtitle = period(when.year, when.month, lang)
    span = months_span(when.month, lang)
    cols = (
        Column(t("col_no", lang), Align.CENTER),
        Column(t("col_project", lang), Align.LEFT, wrap=True, max_mm=58),
        Column(t("col_enterprise", lang), Align.LEFT, wrap=True, max_mm=42),
        Column(t("col_district", lang), Align.LEFT, wrap=True, max_mm=24),
        Column(t("col_planned", lang)),
        Column(t("col_status", lang), Align.CENTER),
        Column(t("col_kind", lang), Align.CENTER, wrap=True, max_mm=18),
        Column(t("col_signed", lang), Align.CENTER),
        Column(t("col_started", lang), Align.CENTER),
        Column(t("col_production", lang), Align.CENTER),
        Column(t("col_ytd", lang, span=span)),
        Column(t("col_pct_plan", lang)),
    )
    out = [_row(i, r, by_id.get(r.id), lang, unit) for i, r in enumerate(rows, start=1)]
    lacking = 0
    if rows:
        listed = ProgressTable(when.year, when.month, [by_id[r.id] for r in rows if r.id in by_id]).total
        planned = sum(r.planned_investment or 0 for r in rows)
        lacking = sum(1 for r in rows if r.planned_investment is None)
        total = ("", total_label(len(rows), lang), "", "", money(planned, unit, lang), "", "", "", "", "",
                 money(listed.ytd, unit, lang), pct(listed.pct_of_plan))  # fmt: skip
        out.append(Row(total, RowStyle.TOTAL, "total"))
    report.blocks = [
        Table(
            "",
            cols,
            out,
            note=with_note(
                planned_note(lacking, lang),
                t("key_note", lang, period=period(when.year, when.month, lang), year=when.year),
            ),
            empty_text=t("key_empty", lang),
        )
    ]


def _row(i: int, r: ProjectRow, p: ProgressRow | None, lang: str, unit: Unit) -> Row:
    kind = "kind_both" if r.is_key_project and r.is_billion_yuan else "kind_key" if r.is_key_project else "kind_billion"
    cells = (
        str(i),
        r.name,
        r.enterprise or "",
        r.district or "",
        money(r.planned_investment, unit, lang),
        r.status.label(lang),
        t(kind, lang),
        day(r.signed_on, r.signed_on_precision),
        day(r.construction_start_on, r.construction_start_on_precision),
        day(r.production_on, r.production_on_precision),
        money(p.ytd if p is not None else 0, unit, lang),
        pct(p.pct_of_plan if p is not None else None),
    )
    return Row(cells, key=r.code or str(r.id))
