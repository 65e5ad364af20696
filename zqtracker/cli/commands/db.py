"""``zqtracker db backup|check|upgrade|restore|recover``: the database file's housekeeping."""

from __future__ import annotations

import argparse
from pathlib import Path

from zqtracker.cli.console import Console, ExitCode
from zqtracker.services import admin, backups
from zqtracker.services.database import Database, DatabaseOpenError, open_database, resolve_url, sqlite_path_of

REASON_WORDS: dict[str, tuple[str, str]] = {
    "daily": ("daily", "每日"),
    "import": ("before an import", "导入前"),
    "replace": ("before a replace", "替换导入前"),
    "upgrade": ("before an upgrade", "升级前"),
    "bulk-delete": ("before a bulk delete", "批量删除前"),
    "restore": ("before a restore", "恢复前"),
    "manual": ("by hand", "手动"),
}


def reason_word(reason: str, zh: bool) -> str:
    en, cn = REASON_WORDS.get(reason, (reason, reason))
    return cn if zh else en


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="database housekeeping: backups, checks, upgrade, salvage")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    b = dbsub.add_parser(
        "backup",
        help="copy the database into its backups, or to a file (a server's: a SQLite "
        "file holding every table, which `db restore` puts back)",
    )
    b.add_argument("target", nargs="?", type=Path, help="backup file (default: the database's backups folder)")
    b.set_defaults(func=run_backup)
    c = dbsub.add_parser("check", help="check the database's integrity (exit 1 when damaged)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_check)
    u = dbsub.add_parser("upgrade", help="bring the schema up to date (a backup is made first)")
    u.set_defaults(func=run_upgrade)
    from zqtracker.cli.commands import db_server

    db_server.register(dbsub)  # db copy, init-server, grant (a server's own commands)
    r = dbsub.add_parser(
        "restore", help="list the database's backups, or put one back (on a server too: all or nothing)"
    )
    r.add_argument("backup", nargs="?", help="a number from the list, or a backup file; without it: the list")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=run_restore)
    v = dbsub.add_parser("recover", help="salvage what can be read from a damaged database into a new file")
    v.add_argument("damaged", type=Path)
    v.add_argument("new", type=Path)
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=run_recover)


def run_backup(args: argparse.Namespace, console: Console) -> int:
    database = open_database(args.db)
    try:
        path = admin.backup(database, args.target)
    finally:
        database.close()
    console.print(f"已备份到 {path}" if console.zh else f"Backed up to {path}")
    return ExitCode.OK


