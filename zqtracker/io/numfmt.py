"""The text a number cell shows, for project codes typed as numbers ("000123" formatted 000000).

python-calamine gives the number (123.0), not its format. When a code column holds numbers, the
reading process looks up those cells' styles (one streaming pass over the sheet XML with expat,
DOCTYPEs having been refused before) and renders the integer with the format's zeros and quoted
literals. Formats it cannot render faithfully give the plain integer. (Numbers shown as a
percentage: io/percent_format.py.)
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from zqtracker.io.percent_format import LITERAL_RE as _LITERAL_RE
from zqtracker.io.percent_format import cell_formats

_CELL_RE = re.compile(r"^([A-Z]{1,3})(\d+)$")


def render(value: float, code: str) -> str | None:
    """The integer ``value`` as format ``code`` shows it, or None when unsure."""
    if not float(value).is_integer():
        return None
    n = int(value)
    section = code.split(";")[0] if n >= 0 else None
    if section is None or section in ("General", "@", ""):
        return str(n)
    if any(ch in section for ch in ".%Ee,/:[") or re.search(r"[yYmMdDhHsS]", _LITERAL_RE.sub("", section)):
        return None
    parts: list[str] = []
    pos = 0
    digits_done = False
    for m in re.finditer(r'"([^"]*)"|\\(.)|([0#?]+)', section):
        parts.append(section[pos : m.start()])
        if m.group(1) is not None or m.group(2) is not None:
            parts.append(m.group(1) if m.group(1) is not None else m.group(2))
        elif not digits_done:
            width = m.group(3).count("0")
            parts.append(str(n).rjust(width, "0"))
            digits_done = True
        pos = m.end()
    parts.append(section[pos:])
    text = "".join(parts)
    return text if digits_done else None


@dataclass
class _OpenCell:
    """A wanted number cell while its <v> text arrives."""

    row: int
    style: int
    text: list[str] = field(default_factory=list)
    in_v: bool = False


def column_text(path: str, sheet: str, column: int, rows: list[int]) -> dict[int, str]:
    """{0-based row: shown text} for the number cells of ``column`` in ``rows``."""
    from zqtracker.io.xlsx_package import sheet_parts

    wanted = set(rows)
    letters = column_letter(column)
    out: dict[int, str] = {}
    with zipfile.ZipFile(path) as zf:
        names = {n.lower(): n for n in zf.namelist()}
        parts, _ = sheet_parts(zf)
        part = parts.get(sheet)
        if part is None:
            return out
        formats = cell_formats(zf, names)
        found: dict[int, tuple[int, str]] = {}  # row → (style, value text)
        current: list[_OpenCell] = []  # the wanted cell being read, if any

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rsplit(":", 1)[-1]
            if local == "c":
                current.clear()
                m = _CELL_RE.match(attrs.get("r", ""))
                if m and m.group(1) == letters and int(m.group(2)) - 1 in wanted:
                    current.append(_OpenCell(int(m.group(2)) - 1, int(attrs.get("s", "0") or 0)))
            elif local == "v" and current:
                current[0].in_v = True

        def chars(data: str) -> None:
            if current and current[0].in_v:
                current[0].text.append(data)

        def end(tag: str) -> None:
            local = tag.rsplit(":", 1)[-1]
            if local == "v":
                if current:
                    current[0].in_v = False
            elif local == "c" and current:
                cell = current.pop()
                found[cell.row] = (cell.style, "".join(cell.text))

        parser = expat.ParserCreate()
        parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
        with zf.open(part) as fh:
            parser.ParseFile(fh)
    for row, (style, text) in found.items():
        try:
            value = float(text)
        except ValueError:
            continue
        code = formats[style] if 0 <= style < len(formats) else "General"
        shown = render(value, code)
        if shown is not None:
            out[row] = shown
    return out


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
