"""``zqtracker db backup|check|upgrade``."""

from __future__ import annotations

import argparse
from pathlib import Path

from zqtracker.cli.console import Console, ExitCode
from zqtracker.services import admin
from zqtracker.storage.database import inspect_sqlite_file, open_database, resolve_url, sqlite_path_of
from zqtracker.storage.schema import SCHEMA_REVISION


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="database housekeeping")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    b = dbsub.add_parser("backup", help="copy the database to a file (a server's too: a portable SQLite file)")
    b.add_argument("target", nargs="?", type=Path, help="backup file (default: backups/ in the data folder)")
    b.set_defaults(func=run_backup)
    c = dbsub.add_parser("check", help="check the database's integrity")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_check)
    u = dbsub.add_parser("upgrade", help="bring the schema up to date (a backup is made first)")
    u.set_defaults(func=run_upgrade)
    from zqtracker.cli.commands import db_server

    db_server.register(dbsub)  # db copy (a server's own commands)


def run_backup(args: argparse.Namespace, console: Console) -> int:
    database = open_database(args.db)
    try:
        path = admin.backup(database, args.target)  # a server's: a SQLite file holding all of it
    finally:
        database.close()
    console.print(f"已备份到 {path}" if console.zh else f"Backed up to {path}")
    return ExitCode.OK


def run_check(args: argparse.Namespace, console: Console) -> int:
    database = open_database(args.db, migrate=False)
    try:
        report = admin.check(database)
    finally:
        database.close()
    if args.json:
        console.json({"database": report.database, "schema": report.schema, "projects": report.projects,
                      "ok": report.ok, "problems": report.problems})  # fmt: skip
    else:
        console.print(f"{report.database}: schema {report.schema}, {report.projects} project(s)")
        for problem in report.problems:
            console.print(f"  problem: {problem}")
        console.print("OK" if report.ok else f"{len(report.problems)} problem(s) found")
    return ExitCode.OK if report.ok else ExitCode.INVALID_INPUT


def run_upgrade(args: argparse.Namespace, console: Console) -> int:
    url = resolve_url(args.db)
    path = sqlite_path_of(url)
    before = inspect_sqlite_file(path) if path is not None else None
    database = open_database(args.db, migrate=True)
    database.close()
    if path is not None and before == SCHEMA_REVISION:
        console.print(f"{database.display_name} is up to date (schema {SCHEMA_REVISION}).")
    else:
        console.print(f"{database.display_name}: schema {before or 'none'} → {SCHEMA_REVISION}.")
    return ExitCode.OK
