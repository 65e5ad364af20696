"""Reading a spreadsheet file into raw cells, safely: the parent side of io/worker.py.

``read_workbook`` checks the file's bytes (io/sniff.py), then has a child process parse it under
an address-space and CPU limit and a wall-clock timeout — every format, CSV included — and
collects the cells it streams back, reporting progress as rows arrive.

What a :class:`RawSheet` carries is the same for every format, as far as the format keeps it:

| | .xlsx | .xls | .xlsb | .ods | CSV |
|---|---|---|---|---|---|
| merged ranges | yes | yes | yes | yes | none in the format |
| hidden columns | yes | yes | yes | yes | none in the format |
| hidden rows (by hand or by a filter) | yes* | yes | yes | yes | none in the format |
| dates as dates | yes | yes | yes | yes | text (parsed later) |
| 1904 date system | yes | yes | yes | null date 1904-01-01 | none in the format |
| Excel errors as :class:`ExcelError` | yes* | yes | yes | yes | "#REF!" … as written |
| formulas never calculated as :class:`FormulaWithoutValue` | yes* | — | — | — | — |
| a number formatted as a percentage as the text it shows ("50%") | yes* | — (a number) | — | yes | as typed |

(*) a cell (or a hidden row) written without its r attribute cannot be placed: the cell reads as
empty, the row as shown. Only an .xlsx
can hold a formula without its value (openpyxl, report generators): the other formats' writers
store every value (LibreOffice's .ods: office:value beside table:formula; a formula giving ""
has no value and reads as empty, as it should).
"""

from __future__ import annotations

import marshal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.read_launch import ReadingProcess
from zqtracker.io.row_ranges import RowRanges
from zqtracker.io.sniff import DEFAULT_LIMITS, FileInfo, Limits, inspect_file
from zqtracker.io.vanished import GONE, gone, said_if_gone


class Progress(Protocol):
    """services.progress.Progress, seen from io/ (which may not import services)."""

    def report(self, done: int, total: int | None = None, text: str = "") -> None: ...

    def check(self) -> None: ...


class ExcelError(str):
    """A cell holding an Excel error (#REF!, #N/A, #DIV/0! …): its text, of a class of its own
    so that the import can never take it for a value, nor for a blank."""

    __slots__ = ()


class FormulaWithoutValue(str):
    """A formula cell whose value was never calculated (the file was written by a program, not
    saved by a spreadsheet program): its formula, "=D3+E3" ("=" alone when its text is not
    known). Like :class:`ExcelError`, never a value and never a blank."""

    __slots__ = ()


@dataclass
class RawSheet:
    """The cells of one worksheet as read. ``rows[i][j]`` is the cell at the sheet's 0-based row
    ``row_offset + i`` and column ``col_offset + j``; rows may be ragged."""

    name: str
    visible: bool = True
    rows: list[list] = field(default_factory=list)
    row_offset: int = 0
    col_offset: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 (0-based, incl.)
    hidden_cols: frozenset[int] = frozenset()
    error: WorkbookRefused | None = None
    hidden_rows: RowRanges = field(default_factory=RowRanges)  # 0-based sheet rows, hidden or filtered out
    simplified: tuple[int, list[tuple[str, str]]] | None = None  # cells read as simplified, the first few
    struck: dict[int, set[int]] = field(default_factory=dict)  # 0-based sheet row → columns struck through

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class RawWorkbook:
    path: Path
    kind: str  # "xlsx", "xls", "xlsb", "ods" or "csv": what the bytes say, whatever the name
    engine: str  # "calamine", "openpyxl" or "csv"
    date1904: bool = False
    sheets: list[RawSheet] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)  # every worksheet, in workbook order
    renamed_csv: bool = False
    read_as: str | None = None  # "Big5": a CSV in that encoding, not GB18030 (io/csv_big5.py), said in a note

    def sheet(self, name: str) -> RawSheet | None:
        return next((s for s in self.sheets if s.name == name), None)


