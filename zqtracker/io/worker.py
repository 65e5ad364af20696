"""The reading process: parses one workbook under hard limits and streams its cells back.

A hostile workbook can make a parser allocate without bound (python-calamine builds a dense
range from the two farthest cells: two cells at A1 and XFD1048576 ask for 500 GB and abort the
process) or spin. So parsing runs here, in a child process with an address-space and CPU limit,
killed by the parent on a wall-clock timeout; the worst a file can do is end this process.

Every format goes through here: .xlsx/.xlsm, .xls, .xlsb and .ods by python-calamine (with the
facts it does not give read by io/xlsx_package, io/biff, io/xlsb_package and io/ods_package),
CSV by io/csvread. The process dies with its parent: PR_SET_PDEATHSIG on Linux, and everywhere a
thread that exits when the parent's end of stdin closes.

Protocol: a JSON request on one line of stdin (which the parent keeps open until it is done);
frames on stdout, each a 4-byte big-endian length and a ``marshal`` payload (primitives only: str,
float, int, bool, tuples, lists, None). Cells are sent as python-calamine gives an .xlsx ('' for
empty, floats for numbers, whatever the format) except dates, which travel as tuples (ordinal,)
or (ordinal, seconds). Frames:

    ("book", engine, date1904, [(name, visible, is_worksheet), ...])
    ("sheet", name, row_offset, col_offset, merged, hidden_cols, n_rows, n_cols)
    ("rows", [row, ...], [(i, j, "#REF!"), ...])  # after their "sheet" frame; Excel errors by
                                                  # index into these rows and their cells
    ("end", name, row_offset)
    ("sheet_error", name, code, params)
    ("error", code, params)               # fatal
    ("done",)

Run as ``python -m zqtracker.io.worker``. Imports little of zqtracker, so that it starts fast.
"""

from __future__ import annotations

import datetime as _dt
import json
import marshal
import os
import struct
import sys
from collections.abc import Callable, Iterator
from typing import Any

from zqtracker.io.xlsx_package import Package, iter_rows_starts_at_row_1, package_facts

EXCEL_ERRORS = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!"))  # fmt: skip

CHUNK_ROWS = 4096
_SIMPLE = frozenset((str, float, int, bool))
_DONE = _SIMPLE | {tuple}
Emit = Callable[[tuple], None]


def main() -> int:
    _die_with_parent()
    request = json.loads(sys.stdin.buffer.readline().decode("utf-8"))
    _watch_parent(request.get("parent"))
    # Frames go to a private copy of stdout; anything else printing to fd 1 lands on stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)
    _limit_resources(request.get("memory_bytes"), request.get("cpu_seconds"))

    def emit(frame: tuple) -> None:
        data = marshal.dumps(frame)
        out.write(struct.pack(">I", len(data)))
        out.write(data)

    try:
        if request.get("op") == "column_text":
            from zqtracker.io.numfmt import column_text

            emit(("text", column_text(request["path"], request["sheet"], request["column"], request["rows"])))
        elif request.get("kind") == "csv":
            from zqtracker.io.csvread import stream_csv

            stream_csv(request["path"], int(request.get("max_cells", 20_000_000)), emit)
        else:
            read_workbook(request["path"], request.get("kind", "xlsx"), request.get("sheets"),
                          int(request.get("max_cells", 20_000_000)), emit)  # fmt: skip
    except MemoryError:
        emit(("error", "out_of_memory", {}))
    except BaseException as exc:  # noqa: BLE001 - python-calamine panics derive from BaseException
        emit(("error", *_damage(exc)))
    emit(("done",))
    out.flush()
    return 0


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL when the parent dies, whatever this process is doing (a
    parse holds the interpreter for seconds)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _watch_parent(parent: int | None) -> None:
    """Everywhere: the parent holds our stdin open until it is done with us, so end of file (or
    a parent that died before the prctl above took effect) means nobody is listening."""
    import threading

    if parent and hasattr(os, "getppid") and os.getppid() != parent:
        os._exit(1)

    fd = sys.stdin.fileno()

    def watch() -> None:
        # os.read on the descriptor, not sys.stdin.buffer: a daemon thread blocked inside the buffered
        # reader holds its lock, and the interpreter's shutdown then waits a full second for it —
        # every read of a file took a second longer than its work.
        try:
            while os.read(fd, 1 << 12):
                pass
        except (OSError, ValueError):
            pass
        os._exit(1)

    threading.Thread(target=watch, name="zqtracker-parent-watch", daemon=True).start()


