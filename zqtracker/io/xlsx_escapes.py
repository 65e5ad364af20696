"""OOXML's escape of a character in text: ``_xHHHH_`` (ST_Xstring), which Excel shows as the character
U+HHHH (``_x9AD8_要`` shows 高要; ``_x005F_`` escapes the underscore itself, so ``_x005F_x0041_`` shows
``_x0041_``). python-calamine decodes the escapes of ASCII characters (``_x000D_``, a line break in a
cell) and leaves the rest as written; openpyxl decodes none. The sheet scan (io/xlsx_package.py) looks
for an escape of a character beyond ASCII in the shared strings and each sheet's XML, and only a sheet
holding one has its text cells decoded (io/sheet_stream.py): the rest pay nothing."""

from __future__ import annotations

import re

_RAW_RE = re.compile(rb"_x(?!00[0-7])[0-9A-Fa-f]{4}_")  # an escape python-calamine leaves as written
_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def has_escapes(data: bytes) -> bool:
    return b"_x" in data and _RAW_RE.search(data) is not None


def unescape(text: str, *, ascii_done: bool = True) -> str:
    """``text`` as Excel shows it. ``ascii_done``: the parser has decoded the escapes of ASCII
    characters already (python-calamine), which are left alone — decoding them again would undo its
    ``_x005F_``. A pair of escaped UTF-16 surrogates is one character; a lone one stays as written."""
    if "_x" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return m.group(0) if ascii_done and code < 0x80 else chr(code)

    out = _ESCAPE_RE.sub(one, text)
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        try:
            return out.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            return _ESCAPE_RE.sub(lambda m: m.group(0) if 0xD800 <= int(m.group(1), 16) <= 0xDFFF else one(m), text)
    return out


def unescape_rows(rows: list[list], *, ascii_done: bool = True) -> None:
    """The text cells of ``rows`` decoded in place."""
    for row in rows:
        for j, v in enumerate(row):
            if v.__class__ is str and "_x" in v:
                row[j] = unescape(v, ascii_done=ascii_done)
