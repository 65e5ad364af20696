"""Excel 2003 XML spreadsheets (SpreadsheetML), parsed in the reading process (io/worker.py).

Web systems' "导出Excel" write this XML and name it .xls; Excel and WPS open it after a warning.
The file is parsed once by defusedxml's iterparse, each element cleared out of the tree once it is
done with. Meanwhile every worksheet's name and visibility are noted (the "book" frame comes
first), and of each wanted sheet the area its cells span, its merged ranges, hidden rows and
columns, its error cells and formulas without a value (stream_rows wants those before the rows),
and its values, row by row, spooled in marshal chunks (in memory, on disk past SPOOL_MEMORY): a
second parse would double the time (defusedxml parses in Python, about 8 s for 100 MB). A sheet
whose area is over the cell limit, or reaches past Excel's 1,048,576 rows or 16,384 columns, is
refused then, before anything of its size is built — so is one that would take the workbook's sheets
together past the limit (each is sent to the app whole); the others' rows are padded to their area
and handed to sheet_stream.stream_rows.

Values are as typed (an Error a mark of its cell; struck-through rich text left out); a number styled
"0000" is the code it shows (0012); .NET's 0001-01-01 and Excel's day 0 are no date. A formula's Data
is a cache Excel recalculates on opening: missing, empty or 0 it is marked never calculated (a writer's
placeholder; mark_row keeps the mark in a row with other values). Two worksheets of one name become
"明细" and "明细 (2)"; ss:Hidden is "1" or "True"; a column of width 0 is hidden.

Positions are numbered as Excel numbers them. ss:Index on a Row or a Cell (1-based) jumps ahead;
a cell without one comes after the cell before it and after the columns its ss:MergeAcross covers.
Cells under an ss:MergeDown from a row above are *not* skipped: Excel counts those positions like
any other and a writer jumps past them with ss:Index (Excel calls a file that puts a cell there
invalid; SheetJS numbers them the same way); such a cell stays where it is numbered. An index that
goes back (into the cell before, or into its MergeAcross span) is no file Excel opens: that sheet
is refused as damaged. ss:Span on a Row or a Column repeats its formatting (hidden) over that many
more rows or columns, not its cells.

The bytes reach the parser through io/xml_source (which decodes what expat cannot read).
"""

from __future__ import annotations

import datetime as _dt
import functools
import marshal
import math
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.sheet_stream import MAX_CELL_CHARS, CellTooLong, Emit, convert_cell, stream_rows
from zqtracker.io.xlsx_formulas import MAX_FORMULAS
from zqtracker.io.xml_source import open_xml

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
EXCEL_ROWS, EXCEL_COLS = 1_048_576, 16_384  # hidden rows and columns beyond are no sheet's: not kept
MAX_MERGES = 200_000  # io/plan.py and io/header_rows.py look at no more of a sheet's merged ranges
SPOOL_MEMORY = 64 * 1024 * 1024
CHUNK_CELLS = 65_536
_TIME_DAY = _dt.date(1899, 12, 31)  # Excel's day 0: a time of day is written on it


@dataclass
class _Sheet:
    """What the parse learnt of one worksheet."""

    name: str
    wanted: bool
    visible: bool = True
    rows: int = 0  # the area the cells span: to the last used row and column, merges included
    cols: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: RangeCollector = field(default_factory=RangeCollector)
    hidden_cols: RangeCollector = field(default_factory=RangeCollector)
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # errors, formulas without a value
    formulas: int = 0
    damaged: str = ""
    spooled: list[int] = field(default_factory=list)  # sizes of its chunks of rows, from ``offset``
    offset: int = 0


