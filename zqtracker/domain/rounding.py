"""Telling a value a spreadsheet program rounded from a real change.

Saving a workbook as CSV "as shown" (what Excel and WPS always do), or retyping what a cell
displays, keeps only the digits on screen: 12.34567891亿 comes back as 12.35. Such a value equals
the stored value rounded to the decimals it shows; an import should list it apart ("rounded by a
spreadsheet program") instead of updating the stored exact amount with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

MAX_SHOWN_PLACES = 8  # 1 yuan in 亿元


def rounded_places(cell: Decimal, stored: Decimal, column: int = 0) -> int | None:
    """The number of decimals ``cell`` shows if it is ``stored`` rounded to them (half up as Excel,
    WPS and Calc display, or half even), else None — None too when the two are equal (nothing was
    lost) or when ``cell`` has as many decimals as ``stored`` (a real change). ``column``: the most
    decimals the cell's column shows (:func:`shown_places`): a program rounds a column alike, so
    1.2 typed over 1.23456789 where other rows show eight decimals is a change, not rounding."""
    cell, stored = Decimal(cell), Decimal(stored)
    if cell == stored:
        return None
    shown = max(0, -cell.normalize().as_tuple().exponent, column)  # type: ignore[operator]
    if shown >= max(0, -stored.normalize().as_tuple().exponent) or shown > MAX_SHOWN_PLACES:  # type: ignore[operator]
        return None
    unit = Decimal(1).scaleb(-shown)
    for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN):
        if stored.quantize(unit, rounding=mode) == cell:
            return shown
    return None


def money_rounded_places(cell: Decimal, factor: int, stored_yuan: int, column: int = 0) -> int | None:
    """:func:`rounded_places` for money: ``cell`` in the unit of ``factor`` yuan (1, 10,000 for 万元,
    100,000,000 for 亿元) against the stored integer yuan. 12.35 (亿元) against 1,234,567,891 yuan → 2."""
    return rounded_places(Decimal(cell), Decimal(stored_yuan) / Decimal(factor), column)


def shown_places(pairs: Iterable[tuple[object, object]], factor: int) -> int:
    """The most decimals, in units of ``factor`` yuan, of the cells of a column that equal their stored
    amount ((cell, stored) in integer yuan; anything else skipped), at most MAX_SHOWN_PLACES + 1. A
    column that brings back stored amounts with eight decimals was not rounded by a program, so a cell
    there that shows fewer was typed; a CSV "as shown" with one value typed with three decimals among
    values rounded to two still shows no stored amount with more than two (probe34a D1)."""
    most, limit = 0, MAX_SHOWN_PLACES + 1
    for cell, stored in pairs:
        if cell.__class__ is not int or cell != stored or not cell % factor:
            continue
        places = -(Decimal(cell) / factor).normalize().as_tuple().exponent  # type: ignore[operator]
        if places > most:
            most = places
            if most >= limit:
                return limit
    return most


def rounded_money(cell_yuan: int, factor: int | None, stored_yuan: int | None, column: int = 0) -> int | None:
    """The decimals a spreadsheet program rounded ``stored_yuan`` to, if ``cell_yuan`` (read in units
    of ``factor``, in a column showing up to ``column`` decimals) is nothing but that; None for a change."""
    if stored_yuan is None or not factor or factor == 1:
        return None
    return money_rounded_places(Decimal(cell_yuan) / Decimal(factor), factor, stored_yuan, column)
