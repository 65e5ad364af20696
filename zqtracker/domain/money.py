"""Money is integer yuan. Units are only for reading and showing amounts.

Everything goes through :class:`decimal.Decimal` so that "12.1亿" is 1,210,000,000 yuan exactly, never
1,209,999,999.9999998 as a float would make it.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.words import Catalogue

BILLION_YUAN = 1_000_000_000
# A money column's unit (its factor to yuan) as a Chinese list names it
UNIT_WORDS = {1: "元", 1_000: "千元", 10_000: "万元", 1_000_000: "百万元", 10_000_000: "千万元", 100_000_000: "亿元"}
MAX_MONEY = 10**17  # far above any project; keeps amounts inside a signed 64-bit column
MAX_LAND_AREA_MU = 10**9  # 667,000 km²: far above any site; keeps the scaled column inside 64 bits


class Unit(StrEnum):
    YUAN = "yuan"
    WAN = "wan"
    YI = "yi"

    @property
    def factor(self) -> int:
        return _FACTORS[self]

    def label(self, lang: str = "en") -> str:
        """The unit an amount is written in, as a header or a sentence names it: "亿元" and
        "¥100 million", "万元" and "¥10,000" (never "100m yuan"). The one source of these names; each
        reads back with :func:`unit_factor_of`. (How an amount is *shown* — "¥120.900 bn" — is
        domain.money_format's.)"""
        return _LABELS.say(self, lang)


_FACTORS = {Unit.YUAN: 1, Unit.WAN: 10_000, Unit.YI: 100_000_000}
_LABELS = Catalogue(
    "units", {Unit.YUAN: ("yuan", "元"), Unit.WAN: ("¥10,000", "万元"), Unit.YI: ("¥100 million", "亿元")}
)

# Multipliers a cell or header may spell out. Longest first so that "万元" wins over "元".
_UNIT_WORDS: list[tuple[str, int]] = sorted(
    [
        ("元", 1),
        ("人民币元", 1),
        ("千元", 1_000),
        ("万元", 10_000),
        ("万", 10_000),
        ("百万元", 1_000_000),
        ("百万", 1_000_000),
        ("千万元", 10_000_000),
        ("千万", 10_000_000),  # "3千万", as "3千万元" and "30百万" are read (probe39)
        ("亿元", 100_000_000),
        ("亿", 100_000_000),
        ("yuan", 1),
        ("cny", 1),
        ("rmb", 1),
        ("rmbyuan", 1),
        ("¥", 1),
        ("￥", 1),
        ("10kyuan", 10_000),
        ("10k", 10_000),
        ("tenthousandyuan", 10_000),
        ("wan", 10_000),
        ("wanyuan", 10_000),
        ("thousandyuan", 1_000),
        ("kyuan", 1_000),
        ("millionyuan", 1_000_000),
        ("million", 1_000_000),
        ("myuan", 1_000_000),
        ("100myuan", 100_000_000),
        ("100m", 100_000_000),
        ("100millionyuan", 100_000_000),
        ("100million", 100_000_000),  # "¥100 million", how the app names 亿元 in English
        ("hundredmillionyuan", 100_000_000),
        ("yi", 100_000_000),
        ("yiyuan", 100_000_000),
        ("billionyuan", 1_000_000_000),
        ("billion", 1_000_000_000),
        ("bnyuan", 1_000_000_000),
        ("bn", 1_000_000_000),  # "¥120.90 bn", how the app writes amounts in English
        ("mn", 1_000_000),  # "¥68.54 mn"
        ("mnyuan", 1_000_000),
    ],
    key=lambda kv: -len(kv[0]),
)
UNIT_WORD_FACTORS: dict[str, int] = dict(_UNIT_WORDS)
# Counts that name a unit only after a currency mark: "¥10,000" (万元), "¥100,000,000".
_MARKED_FACTORS = {"10000": 10_000, "100000000": 100_000_000}

_NUMBER_RE = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(.*)$")
_SPACES_RE = re.compile(r"[\s\u3000,，_']+")


def unit_factor_of(word: str) -> int | None:
    """The multiplier that a unit word stands for ("万元" → 10000), or None."""
    key = _SPACES_RE.sub("", word).lower().strip("()（）[]【】:：")
    key = key.replace("单位", "").replace("unit", "").strip(":：")
    if not key:
        return None
    found = UNIT_WORD_FACTORS.get(key)
    if found is None and key not in ("人民币", "yuan"):  # 人民币万元, 万元人民币, "10,000 yuan": yuan said twice
        for mark in ("人民币", "yuan"):
            if key.endswith(mark) and key[: -len(mark)] in _MARKED_FACTORS:
                return _MARKED_FACTORS[key[: -len(mark)]]
            rest = key.removeprefix(mark) if key.startswith(mark) else key.removesuffix(mark)
            if rest != key and rest in UNIT_WORD_FACTORS:
                return UNIT_WORD_FACTORS[rest]
    if found is None:  # "¥ bn", "RMB mn": a currency mark before the unit
        for mark in ("¥", "￥", "rmb", "cny"):
            if key.startswith(mark) and key != mark:
                rest = key[len(mark) :]
                return UNIT_WORD_FACTORS.get(rest) or _MARKED_FACTORS.get(rest)
    return found


def to_decimal(value: object) -> Decimal:
    """An exact Decimal of a number as it was written: floats via their shortest repr."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidOperation("not finite")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidOperation("not finite")
        return value
    raise TypeError(f"not a number: {type(value).__name__}")


def round_yuan(amount: Decimal) -> int:
    """Whole yuan, half a yuan rounding away from zero (the accountant's rule)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_COLUMN_UNITS = {10_000: "万元", 100_000_000: "亿元"}
# 1万亿元: more than any project (a province's whole year of fixed-asset investment is a few 万亿)
NO_PROJECT_YUAN = 1_000_000_000_000


def _two_readings(value: object, number_text: str, column_factor: int, field: str) -> None:
    """ "1.2万" in a column of 万元 reads two ways: 1.2万元 (万 the unit) or 1.2万 × 万元 (万 the
    numeral, 1.2亿元) — ten thousand times apart; never settled by a guess. Unless the numeral's reading
    is beyond any project (“62,968万” under 单位：万元: 6.3万亿元): then 万 only repeats the unit."""
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        return
    if abs(number) * 10_000 * column_factor >= NO_PROJECT_YUAN:
        return
    params = {
        "value": value,
        "unit": _COLUMN_UNITS[column_factor],
        "as_unit": round_yuan(number * 10_000),
        "as_numeral": round_yuan(number * 10_000 * column_factor),
    }
    raise ValidationError(Problem("wan_in_unit_column", field, params))


def parse_money(
    value: object,
    default_factor: int | Unit | None = None,
    *,
    field: str = "planned_investment",
    allow_negative: bool = False,
) -> int:
    """Integer yuan from a cell: a number (in ``default_factor`` units) or text with its own unit.

    "12.5亿" → 1,250,000,000; "3,000万元" → 30,000,000; "1.2e9" with yuan → 1,200,000,000.
    A number with no unit in the text and no ``default_factor`` raises ``unknown_unit``: the caller
    decides whether to ask the user or refuse, it is never guessed here.
    """
    number, factor, stated = _read_money(value, default_factor, field)
    yuan = round_yuan(number * factor)
    if yuan < 0 and not allow_negative:  # said as the cell shows it, in its unit: "-500万元", never "-500.0"
        shown = value.strip() if isinstance(value, str) else format(number.normalize(), "f")
        unit = "" if stated else UNIT_WORDS.get(factor, f"×{factor:,}")
        raise ValidationError(Problem("negative_money", field, {"value": shown + unit}))
    return yuan


def exact_yuan(value: object, default_factor: int | None, field: str = "amount") -> Decimal:
    """The yuan a cell gives before :func:`parse_money` rounds them to the yuan ("1450.00004" in 万元:
    14,500,000.4); refused as parse_money refuses it."""
    number, factor, _stated = _read_money(value, default_factor, field)
    return number * factor


def _read_money(value: object, default_factor: int | Unit | None, field: str) -> tuple[Decimal, int, bool]:
    """The number a cell gives, the factor to yuan it is in, and whether the cell states its unit."""
    if isinstance(default_factor, Unit):
        default_factor = default_factor.factor
    factor: int | None = default_factor
    stated = False  # the text states its unit or currency ("-3万", "-¥500"): said as it is
    if isinstance(value, str):
        check_grouping(value, field)
        text = _SPACES_RE.sub("", value.strip())
        if not text:
            raise ValidationError(Problem("required", field))
        text = text.replace("－", "-").replace("＋", "+").replace("．", ".")
        text = text.translate(_FULLWIDTH_DIGITS)
        if text.endswith("元整"):  # "3000万元整": 整 (exactly), as amounts are written in words on a cheque
            text = text[:-1]
        sign = ""
        if text[:1] in "+-" and text[1:2] in ("¥", "￥"):  # "-¥0.50 mn"
            sign, text = text[0], text[1:]
        for prefix in ("¥", "￥", "RMB", "CNY", "rmb", "cny"):
            if text.startswith(prefix):
                text = text[len(prefix) :]
                factor, stated = factor or 1, True
        text = sign + text
        m = _NUMBER_RE.match(text)
        if not m:
            raise ValidationError(Problem("bad_money", field, {"value": value}))
        number_text, unit_text = m.groups()
        stated = stated or bool(unit_text)
        if unit_text:
            unit_factor = unit_factor_of(unit_text)
            if unit_factor is None:
                raise ValidationError(Problem("bad_money", field, {"value": value}))
            if unit_text == "万" and default_factor in _COLUMN_UNITS:  # "1.2万" in a 万元 column
                _two_readings(value, number_text, default_factor, field)
            factor = unit_factor
        try:
            number = Decimal(number_text)
        except InvalidOperation:
            raise ValidationError(Problem("bad_money", field, {"value": value})) from None
    else:
        try:
            number = to_decimal(value)
        except (TypeError, InvalidOperation):
            raise ValidationError(Problem("bad_money", field, {"value": value})) from None
    if not number.is_finite():  # "NaN", "Infinity": text Decimal accepts, not an amount
        raise ValidationError(Problem("bad_money", field, {"value": value}))
    if factor is None:
        raise ValidationError(Problem("unknown_unit", field, {"value": value}))
    # copy_abs and the comparison are exact: "1e3092023" must not overflow the decimal context
    if number.copy_abs() > Decimal(MAX_MONEY) / factor:
        raise ValidationError(Problem("too_large", field, {"value": value}))
    return number, factor, stated


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_GROUPED_RE = re.compile(r"^\s*[+\-－]?\s*[¥￥]?\s*([0-9０-９][0-9０-９,，]*)")
_THOUSANDS_RE = re.compile(r"^[0-9]{1,3}(?:[,，][0-9]{3})+$")
_LATER_COMMA_RE = re.compile(r"[0-9０-９.．\s]*[,，]\s*[0-9０-９]")  # "1.234,56", "1 234,56" after the first digits


def check_grouping(value: str, field: str) -> None:
    """A comma in a number separates thousands ("3,000.5"); "300,5" — a decimal comma, or a digit
    lost — is refused rather than read as 3005, and so is a comma after the point or a space
    ("1.234,56", "1 234,56": a decimal comma, read as 1.23456 or 123456 before, probe39 M1)."""
    m = _GROUPED_RE.match(value)
    if m is not None and _LATER_COMMA_RE.match(value, m.end()):
        raise ValidationError(Problem("bad_grouping", field, {"value": value}))
    if m is None or not any(c in m.group(1) for c in ",，"):
        return
    digits = m.group(1).translate(_FULLWIDTH_DIGITS).rstrip(",，")
    if not _THOUSANDS_RE.match(digits):
        raise ValidationError(Problem("bad_grouping", field, {"value": value}))


def is_billion_yuan(planned_investment: int) -> bool:
    return planned_investment >= BILLION_YUAN
