"""``zqtracker round create|status|collect|close``: the monthly reporting round (issue 17)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from zqtracker.cli.arguments import h
from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.cli.words import WORDS
from zqtracker.domain.collect_messages import COLLECT_MESSAGES
from zqtracker.domain.errors import DomainError, ValidationError
from zqtracker.domain.money import Unit
from zqtracker.domain.months import calendar_text
from zqtracker.domain.rounds import Period
from zqtracker.services.rounds import RoundRefused, RoundService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("round", help=h("round"))
    rs = p.add_subparsers(dest="round_command", metavar="ACTION", required=True)
    c = rs.add_parser("create", help=h("round.create"))
    c.add_argument("month", help=h("round.create.month"))
    c.add_argument("--out", type=Path, required=True, help=h("round.create.out"))
    c.add_argument("--district", action="append", default=[], help=h("round.create.district"))
    c.add_argument("--unit", choices=("yuan", "wan", "yi"), default="wan", help=h("round.create.unit"))
    c.add_argument("--due", type=date.fromisoformat, help=h("round.create.due"))
    c.add_argument("--json", action="store_true", help=h("output_json"))
    c.set_defaults(func=_guarded(run_create))
    s = rs.add_parser("status", help=h("round.status"))
    s.add_argument("month", help=h("round.month"))
    s.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help=h("round.today"))
    s.add_argument("--json", action="store_true", help=h("output_json"))
    s.set_defaults(func=_guarded(run_status))
    g = rs.add_parser("collect", help=h("round.collect"))
    g.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("round.collect.files"))
    g.add_argument("--dry-run", action="store_true", help=h("round.collect.dry_run"))
    g.add_argument("--accept", action="store_true", help=h("round.collect.accept"))
    g.add_argument("--note", default="", help=h("round.collect.note"))
    g.add_argument(
        "--send-back",
        action="append",
        default=[],
        metavar="PROJECT",
        help=h("round.collect.send_back"),
    )
    g.add_argument("--on", type=date.fromisoformat, help=h("round.collect.on"))
    g.add_argument("--again", action="store_true", help=h("round.collect.again"))
    g.add_argument("--link", action="append", default=[], metavar="ROW=new|CODE", help=h("round.collect.link"))
    g.add_argument("--report", type=Path, metavar="FILE.xlsx", help=h("round.collect.report"))
    g.add_argument("--json", action="store_true", help=h("output_json"))
    g.set_defaults(func=_guarded(run_collect))
    k = rs.add_parser("close", help=h("round.close"))
    k.add_argument("month", help=h("round.close.month"))
    k.add_argument("--note", default="", help=h("round.close.note"))
    k.add_argument("--reopen", action="store_true", help=h("round.close.reopen"))
    k.set_defaults(func=_guarded(run_close))
    m = rs.add_parser("remind", help=h("round.remind"))
    m.add_argument("month", help=h("round.month"))
    m.add_argument("--xlsx", type=Path, help=h("round.remind.xlsx"))
    m.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help=h("round.today"))
    m.set_defaults(func=_guarded(run_remind))


def _guarded(run: Callable[[argparse.Namespace, Console], int]) -> Callable[[argparse.Namespace, Console], int]:
    """A refusal or invalid value as one sentence in the console's language."""

    def guarded(args: argparse.Namespace, console: Console) -> int:
        try:
            return run(args, console)
        except RoundRefused as exc:
            console.error(exc.message(console.lang))
            return ExitCode.REFUSED
        except ValidationError as exc:
            console.error("; ".join(p.message(console.lang) for p in exc.problems))
            return ExitCode.INVALID_INPUT
        except DomainError as exc:
            message = getattr(exc, "message", None)
            console.error(message(console.lang) if callable(message) else str(exc))
            return ExitCode.REFUSED

    return guarded


def run_create(args: argparse.Namespace, console: Console) -> int:
    period = Period.parse(args.month)
    ctx = open_context(args)
    try:
        made = RoundService(ctx.database).create(
            period, args.out, districts=args.district or None, lang=console.lang, unit=Unit(args.unit), due_on=args.due
        )
    finally:
        ctx.close()
    if args.json:
        console.json({"round": str(period), "folder": str(made.folder),
                      "workbooks": [{"district": b.district, "file": str(b.path), "projects": b.projects}
                                    for b in made.books]})  # fmt: skip
        return ExitCode.OK
    console.print(
        console.say("round.created", period=period.short(console.lang), count=len(made.books), folder=made.folder)
    )
    for b in made.books:
        console.print(console.say("round.created_book", name=b.path.name, count=b.projects))
    return ExitCode.OK