def _limit_resources(memory_bytes: int | None, cpu_seconds: int | None) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the bound
        return
    for limit, value in ((getattr(resource, "RLIMIT_AS", None), memory_bytes),
                         (resource.RLIMIT_CPU, cpu_seconds)):  # fmt: skip
        if limit is None or not value:
            continue
        _soft, hard = resource.getrlimit(limit)
        value = int(value) if hard == resource.RLIM_INFINITY else min(int(value), hard)
        try:
            resource.setrlimit(limit, (value, hard))
        except (ValueError, OSError):
            pass


# -- reading -------------------------------------------------------------------------------------
def facts_of(path: str, kind: str) -> Package:
    """What python-calamine does not say about the file: per format, from its own structures."""
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
            package.hidden, package.errors = biff.hidden, biff.errors
        return package
    if kind == "xlsb":
        from zqtracker.io.xlsb_package import xlsb_facts

        return xlsb_facts(path)
    if kind == "ods":
        from zqtracker.io.ods_package import ods_facts

        return ods_facts(path)
    return package_facts(path)


def read_workbook(path: str, kind: str, sheets: list[str] | None, max_cells: int, emit: Emit) -> None:
    package = facts_of(path, kind)
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
            emit(("error", *_damage(exc)) if "detect" not in str(exc) else ("error", "damaged", {}))
            return
        _read_with_openpyxl(path, sheets, max_cells, package, emit, first_error=exc)
        return
    metas = [(m.name, m.visible == pc.SheetVisibleEnum.Visible, m.typ == pc.SheetTypeEnum.WorkSheet)
             for m in wb.sheets_metadata]  # fmt: skip
    emit(("book", "calamine", package.date1904, metas))
    wanted = [name for name, _visible, is_ws in metas if is_ws and (sheets is None or name in sheets)]
    failed: list[str] = []
    for name in wanted:
        try:
            sheet = wb.get_sheet_by_name(name)
        except BaseException as exc:
            if isinstance(exc, MemoryError):
                raise
            if kind != "xlsx":
                emit(("sheet_error", name, *_damage(exc)))
            else:
                failed.append(name)
            continue
        end = sheet.end
        if end is None:
            emit(("sheet", name, 0, 0, [], package.hidden.get(name, []), 0, 0))
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
            continue  # fmt: skip
        # python-calamine gives merged ranges of .xlsx and .xls; of .xlsb and .ods the package's own
        merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])] or package.merged.get(name, [])
        try:
            _stream_rows(name, sheet.iter_rows(), end, sheet.height, merged, package.hidden.get(name, []),
                         package.errors.get(name, []), emit)  # fmt: skip
        except CellTooLong as exc:
            emit(("sheet_error", name, "text_too_long" if exc.total else "cell_too_long", {"limit": MAX_CELL_CHARS}))
    if failed:
        _read_with_openpyxl(path, failed, max_cells, package, emit, first_error=None, announce=False)


def _damage(exc: BaseException) -> tuple[str, dict]:
    """The refusal for a parser's exception: corrupt compressed data has a sentence of its own."""
    text = _short(exc)
    lowered = text.lower()
    if any(w in lowered for w in ("crc", "checksum", "decompress", "deflate", "invalid stored block",
                                  "invalid distance", "invalid code", "corrupt deflate")):  # fmt: skip
        return "damaged_entry", {"detail": text}
    return "damaged_detail", {"detail": text}


