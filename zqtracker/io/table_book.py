"""A plain list as a workbook of one sheet, ready to print: a title, a header and the rows — a
round's reminder list, the checks of districts' returns. User text goes through ``write_string``
(quote-prefixed where it starts like a formula), as in every workbook zqtracker writes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import xlsxwriter

from zqtracker.io.cells import FORMULA_TRIGGERS, display_width
from zqtracker.io.round_workbook import OPTIONS
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
