"""A round's workbook for one district, written prefilled and locked (io/round_read.py reads it back).

The district's projects are listed with what the bureau has on record (grey, locked by sheet
protection) and open cells for the month (status from a list, 当月 and 1–X月累计 completed
investment, progress), in the bureau's format: a title, a 填报单位 line with the unit on its
right, then the header. A second sheet takes new projects, a third says how to fill in.

What makes the return match back exactly, whatever the district does to names and row order: a
hidden column holding each row's project id, and a hidden sheet holding the round, the district,
the ids listed and a checksum of them keyed by a token only the bureau's database knows. The
checksum catches a meta sheet edited or carried over from another district's workbook; an id
outside the list catches a row pasted from another district's.

Writing follows io/export_workbook.py's safety: XlsxWriter's constant-memory mode with
SafeWorksheet, every user text through ``write_string`` (no formula, number or link can come of
it), text that starts like a formula also quote-prefixed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import xlsxwriter

from zqtracker.domain.money import Unit
from zqtracker.domain.months import calendar_text
from zqtracker.domain.rounds import Period, SheetProject
from zqtracker.domain.status import Status
from zqtracker.io.cells import FORMULA_TRIGGERS, display_width, money_in_unit
from zqtracker.io.round_text import help_lines, sent_headers, t
from zqtracker.io.safe_sheet import SafeWorksheet

META_SHEET = "_zqtracker_round"
FORMAT = "1"
MAIN_COLUMNS = ("no", "code", "name", "enterprise", "sector", "planned", "status_before", "ytd_before",
                "last_month", "status", "this_month", "ytd", "progress", "id")  # fmt: skip
OPEN_MAIN = frozenset(("status", "this_month", "ytd", "progress"))
NEW_COLUMNS = ("no", "name", "enterprise", "sector", "planned", "status", "signed", "this_month", "ytd", "progress")
HEADER_ROW = 3  # 0-based: title, 填报单位 line, group row, header
NEW_HEADER_ROW = 2  # title, unit line, header
NEW_ROWS = 200  # open rows on the new-projects sheet
MONEY_FORMAT = "#,##0.00##"
OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
           "strings_to_urls": False, "nan_inf_to_errors": False}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RoundBook:
    """What one district's workbook says."""

    period: Period
    district_id: int
    district: str
    projects: Sequence[SheetProject]
    token: str
    unit: Unit = Unit.WAN
    lang: str = "zh"
    due_on: date | None = None
    demo: bool = False

    @property
    def ids(self) -> list[int]:
        return [p.id for p in self.projects]


def checksum(token: str, period: Period, district_id: int, ids: Sequence[int]) -> str:
    payload = f"zqround{FORMAT}|{period}|{district_id}|{','.join(str(i) for i in sorted(ids))}"
    return hmac.new(token.encode(), payload.encode(), hashlib.sha256).hexdigest()[:24]


def sheet_names(lang: str) -> tuple[str, str, str]:
    return t("sheet_main", lang), t("sheet_new", lang), t("sheet_help", lang)


# -- writing -----------------------------------------------------------------------------------------
def write_round_book(path: str | os.PathLike[str], book: RoundBook) -> None:
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    try:
        _Writer(wb, book).write()
    finally:
        wb.close()


