"""Dates as precise as the list that gave them: a day, a month, a quarter or a year.

A list that says a project starts in "2025年二季度" or produces in "2020" knows no day. The date is
stored as the period's first day *and* its precision, and shown, exported and read back at that
precision ("2025-Q2", "2020"), so a made-up 1 April or 1 January never appears as a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from zqtracker.domain.months import calendar_text
from zqtracker.domain.words import Catalogue


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    def label(self, lang: str = "en") -> str:
        return _PRECISION_LABELS.say(self, lang)


_PRECISION_LABELS = Catalogue(
    "date_precisions",
    {
        DatePrecision.DAY: ("day", "日"),
        DatePrecision.MONTH: ("month", "月"),
        DatePrecision.QUARTER: ("quarter", "季度"),
        DatePrecision.YEAR: ("year", "年"),
    },
)

# The three project dates and the field holding each one's precision.
DATE_FIELDS: tuple[str, ...] = ("signed_on", "construction_start_on", "production_on")
PRECISION_FIELDS: dict[str, str] = {name: f"{name}_precision" for name in DATE_FIELDS}

_QUARTER_ZH = ("一", "二", "三", "四")
_DATE_WORDS = Catalogue(
    "fuzzy_dates",
    {"quarter": ("Q{quarter} {year}", "{year}年{nth}季度"), "year": ("{year}", "{year}年")},
)


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to ``precision``; ``day`` is always the first day of that period."""

    day: date
    precision: DatePrecision = DatePrecision.DAY

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", period_start(self.day, self.precision))

    @classmethod
    def of(cls, day: date | None, precision: DatePrecision | str | None) -> FuzzyDate | None:
        if day is None:
            return None
        return cls(day, DatePrecision(precision or DatePrecision.DAY))

    @property
    def quarter(self) -> int:
        return (self.day.month - 1) // 3 + 1

    def iso(self) -> str:
        """The canonical text: 2025-04-03, 2025-04, 2025-Q2, 2025 (what :func:`parse_iso` reads)."""
        d, p = self.day, self.precision
        if p is DatePrecision.DAY:
            return d.isoformat()
        if p is DatePrecision.MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if p is DatePrecision.QUARTER:
            return f"{d.year:04d}-Q{self.quarter}"
        return f"{d.year:04d}"

    def label(self, lang: str = "en", day_text: str | None = None) -> str:
        """How the date is shown: "2025年二季度" / "Q2 2025", "2020年" / "2020", "2023年10月" / "Oct 2023".

        ``day_text``: the caller's own rendering of a full date (locale conventions), used at
        day precision; else ISO.
        """
        d, p = self.day, self.precision
        if p is DatePrecision.DAY:
            return day_text if day_text is not None else d.isoformat()
        if p is DatePrecision.MONTH:
            return calendar_text("month_abbr_year", lang, month=d.month, year=d.year)
        if p is DatePrecision.QUARTER:
            return _DATE_WORDS.say(
                "quarter", lang, year=d.year, quarter=self.quarter, nth=_QUARTER_ZH[self.quarter - 1]
            )
        return _DATE_WORDS.say("year", lang, year=d.year)


def period_start(d: date, precision: DatePrecision) -> date:
    """The first day of the period of ``precision`` that holds ``d``."""
    if precision is DatePrecision.MONTH:
        return d.replace(day=1)
    if precision is DatePrecision.QUARTER:
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if precision is DatePrecision.YEAR:
        return date(d.year, 1, 1)
    return d


def period_end(d: date, precision: DatePrecision) -> date:
    """The last day of the period of ``precision`` that holds ``d``."""
    start = period_start(d, precision)
    if precision is DatePrecision.DAY:
        return d
    months = {DatePrecision.MONTH: 1, DatePrecision.QUARTER: 3, DatePrecision.YEAR: 12}[precision]
    index = start.year * 12 + start.month - 1 + months
    return date.fromordinal(date(index // 12, index % 12 + 1, 1).toordinal() - 1)


_ISO = re.compile(r"^\s*(\d{4})(?:-(?:(\d{1,2})(?:-(\d{1,2}))?|[Qq]([1-4])))?\s*$")


def parse_iso(text: str) -> FuzzyDate | None:
    """Reads :meth:`FuzzyDate.iso` back (2025-04-03, 2025-04, 2025-Q2, 2025); None for anything else.

    Our own exports write dates of month, quarter or year precision this way, and the import reads
    them with this function, so a round trip keeps the precision.
    """
    m = _ISO.match(text)
    if m is None:
        return None
    year, month, day, quarter = m.groups()
    try:
        if quarter:
            return FuzzyDate(date(int(year), (int(quarter) - 1) * 3 + 1, 1), DatePrecision.QUARTER)
        if day:
            return FuzzyDate(date(int(year), int(month), int(day)), DatePrecision.DAY)
        if month:
            return FuzzyDate(date(int(year), int(month), 1), DatePrecision.MONTH)
        return FuzzyDate(date(int(year), 1, 1), DatePrecision.YEAR)
    except ValueError:
        return None
