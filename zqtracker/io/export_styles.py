"""How an export workbook looks: the workbook's safety options, number formats, the cell formats
made once per workbook (xlsxwriter formats belong to a workbook), and the language and money
unit its headers and amounts are in.
"""

from __future__ import annotations

from dataclasses import dataclass

import xlsxwriter

from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.io.plan_columns import export_header

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
    def money(self) -> MoneyFormat:
        """How amounts read in this workbook's language: 亿元 / ¥ bn (domain.money_format)."""
        return MoneyFormat(self.unit, self.lang)

    def unit_label(self) -> str:
        return self.money.label

    def header(self, field: str) -> str:
        return export_header(field, self.lang, self.unit_label())
