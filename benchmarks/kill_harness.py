"""kill -9 at random moments: every long write is all-or-nothing (issue #16).

    python benchmarks/kill_harness.py                      # 20 kills per operation, 5,000 projects
    python benchmarks/kill_harness.py --kills 40 --projects 20000 --out /tmp/kills

For each operation — import (merge), import (replace), export, schema upgrade, bulk status change —
the harness first runs it once to the end on a fresh copy of the database (its duration and the
database's "after" state), then again and again on fresh copies, each time killing the child
process with SIGKILL at a random moment of that duration, and checks:

- ``PRAGMA integrity_check`` says ok;
- the database is exactly as before or exactly as after (row counts of every table, the sum of
  the projects' versions, the schema revision);
- an export is complete (a workbook whose Projects sheet has every project) or absent (the file
  that was there before, byte for byte);
- the next start (``zqtracker db check``) succeeds and leaves no temporary file behind: no hidden
  ``.~…tmp`` beside the export, no ``.part`` in the backups folder, nothing in zqtracker's own
  temporary folder.

Prints one line per kill and a table; ``--json`` writes the numbers. tests/test_kill_harness.py
runs a small version of it in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("projects", "status_changes", "investment_records", "annual_plans", "sectors", "districts", "enterprises")

BULK_CHANGE = """
import sys
from datetime import date
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
ctx = AppContext.open(sys.argv[1])
ids = [r.id for r in ctx.projects.list_rows()]
ctx.projects.change_status(ids, Status.ON_HOLD, date(2024, 1, 31), "harness")
"""


@dataclass
class Outcome:
    operation: str
    kills: int = 0
    before: int = 0
    after: int = 0
    failures: list[str] = field(default_factory=list)
    while_writing: int = 0  # kills that landed once the database's write-ahead log had content
    finished_first: int = 0  # drawn moments after the child had already finished (not kills)
    exports_complete: int = 0
    exports_previous: int = 0
    leftovers_after_kill: int = 0
    leftovers_after_next_start: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "operation": self.operation,
            "kills": self.kills,
            "while_writing": self.while_writing,
            "finished_before_the_kill": self.finished_first,
            "exports_complete": self.exports_complete,
            "exports_previous_file": self.exports_previous,
            "before": self.before,
            "after": self.after,
            "failures": self.failures,
            "temporary_files_right_after_kills": self.leftovers_after_kill,
            "temporary_files_after_next_start": self.leftovers_after_next_start,
            "uninterrupted_seconds": round(self.seconds, 2),
        }


def signature(path: Path) -> tuple:
    con = sqlite3.connect(path)
    try:
        counts = tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
        versions = con.execute("SELECT coalesce(sum(version), 0) FROM projects").fetchone()[0]
        schema = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return (*counts, versions, schema)
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "; ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


class Harness:
    def __init__(self, work: Path, projects: int, seed: int = 7) -> None:
        self.work, self.projects, self.random = work, projects, random.Random(seed)
        self.data_home = work / "data"
        self.env = {**os.environ, "XDG_DATA_HOME": str(self.data_home), "ZQTRACKER_LANG": "en", "PYTHONPATH": str(ROOT)}
        self.env.pop("ZQTRACKER_DB", None)

    # -- data ------------------------------------------------------------------------------
    def prepare(self) -> None:
        sys.path.insert(0, str(ROOT))
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from make_data import make_database, make_projects_xlsx

        from zqtracker.services.context import AppContext

        self.base = self.work / "base.sqlite"
        make_database(self.base, self.projects, seed=2023)
        other = self.work / "other.sqlite"
        make_database(other, max(self.projects // 2, 50), seed=99)
        ctx = AppContext.open(other, daily_backup=False)
        self.book = self.work / "incoming.xlsx"
        make_projects_xlsx(ctx, self.book)
        ctx.close()
        self.old = self.work / "old-schema.sqlite"
        shutil.copy(self.base, self.old)
        _downgrade(self.old, "0001")
        self.previous_export = self.work / "previous.xlsx"
        self.previous_export.write_bytes(b"PK the export of last month (stand-in bytes)")

    # -- operations ------------------------------------------------------------------------
    def operations(self) -> dict[str, tuple[Path, list[str]]]:
        zq = [sys.executable, "-m", "zqtracker.launcher"]
        return {
            "import merge": (self.base, [*zq, "--db", "{db}", "import", str(self.book), "--skip-invalid"]),
            "import replace": (self.base, [*zq, "--db", "{db}", "import", str(self.book), "--mode", "replace"]),
            "export": (self.base, [*zq, "--db", "{db}", "export", "{out}"]),
            "upgrade": (self.old, [*zq, "--db", "{db}", "db", "upgrade"]),
            "bulk change": (self.base, [sys.executable, "-c", BULK_CHANGE, "{db}"]),
        }

    def fresh(self, source: Path, name: str) -> tuple[Path, Path]:
        folder = self.work / "runs" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        db = folder / "db.sqlite"
        shutil.copy(source, db)
        out = folder / "export.xlsx"
        shutil.copy(self.previous_export, out)
        return db, out

    def run_one(self, name: str, kills: int, log=print) -> Outcome:
        source, argv = self.operations()[name]
        outcome = Outcome(name)
        db, out = self.fresh(source, "uninterrupted")
        before = signature(db)
        started = time.monotonic()
        done = subprocess.run(self._argv(argv, db, out), env=self.env, capture_output=True, text=True, check=False)
        outcome.seconds = time.monotonic() - started
        if done.returncode != 0:
            outcome.failures.append(f"uninterrupted run failed: {done.stderr.strip()[:300]}")
            return outcome
        after = signature(db)
        i = 0
        while outcome.kills < kills and i < kills * 3:
            i += 1
            db, out = self.fresh(source, f"kill-{i}")
            # Every other kill lands in the last 40% of the run, where the writing happens (the
            # first part is Python starting and the file being read), the others anywhere.
            low = 0.05 if i % 2 == 0 else 0.6 * outcome.seconds
            delay = self.random.uniform(low, outcome.seconds)
            child = subprocess.Popen(
                self._argv(argv, db, out), env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(delay)
            wal = db.with_name(db.name + "-wal")
            writing = wal.exists() and wal.stat().st_size > 0  # the operation had begun to write
            if child.poll() is not None:  # it finished first: not a kill, draw another moment
                outcome.finished_first += 1
                continue
            child.send_signal(signal.SIGKILL)
            child.wait()
            outcome.kills += 1
            outcome.while_writing += writing
            verdict = self.check(name, db, out, before, after, outcome)
            during = " (while writing)" if writing else ""
            log(f"{name}: kill {outcome.kills}/{kills} at {delay:.2f}s of {outcome.seconds:.2f}s{during} → {verdict}")
        return outcome

    def check(self, name: str, db: Path, out: Path, before: tuple, after: tuple, outcome: Outcome) -> str:
        state = integrity(db)
        if state != "ok":
            outcome.failures.append(f"integrity: {state[:200]}")
            return "DAMAGED"
        now = signature(db)
        if now == before:
            verdict = "before"
            outcome.before += 1
        elif now == after:
            verdict = "after"
            outcome.after += 1
        else:
            outcome.failures.append(f"neither before nor after: {now} (before {before}, after {after})")
            return "NEITHER"
        if name == "export":
            problem = self.export_problem(out, after[0])
            if problem:
                outcome.failures.append(problem)
                return "BROKEN EXPORT"
            previous = out.read_bytes() == self.previous_export.read_bytes()
            outcome.exports_previous += previous
            outcome.exports_complete += not previous
            verdict += ", previous file" if previous else ", complete workbook"
        outcome.leftovers_after_kill += len(self.leftovers(out.parent))
        again = subprocess.run(
            self._argv([sys.executable, "-m", "zqtracker.launcher", "--db", "{db}", "db", "check"], db, out),
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if again.returncode != 0:
            outcome.failures.append(f"next start: db check exit {again.returncode}: {again.stdout[-200:]}")
        left = self.leftovers(out.parent)
        outcome.leftovers_after_next_start += len(left)
        if left:
            outcome.failures.append(f"left after the next start: {[str(p) for p in left][:3]}")
        return verdict

    def export_problem(self, out: Path, projects: int) -> str:
        if out.read_bytes() == self.previous_export.read_bytes():
            return ""
        try:
            with zipfile.ZipFile(out) as z:
                if z.testzip() is not None:
                    return "export: a damaged member"
            import openpyxl

            book = openpyxl.load_workbook(out, read_only=True)
            rows = sum(1 for _ in book.worksheets[1].iter_rows()) if len(book.worksheets) > 1 else 0
            book.close()
        except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
            return f"export: not a complete workbook ({type(exc).__name__}: {exc})"
        return "" if rows >= projects else f"export: {rows} rows for {projects} projects"

    def leftovers(self, folder: Path) -> list[Path]:
        found = [p for p in folder.iterdir() if p.name.startswith(".~") or p.name.endswith(".part")]
        backups = self.data_home / "zqtracker" / "backups"
        if backups.exists():
            found += [p for p in backups.rglob("*.part")]
        tmp = self.data_home / "zqtracker" / "tmp"
        if tmp.exists():
            found += [p for p in tmp.rglob("*") if p.is_file()]
        return found

    @staticmethod
    def _argv(argv: list[str], db: Path, out: Path) -> list[str]:
        return [a.replace("{db}", str(db)).replace("{out}", str(out)) for a in argv]


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from zqtracker.storage.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    incomplete = "SELECT id FROM projects WHERE sector_id IS NULL OR district_id IS NULL OR planned_investment IS NULL"
    with engine.begin() as conn:
        # Schemas before 0003 require sector, district and amount: the projects without them (the
        # demo's negotiating leads) cannot go back, and the downgrade refuses while they exist.
        for table in ("status_changes", "investment_records", "annual_plans"):
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE project_id IN ({incomplete})")
        conn.exec_driver_sql(f"DELETE FROM projects WHERE id IN ({incomplete})")
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="kills per operation (default 20)")
    parser.add_argument("--projects", type=int, default=5000, help="projects in the database (default 5,000)")
    parser.add_argument("--only", action="append", help="one operation (repeatable)")
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one, removed)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    work = args.out or Path(tempfile.mkdtemp(prefix="zq-kills-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        harness = Harness(work, args.projects, args.seed)
        harness.prepare()
        results = [harness.run_one(name, args.kills) for name in (args.only or harness.operations())]
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"\n{'operation':<16} {'kills':>5} {'writing':>7} {'before':>6} {'after':>6} {'failed':>6} {'tmp left':>8} "
        f"{'run s':>6}"
    )
    for r in results:
        print(
            f"{r.operation:<16} {r.kills:>5} {r.while_writing:>7} {r.before:>6} {r.after:>6} {len(r.failures):>6} "
            f"{r.leftovers_after_next_start:>8} {r.seconds:>6.1f}"
        )
        if r.exports_complete or r.exports_previous:
            print(
                f"    the export after the kills: {r.exports_complete} complete, {r.exports_previous} the previous file"
            )
        if r.finished_first:
            print(f"    {r.finished_first} drawn moment(s) fell after the run had finished (drawn again)")
        for failure in r.failures[:5]:
            print(f"    {failure}")
    if args.json:
        args.json.write_text(json.dumps([r.to_json() for r in results], indent=2), encoding="utf-8")
    return 1 if any(r.failures for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
