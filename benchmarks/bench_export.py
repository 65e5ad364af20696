"""Benchmark: exporting 100k projects (with monthly records and summary sheets) to .xlsx.

    python3 benchmarks/bench_export.py                      # prints a markdown table
    python3 benchmarks/bench_export.py --data benchmarks/data/projects-10000.sqlite --repeat 3

Each variant runs in its own process (so each peak memory is its own) on a private copy of the
database, in the same run, one after the other:

  zqtracker   ExportService.export: read the database, Projects + Monthly investment sheets with
              styles and formats, summaries by status/sector/district, YTD/YoY table, chart,
              overview, properties, temporary file renamed into place — what the user waits for.
  xlsxwriter  the baseline of the issue: xlsxwriter in constant_memory mode writing the same cell
              values (read and converted before the clock starts) with plain write_string /
              write_number calls, no formats, no summaries.
  pandas      DataFrame.to_excel of the same values (the frames built before the clock starts).

Targets (issue 5): zqtracker ≤ 1.3 × xlsxwriter, faster than pandas, peak memory ≤ 400 MB,
progress reported throughout (the longest silence between two progress reports is shown).
With --repeat N the variants take turns (round robin) and each keeps its best run; CPU seconds
are shown beside wall seconds because on a shared machine they are the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = [
    ROOT / "benchmarks" / "data" / "projects-100000.sqlite",
    Path("/work/bench-data/projects-100000.sqlite"),
]
VARIANTS = ("zqtracker", "xlsxwriter", "pandas")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the cell values, as the export writes them (for the baselines) ------------------------------
def cell_values(db_path: Path) -> tuple[list[str], list[list], list[str], list[list]]:
    """Projects and monthly rows as the exact values zqtracker's export writes into cells."""
    from zqtracker.domain.money import Unit
    from zqtracker.io.cells import excel_serial
    from zqtracker.io.columns import BY_FIELD, EXPORT_PROJECT_FIELDS, Kind, bool_label, header_text
    from zqtracker.services.context import AppContext
    from zqtracker.storage.export_queries import PROJECT_VALUE_FIELDS, iter_investment, iter_project_values

    unit, lang = Unit.YI, "zh"
    ctx = AppContext.open(db_path)
    index = [PROJECT_VALUE_FIELDS.index(f) for f in EXPORT_PROJECT_FIELDS]
    kinds = [BY_FIELD[f].kind for f in EXPORT_PROJECT_FIELDS]

    def value(kind: Kind, v: object) -> object:
        if v is None or v == "":
            return None
        if kind is Kind.MONEY:
            return v / unit.factor  # type: ignore[operator]
        if kind is Kind.DECIMAL:
            return float(v)  # type: ignore[arg-type]
        if kind is Kind.DATE:
            return excel_serial(v)  # type: ignore[arg-type]
        if kind is Kind.BOOL:
            return bool_label(v, lang)  # type: ignore[arg-type]
        if kind in (Kind.STATUS, Kind.PROJECT_TYPE, Kind.INVESTOR_ORIGIN):
            return v.label(lang)  # type: ignore[attr-defined]
        return v

    projects: list[list] = []
    keys: dict[int, tuple] = {}
    monthly: list[list] = []
    with ctx.database.session() as s:
        for batch in iter_project_values(s):
            for row in batch:
                projects.append([value(k, row[i]) for k, i in zip(kinds, index, strict=True)])
                keys[row[0]] = (row[1], row[2], row[6])
        for batch in iter_investment(s):
            for pid, y, m, amount in batch:
                monthly.append([*keys[pid], excel_serial(date(y, m, 1)), amount / unit.factor])
    ctx.close()
    headers = [header_text(BY_FIELD[f], lang, unit.label(lang)) for f in EXPORT_PROJECT_FIELDS]
    monthly_headers = [
        header_text(BY_FIELD[f], lang, unit.label(lang)) for f in ("code", "name", "district", "month", "amount")
    ]
    return headers, projects, monthly_headers, monthly


# -- the variants (each in its own process) -------------------------------------------------------
def run_zqtracker(db: Path, out: Path) -> dict:
    from zqtracker.domain.money import Unit
    from zqtracker.services.context import AppContext
    from zqtracker.services.exporting import ExportOptions, ExportService
    from zqtracker.services.progress import Progress

    ctx = AppContext.open(db)
    stamps: list[float] = []
    progress = Progress(lambda done, total, text: stamps.append(time.perf_counter()))
    started, cpu = time.perf_counter(), time.process_time()
    result = ExportService(ctx.database).export(out, ExportOptions(lang="zh", unit=Unit.YI), progress)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    ctx.close()
    gaps = [b - a for a, b in zip([started, *stamps], [*stamps, started + seconds], strict=True)]
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak_mb(),
        "rows": result.projects + result.investment_records,
        "reports": len(stamps),
        "longest_silence": max(gaps),
        "bytes": out.stat().st_size,
    }


