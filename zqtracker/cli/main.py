"""``zqtracker`` subcommands. Each command module registers its parser and a ``run``."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from zqtracker import __version__
from zqtracker.cli.arguments import ArgumentParser, h, lang_of
from zqtracker.cli.console import Console, ExitCode, default_lang

if TYPE_CHECKING:
    from zqtracker.services.database import DatabaseOpenError

# Command modules under zqtracker.cli.commands, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = (
    "summary",
    "list_projects",
    "show",
    "chart",
    "demo",
    "db",
    "report",
    "export",
    "template",
    "import_file",
    "round",
    "history",
)

log = logging.getLogger("zqtracker")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``argv`` (default: this process's arguments), its usage errors in the
    language that command line asks for."""
    ArgumentParser.lang = lang_of(sys.argv[1:] if argv is None else argv)
    parser = ArgumentParser(
        prog="zqtracker",
        description=h("main.about"),
    )
    parser.add_argument("--version", action="version", version=f"zqtracker {__version__}", help=h("version"))
    parser.add_argument(
        "--db",
        metavar="URL",
        help=h("main.db"),
    )
    parser.add_argument("--demo", action="store_true", help=h("main.demo"))
    parser.add_argument("--lang", choices=("en", "zh"), default=None, help=h("main.lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"zqtracker.cli.commands.{name}")
        module.register(sub)
    return parser


def run(args: argparse.Namespace, console: Console | None = None) -> int:
    """Run a parsed subcommand; every expected failure becomes one sentence and an exit code."""
    from zqtracker.domain.errors import DomainError, ValidationError
    from zqtracker.services.database import DatabaseOpenError

    console = console or Console()
    console.lang = args.lang or default_lang()
    _tidy()
    try:
        return int(args.func(args, console))
    except DatabaseOpenError as exc:
        console.error(exc.message(console.lang))
        return ExitCode.REFUSED
    except ValidationError as exc:  # coded problems: worded in the language asked for
        for problem in exc.problems:
            console.error(problem.message(console.lang))
        return ExitCode.INVALID_INPUT
    except DomainError as exc:
        worded = getattr(exc, "message", None)  # the coded ones word themselves in either language
        console.error(worded(console.lang) if callable(worded) else str(exc))
        return ExitCode.INVALID_INPUT
    except KeyboardInterrupt:
        console.error(console.say("interrupted"))
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        fault = _fault(exc, args)
        if fault is not None:  # locked, full disk, read-only, damaged: expected, one sentence
            console.error(fault.message(console.lang))
            return ExitCode.REFUSED
        path = _log_exception(exc)
        console.error(console.say("internal_error", error=f"{type(exc).__name__}: {exc}", log=path))
        return ExitCode.INTERNAL_ERROR


def _tidy() -> None:
    """Remove what killed runs left behind (services.backups.tidy); never stops a command."""
    try:
        from zqtracker.services.backups import tidy

        tidy()
    except Exception:
        log.debug("tidying leftovers failed", exc_info=True)


def _fault(exc: BaseException, args: argparse.Namespace) -> DatabaseOpenError | None:
    """The expected condition (storage.db_errors.fault_of) behind an error, named after the
    database file the command used."""
    from zqtracker.services.database import display_of, fault_of, resolve_url

    try:
        shown = display_of(resolve_url(getattr(args, "db", None)))
    except Exception:  # noqa: BLE001 - naming the file must not raise in the error path
        shown = str(getattr(args, "db", "") or "")
    return fault_of(exc, shown)


def _log_exception(exc: BaseException) -> str:
    import traceback

    from zqtracker.services.database import default_data_dir

    try:
        folder = default_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "zqtracker.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        return "no log file"


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """The CLI alone (subcommand required). The launcher opens the app when there is none."""
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    console = Console(out=stdout or sys.stdout, err=stderr or sys.stderr)
    if args.command is None:
        parser.print_usage(console.err)
        return ExitCode.REFUSED
    if args.command == "import":  # the reading server starts while the database opens
        from zqtracker.io.read_launch import warm

        warm()
    return run(args, console)
