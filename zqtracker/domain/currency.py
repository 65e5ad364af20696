"""Amounts in another currency: never stored as yuan without a stated rate.

When a list gives 总投资 in 万美元 and the user states a rate (``--rate USD=7.10``), the project keeps
the yuan amount (integer, rounded half-up to the yuan — the rounding is stated) *and* the amount as
the list gave it, its currency and the rate, so anyone can see where the yuan figure came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.money import MAX_MONEY
from zqtracker.domain.words import Catalogue

# ISO 4217 codes the lists use, with their names. Anything else is refused, not guessed.
_CURRENCIES: dict[str, tuple[str, str]] = {
    "USD": ("US dollars", "美元"),
    "EUR": ("euros", "欧元"),
    "HKD": ("Hong Kong dollars", "港元"),
    "CAD": ("Canadian dollars", "加元"),
    "JPY": ("yen", "日元"),
    "GBP": ("pounds sterling", "英镑"),
    "MOP": ("patacas", "澳门元"),
    "TWD": ("New Taiwan dollars", "新台币"),
    "SGD": ("Singapore dollars", "新加坡元"),
    "KRW": ("won", "韩元"),
    "AUD": ("Australian dollars", "澳元"),
    "CHF": ("Swiss francs", "瑞士法郎"),
}
CURRENCIES = Catalogue("currencies", _CURRENCIES, from_data=True)
# A currency as a unit names it: by its code in English ("USD 10,000"), its name in Chinese (万美元).
IN_UNITS = Catalogue("currency_in_units", {code: (code, zh) for code, (_, zh) in _CURRENCIES.items()}, from_data=True)
# The unit an amount in another currency is written in, by its factor, worded as Unit.label words
# yuan's ("万元" / "¥10,000"): f"unit.{factor}", or unit.other for a factor no word names.
_UNITS: dict[str, tuple[str, str]] = {
    "unit.1": ("{currency}", "{currency}"),
    "unit.1000": ("{currency} 1,000", "千{currency}"),
    "unit.10000": ("{currency} 10,000", "万{currency}"),
    "unit.1000000": ("{currency} 1,000,000", "百万{currency}"),
    "unit.100000000": ("{currency} 100 million", "亿{currency}"),
    "unit.other": ("{currency} {factor}", "{factor}{currency}"),
}
_WORDS: dict[str, tuple[str, str]] = {
    "foreign_amount": ("{code} {amount} at {rate} yuan per {code}", "{amount}{name}（汇率 {rate}）"),
    "rounded": ("{exact} yuan rounded half-up to {yuan} yuan", "{exact}元四舍五入为{yuan}元"),
    **_UNITS,
}
WORDS = Catalogue("currency", _WORDS, composed=("unit.",))
MAX_RATE = Decimal(100_000)  # yuan per unit: far above any currency (1 KRW ≈ 0.005, 1 GBP ≈ 9)
RATE_PLACES = 6  # a rate keeps six decimals (7.123456 yuan per dollar)
ORIGINAL_PLACES = 4  # the original amount keeps four decimals of its currency unit


def currency_name(code: str, lang: str = "en") -> str:
    return CURRENCIES.say(code, lang) if code in CURRENCIES else code


def currency_unit_label(code: str, factor: int | None, lang: str = "en") -> str:
    """The unit an amount in another currency is written in, worded as :meth:`Unit.label` words
    yuan's: "万美元" beside "万元", "USD 10,000" beside "¥10,000", "美元" / "USD"."""
    currency = IN_UNITS.say(code, lang) if code in IN_UNITS else code
    key = f"unit.{factor or 1}"
    if key not in WORDS:
        key = "unit.other"
    return WORDS.say(key, lang, currency=currency, factor=f"{factor or 1:,}")


