"""What python-calamine does not tell about an OpenDocument spreadsheet: merged ranges, hidden
columns and rows (table:visibility "collapse", or "filter" for a row a filter hides), which
cells hold an error, which show a percentage or a date as a year and month alone (io/ods_styles.py),
which are struck through (their cell style's text is, or all their text is in struck paragraphs or
spans: marked STRUCK, as io/strike_styles.py marks an .xlsx's), and the null date (1904 when the
file came from a Mac).

One pass of expat over content.xml, counting rows and columns with their repeat attributes (a
row "repeated 1,048,000 times" is arithmetic, not a loop). io/sniff.py has already refused any
DOCTYPE in the package and bounded its size, so expat sees no entity declarations. Used in the
reading process.

python-calamine expands every repeat when it opens the file (a project row repeated 1,048,576
times: 7 million cells, 1.2 GB and over a minute), so the pass refuses the file first
(``Package.refused``) when a sheet's cells holding something, counted with their repeats, span
more than the cell limit, when a row holding something is repeated more than 1,000 times (more
than its marks are written for: no report repeats a project row so), or when its cells dated by
month would need more than MAX_STRUCK_CELLS marks.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from xml.parsers import expat

from zqtracker.io.ods_styles import StyleBook
from zqtracker.io.percent_format import MONTH_MARK
from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.strike_styles import MAX_STRUCK_CELLS, STRUCK
from zqtracker.io.xlsx_package import Package

_T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLES = ("urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0", "urn:oasis:names:tc:opendocument:xmlns:style:1.0")
_PLACES_RE = re.compile(r"[.,](\d+)\s*%")
_MAX_REPEAT = 1 << 20
_MAX_COLS = 16384
_MAX_MARKED_REPEATS = 1000  # a row holding something repeated more: refused (its first rows only would be marked)


class _Refused(Exception):
    """The file is refused: the walk stops."""


def _count(attrs: dict[str, str], key: str) -> int:
    try:
        return max(1, min(int(attrs.get(key, "1")), _MAX_REPEAT))
    except ValueError:
        return 1


class _Walker:
    def __init__(self, facts: Package, styles: StyleBook, max_cells: int) -> None:
        self.facts, self.styles, self.max_cells = facts, styles, max_cells
        self.extent = (0, 0)  # the rows and columns the sheet's cells holding something reach, repeats counted
        self.open_cell: tuple[int, int] | None = None  # the cell being read (column, repeat) while it seems empty
        self.col_styles: list[tuple[int, int, str]] = []  # columns' default cell styles (first, last, style)
        self.row_style = ""
        self.sheet: str | None = None
        self.row = self.col = 0
        self.row_repeat = 1
        self.row_hidden = False
        self.rows = RangeCollector()
        self.error: tuple[int, int] | None = None
        self.percent = 0  # the columns of the cell being read when it holds a percentage (repeated)
        self.error_text: list[str] = []
        self.in_p = 0
        self.cell: tuple[int, int, int, bool, bool] | None = None  # (row, col, repeat, style struck, valued)
        self.spans: list[bool] = []  # the cell's open paragraphs and spans: struck through?
        self.plain = self.crossed = False  # the cell has text outside struck spans, inside them

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        ns, _, local = tag.rpartition(" ")
        if ns in _STYLES:
            self.styles.start(ns, local, attrs)
        elif ns == _T:
            if local == "table":
                self.sheet = attrs.get(f"{_T} name", "")
                self.row = self.col = 0
                self.extent = (0, 0)
                self.col_styles = []
                self.rows = RangeCollector()
                self.facts.hidden[self.sheet], self.facts.errors[self.sheet] = [], []
                self.facts.merged[self.sheet] = []
            elif local == "table-column" and self.sheet is not None:
                n = _count(attrs, f"{_T} number-columns-repeated")
                if f"{_T} default-cell-style-name" in attrs:
                    self.col_styles.append((self.col, self.col + n - 1, attrs[f"{_T} default-cell-style-name"]))
                if attrs.get(f"{_T} visibility", "visible") != "visible" and self.col < _MAX_COLS:
                    self.facts.hidden[self.sheet].append((self.col, min(self.col + n, _MAX_COLS) - 1))
                self.col += n
            elif local == "table-row":
                self.row_repeat = _count(attrs, f"{_T} number-rows-repeated")
                self.row_hidden = attrs.get(f"{_T} visibility", "visible") in ("collapse", "filter")
                self.row_style = attrs.get(f"{_T} default-cell-style-name", "")
                self.col = 0
            elif local in ("table-cell", "covered-table-cell") and self.sheet is not None:
                self._cell(local, attrs)
            elif local == "null-date" and attrs.get(f"{_T} date-value", "").startswith("1904-01-01"):
                self.facts.date1904 = True
        elif ns == _TEXT and local == "p" and (self.error is not None or self.percent):
            self.in_p += 1
        if ns == _TEXT and self.cell is not None and local in ("p", "span"):
            family = "paragraph" if local == "p" else "text"
            self.spans.append(
                bool(self.spans and self.spans[-1]) or self.styles.strikes(family, attrs.get(f"{_TEXT} style-name"))
            )

    def _cell(self, local: str, attrs: dict[str, str]) -> None:
        n = _count(attrs, f"{_T} number-columns-repeated")
        sheet = self.sheet or ""
        self.open_cell = (self.col, n)
        if f"{_OFFICE} value-type" in attrs:
            self._holds(self.col, n)
        if local == "table-cell" and self.styles.any_struck and self.col < _MAX_COLS:
            # struck through? decided at the cell's end, when its text is known (end_cell)
            style = self._style(attrs.get(f"{_T} style-name"))
            struck = self.styles.strikes("table-cell", style)
            self.cell = (self.row, self.col, min(n, _MAX_COLS - self.col), struck, f"{_OFFICE} value-type" in attrs)
            self.spans, self.plain, self.crossed = [], False, False
        if local == "table-cell":
            cols = _count(attrs, f"{_T} number-columns-spanned")
            rows = _count(attrs, f"{_T} number-rows-spanned")
            if cols > 1 or rows > 1:
                self.facts.merged[sheet].append((self.row, self.col, self.row + rows - 1, self.col + cols - 1))
            if attrs.get(f"{_CALCEXT} value-type") == "error":
                self.error, self.error_text = (self.row, self.col), []
            elif attrs.get(f"{_OFFICE} value-type") == "percentage" and self.col < _MAX_COLS:
                self.percent, self.error_text = min(n, _MAX_COLS - self.col), []
                return  # the cell's end marks it and moves on
            elif attrs.get(f"{_OFFICE} value-type") == "date" and self._shows_month(attrs.get(f"{_T} style-name")):
                # a date shown as 2026年6月: its day is no part of what the cell says (io/ods_styles.py)
                marks, cols = self.facts.errors[sheet], min(n, _MAX_COLS - self.col)
                if len(marks) + self.row_repeat * cols > MAX_STRUCK_CELLS:
                    raise _Refused("too_many_month_cells", {"sheet": sheet, "limit": MAX_STRUCK_CELLS})
                marks.extend(
                    (self.row + r, self.col + k, MONTH_MARK) for r in range(self.row_repeat) for k in range(cols)
                )
        self.col += n

    def _holds(self, col: int, n: int) -> None:
        """The cell (``n`` columns from ``col``, in each of the row's repeats) holds something."""
        self.open_cell = None
        rows, cols = max(self.extent[0], self.row + self.row_repeat), max(self.extent[1], col + n)
        self.extent, sheet = (rows, cols), self.sheet or ""
        if self.row_repeat > _MAX_MARKED_REPEATS:
            params = {"sheet": sheet, "row": self.row + 1, "count": self.row_repeat, "last": self.row + self.row_repeat}
            raise _Refused("ods_repeated_row", {**params, "limit": _MAX_MARKED_REPEATS})
        if rows * cols > self.max_cells:
            raise _Refused("too_many_cells", {"sheet": sheet, "cells": rows * cols, "rows": rows, "cols": cols,
                                              "limit": self.max_cells})  # fmt: skip

    def _style(self, style: str | None) -> str:
        """The cell's style: its own, else its row's default, else its column's."""
        if not style:
            style = self.row_style or next((s for a, b, s in self.col_styles if a <= self.col <= b), "")
        return style

    def _shows_month(self, style: str | None) -> bool:
        """The cell's style shows a year and month."""
        style = self._style(style)
        return bool(style) and self.styles.shows_month(style)

    def _end_cell(self) -> None:
        """The cell read: struck through when it holds something and its style strikes it through, or
        when it holds text and all of it is in struck paragraphs or spans (a part struck: not judged)."""
        row, col, n, styled, valued = self.cell or (0, 0, 0, False, False)
        self.cell = None
        marks = self.facts.errors[self.sheet or ""]
        if not ((styled and (valued or self.plain or self.crossed)) or (self.crossed and not self.plain)):
            return
        cells = ((row + r, col + k, STRUCK) for r in range(min(self.row_repeat, _MAX_MARKED_REPEATS)) for k in range(n))
        marks.extend(itertools.islice(cells, max(0, MAX_STRUCK_CELLS - len(marks))))

    def end(self, tag: str) -> None:
        ns, _, local = tag.rpartition(" ")
        if ns == _T and local in ("table-cell", "covered-table-cell"):
            self.open_cell = None
        if self.cell is not None:
            if ns == _T and local == "table-cell":
                self._end_cell()
            elif ns == _TEXT and local in ("p", "span") and self.spans:
                self.spans.pop()
        if ns == _T and local == "table-row":
            if self.row_hidden and self.sheet is not None:  # a million repeated rows: one range
                self.rows.add(self.row, self.row + self.row_repeat - 1)
            self.row += self.row_repeat
        elif ns == _T and local == "table-cell" and self.error is not None:
            text = "".join(self.error_text).strip() or "#VALUE!"
            self.facts.errors[self.sheet or ""].append((*self.error, text[:32]))
            self.error = None
        elif ns == _T and local == "table-cell" and self.percent:
            # a number shown as a percentage: marked "%" and the decimals its text shows (io/percent_format.py)
            m = _PLACES_RE.search("".join(self.error_text))
            mark = f"%{min(len(m.group(1)), 15) if m else 0}"
            self.facts.errors[self.sheet or ""].extend((self.row, self.col + k, mark) for k in range(self.percent))
            self.col += self.percent
            self.percent = 0
        elif ns == _T and local == "table":
            if self.sheet is not None:
                self.facts.hidden_rows[self.sheet] = self.rows.ranges()
            self.sheet = None
        elif ns == _TEXT and local == "p" and self.in_p:
            self.in_p -= 1
        elif ns in _STYLES:
            self.styles.end(ns, local)

    def text(self, data: str) -> None:
        if self.open_cell is not None and data.strip():  # text without a value type: calamine reads it too
            self._holds(*self.open_cell)
        if self.in_p and len(self.error_text) < 8:
            self.error_text.append(data)
        if self.cell is not None and data.strip():
            if self.spans and self.spans[-1]:
                self.crossed = True
            else:
                self.plain = True


def ods_facts(path: str, max_cells: int = 20_000_000) -> Package:
    """Best effort: a damaged package is read (or refused) by the parser itself. A sheet too big to
    open refuses the file (``refused``)."""
    facts = Package()
    styles = StyleBook()
    try:
        with zipfile.ZipFile(path) as zf:
            styles.read_styles(zf)
    except Exception:  # noqa: BLE001  (the dates then read as the days they hold)
        pass
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
            walker = _Walker(facts, styles, max_cells)
            parser.StartElementHandler = walker.start
            parser.EndElementHandler = walker.end
            parser.CharacterDataHandler = walker.text
            while block := fh.read(1 << 20):
                parser.Parse(block, False)
            parser.Parse(b"", True)
    except _Refused as exc:
        facts.refused = (exc.args[0], exc.args[1])
    except Exception:  # noqa: BLE001
        pass
    return facts
