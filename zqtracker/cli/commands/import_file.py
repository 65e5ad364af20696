"""``zqtracker import FILE``: a district's spreadsheet into the database, or why not.

Exit codes: 0 done (or a clean dry run), 1 invalid rows (nothing written unless --skip-invalid;
with it, 0 when the valid rows were written), 2 the file was refused (unreadable, unsafe, no
recognisable sheet, amounts without a unit and no --unit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from zqtracker.cli.arguments import h
from zqtracker.cli.common import open_context
from zqtracker.cli.console import Console, ExitCode
from zqtracker.cli.words import WORDS
from zqtracker.domain.currency import parse_rate
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.history_words import field_text, value_text
from zqtracker.domain.money import Unit
from zqtracker.io.errors import WorkbookRefused, shorten
from zqtracker.services import interrupts
from zqtracker.services.import_mappings import HIDDEN_ROW_ANSWERS
from zqtracker.services.import_options import MODES, ImportOptions, ImportRefused, ImportResult, parse_period
from zqtracker.services.import_profiles import MAPPABLE_FIELDS, Profile, ProfileStore, field_of, status_value
from zqtracker.services.import_unwritten import notes_heading, refused_json, unwritten_notes
from zqtracker.services.importing import ImportService
from zqtracker.services.progress import Progress
from zqtracker.services.settings_file import SettingsFileError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help=h("import"),
        description=h("import.about"),
        epilog=h("import.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=h("import.file"),
    )
    p.add_argument(
        "--sheet",
        action="append",
        metavar="S",
        help=h("import.sheet"),
    )
    p.add_argument(
        "--mode",
        choices=MODES,
        default="merge",
        help=h("import.mode"),
    )
    p.add_argument("--dry-run", action="store_true", help=h("import.dry_run"))
    p.add_argument("--skip-invalid", action="store_true", help=h("import.skip_invalid"))
    p.add_argument(
        "--unit",
        choices=[u.value for u in Unit],
        help=h("import.unit"),
    )
    p.add_argument("--header-row", type=int, metavar="N", help=h("import.header_row"))
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=h("import.map"),
    )
    p.add_argument(
        "--status-map",
        action="append",
        default=[],
        metavar="WORD=STATUS",
        help=h("import.status_map"),
    )
    p.add_argument("--district", metavar="D", help=h("import.district"))
    p.add_argument(
        "--district-map",
        action="append",
        default=[],
        metavar="WRITTEN=DISTRICT",
        help=h("import.district_map"),
    )
    p.add_argument("--sector", metavar="S", help=h("import.sector"))
    p.add_argument("--status", metavar="STATUS", help=h("import.status"))
    p.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="CUR=RATE",
        help=h("import.rate"),
    )
    p.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="ROW=CODE",
        help=h("import.link"),
    )
    p.add_argument("--hidden-rows", choices=HIDDEN_ROW_ANSWERS, help=h("import.hidden_rows"))
    p.add_argument("--struck-rows", choices=HIDDEN_ROW_ANSWERS, help=h("import.struck_rows"))
    p.add_argument("--date-order", choices=("mdy", "dmy"), help=h("import.date_order"))
    p.add_argument("--period", metavar="YYYY-MM", help=h("import.period"))
    p.add_argument("--profile", metavar="NAME", help=h("import.profile"))
    p.add_argument("--save-profile", metavar="NAME", help=h("import.save_profile"))
    p.add_argument("--json", action="store_true", help=h("import.json"))
    p.set_defaults(func=run)


def options_from(args: argparse.Namespace, lang: str, profiles: ProfileStore | None = None) -> ImportOptions:
    """The command line's choices (over a saved profile's); raises ValueError with a message."""
    profiles = profiles or ProfileStore()
    base = Profile()
    if args.profile:
        try:  # a profiles file that cannot be read is said so, not "no profile called …"
            found = profiles.get(args.profile)
        except SettingsFileError as exc:
            raise ValueError(exc.message(lang)) from None
        if found is None:
            raise ValueError(Problem("unknown_profile", None, {"name": args.profile}).message(lang))
        base = found
    column_map = dict(base.column_map)
    for item in args.map:
        column, _, field = item.partition("=")
        try:
            column_map[column.strip()] = field_of(field)
        except ValueError:
            raise ValueError(
                Problem("unknown_field", None, {"value": field.strip(), "fields": ", ".join(MAPPABLE_FIELDS)}).message(
                    lang
                )
            ) from None
    status_map = dict(base.status_map)
    for item in args.status_map:
        word, _, status = item.partition("=")
        status_map[word.strip()] = _status(status, lang)
    district_map = dict(base.district_map)
    for item in args.district_map:
        written, _, district = (part.strip() for part in item.partition("="))
        if not written or not district:
            raise ValueError(Problem("bad_district_map", None, {"value": item}).message(lang))
        district_map[written] = district
    status = _status(args.status, lang) if args.status else base.status
    rates = {}
    for item in args.rate:
        try:
            code, rate = parse_rate(item)
        except ValidationError as exc:
            raise ValueError(exc.problems[0].message(lang)) from None
        rates[code] = rate
    unit = args.unit or base.unit
    profile = Profile(
        args.header_row or base.header_row,
        column_map,
        status_map,
        args.district or base.district,
        args.sector or base.sector,
        status,
        unit,
        args.hidden_rows or base.hidden_rows,
        args.date_order or base.date_order,
        district_map,
        args.struck_rows or base.struck_rows,
    )
    if args.save_profile:
        try:  # never over a file that cannot be read: it still holds the other profiles
            profiles.put(args.save_profile, profile)
        except SettingsFileError as exc:
            raise ValueError(exc.message(lang)) from None
    return ImportOptions(
        mode=args.mode,
        sheets=args.sheet,
        unit=Unit(unit) if unit else None,
        skip_invalid=args.skip_invalid,
        lang=lang,
        header_row=profile.header_row,
        column_map=column_map,
        district=profile.district,
        sector=profile.sector,
        status=status,
        status_map=status_map,
        district_map=district_map,
        rates=rates,
        hidden_rows=profile.hidden_rows,
        struck_rows=profile.struck_rows,
        date_order=profile.date_order,
        period=_period(args.period, lang) if args.period else None,
    )


def _period(text: str, lang: str) -> tuple[int, int]:
    """``--period 2025-10`` (2025.10, 2025/10, 2025年10月): the report's year and month."""
    period = parse_period(text)
    if period is None:
        raise ValueError(Problem("bad_period", None, {"value": text}).message(lang))
    return period


