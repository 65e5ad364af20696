"""What python-calamine does not tell about a legacy .xls (BIFF8, and BIFF5 names): the 1904 date
system, hidden columns and rows, which cells hold an Excel error, which numbers are shown as a
percentage (0.5 formatted 0% shows "50%"; marked "%" and the decimals, as io/percent_format.py marks
an .xlsx's), which cells are struck through (a FONT with fStrikeOut, the XFs that use it: marked STRUCK,
as io/strike_styles.py marks an .xlsx's), and whether the workbook is encrypted.

calamine reads the cells (dates already in the right system, merged ranges too) but returns an
error cell (#REF!, #N/A …) as an empty string and says nothing of hidden columns or rows. Those few
record types are read here from the Workbook stream ([MS-XLS] 2.4): a linear walk over the
record headers, bounded by the stream's length. Used in the reading process (io/worker.py) and,
for FILEPASS only, by io/sniff.py.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from zqtracker.io.ole2 import CompoundFile
from zqtracker.io.ole2_workbook import workbook_entry
from zqtracker.io.percent_format import MONTH_BUILTINS, MONTH_MARK, percent_places, shows_month, unit_mark
from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.strike_styles import MAX_STRUCK_CELLS, STRUCK

BOF, EOF, FILEPASS, DATEMODE, CODEPAGE, BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0022, 0x0042, 0x0085
COLINFO, BOOLERR, FORMULA, ROW = 0x007D, 0x0205, 0x0006, 0x0208
FORMAT, XF, NUMBER, RK, MULRK, STRING = 0x041E, 0x00E0, 0x0203, 0x027E, 0x00BD, 0x0207
FONT, MULBLANK, BLANK, LABELSST, LABEL, RSTRING = 0x0031, 0x00BE, 0x0201, 0x00FD, 0x0204, 0x00D6
_CELLS = frozenset((NUMBER, RK, MULRK, MULBLANK, BLANK, LABELSST, LABEL, RSTRING, BOOLERR, FORMULA))
FONT_STRUCK = 0x0008  # FONT's grbit: fStrikeOut
_BUILTIN_PERCENT = {9: 0, 10: 2}  # ifmt → decimals: 0%, 0.00%
_BUILTIN_MONTH = (17, *MONTH_BUILTINS)  # mmm-yy, and zh-CN's yyyy"年"m"月"
ROW_DY_ZERO = 0x20  # ROW's grbit: fDyZero, the row is hidden (by hand or by a filter)
ERROR_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
               0x2A: "#N/A", 0x2B: "#GETTING_DATA"}  # fmt: skip
_CODEPAGES = {936: "gbk", 950: "big5", 1252: "cp1252", 1200: "utf-16-le", 65001: "utf-8", 437: "cp437"}


@dataclass
class BiffFacts:
    encrypted: bool = False
    date1904: bool = False
    hidden: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # sheet → (lo, hi) 0-based
    errors: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # sheet → (row, col, "#REF!")
    hidden_rows: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # sheet → (first, last) 0-based


def workbook_stream(cf: CompoundFile) -> bytes | None:
    """The stream python-calamine reads the cells from (io/ole2_workbook.py), no other."""
    entry = workbook_entry(cf)
    return cf.read(entry) if entry is not None else None


def records(data: bytes, start: int = 0):
    """(type, payload offset, length) of each record from ``start`` to the end of the stream."""
    pos, end = start, len(data)
    while pos + 4 <= end:
        rtype, length = struct.unpack_from("<HH", data, pos)
        yield rtype, pos + 4, min(length, end - pos - 4)
        pos += 4 + length


def is_encrypted(data: bytes) -> bool:
    """A FILEPASS record among the workbook globals (before their EOF)."""
    for rtype, _off, _n in records(data):
        if rtype == FILEPASS:
            return True
        if rtype == EOF:
            return False
    return False


def biff_facts(data: bytes) -> BiffFacts:
    facts = BiffFacts()
    sheets: list[tuple[str, int]] = []
    raw_names: list[tuple[bytes, bool, int]] = []
    codepage = "cp1252"
    biff8 = True
    formats: dict[int, int | str] = dict(_BUILTIN_PERCENT)  # ifmt → decimals of a percent format, or MONTH_MARK
    formats.update(dict.fromkeys(_BUILTIN_MONTH, MONTH_MARK))
    percent_xf: dict[int, str] = {}  # XF index → the mark of its cells
    xfs = 0
    fonts: list[bool] = []  # the FONT records in order: struck through?
    xf_fonts: list[int] = []  # XF index → its font index
    for rtype, off, n in records(data):
        if rtype == BOF and n >= 2:
            biff8 = struct.unpack_from("<H", data, off)[0] >= 0x0600
        elif rtype == FILEPASS:
            facts.encrypted = True
            return facts
        elif rtype == DATEMODE and n >= 2:
            facts.date1904 = struct.unpack_from("<H", data, off)[0] == 1
        elif rtype == CODEPAGE and n >= 2:
            codepage = _CODEPAGES.get(struct.unpack_from("<H", data, off)[0], codepage)
        elif rtype == BOUNDSHEET and n >= 8:
            pos, _state, kind, cch = struct.unpack_from("<IBBB", data, off)
            if kind != 0:
                continue  # charts, macro and module sheets
            if biff8:
                wide = data[off + 7] & 1
                raw_names.append((data[off + 8 : off + 8 + cch * (2 if wide else 1)], bool(wide), pos))
            else:
                raw_names.append((data[off + 7 : off + 7 + cch], False, pos))
        elif rtype == FORMAT and n >= 5 and biff8:
            ifmt, cch, wide = struct.unpack_from("<HHB", data, off)
            raw = data[off + 5 : off + 5 + cch * (2 if wide & 1 else 1)]
            code = raw.decode("utf-16-le" if wide & 1 else "latin-1", "replace")
            places = percent_places(code)
            if places is not None:
                formats[ifmt] = places
            elif shows_month(code):  # a date shown as 2024年3月: its day is no part of what the cell says
                formats[ifmt] = MONTH_MARK
            elif (unit := unit_mark(code)) is not None:  # 0.00"亿元", 0!.0000: the number it shows, in its unit
                formats[ifmt] = unit
        elif rtype == FONT and n >= 4:
            fonts.append(bool(struct.unpack_from("<H", data, off + 2)[0] & FONT_STRUCK))
        elif rtype == XF and n >= 4:
            ifnt, ifmt = struct.unpack_from("<HH", data, off)
            xf_fonts.append(ifnt)
            if ifmt in formats:
                shown = formats[ifmt]
                percent_xf[xfs] = shown if isinstance(shown, str) else f"%{shown}"
            xfs += 1
        elif rtype == EOF:
            break
    for raw, wide, pos in raw_names:
        name = raw.decode("utf-16-le", "replace") if wide else raw.decode("latin-1" if biff8 else codepage, "replace")
        sheets.append((name, pos))
    struck_xf = _struck_xfs(fonts, xf_fonts)
    for name, pos in sheets:
        if 0 <= pos < len(data):
            facts.hidden[name], facts.errors[name], facts.hidden_rows[name] = _sheet_facts(
                data, pos, percent_xf, struck_xf
            )
    return facts


def _struck_xfs(fonts: list[bool], xf_fonts: list[int]) -> frozenset[int]:
    """The XF indexes whose font is struck through. BIFF numbers its fonts leaving 4 out: index 5 is
    the fifth FONT record. An index to no font (4, or past the last) is no font's: not struck."""
    if not any(fonts):
        return frozenset()
    found: set[int] = set()
    for i, ifnt in enumerate(xf_fonts):
        at = ifnt if ifnt < 4 else ifnt - 1
        if ifnt != 4 and at < len(fonts) and fonts[at]:
            found.add(i)
    return frozenset(found)


