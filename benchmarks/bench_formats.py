"""A 1,000-row district file in every format the import reads, from choosing it to a preview on
screen (issue 13: ≤ 1 s), and the reading alone; and the .xlsx read of a large file, to show that
the other formats' facts cost the .xlsx path nothing it did not pay before.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_formats.py [--rows 1000] [--repeat 5]

Files: .xlsx by openpyxl, .xls by xlwt, .ods by odfpy, .xlsb by tests/xlsb_writer.py's records
(neither a Python library nor LibreOffice writes .xlsb), CSV (UTF-8 and GB18030), a web page's table
and Excel 2003 XML named .xls (what web systems' "export to Excel" write); when LibreOffice
is installed (`soffice`), also Calc's .xls, .ods and .xlsx of the same list. "Preview" is the import
dialog (the real widget, offscreen) from ``open_path`` until its table shows the checked rows, in
a fresh process per format so that nothing is warm that a user's first import would not have.
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
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["序号", "项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）",
          "用地面积（亩）", "签约时间", "是否重点项目"]  # fmt: skip
SECTORS = ["新型储能", "汽车零部件", "金属新材料", "绿色食品", "电子信息"]
STATUSES = ["在建", "签约", "洽谈中", "投产", "前期"]


def rows(n: int) -> list[list]:
    return [
        [
            i,
            f"GY-{i:05d}",
            f"高要区第{i}号项目",
            f"肇庆第{i}号实业有限公司",
            SECTORS[i % 5],
            "高要区",
            STATUSES[i % 5],
            round(0.5 + i % 97 * 0.37, 2),
            10 + i % 300,
            date(2020 + i % 4, 1 + i % 12, 1 + i % 28),
            "是" if i % 7 else "否",
        ]
        for i in range(1, n + 1)
    ]


def title() -> list[list]:
    return [["2023年高要区招商引资项目清单"], ["填报单位：高要区投资促进局"]]


def write_xlsx(path: Path, n: int) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目清单"
    for r in [*title(), HEADER, *rows(n)]:
        ws.append(r)
    ws.merge_cells("A1:K1")
    for r in range(4, n + 4):
        ws.cell(row=r, column=10).number_format = "yyyy-mm-dd"
    wb.save(path)
    return path


def write_xls(path: Path, n: int) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("项目清单")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 10, title()[0][0])
    ws.write(1, 0, title()[1][0])
    for r, row in enumerate([HEADER, *rows(n)], start=2):
        for c, v in enumerate(row):
            if isinstance(v, date):
                ws.write(r, c, datetime(v.year, v.month, v.day), day)
            else:
                ws.write(r, c, v)
    wb.save(str(path))
    return path


def write_ods(path: Path, n: int) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="项目清单")
    for row in [*title(), HEADER, *rows(n)]:
        tr = TableRow()
        for v in row:
            if isinstance(v, date):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
            elif isinstance(v, (int, float)):
                cell = TableCell(valuetype="float", value=v)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_csv(path: Path, n: int, encoding: str = "utf-8") -> Path:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    for row in [HEADER, *rows(n)]:
        writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_html(path: Path, n: int) -> Path:
    """A web system's "export to Excel": an HTML table named .xls, GBK as a Chinese JSP writes it,
    Excel's x:num behind the amounts shown with two decimals."""
    import html

    def cell(v: object) -> str:
        if isinstance(v, float):
            return f'<td x:num="{v}">{v:,.2f}</td>'
        return f"<td>{html.escape(v.isoformat() if isinstance(v, date) else str(v))}</td>"

    head = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "\n".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in rows(n))
    page = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset=gb2312"></head><body><h3>{title()[0][0]}</h3><p>{title()[1][0]}</p>'
        f'<table border="1"><tr>{head}</tr>\n{body}</table></body></html>'
    )
    path.write_bytes(page.encode("gb18030"))
    return path


def write_xml2003(path: Path, n: int) -> Path:
    """The other "export to Excel" of web systems: Excel 2003 XML (SpreadsheetML) named .xls."""
    from xml.sax.saxutils import escape

    def cell(v: object) -> str:
        if isinstance(v, date):
            return f'<Cell><Data ss:Type="DateTime">{v.isoformat()}T00:00:00.000</Data></Cell>'
        kind = "Number" if isinstance(v, (int, float)) else "String"
        return f'<Cell><Data ss:Type="{kind}">{escape(str(v))}</Data></Cell>'

    lines = [f'<Row><Cell ss:MergeAcross="10"><Data ss:Type="String">{title()[0][0]}</Data></Cell></Row>',
             f'<Row><Cell><Data ss:Type="String">{title()[1][0]}</Data></Cell></Row>',
             "<Row>" + "".join(map(cell, HEADER)) + "</Row>",
             *("<Row>" + "".join(map(cell, row)) + "</Row>" for row in rows(n))]  # fmt: skip
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="项目清单"><Table>\n'
        + "\n".join(lines)
        + "\n</Table></Worksheet></Workbook>\n",
        encoding="utf-8",
    )
    return path


