"""Reading exported workbooks back for the export tests, with openpyxl and python-calamine.

Not an importer: headers are matched exactly against the canonical column specification, and
each cell is decoded by its column's kind, so a test can compare a sheet field by field with
what the database holds.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils.escape import unescape
from python_calamine import CalamineWorkbook

from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import parse_money, unit_factor_of
from zqtracker.domain.status import parse_status
from zqtracker.io.columns import (
    BOOL_FALSE,
    BOOL_TRUE,
    BY_FIELD,
    INVESTOR_ORIGIN_WORDS,
    PROJECT_TYPE_WORDS,
    Kind,
)
from zqtracker.io.plan_columns import column_of, plan_field

READERS = ("openpyxl", "calamine")


def sheet_rows(path: Path, sheet: str, reader: str) -> list[list[object]]:
    """Every row of a sheet as values; empty cells are None with both readers."""
    if reader == "openpyxl":
        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            ws = wb[sheet]
            ws.reset_dimensions()
            # openpyxl leaves OOXML's _xHHHH_ escapes of control characters in the text (Excel and
            # calamine decode them); a reader built on openpyxl must unescape, as here.
            rows = [[unescape(v) if isinstance(v, str) else v for v in r] for r in ws.iter_rows(values_only=True)]
            width = max((len(r) for r in rows), default=0)
            return [r + [None] * (width - len(r)) for r in rows]
        finally:
            wb.close()
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return [[None if v == "" else v for v in r] for r in rows]


_BRACKET = re.compile(r"^(.*?)\s*[（(]([^（）()]+)[）)]$")
_PLAN = re.compile(r"^(?:Annual plan (\d{4})|(\d{4})年度计划投资)$")  # an annual plan column (one per year)


def field_of(header: str) -> tuple[str, int | None]:
    """(field, unit factor) of a canonical header in either language, with or without a unit."""
    for column in BY_FIELD.values():
        if header in (column.en, column.zh):
            return column.field, None
    m = _BRACKET.match(header)
    if m:
        name, unit = m.groups()
        plan = _PLAN.match(name)
        if plan:
            return plan_field(int(plan[1] or plan[2])), unit_factor_of(unit)
        for column in BY_FIELD.values():
            if column.kind is Kind.MONEY and name in (column.en, column.zh):
                return column.field, unit_factor_of(unit)
    raise AssertionError(f"not a canonical header: {header!r}")


def decode(kind: Kind, value: object, factor: int | None) -> object:
    if value is None:
        return None
    if kind in (Kind.TEXT, Kind.CODE):
        assert isinstance(value, str), f"text cell holds {value!r}"
        return value
    if kind is Kind.MONEY:
        assert factor is not None
        assert isinstance(value, float | int | str) and not isinstance(value, bool)
        return parse_money(value, factor)
    if kind is Kind.DECIMAL:
        return Decimal(value) if isinstance(value, str) else Decimal(repr(float(value)))
    if kind in (Kind.DATE, Kind.MONTH):
        if isinstance(value, str):
            return date.fromisoformat(value) if len(value) == 10 else date.fromisoformat(value + "-01")
        if isinstance(value, datetime):
            assert value.time() == datetime.min.time()
            return value.date()
        assert isinstance(value, date), f"date cell holds {value!r}"
        return value
    assert isinstance(value, str)
    if kind is Kind.STATUS:
        return parse_status(value)
    if kind is Kind.BOOL:
        word = value.lower()
        assert word in BOOL_TRUE or word in BOOL_FALSE
        return word in BOOL_TRUE
    if kind is Kind.PROJECT_TYPE:
        return ProjectType(PROJECT_TYPE_WORDS[value.lower()])
    if kind is Kind.INVESTOR_ORIGIN:
        return InvestorOrigin(INVESTOR_ORIGIN_WORDS[value.lower()])
    raise AssertionError(kind)


def records(path: Path, sheet: str, reader: str) -> list[dict[str, object]]:
    """The data rows of a table sheet (header in row 1) as {field: decoded value}."""
    rows = sheet_rows(path, sheet, reader)
    header = [field_of(h) for h in rows[0] if h is not None]
    out = []
    for row in rows[1:]:
        if all(v is None for v in row):
            continue
        out.append(
            {
                f: decode(column_of(f).kind, row[i] if i < len(row) else None, factor)
                for i, (f, factor) in enumerate(header)
            }
        )
    return out


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}
