"""``zqtracker db backup|check|upgrade|restore|recover``: the database file's housekeeping."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zqtracker.cli.arguments import h
from zqtracker.cli.console import Console, ExitCode
from zqtracker.cli.words import WORDS
from zqtracker.services import admin, backups
from zqtracker.services.database import Database, DatabaseOpenError, open_database, resolve_url, sqlite_path_of
from zqtracker.services.progress import Cancelled, Progress


def reason_word(reason: str, lang: str) -> str:
    """Why a backup was made, in words (a reason this version does not know: as stored)."""
    key = f"db.reason.{reason}"
    return WORDS.say(key, lang) if key in WORDS else reason


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help=h("db"))
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    b = dbsub.add_parser(
        "backup",
        help=h("db.backup"),
    )
    b.add_argument("target", nargs="?", type=Path, help=h("db.backup.target"))
    b.set_defaults(func=run_backup)
    c = dbsub.add_parser("check", help=h("db.check"))
    c.add_argument("--json", action="store_true", help=h("output_json"))
    c.set_defaults(func=run_check)
    u = dbsub.add_parser("upgrade", help=h("db.upgrade"))
    u.set_defaults(func=run_upgrade)
    from zqtracker.cli.commands import db_server

    db_server.register(dbsub)  # db copy, init-server, grant (a server's own commands)
    r = dbsub.add_parser("restore", help=h("db.restore"))
    r.add_argument("backup", nargs="?", help=h("db.restore.backup"))
    r.add_argument("--json", action="store_true", help=h("output_json"))
    r.set_defaults(func=run_restore)
    v = dbsub.add_parser("recover", help=h("db.recover"))
    v.add_argument("damaged", type=Path, help=h("db.recover.damaged"))
    v.add_argument("new", type=Path, help=h("db.recover.new"))
    v.add_argument("--json", action="store_true", help=h("output_json"))
    v.set_defaults(func=run_recover)


def run_backup(args: argparse.Namespace, console: Console) -> int:
    database = open_database(args.db)
    try:
        path = admin.backup(database, args.target)
    finally:
        database.close()
    console.print(console.say("db.backed_up", path=path))
    return ExitCode.OK


def run_check(args: argparse.Namespace, console: Console) -> int:
    report = admin.check(args.db, console.lang)
    if args.json:
        console.json(report.to_json())
        return ExitCode.OK if report.ok else ExitCode.INVALID_INPUT
    if report.schema is not None:
        count = "?" if report.projects is None else report.projects
        console.print(console.say("db.schema", database=report.database, schema=report.schema, count=count))
    for problem in report.problems:
        console.print(console.say("db.problem", problem=problem))
    if report.ok:
        console.print(console.say("db.ok_upgradable" if report.needs_upgrade else "db.ok"))
        return ExitCode.OK
    if report.problems:
        console.print(console.say("db.problems", count=len(report.problems)))
    if report.advice:
        console.print(report.advice)
    return ExitCode.INVALID_INPUT


def run_upgrade(args: argparse.Namespace, console: Console) -> int:
    from zqtracker.services.admin import SCHEMA_REVISION
    from zqtracker.services.database import inspect_sqlite_file

    path = sqlite_path_of(resolve_url(args.db))
    if path is not None and path.exists():  # a damaged file is never called up to date
        report = admin.check(args.db, console.lang)
        if report.refusal is not None:
            raise report.refusal
        damage = [p for p in report.problems if p.startswith("SQLite")]
        if damage:
            raise DatabaseOpenError("corrupt", file=str(path), detail=damage[0])
    before = inspect_sqlite_file(path) if path is not None and path.exists() else None
    database = open_database(args.db, migrate=True)
    try:
        rebuilt = admin.rebuild_indexes(database)
    finally:
        database.close()
    for name in rebuilt:
        console.print(console.say("db.rebuilt", name=name))
    if path is not None and before == SCHEMA_REVISION:
        console.print(console.say("db.up_to_date", database=database.display_name, schema=SCHEMA_REVISION))
    else:
        was = before or console.say("db.no_schema")
        console.print(console.say("db.upgraded", database=database.display_name, before=was, schema=SCHEMA_REVISION))
    return ExitCode.OK


def run_restore(args: argparse.Namespace, console: Console) -> int:
    url = resolve_url(args.db)
    path = sqlite_path_of(url)
    if path is not None:
        return _restore(args, console, path)
    server = open_database(url)  # a server's copies: by server and name
    try:
        return _restore(args, console, server)
    finally:
        server.close()


def _restore(args: argparse.Namespace, console: Console, database: Path | Database) -> int:
    """``database``: a SQLite file, or a server's database."""
    server = database if isinstance(database, Database) else None
    found = backups.list_for(database)
    shown = database.display_name if isinstance(database, Database) else str(database)
    if args.backup is None:
        refusal = backups.restore_refusal(server) if server is not None else None  # only the owner may
        if args.json:
            console.json({"database": shown, "backups": [b.to_json() for b in found], "may_restore": refusal is None,
                          **({"refused": refusal.message(console.lang)} if refusal is not None else {})})  # fmt: skip
            return ExitCode.OK
        if not found:
            console.print(DatabaseOpenError("no_backups", file=shown).message(console.lang))
            return ExitCode.OK
        console.print(console.say("db.backups_of", database=shown))
        for i, info in enumerate(found, 1):
            n = info.projects()
            count = "?" if n is None else str(n)
            whose = ""  # a copy an account kept under its own name (before copies were shared)
            if info.made_by:
                whose = console.say("db.made_by", user=info.made_by)
            console.print(
                f"  {i:>3}  {info.made_at:%Y-%m-%d %H:%M:%S}  {reason_word(info.reason, console.lang):<18}  "
                + console.say("db.backup_projects", count=count, whose=whose, path=info.path)
            )
        if refusal is not None:
            console.print(refusal.message(console.lang))
        else:
            console.print(console.say("db.how_to_restore"))
        return ExitCode.OK
    chosen = _chosen(args.backup, found, shown)
    rows: dict[str, int] = {}
    before: Path | None
    progress = Progress()
    try:
        with _interrupt_cancels(progress, console):
            if isinstance(database, Database):
                before, rows = backups.restore_server(database, chosen, progress, console.lang)
            else:
                before = backups.restore(chosen, database, progress, console.lang)
    except Cancelled:
        console.error(console.say("db.restore_cancelled"))
        return ExitCode.INTERRUPTED
    if args.json:
        console.json({"database": shown, "restored": str(chosen), "previous_copy": str(before) if before else None,
                      **({"rows": rows} if server is not None else {})})  # fmt: skip
        return ExitCode.OK
    console.print(console.say("db.restored", database=shown, backup=chosen))
    if rows:
        console.print(console.say("db.restored_rows", count=rows.get("projects", 0)))
    if before is not None:
        console.print(console.say("db.kept_before", path=before))
    return ExitCode.OK


