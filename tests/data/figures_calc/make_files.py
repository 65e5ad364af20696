"""Regenerates the files in this folder: zqtracker's export and template re-saved by LibreOffice
Calc, standing in for the Excel, WPS and Calc a district opens them with. Run it by hand when the
export or the template changes; CI imports the committed files and needs no LibreOffice:

    apt-get install libreoffice-calc-nogui
    python tests/data/figures_calc/make_files.py

The export (Chinese, 亿元) is re-saved as .xlsx, .xls and .ods, the English one (¥ bn) as .xlsx, and
the Projects and Monthly sheets of both as CSV "as shown" (the formatted text of each cell: what
Excel and WPS always write to CSV). The template (Chinese, 万元) is filled in Calc by
fill_template.py — values typed through Calc's own input parsing, which needs LibreOffice's Python
bridge (apt-get install python3-uno) — both as zqtracker writes it now (template-filled.xlsx) and
with the date-formatted columns it had before (template-old-filled.xlsx: "2023.10" typed there is
the number 2023.1, shown as 1905-07-15).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # tests/, for figures_calc

from figures_calc import build  # noqa: E402

from zqtracker.domain.money import Unit  # noqa: E402
from zqtracker.io.template import write_template  # noqa: E402
from zqtracker.services.context import AppContext  # noqa: E402
from zqtracker.services.exporting import ExportOptions, ExportService  # noqa: E402

CSV_AS_SHOWN = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,{sheet}"


def soffice(args: list[str], profile: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


def _date_formatted(template: Path, target: Path) -> None:
    """The template as it was before its date and month columns became text: formatted as dates."""
    import openpyxl

    wb = openpyxl.load_workbook(template)
    for ws, headers in ((wb.worksheets[0], ("签约时间", "开工时间", "投产时间")), (wb.worksheets[1], ("月份",))):
        for cell in ws[1]:
            if cell.value in headers:
                fmt = "yyyy-mm" if cell.value == "月份" else "yyyy-mm-dd"
                ws.column_dimensions[cell.column_letter].number_format = fmt
                for row in range(2, 200):
                    ws.cell(row, cell.column).number_format = fmt
    wb.save(target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")  # its backups go with it, not to the user's folder
        ctx = AppContext.open(tmp / "calc.sqlite")
        (tmp / "source").mkdir()
        sources = {"export": tmp / "source" / "export.xlsx", "export-en": tmp / "source" / "export-en.xlsx"}
        try:
            build(ctx)
            ExportService(ctx.database).export(sources["export"], ExportOptions(lang="zh", unit=Unit.YI))
            ExportService(ctx.database).export(sources["export-en"], ExportOptions(lang="en", unit=Unit.YI))
        finally:
            ctx.close()
        profile = tmp / "profile"
        out = tmp / "out"
        for stem, source in sources.items():
            formats = ("xlsx", "xls", "ods") if stem == "export" else ("xlsx",)
            for fmt in formats:
                soffice(["--convert-to", fmt, "--outdir", str(out), str(source)], profile)
            for sheet, name in ((2, "projects"), (3, "monthly")):  # 1: overview, 2: projects, 3: monthly
                target = tmp / f"csv-{stem}-{name}"
                soffice(
                    ["--convert-to", "csv:" + CSV_AS_SHOWN.format(sheet=sheet), "--outdir", str(target), str(source)],
                    profile,
                )
                (made,) = target.iterdir()  # Calc names it after the sheet when one is chosen
                shutil.copy(made, out / f"{stem}-{name}.csv")
        template = tmp / "source" / "template.xlsx"
        write_template(template, lang="zh")
        old = tmp / "source" / "template-old.xlsx"
        _date_formatted(template, old)
        for name, source_template in (("template-filled.xlsx", template), ("template-old-filled.xlsx", old)):
            subprocess.run(["/usr/bin/python3", str(HERE / "fill_template.py"), str(source_template), str(out / name),
                            str(tmp / "uno-profile")], check=True, timeout=300)  # fmt: skip
        for f in sorted(out.iterdir()):
            shutil.copy(f, HERE / f.name)
            print(f"{f.name}: {f.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
