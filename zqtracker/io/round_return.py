"""A returned round workbook read as the round wrote it: its columns found by their headers
(io/round_columns.py), then its rows (io/round_read.py) — and a return whose round sheet is blank
while a copy of it was filled in (probe24b R64: WPS's 移动或复制 left “项目进展 (2)” filled and the
original blank) is a question naming the copy, never a return imported with nothing in it.
"""

from __future__ import annotations

from dataclasses import replace

from zqtracker.domain.errors import Problem
from zqtracker.domain.rounds import SheetProject
from zqtracker.io.errors import CellProblem
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.round_columns import header_key, realign
from zqtracker.io.round_layout import book_lang
from zqtracker.io.round_read import ReturnRows, RoundMeta, read_rows
from zqtracker.io.round_text import sent_headers
from zqtracker.io.round_workbook import HEADER_ROW, META_SHEET, NEW_HEADER_ROW, OPEN_MAIN
from zqtracker.io.values import display, is_empty


def read_return(book: RawWorkbook, meta: RoundMeta, sent: dict[int, SheetProject]) -> tuple[RawWorkbook, ReturnRows]:
    """The workbook with the round's two sheets realigned to the columns as sent, and what each row
    reports. Raises NotARoundBook when the round's sheet is missing."""
    heads = sent_headers(meta.period, meta.unit, book_lang(meta.main_sheet))
    sheets: list[RawSheet] = []
    problems, notes, broken = [], [], set()
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
    if not rows.problems and not any(_reports(r) for r in rows.rows):
        rows.problems += _filled_copies(book, meta, heads)
    return book, rows


def _reports(row) -> bool:
    return any(v is not None for v in (row.this_month, row.ytd, row.status_after, row.progress))


def _filled_copies(book: RawWorkbook, meta: RoundMeta, heads: dict[str, str]) -> list[CellProblem]:
    """Other sheets holding the round's table (its headers, its hidden ids) with something typed in
    its open columns: the district filled a copy and left the round's sheet blank."""
    out: list[CellProblem] = []
    own = {meta.main_sheet, meta.new_sheet, META_SHEET}
    for sheet in book.sheets:
        if sheet.name in own or sheet.error is not None:
            continue
        i = HEADER_ROW - sheet.row_offset
        said = {header_key(v) for v in sheet.rows[i]} if 0 <= i < len(sheet.rows) else set()
        if not {header_key(heads[k]) for k in ("id", "this_month", "ytd")} <= said:
            continue  # not the round's table
        found = realign(sheet, meta.main_columns, heads, HEADER_ROW)
        if found.problems:
            continue
        copy, at = found.sheet, {k: c for c, k in enumerate(meta.main_columns)}
        for i, cells in enumerate(copy.rows):
            r = copy.row_offset + i
            value = {k: cells[c - copy.col_offset] if 0 <= c - copy.col_offset < len(cells) else None
                     for k, c in at.items()}  # fmt: skip
            if r <= HEADER_ROW or is_empty(value["id"]):
                continue
            filled = [k for k in meta.main_columns if k in OPEN_MAIN and not is_empty(value[k])]
            if filled:
                params = {"sheet": sheet.name, "main": meta.main_sheet}
                problem = Problem("round_copy_sheet_filled", None, params)
                column = column_letter(at[filled[0]])
                out.append(CellProblem(sheet.name, r + 1, column, "", display(value[filled[0]]), problem))
                break
    return out
