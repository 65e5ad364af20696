"""Rows out of the reading process: a parser's rows converted to the protocol's primitives, checked
against the text budget (one cell, one sheet) and sent in chunks (the frames io/worker.py
describes), with the strings of repeating columns shared."""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Callable, Iterator
from typing import Any

from zqtracker.io.blank_rows import MergedRows, is_blank
from zqtracker.io.calamine_probe import iter_rows_starts_at_row_1
from zqtracker.io.percent_format import MONTH_MARK, month_text, percent_text, unit_text
from zqtracker.io.strike_styles import split_struck
from zqtracker.io.xlsx_escapes import unescape_rows

EXCEL_ERRORS = frozenset(
    ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA", "#SPILL!", "#CALC!")
)
CHUNK_ROWS = 4096
_SIMPLE = frozenset((str, float, int, bool))
_DONE = _SIMPLE | {tuple}
_STR = frozenset((str,))
Emit = Callable[[tuple], None]


def stream_rows(
    name: str,
    rows: Iterator[list],
    end: tuple[int, int],
    height: int,
    merged: list,
    hidden: list,
    errors: list[tuple[int, int, str]],
    emit: Emit,
    hidden_rows: list | None = None,
    escaped: bool = False,
) -> None:
    """Rows in chunks. python-calamine's iter_rows has started at row 1 in some versions and at the
    first used row in others, and at the first used column: offsets are worked out from the end.
    Numbers are sent as floats whatever the format (python-calamine gives an .xls's as int).
    ``escaped``: the sheet's text holds ``_xHHHH_`` escapes to decode (io/xlsx_escapes.py). Cells
    struck through (io/strike_styles.py) go in a "struck" frame before the "end"."""
    chunk: list[list] = []
    marks: list[tuple[int, int, str]] = []
    count = 0
    header_sent = False
    width = 0
    special: list[int] = []  # columns seen holding dates: checked first, without a scan
    simple, done = _SIMPLE.issuperset, _DONE.issuperset
    text = TextBudget(name)
    shared = _Shared()
    row_offset = 0 if iter_rows_starts_at_row_1() else max(end[0] + 1 - height, 0)
    size = (end[0] + 1, end[1] + 1)
    by_row: dict[int, list[tuple[int, str]]] = {}
    errors, struck = split_struck(errors)
    for r, c, t in errors:
        by_row.setdefault(r, []).append((c, t))
    days: dict[_dt.date, tuple[int]] = {}  # one (ordinal,) per distinct day: marshal sends the rest as references
    in_merge = MergedRows(merged)
    for row in rows:
        blank = is_blank(row)
        types = _STR if blank else set(map(type, row))
        if not simple(types) or int in types:
            for i in special:
                if i < len(row):
                    v = row[i]
                    if v.__class__ is _dt.date:
                        day = days.get(v)
                        if day is None:
                            day = days[v] = (v.toordinal(),)
                        row[i] = day
                    else:
                        row[i] = convert_cell(v)
            if not done(map(type, row)) or int in types:
                for i, v in enumerate(row):
                    if v.__class__ not in _DONE or v.__class__ is int:
                        row[i] = convert_cell(v)
                        if i not in special:
                            special.append(i)
        width = len(row)
        if escaped:  # an _xHHHH_ escape python-calamine leaves as written (io/xlsx_escapes.py)
            unescape_rows([row])
        if by_row and row_offset + count in by_row:
            mark_row(row, by_row[row_offset + count], end[1] + 1 - width, len(chunk), marks)
        elif blank and not in_merge.covers(row_offset + count):
            row = []  # (io/blank_rows.py: 256 empty strings say no more, and cost 256 times as much)
        count += 1
        chunk.append(row)
        if len(chunk) < CHUNK_ROWS:
            continue
        text.add_chunk(chunk, count - len(chunk))
        if not header_sent:
            emit(("sheet", name, row_offset, end[1] + 1 - width, merged, hidden, *size, hidden_rows or []))
            header_sent = True
        emit(("rows", shared.apply(chunk), marks))
        chunk, marks = [], []
    row_offset = end[0] + 1 - count  # what the count says, should the probe have been wrong
    text.add_chunk(chunk, count - len(chunk))
    if not header_sent:
        emit(("sheet", name, row_offset, end[1] + 1 - width, merged, hidden, *size, hidden_rows or []))
    if chunk:
        emit(("rows", shared.apply(chunk), marks))
    if struck:
        emit(("struck", name, struck))
    emit(("end", name, row_offset))


