"""The import template: canonical headers, drop-down lists, and the rules written down.

The headers are exactly the ones export writes (io/columns.py), so a filled-in template imports
the same way an export does. Status, flag, type and origin drop-downs are short inline lists;
sector and district lists come from the database and sit on a hidden sheet behind a defined name,
because Excel refuses an inline list longer than 255 characters. Every list is a "warning" list:
it offers the choices but lets a user keep another word — a new sector or district is created on
import, and import understands synonyms (已投产, √) that a strict list would forbid.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter

from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.status import Status
from zqtracker.io.cells import display_width
from zqtracker.io.columns import BY_FIELD, PROJECT_COLUMNS, Column, Kind, bool_label, header_text, sheet_name
from zqtracker.io.export_styles import DECIMAL_FORMAT, MONEY_FORMAT
from zqtracker.io.safe_sheet import SafeWorksheet
from zqtracker.io.template_text import COLUMN_HELP, EXAMPLE_YUAN, EXAMPLES, RULES, T

LAST_ROW = 1_048_575  # validations cover the whole column below the header
TEMPLATE_MONTHLY_FIELDS = ("code", "name", "district", "month", "amount")


@dataclass(frozen=True, slots=True)
class TemplateLists:
    sectors: Sequence[str] = ()
    districts: Sequence[str] = ()


def write_template(
    path: str | os.PathLike[str], lang: str = "en", unit: Unit = Unit.WAN, lists: TemplateLists | None = None
) -> None:
    lists = lists or TemplateLists()
    # Constant-memory mode with SafeWorksheet: the only mode in which XlsxWriter cannot mistake a
    # sector name like "<r>…</r>" for markup (io/safe_sheet.py). Rows are written in order.
    wb = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    try:
        _Template(wb, lang, unit, lists).write()
    finally:
        wb.close()


class _Template:
    def __init__(self, wb: xlsxwriter.Workbook, lang: str, unit: Unit, lists: TemplateLists) -> None:
        self.wb, self.lang, self.unit, self.lists = wb, lang, unit, lists
        self.money = MoneyFormat(unit, lang)  # what the user types is in this unit: 亿元 / ¥ bn
        self.header = wb.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": "#1F4E78",
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "border": 1,
            }
        )
        self.required = wb.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": "#C55A11",
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "border": 1,
            }
        )
        self.formats = {
            Kind.CODE: wb.add_format({"num_format": "@"}),
            Kind.MONEY: wb.add_format({"num_format": MONEY_FORMAT}),
            Kind.DECIMAL: wb.add_format({"num_format": DECIMAL_FORMAT}),
            # Text, not a date format: a spreadsheet program keeps "2023.10" and "2024年2月" as typed
            # instead of storing the number 2023.1 shown as 1905-07-15 (what a date format did).
            Kind.DATE: wb.add_format({"num_format": "@", "align": "left"}),
            Kind.MONTH: wb.add_format({"num_format": "@", "align": "left"}),
        }
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E78"})
        self.bold = wb.add_format({"bold": True, "valign": "top", "text_wrap": True})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})

    def t(self, key: str, **params: object) -> str:
        return T.say(key, self.lang, unit=self.money.label, **params)

    def column_help(self, column: Column) -> str:
        text = COLUMN_HELP.get(column.field)
        return "" if text is None else text.say(self.lang, unit=self.money.label)

    def header_of(self, column: Column) -> str:
        return header_text(column, self.lang, self.money.label)

    def write(self) -> None:
        projects = self.wb.add_worksheet(sheet_name("projects", self.lang), worksheet_class=SafeWorksheet)
        monthly = self.wb.add_worksheet(sheet_name("monthly", self.lang), worksheet_class=SafeWorksheet)
        help_ws = self.wb.add_worksheet(sheet_name("instructions", self.lang), worksheet_class=SafeWorksheet)
        names = self._lists_sheet()
        self._data_sheet(projects, list(PROJECT_COLUMNS), names)
        self._data_sheet(monthly, [BY_FIELD[f] for f in TEMPLATE_MONTHLY_FIELDS], names)
        self._instructions(help_ws)
        projects.activate()
        self.wb.set_properties(
            {"title": self.t("title"), "subject": self.t("subject"), "author": "zqtracker", "keywords": "zqtracker"}
        )

    # -- the data sheets -----------------------------------------------------------------------
    def _data_sheet(self, ws, columns: list[Column], names: dict[str, str]) -> None:
        ws.set_row(0, 36)
        for c, column in enumerate(columns):
            header = self.header_of(column)
            ws.write_string(0, c, header, self.required if _required(column) else self.header)
            width = max(10, min(40, max(display_width(header) // 2 + 4, _data_width(column))))
            ws.set_column(c, c, width, self.formats.get(column.kind))
            self._validate(ws, c, column, names)
        ws.freeze_panes(1, 2)
        ws.autofilter(0, 0, 0, len(columns) - 1)

    def _validate(self, ws, c: int, column: Column, names: dict[str, str]) -> None:
        """A drop-down or a range check with a prompt naming the column's rule."""
        prompt = {
            "input_title": column.header(self.lang)[:32],
            "input_message": self.column_help(column)[:255],
        }
        choices = self._choices(column.kind)
        rule: dict[str, object]
        if choices is not None:
            # A warning, not a stop: import also understands synonyms (已投产, √ …) a user may type.
            rule = {"validate": "list", "source": choices, "error_type": "warning"}
            rule["error_message"] = self.t("pick_from_list", choices=self.t("list_sep").join(choices))
        elif column.field in ("sector", "district") and column.field in names:
            rule = {
                "validate": "list",
                "source": f"={names[column.field]}",
                "error_type": "warning",
                "error_message": self.t("new_name"),
            }
        elif column.kind is Kind.DATE or column.kind is Kind.MONTH:
            # Every spelling the import reads is 4–19 characters of text ("2020" … "2023-10-10 00:00:00");
            # a date range check would refuse "2024年2月" and pass 2023.1 read as 1905-07-15.
            rule = {
                "validate": "length",
                "criteria": "between",
                "minimum": 4,
                "maximum": 19,
                "error_type": "warning",
                "error_message": self.t("bad_date"),
            }
        elif column.kind is Kind.MONEY:
            rule = {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "error_type": "information",
                "error_message": self.t("bad_money"),
            }
        elif column.kind is Kind.DECIMAL:
            rule = {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "error_type": "warning",
                "error_message": self.t("bad_area"),
            }
        else:
            rule = {"validate": "any"}
        rule["error_title"] = column.header(self.lang)[:32]
        if rule["validate"] == "any":
            rule.pop("error_title")
        if "error_message" in rule:
            rule["error_message"] = str(rule["error_message"])[:255]  # Excel's limit
        ws.data_validation(1, c, LAST_ROW, c, {**rule, **prompt})

    def _choices(self, kind: Kind) -> list[str] | None:
        lang = self.lang
        if kind is Kind.STATUS:
            return [s.label(lang) for s in Status]
        if kind is Kind.BOOL:
            return [bool_label(True, lang), bool_label(False, lang)]
        if kind is Kind.PROJECT_TYPE:
            return [t.label(lang) for t in ProjectType]
        if kind is Kind.INVESTOR_ORIGIN:
            return [o.label(lang) for o in InvestorOrigin]
        return None

    def _lists_sheet(self) -> dict[str, str]:
        """Sector and district names on a hidden sheet, no header (nothing an import would read as
        data); returns the defined names the validations refer to."""
        ws = self.wb.add_worksheet(sheet_name("lists", self.lang), worksheet_class=SafeWorksheet)
        names: dict[str, str] = {}
        quoted = sheet_name("lists", self.lang).replace("'", "''")
        columns = (("sector", self.lists.sectors), ("district", self.lists.districts))
        for r in range(max(len(v) for _, v in columns)):  # row by row: constant-memory order
            for col, (_, values) in enumerate(columns):
                if r < len(values):
                    ws.write_string(r, col, values[r])
        for col, (field, values) in enumerate(columns):
            if values:
                letter = "AB"[col]
                name = f"zq_{field}_list"
                self.wb.define_name(name, f"='{quoted}'!${letter}$1:${letter}${len(values)}")
                names[field] = name
        ws.hide()
        return names

    # -- the instructions sheet ----------------------------------------------------------------
    def _instructions(self, ws) -> None:
        names = [self.header_of(c) for c in PROJECT_COLUMNS] + [self.t("words_title")]
        ws.set_column(0, 0, max(display_width(n) for n in names) + 3)
        ws.set_column(1, 1, 10)
        ws.set_column(2, 2, 80)
        ws.set_column(3, 3, 26)
        ws.write_string(0, 0, self.t("title"), self.title)
        r = 2
        for rule in RULES.values():
            ws.merge_range(r, 0, r, 3, f"• {rule.say(self.lang, unit=self.money.label)}", self.wrap)
            ws.set_row(r, 32)
            r += 1
        r += 1
        for c, key in enumerate(("col_column", "col_required", "col_how", "col_example")):
            ws.write_string(r, c, self.t(key), self.header)
        sections = (
            (self.t("section_projects", sheet=sheet_name("projects", self.lang)), list(PROJECT_COLUMNS)),
            (
                self.t("section_monthly", sheet=sheet_name("monthly", self.lang)),
                [BY_FIELD[f] for f in TEMPLATE_MONTHLY_FIELDS],
            ),
        )
        for title, columns in sections:
            r += 1
            ws.merge_range(r, 0, r, 3, title, self.bold)
            for column in columns:
                r += 1
                ws.write_string(r, 0, self.header_of(column), self.bold)
                ws.write_string(r, 1, self.t("yes") if _required(column) else "")
                ws.write_string(r, 2, self.column_help(column), self.wrap)
                ws.write_string(r, 3, self._example(column), self.wrap)
        ws.write_string(r + 2, 0, self.t("words_title"), self.bold)
        words = [
            (self.t("status_words"), "、".join(f"{s.label('zh')}（{s.label('en')}）" for s in Status)),
            (self.t("type_words"), ", ".join(f"{t.label('zh')} / {t.label('en')}" for t in ProjectType)),
            (self.t("origin_words"), ", ".join(f"{o.label('zh')} / {o.label('en')}" for o in InvestorOrigin)),
        ]
        for i, (label, value) in enumerate(words):
            ws.set_row(r + 3 + i, 32)
            ws.write_string(r + 3 + i, 0, label, self.bold)
            ws.merge_range(r + 3 + i, 1, r + 3 + i, 3, value, self.wrap)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)

    def _example(self, column: Column) -> str:
        if column.field in EXAMPLE_YUAN:
            return MoneyFormat(self.unit, self.lang, exact=True).number(EXAMPLE_YUAN[column.field], grouping=False)
        example = EXAMPLES.get(column.field)
        return "" if example is None else example.pick(self.lang)


def _required(column: Column) -> bool:
    """Required to import a row: the spec's required project fields, and a monthly row's month and
    amount (its project is named by code, or by name and district)."""
    return column.required or column.field in ("month", "amount")


def _data_width(column: Column) -> int:
    return {Kind.DATE: 12, Kind.MONTH: 10, Kind.MONEY: 16, Kind.TEXT: 16, Kind.CODE: 14}.get(column.kind, 10) + (
        14 if column.field in ("name", "enterprise", "notes") else 0
    )


def _date(y: int, m: int, d: int):
    from datetime import date

    return date(y, m, d)
