"""``zqtracker template FILE.xlsx``: the import template with this database's drop-down lists."""

from __future__ import annotations

import argparse

from zqtracker.cli.arguments import h
from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.money import Unit
from zqtracker.services.exporting import ExportError, ExportService, check_target


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help=h("template"),
    )
    p.add_argument("file", metavar="FILE.xlsx", help=h("template.file"))
    p.add_argument("--lang", dest="template_lang", choices=("en", "zh"), default=None, help=h("template.lang"))
    p.add_argument("--unit", choices=("wan", "yi"), default="wan", help=h("template.unit"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    lang = args.template_lang or console.lang
    try:
        target = check_target(args.file)
    except ExportError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.INVALID_INPUT if exc.code == "not_xlsx" else ExitCode.REFUSED
    ctx = open_context(args)
    try:
        path = ExportService(ctx.database).save_template(target, lang, Unit(args.unit))
    except ExportError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    finally:
        ctx.close()
    console.print(console.say("template.written", path=path))
    return ExitCode.OK
