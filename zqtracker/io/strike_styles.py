"""Which cells of an .xlsx are struck through: what a district does to a row instead of deleting it.

The styles come from styles.xml (a font of <fonts> with <strike/>, and the cellXfs entries whose
fontId is one); the sheet scan (io/xlsx_package.py, on the other core) finds their cells by a byte
search for each such style's s="…", as it finds percent cells (io/percent_format.py): a workbook
without a struck font pays for one small parse of styles.xml and nothing more. The cells travel in
the scan's marks as (row, column, STRUCK) and leave the reading process in a "struck" frame of their
own (io/worker.py), never as a mark of a cell's value. Rich text struck through in part is not read.
An .xls's cells are marked the same way from its FONT and XF records (io/biff.py), an .ods's from its
cell, paragraph and span styles (io/ods_package.py), an .xlsb's from styles.bin and its cell records'
iStyleRef (io/xlsb_strike.py).
"""

from __future__ import annotations

import re
import zipfile
from xml.parsers import expat

from zqtracker.io.xlsx_formulas import Unplaced, column_number

STRUCK = "-s"  # the mark of a struck-through cell in the scan's list
MAX_STRUCK_CELLS = 1_000_000
_CELL_TAG_RE = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_REF_ATTR_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']")


def struck_styles(zf: zipfile.ZipFile) -> list[bytes]:
    """The attributes the struck-through styles are written with in a cell (b' s="3"', and with
    single quotes); empty when no font of the workbook is struck through."""
    names = {n.lower(): n for n in zf.namelist()}
    part = names.get("xl/styles.xml")
    if part is None:
        return []
    fonts: list[bool] = []
    xfs: list[int] = []
    where = {"fonts": False, "xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local in ("fonts", "cellXfs"):
            where["fonts" if local == "fonts" else "xfs"] = True
        elif local == "font" and where["fonts"]:
            fonts.append(False)
        elif local == "strike" and where["fonts"] and fonts:
            fonts[-1] = attrs.get("val", "1").lower() not in ("0", "false")
        elif local == "xf" and where["xfs"]:
            try:
                xfs.append(int(attrs.get("fontId", "0")))
            except ValueError:
                xfs.append(0)

    def end(tag: str) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local in ("fonts", "cellXfs"):
            where["fonts" if local == "fonts" else "xfs"] = False

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.Parse(zf.read(part), True)
    if not any(fonts):
        return []
    struck = [i for i, font in enumerate(xfs) if 0 <= font < len(fonts) and fonts[font]]
    return [b" s=" + q + str(i).encode() + q for i in struck for q in (b'"', b"'")]


def struck_cells(data: bytes, needles: list[bytes], found: list[tuple[int, int, str]]) -> None:
    """The cells of ``data`` (whole cells) written with a struck-through style, of any type:
    (0-based row, column, STRUCK). A cell without an r attribute raises :class:`Unplaced`."""
    for needle in needles:
        pos = data.find(needle)
        while pos >= 0 and len(found) < MAX_STRUCK_CELLS:
            start = data.rfind(b"<", 0, pos)
            m = _CELL_TAG_RE.match(data, start) if start >= 0 else None
            if m is not None and m.end() > pos:
                ref = _REF_ATTR_RE.search(m.group(1))
                if ref is None:
                    raise Unplaced  # the part is read again with every r written in (io/xlsx_places.py)
                found.append((int(ref.group(2)) - 1, column_number(ref.group(1).decode()) - 1, STRUCK))
            pos = data.find(needle, pos + len(needle))


def split_struck(marks: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The scan's marks without the struck cells, and the struck cells (row, column)."""
    if not any(t == STRUCK for _r, _c, t in marks):
        return marks, []
    return [m for m in marks if m[2] != STRUCK], [(r, c) for r, c, t in marks if t == STRUCK]