@contextmanager
def _interrupt_cancels(progress: Progress, console: Console) -> Iterator[None]:
    """Ctrl-C cancels the restore until it replaces the database; after that it is refused (the
    replacement, one transaction, goes on) and said so. Elsewhere than the main thread (a test
    calling main() from a worker) Ctrl-C is left as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_interrupt(_signum: int, _frame: object) -> None:
        if not progress.cancel():
            console.error(console.say("db.restore_uncancellable"))

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _chosen(value: str, found: list, shown: str) -> Path:
    if value.isdigit() and not Path(value).exists():
        i = int(value)
        if not 1 <= i <= len(found):
            if not found:
                raise DatabaseOpenError("no_backups", file=shown)
            raise DatabaseOpenError("not_a_backup", file=value, detail=f"choose a number from 1 to {len(found)}")
        return found[i - 1].path
    return Path(value).expanduser()


def run_recover(args: argparse.Namespace, console: Console) -> int:
    result = backups.recover_into(args.damaged, args.new)
    if args.json:
        console.json({"damaged": str(args.damaged), "new": str(result.target), "projects": result.projects,
                      "projects_before": result.projects_before, "tables": result.tables,
                      "lost_and_found": result.lost_and_found, "orphans_dropped": result.orphans_dropped,
                      "method": result.method})  # fmt: skip
        return ExitCode.OK
    of = ""
    if result.projects_before is not None:
        of = console.say("db.recovered_of", count=result.projects_before)
    console.print(console.say("db.recovered", count=result.projects, of=of, damaged=args.damaged, new=result.target))
    rest = {k: v for k, v in result.tables.items() if k not in ("projects", "alembic_version")}
    console.print(", ".join(f"{k}: {v}" for k, v in sorted(rest.items())))
    if result.orphans_dropped:
        left = ", ".join(f"{k}: {v}" for k, v in sorted(result.orphans_dropped.items()))
        console.print(console.say("db.orphans", left=left))
    if result.lost_and_found:
        console.print(console.say("db.lost_and_found", count=result.lost_and_found))
    console.print(console.say("db.check_first", path=result.target))
    return ExitCode.OK
