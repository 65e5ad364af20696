"""The styled export workbook: xlsxwriter in constant-memory mode, data tables streamed by batch.

Why xlsxwriter: it writes native charts, data validation and formats, and its constant-memory
mode keeps one row in memory per sheet, so 100k projects and a million monthly records stay far
below the memory budget (openpyxl's normal mode needed 590 MB for 100k × 14 here). Its
constraint — rows of a sheet must be written in order — fits a streamed database read.

Every user value goes through ``write_string`` (never ``write``), and the workbook is opened with
``strings_to_formulas``/``strings_to_numbers``/``strings_to_urls`` off, so no user text can become
a formula, a number or a link; text starting like a formula also gets Excel's quote prefix so it
stays text when someone edits the cell. See io/cells.py for money, dates and large numbers.

The workbook's look is io/export_styles.py; its data tables io/data_tables.py, their cells
io/export_cells.py.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from pathlib import Path
from types import TracebackType

import xlsxwriter
import xlsxwriter.exceptions

from zqtracker.io.columns import sheet_name
from zqtracker.io.export_styles import WORKBOOK_OPTIONS, Layout, Styles
from zqtracker.io.safe_sheet import SafeWorksheet


class ExportWorkbook:
    """One workbook being written. Sheets are created in tab order first, filled in any order."""

    def __init__(self, path: str | os.PathLike[str], layout: Layout, *, tmpdir: Path | None = None) -> None:
        """``tmpdir``: where XlsxWriter keeps its temporary files (io.atomic.scratch_folder)."""
        self.layout = layout
        options = WORKBOOK_OPTIONS if tmpdir is None else {**WORKBOOK_OPTIONS, "tmpdir": str(tmpdir)}
        self.wb = xlsxwriter.Workbook(str(path), options)
        self.styles = Styles(self.wb, layout.unit, layout.lang)
        self.header_footer = ""

    def add_sheet(self, role: str, part: int = 1):
        name = sheet_name(role, self.layout.lang)
        return self.wb.add_worksheet(name if part == 1 else f"{name} ({part})", worksheet_class=SafeWorksheet)

    def print_setup(self, ws, *, landscape: bool = True, repeat_header: int | None = 0) -> None:
        ws.set_paper(9)  # A4
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        if repeat_header is not None:
            ws.repeat_rows(repeat_header)
        ws.set_header(self.header_footer)
        ws.set_footer("&C&P / &N")

    def close(self) -> None:
        try:
            self.wb.close()
        except xlsxwriter.exceptions.FileCreateError as exc:  # (a full disk part way through the package too)
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            _close_zips((cause or exc).__traceback__)
            raise cause or OSError(str(exc)) from exc
        except OSError as exc:
            _close_zips(exc.__traceback__)
            raise

    def discard(self) -> None:
        """Drop a workbook that will not be closed (cancel, failure): constant-memory mode keeps
        each sheet's rows in a named temporary file that only ``close`` would remove."""
        for ws in self.wb.worksheets():
            fh, name = getattr(ws, "row_data_fh", None), getattr(ws, "row_data_filename", None)
            try:
                if fh is not None and not fh.closed:
                    fh.close()
                if name:
                    os.unlink(name)
            except OSError:
                pass


def _close_zips(tb: TracebackType | None) -> None:
    """xlsxwriter leaves its ZipFile open when a write into it fails (a full disk): the ZipFile's __del__ would
    then write to the full disk again and print a traceback ("Exception ignored in ZipFile.__del__", probe40f)
    after our sentence. Its file is closed here, its error dropped (the first one is said), and the ZipFile
    told so (``fp`` None: its close does nothing)."""
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                fp, value.fp = value.fp, None
                with contextlib.suppress(OSError):
                    fp.close()
        tb = tb.tb_next
