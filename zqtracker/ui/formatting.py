"""Money, dates and numbers as the user's locale writes them, cached for a 100k-row table.

Money is shown exactly: a fixed number of decimals per unit (亿元 4, 万元 2, so that columns line
up), and more when an amount needs them — never a rounded figure. Separators and dates come from
the default QLocale, which follows the interface language (translations.py).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale

from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money import Unit, in_unit

# Decimals always shown, and the most a unit can need to be exact to the yuan.
MIN_DECIMALS = {Unit.YUAN: 0, Unit.WAN: 2, Unit.YI: 4}
EXACT_DECIMALS = {Unit.YUAN: 0, Unit.WAN: 4, Unit.YI: 8}


def exact_decimals(yuan: int, unit: Unit) -> int:
    """Decimals needed to show ``yuan`` in ``unit`` exactly, at least the unit's usual number."""
    needed = EXACT_DECIMALS[unit]
    while needed > MIN_DECIMALS[unit] and yuan % (unit.factor // 10 ** (needed - 1)) == 0:
        needed -= 1
    return needed


class Formatter:
    """Formats values for display; one per (locale, unit), its caches cleared by replacing it."""

    def __init__(self, unit: Unit = Unit.YI, locale: QLocale | None = None) -> None:
        self.unit = unit
        self.locale = locale or QLocale()
        self._group = self.locale.groupSeparator() or ","
        self._point = self.locale.decimalPoint() or "."
        fmt = self.locale.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in fmt:
            fmt = fmt.replace("yy", "yyyy")
        self._date_format = fmt
        self._dates: dict[date, str] = {}

    # -- numbers ---------------------------------------------------------------------------
    def _localize(self, text: str) -> str:
        """Python's "1,234.5" in the locale's separators."""
        if self._group == "," and self._point == ".":
            return text
        return text.replace(",", "\0").replace(".", self._point).replace("\0", self._group)

    def money(self, yuan: int | None, unit: Unit | None = None) -> str:
        if yuan is None:
            return ""
        unit = unit or self.unit
        decimals = exact_decimals(yuan, unit)
        value = in_unit(yuan, unit)
        return self._localize(f"{value:,.{decimals}f}")

    def money_with_unit(self, yuan: int | None, unit: Unit | None = None, lang: str = "en") -> str:
        if yuan is None:
            return ""
        unit = unit or self.unit
        sep = "" if lang.startswith("zh") else " "
        return f"{self.money(yuan, unit)}{sep}{unit.label(lang)}"

    def money_rounded(self, yuan: int | None, decimals: int = 2, lang: str = "en") -> str:
        """A total for reading at a glance (status bar), with its unit; the exact figure goes in a
        tooltip (:meth:`yuan`)."""
        if yuan is None:
            return ""
        from decimal import ROUND_HALF_UP

        value = in_unit(yuan, self.unit).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        sep = "" if lang.startswith("zh") else " "
        return f"{self._localize(f'{value:,.{decimals}f}')}{sep}{self.unit.label(lang)}"

    def yuan(self, yuan: int | None) -> str:
        """Exact integer yuan with grouping (tooltips, detail views)."""
        return "" if yuan is None else self._localize(f"{yuan:,}")

    def integer(self, n: int) -> str:
        return self._localize(f"{n:,}")

    def decimal(self, value: Decimal | None, decimals: int | None = None) -> str:
        if value is None:
            return ""
        text = f"{value.normalize():,f}" if decimals is None else f"{value:,.{decimals}f}"
        return self._localize(text)

    def percent(self, value: Decimal | float | None, decimals: int = 1) -> str:
        return "" if value is None else self._localize(f"{value:,.{decimals}f}") + "%"

    # -- dates -----------------------------------------------------------------------------
    def date(self, d: date | None) -> str:
        if d is None:
            return ""
        text = self._dates.get(d)
        if text is None:
            text = self._dates[d] = self.locale.toString(QDate(d.year, d.month, d.day), self._date_format)
        return text

    def fuzzy_date(self, d: FuzzyDate | None, lang: str) -> str:
        """A date at its precision: a day in the locale's format, else "2025年二季度" / "Q2 2025"."""
        if d is None:
            return ""
        if d.precision is DatePrecision.DAY:
            return self.date(d.day)
        return d.label(lang)

    def datetime(self, dt: datetime | None) -> str:
        if dt is None:
            return ""
        return self.locale.toString(QDateTime(dt), QLocale.FormatType.ShortFormat)

    @property
    def date_format(self) -> str:
        return self._date_format