def _stream_rows(name: str, rows: Iterator[list], end: tuple[int, int], height: int, merged: list, hidden: list,
                 errors: list[tuple[int, int, str]], emit: Emit) -> None:  # fmt: skip
    """Rows in chunks. python-calamine's iter_rows has started at row 1 in some versions and at the
    first used row in others, and at the first used column: offsets are worked out from the end.
    Numbers are sent as floats whatever the format (python-calamine gives an .xls's as int)."""
    chunk: list[list] = []
    marks: list[tuple[int, int, str]] = []
    count = 0
    header_sent = False
    width = 0
    special: list[int] = []  # columns seen holding dates: checked first, without a scan
    simple, done = _SIMPLE.issuperset, _DONE.issuperset
    text = _TextBudget(name)
    shared = _Shared()
    row_offset = 0 if iter_rows_starts_at_row_1() else max(end[0] + 1 - height, 0)
    by_row: dict[int, list[tuple[int, str]]] = {}
    for r, c, t in errors:
        by_row.setdefault(r, []).append((c, t))
    for row in rows:
        text.add(row, count)
        types = set(map(type, row))
        if not simple(types) or int in types:
            for i in special:
                if i < len(row):
                    row[i] = _convert(row[i])
            if not done(map(type, row)) or int in types:
                for i, v in enumerate(row):
                    if v.__class__ not in _DONE or v.__class__ is int:
                        row[i] = _convert(v)
                        if i not in special:
                            special.append(i)
        width = len(row)
        if by_row:
            for c, t in by_row.get(row_offset + count, ()):
                j = c - (end[1] + 1 - width)
                if 0 <= j < width and row[j] == "":
                    marks.append((len(chunk), j, t))
        count += 1
        chunk.append(row)
        if len(chunk) < CHUNK_ROWS:
            continue
        if not header_sent:
            emit(("sheet", name, row_offset, end[1] + 1 - width, merged, hidden, end[0] + 1, end[1] + 1))
            header_sent = True
        emit(("rows", shared.apply(chunk), marks))
        chunk, marks = [], []
    row_offset = end[0] + 1 - count  # what the count says, should the probe have been wrong
    if not header_sent:
        emit(("sheet", name, row_offset, end[1] + 1 - width, merged, hidden, end[0] + 1, end[1] + 1))
    if chunk:
        emit(("rows", shared.apply(chunk), marks))
    emit(("end", name, row_offset))


class _Shared:
    """One string object per distinct value in columns that repeat (district, sector, status,
    是/否): marshal then writes a reference instead of the text, and the parent builds (and
    holds) one object instead of 100k. Which columns repeat is judged on the first chunk."""

    def __init__(self) -> None:
        self.columns: list[int] | None = None
        self.table: dict[str, str] = {}

    def apply(self, chunk: list[list]) -> list[list]:
        if self.columns is None:
            width = max((len(r) for r in chunk), default=0)
            self.columns = []
            for j in range(width):
                values = [r[j] for r in chunk if j < len(r) and r[j].__class__ is str and r[j]]
                if len(values) >= 16 and len(set(values)) * 4 <= len(values):
                    self.columns.append(j)
        table = self.table
        if len(table) > 100_000:
            table.clear()
        for j in self.columns:
            for row in chunk:
                if j < len(row):
                    v = row[j]
                    if v.__class__ is str:
                        row[j] = table.setdefault(v, v)
        return chunk


MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_SHEET_CHARS = 256 * 1024 * 1024


class CellTooLong(Exception):
    def __init__(self, sheet: str, row: int, total: bool) -> None:
        super().__init__(sheet)
        self.sheet, self.row, self.total = sheet, row, total


