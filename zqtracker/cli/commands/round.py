"""``zqtracker round create|status|collect|close``: the monthly reporting round (issue 17)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from zqtracker.cli.arguments import h
from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.errors import DomainError, ValidationError
from zqtracker.domain.money import Unit
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
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(run_create))
    s = rs.add_parser("status", help=h("round.status"))
    s.add_argument("month", help=h("round.month"))
    s.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true")
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
    g.add_argument("--report", type=Path, metavar="FILE.xlsx", help=h("round.collect.report"))
    g.add_argument("--json", action="store_true")
    g.set_defaults(func=_guarded(run_collect))
    k = rs.add_parser("close", help=h("round.close"))
    k.add_argument("month", help=h("round.close.month"))
    k.add_argument("--note", default="", help=h("round.close.note"))
    k.add_argument("--reopen", action="store_true", help=h("round.close.reopen"))
    k.set_defaults(func=_guarded(run_close))
    m = rs.add_parser("remind", help=h("round.remind"))
    m.add_argument("month", help=h("round.month"))
    m.add_argument("--xlsx", type=Path, help=h("round.remind.xlsx"))
    m.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
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
    zh = console.zh
    console.print(
        f"{period.label(console.lang)}报表已写入 {made.folder}："
        if zh
        else f"Round {period}: {len(made.books)} workbook(s) in {made.folder}"
    )
    for b in made.books:
        console.print(f"  {b.path.name}  ({b.projects} 个项目)" if zh else f"  {b.path.name}  ({b.projects} projects)")
    return ExitCode.OK


_STATE_WORDS = {
    "not_sent": ("not sent", "未下发"),
    "sent": ("sent", "已下发"),
    "returned": ("returned on {on}", "{on}已报回"),
    "imported": ("imported", "已导入"),
}


def state_text(state: str, returned_on: date | None, late: int, lang: str) -> str:
    en, zh = _STATE_WORDS[state]
    text = (zh if lang.startswith("zh") else en).format(on=returned_on.isoformat() if returned_on else "")
    if late > 0:
        text += f"，逾期{late}天" if lang.startswith("zh") else f", late by {late} day{'s' if late != 1 else ''}"
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
    zh, lang = console.zh, console.lang
    head = f"{period.label(lang)}报表，{rnd.due_on.isoformat()}截止" if zh else f"Round {period}, due {rnd.due_on}"
    if rnd.closed_at is not None:
        head += f"（已于{rnd.closed_at:%Y-%m-%d}关账）" if zh else f" (closed on {rnd.closed_at:%Y-%m-%d})"
    console.print(head)
    width = max((len(d.district) for d in rnd.districts), default=4) + 2
    for d in rnd.districts:
        state = state_text(d.state.value, d.returned_on, d.late_days, lang)
        if zh:
            figures = f"项目 {d.projects}，缺数 {d.lacking}，更新 {d.updated}，新增 {d.added}"
        else:
            figures = f"{d.projects} projects, {d.lacking} lacking figures, {d.updated} updated, {d.added} added"
        console.print(f"  {d.district:<{width}}{state:<24} {figures}")  # a space even after a long state
    return ExitCode.OK


def run_collect(args: argparse.Namespace, console: Console) -> int:
    from zqtracker.io.errors import WorkbookRefused
    from zqtracker.services.round_collect import ACCEPTED, SENT_BACK, RoundCollector, differences

    ctx = open_context(args)
    lang = console.lang
    reports: list[dict[str, object]] = []
    returns = []
    worst = ExitCode.OK
    try:
        collector = RoundCollector(ctx.database)
        for path in args.files:
            try:
                ret = collector.read(path)
            except (RoundRefused, WorkbookRefused) as exc:
                console.error(exc.message(lang))
                reports.append({"file": str(path), "refused": exc.message(lang)})
                worst = max(worst, ExitCode.REFUSED)
                continue
            collector.analyse(ret, lang=lang)
            back = set(args.send_back)
            if back:
                for f in ret.findings:
                    sent = ret.sent.get(f.project_id) if f.project_id is not None else None
                    if sent is not None and (str(sent.id) in back or (sent.code or "") in back):
                        collector.decide(ret, f, SENT_BACK, args.note)
                collector.analyse(ret, lang=lang)
            open_left = ret.open_findings
            written = False
            if not args.dry_run and not ret.problems and (args.accept or not open_left):
                if args.accept:
                    for f in open_left:
                        collector.decide(ret, f, ACCEPTED, args.note)
                result = collector.apply(ret, on=args.on)
                written = result.written
            code = ExitCode.INVALID_INPUT if ret.problems or (open_left and not args.accept) else ExitCode.OK
            worst = max(worst, code)
            reports.append(_collect_report(ret, differences(ret), written, args.dry_run, lang))
            returns.append(ret)
        if args.report is not None:
            from zqtracker.io.atomic import atomic_target
            from zqtracker.io.round_files import write_table_book
            from zqtracker.services.round_words import findings_table

            with atomic_target(args.report) as tmp:
                write_table_book(tmp, *findings_table(returns, lang))
    finally:
        ctx.close()
    if args.json:
        console.json(reports if len(reports) != 1 else reports[0])
    else:
        for report in reports:
            for line in report.pop("_lines", []):  # type: ignore[attr-defined]
                console.print(line)
    for report in reports:
        report.pop("_lines", None)
    return worst


def _collect_report(ret, diffs, written: bool, dry_run: bool, lang: str) -> dict[str, object]:
    from zqtracker.domain.messages import field_label
    from zqtracker.services.round_words import check_label, finding_text, money

    zh = lang.startswith("zh")
    unit, period = ret.meta.unit, ret.period
    analysis = ret.analysis
    lines = [
        f"{ret.district} — {period.label(lang)}（{ret.path.name}）"
        if zh
        else f"{ret.district} — {period.label(lang)} ({ret.path.name})"
    ]
    updated, added, records = analysis.updated, analysis.added, len(analysis.records)
    lines.append(
        f"  更新 {updated} 个项目，新增 {added} 个，月度数据 {records} 条"
        if zh
        else f"  {updated} project(s) updated, {added} added, {records} monthly figure(s)"
    )
    for d in diffs:
        parts = []
        if d.project_id is None:
            parts.append("新项目" if zh else "new project")
        if d.status_after is not None:
            before = d.status_before.label(lang) if d.status_before else "—"
            parts.append(f"{'状态' if zh else 'status'} {before} → {d.status_after.label(lang)}")
        if d.month is not None:
            parts.append(
                f"{period.month}月 {money(d.month, unit, lang)}"
                if zh
                else f"{period.label(lang)} {money(d.month, unit, lang)}"
            )
        if d.progress:
            parts.append(f"{'进展' if zh else 'progress'}：{d.progress}" if zh else f"progress: {d.progress}")
        if d.sent_back:
            parts.append("已退回" if zh else "sent back")
        label = f"{d.code + ' ' if d.code else ''}{d.name}"
        lines.append(
            f"  {'第' if zh else 'row '}{d.row}{'行' if zh else ''}  {label}：{'；'.join(parts)}"
            if zh
            else f"  row {d.row}  {label}: {'; '.join(parts)}"
        )
        for f in d.findings:
            decision = ret.decision(f)
            state = ""
            if decision is not None:
                state = (
                    ("（已接受）" if decision[0] == "accepted" else "（已退回）")
                    if zh
                    else (" (accepted)" if decision[0] == "accepted" else " (sent back)")
                )
            lines.append(f"      ⚠ {finding_text(f, period, unit, lang)}{state}")
    for rep, key, before, now in ret.rows.renamed:
        field = field_label(key, lang)
        lines.append(
            f"  第{rep.row}行 {field}被改为“{now}”（原为“{before}”），未导入"
            if zh
            else f"  row {rep.row}: {field} changed to “{now}” (was “{before}”), not imported"
        )
    for p in ret.problems:
        lines.append(f"  ✗ {p.location(lang)}: {p.reason(lang)}")
    if written:
        lines.append("  已导入。" if zh else "  Imported.")
    elif dry_run:
        lines.append("  试运行，未写入。" if zh else "  Dry run: nothing written.")
    elif ret.problems:
        lines.append("  有问题，未导入。" if zh else "  Not imported: the file has problems.")
    elif ret.open_findings:
        lines.append(
            f"  尚有{len(ret.open_findings)}条检查结果未处理，未导入（--accept 全部接受，--send-back 退回）。"
            if zh
            else f"  Not imported: {len(ret.open_findings)} finding(s) undecided (--accept, --send-back)."
        )
    return {
        "file": str(ret.path), "round": str(period), "district": ret.district, "written": written,
        "added": analysis.added, "updated": analysis.updated, "investment_records": len(analysis.records),
        "differences": [d.to_json() for d in diffs],
        "findings": [{"check": f.check, "label": check_label(f.check, lang), "project_id": f.project_id,
                      "row": f.row, "name": f.name, "text": finding_text(f, period, unit, lang),
                      "likely_unit": f.likely_unit, "likely_amount": f.likely_amount,
                      "decision": (ret.decision(f) or (None, None))[0]} for f in ret.findings],
        "renamed": [{"row": r.row, "field": fld, "sent": b, "returned": n} for r, fld, b, n in ret.rows.renamed],
        "problems": [p.as_json(lang) for p in ret.problems],
        "_lines": lines,
    }  # fmt: skip


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
    due = f"{rnd.due_on.year}年{rnd.due_on.month}月{rnd.due_on.day}日" if console.zh else rnd.due_on.isoformat()
    text = reminder_text(period, due, reminders, console.lang)
    console.out.write(text or ("所有单位均已报回。\n" if console.zh else "Every district has returned.\n"))
    return ExitCode.OK


def run_close(args: argparse.Namespace, console: Console) -> int:
    period = Period.parse(args.month)
    ctx = open_context(args)
    try:
        service = RoundService(ctx.database)
        if args.reopen:
            service.reopen(period)
            console.print(f"{period.label(console.lang)}已重新开放。" if console.zh else f"{period} reopened.")
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
    if console.zh:
        console.print(
            f"{period.label(console.lang)}已于{at:%Y-%m-%d %H:%M}关账：{period.ytd_label('zh')}累计完成投资 {ytd}。"
        )
        if owing:
            console.print(f"  尚未导入回表的单位：{'、'.join(owing)}")
    else:
        console.print(f"{period} closed at {at:%Y-%m-%d %H:%M} UTC: completed {period.ytd_label('en')} {ytd}.")
        if owing:
            console.print(f"  Closed without the returns of: {', '.join(owing)}")
    return ExitCode.OK