def state_text(state: str, returned_on: date | None, late: int, lang: str) -> str:
    text = WORDS.say(f"round.state.{state}", lang, on=returned_on.isoformat() if returned_on else "")
    if late > 0:
        text += WORDS.say("round.late_day" if late == 1 else "round.late_days", lang, days=late)
    return text


def run_status(args: argparse.Namespace, console: Console) -> int:
    period = Period.parse(args.month)
    ctx = open_context(args)
    try:
        rnd = RoundService(ctx.database).status(period, args.today)
    finally:
        ctx.close()
    if args.json:
        console.json(rnd.to_json())
        return ExitCode.OK
    lang = console.lang
    head = console.say("round.head", period=period.short(lang), due=rnd.due_on.isoformat())
    if rnd.closed_at is not None:
        head += console.say("round.closed_on", on=f"{rnd.closed_at:%Y-%m-%d}")
    console.print(head)
    width = max((len(d.district) for d in rnd.districts), default=4) + 2
    for d in rnd.districts:
        state = state_text(d.state.value, d.returned_on, d.late_days, lang)
        figures = console.say("round.figures", projects=d.projects, lacking=d.lacking, updated=d.updated, added=d.added)
        console.print(f"  {d.district:<{width}}{state:<24} {figures}")  # a space even after a long state
    return ExitCode.OK


def run_collect(args: argparse.Namespace, console: Console) -> int:
    """A Ctrl-C once a return's import has begun to commit no longer stops the command (as for `import`,
    services/interrupts.py): the import completes, the round records the return, and both are reported —
    never an import saved while the round says the district has not returned, nor "interrupted" said of it."""
    from zqtracker.services import interrupts

    with interrupts.deferrable():
        return _collect(args, console)


def _collect(args: argparse.Namespace, console: Console) -> int:
    from zqtracker.cli.commands.round_refused import refused_report
    from zqtracker.io.errors import WorkbookRefused
    from zqtracker.services import interrupts, round_rows
    from zqtracker.services.round_collect import ACCEPTED, SENT_BACK, RoundCollector
    from zqtracker.services.round_differences import differences

    ctx = open_context(args)
    lang = console.lang
    reports: list[dict[str, object]] = []
    returns = []
    worst = ExitCode.OK
    left: list[str] | None = None  # the files a Ctrl-C left unimported
    try:
        collector = RoundCollector(ctx.database)
        read = []
        for path in args.files:
            try:
                read.append(collector.read(path))
            except (RoundRefused, WorkbookRefused) as exc:
                console.error(exc.message(lang))
                reports.append({"file": str(path), "refused": exc.message(lang)})
                worst = max(worst, ExitCode.REFUSED)
        back = set(args.send_back)
        listed = {k for r in read for p in r.sent.values() for k in (str(p.id), p.code or "")}
        unknown = sorted(back - listed)
        if unknown:  # a typo must not let --accept import the row it meant to send back
            console.error(console.say("round.send_back_unknown", codes=", ".join(unknown)))
            return ExitCode.REFUSED
        links = _links(collector, args.link, lang) if args.link else {}
        try:
            for ret in read:
                if ret.collected_on is not None:  # the same return again: one line, nothing to analyse or write
                    reports.append(_collected_report(ret, lang))
                    continue
                try:  # a return refused on its own (its month closed meanwhile …): named, the others kept
                    ret.links = links
                    collector.analyse(ret, lang=lang)
                    if back:
                        for f in ret.findings:
                            sent = ret.sent.get(f.project_id) if f.project_id is not None else None
                            if sent is not None and (str(sent.id) in back or (sent.code or "") in back):
                                collector.decide(ret, f, SENT_BACK, args.note)
                        collector.analyse(ret, lang=lang)
                    open_left = ret.open_findings
                    written = False
                    redone = 0 if args.again else round_rows.redone(ret)
                    if redone:  # figures on record changed: a corrected return — or another month's workbook re-used
                        console.error(
                            console.say("round.again", file=ret.path.name, round=str(ret.period), count=redone)
                        )
                        worst = max(worst, ExitCode.INVALID_INPUT)
                    elif not args.dry_run and not ret.problems and (args.accept or not open_left):
                        if args.accept:
                            for f in open_left:
                                collector.decide(ret, f, ACCEPTED, args.note)
                        result = collector.apply(ret, on=args.on)
                        written = result.written
                    code = ExitCode.INVALID_INPUT if ret.problems or (open_left and not args.accept) else ExitCode.OK
                    worst = max(worst, code)
                    reports.append(_collect_report(ret, differences(ret), written, args.dry_run, lang))
                    returns.append(ret)
                except DomainError as exc:
                    reports.append(refused_report(ret, exc, lang))
                    console.error(str(reports[-1]["refused"]))
                    worst = max(worst, ExitCode.REFUSED)
                if interrupts.release() and ret is not read[-1]:  # a Ctrl-C while this file's import committed
                    raise KeyboardInterrupt
        except KeyboardInterrupt:  # the file being imported rolled back, the rest not started; those done kept
            if not any(r.get("written") for r in reports):
                raise
            looked_at = {r["file"] for r in reports}
            left = [r.path.name for r in read if str(r.path) not in looked_at]
        if args.report is not None and left is None:
            from zqtracker.io.atomic import atomic_target
            from zqtracker.io.round_files import write_table_book
            from zqtracker.services.round_words import findings_table

            with atomic_target(args.report) as tmp:
                write_table_book(tmp, *findings_table(returns, lang))
    finally:
        ctx.close()
    said: list[str] = [line for report in reports for line in report.pop("_lines", [])]  # type: ignore[attr-defined]
    if args.json:  # the lines are the text's, never a key of the JSON
        console.json(reports if len(reports) != 1 else reports[0])
    else:
        for line in said:
            console.print(line)
    if left is not None:
        done = ", ".join(Path(str(r["file"])).name for r in reports if r.get("written"))
        console.error(COLLECT_MESSAGES.say("round_collect_interrupted", lang, done=done, left=", ".join(left)))
        return ExitCode.INTERRUPTED
    return worst