def stream_spreadsheetml(path: str, sheets: list[str] | None, max_cells: int, emit: Emit) -> None:
    """The frames of io/worker.py for every worksheet, or those named in ``sheets``. The book says
    1904 when the workbook does (<x:Date1904/>): its DateTime cells are dates whatever the system,
    but a number in a date column counts from 1904 as in an .xls."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY) as spool:
        try:
            found, date1904 = _read(path, sheets, spool)
        except DefusedXmlException:  # a DOCTYPE or an entity past the prolog io/sniff reads
            emit(("error", "unsafe_xml", {"entry": os.path.basename(path)}))
            return
        emit(("book", "spreadsheetml", date1904, [(s.name, s.visible, True) for s in found]))
        spent = 0
        for s in found:
            if not s.wanted:
                continue
            cells = s.rows * s.cols
            if s.damaged:
                emit(("sheet_error", s.name, "damaged_detail", {"detail": s.damaged}))
            elif s.formulas > MAX_FORMULAS:
                emit(("sheet_error", s.name, "too_many_formulas", {"limit": MAX_FORMULAS}))
            elif spent + cells > max_cells or s.rows > EXCEL_ROWS or s.cols > EXCEL_COLS:  # (the sheets together:
                params = {
                    "cells": spent + cells,
                    "rows": s.rows,
                    "cols": s.cols,
                    "limit": max_cells,
                }  # each is sent whole)
                emit(("sheet_error", s.name, "too_many_cells", params))
            elif cells == 0:
                emit(("sheet", s.name, 0, 0, [], [], 0, 0, []))
                emit(("end", s.name, 0))
            else:
                spent += cells
                hidden_cols, hidden_rows = _clip(s.hidden_cols, s.cols), _clip(s.hidden_rows, s.rows)
                end = (s.rows - 1, s.cols - 1)
                try:
                    stream_rows(s.name, _rows(spool, s), end, s.rows, s.merged, hidden_cols, s.marks, emit, hidden_rows)
                except CellTooLong as exc:
                    code = "text_too_long" if exc.total else "cell_too_long"
                    emit(("sheet_error", s.name, code, {"limit": MAX_CELL_CHARS}))


def _read(path: str, sheets: list[str] | None, spool: IO[bytes]) -> tuple[list[_Sheet], bool]:
    """Every worksheet, with the facts and spooled values of the wanted ones, and whether the
    workbook counts dates from 1904."""
    found: list[_Sheet] = []
    date1904 = False
    chunk: list[tuple[int, list]] = []
    spooled = 0  # cells in ``chunk``
    values: list = []  # of the row being read: column, value, column, value …

    styles: dict[str, int] = {}  # style id → digits a whole number shows ("0000": a code's zeros)

    def wanted(_index: int, name: str) -> bool:
        taken, n = {x.name for x in found}, 1
        while name in taken:  # Excel's names are unique; a writer's may not be: "明细 (2)", not lost
            n += 1
            name = f"{name.rsplit(' (', 1)[0] if n > 2 else name} ({n})"
        found.append(_Sheet(name, sheets is None or name in sheets))
        return found[-1].wanted

    for event in _events(path, wanted):
        what, s = event[0], found[-1] if found else None
        if what == "numfmt":
            if set(event[2]) == {"0"} and len(event[2]) <= 20:
                styles[event[1]] = len(event[2])
        elif s is None:
            date1904 = date1904 or what == "date1904"
        elif what == "cell":
            _, r, c, cell, across = event
            value, mark = _read_cell(cell)
            if styles and value.__class__ is float and value.is_integer() and 0 <= value < 1e18:
                digits = styles.get(_attr(cell, "StyleID") or "")
                value = str(int(value)).zfill(digits) if digits else value
            try:
                down = (_index_attr(cell, "MergeDown") or 0) if cell.attrib else 0
            except ValueError as exc:
                s.damaged = s.damaged or f"{s.name}: row {r + 1}, {exc}"
                continue
            if value is not None or mark is not None:
                s.rows, s.cols = max(s.rows, r + 1), max(s.cols, c + 1)
                if value is not None and value != "":
                    values += (c, value)
            if across or down:
                s.rows, s.cols = max(s.rows, r + down + 1), max(s.cols, c + across + 1)
                if len(s.merged) < MAX_MERGES:
                    s.merged.append((r, c, r + down, c + across))
            if mark is not None and mark[:1] == "=" and value not in (None, "") and value != 0:
                mark = None  # a formula with its calculated value
            if mark is not None and s.formulas <= MAX_FORMULAS:
                s.marks.append((r, c, mark))
                s.formulas += mark[:1] == "="
        elif what == "row":
            _, r, span, row = event
            values = []
            if _flag(row, "Hidden") and r < EXCEL_ROWS:
                s.hidden_rows.add(r, min(r + span, EXCEL_ROWS - 1))
        elif what == "rowend" and values:
            chunk.append((event[1], values))
            spooled += len(values) // 2
            values = []
            if spooled >= CHUNK_CELLS:
                s.spooled.append(spool.write(marshal.dumps(chunk)))
                chunk, spooled = [], 0
        elif what == "column":
            _, first, last, column = event
            if (
                _flag(column, "Hidden") or (_attr(column, "Width") or "").strip() in ("0", "0.0")
            ) and first < EXCEL_COLS:
                s.hidden_cols.add(first, min(last, EXCEL_COLS - 1))
        elif what == "sheet":
            s.offset = spool.tell()
        elif what == "end" and chunk:
            s.spooled.append(spool.write(marshal.dumps(chunk)))
            chunk, spooled = [], 0
        elif what == "bad":
            s.damaged = s.damaged or f"{s.name}: {event[1]}"
        elif what == "visible":
            s.visible = event[1].strip() not in ("SheetHidden", "SheetVeryHidden")
        elif what == "date1904":
            date1904 = True
    return found, date1904


def _rows(spool: IO[bytes], s: _Sheet) -> Iterator[list]:
    """The sheet's rows from its first to the last of its area, each as wide as the area."""
    spool.seek(s.offset)
    width, done = s.cols, 0
    for size in s.spooled:
        for r, values in marshal.loads(spool.read(size)):
            while done < r:
                yield [""] * width
                done += 1
            row = [""] * width
            for c, value in zip(values[::2], values[1::2], strict=True):
                row[c] = value
            yield row
            done += 1
    while done < s.rows:
        yield [""] * width
        done += 1


