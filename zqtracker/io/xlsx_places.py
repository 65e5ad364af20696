"""Where the rows and cells of an .xlsx sheet are, when its XML does not say. The sheet scan of
io/xlsx_package.py finds error cells, formulas never calculated, percent cells and hidden rows by a
byte search, and places each by its r attribute (``<c r="G4"``, ``<row r="6"``). The r attribute is
optional: a ``<row>`` without one is the row after the row before it (the first is row 1), and a
``<c>`` without one the cell after the cell before it in its row (the first is column A), as Excel,
LibreOffice and python-calamine count them. Every spreadsheet program writes r, so the scan reads the
bytes as they are; only when it meets a mark it cannot place does it read the sheet again through
:class:`Places`, which writes the r of every row and cell into each block before the search (a
second pass, paid by such files alone). The same pass finds a row or a cell written twice: Excel
calls such a file corrupt, and the parsers keep the last copy without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from zqtracker.io.numfmt import column_letter
from zqtracker.io.xlsx_formulas import Unplaced, column_number

_TAG_RE = re.compile(rb"<((?:\w+:)?)(c|row)\b([^>]*)>")
_ROW_R_RE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([0-9]{1,7})[\"']")
_CELL_R_RE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_MAX_ROW, _MAX_COL = 1 << 20, 1 << 14


_ROW_NUMBER_RE = re.compile(rb'<row r="([0-9]{1,7})"')
_CELL_REF_RE = re.compile(rb'\sr="([A-Z]{1,3}[0-9]{1,7})"')
_ROW_CELLS = 1 << 14  # the most cells a row holds: those of the row a block ends in, held against the next


class RowOrder:
    """The rows of a sheet's blocks as written, in ascending order: a row out of order or written twice,
    or a cell's place (``r="G4"``) written twice, raises :class:`Unplaced`, and the pass through
    :class:`Places` says which. The cells' places are held in a set, block by block (and the last row's
    of a block against the next's: rows come in order, so a place can come again only in that row); a
    cell written twice had been read silently as its last copy (probe24a x11) — about 0.35 s for every
    million cells, on the scan's side of the reading."""

    def __init__(self) -> None:
        self.last = 0
        self.tail: list[bytes] = []

    def check(self, data: bytes) -> None:
        numbers = list(map(int, _ROW_NUMBER_RE.findall(data)))
        if numbers and (numbers[0] <= self.last or any(map(int.__ge__, numbers, numbers[1:]))):
            raise Unplaced
        if numbers:
            self.last = numbers[-1]
        refs = _CELL_REF_RE.findall(data)
        if self.tail:
            refs = self.tail + refs
        if len(set(refs)) != len(refs):
            raise Unplaced
        self.tail = refs[-_ROW_CELLS:]


class Places:
    """Blocks of one sheet part (whole cells, io/xlsx_package.whole_elements), each row and cell tag
    rewritten with its r first (``<c r="G4" s="1" t="e">``), counted as Excel counts them; ``twice``
    names the first row ("5") or cell ("G4") the XML writes a second time."""

    def __init__(self) -> None:
        self.row = 0  # the row last met, 1-based
        self.col = 0  # the column of the cell last met in it, 1-based
        self.rows: set[int] = set()
        self.cells: set[int] = set()  # the columns met in the current row
        self.twice: str | None = None

    def blocks(self, blocks: Iterable[bytes]) -> Iterator[bytes]:
        for data in blocks:
            yield _TAG_RE.sub(self._place, data)

    def _place(self, m: re.Match[bytes]) -> bytes:
        prefix, name, attrs = m.groups()
        if name == b"row":
            ref = _ROW_R_RE.search(attrs)
            self.row = int(ref.group(1)) if ref is not None else self.row + 1
            self.col = 0
            self.cells = set()
            if self.row in self.rows and self.twice is None:
                self.twice = str(self.row)
            self.rows.add(self.row)
            rest = attrs if ref is None else attrs[: ref.start()] + attrs[ref.end() :]
            return b"<" + prefix + b'row r="%d"' % self.row + rest + b">"
        ref = _CELL_R_RE.search(attrs)
        if ref is None:
            self.col += 1
            row, rest = self.row, attrs
        else:
            self.col = column_number(ref.group(1).decode())
            row, rest = int(ref.group(2)), attrs[: ref.start()] + attrs[ref.end() :]
        text = f"{column_letter(min(self.col, _MAX_COL) - 1)}{min(max(row, 1), _MAX_ROW)}"
        if row == self.row:
            if self.col in self.cells and self.twice is None:
                self.twice = text
            self.cells.add(self.col)
        return b"<" + prefix + b'c r="' + text.encode() + b'"' + (rest if rest[:1].isspace() else b" " + rest) + b">"


def twice_refusal(ref: str) -> tuple[str, dict]:
    """The sheet's refusal (code, params) for a row ("5") or a cell ("G4") written twice."""
    return ("xml_row_twice", {"row": int(ref)}) if ref.isdigit() else ("xml_cell_twice", {"cell": ref})
