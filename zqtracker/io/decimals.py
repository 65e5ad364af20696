"""A land area's decimal from a cell (io/cell_convert.py): a number, or text such as "16.15亩" — kept apart
from io/values.py, which is full."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import MAX_LAND_AREA_MU, check_grouping, to_decimal
from zqtracker.io.percent_format import refuse_percent
from zqtracker.io.values import check_error, display, fold

_AREA_UNITS = ("亩", "mu")


def parse_decimal(value: object, field: str) -> Decimal:
    """A positive-or-zero decimal (land area in mu): a number, or text such as "16.15亩"."""
    check_error(value, field)
    if isinstance(value, (bool, tuple)):
        raise ValidationError(Problem("not_a_number", field, {"value": display(value)}))
    if isinstance(value, str):
        refuse_percent(unicodedata.normalize("NFKC", value).strip(), field)
        check_grouping(value, field)  # "12,5": a decimal comma, refused rather than read as 125
    try:
        if isinstance(value, str):
            text = fold(value).replace(",", "")
            for unit in _AREA_UNITS:
                if text.endswith(unit):
                    text = text[: -len(unit)]
            number = Decimal(text)
        else:
            number = to_decimal(value)
        if not number.is_finite():
            raise InvalidOperation
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(Problem("not_a_number", field, {"value": display(value)})) from None
    if number.copy_abs() > MAX_LAND_AREA_MU:  # exact: "1e3092023" must not overflow later arithmetic
        raise ValidationError(Problem("too_large", field, {"value": display(value)}))
    return number
