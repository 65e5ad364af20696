"""Regenerates the files in this folder that a spreadsheet program wrote (LibreOffice Calc here,
standing in for the Excel, WPS and Calc that districts use). Run it by hand when they need to
change; CI uses the committed files and needs no LibreOffice:

    apt-get install libreoffice-calc-nogui
    python tests/data/make_office_files.py

The source is a district's project list written by openpyxl with real formulas: Calc computes
them on loading, so the saved files hold the errors Excel would show (#DIV/0!, #N/A, #VALUE!,
#REF!) as each format stores them, a merged title, a hidden column and real dates.
calc_formulas.xlsx / .ods: tests/formula_files.py's list, whose amounts are formulas openpyxl
wrote without values, calculated and saved by Calc (what opening and saving in Excel or WPS does).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from formula_files import formula_list  # noqa: E402

HEADER = ["序号", "项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）", "签约时间", "备注"]
ROWS = [
    [1, "LO-001", "储能电池项目", "新型储能", "高要区", "在建", 12.5, date(2023, 3, 15), "内部"],
    [2, "LO-002", "五金扩产项目", "金属新材料", "高要区", "签约", "=1/0", date(2023, 8, 1), "内部"],
    [3, "LO-003", "食品加工项目", "绿色食品", "高要区", "洽谈", 1.2, "=NA()", "内部"],
    [4, "LO-004", "光伏组件项目", "新能源", "高要区", "投产", '=A99+"x"', date(2022, 1, 10), "内部"],
    [5, "LO-005", "汽车零部件项目", "汽车", "高要区", "在建", "=#REF!+1", date(2021, 6, 30), "内部"],
]


def source(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目清单"
    ws.append(["2023年高要区招商引资项目清单"])
    ws.merge_cells("A1:I1")
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for r in range(3, 3 + len(ROWS)):
        ws.cell(row=r, column=8).number_format = "yyyy-mm-dd"
    ws.column_dimensions["I"].hidden = True
    wb.save(path)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        jobs = [(source(Path(tmp) / "calc_district.xlsx"), ("xls", "ods", "xlsx"))]
        jobs.append((formula_list(Path(tmp) / "calc_formulas.xlsx"), ("ods", "xlsx")))
        for src, formats in jobs:
            for fmt in formats:
                subprocess.run(
                    [
                        "soffice",
                        "--headless",
                        f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to",
                        fmt,
                        "--outdir",
                        str(out),
                        str(src),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
        for made in out.iterdir():
            shutil.copy(made, HERE / made.name)
            print("wrote", HERE / made.name, made.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