def run_xlsxwriter(db: Path, out: Path) -> dict:
    import xlsxwriter

    headers, projects, monthly_headers, monthly = cell_values(db)
    started, cpu = time.perf_counter(), time.process_time()
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    for name, head, rows in (("项目清单", headers, projects), ("月度完成投资", monthly_headers, monthly)):
        ws = wb.add_worksheet(name)
        string, number = ws.write_string, ws.write_number
        for c, h in enumerate(head):
            string(0, c, h)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if v.__class__ is str:
                    string(r, c, v)
                else:
                    number(r, c, v)
    wb.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "rows": len(projects) + len(monthly),
            "bytes": out.stat().st_size}  # fmt: skip


def run_pandas(db: Path, out: Path) -> dict:
    import pandas as pd

    headers, projects, monthly_headers, monthly = cell_values(db)
    frames = (
        ("项目清单", pd.DataFrame(projects, columns=headers)),
        ("月度完成投资", pd.DataFrame(monthly, columns=monthly_headers)),
    )
    del projects, monthly
    started, cpu = time.perf_counter(), time.process_time()
    with pd.ExcelWriter(out) as writer:
        for name, frame in frames:
            frame.to_excel(writer, sheet_name=name, index=False)
        engine = writer.engine
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak_mb(),
        "rows": sum(len(f) for _, f in frames),
        "engine": engine,
        "bytes": out.stat().st_size,
    }


def child(variant: str, db: Path, out: Path) -> None:
    result = {"zqtracker": run_zqtracker, "xlsxwriter": run_xlsxwriter, "pandas": run_pandas}[variant](db, out)
    print(json.dumps(result))


# -- the driver --------------------------------------------------------------------------------
def measure(variant: str, source: Path, work: Path) -> dict:
    db = work / f"{variant}.sqlite"
    shutil.copy(source, db)
    out = work / f"{variant}.xlsx"
    proc = subprocess.run(
        [sys.executable, __file__, "--child", variant, "--data", str(db), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode != 0:
        raise SystemExit(f"{variant} failed:\n{proc.stderr}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    out.unlink(missing_ok=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="benchmark database (default: the 100k data set)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant; the best time counts")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.data, args.out)
        return 0
    source = args.data or next((p for p in DEFAULT_DATA if p.exists()), None)
    if source is None or not source.exists():
        print("No benchmark data: run `python3 benchmarks/make_data.py` first (or pass --data).", file=sys.stderr)
        return 2
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        for _ in range(args.repeat):
            for variant in args.variants:
                r = measure(variant, source, Path(tmp))
                print(f"{variant}: {r['seconds']:.1f} s, {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
                if variant not in results or r["seconds"] < results[variant]["seconds"]:
                    results[variant] = r
    base = results.get("xlsxwriter", {}).get("seconds")
    base_cpu = results.get("xlsxwriter", {}).get("cpu")
    print(
        f"Export benchmark — {source.name}, {date.today().isoformat()}, {platform.node()} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()}), best of {args.repeat}\n"
    )
    print("| variant | rows written | seconds | × xlsxwriter | CPU s | CPU × xlsxwriter | peak MB | notes |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for variant in args.variants:
        r = results[variant]
        ratio = f"{r['seconds'] / base:.2f}" if base else "—"
        cpu_ratio = f"{r['cpu'] / base_cpu:.2f}" if base_cpu else "—"
        notes = ""
        if variant == "zqtracker":
            notes = f"{r['reports']} progress reports, longest silence {r['longest_silence']:.1f} s"
        elif variant == "pandas":
            notes = f"engine {r['engine']}"
        print(
            f"| {variant} | {r['rows']:,} | {r['seconds']:.1f} | {ratio} | {r['cpu']:.1f} | {cpu_ratio} "
            f"| {r['peak_mb']:.0f} | {notes} |"
        )
    if "zqtracker" in results and base and "pandas" in results:
        z = results["zqtracker"]
        ok = z["seconds"] <= 1.3 * base and z["seconds"] < results["pandas"]["seconds"] and z["peak_mb"] <= 400
        print(f"\nTargets (≤ 1.3 × xlsxwriter, faster than pandas, ≤ 400 MB): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
