"""What python-calamine does not tell about an .xlsx package: the 1904 date system, hidden
columns, which cells hold an Excel error, which part holds which sheet, and how its iter_rows
counts rows. Read with defusedxml (workbook.xml and its rels, small), a bounded scan of each
sheet's start (the <cols> element comes before <sheetData>) and a byte search of each sheet for
error cells (python-calamine returns #REF!, #N/A … as empty strings). Used inside the reading
process (io/worker.py); io/xlsb_package.py, io/ods_package.py and io/biff.py fill the same
:class:`Package` for the other formats.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from zqtracker.io.percent_format import percent_cells, percent_styles
from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.strike_styles import struck_cells, struck_styles
from zqtracker.io.xlsx_escapes import has_escapes
from zqtracker.io.xlsx_formulas import Uncalculated, column_number
from zqtracker.io.xlsx_places import TWICE, UNREAD, PartUnreadable, Places, RowOrder, Unplaced, block_end


class Package:
    """Per sheet name: hidden column ranges and hidden row ranges (0-based, inclusive), error
    cells (0-based row and column, the error's text — or, for an .xlsx's formula never
    calculated, "=" and the formula's text) and, where the parser gives none, merged ranges
    (r0, c0, r1, c1)."""

    def __init__(self) -> None:
        self.date1904 = False
        self.encrypted = False
        self.hidden: dict[str, list[tuple[int, int]]] = {}
        self.hidden_rows: dict[str, list[tuple[int, int]]] = {}  # rows hidden by hand or by a filter
        self.errors: dict[str, list[tuple[int, int, str]]] = {}
        self.merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self.sheet_parts: dict[str, str] = {}
        self.sheet_bytes = 0  # the sheets' XML, uncompressed: what a pass over every sheet reads
        self.escaped: list[str] = []  # sheets whose text holds an _xHHHH_ escape (io/xlsx_escapes.py)
        self.declared: dict[str, int] = {}  # the cells an .xlsx sheet's <dimension> says it spans
        self.unreadable: str | None = None  # an .xlsx part our XML reader cannot parse (io/xlsx_places.py)
        self.far: dict[str, dict] = {}  # an .xlsb sheet stretched by a few far cells: the refusal (io/xlsb_far.py)
        self.refused: tuple[str, dict] | None = None  # an .ods too big to open: its refusal (io/ods_package.py)
        # The writer asks for every formula to be calculated on opening (calcPr fullCalcOnLoad):
        # XlsxWriter and its kin, which store 0 as every formula's value unless told otherwise.
        self.recalc_on_load = False


_COL_RE = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ATTR_RE = re.compile(rb'(\w+)\s*=\s*["\']([^"\']*)["\']')


def package_facts(path: str, *, errors: bool = True) -> Package:
    """Best effort: a damaged package still gets read (or refused) by the parsers themselves.
    ``errors=False`` leaves out the error cells and the hidden rows, the facts that cost a pass
    over every sheet (:func:`sheet_scan` finds them separately)."""
    facts = Package()
    try:
        with zipfile.ZipFile(path) as zf:
            facts.sheet_parts, facts.date1904 = sheet_parts(zf)
            facts.recalc_on_load = recalc_on_load(zf)
            percent = _percent_styles(zf) if errors else {}
            struck = _struck_styles(zf) if errors else []
            if struck is None:
                raise PartUnreadable(_STYLES)
            for name, part in facts.sheet_parts.items():
                facts.sheet_bytes += _part_size(zf, part)
                facts.hidden[name], facts.declared[name] = _sheet_start(zf, part)
                if errors:
                    rows = RangeCollector()
                    facts.errors[name] = _cell_marks(zf, part, hidden=rows, percent=percent, struck=struck)
                    facts.hidden_rows[name] = rows.ranges()
    except PartUnreadable as exc:
        facts.unreadable = str(exc)
    except Exception:  # noqa: BLE001
        pass
    return facts


def _part_size(zf: zipfile.ZipFile, part: str) -> int:
    try:
        return zf.getinfo(part).file_size
    except KeyError:
        return 0


def sheet_scan(
    path: str, parts: dict[str, str], zero_unsure: bool = False
) -> tuple[dict[str, list[tuple[int, int, str]]], dict[str, list[tuple[int, int]]], list[str]]:
    """The error cells and the formulas never calculated of each sheet (name → part, as
    :func:`sheet_parts` gives), and its hidden row ranges, in one pass over each sheet's XML;
    best effort like :func:`package_facts`: the sheets read before a damaged one keep theirs.
    ``zero_unsure``: a formula's 0 is the writer's placeholder, not its value (see
    :func:`recalc_on_load`). Third, the sheets whose text holds an ``_xHHHH_`` escape to decode
    (io/xlsx_escapes.py): all of them when the shared strings do."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    hidden: dict[str, list[tuple[int, int]]] = {}
    escaped: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf:
            percent, struck = _percent_styles(zf), _struck_styles(zf)
            if struck is None:  # python-calamine reads what expat does not: the struck rows would be lost
                return {name: [(UNREAD, UNREAD, _STYLES)] for name in parts}, {}, []
            shared = _shared_escapes(zf)
            for name, part in parts.items():
                rows = RangeCollector()
                flags: set[str] = set()
                found[name] = _cell_marks(zf, part, zero_unsure, rows, percent, flags, struck)
                hidden[name] = rows.ranges()
                if shared or flags:
                    escaped.append(name)
    except Exception:  # noqa: BLE001
        pass
    return found, hidden, escaped


def _shared_escapes(zf: zipfile.ZipFile) -> bool:
    names = {n.lower(): n for n in zf.namelist()}
    part = names.get("xl/sharedstrings.xml")
    return part is not None and any(has_escapes(data) for data in whole_elements(zf, part, b">"))


def _percent_styles(zf: zipfile.ZipFile) -> dict[bytes, str]:
    try:
        return percent_styles(zf)
    except Exception:  # noqa: BLE001 - styles not read: no cell is known to show a percent
        return {}


_STYLES = "xl/styles.xml"


def _struck_styles(zf: zipfile.ZipFile) -> list[bytes] | None:
    """None when styles.xml is no XML expat reads (probe29b x07, declared UTF-7): never read as "none
    struck through"."""
    try:
        return struck_styles(zf)
    except (expat.ExpatError, ValueError):
        return None
    except Exception:  # noqa: BLE001 - a damaged package: the parsers refuse it themselves
        return []


_ERROR_CELL_RE = re.compile(
    rb"<(?:\w+:)?c\b([^>]*?\bt\s*=\s*[\"']e[\"'][^>]*)>\s*"  # the cell's attributes
    rb"(?:<(?:\w+:)?f\b[^>]*/>|<(?:\w+:)?f\b.*?</(?:\w+:)?f>)?\s*"  # its formula, if any
    rb"<(?:\w+:)?v>([^<]{0,40})<",  # the cached error
    re.S,
)
_REF_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_MAX_ERRORS = 100_000


def _cell_marks(
    zf: zipfile.ZipFile,
    part: str,
    zero_unsure: bool = False,
    hidden: RangeCollector | None = None,
    percent: dict[bytes, str] | None = None,
    flags: set[str] | None = None,
    struck: list[bytes] | None = None,
) -> list[tuple[int, int, str]]:
    """Cells of type "e" with their cached error text, and formula cells without a value ("=" and
    the formula; io/xlsx_formulas.py), found by a byte search of the part (most sheets have
    neither, and the search is what it costs them). ``hidden`` collects the hidden rows on the same
    pass, and the number cells of a ``percent`` style are marked "%" and their decimals
    (io/numfmt.py) ahead of the rest. A mark in a row or cell written without its r attribute has
    the part read again with every r written in (io/xlsx_places.py); a row or cell that pass finds
    written twice ends the list with ``(TWICE, TWICE, "G4")`` (or the row's number). ``flags`` gets
    "escapes" when the part's text holds an ``_xHHHH_`` escape (io/xlsx_escapes.py). The cells of a
    ``struck`` style are marked STRUCK (io/strike_styles.py), ahead of the rest too."""
    rows = RangeCollector()
    flags = flags if flags is not None else set()
    try:
        found = _marks(zf, part, zero_unsure, rows if hidden is not None else None, percent, None, flags, struck)
    except Unplaced:
        rows, places = RangeCollector(), Places()
        found = _marks(zf, part, zero_unsure, rows if hidden is not None else None, percent, places, flags, struck)
        if places.twice is not None:
            found.append((TWICE, TWICE, places.twice))
    if hidden is not None:
        for first, last in rows.ranges():
            hidden.add(first, last)
    return found


def _marks(
    zf: zipfile.ZipFile,
    part: str,
    zero_unsure: bool,
    hidden: RangeCollector | None,
    percent: dict[bytes, str] | None,
    places: Places | None,
    flags: set[str],
    struck: list[bytes] | None = None,
) -> list[tuple[int, int, str]]:
    """:func:`_cell_marks`' search, over the part as written (``places`` None: raises
    :class:`Unplaced` at a mark it cannot place) or with the r of every row and cell written in."""
    shown: list[tuple[int, int, str]] = []
    found: list[tuple[int, int, str]] = []
    formulas = Uncalculated(zero_unsure=zero_unsure)
    full = False
    blocks = whole_elements(zf, part)
    order = RowOrder() if places is None else None
    for data in places.blocks(blocks) if places is not None else blocks:
        if order is not None:
            order.check(data)
        if not flags and has_escapes(data):
            flags.add("escapes")
        if hidden is not None and b"hidden" in data:
            _hidden_rows(data, hidden)
        if percent:
            percent_cells(data, percent, shown)
        if struck:
            struck_cells(data, struck, shown)
        if full:
            continue
        if b'"e"' in data or b"'e'" in data:  # t="e", and t = 'e' … as XML allows
            for m in _ERROR_CELL_RE.finditer(data):
                ref = _REF_RE.search(m.group(1))
                if ref is None:
                    raise Unplaced
                col = column_number(ref.group(1).decode())
                text = m.group(2).decode("utf-8", "replace").strip() or "#VALUE!"
                found.append((int(ref.group(2)) - 1, col - 1, text))
                if len(found) >= _MAX_ERRORS:
                    break
            if len(found) >= _MAX_ERRORS:
                full = True  # the hidden rows are still looked for
                continue
        formulas.scan(data)
    if full:
        return shown + found
    if formulas.pending:
        blocks = whole_elements(zf, part)
        formulas.name_shared(Places().blocks(blocks) if places is not None else blocks)
    return shown + found + formulas.found


_ROW_TAG_RE = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_HIDDEN_RE = re.compile(rb"hidden\s*=\s*[\"'](?:1|true)[\"']")
_ROW_REF_RE = re.compile(rb"\sr\s*=\s*[\"']([0-9]{1,7})[\"']")


def _hidden_rows(data: bytes, rows: RangeCollector) -> None:
    """The rows of ``data`` written ``<row r="12" hidden="1">`` (hidden by hand, by an AutoFilter
    or in a collapsed outline: Excel, WPS and LibreOffice all write that): each "hidden" looked
    back from to its tag's start, so that a block without one costs a single byte search (and
    100k hidden rows a third of a second, on the other core). A row without cells (``<row …
    hidden="1"/>``) holds nothing to import and is passed over; a row without an r attribute
    raises :class:`Unplaced` (the part is read again with it written in)."""
    pos = data.find(b"hidden")
    while pos >= 0:
        start = data.rfind(b"<", 0, pos)
        m = _ROW_TAG_RE.match(data, start) if start >= 0 else None
        if m is not None and m.end() > pos:
            if _HIDDEN_RE.match(data, pos) and data[m.end() - 2] != 0x2F:  # not "…/>"
                ref = _ROW_REF_RE.search(m.group(1))
                if ref is None:
                    raise Unplaced
                if 0 < int(ref.group(1)) <= 1 << 20:
                    rows.add(int(ref.group(1)) - 1)
            pos = m.end()
        else:
            pos += 6
        pos = data.find(b"hidden", pos)


def whole_elements(zf: zipfile.ZipFile, part: str, end: bytes = b"c>") -> Iterator[bytes]:
    """The part in blocks of about a megabyte, each ending after a whole element (by default a
    cell, ``…c>``): no cell, tag, comment or CDATA section is cut in two (io/xlsx_places.block_end)."""
    tail = b""
    with zf.open(part) as fh:
        while True:
            block = fh.read(1 << 20)
            data = tail + block
            cut = len(data) if not block else block_end(data, end)  # the end of the last whole element
            data, tail = data[:cut], data[cut:][-(1 << 20) :]
            yield data
            if not block:
                return


_RECALC_RE = re.compile(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*[\"'](?:1|true)[\"']")


def recalc_on_load(zf: zipfile.ZipFile) -> bool:
    """Whether workbook.xml asks for a full calculation on opening (``<calcPr fullCalcOnLoad="1"/>``).
    Programs that cannot calculate write it — openpyxl (no values at all), XlsxWriter and the
    libraries like it (0 as the value of every formula not given one); a spreadsheet program
    calculates, saves the values, and does not write it (Excel, LibreOffice: checked)."""
    names = {n.lower(): n for n in zf.namelist()}
    with zf.open(names["xl/workbook.xml"]) as fh:
        head = fh.read(1 << 20)
    return _RECALC_RE.search(head) is not None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parsed(zf: zipfile.ZipFile, part: str) -> Any:
    from defusedxml import ElementTree

    try:
        return ElementTree.fromstring(zf.read(part))
    except ElementTree.ParseError:
        raise PartUnreadable(part) from None


def sheet_parts(zf: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    names = {n.lower(): n for n in zf.namelist()}
    wb_xml = _parsed(zf, names["xl/workbook.xml"])
    rels_xml = _parsed(zf, names["xl/_rels/workbook.xml.rels"])
    targets = {}
    for rel in rels_xml:
        if _local(rel.tag) == "Relationship":
            target = rel.get("Target", "").replace("\\", "/")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id")] = names.get(os.path.normpath(target).replace("\\", "/").lower(), target)
    parts: dict[str, str] = {}
    date1904 = False
    for el in wb_xml.iter():
        tag = _local(el.tag)
        if tag == "workbookPr":
            date1904 = el.get("date1904", "0").lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            if rid in targets:
                parts[el.get("name", "")] = targets[rid]
    return parts, date1904


_DIMENSION_RE = re.compile(
    rb"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})"
)


def _sheet_start(zf: zipfile.ZipFile, part: str) -> tuple[list[tuple[int, int]], int]:
    """Hidden column ranges (0-based, inclusive) from <cols>, which comes before <sheetData>, and
    the number of cells the <dimension> before it says the sheet spans (0 when it says none)."""
    data = b""
    with zf.open(part) as fh:
        while len(data) < (8 << 20):
            block = fh.read(1 << 16)
            if not block:
                break
            data += block
            cut = data.find(b"<sheetData")
            if cut < 0:
                cut = data.find(b":sheetData")
            if cut >= 0:
                data = data[:cut]
                break
    hidden = []
    for m in _COL_RE.finditer(data):
        attrs = {k.decode(): v.decode() for k, v in _ATTR_RE.findall(m.group(1))}
        if attrs.get("hidden", "0").lower() in ("1", "true"):
            try:
                lo, hi = int(attrs.get("min", "0")) - 1, int(attrs.get("max", "0")) - 1
            except ValueError:
                continue
            if 0 <= lo <= hi:
                hidden.append((lo, min(hi, 16383)))
    dim = _DIMENSION_RE.search(data)
    declared = 0
    if dim is not None:
        cols = column_number(dim[3].decode()) - column_number(dim[1].decode()) + 1
        declared = max(cols, 0) * max(int(dim[4]) - int(dim[2]) + 1, 0)
    return hidden, declared
