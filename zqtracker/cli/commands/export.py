"""``zqtracker export FILE.xlsx``: the styled workbook of the (filtered) projects."""

from __future__ import annotations

import argparse
import time

from zqtracker.cli.arguments import h
from zqtracker.cli.common import add_filter_arguments, add_unit_argument, filter_from_args, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode
from zqtracker.io.columns import EXPORT_PROJECT_FIELDS
from zqtracker.io.summary_sheets import join_filters
from zqtracker.services.exporting import ExportError, ExportOptions, ExportService, check_target
from zqtracker.services.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help=h("export"),
        description=h("export.about"),
    )
    p.add_argument("file", metavar="FILE.xlsx", help=h("export.file"))
    p.add_argument("--lang", dest="export_lang", choices=("en", "zh"), default=None, help=h("export.lang"))
    add_unit_argument(p)
    p.add_argument(
        "--columns",
        help=h("export.columns", fields=",".join(EXPORT_PROJECT_FIELDS)),
    )
    p.add_argument("--no-monthly", action="store_true", help=h("export.no_monthly"))
    p.add_argument("--no-summaries", action="store_true", help=h("export.no_summaries"))
    p.add_argument("--json", action="store_true", help=h("export.json"))
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    lang = args.export_lang or console.lang
    columns = None
    if args.columns:
        columns = [c.strip() for c in args.columns.split(",") if c.strip()]
        unknown = [c for c in columns if c not in EXPORT_PROJECT_FIELDS]
        if unknown:
            console.error(f"unknown column(s): {', '.join(unknown)}; known: {', '.join(EXPORT_PROJECT_FIELDS)}")
            return ExitCode.INVALID_INPUT
    f = filter_from_args(args)
    try:
        target = check_target(args.file)
    except ExportError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.INVALID_INPUT if exc.code == "not_xlsx" else ExitCode.REFUSED
    options = ExportOptions(
        lang=lang,
        unit=unit_of(args),
        filter=None if f.is_empty() else f,
        columns=columns,
        monthly=not args.no_monthly,
        summaries=not args.no_summaries,
    )
    ctx = open_context(args, f)
    try:
        result = ExportService(ctx.database).export(
            target, options, _terminal_progress(console), messages_lang=console.lang
        )
    except ExportError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    finally:
        ctx.close()
    if args.json:
        console.json(result.to_json())
        return ExitCode.OK
    demo = console.say("demo_prefix") if result.is_demo else ""
    console.print(console.say("export.written", demo=demo, projects=result.projects, records=result.investment_records,
                              file=result.path, sheets=len(result.sheets), seconds=result.seconds))  # fmt: skip
    if result.filters:
        console.print(console.say("filters", filters=join_filters(result.filters, console.lang)))
    return ExitCode.OK


def _terminal_progress(console: Console) -> Progress:
    """A percentage on stderr when it is a terminal (twice a second at most); silent otherwise."""
    isatty = getattr(console.err, "isatty", None)
    if not (isatty and isatty()):
        return Progress()
    last = [0.0]

    def show(done: int, total: int | None, text: str) -> None:
        now = time.monotonic()
        if now - last[0] < 0.5 and not (total and done >= total):
            return
        last[0] = now
        pct = f"{100 * done / total:5.1f}% " if total else ""
        console.err.write(f"\r{pct}{text}\033[K")
        console.err.flush()

    return Progress(show)


__all__ = ["register", "run"]
