"""CSV files, parsed in the reading process (io/worker.py) under its memory and CPU limits.

Excel and WPS on Chinese Windows save "CSV" as GB18030 (GBK); others as UTF-8 with or without a
BOM; a few as UTF-16, with or without a BOM. The file is decoded as a stream and handed to the csv
module whole (``newline=""``): only CR and LF end a record, so a quoted cell keeps its line
breaks and U+2028, NEL or a form feed inside a field stays in it. Before the csv module builds a
record, its line's delimiters are counted against the cell budget, so 99 MB of commas is refused
instead of becoming a list of a hundred million cells; a field longer than Excel allows is
refused by the csv module itself.

A cell whose text is exactly how a spreadsheet shows a number ("12.5", "2023.1", "45200") is
sent as that number, the way the .xlsx path gets it (a CSV saved by Excel "as shown" holds what
its number cells showed), so the same parser sees the same value: "2023.1" in a month column is
refused as ambiguous whatever the format. Text a number never shows as ("0015", "2023.10",
"12.50", "1e3") stays text.

A row with values beyond the header's last column is refused (``csv_long_row``): in a CSV written
by hand or by a script, an amount with an unquoted thousands separator (``12,000``) splits into two
fields, the first read as 12 and the rest shifted under the next header or under none, and dropped.
The reference is the header the import will use: io/header_rows.py's choice among the first
HEADER_SCAN_ROWS rows, its width counted with trailing empty fields (Excel writes the empty cells
of a merged "2023年完成投资" over its months), widened by the rows above it (titles, a group row)
and by a second header or unit row under it. A row is as wide as its last non-empty field, so
``a,b,c,,,`` under a three-column header is fine. Finding the header costs imports, so it is only
done when a row is wider than every row before it — the first too-wide row always is, as nothing
above it is wider than the header. When no header is found, the widest of the first rows is the
reference for the rows after them.

A quote that opens a field and is never closed makes the csv module read the rest of the file into
that one field, and a stray quote closed a line or more later joins the rows between into one: both
are refused naming the row where the quote opened (``csv_open_quote``). The first kind is a record
the csv module only ends at the end of the file (a closed record ends at its line break). The
second is a quoted field whose text, after a line break, holds a line with as many delimiters as a
row has, or nearly (three quarters of them): the next rows swallowed. A note or an address over two
lines, with a comma or two, has far fewer. A field too long for Excel that spans lines is the same
runaway quote.

A last row without a line ending that has fewer fields than every other row of two fields or more is
refused (``csv_cut_off``): the file was cut there — a copy or a download still running — and its last
value may be cut too (12 of 12000 万元; probe27a). Excel writes every row as wide as the table, so a
whole file never looks so; a complete last row without a line ending imports as before.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from zqtracker.io.columns import EXCEL_COLUMNS
from zqtracker.io.sheet_stream import EXCEL_ERRORS

CHUNK_ROWS = 4096
HEADER_SCAN_ROWS = 40  # io/header_rows.py looks for the header among this many first rows
MAX_CELL_CHARS = 32_767
SAMPLE_CHARS = 64 * 1024
DELIMITERS = ",;\t|"
Emit = Callable[[tuple], None]


# -- encodings ---------------------------------------------------------------------------------------
def bomless_utf16(sample: bytes) -> str | None:
    """ "utf-16-le" / "utf-16-be" for UTF-16 text saved without a byte-order mark: in mostly-ASCII
    or CJK text one byte of most pairs is zero, always on the same side."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd = sample[1 : pairs * 2 : 2].count(0)
    even = sample[0 : pairs * 2 : 2].count(0)
    if odd >= pairs * 0.3 and even == 0:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def guess_encoding(sample: bytes) -> str | None:
    """The encoding of a file starting with ``sample`` (up to 64 KB), or None when no candidate
    decodes it: UTF-16 by BOM or zero bytes, else UTF-8 (with or without BOM), else GB18030."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = bomless_utf16(sample)
    if utf16 is not None:
        return utf16
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def whole_file_encoding(path: str) -> str | None:
    """The first candidate that decodes the whole file (a GBK character after the first 64 KB
    makes it GB18030 even if the start was plain ASCII)."""
    with open(path, "rb") as fh:
        first = guess_encoding(fh.read(SAMPLE_CHARS))
    if first is None:
        return None
    candidates = [first] if first.startswith("utf-16") else [first, "gb18030"]
    return next((encoding for encoding in dict.fromkeys(candidates) if decodes(path, encoding)), None)


def decodes(path: str, encoding: str) -> bool:
    """Whether the whole file decodes as ``encoding`` (read a megabyte at a time)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeError:  # (UTF-16 without a byte-order mark is a UnicodeError of its own)
        return False
    return True