def read_workbook(
    path: Path | str,
    *,
    sheets: list[str] | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    on_rows: Callable[[RawWorkbook, RawSheet], None] | None = None,
) -> RawWorkbook:
    """Every worksheet (or the named ones) of ``path``. Raises WorkbookRefused with one sentence
    naming the file when it cannot be read; services.progress.Cancelled when cancelled.

    ``on_rows`` is called after each chunk of rows arrives, so that the caller can work on them
    while the reading process goes on (the import converts them meanwhile)."""
    path = Path(path)
    info = inspect_file(path, limits)  # not there at the start: "does not exist"
    with said_if_gone(path):  # gone on the way: said so, not "damaged" (io/vanished.py)
        return _read_in_child(info, sheets, progress, limits, on_rows)


def run_worker(request: dict, info: FileInfo, limits: Limits, on_frame, progress: Progress | None) -> None:
    """Run a reading process (io/read_launch.py) on ``request``, handing each frame to ``on_frame``.
    Enforces the time limit, turns a crash into WorkbookRefused, and kills the process when
    cancelled. Its end of our pipe stays open until then: its closing tells it that nobody listens."""
    timeout = limits.timeout_for(info.uncompressed)
    request = {**request, "memory_bytes": limits.memory_bytes, "cpu_seconds": int(timeout) + 1,
               "max_cells": limits.max_cells}  # fmt: skip
    name = info.path.name
    proc = ReadingProcess(request)
    try:
        timed_out = threading.Event()

        def on_timeout() -> None:
            timed_out.set()
            proc.kill()

        timer = threading.Timer(timeout, on_timeout)
        timer.daemon = True
        timer.start()
        finished = False
        try:
            while True:
                data = proc.frames.get()
                if data is None:
                    break
                frame = marshal.loads(data)
                if frame[0] == "done":
                    finished = True
                    break
                if frame[0] == "error":
                    raise WorkbookRefused(frame[1], name, **frame[2])
                on_frame(frame)
                if progress is not None:
                    progress.check()
        finally:
            timer.cancel()
            if not finished and proc.running():
                proc.kill()
            returncode = proc.finish()
        if finished:
            return
        if timed_out.is_set():
            raise WorkbookRefused("timeout", name, seconds=int(timeout))
        tail = proc.error_tail()
    finally:
        proc.close()
    if "memory allocation" in tail or "MemoryError" in tail or "Cannot allocate" in tail:
        raise WorkbookRefused("out_of_memory", name)
    if returncode in (-24, 152):  # SIGXCPU: the CPU-time limit
        raise WorkbookRefused("timeout", name, seconds=int(timeout))
    if returncode in (-6, -9, 134, 137):
        raise WorkbookRefused("out_of_memory", name)
    lines = [ln for ln in tail.strip().splitlines() if ln.strip()]
    detail = lines[-1].strip()[:160] if lines else f"exit status {returncode}"
    raise WorkbookRefused("reader_crashed", name, detail=detail)


@dataclass
class _ReadState:
    """Where the reading process's frames have got to: the sheet its rows belong to, and progress."""

    sheet: RawSheet | None = None
    visible: dict[str, bool] = field(default_factory=dict)
    total: int = 0
    done: int = 0

    def current(self, file: str) -> RawSheet:
        if self.sheet is None:  # the reading process announces a sheet before its rows
            raise WorkbookRefused("reader_crashed", file, detail="rows before their sheet")
        return self.sheet


