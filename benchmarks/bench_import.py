"""Import speed: zqtracker against python-calamine merely reading the values, and against pandas.

    python benchmarks/bench_import.py                       # /work/bench-data/projects-100000.xlsx
    python benchmarks/bench_import.py --data benchmarks/data --size 10000 --repeat 3

Every measurement runs in a fresh process (same interpreter, same file, same run), so that the
ratios compare like with like; the time is the work alone (modules imported and the database
opened before the clock starts; the import's reading server is started first, as `zqtracker import`
starts it while the database opens — a row gives the import with the server started inside the
clock too); peak memory is that process's maximum resident size plus the
largest of the processes it started (the import's reading process). The import writes into a fresh
copy of an empty database. Prints a markdown table (the targets of issue 13: import ≤ 1.25× the
floor — python-calamine's parse plus SQLite storing the same rows pre-built — and ≥ 5× faster than
pandas + to_sql).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (setup, timed work): imports and opening the database are not part of the work measured.
SCENARIOS = {
    "calamine": (
        "import python_calamine as pc",
        """
rows = pc.CalamineWorkbook.from_path(XLSX).get_sheet_by_index(0).to_python()
COUNT = len(rows)
""",
    ),
    # The floor, in two parts that cannot overlap while python-calamine parses a whole sheet before
    # it hands over a row: its parse alone (no Python values made), and SQLite storing the rows the
    # import wrote, already built (raw sqlite3, secondary indexes dropped and rebuilt as the import
    # does, one transaction): references, projects, status history and the audit trail's rows
    # (argv[4] "no-audit": without those, the floor as measured before 2026-12-04; "projects": the
    # references and projects alone). DB here is an empty database; IMPORTED (argv[3]) holds the rows.
    "parse": (
        "import python_calamine as pc",
        """
sheet = pc.CalamineWorkbook.from_path(XLSX).get_sheet_by_index(0)
COUNT = sheet.height
""",
    ),
    "sqlite": (
        """
import sqlite3
src = sqlite3.connect(sys.argv[3])
TABLES = ("sectors", "districts", "enterprises", "projects", "status_changes", "project_changes")
TABLES = TABLES[: {"projects": 4, "no-audit": 5}.get(sys.argv[4] if sys.argv[4:] else "", 6)]
DATA = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
src.close()
con = sqlite3.connect(DB, isolation_level=None)
for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
    con.execute("PRAGMA " + pragma)
""",
        """
con.execute("BEGIN")
for table in TABLES:
    rows = DATA[table]
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                          "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    con.execute("PRAGMA threads = 2")
    for _, sql in indexes:
        con.execute(sql)
con.execute("COMMIT")
COUNT = len(DATA["projects"])
""",
    ),
    # The floor's store done the import's way (storage/engine.py): the columns NULL in every row
    # left out of the INSERT (a None binds ten times slower than an int) and 400 rows a statement;
    # the rows are grouped before the clock starts. A tighter floor than the plain one above.
    "sqlite_tight": (
        """