def _links(collector, said: list[str], lang: str) -> dict[int, int]:
    """--link "ROW=new" / "ROW=CODE" for rows of the new-projects sheet (0: a new project)."""
    from zqtracker.domain.errors import Problem

    codes = collector.imports.codes()
    out: dict[int, int] = {}
    for item in said:
        row, _, code = item.partition("=")
        pid = 0 if code.strip().lower() in ("new", "新", "新项目") else codes.get(code.strip())
        if pid is None or not row.strip().isdigit():
            raise ValidationError(Problem("unknown_project", "code", {"value": code.strip()}))
        out[int(row)] = pid
    return out


def _collect_report(ret, diffs, written: bool, dry_run: bool, lang: str) -> dict[str, object]:
    from zqtracker.domain.messages import field_label
    from zqtracker.services.round_rows import missing_text
    from zqtracker.services.round_words import check_label, finding_text, money

    unit, period = ret.meta.unit, ret.period
    analysis = ret.analysis
    lines = [WORDS.say("round.return", lang, district=ret.district, label=period.label(lang), file=ret.path.name)]
    updated, added, records = analysis.updated, analysis.added, len(analysis.records)
    lines.append(WORDS.say("round.return_counts", lang, updated=updated, added=added, records=records))
    for d in diffs:
        parts = []
        if d.project_id is None:
            parts.append(WORDS.say("round.new_project", lang))
        if d.status_after is not None:
            before = d.status_before.label(lang) if d.status_before else "—"
            parts.append(WORDS.say("round.status_change", lang, before=before, after=d.status_after.label(lang)))
        if d.month is not None:
            amount = money(d.month, unit, lang)
            if d.month_before is not None and d.month_before != d.month:  # a figure on record changes
                amount = f"{money(d.month_before, unit, lang)} → {amount}"
            parts.append(
                WORDS.say("round.month_amount", lang, label=period.label(lang), month=period.month, amount=amount)
            )
        if d.progress:
            parts.append(WORDS.say("round.progress", lang, text=d.progress))
        if d.sent_back:
            parts.append(WORDS.say("round.sent_back", lang))
        label = f"{d.code + ' ' if d.code else ''}{d.name}"
        said = []
        for f in d.findings:
            decision = ret.decision(f)
            state = ""
            if decision is not None:
                mark = "round.accepted_mark" if decision[0] == "accepted" else "round.sent_back_mark"
                state = WORDS.say(mark, lang)
            said.append(f"⚠ {finding_text(f, period, unit, lang)}{state}")
        if not parts:  # a row that changes nothing has its (first) finding on its own line, never “row 6 …: ”
            parts, said = said[:1], said[1:]
        joined = WORDS.say("round.part_sep", lang).join(parts)
        lines.append(WORDS.say("round.row", lang, row=d.row, project=label, parts=joined))
        lines += [f"      {text}" for text in said]
    for rep, key, before, now in ret.rows.renamed:
        field = field_label(key, lang)
        lines.append(WORDS.say("round.renamed", lang, row=rep.row, field=field, now=now, before=before))
    for gone in ret.left_out:
        key = "round.deleted_since" if gone.now is None else "round.moved_since"
        lines.append(WORDS.say(key, lang, row=gone.row.row, project=gone.row.name, now=gone.now))
    if ret.missing:  # rows the district deleted: nothing of theirs comes in, and the reminders keep them
        lines.append(f"  {missing_text(ret, lang)}")
    for n in ret.rows.notes:
        lines.append("  " + WORDS.say("import.note", lang, text=n.message(lang)))
    for p in ret.problems:
        lines.append(f"  ✗ {p.location(lang)}: {p.reason(lang)}")
    if written:
        lines.append(WORDS.say("round.imported", lang))
    elif dry_run:
        lines.append(WORDS.say("round.dry_run", lang))
    elif ret.problems:
        lines.append(WORDS.say("round.has_problems", lang))
    elif ret.open_findings:
        lines.append(WORDS.say("round.undecided", lang, count=len(ret.open_findings)))
    return {
        "file": str(ret.path), "round": str(period), "district": ret.district, "written": written,
        "added": analysis.added, "updated": analysis.updated, "investment_records": len(analysis.records),
        "differences": [d.to_json() for d in diffs],
        "findings": [{"check": f.check, "label": check_label(f.check, lang), "project_id": f.project_id,
                      "row": f.row, "name": f.name, "text": finding_text(f, period, unit, lang),
                      "likely_unit": f.likely_unit, "likely_amount": f.likely_amount,
                      "decision": (ret.decision(f) or (None, None))[0]} for f in ret.findings],
        "renamed": [{"row": r.row, "field": fld, "sent": b, "returned": n} for r, fld, b, n in ret.rows.renamed],
        "missing": [{"project_id": p.id, "code": p.code, "name": p.name} for p in ret.missing],
        "left_out": [{"row": g.row.row, "project_id": g.row.project_id, "name": g.row.name,
                      "moved_to": g.now, "deleted": g.now is None} for g in ret.left_out],
        "notes": [n.message(lang) for n in ret.rows.notes],
        "problems": [p.as_json(lang) for p in ret.problems],
        "_lines": lines,
    }  # fmt: skip


