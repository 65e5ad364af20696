"""PostgreSQL against SQLite on this machine (issue 14's speed targets), measured in one run.

    python benchmarks/make_data.py --sizes 100000 --out /tmp/zq      # the 100k-project file
    source .ci/pg-cluster.sh && pg_cluster_start                     # a server (or any ZQ_TEST_PG_URL)
    python benchmarks/bench_server.py --data /tmp/zq --repeat 2

Each measurement runs in a fresh process. Targets: import of the 100k-project file into
PostgreSQL ≤ 1.5× the same import into SQLite; launch to the first page of 100k projects ≤ 2.5 s
(measured two ways: the desktop app from process start to the first rows painted, offscreen —
what a user waits for — and the services alone opening the database and reading 200 rows and the
count); a dashboard refresh ≤ 300 ms (PostgreSQL and SQLite); another user's change noticed ≤ 3 s.
The server URL comes from ZQ_TEST_PG_URL (a superuser's: databases are created and dropped).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IMPORT = """
import sys, time
from pathlib import Path
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
ctx = AppContext.open(sys.argv[1])
service = ImportService(ctx.database, MappingStore(Path(sys.argv[3])))
t = time.perf_counter()
result = service.import_file(Path(sys.argv[2]), ImportOptions())
took = time.perf_counter() - t
ctx.close()
print(took, result.added)
"""

FIRST_PAGE = """
import sys, time
t = time.perf_counter()
from zqtracker.services.context import AppContext
ctx = AppContext.open(sys.argv[1])
rows = ctx.projects.list_rows(limit=200)
n = ctx.projects.count()
took = time.perf_counter() - t
ctx.close()
print(took, n)
"""

LAUNCH = """
import sys, time
start = float(sys.argv[2])
from zqtracker.launcher import desktop_arguments  # the `zqtracker --db URL` entry point's path
args = desktop_arguments(["--db", sys.argv[1]])
from zqtracker.ui.app import launch
app, w = launch(db=args.db, demo=args.demo, lang=args.lang)
def painted():
    print(time.time() - start, w.projects.model.rowCount(), flush=True)
    app.quit()
w.projects.first_rows_painted.connect(painted)
app.exec()
"""

DASHBOARD = """
import sys, time
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
ctx = AppContext.open(sys.argv[1])
service = DashboardService(ctx.statistics)
service.load()  # warm: the first load after opening
times = []
for _ in range(3):
    t = time.perf_counter()
    service.load()
    times.append(time.perf_counter() - t)
ctx.close()
print(min(times), 0)
"""

NOTICE = """
import sys, time, subprocess
from zqtracker.services.context import AppContext
from zqtracker.services.history import watch
ctx = AppContext.open(sys.argv[1])
watcher = watch(ctx.database)
pid = ctx.projects.list_rows(limit=1)[0].id
writer = subprocess.Popen([sys.executable, "-c", sys.argv[2], sys.argv[1], str(pid)], stdout=subprocess.PIPE, text=True)
committed = float(writer.stdout.readline())
seen = None
while seen is None:
    seen = watcher.poll()
    if seen is None:
        time.sleep(1.0)  # the desktop polls once a second
took = time.time() - committed
writer.wait()
watcher.close()
ctx.close()
print(took, len(seen.projects))
"""

WRITER = """
import sys, time
from zqtracker.services.context import AppContext
ctx = AppContext.open(sys.argv[1])
p = ctx.projects.get(int(sys.argv[2]))
p.notes = "changed by another user"
time.sleep(0.3)
ctx.projects.update(p)
print(time.time(), flush=True)
ctx.close()
"""


def run(code: str, *args: str) -> tuple[float, int]:
    if code is LAUNCH:  # from the process's start, as the user sees it
        args = (*args, repr(time.time()))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False, env=env
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    took, n = out.stdout.split()[-2:]
    return float(took), int(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("/work/bench-data"))
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--launches", type=int, default=3, help="desktop launches per engine in each repeat")
    args = parser.parse_args(argv)
    url = os.environ.get("ZQ_TEST_PG_URL")
    if not url:
        raise SystemExit("set ZQ_TEST_PG_URL (source .ci/pg-cluster.sh && pg_cluster_start)")
    xlsx = args.data / f"projects-{args.size}.xlsx"
    sys.path.insert(0, str(ROOT / "tests"))
    from engines import PgServer

    server = PgServer(url)
    results: dict[str, list[float]] = {k: [] for k in ("import_sqlite", "import_pg", "launch_pg", "launch_sqlite",
                                                        "first_page_pg", "first_page_sqlite", "dashboard_pg",
                                                        "dashboard_sqlite", "notice_pg", "notice_sqlite")}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("CONFIG", "DATA"):  # the children's settings and backups stay in the scratch folder
            os.environ[f"XDG_{kind}_HOME"] = str(Path(tmp) / kind.lower())
        for i in range(args.repeat):
            sqlite = str(Path(tmp) / f"bench-{i}.sqlite")
            name = server.create(name=f"zqbench_{os.getpid()}_{i}")
            pg = server.url(name)
            try:
                results["import_sqlite"].append(run(IMPORT, sqlite, str(xlsx), str(Path(tmp) / "m.json"))[0])
                results["import_pg"].append(run(IMPORT, pg, str(xlsx), str(Path(tmp) / "m.json"))[0])
                for _ in range(args.launches):  # short: the best of a few
                    results["launch_pg"].append(run(LAUNCH, pg)[0])
                    results["launch_sqlite"].append(run(LAUNCH, sqlite)[0])
                results["first_page_sqlite"].append(run(FIRST_PAGE, sqlite)[0])
                results["first_page_pg"].append(run(FIRST_PAGE, pg)[0])
                results["dashboard_pg"].append(run(DASHBOARD, pg)[0])
                results["dashboard_sqlite"].append(run(DASHBOARD, sqlite)[0])
                results["notice_pg"].append(run(NOTICE, pg, WRITER)[0])
                results["notice_sqlite"].append(run(NOTICE, sqlite, WRITER)[0])
            finally:
                server.drop(name)
    best = {k: min(v) for k, v in results.items() if v}
    load = os.getloadavg()
    print(
        f"# bench_server {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores, "
        f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}), {args.size} projects, best of {args.repeat}"
    )
    print(json.dumps(results, indent=1))
    ratio = best["import_pg"] / best["import_sqlite"]
    print("| measure | result | target |\n|---|---|---|")
    print(f"| import into SQLite | {best['import_sqlite']:.1f} s | |")
    print(f"| import into PostgreSQL | {best['import_pg']:.1f} s ({ratio:.2f}× SQLite) | ≤ 1.5× |")
    print(
        f"| desktop launch → first page painted, PostgreSQL | {best['launch_pg']:.2f} s (SQLite "
        f"{best['launch_sqlite']:.2f} s) | ≤ 2.5 s |"
    )
    print(
        f"| open + first page (services), PostgreSQL | {best['first_page_pg']:.2f} s (SQLite "
        f"{best['first_page_sqlite']:.2f} s) | ≤ 2.5 s |"
    )
    print(
        f"| dashboard refresh, PostgreSQL | {best['dashboard_pg'] * 1000:.0f} ms (SQLite "
        f"{best['dashboard_sqlite'] * 1000:.0f} ms) | ≤ 300 ms |"
    )
    print(
        f"| another user's change noticed | PostgreSQL {best['notice_pg']:.2f} s, SQLite "
        f"{best['notice_sqlite']:.2f} s | ≤ 3 s |"
    )
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
