"""Where the rows and cells of an .xlsx sheet are, when its XML does not say. The sheet scan of
io/xlsx_package.py finds error cells, formulas never calculated, percent cells and hidden rows by a
byte search, and places each by its r attribute (``<c r="G4"``, ``<row r="6"``). The r attribute is
optional: a ``<row>`` without one is the row after the row before it (the first is row 1), and a
``<c>`` without one the cell after the cell before it in its row (the first is column A), as Excel,
LibreOffice and python-calamine count them. Every spreadsheet program writes r, so the scan reads the
bytes as they are; only when it meets a mark it cannot place does it read the sheet again through
:class:`Places`, which writes the r of every row and cell into each block before the search (a
second pass, paid by such files alone). The same pass finds a row or a cell written twice: Excel
calls such a file corrupt, and the parsers keep the last copy without a word. The byte search knows
only the spelling every program writes (``<c r="G4"``: r first, double quotes, no spaces); a sheet with
a row or cell tag spelled any other way XML allows (``<c r='G4'>``, ``<c r = "G4">``, ``<row spans="1:7"
r="5">``, a cell without r) is read through :class:`Places`, which reads them as python-calamine does
(probe29b t02, t04, t07: a copy so spelled had been stored).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from zqtracker.io.numfmt import column_letter
from zqtracker.io.xlsx_formulas import Unplaced, column_number

# A row or cell tag, its attributes' quoted values read whole (a ">" inside one ends no tag)
_TAG_RE = re.compile(rb"<((?:\w+:)?)(c|row)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# What a parser passes over, or reads as text: comments, processing instructions and CDATA sections
# (no tag inside one is a row or a cell, nor shifts the place of the next one written without its r)
_SKIP_RE = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>", re.S)
_ROW_R_RE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([0-9]+)[\"']")
_CELL_R_RE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([A-Za-z]+)([0-9]+)[\"']")
_MAX_ROW, _MAX_COL = 1 << 20, 1 << 14


# The canonical spelling every spreadsheet program writes (Excel, WPS, LibreOffice, openpyxl): r first,
# in double quotes, no space around "=", no leading zero. A tag written any other way (single quotes,
# spaces, r after another attribute or left out, a namespace prefix, a comment) has the sheet read
# through :class:`Places`, which reads XML as a parser does.
_ROW_NUMBER_RE = re.compile(rb'<row r="([1-9][0-9]{0,6})"')
_CELL_REF_RE = re.compile(rb'<c r="([A-Z]{1,3}[1-9][0-9]{0,6})"')
_TAG_ENDS = (b" ", b">", b"/", b"\t", b"\n", b"\r")  # what may follow a tag's name
_PREFIXED_RE = re.compile(rb":(?:c|row)[\s/>]")
_ROW_CELLS = 1 << 14  # the most cells a row holds: those of the row a block ends in, held against the next
# A cell the canonical spelling may place past Excel's grid (row 1,000,000 or more, column XFE or
# later): the sheet is then read through :class:`Places`, which tells
_FAR_REF_RE = re.compile(rb'<c r="(?:[A-Z]{1,3}[1-9][0-9]{6}"|X[F-Z][E-Z][0-9]|X[G-Z][A-Z][0-9]|[YZ][A-Z]{2}[0-9])')


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
        refs = _CELL_REF_RE.findall(data)
        if (
            _PREFIXED_RE.search(data) is not None
            or not _canonical(data, b"<row", len(numbers))
            or not _canonical(data, b"<c", len(refs))
        ):
            raise Unplaced
        if numbers and (numbers[0] <= self.last or any(map(int.__ge__, numbers, numbers[1:]))):
            raise Unplaced
        if numbers:
            self.last = numbers[-1]
            if self.last > _MAX_ROW:  # past Excel's grid: python-calamine wraps a row past 2^32 onto another
                raise Unplaced
        if _FAR_REF_RE.search(data) is not None:
            raise Unplaced
        if self.tail:
            refs = self.tail + refs
        if len(set(refs)) != len(refs):
            raise Unplaced
        self.tail = refs[-_ROW_CELLS:]


def _canonical(data: bytes, tag: bytes, spelled: int) -> bool:
    """Whether every ``tag`` (b"<c", b"<row") of ``data`` is one of the ``spelled`` canonical ones: one
    count of the bytes when so, the tags counted one by one only where another name starts the same
    (``<cols>``, ``<rowBreaks>``). A comment or a CDATA section holding a tag only adds one the parser
    does not see (the sheet then goes through :class:`Places`, which passes over them): none is missed."""
    return data.count(tag) == spelled or sum(data.count(tag + end) for end in _TAG_ENDS) == spelled


class Places:
    """Blocks of one sheet part (whole cells, io/xlsx_package.whole_elements), each row and cell tag
    rewritten with its r first (``<c r="G4" s="1" t="e">``), counted as Excel counts them; ``twice``
    names the first row ("5") or cell ("G4") the XML writes a second time, or the first past Excel's
    1,048,576 rows or 16,384 columns ("past-row:4294967299", "past-cell:XFE2"), where no program
    writes one and the parsers disagree: python-calamine puts a row past 2^32 on the row it wraps to
    (over a real one) and leaves out a cell past XFD (probe31b x10b, x21)."""

    def __init__(self) -> None:
        self.row = 0  # the row last met, 1-based
        self.col = 0  # the column of the cell last met in it, 1-based
        self.rows: set[int] = set()
        self.cells: set[int] = set()  # the columns met in the current row
        self.twice: str | None = None

    def blocks(self, blocks: Iterable[bytes]) -> Iterator[bytes]:
        for data in blocks:
            if b"<!" in data or b"<?" in data:
                data = _SKIP_RE.sub(_skipped, data)
            yield _TAG_RE.sub(self._place, data)

    def _place(self, m: re.Match[bytes]) -> bytes:
        prefix, name, attrs = m.groups()
        if name == b"row":
            ref = _ROW_R_RE.search(attrs)
            self.row = int(ref.group(1)) if ref is not None else self.row + 1
            if self.row > _MAX_ROW and self.twice is None:
                self.twice = f"past-row:{self.row}"
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
            if (self.col > _MAX_COL or row > _MAX_ROW) and self.twice is None:
                self.twice = "past-cell:" + ref.group(1).decode().upper() + ref.group(2).decode()
        text = f"{column_letter(min(self.col, _MAX_COL) - 1)}{min(max(row, 1), _MAX_ROW)}"
        if row == self.row:
            if self.col in self.cells and self.twice is None:
                self.twice = text
            self.cells.add(self.col)
        return b"<" + prefix + b'c r="' + text.encode() + b'"' + (rest if rest[:1].isspace() else b" " + rest) + b">"


def _skipped(m: re.Match[bytes]) -> bytes:
    """A comment or an instruction left out; a CDATA section's text kept, escaped as text is."""
    text = m.group(0)
    if not text.startswith(b"<![CDATA["):
        return b""
    return text[9:-3].replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")