class _Writer:
    def __init__(self, wb: xlsxwriter.Workbook, book: RoundBook) -> None:
        self.wb, self.b, self.lang = wb, book, book.lang
        self.unit_label = book.unit.label(book.lang)
        self.factor = book.unit.factor
        add = wb.add_format
        edge = {"border": 1, "border_color": "#9BB1C8", "valign": "vcenter"}
        self.title = add({"bold": True, "font_size": 15, "align": "center", "valign": "vcenter"})
        self.line = add({"font_size": 10})
        self.line_right = add({"font_size": 10, "align": "right"})
        self.demo = add({"bold": True, "font_color": "#C00000"})
        self.group_locked = add({**edge, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
        self.group_open = add({**edge, "bold": True, "align": "center", "bg_color": "#FFF2CC", "locked": False})
        self.head_locked = add({**edge, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9D9D9"})
        self.head_open = add({**edge, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#FFF2CC"})
        self.text = add({**edge, "bg_color": "#F2F2F2", "text_wrap": True})
        self.text_quoted = add({**edge, "bg_color": "#F2F2F2", "text_wrap": True, "quote_prefix": True})
        self.number = add({**edge, "bg_color": "#F2F2F2", "num_format": MONEY_FORMAT})
        self.center = add({**edge, "bg_color": "#F2F2F2", "align": "center"})
        self.open_text = add({**edge, "locked": False, "text_wrap": True})
        self.open_money = add({**edge, "locked": False, "num_format": MONEY_FORMAT})
        self.open_center = add({**edge, "locked": False, "align": "center"})
        self.open_date = add({**edge, "locked": False, "num_format": "yyyy-mm-dd", "align": "center"})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.help_title = add({"bold": True, "font_size": 14})
        self.statuses = [s.label(self.lang) for s in Status]

    def _text(self, ws, r: int, c: int, value: str | None, fmt=None) -> None:
        text = value or ""
        if text and text[0] in FORMULA_TRIGGERS:
            fmt = self.text_quoted if fmt in (None, self.text) else fmt
        ws.write_string(r, c, text, fmt or self.text)

    def _money(self, ws, r: int, c: int, yuan: int | None, fmt) -> None:
        if yuan is None:
            ws.write_blank(r, c, None, fmt)
            return
        value = money_in_unit(yuan, self.factor)
        if value is None:
            ws.write_string(r, c, str(yuan / self.factor), fmt)
        else:
            ws.write_number(r, c, value, fmt)

    def write(self) -> None:
        main_name, new_name, help_name = sheet_names(self.lang)
        main = self.wb.add_worksheet(main_name, worksheet_class=SafeWorksheet)
        new = self.wb.add_worksheet(new_name, worksheet_class=SafeWorksheet)
        helper = self.wb.add_worksheet(help_name, worksheet_class=SafeWorksheet)
        meta = self.wb.add_worksheet(META_SHEET, worksheet_class=SafeWorksheet)
        self._main(main)
        self._new(new)
        self._help(helper, main_name, new_name)
        self._meta(meta, main_name, new_name)
        meta.hide()
        main.activate()

    def _heading(self, ws, width: int) -> None:
        b, lang = self.b, self.lang
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, width - 1, "", self.title)
        ws.write_string(0, 0, t("title", lang, period=b.period.label(lang), district=b.district), self.title)
        reporter = t("reporter", lang, district=b.district)
        if b.demo:
            reporter += t("demo_mark", lang, demo=t("demo", lang))
        ws.write_string(1, 0, reporter, self.demo if b.demo else self.line)
        if b.due_on is not None:
            ws.write_string(1, width - 4, t("due", lang, due=_day(b.due_on, lang)), self.line_right)
        ws.write_string(1, width - 2, t("unit_line", lang, unit=self.unit_label), self.line_right)

    def _main(self, ws) -> None:
        b, lang = self.b, self.lang
        heads = sent_headers(b.period, b.unit, lang)
        width = len(MAIN_COLUMNS)
        self._heading(ws, width - 1)
        first_open = MAIN_COLUMNS.index("status")
        ws.merge_range(2, 0, 2, first_open - 1, t("group_record", lang), self.group_locked)
        ws.merge_range(2, first_open, 2, width - 2, t("group_open", lang, period=b.period.label(lang)), self.group_open)
        ws.set_row(HEADER_ROW, 48)
        for c, key in enumerate(MAIN_COLUMNS):
            ws.write_string(HEADER_ROW, c, heads[key], self.head_open if key in OPEN_MAIN else self.head_locked)
        status_width = max(display_width(label) for label in self.statuses) + 3
        widths = [
            max(
                6,
                display_width(heads[k]) // 2 + 2,
                status_width if k in ("status_before", "status") else 0,
                13 if k in ("planned", "ytd_before", "last_month", "this_month", "ytd") else 0,
            )
            for k in MAIN_COLUMNS
        ]
        for i, p in enumerate(b.projects):
            r = HEADER_ROW + 1 + i
            values = {
                "no": str(i + 1),
                "code": p.code,
                "name": p.name,
                "enterprise": p.enterprise,
                "sector": p.sector,
                "status_before": p.status.label(lang),
            }
            for c, key in enumerate(MAIN_COLUMNS):
                if key in ("no", "status_before"):
                    ws.write_string(r, c, values[key] or "", self.center)
                elif key in values:
                    self._text(ws, r, c, values[key])
                    widths[c] = max(widths[c], min(40, display_width(values[key] or "") + 2))
                elif key == "planned":
                    self._money(ws, r, c, p.planned, self.number)
                elif key == "ytd_before":
                    self._money(ws, r, c, p.ytd_before if b.period.month > 1 else None, self.number)
                elif key == "last_month":
                    self._money(ws, r, c, p.last_month, self.number)
                elif key == "status":
                    ws.write_blank(r, c, None, self.open_center)
                elif key in ("this_month", "ytd"):
                    ws.write_blank(r, c, None, self.open_money)
                elif key == "progress":
                    ws.write_blank(r, c, None, self.open_text)
                elif key == "id":
                    ws.write_number(r, c, p.id, self.center)
        last = HEADER_ROW + max(1, len(b.projects))
        for c, key in enumerate(MAIN_COLUMNS):
            if key == "id":
                ws.set_column(c, c, 8, None, {"hidden": True})
            elif key == "progress":
                ws.set_column(c, c, 36)
            else:
                ws.set_column(c, c, min(widths[c], 20 if key not in ("name", "enterprise") else 40))
        self._validate(ws, HEADER_ROW + 1, last, MAIN_COLUMNS)
        ws.freeze_panes(HEADER_ROW + 1, MAIN_COLUMNS.index("name") + 1)
        self._protect(ws)
        self._print(ws)

    def _validate(self, ws, first: int, last: int, columns: Sequence[str]) -> None:
        lang, unit = self.lang, self.unit_label
        c = columns.index("status")
        ws.data_validation(
            first,
            c,
            last,
            c,
            {
                "validate": "list",
                "source": self.statuses,
                "ignore_blank": True,
                "input_title": t("col_status", lang)[:32],
                "input_message": t("status_prompt", lang)[:255],
                "error_type": "stop",
                "error_message": t("status_error", lang)[:255],
            },
        )
        for key in ("this_month", "ytd"):
            c = columns.index(key)
            ws.data_validation(
                first,
                c,
                last,
                c,
                {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0,
                    "ignore_blank": True,
                    "input_message": t("amount_prompt", lang, unit=unit)[:255],
                    "error_type": "stop",
                    "error_message": t("amount_error", lang, unit=unit)[:255],
                },
            )

    @staticmethod
    def _protect(ws) -> None:
        ws.protect(
            "",
            {
                "format_columns": True,
                "format_rows": True,
                "autofilter": True,
                "sort": True,
                "select_locked_cells": True,
                "select_unlocked_cells": True,
            },
        )

    @staticmethod
    def _print(ws, first: int = HEADER_ROW - 1, last: int = HEADER_ROW) -> None:
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(first, last)
        ws.set_footer("&C&P / &N")

    def _new(self, ws) -> None:
        b, lang = self.b, self.lang
        heads = sent_headers(b.period, b.unit, lang)
        width = len(NEW_COLUMNS)
        ws.set_row(0, 30)
        ws.merge_range(0, 0, 0, width - 1, "", self.title)
        ws.write_string(
            0,
            0,
            t("new_title", lang, sheet=t("sheet_new", lang), district=b.district),
            self.title,
        )
        ws.write_string(1, width - 2, t("unit_line", lang, unit=self.unit_label), self.line_right)
        ws.set_row(NEW_HEADER_ROW, 40)
        for c, key in enumerate(NEW_COLUMNS):
            ws.write_string(NEW_HEADER_ROW, c, heads[key], self.head_open if key != "no" else self.head_locked)
        for i in range(NEW_ROWS):
            r = NEW_HEADER_ROW + 1 + i
            for c, key in enumerate(NEW_COLUMNS):
                if key == "no":
                    ws.write_string(r, c, str(i + 1), self.center)
                elif key in ("planned", "this_month", "ytd"):
                    ws.write_blank(r, c, None, self.open_money)
                elif key == "status":
                    ws.write_blank(r, c, None, self.open_center)
                elif key == "signed":
                    ws.write_blank(r, c, None, self.open_date)
                else:
                    ws.write_blank(r, c, None, self.open_text)
        for c, key in enumerate(NEW_COLUMNS):
            ws.set_column(c, c, {"no": 6, "name": 36, "enterprise": 30, "progress": 36}.get(key, 14))
        self._validate(ws, NEW_HEADER_ROW + 1, NEW_HEADER_ROW + NEW_ROWS, NEW_COLUMNS)
        ws.freeze_panes(NEW_HEADER_ROW + 1, 2)
        self._protect(ws)
        self._print(ws, NEW_HEADER_ROW, NEW_HEADER_ROW)

    def _help(self, ws, main_name: str, new_name: str) -> None:
        b, lang = self.b, self.lang
        due = _day(b.due_on, lang) if b.due_on else "—"
        lines = help_lines(
            lang,
            main=main_name,
            new=new_name,
            period=b.period.label(lang),
            months=b.period.ytd_label(lang),
            unit=self.unit_label,
            due=due,
        )
        ws.set_column(0, 0, 72)
        for r, line in enumerate(lines):
            # constant-memory rows do not grow by themselves: as many text lines as the wrap needs
            ws.set_row(r, 24 if r == 0 else 16 * max(1, -(-display_width(line) // 66)))
            ws.write_string(r, 0, line, self.help_title if r == 0 else self.wrap)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)

    def _meta(self, ws, main_name: str, new_name: str) -> None:
        b = self.b
        rows = (
            ("format", FORMAT),
            ("round", str(b.period)),
            ("district_id", str(b.district_id)),
            ("district", b.district),
            ("unit", b.unit.value),
            ("main_sheet", main_name),
            ("new_sheet", new_name),
            ("main_columns", ",".join(MAIN_COLUMNS)),
            ("new_columns", ",".join(NEW_COLUMNS)),
            ("ids", ",".join(str(i) for i in b.ids)),
            ("checksum", checksum(b.token, b.period, b.district_id, b.ids)),
        )
        for r, (key, value) in enumerate(rows):
            ws.write_string(r, 0, key)
            for c, piece in enumerate(_cell_pieces(value), start=1):  # a cell holds at most 32,767 characters
                ws.write_string(r, c, piece)
        ws.protect("", {})


def _cell_pieces(value: str, size: int = 30_000) -> list[str]:
    """``value`` cut at commas into pieces a cell can hold (a district of 15,000 projects lists ~100,000
    characters of ids; one cell would cut them short and the return would no longer match)."""
    pieces: list[str] = []
    while len(value) > size:
        cut = value.rfind(",", 0, size)
        cut = cut if cut > 0 else size
        pieces.append(value[:cut])
        value = value[cut + 1 :] if value[cut : cut + 1] == "," else value[cut:]
    return [*pieces, value]


def _day(d: date, lang: str) -> str:
    return calendar_text("day_numbers", lang, year=d.year, month=d.month, day=d.day)
