"""The cells that stretch an .xlsb sheet past what zqtracker reads, named as io/far_cells.py names an
.xlsx's ("delete cell XFD1048576 (“x”)"): one more walk over the sheet's records, only when its
BrtWsDim spans more cells than the limit ([MS-XLSB] 2.4: a cell record starts with its column; the
row is the last BrtRowHdr's). Without it python-calamine builds the dense grid and the reading
process is stopped for memory, which names nothing."""

from __future__ import annotations

import struct
import zipfile
from functools import partial

from zqtracker.io.biff import ERROR_CODES
from zqtracker.io.far_cells import Extent
from zqtracker.io.xlsb_package import ROW_HDR, _wide, records

_RK, _ERROR, _BOOL, _REAL, _ST, _ISST, _FMLA_ST, _FMLA_NUM, _FMLA_BOOL, _FMLA_ERROR = range(2, 12)
_SST_ITEM = 19
SHARED_STRINGS = "xl/sharedstrings.bin"


def far_refusal(zf: zipfile.ZipFile, names: dict[str, str], data: bytes, limit: int) -> dict | None:
    """The far_cells refusal's parameters for the sheet ``data`` (None when no few cells explain its
    size: then it is read, or refused for its size, as usual)."""
    reach = Extent()
    row = 0
    for rtype, off, n in records(data):
        if rtype == ROW_HDR and n >= 4:
            (row,) = struct.unpack_from("<I", data, off)
        elif _RK <= rtype <= _FMLA_ERROR and n >= 9:
            (col,) = struct.unpack_from("<I", data, off)
            reach.add(row + 1, col + 1, partial(_text, data, rtype, off, off + n))
    return reach.refusal(limit, lambda wanted: _shared(zf, names, wanted))


def _text(data: bytes, rtype: int, off: int, end: int) -> str:
    at = off + 8  # past the column and the style
    if rtype in (_ST, _FMLA_ST):
        return _wide(data, at, end)[0] or ""
    if rtype == _ISST:
        return f"s:{struct.unpack_from('<I', data, at)[0]}" if at + 4 <= end else ""
    if rtype in (_ERROR, _FMLA_ERROR):
        return ERROR_CODES.get(data[at], "#VALUE!")
    if rtype in (_BOOL, _FMLA_BOOL):
        return "TRUE" if data[at] else "FALSE"
    if rtype in (_REAL, _FMLA_NUM) and at + 8 <= end:
        return _number(struct.unpack_from("<d", data, at)[0])
    if rtype == _RK and at + 4 <= end:
        (rk,) = struct.unpack_from("<i", data, at)  # fInt (bit 1): a signed 30-bit integer, else a double's top
        value = float(rk >> 2) if rk & 2 else struct.unpack("<d", struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
        return _number(value / 100 if rk & 1 else value)
    return ""


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _shared(zf: zipfile.ZipFile, names: dict[str, str], wanted: set[int]) -> list[str]:
    """sharedStrings.bin's strings up to the largest index in ``wanted`` (BrtSSTItem: a flags byte,
    then the text)."""
    if not wanted or SHARED_STRINGS not in names:
        return []
    data, last, out = zf.read(names[SHARED_STRINGS]), max(wanted), []
    for rtype, off, n in records(data):
        if rtype == _SST_ITEM and n >= 5:
            out.append(_wide(data, off + 1, off + n)[0] or "")
            if len(out) > last:
                break
    return out