import itertools, sqlite3
src = sqlite3.connect(sys.argv[3])
TABLES = ("sectors", "districts", "enterprises", "projects", "status_changes", "project_changes")
DATA = {}
for t in TABLES:
    rows = src.execute(f"SELECT * FROM {t}").fetchall()
    names = [r[1] for r in src.execute(f"PRAGMA table_info({t})")]
    keep = [j for j in range(len(names)) if any(r[j] is not None for r in rows)]
    rows = [tuple(r[j] for j in keep) for r in rows]
    per = min(400, 32766 // len(keep))
    one = "(" + ", ".join("?" * len(keep)) + ")"
    full = len(rows) - len(rows) % per
    grouped = [tuple(itertools.chain.from_iterable(rows[i : i + per])) for i in range(0, full, per)]
    cols = ", ".join(names[j] for j in keep)
    DATA[t] = ((f"INSERT INTO {t} ({cols}) VALUES {', '.join([one] * per)}", grouped),
               (f"INSERT INTO {t} ({cols}) VALUES {one}", rows[full:]), len(rows))
src.close()
con = sqlite3.connect(DB, isolation_level=None)
for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
    con.execute("PRAGMA " + pragma)
""",
        """
con.execute("BEGIN")
for table in TABLES:
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                          "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    for sql, rows in DATA[table][:2]:
        if rows:
            con.executemany(sql, rows)
    con.execute("PRAGMA threads = 2")
    for _, sql in indexes:
        con.execute(sql)
con.execute("COMMIT")
COUNT = DATA["projects"][2]
""",
    ),
    "pandas": (
        "import sqlite3, pandas as pd",
        """
df = pd.read_excel(XLSX, header=2)
con = sqlite3.connect(DB)
df.to_sql("projects", con, index=False)
con.commit(); con.close()
COUNT = len(df)
""",
    ),
    "import": (
        # As `zqtracker import` does (cli/main.py): the reading server starts, then the database opens.
        """
from zqtracker.io.read_launch import warm
warm()
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.import_mappings import MappingStore
ctx = AppContext.open(DB)
service = ImportService(ctx.database, MappingStore(Path(DB).with_suffix(".json")))
""",
        """
r = service.import_file(XLSX, ImportOptions())
assert r.ok, r.problems[:3]
COUNT = r.added + r.updated + r.unchanged + r.investment_records
""",
    ),
}

# The same import with the reading server started by the import itself (no program start before it).
SCENARIOS["import_cold"] = (SCENARIOS["import"][0].replace("warm()\n", ""), SCENARIOS["import"][1])

RUNNER = """
import json, resource, sys, time
from pathlib import Path
XLSX, DB = sys.argv[1], sys.argv[2]
{setup}
t = time.perf_counter()
{body}
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"seconds": elapsed, "peak_mb": peak / 1024, "count": COUNT}}))
"""


def measure(kind: str, xlsx: Path, db: Path, *extra: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    setup, body = SCENARIOS[kind]
    code = RUNNER.format(setup=setup, body=body)
    done = subprocess.run(
        [sys.executable, "-c", code, str(xlsx), str(db), *map(str, extra)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def empty_database(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from zqtracker.storage.database import open_database

    path = folder / "empty.sqlite"
    open_database(path).close()
    return path


def fresh_copy(template: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/work/bench-data"))
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    parser.add_argument(
        "--quick", action="store_true", help="calamine, the import and the floor only (no pandas, no re-import)"
    )
    args = parser.parse_args(argv)
    projects = args.data / f"projects-{args.size}.xlsx"
    monthly = args.data / f"monthly-{args.size}.xlsx"
    ytd = args.data / f"ytd-{args.size}.xlsx"
    with tempfile.TemporaryDirectory(prefix="zq-bench-") as tmp:
        folder = Path(tmp)
        xlsx = Path(shutil.copy(projects, folder / projects.name))
        template = empty_database(folder)
        best: dict[str, dict] = {}
        for _ in range(args.repeat):
            for kind in ("calamine", "import") if args.quick else ("calamine", "import", "pandas"):
                db = fresh_copy(template, folder, f"{kind}.sqlite") if kind == "import" else folder / f"{kind}.sqlite"
                if kind == "pandas":
                    db.unlink(missing_ok=True)
                result = measure(kind, xlsx, db)
                if kind not in best or result["seconds"] < best[kind]["seconds"]:
                    best[kind] = result
        imported = fresh_copy(template, folder, "again.sqlite")
        measure("import", xlsx, imported)
        if args.quick:
            cal, imp = best["calamine"], best["import"]
            parse = min(
                (measure("parse", xlsx, folder / "x.sqlite") for _ in range(args.repeat)), key=lambda r: r["seconds"]
            )
            store = min((measure("sqlite", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported)
                         for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
            tight = min((measure("sqlite_tight", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported)
                         for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
            floor = parse["seconds"] + store["seconds"]
            print(
                f"calamine {cal['seconds']:.2f} s, import {imp['seconds']:.2f} s ({imp['peak_mb']:.0f} MB): "
                f"{imp['seconds'] / cal['seconds']:.2f}×; floor {parse['seconds']:.2f} + {store['seconds']:.2f} s: "
                f"import {imp['seconds'] / floor:.2f}× the floor; stored the import's way {tight['seconds']:.2f} s: "
                f"{imp['seconds'] / (parse['seconds'] + tight['seconds']):.2f}× that floor"
            )
            return 0
        # re-import of the same file: everything matched, nothing written
        again = min((measure("import", xlsx, imported) for _ in range(args.repeat)), key=lambda r: r["seconds"])
        cold = min((measure("import_cold", xlsx, fresh_copy(template, folder, "cold.sqlite"))
                    for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
        parse = min(
            (measure("parse", xlsx, folder / "x.sqlite") for _ in range(args.repeat)), key=lambda r: r["seconds"]
        )
        store = min((measure("sqlite", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported)
                     for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
        tight = min((measure("sqlite_tight", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported)
                     for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
        alone = min((measure("sqlite", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported, Path("projects"))
                     for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
        plain = min((measure("sqlite", xlsx, fresh_copy(template, folder, "floor.sqlite"), imported, Path("no-audit"))
                     for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
        month = None
        if monthly.exists():
            mxlsx = Path(shutil.copy(monthly, folder / monthly.name))
            runs = []
            for _ in range(args.repeat):
                db = fresh_copy(imported, folder, "monthly.sqlite")
                runs.append(measure("import", mxlsx, db))
            month = min(runs, key=lambda r: r["seconds"])
            base_month = min(
                (measure("calamine", mxlsx, folder / "x.sqlite") for _ in range(args.repeat)),
                key=lambda r: r["seconds"],
            )
        year_to_date = None
        if ytd.exists():  # the October report (当月 and 1-10月累计) into the imported projects
            yxlsx = Path(shutil.copy(ytd, folder / ytd.name))
            year_to_date = min((measure("import", yxlsx, fresh_copy(imported, folder, "ytd.sqlite"))
                                for _ in range(args.repeat)), key=lambda r: r["seconds"])  # fmt: skip
            base_ytd = min((measure("calamine", yxlsx, folder / "x.sqlite") for _ in range(args.repeat)),
                           key=lambda r: r["seconds"])  # fmt: skip
    cal, imp, pds = best["calamine"], best["import"], best["pandas"]
    print(
        f"### Import — {datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, "
        f"{platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f}, best of {args.repeat}\n"
    )
    print("| what | rows | seconds | peak MB | ratio |")
    print("|---|---:|---:|---:|---|")
    print(
        f"| python-calamine reads the values ({projects.name}) | {cal['count']:,} | {cal['seconds']:.2f} | "
        f"{cal['peak_mb']:.0f} | 1.00× (baseline) |"
    )
    print(
        f"| **zqtracker import** into an empty database (parse, validate, match, write) | {imp['count']:,} | "
        f"{imp['seconds']:.2f} | {imp['peak_mb']:.0f} | {imp['seconds'] / cal['seconds']:.2f}× calamine |"
    )
    print(
        f"| pandas.read_excel + to_sql | {pds['count']:,} | {pds['seconds']:.2f} | {pds['peak_mb']:.0f} | "
        f"zqtracker is **{pds['seconds'] / imp['seconds']:.1f}× faster** (target ≥ 5×) |"
    )
    print(
        f"| zqtracker re-import of the same file (all matched, nothing written) | {again['count']:,} | "
        f"{again['seconds']:.2f} | {again['peak_mb']:.0f} | {again['seconds'] / cal['seconds']:.2f}× calamine |"
    )
    print(
        f"| zqtracker import, its reading server started by the import itself (not while the database opens, "
        f"as `zqtracker import` starts it) | {cold['count']:,} | {cold['seconds']:.2f} | {cold['peak_mb']:.0f} | "
        f"{cold['seconds'] / cal['seconds']:.2f}× calamine; pandas {pds['seconds'] / cold['seconds']:.1f}× slower |"
    )
    floor = parse["seconds"] + store["seconds"]
    print(
        f"| floor, part 1: python-calamine's parse alone (no Python values) | {parse['count']:,} | "
        f"{parse['seconds']:.2f} | {parse['peak_mb']:.0f} | {parse['seconds'] / cal['seconds']:.2f}× calamine |"
    )
    print(
        f"| floor, part 2: SQLite storing the import's rows, pre-built (raw sqlite3, same schema; references, "
        f"projects, status history, audit trail) | "
        f"{store['count']:,} | {store['seconds']:.2f} | {store['peak_mb']:.0f} | "
        f"{store['seconds'] / cal['seconds']:.2f}× calamine |"
    )
    print(
        f"| floor: parse + store, no checking at all | | {floor:.2f} | | {floor / cal['seconds']:.2f}× calamine; "
        f"the import is **{imp['seconds'] / floor:.2f}× the floor** (target ≤ 1.25×, issue 13) |"
    )
    before = parse["seconds"] + plain["seconds"]
    print(
        f"| floor as measured before 2026-12-04: part 2 without the audit trail's rows | {plain['count']:,} | "
        f"{plain['seconds']:.2f} | {plain['peak_mb']:.0f} | parse + this: {before:.2f} s; the import is "
        f"{imp['seconds'] / before:.2f}× this floor |"
    )
    tight_floor = parse["seconds"] + tight["seconds"]
    print(
        f"| floor, part 2 stored the import's way (columns empty in every row left out, 400 rows a statement) | "
        f"{tight['count']:,} | {tight['seconds']:.2f} | {tight['peak_mb']:.0f} | parse + this: {tight_floor:.2f} s; "
        f"the import is **{imp['seconds'] / tight_floor:.2f}× this tighter floor** |"
    )
    print(
        f"| floor without the status history: SQLite storing the project rows alone | {alone['count']:,} | "
        f"{alone['seconds']:.2f} | {alone['peak_mb']:.0f} | parse + this: "
        f"{(parse['seconds'] + alone['seconds']) / cal['seconds']:.2f}× calamine |"
    )
    if month is not None:
        print(
            f"| zqtracker import of {monthly.name} (wide monthly records) | {month['count']:,} | "
            f"{month['seconds']:.2f} | {month['peak_mb']:.0f} | {month['seconds'] / base_month['seconds']:.2f}× "
            f"calamine on that file ({base_month['seconds']:.2f} s) |"
        )
    if year_to_date is not None:
        print(
            f"| zqtracker import of {ytd.name} (10月 and 1-10月累计 of each project) | {year_to_date['count']:,} | "
            f"{year_to_date['seconds']:.2f} | {year_to_date['peak_mb']:.0f} | "
            f"{year_to_date['seconds'] / base_ytd['seconds']:.2f}× calamine on that file "
            f"({base_ytd['seconds']:.2f} s) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
