"""A land area's decimal from a cell (io/cell_convert.py): a number, or text such as "16.15亩" or "2公顷" —
kept apart from io/values.py, which is full."""

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


# A unit written after a land area in its cell (folded: NFKC makes ㎡ and m² "m2"), and what one is in 亩:
# 1 亩 = 10000/15 m², 1 公顷 = 15 亩 — exact decimals
_CELL_AREA_UNITS = (
    ("万平方米", Decimal(15)),
    ("平方米", Decimal("0.0015")),
    ("平米", Decimal("0.0015")),
    ("m2", Decimal("0.0015")),
    ("公顷", Decimal(15)),
    ("ha", Decimal(15)),
    ("亩", Decimal(1)),
    ("mu", Decimal(1)),
)


def area_in_mu(value: object, field: str, header: Decimal | None) -> Decimal:
    """A land area in 亩 from its cell: the unit written after the number in the cell ("20000平方米",
    "2公顷", "30亩": the cell says what it is, whatever the header), else the header's (``header``: 亩
    per unit; None: 亩). Probe31a f14c: a 用地面积 column of such cells had been left out whole."""
    if isinstance(value, str):
        text = fold(value)
        for unit, factor in _CELL_AREA_UNITS:
            if text.endswith(unit) and text[: -len(unit)][-1:].isdigit():
                try:
                    number = parse_decimal(text[: -len(unit)], field)
                except ValidationError as exc:  # named as the cell says it ("约30亩"), not as cut
                    raise ValidationError(Problem(exc.problems[0].code, field, {"value": display(value)})) from None
                return _checked(number * factor, value, field)
    return _checked(parse_decimal(value, field) * (header if header is not None else 1), value, field)


def _checked(number: Decimal, value: object, field: str) -> Decimal:
    if number.copy_abs() > MAX_LAND_AREA_MU:
        raise ValidationError(Problem("too_large", field, {"value": display(value)}))
    return number


def cell_area_unit(text: str) -> str | None:
    """The unit other than 亩 an area cell states after its number ("2公顷" → "公顷"), else None."""
    folded = fold(text)
    for unit, factor in _CELL_AREA_UNITS:
        if folded.endswith(unit) and folded[: -len(unit)][-1:].isdigit():
            return None if factor == 1 else {"m2": "平方米", "ha": "公顷"}.get(unit, unit)
    return None
