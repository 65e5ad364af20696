"""Excel 2003 XML spreadsheets (SpreadsheetML), parsed in the reading process (io/worker.py).

Web systems' "导出Excel" write this XML and name it .xls; Excel and WPS open it after a warning.
The file is parsed once by defusedxml's iterparse, each element cleared out of the tree once it is
done with. Meanwhile every worksheet's name and visibility are noted (the "book" frame comes
first), and of each wanted sheet the area its cells span, its merged ranges, hidden rows and
columns, its error cells and formulas without a value (stream_rows wants those before the rows),
and its values, row by row, spooled in marshal chunks (in memory, on disk past SPOOL_MEMORY): a
second parse would double the time (defusedxml parses in Python, about 8 s for 100 MB). A sheet
whose area is over the cell limit is refused then, before anything of its size is built; the others'
rows are padded to their area and handed to sheet_stream.stream_rows.

Positions are numbered as Excel numbers them. ss:Index on a Row or a Cell (1-based) jumps ahead;
a cell without one comes after the cell before it and after the columns its ss:MergeAcross covers.
Cells under an ss:MergeDown from a row above are *not* skipped: Excel counts those positions like
any other and a writer jumps past them with ss:Index (Excel calls a file that puts a cell there
invalid; SheetJS numbers them the same way); such a cell stays where it is numbered. An index that
goes back (into the cell before, or into its MergeAcross span) is no file Excel opens: that sheet
is refused as damaged. ss:Span on a Row or a Column repeats its formatting (hidden) over that many
more rows or columns, not its cells.

An encoding expat cannot read (GB2312, GBK: some Chinese exporters declare one) is decoded here
and handed to the parser as UTF-8.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import marshal
import math
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from defusedxml.ElementTree import iterparse

from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.sheet_stream import MAX_CELL_CHARS, CellTooLong, Emit, convert_cell, stream_rows
from zqtracker.io.xlsx_formulas import MAX_FORMULAS

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
EXCEL_ROWS, EXCEL_COLS = 1_048_576, 16_384  # hidden rows and columns beyond are no sheet's: not kept
MAX_MERGES = 200_000  # io/plan.py and io/header_rows.py look at no more of a sheet's merged ranges
SPOOL_MEMORY = 64 * 1024 * 1024
CHUNK_CELLS = 65_536
_TIME_DAY = _dt.date(1899, 12, 31)  # Excel's day 0: a time of day is written on it
_EXPAT_READS = frozenset(("utf-8", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "iso8859-1", "ascii"))
_DECLARATION_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]{1,40})[\"']")
_ENCODING_RE = re.compile(r"(<\?xml[^>]*?encoding\s*=\s*)([\"'])[\w.:-]*\2")


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
        found, date1904 = _read(path, sheets, spool)
        emit(("book", "spreadsheetml", date1904, [(s.name, s.visible, True) for s in found]))
        for s in found:
            if not s.wanted:
                continue
            cells = s.rows * s.cols
            if s.damaged:
                emit(("sheet_error", s.name, "damaged_detail", {"detail": s.damaged}))
            elif s.formulas > MAX_FORMULAS:
                emit(("sheet_error", s.name, "too_many_formulas", {"limit": MAX_FORMULAS}))
            elif cells > max_cells:
                params = {"cells": cells, "rows": s.rows, "cols": s.cols, "limit": max_cells}
                emit(("sheet_error", s.name, "too_many_cells", params))
            elif cells == 0:
                emit(("sheet", s.name, 0, 0, [], [], 0, 0, []))
                emit(("end", s.name, 0))
            else:
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

    def wanted(_index: int, name: str) -> bool:
        found.append(_Sheet(name, sheets is None or name in sheets))
        return found[-1].wanted

    for event in _events(path, wanted):
        what, s = event[0], found[-1] if found else None
        if s is None:
            date1904 = date1904 or what == "date1904"
        elif what == "cell":
            _, r, c, cell, across = event
            value, mark = _read_cell(cell)
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
            if mark is not None and s.formulas <= MAX_FORMULAS:
                s.marks.append((r, c, mark))
                s.formulas += mark[:1] == "="
        elif what == "row":
            _, r, span, row = event
            values = []
            if _attr(row, "Hidden") in ("1", "true") and r < EXCEL_ROWS:
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
            if _attr(column, "Hidden") in ("1", "true") and first < EXCEL_COLS:
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
    if data is None:
        formula = _attr(cell, "Formula")
        return None, (formula if formula[:1] == "=" else "=" + formula) if formula else None
    text = "".join(data.itertext()) if len(data) else (data.text or "")  # rich text: <B>, <Font> …
    kind = _attr(data, "Type")
    if kind == "Number":
        return _number(text), None
    if kind == "DateTime":
        return _datetime(text), None
    if kind == "Boolean":
        return text.strip().lower() in ("1", "true"), None
    if kind == "Error":
        return "", text.strip()[:32] or "#VALUE!"
    return text, None


def _number(text: str) -> float | str:
    try:
        number = float(text)
    except ValueError:
        return text
    return number if math.isfinite(number) else text


def _datetime(text: str) -> Any:
    """The protocol's date for "2024-01-15T00:00:00.000"; for a time of day (Excel writes it on
    its day 0) the text of a time, as python-calamine's time cells travel."""
    try:
        value = _dt.datetime.fromisoformat(text.strip()).replace(tzinfo=None)
    except ValueError:
        return text
    return convert_cell(value.time() if value.date() == _TIME_DAY else value)


