"""``zqtracker import FILE``: a district's spreadsheet into the database, or why not.

Exit codes: 0 done (or a clean dry run), 1 invalid rows (nothing written unless --skip-invalid;
with it, 0 when the valid rows were written), 2 the file was refused (unreadable, unsafe, no
recognisable sheet, amounts without a unit and no --unit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.money import Unit
from zqtracker.io.errors import WorkbookRefused, listed_problems
from zqtracker.services.importing import MODES, ImportOptions, ImportRefused, ImportResult, ImportService
from zqtracker.services.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import projects or monthly investment from .xlsx/.xlsm/.xls/.xlsb/.ods/.csv",
        description="Import a spreadsheet: projects (matched by code, else name + district) and monthly "
        "completed investment (long or wide). All or nothing unless --skip-invalid.",
    )
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=".xlsx, .xlsm, .xls, .xlsb, .ods or .csv file (told by its bytes, whatever its name)",
    )
    p.add_argument("--sheet", action="append", metavar="S", help="import this sheet only (repeatable); "
                   "default: every visible sheet that is recognised")  # fmt: skip
    p.add_argument("--mode", choices=MODES, default="merge",
                   help="merge: add new projects, update changed fields (default); append: new projects only; "
                   "replace: replace every project (after a backup)")  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--skip-invalid", action="store_true", help="write the valid rows, report the others")
    p.add_argument("--unit", choices=[u.value for u in Unit],
                   help="unit of amounts that have none in the cell, header or a unit line (yuan, wan = 万元, "
                   "yi = 亿元)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    options = ImportOptions(
        mode=args.mode, sheets=args.sheet, unit=Unit(args.unit) if args.unit else None,
        skip_invalid=args.skip_invalid, lang=console.lang,
    )  # fmt: skip
    ctx = open_context(args)
    try:
        service = ImportService(ctx.database)
        progress = _progress(console, args.json)
        try:
            result = service.import_file(args.file, options, dry_run=args.dry_run, progress=progress)
        except (WorkbookRefused, ImportRefused) as exc:
            _end_progress(progress)
            console.error(exc.message(console.lang))
            return ExitCode.REFUSED
        _end_progress(progress)
    finally:
        ctx.close()
    if args.json:
        console.json(result.as_json(console.lang))
    else:
        _print(console, result, args.dry_run, args.skip_invalid)
    if result.problems and not args.skip_invalid:
        return ExitCode.INVALID_INPUT
    return ExitCode.OK


def _progress(console: Console, quiet: bool) -> Progress | None:
    """Rows read so far on stderr, when it is a terminal (scripts and pipes get silence)."""
    if quiet or not getattr(console.err, "isatty", lambda: False)():
        return None
    state = {"last": -1}

    def show(done: int, total: int | None, text: str) -> None:
        if done - state["last"] < 5000 and done != total:
            return
        state["last"] = done
        shown = f"{done:,}/{total:,}" if total else f"{done:,}"
        console.err.write(f"\r{text} {shown}   ")
        console.err.flush()

    return Progress(show)


def _end_progress(progress: Progress | None) -> None:
    if progress is not None:
        sys.stderr.write("\r" + " " * 60 + "\r")


def _print(console: Console, result: ImportResult, dry_run: bool, skip_invalid: bool) -> None:
    zh, lang = console.zh, console.lang
    for note in result.notes:
        console.print(("注意：" if zh else "Note: ") + note.message(lang))
    listed, omitted = listed_problems(result.problems)
    for p in listed:
        console.print(f"{p.location(lang)}：{p.shown_value} — {p.reason(lang)}" if zh else
                      f"{p.location(lang)}: {p.shown_value} — {p.reason(lang)}")  # fmt: skip
    for o in omitted:
        console.print(f"工作表“{o['sheet']}”{o['column']}列另有 {o['count']} 个问题未列出。" if zh else
                      f"… and {o['count']} more problem(s) in sheet “{o['sheet']}”, column {o['column']}.")  # fmt: skip
    head = ("试运行（未写入）：" if dry_run else "") if zh else ("Dry run (nothing written): " if dry_run else "")
    blocked = bool(result.problems) and not skip_invalid
    if blocked:
        console.print(f"{len(result.problems)} 个问题，未写入任何数据。" if zh else
                      f"{len(result.problems)} problem(s); nothing was written.")  # fmt: skip
        return
    if zh:
        console.print(f"{head}新增 {result.added} 个项目，更新 {result.updated} 个，未变 {result.unchanged} 个，"
                      f"月度完成投资 {result.investment_records} 条。")  # fmt: skip
    else:
        console.print(f"{head}{result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
                      f"{result.investment_records} monthly investment record(s).")  # fmt: skip
    if result.problems:
        console.print(f"跳过 {len(result.problems)} 个问题所在的行。" if zh else
                      f"Skipped the rows of {len(result.problems)} problem(s).")  # fmt: skip
    for label_en, label_zh, names in (("New sectors", "新建行业", result.new_sectors),
                                      ("New districts", "新建区域", result.new_districts),
                                      ("New enterprises", "新建企业", result.new_enterprises)):  # fmt: skip
        if names:
            shown = "、".join(names[:20]) + (" …" if len(names) > 20 else "")
            console.print(f"{label_zh}（{len(names)}）：{shown}" if zh else f"{label_en} ({len(names)}): {shown}")
    if result.backup is not None:
        console.print(f"替换前已备份到 {result.backup}" if zh else f"Backed up before replacing: {result.backup}")
