"""Stale projects: no status change and no investment record for N months, with when each last moved."""

from __future__ import annotations

from zqtracker.reports.model import Align, Column, Report, Row, RowStyle, Table
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.text import NO_FIGURE, day, long_date, money, planned_note, t, total_label, with_note
from zqtracker.services.activity import ActivityService
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress


def build(ctx: AppContext, options: ReportOptions, report: Report, progress: Progress | None) -> None:
    lang, unit = options.lang, options.unit
    if progress is not None:
        progress.report(0, 1, "")
    found = ActivityService(ctx.database).stale(options.effective_filter(), options.stale_months, options.as_of)
    report.title = t("stale_title", lang)
    report.subtitle = t("stale_subtitle", lang, months=found.months, as_of=long_date(found.as_of, lang))
    cols = (
        Column(t("col_no", lang), Align.CENTER),
        Column(t("col_project", lang), Align.LEFT, wrap=True, max_mm=60),
        Column(t("col_enterprise", lang), Align.LEFT, wrap=True, max_mm=45),
        Column(t("col_district", lang), Align.LEFT, wrap=True, max_mm=24),
        Column(t("col_status", lang), Align.CENTER),
        Column(t("col_planned", lang)),
        Column(t("col_last_change", lang), Align.CENTER),
        Column(t("col_last_record", lang), Align.CENTER),
        Column(t("col_idle", lang)),
    )
    rows = []
    lacking = 0
    for i, p in enumerate(found.projects, start=1):
        r = p.row
        record = NO_FIGURE if p.last_record is None else f"{p.last_record[0]}-{p.last_record[1]:02d}"
        idle = NO_FIGURE if p.idle_months is None else str(p.idle_months)
        cells = (
            str(i),
            r.name,
            r.enterprise or "",
            r.district or "",
            r.status.label(lang),
            money(r.planned_investment, unit, lang),
            day(p.last_status_change) or NO_FIGURE,
            record,
            idle,
        )
        rows.append(Row(cells, key=r.code or str(r.id)))
    if rows:
        planned = sum(p.row.planned_investment or 0 for p in found.projects)
        lacking = sum(1 for p in found.projects if p.row.planned_investment is None)
        total = ("", total_label(len(rows), lang), "", "", "", money(planned, unit, lang), "", "", "")
        rows.append(Row(total, RowStyle.TOTAL, "total"))
    report.blocks = [
        Table(
            "",
            cols,
            rows,
            note=with_note(planned_note(lacking, lang), t("stale_note", lang)),
            empty_text=t("stale_empty", lang, months=found.months),
        )
    ]
