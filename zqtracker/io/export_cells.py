"""How each kind of value becomes a cell of an export's data table: one small function per column
(text with Excel's quote prefix where it starts like a formula, labels, money in the workbook's
unit or as exact text when Excel's doubles cannot hold it, decimals, dates and months — a date
known only to a month, quarter or year as its text, never a made-up day).

The per-cell work is a dict lookup and one call: 100k projects and a million monthly records are
written in seconds. Each writer also tracks what the column's width will need.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from zqtracker.domain.fuzzy_dates import FuzzyDate
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.status import Status
from zqtracker.io.cells import (
    FORMULA_TRIGGERS,
    decimal_cell,
    display_width,
    exact_text,
    excel_serial,
    money_in_unit,
)
from zqtracker.io.columns import Column, Kind, bool_label
from zqtracker.io.export_styles import Layout, Styles

MAX_WIDTH, MAX_NOTES_WIDTH = 45, 60

CellWriter = Callable[[int, int, object], object]


def cell_writer(
    ws,
    c: int,
    column: Column,
    styles: Styles,
    layout: Layout,
    widths: list,
    biggest: list,
    months: dict[int, int | None],
) -> CellWriter:
    """The writer of column ``c`` of ``ws``; it widens ``widths[c]`` and raises ``biggest[c]`` as it
    writes (``months``: the Excel serial of each month written, shared by a table's sheets)."""
    st = styles
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

        return label
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
                string(r, c, v.iso(), st.date_text)
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
        return _month_writer(ws, st, months)
    raise ValueError(f"no writer for column {column.field} of kind {kind}")


def _month_writer(ws, st: Styles, months: dict[int, int | None]) -> CellWriter:
    """Months given as year × 100 + month: Excel dates shown as yyyy-mm; a text (a span of months,
    "2025年1–6月") as it is."""
    string, number = ws.write_string, ws.write_number

    def month(r: int, c: int, period: int | str) -> None:
        if isinstance(period, str):
            string(r, c, period, st.date_text)
            return
        serial = months.get(period, -1)
        if serial == -1:
            serial = months[period] = excel_serial(date(period // 100, period % 100, 1))
        if serial is None:
            string(r, c, f"{period // 100:04d}-{period % 100:02d}", st.date_text)
        else:
            number(r, c, serial, st.month)

    return month  # type: ignore[return-value]


def _labels(kind: Kind, lang: str) -> dict[object, str]:
    if kind is Kind.STATUS:
        return {s: s.label(lang) for s in Status}
    if kind is Kind.PROJECT_TYPE:
        return {t: t.label(lang) for t in ProjectType}
    if kind is Kind.INVESTOR_ORIGIN:
        return {o: o.label(lang) for o in InvestorOrigin}
    return {True: bool_label(True, lang), False: bool_label(False, lang)}