@dataclass(frozen=True, slots=True)
class ForeignAmount:
    """An amount as the list gave it: ``amount`` units of ``currency`` at ``rate`` yuan per unit."""

    currency: str
    amount: Decimal
    rate: Decimal

    def __post_init__(self) -> None:
        if self.currency not in CURRENCIES:
            raise ValidationError(Problem("unknown_currency", None, {"value": self.currency}))
        if not (0 < self.rate <= MAX_RATE) or self.rate != self.rate.quantize(Decimal(1).scaleb(-RATE_PLACES)):
            raise ValidationError(Problem("bad_rate", None, {"value": str(self.rate), "currency": self.currency}))
        if self.amount < 0:
            raise ValidationError(Problem("negative_money", None, {"value": str(self.amount)}))

    @property
    def yuan(self) -> int:
        return to_yuan(self.amount, self.rate).yuan

    @property
    def rounded(self) -> bool:
        return to_yuan(self.amount, self.rate).rounded

    def label(self, lang: str = "en") -> str:
        """ "US$ 12,345,000 × 7.10" / "12,345,000美元 × 7.10": the amount, currency and rate."""
        amount = plain_number(self.amount, grouped=True)
        rate = plain_number(self.rate)
        name = currency_name(self.currency, lang)
        return WORDS.say("foreign_amount", lang, code=self.currency, amount=amount, rate=rate, name=name)


@dataclass(frozen=True, slots=True)
class Conversion:
    """``yuan``: the amount in integer yuan; ``exact``: the yuan amount before rounding."""

    yuan: int
    exact: Decimal

    @property
    def rounded(self) -> bool:
        return self.exact != self.yuan

    def rounding_note(self, lang: str = "en") -> str:
        """The stated rounding: "" when none took place."""
        if not self.rounded:
            return ""
        exact = plain_number(self.exact, grouped=True)
        yuan = f"{self.yuan:,}"
        return WORDS.say("rounded", lang, exact=exact, yuan=yuan)


def to_yuan(amount: Decimal, rate: Decimal) -> Conversion:
    """``amount`` × ``rate`` in integer yuan, rounded half-up (0.5 yuan up); exact Decimal arithmetic."""
    exact = Decimal(amount) * Decimal(rate)
    yuan = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(yuan) >= MAX_MONEY:
        raise ValidationError(Problem("too_large", "planned_investment", {"value": str(exact)}))
    return Conversion(yuan, exact)


def convert(amount: Decimal, currency: str, rates: dict[str, Decimal]) -> tuple[int, ForeignAmount]:
    """What the import stores for ``amount`` units of ``currency``: (yuan, the kept original).

    ``rates`` maps currency codes to yuan per unit (``--rate USD=7.10``). Without a rate for
    the currency the amount is refused with ``no_rate`` — never counted as yuan.
    """
    code = currency.upper()
    if code not in CURRENCIES:
        raise ValidationError(Problem("unknown_currency", None, {"value": currency}))
    rate = rates.get(code)
    if rate is None:
        raise ValidationError(Problem("no_rate", None, {"currency": code, "value": str(amount)}))
    original = ForeignAmount(code, Decimal(amount).quantize(Decimal(1).scaleb(-ORIGINAL_PLACES)), Decimal(rate))
    if original.amount != Decimal(amount):
        raise ValidationError(Problem("too_precise", None, {"value": str(amount)}))
    return to_yuan(original.amount, original.rate).yuan, original


def parse_rate(text: str) -> tuple[str, Decimal]:
    """``USD=7.10`` → ("USD", Decimal("7.10")) for ``--rate``; a coded problem for anything else."""
    code, sep, value = text.partition("=")
    code = code.strip().upper()
    if not sep or code not in CURRENCIES:
        raise ValidationError(Problem("unknown_currency", None, {"value": text}))
    try:
        rate = Decimal(value.strip())
    except InvalidOperation:
        raise ValidationError(Problem("bad_rate", None, {"value": value, "currency": code})) from None
    if not rate.is_finite() or not (0 < rate <= MAX_RATE) or rate != rate.quantize(Decimal(1).scaleb(-RATE_PLACES)):
        raise ValidationError(Problem("bad_rate", None, {"value": value, "currency": code}))
    return code, rate


def plain_number(value: Decimal, *, grouped: bool = False) -> str:
    """A Decimal as plain digits: no exponent (60, not 6E+1), no trailing zeros after the point."""
    d = Decimal(value)
    text = f"{d:,f}" if grouped else f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
