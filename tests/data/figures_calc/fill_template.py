"""Types values into zqtracker's import template in LibreOffice Calc, as a person would, and saves
it as .xlsx: run by make_files.py with a Python that has LibreOffice's ``uno`` module
(Debian: python3-uno), never by the tests.

    /usr/bin/python3 fill_template.py TEMPLATE.xlsx OUT.xlsx PROFILE_DIR

Each value goes through the dispatcher's ``.uno:EnterString`` on the selected cell — what the input
line does when a person types and presses Enter (``setFormula`` would skip the cell's text format
and make "007" the number 7) — so a date-formatted cell turns "2023.10" into the number 2023.1, and
a text-formatted one keeps it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

# (sheet index, row, column, typed text): row 1 is the first data row (row 0 the header)
TYPED = {
    0: {
        "项目名称": "模板项目甲",
        "所属行业": "新型储能",
        "所在区域": "高要区",
        "项目状态": "在建",
        "计划总投资（万元）": "12345.6789",
        "签约时间": "2023.10",
        "开工时间": "2024年2月",
        "投产时间": "2025-03-15",
        "项目编号": "007",
    },
    1: {
        "项目编号": "007",
        "项目名称": "模板项目甲",
        "所在区域": "高要区",
        "月份": "2023.10",
        "完成投资（万元）": "1.5",
    },
}


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(source: Path, target: Path, profile: Path) -> None:
    pipe = f"zqfill{int(time.time() * 1000)}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                               "--nologo", "--norestore", f"--accept=pipe,name={pipe};urp;"])  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 — not listening yet
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        controller = doc.getCurrentController()
        frame = controller.getFrame()
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for index, values in TYPED.items():
            sheet = sheets.getByIndex(index)
            controller.setActiveSheet(sheet)
            headers = {sheet.getCellByPosition(c, 0).getString(): c for c in range(40)}
            for header, text in values.items():
                controller.select(sheet.getCellByPosition(headers[header], 1))
                dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))
        doc.storeToURL(target.resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        # the file is written; closing a hidden document that was dispatched to may take the headless
        # office down with it (LibreOffice 7.4), which is of no consequence here
        try:
            doc.close(True)
        except Exception:  # noqa: BLE001
            pass
    finally:
        office.terminate()
        office.wait(timeout=60)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