def mark_row(row: list, found: list[tuple[int, str]], offset: int, i: int, marks: list) -> None:
    """The marks of one row's cells: an error where the cell reads empty; a formula without a
    value ("=…") where it reads empty, or 0 (a writer's placeholder, io/xlsx_formulas.py) — but
    only in a row with something else in it: a row of formulas alone (a template's rows filled
    down ahead of their data, a title made by a formula) stays as it reads. A number shown as a
    percentage ("%" and its decimals) becomes the text it shows, "50%" (io/numfmt.py); one shown in
    another unit ("~…"), the number and unit it shows, "50亿元" (io/percent_format.unit_mark)."""
    formulas: list[tuple[int, str]] = []
    percents: list[tuple[int, str]] = []
    for c, t in found:
        j = c - offset
        if 0 <= j < len(row):
            v = row[j]
            if t == MONTH_MARK:
                row[j] = month_text(v)
            elif t[:1] in ("%", "~"):  # a percentage, or a number shown in another unit (io/percent_format.unit_mark)
                if v.__class__ is float or v.__class__ is int:
                    percents.append((j, t))
            elif t[:1] != "=":
                if v == "":
                    marks.append((i, j, t))
            elif v == "" or (v == 0 and v.__class__ is float):
                formulas.append((j, t))
    if formulas:
        marked = {j for j, _t in formulas}
        if any(v != "" for j, v in enumerate(row) if j not in marked):
            marks.extend((i, j, t) for j, t in formulas)
    for j, t in percents:  # after the formulas, which judge a 0 as read
        row[j] = percent_text(row[j], int(t[1:] or 0)) if t[0] == "%" else unit_text(row[j], t)


class _Shared:
    """One string object per distinct value in columns that repeat (district, sector, status,
    是/否): marshal then writes a reference instead of the text, and the parent builds (and
    holds) one object instead of 100k. Which columns repeat is judged on the first chunk."""

    def __init__(self) -> None:
        self.columns: list[int] | None = None
        self.table: dict[str, str] = {}

    def apply(self, chunk: list[list]) -> list[list]:
        if self.columns is None:
            width = max((len(r) for r in chunk), default=0)
            self.columns = []
            for j in range(width):
                values = [r[j] for r in chunk if j < len(r) and r[j].__class__ is str and r[j]]
                if len(values) >= 16 and len(set(values)) * 4 <= len(values):
                    self.columns.append(j)
        table = self.table
        if len(table) > 100_000:
            table.clear()
        for j in self.columns:
            for row in chunk:
                if j < len(row):
                    v = row[j]
                    if v.__class__ is str:
                        row[j] = table.setdefault(v, v)
        return chunk


MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_SHEET_CHARS = 256 * 1024 * 1024


class CellTooLong(Exception):
    def __init__(self, sheet: str, row: int, total: bool) -> None:
        super().__init__(sheet)
        self.sheet, self.row, self.total = sheet, row, total


class TextBudget:
    """Shared strings let a small file repeat one long text in every cell: 10,000 references to
    a 1 MB string are 10 GB for whoever reads the values. Excel never writes a cell longer than
    32,767 characters, and a sheet's text is bounded too."""

    def __init__(self, sheet: str) -> None:
        self.sheet, self.chars = sheet, 0

    def add_chunk(self, rows: list[list], first: int) -> None:
        """add() for rows ``first``, ``first`` + 1, … at once (C loops); add() names the row."""
        lengths = list(map(len, filter(str.__instancecheck__, itertools.chain.from_iterable(rows))))
        total = sum(lengths)
        if (lengths and max(lengths) > MAX_CELL_CHARS) or self.chars + total > MAX_SHEET_CHARS:
            for i, row in enumerate(rows):
                self.add(row, first + i)  # raises at the row that breaks the budget
        self.chars += total

    def add(self, row: list, index: int) -> None:
        longest = 0
        for v in row:
            if v.__class__ is str:
                n = len(v)
                self.chars += n
                if n > longest:
                    longest = n
        if longest > MAX_CELL_CHARS or self.chars > MAX_SHEET_CHARS:
            raise CellTooLong(self.sheet, index + 1, longest <= MAX_CELL_CHARS)


def convert_cell(v: Any) -> Any:
    """Dates travel as (ordinal,), date-times as (ordinal, seconds into the day)."""
    c = v.__class__
    if c is _dt.date:
        return (v.toordinal(),)
    if c is _dt.datetime:
        seconds = v.hour * 3600 + v.minute * 60 + v.second
        return (v.toordinal(), seconds) if seconds else (v.toordinal(),)
    if c is _dt.time:
        return v.isoformat()
    if c is _dt.timedelta:
        return str(v)
    if v is None:
        return ""
    if c is int:
        return float(v)
    if c in _SIMPLE:
        return v
    return str(v)
