"""An amount of part of a yuan: 0.00004 in a 万元 column is 0.4 yuan and would be stored as 0 (then counted
as a known amount), 0.00025 is 2.5 yuan and would be stored as 3 — no project's figure, and rounded
without a word (probe37b F3). Under 100 yuan a fraction of a yuan is asked as a unit slip, as 100 yuan
itself is (io/plan_outliers.py); above it, half a yuan rounds up as a figure to the yuan (12.345675万 →
123,457) and is no misread."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import UNIT_WORDS

_BELOW = 100  # yuan: where the 100-yuan question (plan_outliers) stops, a fraction is asked here


def check_part_of_yuan(value: object, factor: int | None, field: str, yuan: int | None) -> None:
    """Raises ``money_part_of_yuan`` when ``value`` (a number in ``factor`` units, read as ``yuan``) is
    not a whole number of yuan and under 100 yuan; a cell with its own unit ("12.5亿") is not looked at."""
    if yuan is None or yuan >= _BELOW or not factor or value.__class__ not in (float, str, int, Decimal):
        return
    try:
        number = Decimal(repr(value) if value.__class__ is float else str(value).replace(",", "").strip())
    except InvalidOperation:
        return
    exact = number * factor
    if not exact.is_finite() or exact == yuan:
        return
    typed = value.strip() if isinstance(value, str) else f"{number.normalize():f}"  # as typed; 0.00004, never 4e-05
    shown = {"value": typed, "exact": f"{exact.normalize():f}"}
    params = {**shown, "unit": UNIT_WORDS.get(factor, f"×{factor:,}"), "yuan": yuan}
    raise ValidationError(Problem("money_part_of_yuan", field, params))
