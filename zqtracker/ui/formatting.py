"""Money, dates and numbers as the user's locale writes them, cached for a 100k-row table.

Money follows domain.money_format: 亿元 with two decimals and 万元 whole in Chinese, "¥ bn" and
"¥ mn" with two in English, rounded half-up — or every digit with the "show every digit"
preference (``exact``). The exact figure is always one tooltip away (:meth:`yuan`), and what an
edit field shows is exact whatever the preference (:meth:`edit_text`). Separators and dates come
from the default QLocale, which follows the interface language (translations.py).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale

from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat


class Formatter:
    """Formats values for display; one per (locale, unit, exactness), its caches cleared by
    replacing it."""

    def __init__(self, unit: Unit = Unit.YI, locale: QLocale | None = None, *, exact: bool = False) -> None:
        self.unit = unit
        self.exact = exact
        self.locale = locale or QLocale()
        self.lang = "zh" if self.locale.language() == QLocale.Language.Chinese else "en"
        self.money_format = MoneyFormat(unit, self.lang, exact)
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

    @property
    def factor(self) -> int:
        """Yuan per unit shown: what a number typed in a money field is multiplied by."""
        return self.money_format.factor

    @property
    def unit_label(self) -> str:
        return self.money_format.label

    def header(self, text: str) -> str:
        """A money column's header with its unit: "计划总投资（亿元）", "Planned investment (¥ bn)"."""
        return self.money_format.header(text)

    def _format(self, unit: Unit | None, lang: str | None) -> MoneyFormat:
        if (unit is None or unit is self.unit) and (lang is None or lang[:2] == self.lang):
            return self.money_format
        return MoneyFormat(unit or self.unit, lang or self.lang, self.exact)

    def money(self, yuan: int | None, unit: Unit | None = None) -> str:
        """The figure alone, for a column whose header names the unit."""
        return "" if yuan is None else self._localize(self._format(unit, None).number(yuan))

    def money_with_unit(self, yuan: int | None, unit: Unit | None = None, lang: str | None = None) -> str:
        """ "1,209.00亿元", "¥120.900 bn"."""
        return "" if yuan is None else self._localize(self._format(unit, lang).text(yuan))

    def edit_text(self, yuan: int | None) -> str:
        """Every digit, without grouping, in the shown unit: what a user would type back."""
        if yuan is None:
            return ""
        return MoneyFormat(self.unit, self.lang, exact=True).number(yuan, grouping=False)  # parse_money reads "."

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
        # PySide6 converts a Python datetime to QDateTime; its stubs list no such overload.
        return self.locale.toString(QDateTime(dt), QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]

    @property
    def date_format(self) -> str:
        return self._date_format