def _read_in_child(info: FileInfo, sheets: list[str] | None, progress: Progress | None, limits: Limits,
                   on_rows: Callable[[RawWorkbook, RawSheet], None] | None = None) -> RawWorkbook:  # fmt: skip
    book = RawWorkbook(info.path, info.kind, "calamine", renamed_csv=info.renamed_csv)
    state = _ReadState()

    def on_frame(frame: tuple) -> None:
        tag = frame[0]
        if tag == "book":
            _, book.engine, book.date1904, metas = frame
            book.sheet_names = [n for n, _v, is_ws in metas if is_ws]
            state.visible = {n: v for n, v, _ in metas}
            if sheets is not None:
                missing = [s for s in sheets if s not in book.sheet_names]
                if missing:
                    raise WorkbookRefused(
                        "sheet_missing", info.path.name, sheet=missing[0], sheets="、".join(book.sheet_names)
                    )
        elif tag == "sheet":
            _, name, row_offset, col_offset, merged, hidden, n_rows, _n_cols, hidden_rows = frame
            hidden_cols = frozenset(c for lo, hi in hidden for c in range(lo, hi + 1))
            sheet = RawSheet(name, bool(state.visible.get(name, True)), [], max(row_offset, 0), col_offset,
                             [tuple(m) for m in merged], hidden_cols, hidden_rows=RowRanges(hidden_rows))  # fmt: skip
            book.sheets.append(sheet)
            state.sheet, state.total, state.done = sheet, n_rows, 0
        elif tag == "rows":
            sheet = state.current(info.path.name)
            chunk = frame[1]
            for i, j, text in frame[2]:
                chunk[i][j] = FormulaWithoutValue(text) if text[:1] == "=" else ExcelError(text)
            sheet.rows.extend(chunk)
            state.done += len(frame[1])
            if progress is not None:
                progress.report(state.done, state.total or None, sheet.name)
            if on_rows is not None:
                on_rows(book, sheet)
        elif tag == "read_as":
            book.read_as = frame[1]
        elif tag == "simplified":
            state.current(info.path.name).simplified = (frame[2], [tuple(e) for e in frame[3]])
        elif tag == "struck":
            struck = state.current(info.path.name).struck
            for r, c in frame[2]:
                struck.setdefault(r, set()).add(c)
        elif tag == "end":
            sheet = state.current(info.path.name)
            if len(frame) > 2 and frame[2] >= 0:
                sheet.row_offset = frame[2]
        elif tag == "sheet_error":
            _, name, code, params = frame
            code = "damaged_sheet" if code == "damaged" else code  # said with the sheet's name
            existing = book.sheet(name)
            error = WorkbookRefused(code, info.path.name, sheet=name, **params)
            if existing is None:
                book.sheets.append(RawSheet(name, bool(state.visible.get(name, True)), error=error))
            else:
                existing.rows, existing.error = [], error

    request = {"op": "read", "kind": info.kind, "path": str(info.path), "sheets": sheets}
    run_worker(request, info, limits, on_frame, progress)
    order = {n: i for i, n in enumerate(book.sheet_names)}
    book.sheets.sort(key=lambda s: order.get(s.name, len(order)))
    if not book.sheet_names and not book.sheets:
        raise WorkbookRefused("no_sheets", info.path.name)
    return book


def column_text(
    book: RawWorkbook, sheet: str, column: int, rows: list[int], limits: Limits = DEFAULT_LIMITS
) -> dict[int, str]:
    """{row: the text a number cell shows} for some cells of one column (0-based sheet row and
    column), by their number formats: codes typed as numbers keep their leading zeros. Only an
    .xlsx says (python-calamine gives no number formats of .xls, .xlsb or .ods: their codes
    typed as numbers read as the plain integer)."""
    if book.kind != "xlsx" or not rows:
        return {}
    found: dict[int, str] = {}

    def on_frame(frame: tuple) -> None:
        if frame[0] == "text":
            found.update(frame[1])

    request = {"op": "column_text", "path": str(book.path), "sheet": sheet, "column": column, "rows": rows}
    with said_if_gone(book.path):  # a file gone since it was read: said, not its codes read without their zeros
        info = inspect_file(book.path, limits)
        try:
            run_worker(request, info, limits, on_frame, None)
        except WorkbookRefused as exc:
            if exc.code != GONE and not gone(book.path):
                return {}
            raise
    return found
