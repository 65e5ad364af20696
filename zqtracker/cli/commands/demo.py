"""``zqtracker demo``: write the demo database."""

from __future__ import annotations

import argparse

from zqtracker.cli.arguments import h
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.services.admin import NotEmptyError, create_demo
from zqtracker.services.database import open_database
from zqtracker.services.demo import DEFAULT_PROJECTS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help=h("demo"),
    )
    p.add_argument("--projects", type=int, default=DEFAULT_PROJECTS, help=h("demo.projects", default=DEFAULT_PROJECTS))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    if args.projects < 1:
        console.error("--projects must be at least 1")
        return ExitCode.INVALID_INPUT
    database = open_database(args.db)
    try:
        result = create_demo(database, args.projects)
    except NotEmptyError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    finally:
        database.close()
    planned = MoneyFormat(Unit.YI, console.lang).text(result.signed_2023_planned)
    console.print(console.say("demo.written", database=database.display_name, projects=result.projects,
                              signed=result.signed_2023, planned=planned, billion=result.billion_2023,
                              records=result.investment_records))  # fmt: skip
    return ExitCode.OK