def _struck_cells(data: bytes, rtype: int, off: int, n: int, struck_xf: frozenset[int], found: list) -> None:
    """(row, column, STRUCK) for the cells of one cell record whose XF is struck through: one XF for
    most records, one per column for MULRK (ixfe and RK, six bytes each) and MULBLANK (two bytes each)."""
    row, col = struct.unpack_from("<HH", data, off)
    if rtype == MULRK:
        xfs = [struct.unpack_from("<H", data, off + 4 + 6 * i)[0] for i in range((n - 6) // 6)]
    elif rtype == MULBLANK:
        xfs = list(struct.unpack_from(f"<{(n - 6) // 2}H", data, off + 4)) if n >= 6 else []
    else:
        xfs = [struct.unpack_from("<H", data, off + 4)[0]]
    found.extend((row, col + i, STRUCK) for i, xf in enumerate(xfs) if xf in struck_xf and col + i < 16384)


def _sheet_facts(
    data: bytes, start: int, percent_xf: dict[int, str] | None = None, struck_xf: frozenset[int] = frozenset()
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]], list[tuple[int, int]]]:
    hidden: list[tuple[int, int]] = []
    errors: list[tuple[int, int, str]] = []
    rows = RangeCollector()
    percent_xf = percent_xf or {}
    first = True
    formulas: list[tuple[int, int, bool | None]] = []  # (row, col, whether its saved value is 0 or empty)
    for rtype, off, n in records(data, start):
        if rtype == STRING and formulas and formulas[-1][2] is None:  # a text formula's value: empty?
            formulas[-1] = (*formulas[-1][:2], n < 3 or struct.unpack_from("<H", data, off)[0] == 0)
        if first:
            if rtype != BOF:
                break
            first = False
            continue
        if rtype == EOF:
            break
        if struck_xf and rtype in _CELLS and n >= 6 and len(errors) < MAX_STRUCK_CELLS:
            _struck_cells(data, rtype, off, n, struck_xf, errors)
        if rtype == COLINFO and n >= 10:
            lo, hi, _w, _xf, flags = struct.unpack_from("<HHHHH", data, off)
            if flags & 1 and lo <= hi:
                hidden.append((lo, min(hi, 16383)))
        elif rtype == ROW and n >= 14:
            if data[off + 12] & ROW_DY_ZERO:
                rows.add(struct.unpack_from("<H", data, off)[0])
        elif rtype == BOOLERR and n >= 8:
            row, col, _xf, value, is_error = struct.unpack_from("<HHHBB", data, off)
            if is_error:
                errors.append((row, col, ERROR_CODES.get(value, "#VALUE!")))
        elif rtype == FORMULA and n >= 14:
            row, col, xf = struct.unpack_from("<HHH", data, off)
            result = data[off + 6 : off + 14]
            if result[6:8] == b"\xff\xff":
                # 0: text (its STRING follows), 3: an empty text; a number otherwise
                formulas.append((row, col, {0: None, 3: True}.get(result[0], False)))
            else:
                formulas.append((row, col, struct.unpack_from("<d", result)[0] == 0))
            if result[6:8] == b"\xff\xff" and result[0] == 2:
                errors.append((row, col, ERROR_CODES.get(result[2], "#VALUE!")))
            elif result[6:8] != b"\xff\xff" and xf in percent_xf:  # a number the formula gave
                errors.append((row, col, percent_xf[xf]))
        elif percent_xf and rtype in (NUMBER, RK) and n >= 10:
            row, col, xf = struct.unpack_from("<HHH", data, off)
            if xf in percent_xf:
                errors.append((row, col, percent_xf[xf]))
        elif percent_xf and rtype == MULRK and n >= 12:
            row, col0 = struct.unpack_from("<HH", data, off)
            for i in range((n - 6) // 6):
                xf = struct.unpack_from("<H", data, off + 4 + 6 * i)[0]
                if xf in percent_xf:
                    errors.append((row, col0 + i, percent_xf[xf]))
    if len(formulas) >= 2 and all(blank for _r, _c, blank in formulas):
        # Every formula saved as 0 or empty: written by a program that never calculated them (Apache POI
        # saves 0, xlwt an empty text) — each is a formula without its value, as an .xlsx's would be
        errors.extend((row, col, "=") for row, col, _blank in formulas)
    return hidden, errors, rows.ranges()
