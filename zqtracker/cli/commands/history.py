"""``zqtracker history``: the audit trail (留痕) — who changed what, when, through which action."""

from __future__ import annotations

import argparse
from datetime import date

from zqtracker.cli.arguments import h
from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.history_words import action_text, field_text, value_text
from zqtracker.services.history import HistoryService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help=h("history"))
    p.add_argument("--project", metavar="CODE", help=h("history.project"))
    p.add_argument("--user", help=h("history.user"))
    p.add_argument("--since", metavar="DATE", help=h("history.since"))
    p.add_argument("--limit", type=int, default=None, help=h("history.limit"))
    p.add_argument("--json", action="store_true", help=h("output_json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            console.error(console.say("history.not_a_date", value=args.since))
            return ExitCode.INVALID_INPUT
    ctx = open_context(args)
    try:
        rows = HistoryService(ctx.database).changes(code=args.project, user=args.user, since=since, limit=args.limit)
    finally:
        ctx.close()
    if args.json:
        console.json({"count": len(rows), "changes": [
            {"at": str(r.changed_at), "user": r.user_name, "action": r.action, "source": r.source,
             "project_id": r.project_id, "code": r.project_code, "name": r.project_name, "field": r.field,
             "old": r.old_value, "new": r.new_value} for r in rows]})  # fmt: skip
        return ExitCode.OK
    lang = console.lang
    console.print("\t".join(console.say("history.headers").split("|")))
    for r in rows:
        when = str(r.changed_at)[:19]
        project = f"{r.project_code} {r.project_name}" if r.project_code else (r.project_name or f"#{r.project_id}")
        console.print("\t".join((when, r.user_name, action_text(r.action, r.source, lang), project,
                                 field_text(r.field, lang), value_text(r.field, r.old_value, lang),
                                 value_text(r.field, r.new_value, lang))))  # fmt: skip
    console.print(console.say("history.count", count=len(rows)))
    return ExitCode.OK
