"""A returned round workbook read as the round wrote it: its two sheets found, renamed or not
(io/round_sheets.py), their columns found by their headers (io/round_columns.py), then their rows
(io/round_read.py) — and every other sheet holding rows the round would not read named in a
problem: a copy of the round's sheet filled while the sheet itself was left blank (probe24b R64:
WPS's 移动或复制 left “项目进展 (2)” filled and the original blank), new projects typed on a sheet of
the district's own (probe40b F1), never a return imported without them.
"""

from __future__ import annotations

from dataclasses import replace

from zqtracker.domain.rounds import SheetProject
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.round_columns import realign
from zqtracker.io.round_read import ReturnRows, RoundMeta, read_rows
from zqtracker.io.round_sheets import find_sheets, unread_sheets
from zqtracker.io.round_text import sent_headers
from zqtracker.io.round_workbook import HEADER_ROW, NEW_HEADER_ROW


def read_return(
    book: RawWorkbook, meta: RoundMeta, sent: dict[int, SheetProject]
) -> tuple[RawWorkbook, RoundMeta, ReturnRows]:
    """The workbook with the round's two sheets realigned to the columns as sent, ``meta`` naming
    those sheets as the workbook does, and what each row reports. Raises NotARoundBook when the
    round's main sheet is not found."""
    heads = sent_headers(meta.period, meta.unit, meta.lang)
    meta, renamed = find_sheets(book, meta, heads)
    sheets: list[RawSheet] = []
    problems, notes, broken = [], list(renamed), set()
    for sheet in book.sheets:
        if sheet.name in (meta.main_sheet, meta.new_sheet) and sheet.error is None:
            main = sheet.name == meta.main_sheet
            columns, header_row = (meta.main_columns, HEADER_ROW) if main else (meta.new_columns, NEW_HEADER_ROW)
            found = realign(sheet, columns, heads, header_row)
            problems += found.problems
            notes += found.notes
            if found.problems:
                broken.add(sheet.name)
            sheet = found.sheet
        sheets.append(sheet)
    book = replace(book, sheets=sheets)
    rows = read_rows(book, meta, sent, frozenset(broken))
    rows.problems[:0] = problems
    rows.notes[:0] = notes
    blank = not rows.problems and not any(_reports(r) for r in rows.rows)
    unread, unread_notes = unread_sheets(book, meta, heads, main_blank=blank)
    rows.problems += unread
    rows.notes += unread_notes
    return book, meta, rows


def _reports(row) -> bool:
    return any(v is not None for v in (row.this_month, row.ytd, row.status_after, row.progress))
