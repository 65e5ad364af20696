"""Generate the benchmark data sets: 10k and 100k projects, as a database and as .xlsx files.

    python benchmarks/make_data.py            # both sizes into benchmarks/data/
    python benchmarks/make_data.py --sizes 100000 --out /tmp/zq

Seeded: the same command always writes the same data. Each size N gives
  projects-N.sqlite   the demo generator's data set scaled to N projects, with monthly records
                      (construction start to production, 12–36 months for the active ones)
  projects-N.xlsx     the same projects as a district would send them: title row, unit line,
                      Chinese headers with units, 序号 column, a 合计 row and a note under the table
  monthly-N.xlsx      completed investment of 2023 in the wide shape (one column per month, 万元)
  ytd-N.xlsx          the October 2023 report: 10月 and 1-10月累计 completed investment (万元) per project
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zqtracker.services.context import AppContext  # noqa: E402
from zqtracker.services.demo import write_demo  # noqa: E402
from zqtracker.storage.database import open_database  # noqa: E402

HEADERS = [
    "序号", "项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（万元）",
    "用地面积（亩）", "签约时间", "开工时间", "投产时间", "是否重点项目", "备注",
]  # fmt: skip


def make_database(path: Path, n: int, seed: int = 2023) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    write_demo(db, n, seed=seed)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def make_projects_xlsx(ctx: AppContext, path: Path) -> int:
    import xlsxwriter

    rows = ctx.projects.list_rows()
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("项目清单")
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["2023年肇庆市制造业招商引资项目清单（基准测试数据）"])
    ws.write_row(1, 0, ["填报单位：市投资促进局", "", "", "", "", "", "", "单位：万元"])
    ws.write_row(2, 0, HEADERS)
    r = 3
    total = 0
    for i, p in enumerate(rows, start=1):
        total += p.planned_investment or 0
        ws.write_number(r, 0, i)
        ws.write_string(r, 1, p.code or "")
        ws.write_string(r, 2, p.name)
        ws.write_string(r, 3, p.enterprise or "")
        ws.write_string(r, 4, p.sector or "")  # the demo's leads may lack sector, district or amount
        ws.write_string(r, 5, p.district or "")
        ws.write_string(r, 6, p.status.label("zh"))
        if p.planned_investment is not None:
            ws.write_number(r, 7, p.planned_investment / 10_000)
        if p.land_area_mu is not None:
            ws.write_number(r, 8, float(p.land_area_mu))
        for c, d in ((9, p.signed_on), (10, p.construction_start_on), (11, p.production_on)):
            if d is not None:
                ws.write_datetime(r, c, d, date_fmt)
        ws.write_string(r, 12, "是" if p.is_key_project else "否")
        ws.write_string(r, 13, "")
        r += 1
    ws.write_row(r, 0, ["合计", "", "", "", "", "", "", total / 10_000])
    ws.write_row(r + 2, 0, ["注：本表为基准测试生成数据。"])
    wb.close()
    return len(rows)


def make_monthly_xlsx(ctx: AppContext, path: Path, year: int = 2023) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet(f"{year}年月度完成投资")
    ws.write_row(0, 0, [f"{year}年重点项目月度完成投资（单位：万元）"])
    ws.write_row(1, 0, ["项目编号", "项目名称", *[f"{m}月" for m in range(1, 13)]])
    by_project = months_of(ctx, year)
    rows = {r.id: r for r in ctx.projects.list_rows()}
    r = 2
    for pid, months in by_project.items():
        if not months:
            continue
        ws.write_string(r, 0, rows[pid].code or "")
        ws.write_string(r, 1, rows[pid].name)
        for m, amount in months.items():
            ws.write_number(r, 1 + m, amount / 10_000)
        r += 1
    wb.close()
    return r - 2


def make_ytd_xlsx(ctx: AppContext, path: Path, year: int = 2023, month: int = 10) -> int:
    """A month's report of years to date, as districts send it: 当月 beside 1-X月累计 (万元)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet(f"{month}月")
    ws.write_row(0, 0, [f"{year}年1-{month}月重点项目完成投资情况表（单位：万元）"])
    ws.write_row(1, 0, ["序号", "项目编号", "项目名称", f"{month}月完成投资", f"1-{month}月累计完成投资"])
    rows = {r.id: r for r in ctx.projects.list_rows()}
    r = 2
    for pid, months in months_of(ctx, year).items():
        ytd = sum(v for m, v in months.items() if m <= month)
        if not ytd:
            continue
        ws.write_row(r, 0, [r - 1, rows[pid].code or "", rows[pid].name, months.get(month, 0) / 10_000, ytd / 10_000])
        r += 1
    wb.close()
    return r - 2


def months_of(ctx: AppContext, year: int) -> dict[int, dict[int, int]]:
    """{project id: {month: yuan}} of ``year``, every project listed."""
    from sqlalchemy import select

    from zqtracker.storage.project_list import ProjectListReader
    from zqtracker.storage.tables import InvestmentRow

    by_project: dict[int, dict[int, int]] = {}
    with ctx.database.session() as s:
        for row in ProjectListReader(s).list_rows():
            by_project.setdefault(row.id, {})
        for pid, m, amount in s.execute(
            select(InvestmentRow.project_id, InvestmentRow.month, InvestmentRow.amount).where(
                InvestmentRow.year == year
            )
        ):
            by_project[pid][m] = amount
    return by_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        db_path = args.out / f"projects-{n}.sqlite"
        t = time.perf_counter()
        make_database(db_path, n, args.seed)
        print(f"{db_path}: {n} projects in {time.perf_counter() - t:.1f} s", flush=True)
        ctx = AppContext.open(db_path)
        t = time.perf_counter()
        count = make_projects_xlsx(ctx, args.out / f"projects-{n}.xlsx")
        print(f"{args.out / f'projects-{n}.xlsx'}: {count} rows in {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        count = make_monthly_xlsx(ctx, args.out / f"monthly-{n}.xlsx")
        print(f"{args.out / f'monthly-{n}.xlsx'}: {count} rows in {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        count = make_ytd_xlsx(ctx, args.out / f"ytd-{n}.xlsx")
        print(f"{args.out / f'ytd-{n}.xlsx'}: {count} rows in {time.perf_counter() - t:.1f} s", flush=True)
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
