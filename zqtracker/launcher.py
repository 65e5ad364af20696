"""The ``zqtracker`` entry point: a subcommand runs the CLI, none opens the desktop app.

This module sits above both cli/ and ui/ so that neither imports the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace

WORKER_FLAG = "--zqtracker-read-worker"  # a frozen bundle runs the import's reading process so
SERVER_FLAG = "--zqtracker-read-server"  # … and the server reading processes are forked from (io/zygote.py)
# a file given to the app (the desktop's "Open with")
OPEN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv")


def desktop_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The options of a plain desktop start (--db, --demo, --lang), or None when ``argv`` asks for
    anything else — a command, --help, --version, a typo — which the full CLI parser handles.

    Why: the full parser imports every command and, through them, SQLAlchemy (0.6 s); the
    desktop app shows its first page before it needs SQLAlchemy at all. Read by hand because
    even argparse costs the launch 10 ms.
    """
    values: dict[str, object] = {"db": None, "demo": False, "lang": None, "open": None}
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if name == "--demo" and not eq:
            values["demo"] = True
        elif name in ("--db", "--lang"):
            if not eq:
                if i + 1 >= len(args) or args[i + 1].startswith("--"):
                    return None
                i += 1
                value = args[i]
            if name == "--lang" and value not in ("en", "zh"):
                return None
            values[name[2:]] = value
        elif not arg.startswith("-") and arg.lower().endswith(OPEN_SUFFIXES) and values["open"] is None:
            values["open"] = arg  # "Open with zqtracker": a spreadsheet to import
        else:
            return None
        i += 1
    return SimpleNamespace(**values)


def main(argv: Sequence[str] | None = None) -> int:
    """``zqtracker …``. A Ctrl-C at any moment — the first second too, while the commands' modules are
    imported (probe27a k08: a KeyboardInterrupt traceback) — ends it with one sentence and exit 130."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return interrupted(sys.argv[1:] if argv is None else argv)


def interrupted(argv: Sequence[str]) -> int:
    """Say "interrupted; nothing more was written" in the language asked for; exit code 130."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while saying so: no traceback
    try:
        from zqtracker.cli.arguments import lang_of
        from zqtracker.cli.console import Console, ExitCode

        console = Console(lang=lang_of(argv))
        console.error(console.say("interrupted"))
        return ExitCode.INTERRUPTED
    finally:  # (main() called in a longer-lived process: its children must not inherit an ignored Ctrl-C)
        signal.signal(signal.SIGINT, previous)


def _main(argv: Sequence[str] | None) -> int:
    role = _reading_role(sys.argv[1:] if argv is None else list(argv))
    if role is not None:
        return role
    desktop = desktop_arguments(sys.argv[1:] if argv is None else argv)
    if desktop is not None:
        from zqtracker.ui.app import run_app

        return run_app(db=desktop.db, demo=desktop.demo, lang=desktop.lang, import_path=desktop.open)
    from zqtracker.cli.main import build_parser, run

    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from zqtracker.ui.app import run_app

        return run_app(db=args.db, demo=args.demo, lang=args.lang)
    return run(args)


def _reading_role(args: Sequence[str]) -> int | None:
    """A bundle started as the import's reading process, or as the server those are forked from
    (io/read_launch.py): that and nothing else; None for any other start."""
    if args[:1] == [WORKER_FLAG]:
        from zqtracker.io.worker import main as worker_main

        return worker_main()
    if args[:1] == [SERVER_FLAG] and len(args) == 2 and args[1].isdigit():
        from zqtracker.io.zygote import main as server_main

        return server_main(int(args[1]))
    return None


def gui_main() -> int:
    """``zqtracker-gui [FILE.xlsx]``: the desktop app only (accepts --db, --demo, --lang, and a
    spreadsheet to import, as the desktop's "Open with" passes it)."""
    role = _reading_role(sys.argv[1:])
    if role is not None:
        return role
    desktop = desktop_arguments(sys.argv[1:])
    if desktop is not None:
        from zqtracker.ui.app import run_app

        return run_app(db=desktop.db, demo=desktop.demo, lang=desktop.lang, import_path=desktop.open)
    from zqtracker.cli.main import build_parser

    args, _unknown = build_parser().parse_known_args()
    from zqtracker.ui.app import run_app

    return run_app(db=args.db, demo=args.demo, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