# -- delimiter ---------------------------------------------------------------------------------------
def sniff_delimiter(sample: str) -> str:
    """The candidate that splits the first lines into the same number of fields most often (a
    linear count: csv.Sniffer's regular expressions take minutes on one long line)."""
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    if len(sample) >= SAMPLE_CHARS and len(lines) > 1:
        lines = lines[:-1]  # cut by the sample
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [ln.count(delimiter) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) if mode else 0, mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# -- numbers -----------------------------------------------------------------------------------------
_NUMBER_START = frozenset("0123456789-.")


def as_number(text: str) -> str | float:
    """``text`` as a float when it is exactly the text a spreadsheet shows for that number."""
    if not text or text[0] not in _NUMBER_START:
        return text
    try:
        number = float(text)
    except ValueError:
        return text
    if number != number or number in (float("inf"), float("-inf")):
        return text
    shown = str(int(number)) if number.is_integer() and abs(number) < 1e16 else repr(number)
    return number if shown == text else text


# -- streaming ---------------------------------------------------------------------------------------
class CsvRefused(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def filled_width(row: list[str]) -> int:
    """How many fields up to the last non-empty one (``a,b,c,,,`` and ``a,b,c, ,`` are 3 wide)."""
    width = len(row)
    while width and not row[width - 1].strip():
        width -= 1
    return width


class _RowWidths:
    """Refuses the first row with values beyond the header's width (see the module docstring).
    Rows are numbered from 1, as a spreadsheet program numbers them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.head: list[list[str | float]] = []  # the first HEADER_SCAN_ROWS rows, where the header is
        self.widest = 0  # the widest row so far
        self.pending: list[tuple[int, int]] = []  # (row, width) of head rows wider than all before them
        self.head_done = False
        self.header: tuple[int, int] | None = None  # (the header's last row, its width), once found

    def add(self, number: int, cells: list[str | float], width: int) -> None:
        wider = 0 < self.widest < width  # the first row can be no data row under a header
        self.widest = max(self.widest, width)
        if number <= HEADER_SCAN_ROWS:
            self.head.append(cells)
            if wider:
                self.pending.append((number, width))
            if number == HEADER_SCAN_ROWS:
                self.finish_head()
        elif wider:
            self._check(number, width)

    def finish_head(self) -> None:
        """The head is read (or the file ended within it): check the rows of it that were wider."""
        if not self.head_done:
            self.head_done = True
            for number, width in self.pending:
                self._check(number, width)

    def _check(self, number: int, width: int) -> None:
        if self.header is None:
            self.header = self._find_header()
        last_header_row, header_width = self.header
        if number > last_header_row and width > header_width:
            raise CsvRefused("csv_long_row", row=number, fields=width, header=header_width)

    def _find_header(self) -> tuple[int, int]:
        """(1-based last row of the header, its width) as the import will see the header."""
        from zqtracker.io import header_rows, sheet_context
        from zqtracker.io.reader import RawSheet
        from zqtracker.io.values import year_in

        sheet = RawSheet(self.name, rows=self.head)
        name_year = year_in(self.name)
        hr = header_rows.find_header_row(sheet, sheet_context.title_year(sheet, len(self.head)) or name_year)
        if hr is None:  # no header the import would find: the widest of the first rows
            return len(self.head), max(len(r) for r in self.head)
        year = sheet_context.title_year(sheet, hr) or sheet_context.header_year(sheet, hr) or name_year
        if header_rows.looks_like_subheader(sheet, hr, year) or header_rows.unit_row_below(sheet, hr):
            hr += 1
        return hr + 1, max(len(r) for r in self.head[: hr + 1])


def _budgeted_lines(fh, delimiter: str, max_cells: int, state: dict) -> Iterator[str]:
    """The file's physical lines, each checked before the csv module builds fields from it; sets
    ``state["eof"]`` once the file is read to its end."""
    cells = 0
    for line in fh:
        cells += line.count(delimiter) + 1
        if cells > max_cells:
            raise CsvRefused(
                "too_many_cells", cells=cells, rows=state["row"] + 1, cols=line.count(delimiter) + 1, limit=max_cells
            )
        if "\x00" in line:
            state["nul"] = True
        state["open_end"] = not line.endswith(("\n", "\r"))
        state["line"] = line
        yield line
    state["eof"] = True


def _long_field(line: str, delimiter: str) -> int:
    """The 0-based index of the first field of ``line`` longer than Excel allows (a record on one line)."""
    limit = csv.field_size_limit(len(line) + 1)
    try:
        fields = next(csv.reader([line], delimiter=delimiter), [])
    finally:
        csv.field_size_limit(limit)
    return next((j for j, v in enumerate(fields) if len(v) > MAX_CELL_CHARS), 0)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what ends a record (U+2028 and the like do not)


def swallows_rows(row: list[str], delimiter: str, width: int) -> bool:
    """Whether a quoted field of ``row`` holds, after a line break, a line with as many delimiters as
    a row ``width`` fields wide has, or three quarters of them: rows joined by a stray quote."""
    if width < 2:
        return False
    needed = max(1, (width - 1) - (width - 1) // 4)
    return any(
        line.count(delimiter) >= needed
        for value in row
        if "\n" in value or "\r" in value
        for line in _LINE_BREAK.split(value)[1:]
    )


def stream_csv(path: str, max_cells: int, emit: Emit) -> None:
    name = Path(path).stem
    encoding = whole_file_encoding(path)
    if encoding is None:
        emit(("error", "csv_unreadable", {"detail": "not UTF-8, UTF-16 or GB18030 text"}))
        return
    if encoding == "gb18030":  # or Big5, whose bytes GB18030 reads as mojibake (io/csv_big5.py)
        from zqtracker.io.csv_big5 import big5_instead

        if (big5 := big5_instead(path)) is not None:
            encoding = big5
            emit(("read_as", "Big5"))
    try:
        _stream(path, name, encoding, max_cells, emit)
    except CsvRefused as exc:
        emit(("sheet_error", name, exc.code, exc.params))


def _stream(path: str, name: str, encoding: str, max_cells: int, emit: Emit) -> None:
    with open(path, encoding=encoding, newline="") as fh:
        delimiter = sniff_delimiter(fh.read(SAMPLE_CHARS))
        fh.seek(0)
        emit(("book", "csv", False, [(name, True, True)]))
        emit(("sheet", name, 0, 0, [], [], 0, 0, []))
        csv.field_size_limit(MAX_CELL_CHARS)
        state: dict[str, Any] = {"row": 0, "nul": False, "eof": False, "open_end": False, "line": ""}
        widths = _RowWidths(name)
        reader = csv.reader(_budgeted_lines(fh, delimiter, max_cells, state), delimiter=delimiter)
        chunk: list[list[str | float]] = []
        marks: list[tuple[int, int, str]] = []
        widest = 0  # fields in the widest record so far, trailing empty ones included
        shape: set[int] = set()  # how many fields the rows of two or more have, up to the last row
        last: list[str] = []
        while True:
            first_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "field larger" in str(exc):
                    if reader.line_num > first_line:  # a field over line breaks: a quote left open
                        raise CsvRefused("csv_open_quote", row=state["row"] + 1) from None
                    letter = _letter(_long_field(state["line"], delimiter))  # rows are read in order: its place
                    row_number = state["row"] + 1
                    raise CsvRefused("csv_cell_too_long", limit=MAX_CELL_CHARS, row=row_number, column=letter) from None
                raise CsvRefused("csv_bad_row", row=state["row"] + 1, detail=str(exc)) from None
            state["row"] += 1
            if len(last) > 1 and len(shape) < 2:  # (two counts: rows of any width, nothing to compare)
                shape.add(len(last))
            last = row
            if state["eof"] or (reader.line_num > first_line and swallows_rows(row, delimiter, widest)):
                raise CsvRefused("csv_open_quote", row=state["row"])
            widest = max(widest, len(row))
            if state["nul"]:
                column = next((j for j, v in enumerate(row) if "\x00" in v), 0)
                raise CsvRefused("csv_nul", row=state["row"], column=_letter(column))
            cells: list[str | float] = list(row) if len(row) <= EXCEL_COLUMNS else too_wide(row, state["row"])
            for j, v in enumerate(row):
                if v and (v[0] in _NUMBER_START or v[0] == "#"):
                    if v[0] == "#":
                        if v in EXCEL_ERRORS:
                            marks.append((len(chunk), j, v))
                    else:
                        cells[j] = as_number(v)
            widths.add(state["row"], cells, filled_width(row))
            chunk.append(cells)
            if len(chunk) >= CHUNK_ROWS:
                emit(("rows", chunk, marks))
                chunk, marks = [], []
        widths.finish_head()
        if state["open_end"]:
            refuse_cut_off(last, shape, state["row"])
        if chunk:
            emit(("rows", chunk, marks))
        emit(("end", name, 0))


def too_wide(row: list[str], number: int) -> list[str | float]:
    """A row past Excel's last column, XFD: refused if it has values there (a list that wide is none
    of a district's, and reading it column by column took minutes), else cut at XFD."""
    if (width := filled_width(row)) > EXCEL_COLUMNS:
        raise CsvRefused("csv_too_wide", row=number, columns=f"{width:,}")
    return list(row[:EXCEL_COLUMNS])


def refuse_cut_off(last: list[str], shape: set[int], number: int) -> None:
    """A last row without a line ending, with fewer fields than every other row has: the file was cut
    there (a copy or a download still running), its last value perhaps in the middle (120 of 12000)."""
    if len(shape) == 1 and len(last) < (width := next(iter(shape))):
        value = next((v for v in reversed(last) if v.strip()), "")
        raise CsvRefused("csv_cut_off", row=number, fields=len(last), width=width, value=value)


def _letter(column: int) -> str:
    from zqtracker.io.numfmt import column_letter

    return column_letter(column)
