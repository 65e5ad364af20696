"""A round's small files: the printable one-sheet lists (reminders to districts, the checks of
returns) and the cheap check that a dropped workbook is a round's return (io/round_workbook.py
writes the round's own workbook)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import xlsxwriter

from zqtracker.io.cells import FORMULA_TRIGGERS, display_width
from zqtracker.io.round_workbook import META_SHEET, OPTIONS
from zqtracker.io.safe_sheet import SafeWorksheet


def write_table_book(
    path: str | os.PathLike[str], title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """One sheet: a title, a header and the rows (text and whole numbers), ready to print."""
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    try:
        ws = wb.add_worksheet(title[:31].replace("/", "-") or "Reminders", worksheet_class=SafeWorksheet)
        bold = wb.add_format({"bold": True, "font_size": 14})
        head = wb.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True})
        cell = wb.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        quoted = wb.add_format({"border": 1, "text_wrap": True, "valign": "top", "quote_prefix": True})
        ws.write_string(0, 0, title, bold)
        widths = [display_width(h) + 2 for h in headers]
        for c, h in enumerate(headers):
            ws.write_string(2, c, h, head)
        for r, row in enumerate(rows, start=3):
            for c, value in enumerate(row):
                if isinstance(value, int):
                    ws.write_number(r, c, value, cell)
                else:
                    text = "" if value is None else str(value)
                    ws.write_string(r, c, text, quoted if text[:1] in FORMULA_TRIGGERS else cell)
                    widths[c] = max(widths[c], min(50, display_width(text) + 2))
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(2)
    finally:
        wb.close()


def looks_like_return(path: str | os.PathLike[str]) -> bool:
    """Cheaply, without parsing cells: a workbook that names the round's hidden sheet (a dropped
    file goes to the round's preview instead of the plain import). .xlsx/.xlsm: the sheet list of
    xl/workbook.xml; .ods: content.xml; .xls: the sheet records at the start of the file."""
    import zipfile

    name = META_SHEET.encode()
    try:
        with open(path, "rb") as fh:
            head = fh.read(1_000_000)
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: a .xls names its sheets near the start
            return name in head or META_SHEET.encode("utf-16-le") in head
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            member = (
                "xl/workbook.xml" if "xl/workbook.xml" in names else "content.xml" if "content.xml" in names else None
            )
            if member is None:
                return False
            info = z.getinfo(member)
            if info.file_size > 50_000_000:
                return False
            with z.open(info) as fh:
                return name in fh.read(info.file_size)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
