"""The shape of a sheet: where its header is, what each column holds, its unit, year, stage and
district, and which rows under the header are a template's example rather than data.

Real district files (design.md) put title rows (often merged) and a 填报单位 / 单位：万元 line above
the header, sometimes a group header row above or below the field names, hide columns, and name
their stage or district in the title or the sheet name. The header row is the row whose cells name
the most fields, strongly (io/header_rows.py); what the rows above it and the sheet's name say is
io/sheet_context.py; each column's field is then chosen by evidence — the header's candidates
(io/headers.py) weighed against the values beneath (io/evidence.py) — in io/field_choice.py.
io/plan.py then walks the data rows.

The layout's types (io/layout_model.py) are importable from here, where the import reads them.
"""

from __future__ import annotations

from zqtracker.io import field_choice as choice
from zqtracker.io import header_rows as header
from zqtracker.io import sheet_context as context
from zqtracker.io import ytd_columns
from zqtracker.io.enterprise_column import project_company
from zqtracker.io.header_drawn import drawn_merges
from zqtracker.io.header_parts import answered_parts
from zqtracker.io.key_lists import key_list_source
from zqtracker.io.layout_model import (
    MONEY_FIELDS,
    MONTHLY,
    PROJECTS,
    UNKNOWN,
    ColumnInfo,
    SheetLayout,
)
from zqtracker.io.period_file import NO_BOOK, BookNames, book_names, file_month, file_year
from zqtracker.io.reader import RawSheet
from zqtracker.io.summary_table import summary_of
from zqtracker.io.values import year_in
from zqtracker.io.year_plan import plan_of_year


def detect_layout(
    sheet: RawSheet,
    *,
    known_districts: frozenset[str] = frozenset(),
    known_sectors: frozenset[str] = frozenset(),
    overrides: dict[int, str | None] | None = None,
    header_row: int | None = None,
    book: BookNames = NO_BOOK,
    period: tuple[int, int] | None = None,
) -> SheetLayout:
    """The sheet's layout; ``overrides`` maps a column index to the field the user chose (None:
    do not import), ``header_row`` forces the header row; ``book`` the year the workbook's other
    sheets name, for months without one ("8月" … "12月"), and its file's name, read last for the period
    (io/period_file.py); ``known_sectors`` the stored sectors' names
    (a summary table's rows may be just those: io/summary_table.py); ``period`` the report's (year, month)
    as the user said it, over whatever the sheet says (a title without a year, or a sheet name and a
    title naming two months)."""
    name_year = year_in(sheet.name)
    layout = SheetLayout(sheet.name, UNKNOWN)
    scan_end = sheet.row_offset + min(header.HEADER_SCAN_ROWS, len(sheet.rows))
    pre_year = context.title_year(sheet, scan_end) or name_year
    hr = header_row if header_row is not None else header.find_header_row(sheet, pre_year)
    if hr is None:
        context.fill_titles(layout, sheet, sheet.row_offset + min(5, len(sheet.rows)))
        context.fill_hints(layout, sheet.name, known_districts)
        return layout
    drawn = drawn_merges(sheet, hr)
    if not drawn and header_row is None and hr > sheet.row_offset:
        drawn = drawn_merges(sheet, hr - 1)  # the field names' row under the groups' named the most fields
    sheet.merged.extend(drawn)  # a three-row header drawn without merges: read as the merged one
    if header_row is None and header.group_row_above(sheet, hr):
        hr -= 1
        layout.header_rows = 2
    layout.header_row = hr
    context.fill_titles(layout, sheet, hr)
    own = sheet.name != book.file  # a CSV's one sheet bears its file's name: read last, as the file's
    said_year = context.title_year(sheet, hr) or context.header_year(sheet, hr)
    file_year(layout, said_year or (name_year or book.year if own else None), book.file)
    if period is not None:
        layout.year, layout.period_said = period[0], True
    if layout.header_rows == 1 and (
        header.looks_like_subheader(sheet, hr, layout.year) or header.unit_row_below(sheet, hr)
    ):
        layout.header_rows = 2
    if layout.header_rows == 2 and header.third_header_row(sheet, hr, layout.year):  # 2025年 › 10月 | 1-10月累计
        layout.header_rows = 3
    header.fill_columns(layout, sheet)
    if layout.header_rows >= 2 and header.unit_row_below(sheet, layout.data_start - 1):  # （万元） under them all
        header.units_from_row(layout, sheet, layout.data_start)
        layout.header_rows += 1
    if header.column_numbers_row(sheet, layout.data_start):  # 甲 | 乙 | 1 | 2 …: part of the header
        layout.header_rows += 1
    layout.example_rows = choice.example_rows(layout, sheet)
    ytd_columns.settle(layout)  # 累计完成投资 beside 本年完成投资, 上年同期 after 1-10月完成 (probe37c)
    choice.choose_fields(layout, sheet)
    project_company(layout)  # 投资方 | 建设单位: the enterprise is the project company's
    layout.period = period or context.report_period(layout, sheet)
    if period is None:
        file_month(layout, book.file)
    plan_of_year(layout, sheet)  # 计划投资 beside 总投资 in a report of the year: its plan
    choice.apply_period(layout)
    layout.english = context.is_english(layout, sheet)
    choice.apply_overrides(layout, overrides or {})
    answered_parts(layout)  # 设备投资 | 建安工程, one of them mapped to the group's field: the others are parts
    context.fill_hints(layout, sheet.name, known_districts)
    layout.key_from = key_list_source(layout.titles, sheet.name, book.file)  # 重点建设项目计划表 (io/key_lists.py)
    layout.kind = choice.sheet_kind(layout)
    said_name = any(v == "name" for v in (overrides or {}).values())  # the user says which column names projects
    if layout.kind != UNKNOWN and not said_name:
        layout.summary = summary_of(layout, sheet, known_sectors)
        if layout.summary is not None:  # 项目名称 over 先进制造业, 签约项目, "3个": classes of projects, not projects
            layout.kind, layout.aggregate = UNKNOWN, True
    return layout


__all__ = [
    "MONEY_FIELDS",
    "MONTHLY",
    "PROJECTS",
    "UNKNOWN",
    "BookNames",
    "ColumnInfo",
    "SheetLayout",
    "book_names",
    "detect_layout",
]