TWICE = -2  # the scan's last mark of a sheet with a row or a cell written twice: (TWICE, TWICE, "G4")
UNREAD = -3  # of every sheet when a part the scan needs is no XML expat reads: (UNREAD, UNREAD, part)


class PartUnreadable(Exception):
    """A part of the package (its name the argument) our XML reader cannot parse, where python-calamine
    may well read it: the facts it holds would be lost without a word, so the file is refused."""


def twice_refusal(ref: str) -> tuple[str, dict]:
    """The sheet's refusal (code, params) for a row ("5") or a cell ("G4") written twice, or one
    past Excel's grid ("past-row:N", "past-cell:XFE2": :attr:`Places.twice`)."""
    if ref.startswith("past-row:"):
        return "xml_row_past_grid", {"row": ref[9:]}
    if ref.startswith("past-cell:"):
        return "xml_cell_past_grid", {"cell": ref[10:]}
    return ("xml_row_twice", {"row": int(ref)}) if ref.isdigit() else ("xml_cell_twice", {"cell": ref})


def unread_part(marks: list[tuple[int, int, str]]) -> str | None:
    """The part named by a sheet's scan marks as unreadable (the whole file is refused), else None."""
    return marks[-1][2] if marks and marks[-1][0] == UNREAD else None


# A tag from its "<" to its ">", its attribute values read whole ("<" is never inside one, ">" may be)
_WHOLE_TAG_RE = re.compile(rb"<[^<>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^<>\"']*)*>")


def block_end(data: bytes, end: bytes) -> int:
    """Where a block of a part may end: just after the last ``end`` (b"c>": a cell's) that is the end of a
    whole tag or lies in text, not inside a tag's attribute value (XML allows ">" in one), a comment or a
    CDATA section — a tag cut in two is seen in neither block, and the cells after it, written without
    their r, would each be placed a column to the left. 0 when there is none. Each ``end`` passed over
    moves the search back before its tag or section: a block is looked at a bounded number of times."""
    pos = len(data)
    while (last := data.rfind(end, 0, pos)) >= 0:
        cut = last + len(end)
        section = _open_section(data, cut)
        if section >= 0:
            pos = section
            continue
        start = data.rfind(b"<", 0, cut - 1)
        m = _WHOLE_TAG_RE.match(data, start) if start >= 0 else None
        if start < 0 or (m is not None and m.end() <= cut):
            return cut
        pos = start  # inside the tag from ``start``: so is every ``end`` after its "<"
    return 0


def _open_section(data: bytes, cut: int) -> int:
    """Where a comment or a CDATA section opened before ``cut`` and not closed by then starts; -1 if none."""
    if b"<!" not in data:
        return -1
    comment, cdata = data.rfind(b"<!--", 0, cut), data.rfind(b"<![CDATA[", 0, cut)
    if comment > data.rfind(b"-->", 0, cut):
        return comment
    return cdata if cdata > data.rfind(b"]]>", 0, cut) else -1
