"""``zqtracker report FILE.pdf``: a summary view as a PDF, headless — the same file the Summaries tab saves."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from zqtracker.cli.arguments import h
from zqtracker.cli.common import add_filter_arguments, add_unit_argument, filter_from_args, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode

VIEWS = ("overview", "key-projects", "monthly", "stale")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help=h("report"),
        description=h("report.about"),
    )
    p.add_argument("file", metavar="FILE.pdf", help=h("report.file"))
    p.add_argument("--view", choices=VIEWS, default="overview", help=h("report.view"))
    p.add_argument("--year", type=int, help=h("report.year"))
    p.add_argument("--through", type=int, choices=range(1, 13), metavar="M", help=h("through"))
    # dest differs from the global --lang: a subparser's default would overwrite the global value
    p.add_argument("--lang", dest="report_lang", choices=("en", "zh"), help=h("report.lang"))
    add_unit_argument(p)
    p.add_argument("--months", type=int, default=6, metavar="N", help=h("report.months"))
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help=h("report.as_of"))
    p.add_argument(
        "--all-projects",
        action="store_true",
        help=h("report.all_projects"),
    )
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    target = Path(args.file)
    if target.suffix.lower() != ".pdf":
        console.error(console.say("report.not_pdf", file=target))
        return ExitCode.INVALID_INPUT
    if args.year is not None and not 1900 <= args.year <= 2200:
        console.error(console.say("report.bad_year", year=args.year))
        return ExitCode.INVALID_INPUT
    if args.months < 1:
        console.error(console.say("report.bad_months"))
        return ExitCode.INVALID_INPUT
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            console.error(console.say("report.bad_date", value=args.as_of))
            return ExitCode.INVALID_INPUT
    f = filter_from_args(args)

    from zqtracker.charts.headless import ensure_app
    from zqtracker.reports.export import export_pdf
    from zqtracker.reports.model import View
    from zqtracker.reports.options import ReportOptions
    from zqtracker.reports.paint import RenderError

    options = ReportOptions(
        view=View(args.view),
        year=args.year,
        through=args.through,
        lang=args.report_lang or console.lang,
        unit=unit_of(args),
        filter=None if f.is_empty() else f,
        key_only=not args.all_projects,
        stale_months=args.months,
        as_of=as_of,
    )
    ensure_app()
    ctx = open_context(args, f)
    try:
        written = export_pdf(ctx, options, target)
    except RenderError as exc:
        console.error(exc.describe(console.lang))
        return ExitCode.REFUSED
    finally:
        ctx.close()
    side = console.say("report.landscape" if written.document.orientation.value == "landscape" else "report.portrait")
    key = "report.written_1" if written.pages == 1 else "report.written"
    console.print(console.say(key, file=written.path, pages=written.pages, orientation=side))
    return ExitCode.OK
