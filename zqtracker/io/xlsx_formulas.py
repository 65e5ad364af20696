"""Formula cells of an .xlsx that hold no calculated value. A spreadsheet program saves each
formula's result beside it (``<c r="F3"><f>D3+E3</f><v>1500</v></c>``); openpyxl, many web
exporters and report generators write the formula alone (no ``<v>``, or an empty one), and
python-calamine reads such a cell as empty — an amount silently lost. Found by a byte search of
the blocks io/xlsx_package.py reads for error cells, only where a block holds a formula at all.

A formula whose result is the empty string is a value: Excel and LibreOffice write it as
``t="str"`` with ``<v></v>``. Only a cell without ``<v>``, or with an empty ``<v>`` and no string
type, was never calculated — and, in a workbook that asks to be calculated on opening
(io/xlsx_package.recalc_on_load: XlsxWriter and its kin, which store 0 for every formula not
given a value; pandas' to_excel writes text starting with "=" as such a formula), a numeric
value of exactly 0. Shared formulas (``<f t="shared" si="0"/>``, Excel's filled-down
copies) carry no text of their own: theirs is their master's, moved to their cell.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable


class Unplaced(Exception):
    """A mark of the sheet scan sits in a row or cell without an r attribute (io/xlsx_places.py reads
    the part again with every r written in)."""


# The end of a formula — </f> after its text, or a self-closing <f …/> — and then an empty value
# or the end of the cell (namespaced spellings too: <x:f>, from some .NET writers). It starts
# with the letter f, rare in a sheet's XML, so re skips fast through sheets with no formula.
_END = rb"f(?:>|\s[^<>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v(?:\s[^<>]*)?>\s*</(?:\w+:)?v>|</(?:\w+:)?c>"
_UNCALCULATED_RE = re.compile(_END + rb")")
# … or a value of 0, where the workbook says its values are placeholders (XlsxWriter's default)
_UNCALCULATED_OR_ZERO_RE = re.compile(_END + rb"|<(?:\w+:)?v>0</(?:\w+:)?v>)")
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(/?)>([^<]*)")
_ATTR_RE = re.compile(rb'([\w:]+)\s*=\s*["\']([^"\']*)["\']')
_REF_RE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})$")
MAX_FORMULAS = 1_000_000  # of one sheet; more, and the sheet is refused (TOO_MANY ends the list)
_TEXTS_KEPT = 200_000  # formulas beyond say "a formula" (only the first 100 of a column are listed)
TOO_MANY = (-1, -1, "=")


class Uncalculated:
    """The formula cells without a value of one sheet part, block by block: ``found`` holds
    (row, column, "=formula"), 0-based; "=" alone where the text cannot be known."""

    def __init__(self, limit: int = MAX_FORMULAS, *, zero_unsure: bool = False) -> None:
        self.limit = limit
        self.pattern = _UNCALCULATED_OR_ZERO_RE if zero_unsure else _UNCALCULATED_RE
        self.found: list[tuple[int, int, str]] = []
        self.pending: dict[int, tuple[str, str]] = {}  # index in found → (si, cell) of a shared copy

    def scan(self, data: bytes) -> None:
        """``data`` holds whole cells only."""
        found = self.found
        if found and found[-1] is TOO_MANY:
            return
        for m in self.pattern.finditer(data):
            tag = data.rfind(b"<", 0, m.start())
            if data[tag + 1 : m.start() + 1].lstrip(b"/").rsplit(b":", 1)[-1] != b"f":
                continue  # some other tag ending in f
            prefix = data[tag + 1 : m.start()].lstrip(b"/")
            cell = _cell_at(data, tag, prefix)
            if cell is None:
                continue
            attrs, body = cell
            ref = _REF_RE.match(attrs.get("r", ""))
            if ref is None:
                raise Unplaced  # a cell without its r attribute: the part is read again with it written in
            f = _FORMULA_RE.search(body)
            kind = attrs.get("t", "n")
            if f is None or (kind == "str" and _has_value(body)):
                continue  # a calculated empty string: t="str" with <v></v>, as Excel and LibreOffice write it
            if kind != "n" and m.group(0).endswith(b">0</v>"):
                continue  # a placeholder 0 is a number (a string "0", a FALSE was given by the writer)
            text = html.unescape(f.group(3).decode("utf-8", "replace")).strip() if not f.group(2) else ""
            if not text:
                f_attrs = _attrs(f.group(1))
                if f_attrs.get("t") == "shared" and "si" in f_attrs:
                    self.pending[len(found)] = (f_attrs["si"], attrs["r"])
            if len(found) >= self.limit:
                found.append(TOO_MANY)
                return
            at = (int(ref.group(2)) - 1, column_number(ref.group(1)) - 1)
            found.append((*at, "=" + text if len(found) < _TEXTS_KEPT else "="))

    def name_shared(self, blocks: Iterable[bytes]) -> None:
        """The text of the shared copies found, from their masters (a second pass over the part,
        made only for such copies: Excel's own files have their values)."""
        masters: dict[str, tuple[str, str]] = {}
        for data in blocks:
            _shared_masters(data, masters)
        for i, (si, cell) in self.pending.items():
            if si in masters:
                r, c, _ = self.found[i]
                self.found[i] = (r, c, "=" + _moved(*masters[si], cell))
        self.pending = {}


def _cell_at(data: bytes, pos: int, prefix: bytes) -> tuple[dict[str, str], bytes] | None:
    """The attributes and the content (up to ``pos`` and a little after) of the cell whose
    formula ends at ``pos``."""
    start = data.rfind(b"<" + prefix + b"c ", 0, pos)
    if start < 0:
        return None
    head_end = data.find(b">", start)
    if head_end < 0 or head_end > pos:
        return None
    close = data.find(b"c>", pos)
    return _attrs(data[start + len(prefix) + 2 : head_end]), data[head_end + 1 : close + 2 if close >= 0 else len(data)]


def _has_value(body: bytes) -> bool:
    return re.search(rb"<(?:\w+:)?v\b", body) is not None


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode().rsplit(":", 1)[-1]: v.decode("utf-8", "replace") for k, v in _ATTR_RE.findall(raw)}


