"""An export's data tables: a header row and rows streamed in order (XlsxWriter's constant-memory
mode), split over continuation sheets past Excel's row limit, finished with what only the end
knows — the autofilter range, fitted column widths, frozen panes; and the long monthly sheet.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.io.cells import display_width
from zqtracker.io.columns import Kind
from zqtracker.io.export_cells import MAX_NOTES_WIDTH, MAX_WIDTH, CellWriter, cell_writer
from zqtracker.io.export_workbook import ExportWorkbook
from zqtracker.io.plan_columns import column_of

MAX_ROWS = 1_048_576  # Excel's sheet limit, header row included
MIN_WIDTH = 6


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
        self.headers = [book.layout.header(f) for f in self.fields]
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
        return [column_of(f).kind for f in self.fields]

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
        book = self.book
        return [
            (c, i, cell_writer(ws, c, column_of(f), book.styles, book.layout, self.widths, self.biggest, self._months))
            for c, (f, i) in enumerate(zip(self.fields, self.indexes, strict=True))
        ]

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
    figure of several months covers ("1–8月" / "Jan–Aug"), blank for a month alone, and such a
    figure's month cell is the span as text ("2025年1–8月"), which the import reads back as one."""

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
        # a figure of several months names them in its month cell too, as a district's long sheet does
        # ("2025年1–6月", in either language): the import reads that back as the span, so a round trip
        # changes nothing (probe25d W3: "2025-06" alone came back as June's own amount)
        return self.write_rows(
            (*keys[r[0]], MonthSpan(r[1], r[4], r[2]).label("zh", with_year=True) if r[4] else r[1] * 100 + r[2],
             r[3], MonthSpan(r[1], r[4], r[2]).label(lang) if r[4] else None)
            for r in records
        )  # fmt: skip
