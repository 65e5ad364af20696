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


# 亩 per unit of each area a header states (io/headers.py: "m2", "ha", "10k m2", "mu"), and the
# words a cell writes after its number for them (folded: NFKC makes ㎡ and m² "m2"): 1 亩 = 10000/15 m²,
# 1 公顷 = 15 亩 — exact decimals
AREA_FACTORS = {"m2": Decimal("0.0015"), "ha": Decimal(15), "10k m2": Decimal(15), "mu": Decimal(1)}
_CELL_AREA_UNITS = (
    ("万平方米", "10k m2"), ("平方米", "m2"), ("平米", "m2"), ("m2", "m2"),
    ("公顷", "ha"), ("ha", "ha"), ("亩", "mu"), ("mu", "mu"),
)  # fmt: skip
_UNIT_WORDS = {"m2": "平方米", "ha": "公顷", "10k m2": "万平方米"}


def _stated(text: str) -> tuple[str, str] | None:
    """The number's text and the area (a key of AREA_FACTORS) an area cell states after it ("2公顷")."""
    folded = fold(text)
    for word, area in _CELL_AREA_UNITS:
        if folded.endswith(word) and folded[: -len(word)][-1:].isdigit():
            return folded[: -len(word)], area
    return None


def area_in_mu(value: object, field: str, header: Decimal | None) -> Decimal:
    """A land area in 亩 from its cell: the unit written after the number in the cell ("20000平方米",
    "2公顷", "30亩": the cell says what it is, whatever the header), else the header's (``header``: 亩
    per unit; None: 亩). Probe31a f14c: a 用地面积 column of such cells had been left out whole."""
    stated = _stated(value) if isinstance(value, str) else None
    if stated is None:
        number = parse_decimal(value, field) * (header if header is not None else 1)
    else:
        try:
            number = parse_decimal(stated[0], field) * AREA_FACTORS[stated[1]]
        except ValidationError as exc:  # named as the cell says it ("约30亩"), not as cut
            raise ValidationError(Problem(exc.problems[0].code, field, {"value": display(value)})) from None
    if number.copy_abs() > MAX_LAND_AREA_MU:
        raise ValidationError(Problem("too_large", field, {"value": display(value)}))
    return number


def cell_area_unit(text: str) -> str | None:
    """The unit other than 亩 an area cell states after its number ("2公顷" → "公顷"), else None."""
    stated = _stated(text)
    return _UNIT_WORDS.get(stated[1]) if stated is not None else None
