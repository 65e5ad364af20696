"""A web page's tables read as one sheet, in the reading process (io/worker.py's frames).

Web systems' "导出Excel" (a JSP or PHP page sent as application/vnd.ms-excel, a browser's
table-to-Excel script) write an HTML table and name it .xls; Excel and WPS open it after a warning
and a district sends it on as its monthly report. It is read the way Excel lays it out on opening:
every table of the page on one sheet, one below the other, text between them (a title in an <h2>,
a unit line in a <p>, a table's <caption>) on rows of its own, rowspan/colspan as merged cells (the
value in the first cell), a row styled display:none hidden, <br> a line break in its cell, and runs
of white space one space (none between two Chinese characters). A small table inside a data cell is
text of that cell; a table of a column or three around a wider one (an old page's layout) is seen
through: its cells' texts are lines, its inner tables laid out in turn. The sheet is named as Excel's
conditional comment names it (<x:Name>), else after the file. What the page's text and a cell's value
are — the encoding, Excel's x:num and x:str — is io/html_text's.

The page is untrusted: Python's html.parser expands no entities but HTML's own and does not recurse;
tables nested deeper than MAX_DEPTH are text of the cell around them (the layout walks the rest
recursively); a colspan or rowspan is capped as browsers cap it (1,000 and 65,534) and a rowspan ends
with its table; cells are counted as they are parsed and the laid-out area is held against the cell
limit as rows are added, before anything is allocated for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from zqtracker.io.html_text import cell_value, decoded
from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.sheet_stream import MAX_CELL_CHARS, CellTooLong, Emit, stream_rows

MAX_COLSPAN = 1000
MAX_DEPTH = 8  # tables in tables; deeper ones are text (the layout walks them recursively)
MAX_ROWSPAN = 65534
_SPACE_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break between two Chinese characters is no space (CSS Text 3's segment break rule):
# a template's <td>甲新材料\n  项目</td> shows 甲新材料项目.
_WIDE_BREAK_RE = re.compile(f"(?<=[{_WIDE}])[ \\t]*\\r?\\n[ \\t\\r\\n]*(?=[{_WIDE}])")
_SHEET_NAME_RE = re.compile(r"<x:Name>\s*([^<]{1,31}?)\s*</x:Name>", re.IGNORECASE)
_BLOCKS = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "section",
                     "header", "footer", "article", "blockquote", "pre", "dl", "dt", "dd", "hr", "form"))  # fmt: skip
_IGNORED = frozenset(("script", "style", "title", "template", "noscript", "xml", "object"))
_BR = "\ue000"  # a <br> in collected text, until white space is collapsed
_CELL_ENDS = frozenset(("td", "th"))
_STRUCK = frozenset(("s", "strike", "del"))


class TooManyCells(Exception):
    def __init__(self, rows: int, cols: int, limit: int) -> None:
        super().__init__("too_many_cells")
        self.params = {"cells": rows * cols, "rows": rows, "cols": cols, "limit": limit}


def stream_html(path: str, max_cells: int, emit: Emit) -> None:
    raw = Path(path).read_bytes()
    text, declared = decoded(path, raw)
    if text is None:
        emit(("error", "html_unreadable", {"encoding": declared or "—"}))
        return
    name = Path(path).stem[:31] or "Sheet1"
    found = _SHEET_NAME_RE.search(text[:65536])
    if found and found.group(1).strip():
        name = found.group(1).strip()
    grid = _Grid(max_cells)
    try:
        parser = _Page(max_cells)
        parser.feed(text)
        parser.close()
        if (parser.open or parser.flat) and not parser.ended:  # cut off inside a row: its last cells missing
            emit(("error", "html_cut_off", {}))
            return
        if not any(isinstance(item, _Table) for item in parser.items):
            emit(("error", "html_no_table", {}))
            return
        for item in parser.items:
            grid.table(item) if isinstance(item, _Table) else grid.line(item)
    except TooManyCells as exc:
        emit(("book", "html", False, [(name, True, True)]))
        emit(("sheet_error", name, "too_many_cells", exc.params))
        return
    emit(("book", "html", False, [(name, True, True)]))
    rows = grid.rows
    if not rows:
        emit(("sheet", name, 0, 0, [], [], 0, 0, []))
        emit(("end", name, 0))
        return
    width = max(1, max(map(len, rows), default=0), max((m[3] + 1 for m in grid.merged), default=0))
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    try:
        stream_rows(name, iter(rows), (len(rows) - 1, width - 1), len(rows), grid.merged, [], [], emit,
                    grid.hidden.ranges())  # fmt: skip
    except CellTooLong as exc:
        emit(("sheet_error", name, "text_too_long" if exc.total else "cell_too_long", {"limit": MAX_CELL_CHARS}))


class _Table:
    """A table as parsed: rows of cells, each cell a list — its attributes that matter (or None)
    then its pieces, text or a _Table nested in it, in order."""

    __slots__ = ("caption", "hidden", "rows")

    def __init__(self) -> None:
        self.rows: list[list[list]] = []
        self.hidden: list[bool] = []
        self.caption: list | None = None

    def widest(self) -> int:
        return max(map(len, self.rows), default=0)

    def nested(self) -> Iterator[_Table]:
        return (p for row in self.rows for cell in row for p in cell[1:] if isinstance(p, _Table))

    def is_layout(self) -> bool:
        """A table around the page's real one: a column or three, a few rows, and inside it a table
        wider than itself. (A data table with a small table in one cell is wider than that.)"""
        own = self.widest()
        return own <= 3 and len(self.rows) <= 8 and any(t.deep_widest() > own for t in self.nested())

    def deep_widest(self) -> int:
        return max([self.widest(), *(t.deep_widest() for t in self.nested())])


_KEPT = ("rowspan", "colspan", "x:num", "x:str")


class _Page(HTMLParser):
    """The page as a list of lines (text outside the tables) and top-level tables. Browsers'
    leniency is kept: a <td> or <tr> ends the one before it without its end tag, a </table> ends
    all that is open in it. Cells are counted against the limit as they come."""

    def __init__(self, max_cells: int) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str | _Table] = []
        self.open: list[tuple[_Table, list | None]] = []  # the tables open, each with its open cell
        self.ignored = 0  # inside <script>, <style>, <title>, <xml> …
        self.text: list[str] = []  # text outside the tables, waiting for its block to end
        self.cells, self.max_cells = 0, max_cells
        self.flat = 0  # tables open deeper than MAX_DEPTH: their cells are text of the cell around them
        self.struck = 0  # inside <s>, <strike> or <del> in a cell: text a reader sees crossed out
        self.ended = False  # </body> or </html> met: a table left open was left so, not cut off (probe31b h05)

    def _target(self) -> list | None:
        """Where text goes now: the open cell (or caption) of the innermost table, or nowhere."""
        return self.open[-1][1] if self.open else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # whatever <title> or <xml> the head left open
            self.ignored = 0
        if tag in _IGNORED:
            self.ignored += 1
            return
        if self.ignored:
            return
        if tag in _STRUCK:
            self.struck += 1
            return
        if tag in ("td", "th", "tr", "table", "caption"):
            self.struck = 0  # a crossing-out ends with its cell, closed or not (as browsers scope it)
        if self.flat or (tag == "table" and len(self.open) >= MAX_DEPTH):
            self.flat += tag == "table"
            if (cell := self._target()) is not None and tag in ("table", "tr", "td", "th", "br", "p", "div"):
                cell.append(" ")
            return
        if tag == "table":
            table = _Table()
            cell = self._target()
            if cell is not None:
                cell.append(table)
            else:
                self.flush_text()
                self.items.append(table)
            self.open.append((table, None))
            return
        if not self.open:
            if tag == "br":
                self.text.append(_BR)
            elif tag in _BLOCKS:
                self.flush_text()
            return
        table, cell = self.open[-1]
        if tag == "tr":
            table.rows.append([])
            table.hidden.append(_hidden(dict(attrs)))
            self.open[-1] = (table, None)
        elif tag in _CELL_ENDS:
            if not table.rows:
                table.rows.append([])
                table.hidden.append(False)
            kept = {k: v for k, v in attrs if k in _KEPT}
            cell = [kept or None]
            table.rows[-1].append(cell)
            self.open[-1] = (table, cell)
            self.cells += 1
            if self.cells > self.max_cells:
                raise TooManyCells(self.cells, 1, self.max_cells)
        elif tag == "caption":
            table.caption = [None]
            self.open[-1] = (table, table.caption)
        elif cell is not None and (tag == "br" or (tag in ("p", "div", "li") and len(cell) > 1)):
            cell.append(_BR)

    def handle_endtag(self, tag: str) -> None:
        self.ended = self.ended or tag in ("body", "html")
        if tag in _IGNORED:
            self.ignored = max(0, self.ignored - 1)
            return
        if self.ignored:
            return
        if tag in _STRUCK:
            self.struck = max(0, self.struck - 1)
            return
        if self.flat:
            self.flat -= tag == "table"
        elif tag == "table" and self.open:
            self.open.pop()
        elif self.open and (tag in _CELL_ENDS or tag in ("tr", "caption")):
            self.open[-1] = (self.open[-1][0], None)
        elif not self.open and tag in _BLOCKS:
            self.flush_text()

    def handle_data(self, data: str) -> None:
        if self.ignored:
            return
        data = data.replace(_BR, " ")
        if self.struck and self.open:  # 签约 struck through beside 在建: not the cell's value
            return
        if not self.open:
            self.text.append(data)
        elif (cell := self._target()) is not None:
            cell.append(data)

    def close(self) -> None:
        super().close()
        self.flush_text()

    def flush_text(self) -> None:
        for line in _clean("".join(self.text)).split("\n"):
            if line.strip():
                self.items.append(line.strip())
        self.text = []


class _Grid:
    """The sheet: the page's lines and tables laid out one below the other, merged ranges, hidden
    rows; the dense area held against the cell limit as rows are added."""

    def __init__(self, max_cells: int) -> None:
        self.max_cells = max_cells
        self.rows: list[list] = []
        self.merged: list[tuple[int, int, int, int]] = []
        self.hidden = RangeCollector()
        self.width = 0

    def line(self, text: str) -> None:
        """Text outside the tables: a row of its own, in the first column."""
        self.rows.append([text])
        self._check(1)

    def table(self, table: _Table) -> None:
        """A table of data as a grid — or, when a table nested in it is longer than it is (a page
        laid out with a table around its real one), its cells' text as lines and its tables."""
        if table.caption is not None and (caption := _text(table.caption)):
            self.line(caption.replace("\n", " "))
        if table.is_layout():
            for layout_row in table.rows:
                for cell in layout_row:
                    own = _text([p for p in cell if not isinstance(p, _Table)])
                    for line in own.split("\n") if own else ():
                        self.line(line)
                    for nested in (p for p in cell[1:] if isinstance(p, _Table)):
                        self.table(nested)
            return
        first, first_merge = len(self.rows), len(self.merged)
        covered: dict[int, int] = {}  # column → the last row a rowspan above covers
        for cells, hidden in zip(table.rows, table.hidden, strict=True):
            r, row = len(self.rows), list[object]()
            self.rows.append(row)
            if hidden:
                self.hidden.add(r)
            for cell in cells:
                attrs = cell[0] or {}
                rowspan, colspan = _span(attrs.get("rowspan"), MAX_ROWSPAN), _span(attrs.get("colspan"), MAX_COLSPAN)
                c = len(row)
                while covered.get(c, -1) >= r:
                    c += 1
                row.extend([""] * (c - len(row)))
                row.append(cell_value(_text(cell), attrs))
                row.extend([""] * (colspan - 1))
                if rowspan > 1 or colspan > 1:
                    self.merged.append((r, c, r + rowspan - 1, c + colspan - 1))
                    for j in range(c, c + colspan) if rowspan > 1 else ():
                        covered[j] = r + rowspan - 1
                self._check(len(row))
        last = len(self.rows) - 1  # a rowspan ends with its table (browsers and Excel cut it there)
        for k in range(first_merge, len(self.merged)):
            r0, c0, r1, c1 = self.merged[k]
            self.merged[k] = (r0, c0, max(min(r1, last), first), c1)

    def _check(self, width: int) -> None:
        self.width = max(self.width, width)
        if len(self.rows) * self.width > self.max_cells:
            raise TooManyCells(len(self.rows), self.width, self.max_cells)


def _text(cell: list) -> str:
    """A cell's text: its pieces (a cell's first item, its attributes, skipped) with the text of
    any table nested in it, cell after cell."""
    parts: list[str] = []
    for piece in cell[1:]:
        if isinstance(piece, _Table):
            parts.append(" " + " ".join(_text(c) for row in piece.rows for c in row) + " ")
        else:
            parts.append(piece)
    return _clean("".join(parts))


def _clean(text: str) -> str:
    """White space as a browser shows it: runs are one space, each <br> a line break."""
    lines = [_SPACE_RE.sub(" ", _WIDE_BREAK_RE.sub("", part)).strip() for part in text.split(_BR)]
    return "\n".join(lines).strip("\n")


def _span(value: str | None, cap: int) -> int:
    try:
        n = int((value or "1").strip().rstrip(";"))
    except ValueError:
        return 1
    return min(max(n, 1), cap)


def _hidden(attrs: dict[str, str | None]) -> bool:
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "hidden" in attrs
