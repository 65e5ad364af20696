"""What python-calamine does not tell about an .xlsb package: the 1904 date system, hidden
columns and rows, merged ranges, which cells hold an Excel error and which are struck through
(io/xlsb_strike.py) ([MS-XLSB] 2.4 records).

An .xlsb part is a stream of records, each a 1–2 byte type and a 1–4 byte length (7 bits per
byte). The walk reads only the record headers and the few record types needed, bounded by the
part's length; the part itself was size-checked by io/sniff.py. Used in the reading process.
"""

from __future__ import annotations

import os
import struct
import zipfile

from zqtracker.io.biff import ERROR_CODES
from zqtracker.io.row_ranges import RangeCollector
from zqtracker.io.xlsb_strike import CELLS, STYLES_PART, XlsbDamaged, struck_cell, struck_xfs
from zqtracker.io.xlsx_package import Package, _local

ROW_HDR, CELL_ERROR, FMLA_ERROR, COL_INFO, MERGE_CELL, WS_DIM = 0, 3, 11, 60, 176, 148
ROW_DY_ZERO = 0x10  # BrtRowHdr's 12th byte: fDyZero, the row is hidden (by hand or by a filter)
WB_PROP, BUNDLE_SH = 153, 156


def records(data: bytes, strict: str | None = None):
    """(type, payload offset, length) of each record; stops at a truncated header, and cuts a record
    running past the end to what is there — or, ``strict`` (the part's name), raises XlsbDamaged."""
    pos, end = 0, len(data)
    while pos < end:
        rtype = data[pos]
        pos += 1
        if rtype & 0x80:
            if pos >= end:
                if strict:
                    raise XlsbDamaged(strict)
                return
            rtype = (rtype & 0x7F) | ((data[pos] & 0x7F) << 7)
            pos += 1
        size = shift = 0
        for _ in range(4):
            if pos >= end:
                if strict:
                    raise XlsbDamaged(strict)
                return
            b = data[pos]
            pos += 1
            size |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        if strict and size > end - pos:
            raise XlsbDamaged(strict)
        yield rtype, pos, min(size, end - pos)
        pos += size


def _wide(data: bytes, off: int, end: int) -> tuple[str | None, int]:
    """An XLWideString (u32 count, UTF-16LE): the text and the offset after it."""
    if off + 4 > end:
        return None, end
    (count,) = struct.unpack_from("<I", data, off)
    if count == 0xFFFFFFFF:
        return None, off + 4
    stop = min(off + 4 + 2 * count, end)
    return data[off + 4 : stop].decode("utf-16-le", "replace"), stop


def xlsb_facts(path: str, max_cells: int | None = None) -> Package:
    """Best effort, like io/xlsx_package.package_facts: a damaged package is left to the parser, but
    for a record cut short where it would hide struck rows: the file is refused (``refused``). A sheet
    whose BrtWsDim spans more than ``max_cells`` is looked through for the few far cells that
    stretch it (io/xlsb_far.py)."""
    facts = Package()
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lower(): n for n in zf.namelist()}
            targets = _relationships(zf, names)
            data = zf.read(names["xl/workbook.bin"])
            for rtype, off, n in records(data):
                if rtype == WB_PROP and n >= 4:
                    facts.date1904 = bool(struct.unpack_from("<I", data, off)[0] & 1)
                elif rtype == BUNDLE_SH and n >= 12:
                    rel, after = _wide(data, off + 8, off + n)
                    name, _ = _wide(data, after, off + n)
                    if name is not None and rel in targets:
                        facts.sheet_parts[name] = names.get(targets[rel].lower(), targets[rel])
            styles = zf.read(names[STYLES_PART]) if STYLES_PART in names else b""  # size-checked by io/sniff.py
            struck = struck_xfs(records(styles, strict=names.get(STYLES_PART)), styles)
            for name, part in facts.sheet_parts.items():
                data = zf.read(part)
                _sheet(facts, name, data, struck, part)
                if max_cells is not None and facts.declared.get(name, 0) > max_cells:
                    from zqtracker.io.xlsb_far import far_refusal

                    far = far_refusal(zf, names, data, max_cells)
                    if far is not None:
                        facts.far[name] = far
    except XlsbDamaged as exc:
        facts.refused = ("xlsb_record_cut", {"entry": exc.args[0]})
    except Exception:  # noqa: BLE001
        pass
    return facts


def _relationships(zf: zipfile.ZipFile, names: dict[str, str]) -> dict[str, str]:
    from defusedxml import ElementTree

    rels = ElementTree.fromstring(zf.read(names["xl/_rels/workbook.bin.rels"]))
    out = {}
    for rel in rels:
        if _local(rel.tag) == "Relationship":
            target = rel.get("Target", "").replace("\\", "/")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            out[rel.get("Id", "")] = os.path.normpath(target).replace("\\", "/")
    return out


def _sheet(facts: Package, name: str, data: bytes, struck: frozenset[int] = frozenset(), part: str = "") -> None:
    hidden: list[tuple[int, int]] = []
    errors: list[tuple[int, int, str]] = []
    merged: list[tuple[int, int, int, int]] = []
    rows = RangeCollector()
    row = 0
    for rtype, off, n in records(data, strict=part or name if struck else None):
        if struck and rtype in CELLS:
            struck_cell(data, off, n, row, struck, errors, part or name)
        if rtype == ROW_HDR and n >= 4:
            (row,) = struct.unpack_from("<I", data, off)
            if n >= 12 and data[off + 11] & ROW_DY_ZERO:
                rows.add(row)
        elif rtype in (CELL_ERROR, FMLA_ERROR) and n >= 9:
            (col,) = struct.unpack_from("<I", data, off)
            errors.append((row, col, ERROR_CODES.get(data[off + 8], "#VALUE!")))
        elif rtype == COL_INFO and n >= 18:
            lo, hi = struct.unpack_from("<II", data, off)
            if data[off + 16] & 1 and lo <= hi:
                hidden.append((lo, min(hi, 16383)))
        elif rtype == WS_DIM and n >= 16:
            r0, r1, c0, c1 = struct.unpack_from("<IIII", data, off)
            facts.declared[name] = max(r1 - r0 + 1, 0) * max(c1 - c0 + 1, 0)
        elif rtype == MERGE_CELL and n >= 16:
            r0, r1, c0, c1 = struct.unpack_from("<IIII", data, off)
            merged.append((r0, c0, r1, c1))
    facts.hidden[name], facts.errors[name], facts.merged[name] = hidden, errors, merged
    facts.hidden_rows[name] = rows.ranges()
