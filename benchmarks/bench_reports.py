"""Summary views as PDF: the overview for 100k projects (target ≤ 3 s) and the monthly progress
table of 2,000 key projects (target ≤ 5 s).

    python3 benchmarks/bench_reports.py            # prints a markdown table
    python3 benchmarks/bench_reports.py --runs 5

Self-contained: the 100k database is copied from /work/bench-data (or $ZQ_BENCH_DATA), else
generated with make_data.py; the 2,000-key-project database is generated here with the demo
generator (10,000 projects, then exactly 2,000 of those in the progress table kept as key).
Baselines, measured in the same run: the statistics service computing the same figures with
no PDF (summary() for the overview, progress() for the monthly table). "PDF" is build + layout
+ write in one process whose QGuiApplication already exists (as in the desktop app);
"`zqtracker report`" is the whole command in a fresh process, Python start-up and Qt included.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import PySide6
from sqlalchemy import update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from zqtracker.charts.headless import ensure_app  # noqa: E402
from zqtracker.domain.filters import ProjectFilter  # noqa: E402
from zqtracker.reports.export import export_pdf  # noqa: E402
from zqtracker.reports.model import View  # noqa: E402
from zqtracker.reports.options import ReportOptions  # noqa: E402
from zqtracker.services.context import AppContext  # noqa: E402
from zqtracker.services.demo import write_demo  # noqa: E402
from zqtracker.storage.database import open_database  # noqa: E402
from zqtracker.storage.tables import ProjectTable  # noqa: E402

BENCH_DATA = Path(os.environ.get("ZQ_BENCH_DATA", "/work/bench-data"))
KEY_PROJECTS = 2_000


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def database_100k(folder: Path) -> Path:
    target = folder / "projects-100000.sqlite"
    source = BENCH_DATA / "projects-100000.sqlite"
    if source.exists():
        shutil.copy(source, target)
    else:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from make_data import make_database

        make_database(target, 100_000)
    return target


def database_2000_key(folder: Path) -> Path:
    """Demo data for 10,000 projects, then exactly 2,000 key projects in the 2023-09 progress table."""
    path = folder / "key-2000.sqlite"
    db = open_database(path)
    write_demo(db, 10_000)
    db.close()
    ctx = AppContext.open(path)
    table = ctx.statistics.progress(2023, 9).rows
    keyed = [r.project_id for r in table if r.is_key_project]
    others = [r.project_id for r in table if not r.is_key_project]
    # (a direct update: ProjectService.set_key_project fails on dict(Result) in this version)
    with ctx.database.session() as s:
        if len(keyed) > KEY_PROJECTS:
            ids, value = keyed[KEY_PROJECTS:], False
        else:
            ids, value = others[: KEY_PROJECTS - len(keyed)], True
        for i in range(0, len(ids), 500):
            s.execute(update(ProjectTable).where(ProjectTable.id.in_(ids[i : i + 500])).values(is_key_project=value))
    n = len(ctx.statistics.progress(2023, 9, ProjectFilter(key_only=True)).rows)
    assert n == KEY_PROJECTS, n
    ctx.close()
    return path


def cli_time(db: Path, out: Path, args: list[str], runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "zqtracker", "--db", str(db), "report", str(out), *args]

    def once() -> None:
        subprocess.run(cmd, check=True, capture_output=True, env=env)

    return median_time(once, runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_app()
    rows = []
    summary_cli = 0.0
    with tempfile.TemporaryDirectory(prefix="zq-bench-reports-") as tmp:
        folder = Path(tmp)
        big = database_100k(folder)
        ctx = AppContext.open(big)
        n_projects = ctx.projects.count()
        out = folder / "overview.pdf"
        options = ReportOptions(view=View.OVERVIEW, lang="zh")
        base = median_time(lambda: ctx.statistics.summary(), args.runs)
        pages = export_pdf(ctx, options, out).pages
        pdf = median_time(lambda: export_pdf(ctx, options, out), args.runs)
        ctx.close()
        cli = cli_time(big, out, ["--lang", "zh"], args.runs)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        summary_cmd = [sys.executable, "-m", "zqtracker", "--db", str(big), "summary"]
        summary_cli = median_time(
            lambda: subprocess.run(summary_cmd, check=True, capture_output=True, env=env), args.runs
        )
        rows.append((f"overview PDF, {n_projects:,} projects ({pages} pages)", base, pdf, cli, 3.0))

        keyed = database_2000_key(folder)
        ctx = AppContext.open(keyed)
        out = folder / "monthly.pdf"
        options = ReportOptions(view=View.MONTHLY, year=2023, through=9, lang="zh")
        key = ProjectFilter(key_only=True)
        base = median_time(lambda: ctx.statistics.progress(2023, 9, key), args.runs)
        pages = export_pdf(ctx, options, out).pages
        pdf = median_time(lambda: export_pdf(ctx, options, out), args.runs)
        ctx.close()
        cli = cli_time(keyed, out, ["--view", "monthly", "--year", "2023", "--through", "9", "--lang", "zh"], args.runs)
        rows.append((f"monthly progress PDF, {KEY_PROJECTS:,} key projects ({pages} pages)", base, pdf, cli, 5.0))

    print(
        f"bench_reports — {date.today().isoformat()}, {platform.node()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, PySide6 {PySide6.__version__}; "
        f"median of {args.runs}\n"
    )
    print("| task | baseline: figures alone | PDF (in process) | ratio | `zqtracker report` (fresh process) | target |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, base, pdf, cli, target in rows:
        ok = "✓" if max(pdf, cli) <= target else "✗"
        print(f"| {name} | {base:.2f} s | {pdf:.2f} s | {pdf / base:.1f}× | {cli:.2f} s | ≤ {target:.0f} s {ok} |")
    print(
        f"\nFor scale: `zqtracker summary` on the same 100k database (a fresh process printing the overview's "
        f"figures as text, no Qt) takes {summary_cli:.2f} s; the report process is "
        f"{rows[0][3] / summary_cli:.1f}× that."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