def _clip(ranges: RangeCollector, size: int) -> list[tuple[int, int]]:
    return [(a, min(b, size - 1)) for a, b in ranges.ranges() if a < size]


# -- cells -------------------------------------------------------------------------------------------
def _read_cell(cell: Any) -> tuple[Any, str | None]:
    """A Cell element's value (None when it has no Data) and its mark: an Excel error's text, with
    the value "", or a formula that has no Data, "=…"."""
    data = next((child for child in cell if _local(child.tag) == "Data"), None)
    formula = _attr(cell, "Formula") if cell.attrib else None
    mark = (formula if formula[:1] == "=" else "=" + formula) if formula else None
    if data is None:
        return None, mark
    text = _rich_text(data) if len(data) else (data.text or "")  # rich text: <B>, <Font> …
    kind = _attr(data, "Type")
    if kind == "Number":
        # a formula's Data is a cache Excel recalculates on opening: 0 or nothing there may be a writer's
        # placeholder (marked; io/sheet_stream.mark_row keeps the mark where the cell reads 0 or empty)
        return _number(text), mark
    if kind == "DateTime":
        return _datetime(text), None
    if kind == "Boolean":
        return text.strip().lower() in ("1", "true"), None
    if kind == "Error":
        return "", text.strip()[:32] or "#VALUE!"
    return text, None


