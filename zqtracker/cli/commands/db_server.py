"""``zqtracker db copy SOURCE TARGET``: a bureau's database onto a server (or a server's backup
back onto one), every table, counts and sums checked on both sides."""

from __future__ import annotations

import argparse

from zqtracker.cli.console import Console, ExitCode
from zqtracker.services.server_admin import CopyRefused, copy_database


def register(dbsub: argparse._SubParsersAction) -> None:
    c = dbsub.add_parser("copy", help="copy every table of one database into another (SQLite file ⇄ PostgreSQL)")
    c.add_argument("source", help="the database to copy: a SQLite file (e.g. a backup) or a URL")
    c.add_argument("target", help="where to: postgresql+psycopg://user@server/database, or a SQLite file")
    c.add_argument("--replace", action="store_true", help="the target may hold data: replace all of it")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_copy)


def run_copy(args: argparse.Namespace, console: Console) -> int:
    try:
        report = copy_database(args.source, args.target, replace=args.replace)
    except CopyRefused as exc:
        console.error(str(exc))
        return ExitCode.REFUSED
    if args.json:
        console.json({"source": report.source, "target": report.target, "rows": report.rows, "checked": report.checked})
        return ExitCode.OK
    for table, n in report.rows.items():
        console.print(f"  {table}: {n}")
    projects = report.rows.get("projects", 0)
    console.print(
        f"已复制到 {report.target}：{projects} 个项目；两边各表行数与金额合计一致。" if console.zh
        else f"Copied to {report.target}: {projects} project(s); row counts and per-table sums agree on both sides."
    )  # fmt: skip
    return ExitCode.OK
