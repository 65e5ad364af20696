"""The styled export workbook: xlsxwriter in constant-memory mode, data tables streamed by batch.

Why xlsxwriter: it writes native charts, data validation and formats, and its constant-memory
mode keeps one row in memory per sheet, so 100k projects and a million monthly records stay far
below the memory budget (openpyxl's normal mode needed 590 MB for 100k × 14 here). Its
constraint — rows of a sheet must be written in order — fits a streamed database read.

Every user value goes through ``write_string`` (never ``write``), and the workbook is opened with
``strings_to_formulas``/``strings_to_numbers``/``strings_to_urls`` off, so no user text can become
a formula, a number or a link; text starting like a formula also gets Excel's quote prefix so it
stays text when someone edits the cell. See io/cells.py for money, dates and large numbers.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import xlsxwriter
import xlsxwriter.exceptions

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.fuzzy_dates import FuzzyDate
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.status import Status
from zqtracker.io.cells import (
    FORMULA_TRIGGERS,
    decimal_cell,
    display_width,
    exact_text,
    excel_serial,
    money_in_unit,
)
from zqtracker.io.columns import BY_FIELD, Column, Kind, bool_label, header_text, sheet_name
from zqtracker.io.safe_sheet import SafeWorksheet

MAX_ROWS = 1_048_576  # Excel's sheet limit, header row included
MIN_WIDTH, MAX_WIDTH, MAX_NOTES_WIDTH = 6, 45, 60

WORKBOOK_OPTIONS = {
    "constant_memory": True,
    # Belt and braces: write_string never interprets text, but no option may either.
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": False,
}

MONEY_FORMAT = "#,##0.00"  # the template's entry cells (what a user types)
DECIMAL_FORMAT = "#,##0.00####"  # land area and rates: up to 4 (area) / 6 (rates) decimals shown


def money_format(unit: Unit, lang: str = "zh") -> str:
    """The number format of amounts in ``unit`` as ``lang`` counts them (亿元 / ¥ bn): two decimals
    always, and every further digit an amount has, down to the yuan (domain.money_format)."""
    return MoneyFormat(unit, lang).excel_format()


DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"
PERCENT_FORMAT = "0.0%"
INT_FORMAT = "#,##0"


class Styles:
    """The formats of one workbook, made once (xlsxwriter formats belong to a workbook)."""

    def __init__(self, wb: xlsxwriter.Workbook, unit: Unit = Unit.YI, lang: str = "zh") -> None:
        add = wb.add_format
        money = money_format(unit, lang)
        border = {"border": 1, "border_color": "#9BB1C8"}
        self.header = add({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78", "text_wrap": True,
                           "align": "center", "valign": "vcenter", **border})  # fmt: skip
        self.quoted = add({"quote_prefix": True})
        self.code = add({"num_format": "@"})
        self.code_quoted = add({"num_format": "@", "quote_prefix": True})
        self.money = add({"num_format": money})
        self.exact = add({"align": "right"})  # exact decimal text of a huge number
        self.decimal = add({"num_format": DECIMAL_FORMAT})
        self.date = add({"num_format": DATE_FORMAT, "align": "center"})
        self.date_text = add({"align": "center"})
        self.month = add({"num_format": MONTH_FORMAT, "align": "center"})
        self.int = add({"num_format": INT_FORMAT})
        self.pct = add({"num_format": PERCENT_FORMAT})
        self.no_figure = add({"align": "center", "font_color": "#808080"})
        total = {"bold": True, "top": 1, "bottom": 6, "bg_color": "#EAF1F8"}
        self.total_label = add(total)
        self.total_int = add({**total, "num_format": INT_FORMAT})
        self.total_money = add({**total, "num_format": money})
        self.total_pct = add({**total, "num_format": PERCENT_FORMAT})
        self.total_no_figure = add({**total, "align": "center", "font_color": "#808080"})
        self.title = add({"bold": True, "font_size": 14, "font_color": "#1F4E78"})
        self.subtitle = add({"italic": True, "font_color": "#595959"})
        self.demo = add({"bold": True, "font_color": "#C00000", "font_size": 12})
        self.label = add({"bold": True, "valign": "top"})
        self.wrap = add({"text_wrap": True, "valign": "top"})


@dataclass(frozen=True, slots=True)
class Layout:
    lang: str = "en"
    unit: Unit = Unit.YI

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    @property
    def money(self) -> MoneyFormat:
        """How amounts read in this workbook's language: 亿元 / ¥ bn (domain.money_format)."""
        return MoneyFormat(self.unit, self.lang)

    def unit_label(self) -> str:
        return self.money.label

    def header(self, field: str) -> str:
        return header_text(BY_FIELD[field], self.lang, self.unit_label())


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
        except xlsxwriter.exceptions.FileCreateError as exc:
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            raise cause or OSError(str(exc)) from exc

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


# -- streamed data tables ------------------------------------------------------------------------

