"""A money cell carrying its own currency — 2000万美元, US$5M, USD 300万, 500万港元, €2M, HK$1,000万 — in a
column of yuan (probe37a P37a-1 had refused it as "not an amount of money", --rate or not). It is an
amount in that currency: never stored as yuan. Without the user's rate the cell is refused, naming its
currency and how to give one; with it, the amount is converted as a currency column's are (integer
yuan, rounded half-up) and a planned investment keeps its original amount, currency and rate."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from zqtracker.domain.currency import ForeignAmount, convert
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.io.currency_words import currency_of

if TYPE_CHECKING:
    from zqtracker.io.layout_model import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

# A number with words (a currency, a magnitude) before and after it: "US$", "5", "M"; "", "2000", "万美元"
_CELL_RE = re.compile(
    r"^(?P<before>[^\d+\-]*?)\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<after>\D*)$"
)


def foreign_cell(value: Any) -> tuple[str, Decimal] | None:
    """("USD", 20000000) for "2000万美元" — the currency ("USD?" for a bare $) and the amount in its
    units; None for a cell that names no currency other than yuan."""
    if not isinstance(value, str):
        return None
    m = _CELL_RE.match(unicodedata.normalize("NFKC", value).strip())
    if m is None or not (m["before"] or m["after"]).strip():
        return None
    found = currency_of(m["before"] + m["after"])
    if found is None or found[0] == "?":
        return None
    return found[0], Decimal(m["number"].replace(",", "")) * found[1]


def cell_in_yuan(value: Any, field: str, rates: dict[str, Decimal]) -> int | tuple[int, ForeignAmount] | None:
    """A refused money cell that names its currency: its yuan at the user's rate (with the original,
    for the planned investment); without a rate, a problem naming the currency. None: no currency."""
    found = foreign_cell(value)
    if found is None:
        return None
    code = "USD" if found[0] == "USD?" else found[0]
    if code not in rates:
        shown = str(value).strip()  # as typed: "３,０００万美元", never the folded "3,000万美元"
        raise ValidationError(Problem("cell_currency", field, {"value": shown, "currency": code}))
    yuan, original = convert(found[1], code, rates)
    return (yuan, original) if field == "planned_investment" else yuan


def converted_cells(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, rates: dict[str, Decimal]) -> set[int]:
    """The rows whose money cells named a currency the user gave a rate for, said in a note ("C4
    2000万美元 × 7.10"); returned so that a 币种 column does not convert them a second time."""
    if not rates:
        return set()
    in_yuan = [c for c in layout.mapped() if c.is_money and not c.currency]
    columns = [c for c in in_yuan if not (layout.unit_currency and c.unit is None)]  # (单位：万美元: all foreign)
    done: list[str] = []
    found_in: list[tuple[str, str]] = []  # (currency, cell): the preview's rate fields keep showing them
    rows: set[int] = set()
    for k, i in enumerate(plan.data_rows):
        row = sheet.rows[i]
        for c in columns:
            j = c.index - sheet.col_offset
            found = foreign_cell(row[j]) if 0 <= j < len(row) else None
            code = found and ("USD" if found[0] == "USD?" else found[0])
            if code and code in rates and k not in plan.problems:
                rows.add(k)
                found_in.append((code, f"{c.letter}{plan.row_numbers[k]}"))
                done.append(f"{c.letter}{plan.row_numbers[k]} {str(row[j]).strip()} × {rates[code]}")
    foreign = plan.values.get("planned_foreign")
    if foreign is not None:  # a later chunk of cells in yuan added nothing to it: None for each of its rows
        foreign.extend([None] * (len(plan.data_rows) - len(foreign)))
    if done:
        shown = ", ".join(done[:8]) + (" …" if len(done) > 8 else "")
        params = {"sheet": sheet.name, "count": len(done), "cells": shown, "found_in": tuple(found_in)}
        plan.notes.append(Problem("note_cells_converted", None, params))
    return rows


def cell_currencies(plan: SheetPlan | None) -> dict[str, list[str]]:
    """The currencies cells of the sheet name, each with its cells ("E4"): refused for want of a rate,
    or converted at one — the preview's rate field for each."""
    found: dict[str, list[str]] = {}
    for refused in (p for ps in (plan.problems.values() if plan else ()) for p in ps):
        if refused.problem.code == "cell_currency":
            found.setdefault(str(refused.problem.params["currency"]), []).append(f"{refused.column}{refused.row}")
    for note in plan.notes if plan else ():
        for code, cell in note.params.get("found_in", ()) if note.code == "note_cells_converted" else ():
            found.setdefault(code, []).append(cell)
    return found