def write_xlsb(path: Path, n: int) -> Path:
    """Records written by tests/xlsb_writer.py (no library or LibreOffice writes .xlsb)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from xlsb_writer import write_xlsb as write

    return write(path, "项目清单", [*title(), HEADER, *rows(n)], merges=[(0, 0, 0, 10)])


def calc_copies(source: Path, folder: Path) -> list[Path]:
    """The same list saved by LibreOffice Calc as .xls, .ods and .xlsx (when soffice exists)."""
    if shutil.which("soffice") is None:
        return []
    made = []
    for fmt in ("xls", "ods", "xlsx"):
        out = folder / f"calc-{fmt}"
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", fmt,
                        "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=600)  # fmt: skip
        target = folder / f"calc_district.{fmt}"
        shutil.move(next(out.iterdir()), target)
        made.append(target)
    return made


PREVIEW = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QUndoStack
app = QApplication([])
from zqtracker.io.reader import read_workbook
from zqtracker.services.context import AppContext
from zqtracker.ui.import_dialog import ImportDialog
from zqtracker.ui.events import DataEvents
path, db = Path(sys.argv[1]), Path(sys.argv[2])
ctx = AppContext.open(db)
t = time.perf_counter()
book = read_workbook(path)
read_s = time.perf_counter() - t
dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, None, lang="zh")
dialog.show()
app.processEvents()
t = time.perf_counter()
dialog.open_path(path)
while dialog.is_busy() or dialog.analysis is None or dialog.preview.model.rowCount() == 0:
    app.processEvents()
    time.sleep(0.001)
app.processEvents()
preview_s = time.perf_counter() - t
print(json.dumps({"kind": book.kind, "read_s": read_s, "preview_s": preview_s, "rows": dialog.preview.model.rowCount(),
                  "added": dialog.analysis.added}))
"""


BIG = r"""
import json, sys, time, zipfile
from pathlib import Path
from zqtracker.io.reader import read_workbook
from zqtracker.io.xlsx_package import _cell_marks, sheet_parts
path = Path(sys.argv[1])
t = time.perf_counter()
book = read_workbook(path)
read_s = time.perf_counter() - t
t = time.perf_counter()
with zipfile.ZipFile(path) as zf:
    parts, _ = sheet_parts(zf)
    found = sum(len(_cell_marks(zf, part)) for part in parts.values())
scan_s = time.perf_counter() - t
print(json.dumps({"read_s": read_s, "scan_s": scan_s, "rows": len(book.sheets[0].rows), "errors": found}))
"""


def write_big_xlsx(path: Path, n: int) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("项目清单")
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate([*title(), HEADER, *rows(n)]):
        for c, v in enumerate(row):
            if isinstance(v, date):
                ws.write_datetime(r, c, datetime(v.year, v.month, v.day), day)
            else:
                ws.write(r, c, v)
    wb.close()
    return path


def measure_big(path: Path, repeat: int) -> tuple[float, float, int]:
    """The whole read of a large .xlsx and, of it, the search for error cells (best of ``repeat``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", BIG, str(path)], env=env, capture_output=True, text=True, timeout=600, check=True
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(r["read_s"] for r in runs), min(r["scan_s"] for r in runs), runs[0]["rows"]


def measure(path: Path, db: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PREVIEW, str(path), str(db)], env=env, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big", type=int, default=100_000, help="rows of the large .xlsx (0: skip it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = [
            write_xlsx(folder / "district.xlsx", args.rows),
            write_xls(folder / "district.xls", args.rows),
            write_ods(folder / "district.ods", args.rows),
            write_xlsb(folder / "district.xlsb", args.rows),
            write_csv(folder / "district.csv", args.rows),
            write_csv(folder / "district-gb18030.csv", args.rows, "gb18030"),
            write_html(folder / "district-web.xls", args.rows),
            write_xml2003(folder / "district-2003.xls", args.rows),
        ]
        files += calc_copies(files[0], folder)
        db = folder / "bench.sqlite"
        subprocess.run(
            [sys.executable, "-m", "zqtracker", "--db", str(db), "summary"],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
        )
        print(
            f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {os.cpu_count()} cores, load "
            f"{os.getloadavg()[0]:.1f}; {args.rows} rows, best and median of {args.repeat}"
        )
        print("| file | format | size | read (s) | choosing → preview (s) |")
        print("|---|---|---|---|---|")
        for path in files:
            runs = [measure(path, db) for _ in range(args.repeat)]
            assert all(r["added"] == args.rows for r in runs), runs[0]
            reads = sorted(r["read_s"] for r in runs)
            previews = sorted(r["preview_s"] for r in runs)
            mid = len(runs) // 2
            print(
                f"| {path.name} | {runs[0]['kind']} | {path.stat().st_size // 1024} KB | {reads[0]:.2f} / "
                f"{reads[mid]:.2f} | {previews[0]:.2f} / {previews[mid]:.2f} |"
            )
        if args.big:
            big = write_big_xlsx(folder / "big.xlsx", args.big)
            repeat = min(args.repeat, 3)
            read_s, scan_s, count = measure_big(big, repeat)
            print(
                f"\nLarge .xlsx ({count:,} rows, {big.stat().st_size // (1024 * 1024)} MB): read {read_s:.2f} s, of "
                f"which the search for error cells {scan_s:.2f} s ({scan_s / read_s:.0%}), best of {repeat}"
            )


if __name__ == "__main__":
    main()