# -- the walk ----------------------------------------------------------------------------------------
def _events(path: str, detail: Callable[[int, str], bool]) -> Iterator[tuple]:
    """The file's structure as tuples, each position numbered as Excel numbers it (see the module
    docstring): ("sheet", index, name), ("visible", text), ("date1904",), and for the sheets
    ``detail(index, name)`` accepts ("column", first, last, element), ("row", r, span, element),
    ("cell", r, c, element, merge_across), ("rowend", r), ("bad", what); then ("end", index).
    An element is cleared out of its parent once its end has been handled, except inside a Cell,
    whose Data is read at the Cell's end."""
    stack: list[Any] = []  # the open elements
    index, detailed, in_cell = -1, False, False
    r = row_next = col_next = cell_next = 0
    with _open(path) as source:
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


def _local(tag: str) -> str:
    local = _LOCALS.get(tag)
    if local is None:
        local = tag[tag.rfind("}") + 1 :]
        if len(_LOCALS) < 1000:  # a file uses a few dozen tags; a crafted one's thousands are not kept
            _LOCALS[tag] = local
    return local


_LOCALS: dict[str, str] = {}


# -- encodings ---------------------------------------------------------------------------------------
class _Recoded:
    """A file in an encoding expat does not read, read as UTF-8 with a declaration saying so.
    GB2312 and GBK are read as GB18030, their superset: files declared GB2312 often hold GBK."""

    def __init__(self, path: str, encoding: str) -> None:
        self.file = open(path, "rb")  # noqa: SIM115 - closed by __exit__
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.first, self.done = True, False

    def read(self, size: int = -1) -> bytes:
        text = ""
        while not text and not self.done:  # b"" would say the file ended
            data = self.file.read(size if size > 0 else 1 << 16)
            self.done = not data
            text = self.decoder.decode(data, final=self.done)
        if self.first and text:
            self.first = False
            text = _ENCODING_RE.sub(r"\1\2UTF-8\2", text, count=1)
        return text.encode("utf-8")

    def __enter__(self) -> _Recoded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()


def _open(path: str) -> Any:
    with open(path, "rb") as fh:
        head = fh.read(1024)
    m = _DECLARATION_RE.match(head)
    encoding = codecs.lookup(m[1].decode("ascii")).name if m else "utf-8"
    if encoding in _EXPAT_READS:
        return open(path, "rb")
    return _Recoded(path, "gb18030" if encoding in ("gb2312", "gbk") else encoding)
