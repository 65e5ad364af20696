"""A CSV saved in Big5, as Traditional Chinese Windows (Taiwan, Hong Kong) saves one: 項目名稱, 總投資,
區域. It is not UTF-8, and GB18030 decodes nearly any bytes, so it read as GB18030 mojibake that names
no column, and the import said "no known column headers" (probe 36). A file is read as Big5 only when
its GB18030 reading of the first rows has no header the import knows and its Big5 reading has one — a
GB18030 file with a header reads as before — and the import says so in a note (``read_as``, the
parent's RawWorkbook.encoding). Runs in the reading process, before the file is streamed.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from pathlib import Path

from zqtracker.io.csvread import HEADER_SCAN_ROWS, SAMPLE_CHARS, as_number, decodes, sniff_delimiter

BIG5 = ("big5", "cp950")  # Python's strict Big5, then Microsoft's (Windows' "Big5" has a few more)


def big5_instead(path: str) -> str | None:
    """ "big5" or "cp950" when a file that is not UTF-8 (read so far as GB18030) should be read as
    Big5 (see the module docstring), else None."""
    with open(path, "rb") as fh:
        sample = fh.read(SAMPLE_CHARS)
    if _has_header(sample, "gb18030", path):
        return None
    return next((e for e in BIG5 if _has_header(sample, e, path) and decodes(path, e)), None)


def _has_header(sample: bytes, encoding: str, path: str) -> bool:
    """Whether the first rows of ``sample`` read in ``encoding`` have a header the import knows, looked
    for as the import will look: cells in simplified characters, numbers as numbers."""
    from zqtracker.io.header_rows import find_header_row
    from zqtracker.io.reader import RawSheet
    from zqtracker.io.traditional import Simplifier
    from zqtracker.io.values import year_in

    try:
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=sniff_delimiter(text))
    try:
        rows: list[list] = [[as_number(v) for v in row] for row in itertools.islice(reader, HEADER_SCAN_ROWS)]
    except csv.Error:
        return False
    Simplifier().rows(rows)
    name = Path(path).stem
    return find_header_row(RawSheet(name, rows=rows), year_in(name)) is not None
