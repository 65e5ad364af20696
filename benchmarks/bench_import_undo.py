"""Edit › Undo and Redo of a 100k-project import in the desktop app: how long the window freezes.

    python3 benchmarks/bench_import_undo.py [--data /work/bench-data/projects-100000.xlsx] [--runs 2]

The file is imported into an empty database (not timed), the real main window shows it, and the
import's command is pushed onto the window's undo stack as the import dialog does. Then Undo and
Redo, ``--runs`` times each: the time until the work is done (the rows gone / back in the
database) and the longest time the GUI thread did not answer (a 10 ms timer's worst gap, from the
moment Undo is triggered until one second after the work ended — the window's reload included).
Qt runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("/work/bench-data/projects-100000.xlsx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data} (make it with benchmarks/make_data.py)", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="zq-bench-undo-") as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        sys.path.insert(0, str(ROOT))
        rows = measure(args.data, Path(tmp) / "projects.sqlite", args.runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"### Import undo / redo in the window — {datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, "
        f"{os.cpu_count()} CPUs, load {load:.1f}\n"
    )
    print(f"Data: {args.data.name}, imported into an empty database.\n")
    print("| step | work done after | longest GUI stall |")
    print("|---|---|---|")
    for step, done, stall in rows:
        print(f"| {step} | {done:.2f} s | {stall * 1000:.0f} ms |")
    return 0


def measure(xlsx: Path, db_path: Path, runs: int) -> list[tuple[str, float, float]]:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from zqtracker.services.context import AppContext
    from zqtracker.services.importing import ImportOptions, ImportService
    from zqtracker.ui.import_command import ImportCommand
    from zqtracker.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    ctx = AppContext.open(db_path)
    service = ImportService(ctx.database)
    result = service.import_file(xlsx, ImportOptions())
    count = ctx.projects.count()
    print(f"imported {result.added:,} projects", file=sys.stderr)
    window = MainWindow(ctx)
    window.show()
    page = window.projects
    wait_until(lambda: page.model.rowCount() == count, 240)
    stack = window.undo_stack
    try:  # this checkout's command runs in the background; the one before ran in undo() itself
        command = ImportCommand(service, result, window.events, "Import", window=window, stack=stack)
    except TypeError:
        command = ImportCommand(service, result, window.events, "Import")
    stack.push(command)
    command.announce()

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    rows = []
    for _ in range(runs):
        for step, expected in (("undo", 0), ("redo", count)):
            QCoreApplication.processEvents()
            ticks.clear()
            start = time.perf_counter()
            ticks.append(start)
            (stack.undo if step == "undo" else stack.redo)()
            wait_until(lambda: not getattr(command, "busy", False), 120)  # (the one before: done already)
            done = time.perf_counter()
            settle = time.perf_counter() + 1.0
            while time.perf_counter() < settle:
                QCoreApplication.processEvents()
                time.sleep(0.002)
            gaps = [b - a for a, b in itertools.pairwise(ticks)]
            rows.append((step, done - start, max(gaps, default=done - start)))
            if ctx.projects.count() != expected:
                raise RuntimeError(f"{step} left {ctx.projects.count()} projects, not {expected}")
    timer.stop()
    window.close()
    ctx.close()
    app.processEvents()
    return rows


def wait_until(condition, seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.002)


if __name__ == "__main__":
    sys.exit(main())
