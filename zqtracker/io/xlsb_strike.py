"""Which cells of an .xlsb are struck through: what a district does to a row instead of deleting it.

The styles come from xl/styles.bin ([MS-XLSB] 2.4): the BrtFont records between BrtBeginFonts and
BrtEndFonts, each with its FontFlags (fStrikeout, 0x0008, as an .xls's FONT), and the BrtXF records
between BrtBeginCellXFs and BrtEndCellXFs, each naming its font (iFont, its third u16). A cell record
of a sheet (BrtCellBlank … BrtFmlaError, BrtCellRString) starts with its column (u32) and its
iStyleRef (24 bits), the index of its cell XF: a cell of a struck XF is marked STRUCK, as an .xlsx's
(io/strike_styles.py), up to MAX_STRUCK_CELLS. A workbook without a struck font costs one walk over
styles.bin. A record cut short — in styles.bin, or among a sheet's records when some font is struck —
refuses the file (:class:`XlsbDamaged`): which rows are struck through could not be told.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

from zqtracker.io.strike_styles import MAX_STRUCK_CELLS, STRUCK

STYLES_PART = "xl/styles.bin"
FONT, XF = 0x002B, 0x002F
BEGIN_FONTS, END_FONTS, BEGIN_CELL_XFS, END_CELL_XFS = 0x0263, 0x0264, 0x0269, 0x026A
FONT_STRUCK = 0x0008  # FontFlags: fStrikeout
# BrtCellBlank, BrtCellRk, BrtCellError, BrtCellBool, BrtCellReal, BrtCellSt, BrtCellIsst, BrtFmlaString,
# BrtFmlaNum, BrtFmlaBool, BrtFmlaError, BrtCellRString: each starts with a Cell (column, iStyleRef, flags)
CELLS = frozenset((*range(1, 12), 0x003E))
_MAX_COL = 16384


class XlsbDamaged(Exception):
    """A record of the part named (args[0]) cut short: the file is refused, never read as nothing struck."""


def struck_xfs(walk: Iterable[tuple[int, int, int]], data: bytes) -> frozenset[int]:
    """The cell XF indexes whose font is struck through, from styles.bin's records (``walk``: type,
    payload offset, length); empty when no font is. A font or XF record too short raises :class:`XlsbDamaged`."""
    fonts: list[bool] = []
    xf_fonts: list[int] = []
    where = None
    for rtype, off, n in walk:
        if rtype in (BEGIN_FONTS, BEGIN_CELL_XFS):
            where = rtype
        elif rtype in (END_FONTS, END_CELL_XFS):
            where = None
        elif rtype == FONT and where == BEGIN_FONTS:
            if n < 4:
                raise XlsbDamaged(STYLES_PART)
            fonts.append(bool(struct.unpack_from("<H", data, off + 2)[0] & FONT_STRUCK))
        elif rtype == XF and where == BEGIN_CELL_XFS:
            if n < 6:
                raise XlsbDamaged(STYLES_PART)
            xf_fonts.append(struct.unpack_from("<H", data, off + 4)[0])
    if not any(fonts):
        return frozenset()
    return frozenset(i for i, f in enumerate(xf_fonts) if f < len(fonts) and fonts[f])


def struck_cell(data: bytes, off: int, n: int, row: int, struck: frozenset[int], found: list, entry: str) -> None:
    """(row, column, STRUCK) into ``found`` for one cell record (its row from the BrtRowHdr before it)
    whose XF is struck through; a record too short for its column and style raises :class:`XlsbDamaged`."""
    if n < 8:
        raise XlsbDamaged(entry)
    col, style = struct.unpack_from("<II", data, off)
    if (style & 0xFFFFFF) in struck and col < _MAX_COL and len(found) < MAX_STRUCK_CELLS:
        found.append((row, col, STRUCK))