def _collected_report(ret, lang: str) -> dict[str, object]:
    """A return collected before and sent again, unchanged (services/round_again.py): one line."""
    from zqtracker.services.round_again import collected_text, unread_notes

    return {"file": str(ret.path), "round": str(ret.period), "district": ret.district, "written": False,
            "already_collected": ret.collected_on.isoformat(), "imported_on": ret.imported_on.isoformat(),
            "_lines": [collected_text(ret, lang)], "notes": [n.message(lang) for n in unread_notes(ret)]}  # fmt: skip


def run_remind(args: argparse.Namespace, console: Console) -> int:
    from zqtracker.services.round_words import reminder_text

    period = Period.parse(args.month)
    ctx = open_context(args)
    try:
        service = RoundService(ctx.database)
        rnd = service.status(period, args.today)
        reminders = service.reminders(period, args.today)
        if args.xlsx is not None:
            service.write_reminders(args.xlsx, period, reminders, console.lang)
    finally:
        ctx.close()
    d = rnd.due_on
    due = calendar_text("day_numbers", console.lang, year=d.year, month=d.month, day=d.day)
    text = reminder_text(period, due, reminders, console.lang)
    console.out.write(text or console.say("round.all_returned"))
    return ExitCode.OK


def run_close(args: argparse.Namespace, console: Console) -> int:
    period = Period.parse(args.month)
    ctx = open_context(args)
    try:
        service = RoundService(ctx.database)
        if args.reopen:
            service.reopen(period)
            console.print(console.say("round.reopened", period=period.short(console.lang)))
            return ExitCode.OK
        owing = (
            [d.district for d in service.status(period).districts if d.state.value != "imported"]
            if period in service.rounds()
            else []
        )
        at = service.close(period, args.note)
        summary = ctx.statistics.summary(period.year, period.month)
    finally:
        ctx.close()
    from zqtracker.domain.money_format import MoneyFormat

    ytd = MoneyFormat(Unit.YI, console.lang).text(summary.completed.total.ytd)
    months = period.ytd_label(console.lang)
    console.print(
        console.say(
            "round.closed", period=period.short(console.lang), at=f"{at:%Y-%m-%d %H:%M}", months=months, ytd=ytd
        )
    )
    if owing:
        console.print(console.say("round.closed_owing", districts=console.say("list_sep").join(owing)))
    return ExitCode.OK
