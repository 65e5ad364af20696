"""Reading one workbook inside the reading process: python-calamine for every format, the facts it
does not give from the package (io/xlsx_package, io/biff, io/xlsb_package, io/ods_package), and
openpyxl for what python-calamine cannot open. Frames as io/worker.py describes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from zqtracker.io.child_process import Forked
from zqtracker.io.shared_text import SharedText
from zqtracker.io.sheet_stream import (
    CHUNK_ROWS,
    EXCEL_ERRORS,
    MAX_CELL_CHARS,
    CellTooLong,
    Emit,
    TextBudget,
    convert_cell,
    mark_row,
    stream_rows,
)
from zqtracker.io.strike_styles import split_struck
from zqtracker.io.vanished import GONE, vanished
from zqtracker.io.xlsx_escapes import unescape_rows
from zqtracker.io.xlsx_formulas import MAX_FORMULAS, TOO_MANY
from zqtracker.io.xlsx_package import Package, package_facts, sheet_scan
from zqtracker.io.xlsx_places import TWICE, twice_refusal, unread_part


def facts_of(path: str, kind: str, max_cells: int) -> Package:
    """What python-calamine does not say about the file: per format, from its own structures (of an
    .ods, whether its repeated rows and cells stand for more than ``max_cells``: io/ods_package.py)."""
    if kind == "xls":
        import mmap

        from zqtracker.io.biff import biff_facts, workbook_stream
        from zqtracker.io.ole2 import CompoundFile

        package = Package()
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            stream = workbook_stream(CompoundFile(data))
        if stream is not None:
            biff = biff_facts(stream)
            package.encrypted, package.date1904 = biff.encrypted, biff.date1904
            package.hidden, package.errors, package.hidden_rows = biff.hidden, biff.errors, biff.hidden_rows
        return package
    if kind == "xlsb":
        from zqtracker.io.xlsb_package import xlsb_facts

        return xlsb_facts(path, max_cells)
    if kind == "ods":
        from zqtracker.io.ods_package import ods_facts

        return ods_facts(path, max_cells)
    return package_facts(path)


def read_workbook(path: str, kind: str, sheets: list[str] | None, max_cells: int, emit: Emit) -> None:
    if kind != "xlsx":
        facts = facts_of(path, kind, max_cells)
        if facts.refused is not None:  # python-calamine would expand an .ods's repeats on opening it: not opened
            emit(("error", *facts.refused))
            return
        _read_workbook(path, kind, sheets, max_cells, emit, facts)
        return
    # An .xlsx's error cells, formulas never calculated and hidden rows take a pass over every
    # sheet's XML (a quarter of a second for 100k rows): a forked copy of this process finds them
    # on the other core during the parse.
    package = package_facts(path, errors=False)
    if package.unreadable is not None:  # workbook.xml or its rels: no sheet would be scanned
        emit(("error", "xml_part_unreadable", {"entry": package.unreadable}))
        return
    zero_unsure = package.recalc_on_load
    if package.sheet_bytes < _SCAN_HERE:  # a district's list of a few hundred rows: scanned in less than a fork costs
        package.errors, package.hidden_rows, package.escaped = sheet_scan(path, package.sheet_parts, zero_unsure)
        _read_workbook(path, kind, sheets, max_cells, emit, package)
        return
    with Forked(lambda: sheet_scan(path, package.sheet_parts, zero_unsure)) as scan:
        if not scan.started:
            package.errors, package.hidden_rows, package.escaped = sheet_scan(path, package.sheet_parts, zero_unsure)

        def scanned() -> dict[str, list[tuple[int, int, str]]]:
            package.errors, package.hidden_rows, package.escaped = scan.result(
                (package.errors, package.hidden_rows, package.escaped)
            )
            return package.errors

        _read_workbook(path, kind, sheets, max_cells, emit, package, scanned)


def _read_workbook(
    path: str,
    kind: str,
    sheets: list[str] | None,
    max_cells: int,
    emit: Emit,
    package: Package,
    errors: Callable[[], dict[str, list[tuple[int, int, str]]]] | None = None,
) -> None:
    if package.encrypted:
        emit(("error", "encrypted", {}))
        return
    try:
        import python_calamine as pc

        with open(path, "rb") as fh:
            wb = pc.CalamineWorkbook.from_filelike(fh)
    except BaseException as exc:  # noqa: BLE001
        if type(exc).__name__ == "PasswordError":
            emit(("error", "encrypted", {}))
            return
        if kind != "xlsx":  # no other reader to try
            emit(("error", *damage(exc)) if "detect" not in str(exc) else ("error", "damaged", {}))
            return
        _read_with_openpyxl(path, sheets, max_cells, package, emit, first_error=exc, marks=errors)
        return
    metas = [
        (m.name, m.visible == pc.SheetVisibleEnum.Visible, m.typ == pc.SheetTypeEnum.WorkSheet)
        for m in wb.sheets_metadata
    ]
    emit(("book", "calamine", package.date1904, metas))
    wanted = [name for name, _visible, is_ws in metas if is_ws and (sheets is None or name in sheets)]
    failed: list[str] = []
    shared = SharedText(path)
    for name in wanted:
        if name in package.far:  # an .xlsb's far cells, found with its facts (io/xlsb_far.py)
            emit(("sheet_error", name, "far_cells", package.far[name]))
            continue
        if kind == "xlsx" and package.declared.get(name, 0) > max_cells and name in package.sheet_parts:
            from zqtracker.io.far_cells import too_far

            far = too_far(path, package.sheet_parts[name], max_cells)  # a stray cell at XFD1048576?
            if far is not None:
                emit(("sheet_error", name, "far_cells", far))
                continue
        if kind == "xlsx" and name in package.sheet_parts and (code := shared.refusal(package.sheet_parts[name])):
            emit(("sheet_error", name, code, {"limit": MAX_CELL_CHARS}))  # before python-calamine copies them
            continue
        try:
            sheet = wb.get_sheet_by_name(name)
        except BaseException as exc:
            if isinstance(exc, MemoryError):
                raise
            if kind != "xlsx":
                emit(("sheet_error", name, *damage(exc)))
            else:
                failed.append(name)
            continue
        end = sheet.end
        if end is None:
            emit(("sheet", name, 0, 0, [], package.hidden.get(name, []), 0, 0, []))
            emit(("end", name, 0))
            continue
        start = sheet.start or (0, 0)
        rows_total, cols_total = end[0] + 1, end[1] - start[1] + 1
        if rows_total * cols_total > max_cells:
            emit(
                (
                    "sheet_error",
                    name,
                    "too_many_cells",
                    {"cells": rows_total * cols_total, "rows": end[0] + 1, "cols": end[1] + 1, "limit": max_cells},
                )
            )
            continue
        # python-calamine gives merged ranges of .xlsx and .xls; of .xlsb and .ods the package's own
        merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])] or package.merged.get(name, [])
        try:
            if errors is not None:
                package.errors = errors()
            marks = package.errors.get(name, [])
            if unread_part(marks) is not None:  # styles.xml (struck rows): the whole file
                emit(("error", "xml_part_unreadable", {"entry": unread_part(marks)}))
                return
            if marks and marks[-1][0] == TWICE:  # a row or cell written twice (io/xlsx_places.py)
                emit(("sheet_error", name, *twice_refusal(marks[-1][2])))
                continue
            if marks and tuple(marks[-1]) == TOO_MANY:  # more formulas without a value than can be listed
                emit(("sheet_error", name, "too_many_formulas", {"limit": MAX_FORMULAS}))
                continue
            stream_rows(
                name,
                sheet.iter_rows(),
                end,
                sheet.height,
                merged,
                package.hidden.get(name, []),
                marks,
                emit,
                package.hidden_rows.get(name, []),
                name in package.escaped,
            )
        except CellTooLong as exc:
            emit(("sheet_error", name, "text_too_long" if exc.total else "cell_too_long", {"limit": MAX_CELL_CHARS}))
    if failed:
        _read_with_openpyxl(path, failed, max_cells, package, emit, first_error=None, announce=False, marks=errors)


def damage(exc: BaseException) -> tuple[str, dict]:
    """The refusal for a parser's exception: corrupt compressed data has a sentence of its own; a file
    removed or moved since the start check is no damage (io/vanished.py)."""
    if vanished(exc):
        return GONE, {}
    if type(exc).__name__ == "PanicException":  # python-calamine's Rust code tripped over the file: no Rust words
        return "damaged", {}
    text = short_error(exc)
    lowered = text.lower()
    if "cannot detect file format" in lowered:  # python-calamine on a part that is no XML (probe29b x16, x17)
        return "damaged", {}
    if any(
        w in lowered
        for w in (
            "crc",
            "checksum",
            "decompress",
            "deflate",
            "invalid stored block",
            "invalid distance",
            "invalid code",
            "corrupt deflate",
        )
    ):
        part = _PART_RE.search(text)  # the part whose data is corrupt, when the reader names it
        return ("damaged_entry", {"detail": part[1]}) if part else ("damaged_compressed", {})
    if isinstance(exc, _PYTHONS):  # a fallback reader tripping over the XML: said without Python's words
        m = _QUOTED_RE.search(str(exc))
        return ("damaged_value", {"value": m[1]}) if m else ("damaged_part", {})
    # anything else a reader raises (OSError "failed to fill whole buffer", CalamineError, an XML
    # ParseError "unclosed token") is its own words, not the user's: the file is damaged (probe31b F6)
    return "damaged", {}


# What a Python reader raises on XML it does not expect: a value ('12,000' where a number must be) or a
# reference past the end of a table (a shared string's index): the file's fault, worded without Python's text.
# Sheet XML under this size is scanned in the reading process itself (~8 ms for 512 KiB), under the
# ~10–25 ms a forked copy takes to start, run beside the parse and hand its answer back.
_SCAN_HERE = 512 * 1024
_PYTHONS = (IndexError, KeyError, ValueError, TypeError, AttributeError, OverflowError)
_QUOTED_RE = re.compile(r"'([^'\n]{1,40})'\s*$")
_PART_RE = re.compile(r"'((?:xl|docProps|_rels|\[Content_Types)[^'\n]{0,80})'")


def _read_with_openpyxl(
    path: str,
    sheets: list[str] | None,
    max_cells: int,
    package: Package,
    emit: Emit,
    *,
    first_error: BaseException | None,
    announce: bool = True,
    marks: Callable[[], dict[str, list[tuple[int, int, str]]]] | None = None,
) -> None:
    """What python-calamine cannot open (macro sheets, odd packages) through openpyxl, read-only,
    with defusedxml in force and the sheet's declared dimension ignored. openpyxl reads a formula
    never calculated as None, like python-calamine: the package scan's marks (``marks()`` when it
    ran on the other core) place them, and its rows start at A1, as the marks count."""
    import warnings

    warnings.simplefilter("ignore")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except MemoryError:
        raise
    except BaseException as exc:  # noqa: BLE001
        code, params = damage(exc)
        if code != "damaged_entry" and first_error is not None:
            code, params = damage(first_error)
        emit(("error", code, params))
        return
    try:
        if announce:
            metas = [(ws.title, ws.sheet_state == "visible", hasattr(ws, "iter_rows")) for ws in wb._sheets]
            emit(("book", "openpyxl", bool(getattr(wb, "epoch", None) and wb.epoch.year == 1904), metas))
        found = marks() if marks is not None else package.errors
        for ws in wb.worksheets:
            if sheets is not None and ws.title not in sheets:
                continue
            sheet_marks = found.get(ws.title, [])
            if unread_part(sheet_marks) is not None:
                emit(("error", "xml_part_unreadable", {"entry": unread_part(sheet_marks)}))
                return
            if sheet_marks and sheet_marks[-1][0] == TWICE:
                emit(("sheet_error", ws.title, *twice_refusal(sheet_marks[-1][2])))
                continue
            if sheet_marks and tuple(sheet_marks[-1]) == TOO_MANY:
                emit(("sheet_error", ws.title, "too_many_formulas", {"limit": MAX_FORMULAS}))
                continue
            try:
                _stream_openpyxl_sheet(ws, max_cells, package.hidden.get(ws.title, []), sheet_marks, emit,
                                       package.hidden_rows.get(ws.title, []), ws.title in package.escaped)  # fmt: skip
            except CellTooLong as exc:
                emit(
                    (
                        "sheet_error",
                        ws.title,
                        "text_too_long" if exc.total else "cell_too_long",
                        {"limit": MAX_CELL_CHARS},
                    )
                )
            except MemoryError:
                raise
            except BaseException as exc:  # noqa: BLE001
                emit(("sheet_error", ws.title, *damage(exc)))
    finally:
        wb.close()


def _stream_openpyxl_sheet(
    ws: Any, max_cells: int, hidden: list, found: list, emit: Emit, hidden_rows: list, escaped: bool
) -> None:
    ws.reset_dimensions()
    emit(("sheet", ws.title, 0, 0, [], hidden, 0, 0, hidden_rows))
    chunk: list[list] = []
    marks: list[tuple[int, int, str]] = []
    by_row: dict[int, list[tuple[int, str]]] = {}
    found, struck = split_struck(found)
    for r, c, t in found:
        by_row.setdefault(r, []).append((c, t))
    text = TextBudget(ws.title)
    cells = 0
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        cells += len(row)
        if cells > max_cells:
            emit(
                (
                    "sheet_error",
                    ws.title,
                    "too_many_cells",
                    {"cells": cells, "rows": n, "cols": len(row), "limit": max_cells},
                )
            )
            return
        converted = [convert_cell(v) for v in row]
        if escaped:  # openpyxl decodes no _xHHHH_ escape (io/xlsx_escapes.py)
            unescape_rows([converted], ascii_done=False)
        text.add(converted, n - 1)
        # openpyxl gives an error cell as its text ("#REF!"): marked like python-calamine's
        marks.extend((len(chunk), j, v) for j, v in enumerate(converted) if v.__class__ is str and v in EXCEL_ERRORS)
        if n - 1 in by_row:  # formulas never calculated (and errors the scan saw where the cell reads empty)
            mark_row(converted, by_row[n - 1], 0, len(chunk), marks)
        chunk.append(converted)
        if len(chunk) >= CHUNK_ROWS:
            emit(("rows", chunk, marks))
            chunk, marks = [], []
    if chunk:
        emit(("rows", chunk, marks))
    if struck:
        emit(("struck", ws.title, struck))
    emit(("end", ws.title, 0))


def short_error(exc: BaseException | None) -> str:
    if exc is None:
        return "unknown error"
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
