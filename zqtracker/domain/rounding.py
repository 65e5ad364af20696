"""Telling a value a spreadsheet program rounded from a real change.

Saving a workbook as CSV "as shown" (what Excel and WPS always do), or retyping what a cell
displays, keeps only the digits on screen: 12.34567891亿 comes back as 12.35. Such a value equals
the stored value rounded to the decimals it shows; an import should list it apart ("rounded by a
spreadsheet program") instead of updating the stored exact amount with it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

MAX_SHOWN_PLACES = 8  # 1 yuan in 亿元


def rounded_places(cell: Decimal, stored: Decimal) -> int | None:
    """The number of decimals ``cell`` shows if it is ``stored`` rounded to them (half up as Excel,
    WPS and Calc display, or half even), else None — None too when the two are equal (nothing was
    lost) or when ``cell`` has as many decimals as ``stored`` (a real change)."""
    cell, stored = Decimal(cell), Decimal(stored)
    if cell == stored:
        return None
    shown = max(0, -cell.normalize().as_tuple().exponent)  # type: ignore[operator]
    if shown >= max(0, -stored.normalize().as_tuple().exponent) or shown > MAX_SHOWN_PLACES:  # type: ignore[operator]
        return None
    unit = Decimal(1).scaleb(-shown)
    for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN):
        if stored.quantize(unit, rounding=mode) == cell:
            return shown
    return None


def money_rounded_places(cell: Decimal, factor: int, stored_yuan: int) -> int | None:
    """:func:`rounded_places` for money: ``cell`` in the unit of ``factor`` yuan (1, 10,000 for 万元,
    100,000,000 for 亿元) against the stored integer yuan. 12.35 (亿元) against 1,234,567,891 yuan → 2."""
    return rounded_places(Decimal(cell), Decimal(stored_yuan) / Decimal(factor))