def run_check(args: argparse.Namespace, console: Console) -> int:
    report = admin.check(args.db, console.lang)
    if args.json:
        console.json(report.to_json())
        return ExitCode.OK if report.ok else ExitCode.INVALID_INPUT
    zh = console.zh
    if report.schema is not None:
        count = "?" if report.projects is None else report.projects
        console.print(
            f"{report.database}：结构版本 {report.schema}，{count} 个项目"
            if zh
            else f"{report.database}: schema {report.schema}, {count} project(s)"
        )
    for problem in report.problems:
        console.print(f"  问题：{problem}" if zh else f"  problem: {problem}")
    if report.ok:
        if report.needs_upgrade:
            console.print(
                "正常；`zqtracker db upgrade` 可将其升级到当前结构版本。"
                if zh
                else "OK; `zqtracker db upgrade` brings it to the current schema."
            )
        else:
            console.print("正常" if zh else "OK")
        return ExitCode.OK
    if report.problems:
        console.print(f"发现 {len(report.problems)} 个问题" if zh else f"{len(report.problems)} problem(s) found")
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
    zh = console.zh
    for name in rebuilt:
        console.print(f"已重建索引 {name}" if zh else f"Rebuilt index {name}")
    if path is not None and before == SCHEMA_REVISION:
        console.print(
            f"{database.display_name} 已是最新（结构版本 {SCHEMA_REVISION}）。"
            if zh
            else f"{database.display_name} is up to date (schema {SCHEMA_REVISION})."
        )
    else:
        console.print(
            f"{database.display_name}：结构版本 {before or '无'} → {SCHEMA_REVISION}。"
            if zh
            else f"{database.display_name}: schema {before or 'none'} → {SCHEMA_REVISION}."
        )
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
    zh = console.zh
    if args.backup is None:
        refusal = backups.restore_refusal(server) if server is not None else None  # only the owner may
        if args.json:
            console.json({"database": shown, "backups": [b.to_json() for b in found], "may_restore": refusal is None,
                          **({"refused": refusal.message(console.lang)} if refusal is not None else {})})  # fmt: skip
            return ExitCode.OK
        if not found:
            console.print(DatabaseOpenError("no_backups", file=shown).message(console.lang))
            return ExitCode.OK
        console.print(f"{shown} 的备份（最新在前）：" if zh else f"Backups of {shown} (newest first):")
        for i, info in enumerate(found, 1):
            n = info.projects()
            count = "?" if n is None else str(n)
            whose = ""  # a copy an account kept under its own name (before copies were shared)
            if info.made_by:
                whose = f"（{info.made_by} 的备份）" if zh else f" ({info.made_by}'s copy)"
            console.print(
                f"  {i:>3}  {info.made_at:%Y-%m-%d %H:%M:%S}  {reason_word(info.reason, zh):<18}  "
                + (f"{count} 个项目{whose}  {info.path}" if zh else f"{count} project(s){whose}  {info.path}")
            )
        if refusal is not None:
            console.print(refusal.message(console.lang))
        else:
            console.print("恢复：zqtracker db restore 编号" if zh else "To restore one: zqtracker db restore NUMBER")
        return ExitCode.OK
    chosen = _chosen(args.backup, found, shown)
    rows: dict[str, int] = {}
    before: Path | None
    if isinstance(database, Database):
        before, rows = backups.restore_server(database, chosen)
    else:
        before = backups.restore(chosen, database)
    if args.json:
        console.json({"database": shown, "restored": str(chosen), "previous_copy": str(before) if before else None,
                      **({"rows": rows} if server is not None else {})})  # fmt: skip
        return ExitCode.OK
    console.print(f"已将 {shown} 恢复为 {chosen}" if zh else f"Restored {shown} from {chosen}")
    if rows:
        n = rows.get("projects", 0)
        console.print(
            f"{n} 个项目；各表行数与合计均与备份一致。"
            if zh
            else f"{n} project(s); every table's rows and sums agree with the backup."
        )
    if before is not None:
        console.print(f"恢复前的数据库已备份到 {before}" if zh else f"The database as it was is kept in {before}")
    return ExitCode.OK


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
    zh = console.zh
    of = ""
    if result.projects_before is not None:
        of = (
            f"（原文件记录 {result.projects_before} 个）"
            if zh
            else f" (the damaged file counted {result.projects_before})"
        )
    console.print(
        f"已从 {args.damaged} 抢救出 {result.projects} 个项目{of}，写入 {result.target}。"
        if zh
        else f"Recovered {result.projects} project(s){of} from {args.damaged} into {result.target}."
    )
    rest = {k: v for k, v in result.tables.items() if k not in ("projects", "alembic_version")}
    console.print(", ".join(f"{k}: {v}" for k, v in sorted(rest.items())))
    if result.orphans_dropped:
        left = ", ".join(f"{k}: {v}" for k, v in sorted(result.orphans_dropped.items()))
        console.print(
            f"其所属项目未能抢救的行已略去（{left}）。" if zh else f"Left out, as what they belong to was lost: {left}."
        )
    if result.lost_and_found:
        n = result.lost_and_found
        console.print(
            f"另有 {n} 行无法归属，保存在 lost_and_found 表中。"
            if zh
            else f"{n} row(s) whose table could not be told are in the lost_and_found table."
        )
    console.print(
        f"请先用 `zqtracker --db {result.target} db check` 检查，再使用新文件。"
        if zh
        else f"Check it with `zqtracker --db {result.target} db check` before using it."
    )
    return ExitCode.OK