def _rich_text(elem: Any) -> str:
    """A rich-text Data's text, without what is struck through (<S>签约</S><Font>在建</Font>: 在建)."""
    parts = [elem.text or ""]
    for child in elem:
        if _local(child.tag) != "S":
            parts.append(_rich_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _number(text: str) -> float | str:
    try:
        number = float(text)
    except ValueError:
        return text
    return number if math.isfinite(number) else text


def _datetime(text: str) -> Any:
    """The protocol's date for "2024-01-15T00:00:00.000"; for a time of day (Excel writes it on
    its day 0) the text of a time, as python-calamine's time cells travel."""
    if text.strip().startswith(("1900-01-00", "0001-01-01")):  # Excel's day 0, .NET's MinValue: no date
        return ""
    try:
        value = _dt.datetime.fromisoformat(text.strip()).replace(tzinfo=None)
    except ValueError:
        return text
    if value.date() == _TIME_DAY:  # a time of day — or, at midnight, a writer's "no date"
        return convert_cell(value.time()) if value.time() != _dt.time() else ""
    return convert_cell(value)


# -- the walk ----------------------------------------------------------------------------------------
def _events(path: str, detail: Callable[[int, str], bool]) -> Iterator[tuple]:
    """The file's structure as tuples, each position numbered as Excel numbers it (see the module
    docstring): ("sheet", index, name), ("visible", text), ("date1904",), and for the sheets
    ``detail(index, name)`` accepts ("column", first, last, element), ("row", r, span, element),
    ("cell", r, c, element, merge_across), ("rowend", r), ("bad", what); then ("end", index).
    An element is cleared out of its parent once its end has been handled, except inside a Cell,
    whose Data is read at the Cell's end."""
    stack: list[Any] = []  # the open elements
    index, detailed, in_cell, style = -1, False, False, ""
    r = row_next = col_next = cell_next = 0
    with open_xml(path) as source:
        for event, elem in iterparse(source, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                stack.append(elem)
                depth = len(stack)
                if in_cell:
                    continue
                if depth == 5:
                    in_cell = _local(elem.tag) == "Cell"
                elif depth == 4 and detailed and _local(elem.tag) == "Row" and _local(stack[-2].tag) == "Table":
                    r, row_next, bad = _place(elem, row_next, "Span")
                    if bad:
                        yield ("bad", f"row {r + 1}: {bad}")
                    cell_next = 0
                    yield ("row", r, row_next - r - 1, elem)
                elif depth == 3 and index < 0 and _local(elem.tag) == "Style":
                    style = _attr(elem, "ID") or ""  # (its children's ends clear its attributes)
                elif depth == 2 and _local(elem.tag) == "Worksheet":
                    index, row_next, col_next = index + 1, 0, 0
                    name = _attr(elem, "Name") or f"Sheet{index + 1}"
                    detailed = detail(index, name)
                    yield ("sheet", index, name)
                continue
            depth = len(stack)
            if in_cell and depth > 5:  # the Cell's Data, read at the Cell's end
                stack.pop()
                continue
            in_cell = False
            if depth == 5:
                if detailed and _local(elem.tag) == "Cell" and _local(stack[-2].tag) == "Row":
                    c, cell_next, bad = _place(elem, cell_next, "MergeAcross")
                    if bad:
                        yield ("bad", f"row {r + 1}, column {c + 1}: {bad}")
                    yield ("cell", r, c, elem, cell_next - c - 1)
            elif depth == 4:
                local, parent = _local(elem.tag), _local(stack[-2].tag)
                if detailed and parent == "Table" and local == "Row":
                    yield ("rowend", r)
                elif detailed and parent == "Table" and local == "Column":
                    first, col_next, bad = _place(elem, col_next, "Span", back=True)
                    if bad:
                        yield ("bad", f"column {first + 1}: {bad}")
                    else:
                        yield ("column", first, col_next - 1, elem)
                elif local == "Visible" and parent == "WorksheetOptions":
                    yield ("visible", elem.text or "")
                elif index < 0 and local == "NumberFormat" and parent == "Style":
                    yield ("numfmt", style, _attr(elem, "Format") or "")
            elif depth == 3 and _local(elem.tag) == "Date1904" and _local(stack[-2].tag) == "ExcelWorkbook":
                yield ("date1904",)
            elif depth == 2 and _local(elem.tag) == "Worksheet":
                yield ("end", index)
                detailed = False
            if depth > 1:
                stack[-2].clear()
            stack.pop()


def _place(elem: Any, following: int, span: str, *, back: bool = False) -> tuple[int, int, str]:
    """(0-based position, the position after it and its span, what is wrong or "") of a Row, Cell or
    Column that comes at ``following`` unless its ss:Index says otherwise. Columns may go back
    (only their hidden flag is read); a Row or Cell that does is placed at ``following``."""
    if not elem.attrib:
        return following, following + 1, ""
    try:
        at = _index_attr(elem, "Index")
        extra = _index_attr(elem, span) or 0
    except ValueError as exc:
        return following, following + 1, str(exc)
    if at is None:
        return following, following + extra + 1, ""
    if at == 0:
        return following, following + extra + 1, 'ss:Index="0"'
    if at - 1 < following and not back:
        return following, following + extra + 1, f'ss:Index="{at}" goes back to a position already taken'
    return at - 1, at + extra, ""


def _flag(elem: Any, name: str) -> bool:
    """ss:Hidden="1" — or "True", as .NET's writers put it."""
    return (_attr(elem, name) or "").strip().lower() in ("1", "true")


def _index_attr(elem: Any, name: str) -> int | None:
    text = _attr(elem, name)
    if text is None:
        return None
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise ValueError(f'ss:{name}="{text[:12]}"')
    return int(text)


def _attr(elem: Any, name: str) -> str | None:
    """An ss: attribute, or the same without a namespace (hand-written exports leave ss: off)."""
    value = elem.get(SS + name)
    return elem.get(name) if value is None else value


@functools.lru_cache(maxsize=1024)  # a file uses a few dozen tags; a crafted one's thousands are not kept
def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]