CellWriter = Callable[[int, int, object], object]


class DataTable:
    """A header row and streamed rows, split over continuation sheets past Excel's row limit.

    ``columns`` name the value index each column reads from a row tuple. Finishing adds what
    only the end knows: the autofilter range, fitted column widths, frozen panes.
    """

    def __init__(
        self,
        book: ExportWorkbook,
        role: str,
        columns: Sequence[tuple[str, int]],
        expected_rows: int,
        freeze_cols: int = 0,
    ) -> None:
        self.book = book
        self.role = role
        self.fields = [f for f, _ in columns]
        self.indexes = [i for _, i in columns]
        self.freeze_cols = freeze_cols
        self._months: dict[int, int | None] = {}
        self.headers = [book.layout.header(f) if f in BY_FIELD else f for f in self.fields]
        self.widths = [0] * len(columns)
        self.biggest = [0] * len(columns)  # largest magnitude of numeric columns (yuan or units)
        self.rows_written = 0
        parts = max(1, math.ceil(expected_rows / (MAX_ROWS - 1)))
        self.sheets = [self._start_sheet(book.add_sheet(role, n + 1)) for n in range(parts)]
        self._sheet_index = 0
        self._row = 1
        self._plan = self._make_plan(self.sheets[0])

    @property
    def kinds(self) -> list[Kind]:
        return [BY_FIELD[f].kind for f in self.fields]

    def _start_sheet(self, ws):
        st = self.book.styles
        ws.set_row(0, 33 if any(display_width(h) > 14 for h in self.headers) else 20)
        for c, text in enumerate(self.headers):
            ws.write_string(0, c, text, st.header)
        return ws

    def _next_sheet(self) -> None:
        self._sheet_index += 1
        if self._sheet_index == len(self.sheets):
            self.sheets.append(self._start_sheet(self.book.add_sheet(self.role, self._sheet_index + 1)))
        self._row = 1
        self._plan = self._make_plan(self.sheets[self._sheet_index])

    def _make_plan(self, ws) -> list[tuple[int, int, CellWriter]]:
        return [
            (c, i, self._writer(ws, c, BY_FIELD[f]))
            for c, (f, i) in enumerate(zip(self.fields, self.indexes, strict=True))
        ]

    def _writer(self, ws, c: int, column: Column) -> CellWriter:
        """One small function per column: the per-cell work is a dict lookup and one call."""
        st, layout, widths, biggest = self.book.styles, self.book.layout, self.widths, self.biggest
        string, number = ws.write_string, ws.write_number
        lang = layout.lang
        kind = column.kind
        if kind in (Kind.TEXT, Kind.CODE):
            plain, quoted = (st.code, st.code_quoted) if kind is Kind.CODE else (None, st.quoted)
            limit = MAX_NOTES_WIDTH if column.field == "notes" else MAX_WIDTH

            def text(r: int, c: int, v: str) -> None:
                if not v:
                    return
                string(r, c, v, quoted if v[0] in FORMULA_TRIGGERS else plain)
                n = len(v)
                if n + n > widths[c] and widths[c] < limit:
                    w = display_width(v)
                    if w > widths[c]:
                        widths[c] = w

            return text  # type: ignore[return-value]
        if kind in (Kind.STATUS, Kind.PROJECT_TYPE, Kind.INVESTOR_ORIGIN, Kind.BOOL):
            labels = _labels(kind, lang)
            widths[c] = max(display_width(t) for t in labels.values())

            def label(r: int, c: int, v: object) -> None:
                string(r, c, labels[v])

            return label  # type: ignore[return-value]
        if kind is Kind.MONEY:
            factor, fmt, exact = layout.money.factor, st.money, st.exact

            def money(r: int, c: int, v: int) -> None:
                value = money_in_unit(v, factor)
                if value is None:
                    string(r, c, exact_text(v, factor), exact)
                else:
                    number(r, c, value, fmt)
                if v > biggest[c]:
                    biggest[c] = v

            return money  # type: ignore[return-value]
        if kind is Kind.DECIMAL:

            def decimal(r: int, c: int, v: Decimal) -> None:
                cell = decimal_cell(v)
                if cell.__class__ is str:
                    string(r, c, cell, st.exact)
                    widths[c] = max(widths[c], len(cell))
                else:
                    number(r, c, cell, st.decimal)
                    if cell > biggest[c]:
                        biggest[c] = cell

            return decimal  # type: ignore[return-value]
        if kind is Kind.DATE:
            serials: dict[date, int | None] = {}

            def day(r: int, c: int, v: date) -> None:
                if v.__class__ is FuzzyDate:  # a month, quarter or year: "2025-Q2", never a made-up day
                    string(r, c, v.iso(), st.date_text)  # type: ignore[attr-defined]
                    return
                serial = serials.get(v, -1)
                if serial == -1:
                    serial = serials[v] = excel_serial(v)
                if serial is None:
                    string(r, c, v.isoformat(), st.date_text)
                else:
                    number(r, c, serial, st.date)

            return day  # type: ignore[return-value]
        if kind is Kind.MONTH:
            return self._month_writer(ws)
        raise ValueError(f"no writer for column {column.field} of kind {kind}")

    def _month_writer(self, ws) -> CellWriter:
        """Months given as year × 100 + month: Excel dates shown as yyyy-mm."""
        st, months = self.book.styles, self._months
        string, number = ws.write_string, ws.write_number

        def month(r: int, c: int, period: int) -> None:
            serial = months.get(period, -1)
            if serial == -1:
                serial = months[period] = excel_serial(date(period // 100, period % 100, 1))
            if serial is None:
                string(r, c, f"{period // 100:04d}-{period % 100:02d}", st.date_text)
            else:
                number(r, c, serial, st.month)

        return month  # type: ignore[return-value]

    def write_rows(self, rows: Iterable[Sequence]) -> int:
        """Write value tuples in order; returns how many."""
        plan, row, n = self._plan, self._row, 0
        for values in rows:
            if row >= MAX_ROWS:
                self._row = row
                self._next_sheet()
                plan, row = self._plan, self._row
            for c, i, write in plan:
                v = values[i]
                if v is not None:
                    write(row, c, v)
            row += 1
            n += 1
        self._row = row
        self.rows_written += n
        return n

    def finish(self) -> None:
        st = self.book.styles
        widths = self._fitted_widths()
        kinds = self.kinds
        column_formats = {Kind.CODE: st.code, Kind.MONEY: st.money, Kind.DECIMAL: st.decimal, Kind.DATE: st.date,
                          Kind.MONTH: st.month}  # fmt: skip
        remaining = self.rows_written
        for ws in self.sheets:
            rows_here = min(remaining, MAX_ROWS - 1)
            remaining -= rows_here
            ws.freeze_panes(1, self.freeze_cols)
            ws.autofilter(0, 0, max(rows_here, 1), len(self.fields) - 1)
            for c, width in enumerate(widths):
                ws.set_column(c, c, width, column_formats.get(kinds[c]))
            self.book.print_setup(ws)

    def _fitted_widths(self) -> list[float]:
        out: list[float] = []
        factor = self.book.layout.money.factor
        for c, kind in enumerate(self.kinds):
            data = self.widths[c]
            if kind is Kind.MONEY:
                whole = len(f"{self.biggest[c] // factor:,}")
                data = max(data, whole + 3)
            elif kind is Kind.DECIMAL:
                data = max(data, len(f"{int(self.biggest[c]):,}") + 5)
            elif kind in (Kind.DATE, Kind.MONTH):
                data = 10
            header = display_width(self.headers[c])
            # Headers wrap onto two lines, so a long header needs only about half its width.
            wanted = max(data, min(header, 12), math.ceil(header / 2) + 1) + 2
            limit = MAX_NOTES_WIDTH if self.fields[c] in ("notes", "progress_note") else MAX_WIDTH
            out.append(max(MIN_WIDTH, min(wanted, limit)))
        return out


class MonthlyTable(DataTable):
    """The long monthly sheet: (project id, year, month, amount, first month) records joined to the
    project's code, name and district through a dict filled while the Projects sheet was written
    (no SQL join, no second copy of the names). With ``spans``, a last column says which months a
    figure of several months covers ("1–8月" / "Jan–Aug"), blank for a month alone."""

    FIELDS = ("code", "name", "district", "month", "amount")

    def __init__(self, book: ExportWorkbook, expected_rows: int, *, spans: bool = False) -> None:
        fields = (*self.FIELDS, "months_covered") if spans else self.FIELDS
        self.spans = spans
        super().__init__(book, "monthly", [(f, i) for i, f in enumerate(fields)], expected_rows, freeze_cols=2)

    def write_records(self, records: Iterable[Sequence], keys: dict[int, tuple]) -> int:
        """``records``: (project id, year, month, amount[, first month]); ``keys``: id → (code, name,
        district)."""
        if not self.spans:
            return self.write_rows((*keys[r[0]], r[1] * 100 + r[2], r[3]) for r in records)
        lang = self.book.layout.lang
        return self.write_rows(
            (*keys[r[0]], r[1] * 100 + r[2], r[3], MonthSpan(r[1], r[4], r[2]).label(lang) if r[4] else None)
            for r in records
        )


def _labels(kind: Kind, lang: str) -> dict[object, str]:
    if kind is Kind.STATUS:
        return {s: s.label(lang) for s in Status}
    if kind is Kind.PROJECT_TYPE:
        return {t: t.label(lang) for t in ProjectType}
    if kind is Kind.INVESTOR_ORIGIN:
        return {o: o.label(lang) for o in InvestorOrigin}
    return {True: bool_label(True, lang), False: bool_label(False, lang)}
