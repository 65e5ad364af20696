"""A minimal .xlsb writer for tests and benchmarks: no Python library and not LibreOffice writes the
format, so the few [MS-XLSB] records a district list needs are written here, as Excel lays them
out (2.1.4 record headers; 2.4 records). Strings are inline (BrtCellSt), numbers doubles
(BrtCellReal), dates their serial numbers (no styles part). The files Excel itself wrote are in
the POI corpus (sample.xlsb.renamed.xlsx); these add what those lack: hidden columns, merged
ranges, error cells and the 1904 flag.
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
            cell = struct.pack("<II", c, 0)
            if v is None or v == "":
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


def write_xlsb(path: Path, name: str, rows: list[list], *, hidden: list[int] = (),  # type: ignore[assignment]
               merges: list[tuple[int, int, int, int]] = (), date1904: bool = False,  # type: ignore[assignment]
               hidden_rows: tuple[int, ...] = ()) -> Path:  # fmt: skip
    """One sheet ``name`` of ``rows``; ``hidden`` 0-based columns; ``merges`` (r0, c0, r1, c1);
    ``hidden_rows`` 0-based rows written hidden (BrtRowHdr's fDyZero)."""
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
            'Target="worksheets/sheet1.bin"/></Relationships>',
        )
        zf.writestr("xl/workbook.bin", b"".join(book))
        zf.writestr("xl/worksheets/sheet1.bin", _sheet(rows, list(hidden), list(merges), frozenset(hidden_rows)))
    return path
