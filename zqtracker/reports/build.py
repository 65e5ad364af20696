"""From options to a :class:`Report`: the header every view shares, then the view's own blocks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from zqtracker.reports.model import Report, View
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.text import stamp, t, unit_name
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress


def build_report(ctx: AppContext, options: ReportOptions, progress: Progress | None = None) -> Report:
    """Read the figures from the services and write them into a report (no Qt until layout)."""
    from zqtracker.reports import key_projects, monthly, overview, stale

    builders: dict[View, Callable[[AppContext, ReportOptions, Report, Progress | None], None]] = {
        View.OVERVIEW: overview.build,
        View.KEY_PROJECTS: key_projects.build,
        View.MONTHLY: monthly.build,
        View.STALE: stale.build,
    }
    report = blank_report(ctx, options)
    builders[options.view](ctx, options, report, progress)
    return report


def blank_report(ctx: AppContext, options: ReportOptions) -> Report:
    lang = options.lang
    f = options.effective_filter()
    phrases = f.describe(lang) if f is not None else []
    scope = t("scope_filters", lang, filters=t("filter_sep", lang).join(phrases)) if phrases else t("scope_all", lang)
    return Report(
        view=options.view,
        lang=lang,
        title="",
        subtitle="",
        scope=scope,
        unit_line=t("unit_line", lang, unit=unit_name(options.unit, lang)),
        generated=t("generated", lang, stamp=stamp(options.generated_at or datetime.now())),
        demo_mark=t("demo", lang) if ctx.statistics.is_demo() else "",
    )
