"""How much text an .xlsx sheet asks for through its shared strings, counted before python-calamine
reads it (probe31b F4). python-calamine copies a shared string into every cell that uses it while it
loads the sheet, before any row reaches io/sheet_stream.TextBudget: one string of 32,767 characters
used by 60,000 cells is 2 billion characters (6 GB in UTF-8) from a file of half a megabyte, and the
read died for memory. Here the sheet's references are counted against the strings' lengths, and a
sheet asking for more text than MAX_SHEET_CHARS is refused by name, as TextBudget refuses it.

Cheap where it cannot matter, each step only when the one before leaves the bound too big: the zip
directory's sizes (no string is longer than the strings part; a reference takes at least 16 bytes of
the sheet's XML); the longest string in bytes (a split at each </si>, in C) times the most references
the sheet's size allows, then times its "s" values counted (bytes.count); then, exactly, each
reference's string length."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

from zqtracker.io.sheet_stream import MAX_CELL_CHARS, MAX_SHEET_CHARS
from zqtracker.io.xlsx_package import whole_elements

MIN_REF_BYTES = 16  # <c t="s"><v>0</v></c> less its 5 bytes of </c>: the least XML a reference takes
_SI_RE = re.compile(rb"<(?:\w+:)?si\b.*?</(?:\w+:)?si>", re.S)
_TEXT_RE = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)<")
_REF_RE = re.compile(rb"""\bt\s*=\s*["']s["'][^>]*>\s*<(?:\w+:)?v>\s*(\d{1,10})\s*<""")


class SharedText:
    """One workbook's shared strings, measured once (only when a sheet could need them)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._longest: int | None = None
        self._lengths: list[int] | None = None

    def refusal(self, part: str) -> str | None:
        """The refusal of sheet ``part`` when its shared-string cells hold more than MAX_SHEET_CHARS
        characters: "cell_too_long" when one of those strings is longer than Excel allows (as
        TextBudget would say it), else "text_too_long"; None for a sheet that does not."""
        with zipfile.ZipFile(self.path) as zf:
            names = {n.lower(): n for n in zf.namelist()}
            strings, sheet = names.get("xl/sharedstrings.xml"), names.get(part.lower())
            if strings is None or sheet is None:
                return None
            if zf.getinfo(strings).file_size * (zf.getinfo(sheet).file_size // MIN_REF_BYTES) <= MAX_SHEET_CHARS:
                return None
            if self._longest is None:
                self._longest = _longest_entry(zf, strings)
            if self._longest * (zf.getinfo(sheet).file_size // MIN_REF_BYTES) <= MAX_SHEET_CHARS:
                return None  # (a big sheet of short strings: its XML never decompressed here, on the read's path)
            refs = sum(data.count(b'"s"') + data.count(b"'s'") for data in whole_elements(zf, sheet))
            if self._longest * refs <= MAX_SHEET_CHARS:
                return None
            if self._lengths is None:
                self._lengths = _lengths(zf, strings)
            lengths, total = self._lengths, 0
            for data in whole_elements(zf, sheet):
                used = Counter(map(int, _REF_RE.findall(data)))
                total += sum(lengths[i] * n for i, n in used.items() if i < len(lengths))
                if any(lengths[i] > MAX_CELL_CHARS for i in used if i < len(lengths)):
                    return "cell_too_long"
                if total > MAX_SHEET_CHARS:
                    return "text_too_long"
        return None


def _longest_entry(zf: zipfile.ZipFile, part: str) -> int:
    """The most bytes from one </si> to the next: no shared string's text is longer."""
    longest = run = 0
    with zf.open(part) as fh:
        while block := fh.read(1 << 20):
            pieces = block.split(b"</si>")  # (a "</si>" cut in two by the block only joins two pieces)
            run += len(pieces[0])
            if len(pieces) > 1:
                longest, run = max(longest, run, *map(len, pieces[1:-1])), len(pieces[-1])
    return max(longest, run)


def _lengths(zf: zipfile.ZipFile, part: str) -> list[int]:
    """The length in characters of each shared string, in order (its text runs together)."""
    return [
        sum(len(t.decode("utf-8", "replace")) for t in _TEXT_RE.findall(si.group(0)))
        for data in whole_elements(zf, part, b"</si>")
        for si in _SI_RE.finditer(data)
    ]