def _status(text: str, lang: str) -> str:
    try:
        return status_value(text)
    except ValidationError:
        raise ValueError(Problem("unknown_status", "status", {"value": text.strip()}).message(lang)) from None


def run(args: argparse.Namespace, console: Console) -> int:
    with interrupts.deferrable():  # a Ctrl-C once the commit is under way: the import is reported as done
        return _run(args, console)


def _run(args: argparse.Namespace, console: Console) -> int:
    try:
        options = options_from(args, console.lang)
    except ValueError as exc:
        console.error(str(exc))
        return ExitCode.REFUSED
    ctx = open_context(args)
    try:
        service = ImportService(ctx.database)
        progress = _progress(console, args.json)
        try:
            if args.link:
                options.links = _links(service, args, options, console.lang)
            result = service.import_file(args.file, options, dry_run=args.dry_run, progress=progress)
        except (WorkbookRefused, ImportRefused) as exc:
            _end_progress(progress)
            console.error(exc.message(console.lang))
            return ExitCode.REFUSED
        except ValueError as exc:
            _end_progress(progress)
            console.error(str(exc))
            return ExitCode.REFUSED
        _end_progress(progress)
    finally:
        ctx.close()
    refused = bool(result.problems) and not args.skip_invalid  # nothing written: said so (import_unwritten.py)
    if args.json:
        console.json(refused_json(result, console.lang) if refused else result.as_json(console.lang))
    else:
        _print(console, result, args.dry_run, args.skip_invalid)
    for warning in result.warnings:  # written, and yet: on stderr, after the report
        console.error(warning.message(console.lang))
    if result.problems and not args.skip_invalid:
        return ExitCode.INVALID_INPUT
    return ExitCode.OK


