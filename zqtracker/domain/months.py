"""Months and periods in words, English and 简体中文 ("October 2023" / "2023年10月"). The English
names are fixed here rather than taken from the ``calendar`` module, whose names follow the
process's locale; every layer words a month or a year-to-date span through :func:`calendar_text`."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# {month} is the month's number; English names it instead ({month_name} / {month_abbr}).
_CALENDAR: dict[str, tuple[str, str]] = {
    "month": ("{month_abbr}", "{month}月"),
    "month_year": ("{month_name} {year}", "{year}年{month}月"),
    "month_abbr_year": ("{month_abbr} {year}", "{year}年{month}月"),
    "month_numbers": ("{year}-{month:02d}", "{year}年{month}月"),
    "day_long": ("{day} {month_name} {year}", "{year}年{month}月{day}日"),
    "day_numbers": ("{year}-{month:02d}-{day:02d}", "{year}年{month}月{day}日"),
    # a year to date: January through {month}
    "ytd_span": ("Jan–{month_abbr}", "1–{month}月"),
    "ytd_span_long": ("January–{month_name} {year}", "{year}年1–{month}月"),
    "ytd_span_year": ("Jan–{month_abbr} {year}", "{year}年1–{month}月"),
    "january": ("Jan", "1月"),
    "january_long": ("January {year}", "{year}年1月"),
    "january_year": ("Jan {year}", "{year}年1月"),
    # the months a cumulative figure covers: "Mar–Aug" / "3–8月"
    "span": ("{first_abbr}–{month_abbr}", "{first}–{month}月"),
    "span_year": ("{first_abbr}–{month_abbr} {year}", "{year}年{first}–{month}月"),
}
CALENDAR = Catalogue("calendar", _CALENDAR)


def calendar_text(key: str, lang: str, *, month: int, **params: object) -> str:
    """A month or span in words: ``calendar_text("month_year", lang, month=10, year=2023)``."""
    names = {"month_name": MONTH_NAMES_EN[month - 1], "month_abbr": MONTH_ABBREVIATIONS_EN[month - 1]}
    return CALENDAR.say(key, lang, month=month, **names, **params)


def ytd_span(through: int, lang: str, year: int | None = None, *, long: bool = False) -> str:
    """January through ``through``: "Jan–Sep" / "1–9月", with a year "Jan–Sep 2023" / "2023年1–9月"
    (``long``: "January–September 2023"); a single month: "Jan", "1月", "Jan 2023", "2023年1月"."""
    if year is None:
        key = "ytd_span" if through > 1 else "january"
    elif long:
        key = "ytd_span_long" if through > 1 else "january_long"
    else:
        key = "ytd_span_year" if through > 1 else "january_year"
    return calendar_text(key, lang, month=through, year=year)
