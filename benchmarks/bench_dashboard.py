"""Dashboard refresh on the 100k-project benchmark database: target ≤ 300 ms.

    python3 benchmarks/bench_dashboard.py [--db projects-100000.sqlite] [--runs 7]

Works on a private copy of the database (benchmarks/data/ from make_data.py, else
/work/bench-data/). Prints a markdown table of medians:

- data fetch: DashboardService.load — every figure of the dashboard (four aggregate queries, run
  side by side), and the same run one after another;
- baseline: the same figures gathered the obvious way through the existing services —
  StatisticsService.summary, investment_cube, signed_by_month and stale_projects(list_rows()) —
  measured in the same run, so the ratio does not depend on the machine's load;
- chart updates: the tiles and six charts of a real DashboardWidget (offscreen) rebuilt from the
  fetched figures, then the first paint of the whole widget;
- refresh: DashboardWidget.refresh() end to end (fetch + tiles + charts) and its paint;
- another month: the through-month selector, which reuses the cubes of the same data.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CANDIDATES = (ROOT / "benchmarks" / "data" / "projects-100000.sqlite", Path("/work/bench-data/projects-100000.sqlite"))
TARGET_MS = 300.0


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU of this process, all its threads).

    On a shared, loaded machine the wall clock includes waiting for a core; the CPU time is
    what the step costs, and what the wall clock comes to on a quiet machine (the database is in
    the page cache after the warm-up run, so there is no disk wait).
    """
    fn()  # warm the page cache and Python's caches; the dashboard refreshes a warm database
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="benchmark database (copied first)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    source = args.db or next((p for p in CANDIDATES if p.exists()), None)
    if source is None or not source.exists():
        print("no benchmark database: run benchmarks/make_data.py --sizes 100000 first", file=sys.stderr)
        return 2

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from zqtracker.services.context import AppContext
    from zqtracker.services.dashboard import DashboardService
    from zqtracker.services.statistics import DEFAULT_STALE_MONTHS, stale_cutoff
    from zqtracker.storage.activity_queries import count_stale
    from zqtracker.ui.dashboard import DashboardWidget
    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.settings import Settings

    with tempfile.TemporaryDirectory(prefix="zq-bench-dashboard-") as tmp:
        db = Path(tmp) / source.name
        shutil.copy(source, db)
        ctx = AppContext.open(db)
        stats = ctx.statistics
        projects = ctx.projects.count()
        parallel, sequential = DashboardService(stats), DashboardService(stats, parallel=False)

        def baseline() -> None:
            period = stats.resolve_period(None, None)
            stats.summary(period.year, period.month)
            stats.investment_cube((period.year - 1, period.year))
            stats.signed_by_month(period.year)
            stats.stale_projects(ctx.projects.list_rows())

        period = stats.resolve_period(None, None)
        cutoff = stale_cutoff(stats.as_of(), DEFAULT_STALE_MONTHS)

        def stale() -> int:
            with ctx.database.session() as s:
                return count_stale(s, cutoff)

        parts = [
            ("  investment cube, 2 years (SQL + cells)", lambda: stats.investment_cube((period.year - 1, period.year))),
            ("  stale-project count (SQL)", stale),
            ("  project cube (SQL + cells)", stats.project_cube),
            ("  signings per month (SQL)", lambda: stats.signed_by_month(period.year)),
        ]
        part_ms = [(label, median_ms(fn, args.runs)) for label, fn in parts]
        fetch = median_ms(parallel.load, args.runs)
        fetch_seq = median_ms(sequential.load, args.runs)
        base = median_ms(baseline, max(3, args.runs // 2))
        figures = parallel.load()

        scratch = Path(tempfile.mkdtemp(prefix="zq-bench-settings-"))
        settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        widget = DashboardWidget(ctx, DataEvents(), settings, lang="zh")
        widget.resize(1354, 600)
        widget.show()
        app.processEvents()
        widget.refresh()
        app.processEvents()

        def charts() -> None:
            widget._show(figures)

        def paint() -> None:
            widget._show(figures)
            app.processEvents()
            widget.grab()

        def refresh() -> None:
            widget.refresh()

        def refresh_and_paint() -> None:
            widget.refresh()
            app.processEvents()
            widget.grab()

        def another_month() -> None:  # the through-month selector: same data, another period
            widget.set_period(figures.year, 6 if widget.figures.through != 6 else figures.through)

        update = median_ms(charts, args.runs)
        month = median_ms(another_month, args.runs)
        update_paint = median_ms(paint, args.runs)
        whole = median_ms(refresh, args.runs)
        whole_paint = median_ms(refresh_and_paint, args.runs)
        ctx.close()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        ("data fetch (4 aggregate queries side by side)", fetch, base),
        ("data fetch, queries one after another", fetch_seq, base),
        *[(label, ms, base) for label, ms in part_ms],
        ("baseline: same figures via summary/cubes/stale_projects(list_rows())", base, base),
        ("chart updates: 7 tiles + 6 charts rebuilt", update, None),
        ("chart updates + first paint of the widget", update_paint, None),
        ("**refresh: fetch + tiles + charts**", whole, None),
        ("another month of the same year (selector; no new aggregates)", month, None),
        ("refresh + paint", whole_paint, None),
    ]
    print(
        f"### Dashboard refresh — {date.today().isoformat()}, {platform.node()}, "
        f"{os.cpu_count()} CPUs, load average {load:.2f} at the end"
    )
    print()
    print(
        f"{projects:,} projects, {figures.year} Jan–{figures.through:02d}; median of {args.runs} runs; "
        f"target ≤ {TARGET_MS:.0f} ms for the refresh."
    )
    print()
    print("| step | wall ms | CPU ms | wall vs baseline | wall vs 300 ms target |")
    print("|---|---:|---:|---:|---:|")
    for label, (ms, cpu), against in rows:
        ratio = f"{ms / against[0]:.2f}×" if against else ""
        print(f"| {label} | {ms:.0f} | {cpu:.0f} | {ratio} | {ms / TARGET_MS:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