class _TextBudget:
    """Shared strings let a small file repeat one long text in every cell: 10,000 references to
    a 1 MB string are 10 GB for whoever reads the values. Excel never writes a cell longer than
    32,767 characters, and a sheet's text is bounded too."""

    def __init__(self, sheet: str) -> None:
        self.sheet, self.chars = sheet, 0

    def add(self, row: list, index: int) -> None:
        longest = 0
        for v in row:
            if v.__class__ is str:
                n = len(v)
                self.chars += n
                if n > longest:
                    longest = n
        if longest > MAX_CELL_CHARS or self.chars > MAX_SHEET_CHARS:
            raise CellTooLong(self.sheet, index + 1, longest <= MAX_CELL_CHARS)


def _convert(v: Any) -> Any:
    """Dates travel as (ordinal,), date-times as (ordinal, seconds into the day)."""
    c = v.__class__
    if c is _dt.date:
        return (v.toordinal(),)
    if c is _dt.datetime:
        seconds = v.hour * 3600 + v.minute * 60 + v.second
        return (v.toordinal(), seconds) if seconds else (v.toordinal(),)
    if c is _dt.time:
        return v.isoformat()
    if c is _dt.timedelta:
        return str(v)
    if v is None:
        return ""
    if c is int:
        return float(v)
    if c in _SIMPLE:
        return v
    return str(v)


def _read_with_openpyxl(path: str, sheets: list[str] | None, max_cells: int, package: Package, emit: Emit,
                        *, first_error: BaseException | None, announce: bool = True) -> None:  # fmt: skip
    """What python-calamine cannot open (macro sheets, odd packages) through openpyxl, read-only,
    with defusedxml in force and the sheet's declared dimension ignored."""
    import warnings

    warnings.simplefilter("ignore")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except MemoryError:
        raise
    except BaseException as exc:  # noqa: BLE001
        code, params = _damage(exc)
        if code != "damaged_entry" and first_error is not None:
            code, params = _damage(first_error)
        emit(("error", code, params))
        return
    try:
        if announce:
            metas = [(ws.title, ws.sheet_state == "visible", hasattr(ws, "iter_rows")) for ws in wb._sheets]
            emit(("book", "openpyxl", bool(getattr(wb, "epoch", None) and wb.epoch.year == 1904), metas))
        for ws in wb.worksheets:
            if sheets is not None and ws.title not in sheets:
                continue
            try:
                _stream_openpyxl_sheet(ws, max_cells, package.hidden.get(ws.title, []), emit)
            except CellTooLong as exc:
                emit(("sheet_error", ws.title, "text_too_long" if exc.total else "cell_too_long",
                      {"limit": MAX_CELL_CHARS}))  # fmt: skip
            except MemoryError:
                raise
            except BaseException as exc:  # noqa: BLE001
                emit(("sheet_error", ws.title, *_damage(exc)))
    finally:
        wb.close()


def _stream_openpyxl_sheet(ws: Any, max_cells: int, hidden: list, emit: Emit) -> None:
    ws.reset_dimensions()
    emit(("sheet", ws.title, 0, 0, [], hidden, 0, 0))
    chunk: list[list] = []
    marks: list[tuple[int, int, str]] = []
    text = _TextBudget(ws.title)
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
            return  # fmt: skip
        converted = [_convert(v) for v in row]
        text.add(converted, n - 1)
        # openpyxl gives an error cell as its text ("#REF!"): marked like python-calamine's
        marks.extend((len(chunk), j, v) for j, v in enumerate(converted) if v.__class__ is str and v in EXCEL_ERRORS)
        chunk.append(converted)
        if len(chunk) >= CHUNK_ROWS:
            emit(("rows", chunk, marks))
            chunk, marks = [], []
    if chunk:
        emit(("rows", chunk, marks))
    emit(("end", ws.title, 0))


def _short(exc: BaseException | None) -> str:
    if exc is None:
        return "unknown error"
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
