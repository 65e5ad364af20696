"""The ``zqtracker`` entry point: a subcommand runs the CLI, none opens the desktop app.

This module sits above both cli/ and ui/ so that neither imports the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

WORKER_FLAG = "--zqtracker-read-worker"  # a frozen bundle runs the import's reading process so


def main(argv: Sequence[str] | None = None) -> int:
    if (sys.argv[1:2] if argv is None else list(argv)[:1]) == [WORKER_FLAG]:
        from zqtracker.io.worker import main as worker_main

        return worker_main()
    from zqtracker.cli.main import build_parser, run

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from zqtracker.ui.app import run_app

        return run_app(db=args.db, demo=args.demo, lang=args.lang)
    return run(args)


def gui_main() -> int:
    """``zqtracker-gui``: the desktop app only (accepts --db, --demo, --lang)."""
    if sys.argv[1:2] == [WORKER_FLAG]:
        from zqtracker.io.worker import main as worker_main

        return worker_main()
    from zqtracker.cli.main import build_parser

    args, _unknown = build_parser().parse_known_args()
    from zqtracker.ui.app import run_app

    return run_app(db=args.db, demo=args.demo, lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