def _links(
    service: ImportService, args: argparse.Namespace, options: ImportOptions, lang: str
) -> dict[tuple[str, int], int]:
    """--link "ROW=CODE" / "SHEET!ROW=CODE": the row is that stored project; "ROW=#12" the project
    of that id (one without a code), "ROW=new" a new project (a near name that is another)."""
    codes = service.codes()
    first_sheet = (args.sheet or [None])[0]
    out: dict[tuple[str, int], int] = {}
    for item in args.link:
        where, _, code = item.partition("=")
        sheet, _, row = where.rpartition("!")
        said = code.strip()
        if said.lower() in ("new", "新", "新项目"):
            pid: int | None = 0
        else:  # a code, or "#12": the project of that id
            pid = codes.get(said)
        if pid is None or not row.strip().isdigit():
            raise ValueError(Problem("unknown_project", "code", {"value": code.strip()}).message(lang))
        out[(sheet or first_sheet or "", int(row))] = pid
    return out


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
    lang = console.lang
    blocked = bool(result.problems) and not skip_invalid
    if blocked and result.notes:  # notes of what it will do once settled, never "stored"
        console.print(notes_heading().message(lang))
    for note in unwritten_notes(result.notes) if blocked else result.notes:
        console.print(console.say("import.note", text=note.message(lang)))
    for line in grouped_problems(result.problems, lang):
        console.print(line)
    head = console.say("import.dry_run") if dry_run else ""
    if blocked:
        console.print(console.say("import.blocked", count=len(result.problems)))
        return
    console.print(console.say("import.counts", head=head, added=result.added, updated=result.updated,
                              unchanged=result.unchanged, records=result.investment_records))  # fmt: skip
    if result.plans:
        console.print(console.say("import.plans", count=result.plans))
    if result.changes:  # a real import says what it overwrote too, not only the dry run
        for c in result.changes[:50]:
            console.print(change_line(c, lang))
        if result.changes_total > 50:
            console.print(console.say("import.more_changes", count=result.changes_total - 50))
    if result.problems:
        console.print(console.say("import.skipped", count=len(result.problems)))
    for key, names in (
        ("import.new_sectors", result.new_sectors),
        ("import.new_districts", result.new_districts),
        ("import.new_enterprises", result.new_enterprises),
    ):
        if names:
            shown = "、".join(names[:20]) + (" …" if len(names) > 20 else "")
            console.print(console.say(key, count=len(names), names=shown))
    if result.backup is not None:
        console.print(console.say("import.backed_up", path=result.backup))


def change_line(c: dict, lang: str) -> str:
    """ "  “十月” 2 GY-001: Planned investment 10,000,000 yuan → 12,000,000 yuan", or a monthly figure's
    "  GY-001: Completed investment 2025-10 1,000,000 yuan → 1,500,000 yuan" (exact yuan, field in words)."""
    if "sheet" in c:
        where, field = f"“{c['sheet']}” {c['row']} {c['project']}", c["field"]
    else:
        where, field = c["project"], f"investment {c['month']}"

    def side(value: Any) -> str:
        return value_text(field, str(value).lower() if isinstance(value, bool) else value, lang)

    before = side(c["before"])
    if "before_month" in c:  # was 1–10月 as one figure
        before = f"{before} ({c['before_month']})"
    return f"  {where}: {field_text(field, lang)} {before} → {side(c['after'])}"


def grouped_problems(problems: list, lang: str) -> list[str]:
    """One line per problem — but the same refusal of the same value in one column is one line
    with its rows ("rows 3–502 (494 rows)"), not hundreds."""
    groups: dict[tuple, list] = {}
    for p in problems:
        groups.setdefault((p.sheet, p.column, p.header, p.value, p.problem.code, p.problem.message(lang)), []).append(p)
    lines = []
    for (_sheet, _col, _header, value, _code, reason), ps in groups.items():
        first = ps[0]
        if len(ps) == 1:
            where = first.location(lang)
        else:
            rows = _row_ranges([p.row for p in ps])
            col = f"{first.column} “{first.header}”" if first.header else first.column
            where = WORDS.say("import.rows", lang, sheet=first.sheet, rows=rows, count=len(ps))
            where += WORDS.say("import.rows_column", lang, column=col) if col else ""
        shown, reason = shorten(str(value)), first.reason(lang)  # a 32,767-character cell is not read
        lines.append(WORDS.say("import.problem", lang, where=where, value=shown, reason=reason))
    return lines


def _row_ranges(rows: list[int]) -> str:
    """3, 4, 5, 9 → "3–5, 9" (at most eight runs shown)."""
    runs: list[list[int]] = []
    for r in sorted(set(rows)):
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    shown = ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs[:8])
    return shown + (" …" if len(runs) > 8 else "")