_REF_ATTR_RE = re.compile(rb"ref\s*=\s*[\"']")  # a literal start: re skips to the next fast


def _shared_masters(data: bytes, shared: dict[str, tuple[str, str]]) -> None:
    """The masters of shared formulas: the one cell of each that has the text and a ref (its
    copies have only si). Sought by "ref=", which in a sheet's cells only formulas carry."""
    for m in _REF_ATTR_RE.finditer(data):
        start = data.rfind(b"<", 0, m.start())
        end = data.find(b">", m.end())
        if start < 0 or end < 0 or data[end - 1 : end] == b"/":
            continue
        name = data[start + 1 : data.find(b" ", start, end) if b" " in data[start:end] else end]
        if name.rsplit(b":", 1)[-1] != b"f":
            continue
        f_attrs = _attrs(data[start:end])
        if f_attrs.get("t") != "shared" or "si" not in f_attrs:
            continue
        text_end = data.find(b"<", end)
        cell = _cell_at(data, start, name[:-1])
        if cell is not None and "r" in cell[0] and text_end > end:
            text = html.unescape(data[end + 1 : text_end].decode("utf-8", "replace")).strip()
            shared[f_attrs["si"]] = (text, cell[0]["r"])


def _moved(text: str, origin: str, cell: str) -> str:
    """A shared formula's text as it reads in ``cell`` (its relative references moved)."""
    try:
        from openpyxl.formula.translate import Translator

        return Translator("=" + text, origin=origin).translate_formula(cell)[1:]
    except Exception:  # noqa: BLE001 (a formula openpyxl cannot move: said without its text)
        return ""


def column_number(letters: str) -> int:
    """1 for A, 16384 for XFD."""
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col
