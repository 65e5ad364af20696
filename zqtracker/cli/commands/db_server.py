"""``zqtracker db copy SOURCE TARGET``: a bureau's database onto a server (or a server's backup
back onto one), every table, counts and sums checked on both sides."""

from __future__ import annotations

import argparse

from zqtracker.cli.arguments import h
from zqtracker.cli.console import Console, ExitCode
from zqtracker.services.server_admin import AccountError, CopyRefused, copy_database, grant, init_server


def register(dbsub: argparse._SubParsersAction) -> None:
    c = dbsub.add_parser("copy", help=h("db.copy"))
    c.add_argument("source", help=h("db.copy.source"))
    c.add_argument("target", help=h("db.copy.target"))
    c.add_argument("--replace", action="store_true", help=h("db.copy.replace"))
    c.add_argument("--json", action="store_true", help=h("output_json"))
    c.set_defaults(func=run_copy)
    i = dbsub.add_parser("init-server", help=h("db.init_server"))
    i.add_argument("url", help=h("db.init_server.url"))
    i.set_defaults(func=run_init)
    g = dbsub.add_parser("grant", help=h("db.grant"))
    g.add_argument("user", help=h("db.grant.user"))
    g.add_argument("--role", required=True, choices=("analyst", "district", "reader"), help=h("db.grant.role"))
    g.add_argument("--district", action="append", default=[], help=h("db.grant.district"))
    g.set_defaults(func=run_grant)


def run_copy(args: argparse.Namespace, console: Console) -> int:
    try:
        report = copy_database(args.source, args.target, replace=args.replace)
    except CopyRefused as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    if args.json:
        dropped = [{"account": u, "district": d} for u, d in report.staff_dropped]
        console.json({"source": report.source, "target": report.target, "rows": report.rows, "checked": report.checked,
                      "district_staff_dropped": dropped})  # fmt: skip
        return ExitCode.OK
    for table, n in report.rows.items():
        console.print(f"  {table}: {n}")
    projects = report.rows.get("projects", 0)
    console.print(console.say("db.copied", target=report.target, projects=projects))
    for user, district in report.staff_dropped:
        console.print(console.say("db.staff_dropped", user=user, district=district))
    return ExitCode.OK


def run_init(args: argparse.Namespace, console: Console) -> int:
    try:
        shown = init_server(args.url)
    except AccountError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    console.print(console.say("db.server_ready", server=shown))
    return ExitCode.OK


def run_grant(args: argparse.Namespace, console: Console) -> int:
    try:
        created, accounts = grant(args.db, args.user, args.role, args.district)
    except AccountError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED if exc.key == "grant_refused" else ExitCode.INVALID_INPUT
    if created:
        console.print(console.say("db.login_created", user=args.user))
    for user, kind, districts in accounts:
        console.print(f"  {user}\t{kind}\t{console.say('list_sep').join(districts)}")
    return ExitCode.OK
