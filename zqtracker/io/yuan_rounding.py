"""Amounts of 100 yuan and more that are not a whole number of yuan, said where they are rounded.

Money is stored as integer yuan, so 1450.00004 in a 万元 column (14,500,000.4 yuan) is stored as 14,500,000 —
half a yuan rounding up — and with a year to date of 1450 stored for the month before, the month's own amount
comes out 0 with no word (probe: fix36 F1). Under 100 yuan such an amount is asked (io/tiny_money.py); at and
above it the rounding stands, and a note of the sheet names each cell: its row, the value as written, the
exact yuan and the yuan stored. A two-decimal 万元 amount (1450.25 = 14,502,500 yuan) is exact and not said.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import UNIT_WORDS, exact_yuan
from zqtracker.domain.tiny_money_messages import TINY_MONEY_MESSAGES
from zqtracker.io.values import display

if TYPE_CHECKING:
    from zqtracker.io.layout_model import ColumnInfo
    from zqtracker.io.plan import SheetPlan

NOTE = "note_rounded_to_yuan"
_LISTED = 12  # cells named in a column's note; the rest counted


def rounded_to_yuan(value: object, factor: int | None, yuan: int) -> Decimal | None:
    """The exact yuan of a cell read as ``yuan`` when they are not a whole number (None when they are)."""
    exact: Decimal
    if isinstance(value, float) and not isinstance(value, bool):
        if value.is_integer():
            return None
        exact = Decimal(repr(value)) * (factor or 1)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if "." not in text and "e" not in text.lower():  # no fraction: a whole number of its unit
            return None
        try:
            exact = exact_yuan(text, factor)
        except (ValidationError, InvalidOperation):
            return None
    elif isinstance(value, Decimal):
        exact = value * (factor or 1)
    else:
        return None
    return None if not exact.is_finite() or exact == yuan else exact


@dataclass
class RoundedCells:
    """A column's rounded cells, (row, value as written, its unit when the cell states none, exact yuan,
    yuan stored): a note's parameter, said in the note's language (domain/messages.py's describe)."""

    cells: list[tuple[int, str, str, Decimal, int]] = field(default_factory=list)

    def label(self, lang: str = "en") -> str:
        said = [
            TINY_MONEY_MESSAGES.say(
                "rounded_cell_in" if u else "rounded_cell",
                lang,
                row=r,
                value=v,
                unit=u,
                exact=f"{e.normalize():,f}",
                yuan=y,
            )
            for r, v, u, e, y in self.cells[:_LISTED]
        ]
        more = " …" if len(self.cells) > _LISTED else ""
        return TINY_MONEY_MESSAGES.say("rounded_cells_sep", lang).join(said) + more


def said_rounded(plan: SheetPlan, info: ColumnInfo, convert: Any, raw: tuple | list, first_k: int) -> None:
    """Adds the cells of ``raw`` (data rows from ``first_k``) that ``convert`` (io/cell_convert.py's Money)
    rounded to the yuan to the column's note in ``plan.notes``."""
    rounded: dict | None = getattr(convert, "rounded", None)
    if not rounded:
        return
    found = [(k, v) for k, v in enumerate(raw) if v.__class__ is not bool and v in rounded]
    if not found:
        return
    note = next((n for n in plan.notes if n.code == NOTE and n.params["column"] == info.letter), None)
    if note is None:
        note = rounded_note(plan.layout.sheet, info.letter, info.header, [])
        plan.notes.append(note)
    cells: RoundedCells = note.params["cells"]
    for k, v in found:
        cells.cells.append(rounded_cell(plan.row_numbers[first_k + k], v, convert.factor, *rounded[v]))
    note.params["count"] = len(cells.cells)


def rounded_note(sheet: str, letter: str, header: str, cells: list[tuple[int, str, str, Decimal, int]]) -> Problem:
    """The note of a column's cells rounded to the yuan (each made by :func:`rounded_cell`); the import's
    and a round return's (io/round_read.py)."""
    said = {"sheet": sheet, "column": letter, "header": header, "cells": RoundedCells(cells), "count": len(cells)}
    return Problem(NOTE, None, said)


def rounded_cell(row: int, value: object, factor: int | None, exact: Decimal, yuan: int) -> tuple:
    """A rounded cell as its note lists it: its row, the value as written, the column's unit when the cell
    states none, the exact yuan and the yuan stored."""
    unit = "" if states_unit(value) else UNIT_WORDS.get(factor or 1, "")
    return (row, display(value).strip(), unit, exact, yuan)


def states_unit(value: object) -> bool:
    """Whether a cell says its own unit or currency ("0.123456789亿", "¥1450.5"), not the column's."""
    if not isinstance(value, str):
        return False
    try:
        Decimal(unicodedata.normalize("NFKC", value).strip().replace(",", ""))
    except InvalidOperation:
        return True
    return False
