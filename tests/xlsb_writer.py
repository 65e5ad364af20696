"""A minimal .xlsb writer for tests and benchmarks: no Python library and not LibreOffice writes the
format, so the few [MS-XLSB] records a district list needs are written here, as Excel lays them
out (2.1.4 record headers; 2.4 records). Strings are inline (BrtCellSt), numbers doubles
(BrtCellReal), dates their serial numbers (no styles part, unless cells are struck through: then
styles.bin holds a plain font and a struck one, cell XF 0 and 1 on them). The files Excel itself
wrote are in the POI corpus (sample.xlsb.renamed.xlsx); these add what those lack: hidden columns,
merged ranges, error cells, the 1904 flag and struck cells.
"""

from __future__ import annotations

import struct
import zipfile
from datetime import date
from pathlib import Path

ERRORS = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def record(rtype: int, payload: bytes = b"") -> bytes:
    """One record: a 1–2 byte type and a 1–4 byte size, 7 bits a byte, then the payload."""
    head = bytes([rtype]) if rtype < 128 else bytes([(rtype & 0x7F) | 0x80, rtype >> 7])
    size, out = len(payload), b""
    while True:
        out += bytes([(size & 0x7F) | (0x80 if size > 0x7F else 0)])
        size >>= 7
        if not size:
            break
    return head + out + payload


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _sheet(
    rows: list[list],
    hidden: list[int],
    merges: list[tuple[int, int, int, int]],
    hidden_rows: frozenset[int] = frozenset(),
    struck: dict[int, set[int]] | None = None,
) -> bytes:
    width = max((len(r) for r in rows), default=1)
    out = [record(129), record(148, struct.pack("<IIII", 0, max(len(rows) - 1, 0), 0, width - 1))]
    if hidden:
        out.append(record(390))
        out += [record(60, struct.pack("<IIIIH", c, c, 2560, 0, 1)) for c in hidden]
        out.append(record(391))
    out.append(record(145))
    for r, row in enumerate(rows):
        flags = 0x10 if r in hidden_rows else 0  # fDyZero: the row is hidden
        out.append(record(0, struct.pack("<IIHBBI", r, 0, 300, 0, flags, 0)))
        for c, v in enumerate(row):
            cell = struct.pack("<II", c, 1 if c in (struck or {}).get(r, ()) else 0)  # column, iStyleRef
            if v is None or v == "":
                if cell[4]:
                    out.append(record(1, cell))  # BrtCellBlank: an empty cell, struck through
                continue
            if isinstance(v, str) and v in ERRORS:
                out.append(record(3, cell + bytes([ERRORS[v]])))
            elif isinstance(v, date):
                out.append(record(5, cell + struct.pack("<d", (v - date(1899, 12, 30)).days)))
            elif isinstance(v, (int, float)):
                out.append(record(5, cell + struct.pack("<d", v)))
            else:
                out.append(record(6, cell + wide(str(v))))
    out.append(record(146))
    if merges:
        out.append(record(177, struct.pack("<I", len(merges))))
        out += [record(176, struct.pack("<IIII", r0, r1, c0, c1)) for r0, c0, r1, c1 in merges]
        out.append(record(178))
    out.append(record(130))
    return b"".join(out)


def font(struck: bool) -> bytes:
    """BrtFont: 11 pt, FontFlags (fStrikeout 0x0008), regular weight, a theme colour, 宋体."""
    color = bytes([0x07, 1, 0, 0, 0, 0, 0, 0xFF])
    head = struct.pack("<HHHHBBBB", 220, 0x0008 if struck else 0, 400, 0, 0, 2, 134, 0)
    return record(43, head + color + b"\x02" + wide("宋体"))


def xf(parent: int, font_id: int) -> bytes:
    """BrtXF: its parent style XF, number format 0 (General), its font, fill and border 0."""
    return record(47, struct.pack("<HHHHHBBHBB", parent, 0, font_id, 0, 0, 0, 0, 0, 0, 0))


def styles() -> bytes:
    """styles.bin as Excel orders it: fonts, fills, borders, the style XFs, the cell XFs, the styles."""
    return b"".join([
        record(278),  # BrtBeginStyleSheet
        record(611, struct.pack("<I", 2)), font(False), font(True), record(612),
        record(603, struct.pack("<I", 0)), record(604),  # BrtBeginFills, BrtEndFills
        record(613, struct.pack("<I", 0)), record(614),  # BrtBeginBorders, BrtEndBorders
        record(626, struct.pack("<I", 1)), xf(0xFFFF, 0), record(627),  # the cell style XFs
        record(617, struct.pack("<I", 2)), xf(0, 0), xf(0, 1), record(618),  # the cell XFs: 1 is struck
        record(279),  # BrtEndStyleSheet
    ])  # fmt: skip


def write_xlsb(path: Path, name: str, rows: list[list], *, hidden: list[int] = (),  # type: ignore[assignment]
               merges: list[tuple[int, int, int, int]] = (), date1904: bool = False,  # type: ignore[assignment]
               hidden_rows: tuple[int, ...] = (), struck: dict[int, set[int]] | None = None,
               styles_part: bytes | None = None) -> Path:  # fmt: skip
    """One sheet ``name`` of ``rows``; ``hidden`` 0-based columns; ``merges`` (r0, c0, r1, c1);
    ``hidden_rows`` 0-based rows written hidden (BrtRowHdr's fDyZero); ``struck`` 0-based row → the
    0-based columns written with the struck cell XF (``styles_part`` instead of :func:`styles`' own)."""
    book = [record(131), record(153, struct.pack("<II", 1 if date1904 else 0, 0) + wide("")), record(143),
            record(156, struct.pack("<II", 0, 1) + wide("rId1") + wide(name)), record(144), record(132)]  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.'
            'sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>',
        )
        zf.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/worksheet" '
            'Target="worksheets/sheet1.bin"/>'
            + (f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.bin"/>' if struck else "")
            + "</Relationships>",
        )
        if struck:
            zf.writestr("xl/styles.bin", styles() if styles_part is None else styles_part)
        zf.writestr("xl/workbook.bin", b"".join(book))
        sheet = _sheet(rows, list(hidden), list(merges), frozenset(hidden_rows), struck)
        zf.writestr("xl/worksheets/sheet1.bin", sheet)
    return path
