"""Dates from spreadsheet cells, as precise as the cell: a day, a month, a quarter or a year.

Cells arrive as the reader gives them (io/worker.py): a date as (ordinal,) or (ordinal, seconds),
numbers as float/int, text. What is accepted: Excel dates (1900 and 1904 systems), day numbers,
2023-10-10, 2023/10/10, 2023.10.10, 2023年10月10日, 20231010, 9/30/2026 (month/day/year unless
a day above 12 shows the column writes day/month; a column where no date decides, 03/04/2023 alone,
is read month first with a note, never silently: :func:`order_note`), a month (2023.10, 2023-10,
2023年10月, 202310, 23年10月 — a two-digit year with 年 is 20YY up to five years ahead; 2025年底 is
December 2025), a quarter (2025-Q2, 2025Q2, 2025年二季度), a bare year
(2020, 2020年) — each keeping its precision, never a made-up day. A year first (2023/3/4, as Chinese lists write it) is
never in doubt.

A number between 1900 and 2200 in a date-formatted cell (what a spreadsheet program stores when
someone types 2023.10 into a cell formatted as a date: the number 2023.1, shown as 1905-07-15) is
read as the year.month it was typed as; 2023.1 could be January or October and is refused. A day
number before 1950 ("24.3", 5000) is refused as no date rather than read as 1900–1949.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from zqtracker.domain.errors import Problem, ValidationError

DAY, MONTH, QUARTER, YEAR = "day", "month", "quarter", "year"

_FULL_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[t\s].*)?$")
_MONTH_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?(?:[上中下]旬|底|初|末)?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_QUARTER_RE = re.compile(r"^(\d{4})\s*(?:年度?)?\s*[-/]?\s*(?:q|第)?\s*([1-4一二三四])\s*(?:季度|季|q)?$")
_QUARTER_FIRST_RE = re.compile(r"^q([1-4])\s*[-/ ]?\s*(\d{4})$")
_YEAR_RE = re.compile(r"^(\d{4})\s*(?:年度?|年初|年内)?$")
_YEAR_END_RE = re.compile(r"^(\d{4})\s*年?\s*(?:底|末)$")  # "2025年底": December, a month's precision
SLASH_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[t\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm)?)?$")
_RANGE_SPLIT_RE = re.compile(r"\s*(?:-|—|–|~|～|至|到|—)\s*")
_YEAR_MONTH = r"((?:19|20|21)\d{2}\s*[-.年]\s*\d{1,2}\s*月?)"
_SLASH_RANGE_RE = re.compile(_YEAR_MONTH + r"\s*/\s*" + _YEAR_MONTH)
_SHORT_YEAR_RE = re.compile(r"\d{2}\.\d{1,2}")
# "23年10月", "23年10月8日": a two-digit year with 年 (as 建设年限 writes 23.3-25.12): 20YY up to five years ahead
_SHORT_YEAR_MONTH_RE = re.compile(r"^(\d{2})\s*年\s*(\d{1,2})\s*月(?:份)?(?:\s*(\d{1,2})\s*日)?$")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_EXCEL_EPOCH = date(1899, 12, 30)
# A day number is a date only from this year on: smaller numbers in a date column are something else
# ("24.3" written for 2024年3月 would be 24 January 1900; 5000 an amount typed one column off), and
# no project of a bureau's lists was signed, started or in production before 1950.
EARLIEST_DAY_NUMBER_YEAR = 1950
# How a column writes its slash dates (ColumnInfo.date_order): month first ("9/30/2026", the US
# form), day first ("30/9/2026", settled by a day above 12), or month first assumed because every
# slash date in it reads either way ("03/04/2023"): read as the US form, and said in a note.
MDY, DMY, MDY_ASSUMED = "mdy", "dmy", "mdy?"


def _display(value: object) -> str:
    from zqtracker.io.values import display

    return display(value)


def _bad(code: str, field: str, value: object, **more: object) -> ValidationError:
    return ValidationError(
        Problem(code, field, {"value": value if isinstance(value, str) else _display(value), **more})
    )


def make(y: int, m: int, d: int, value: object, field: str) -> date:
    try:
        result = date(y, m, d)
    except ValueError:
        raise _bad("bad_date", field, value) from None
    if not 1900 <= result.year <= 2200:
        raise ValidationError(Problem("year_out_of_range", field, {"value": result.year}))
    return result


def excel_serial_to_date(serial: float, date1904: bool = False) -> date:
    """Excel's day numbers: 1900 system (with Lotus's phantom 29 Feb 1900) or 1904 system."""
    days = int(serial)
    if date1904:
        return date(1904, 1, 1) + timedelta(days=days)
    if days < 1:
        raise ValueError("before 1900")
    if days < 60:
        return date(1899, 12, 31) + timedelta(days=days)
    if days == 60:
        raise ValueError("29 February 1900 does not exist")
    return date(1899, 12, 30) + timedelta(days=days)


def parse_fuzzy(value: object, field: str, date1904: bool = False, order: str = MDY) -> tuple[date, str]:
    """(the period's first day, its precision) from a cell; raises ValidationError with a coded
    problem for a cell that is no date, or one that could be two (2023.1)."""
    if value.__class__ is tuple:
        d = date.fromordinal(value[0])
        if 1906 < d.year <= 2200:  # the common case: a date cell of this century
            return d, DAY
        serial = (d - (date(1904, 1, 1) if date1904 else _EXCEL_EPOCH)).days
        seconds = value[1] if len(value) > 1 else 0
        if 1900 <= serial <= 2200 and seconds:  # 2023.10 typed into a date-formatted cell (a 1905 date and time)
            typed = round(serial + seconds / 86400, 6)
            return _from_number(typed, field, date1904, text=repr(typed), typed_in_date=True)
        return make(d.year, d.month, d.day, value, field), DAY
    if isinstance(value, bool):
        raise _bad("bad_date", field, value)
    if isinstance(value, (int, float)):
        return _from_number(value, field, date1904)
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    m = _FULL_DATE_RE.match(text)
    if m:
        return make(int(m[1]), int(m[2]), int(m[3]), value, field), DAY
    m = _MONTH_RE.match(text)
    if m:
        if text[4:5] == "." and m[2] == "1" and not text.endswith("月"):  # "2023.1": January or October?
            raise _bad("ambiguous_date", field, value, year=m[1])
        return make(int(m[1]), int(m[2]), 1, value, field), MONTH
    m = _COMPACT_RE.match(text)
    if m:
        return make(int(m[1]), int(m[2]), int(m[3] or 1), value, field), DAY if m[3] else MONTH
    m = _QUARTER_RE.match(text) if ("q" in text or "季" in text) else None
    if m:
        q = _ZH_DIGITS.get(m[2]) or int(m[2])
        return make(int(m[1]), 3 * q - 2, 1, value, field), QUARTER
    m = _QUARTER_FIRST_RE.match(text)
    if m:
        return make(int(m[2]), 3 * int(m[1]) - 2, 1, value, field), QUARTER
    m = _YEAR_RE.match(text)
    if m:
        return make(int(m[1]), 1, 1, value, field), YEAR
    m = _YEAR_END_RE.match(text)
    if m:
        return make(int(m[1]), 12, 1, value, field), MONTH
    m = _SHORT_YEAR_MONTH_RE.match(text)
    if m and int(m[1]) <= date.today().year % 100 + 5:  # (95年10月, or 40年: refused as no date, the cell named)
        return make(2000 + int(m[1]), int(m[2]), int(m[3] or 1), value, field), DAY if m[3] else MONTH
    m = SLASH_DATE_RE.match(text)
    if m:
        first, second = int(m[1]), int(m[2])
        month, day = (second, first) if order == DMY else (first, second)
        if month > 12:
            raise _bad("ambiguous_slash_date", field, value)
        return make(int(m[3]), month, day, value, field), DAY
    try:
        number = float(text)
    except ValueError:
        raise _bad("bad_date", field, value) from None
    return _from_number(number, field, date1904, text=text)


def slash_numbers(value: object) -> tuple[int, int] | None:
    """The first two numbers of a text slash date ("03/04/2023", "25/4/2023 10:30"), else None:
    what tells a column's order (io/evidence.py)."""
    if value.__class__ is not str or ("/" not in value and "／" not in value):  # (NFKC: only these give "/")
        return None
    m = SLASH_DATE_RE.match(unicodedata.normalize("NFKC", str(value)).strip().lower())
    return (int(m[1]), int(m[2])) if m else None


def reads_either_way(value: object) -> bool:
    """A text slash date that is another day read day/month than month/day ("03/04/2023"; not
    "05/05/2023", not "25/04/2023")."""
    numbers = slash_numbers(value)
    return numbers is not None and numbers[0] != numbers[1] and min(numbers) >= 1 and max(numbers) <= 12


def slash_order(values: Iterable[object]) -> str:
    """How a column writes its slash dates, from all of them: :data:`DMY` when a first number above 12
    says day/month and none says otherwise, :data:`MDY_ASSUMED` when every one reads either way
    ("03/04/2023" and "05/06/2023": nothing decides), else :data:`MDY`."""
    day_first = month_first = either = False
    for v in values:
        numbers = slash_numbers(v)
        if numbers is not None:
            day_first |= numbers[0] > 12
            month_first |= numbers[1] > 12
            either |= reads_either_way(v)
    if day_first and not month_first:
        return DMY
    return MDY_ASSUMED if either and not day_first and not month_first else MDY


def order_note(sheet: str, column: str, header: str, values: Sequence[object]) -> Problem | None:
    """The note of a column read month first although no date in it says so (:data:`MDY_ASSUMED`;
    a column the user mapped, never weighed, may even say day/month): its first date that reads either
    way, as read and as day/month would read it. None when a second number above 12 confirms month
    first, or no date reads either way."""
    if slash_order(values) == MDY:
        return None
    for v in values:
        if reads_either_way(v):
            try:
                read, other = parse_fuzzy(v, "", order=MDY)[0], parse_fuzzy(v, "", order=DMY)[0]
            except ValidationError:  # a year out of range: the cell's own problem
                continue
            where = {"sheet": sheet, "column": column, "header": header, "value": str(v).strip()}
            return Problem(
                "note_slash_date_order", None, {**where, "read": read.isoformat(), "other": other.isoformat()}
            )
    return None


def _from_number(
    number: float, field: str, date1904: bool, text: str | None = None, typed_in_date: bool = False
) -> tuple[date, str]:
    shown = text if text is not None else _display(number)
    if number != number or number in (float("inf"), float("-inf")):
        raise _bad("bad_date", field, shown)
    if float(number).is_integer():
        n = int(number)
        if 19000101 <= n <= 22001231:  # 20231010
            return make(n // 10000, n // 100 % 100, n % 100, shown, field), DAY
        if 190001 <= n <= 220012:  # 202310
            return make(n // 100, n % 100, 1, shown, field), MONTH
        if 1900 <= n <= 2200:  # a bare year
            return make(n, 1, 1, shown, field), YEAR
    elif 1900 < number < 2201:  # 2023.10 typed into a number or date cell: "2023.1" is January or October
        digits = (text if text is not None else repr(number)).split(".", 1)[1]
        if len(digits) == 1 and digits == "1":
            raise _bad("ambiguous_date", field, shown, year=int(number))
        if len(digits) in (1, 2):
            return make(int(number), int(digits), 1, shown, field), MONTH
        raise _bad("bad_date", field, shown)
    if typed_in_date:
        raise _bad("bad_date", field, shown)
    try:
        d = excel_serial_to_date(number, date1904)
    except (ValueError, OverflowError):
        raise _bad("bad_date", field, shown) from None
    if d.year < EARLIEST_DAY_NUMBER_YEAR:  # "24.3" (2024年3月 to its writer), an amount in the wrong column
        raise _bad("bad_date", field, shown)
    return make(d.year, d.month, d.day, shown, field), DAY


def parse_range(value: object, field: str, date1904: bool = False) -> tuple[tuple[date, str], tuple[date, str]]:
    """Start and planned completion of 建设年限 / 建设起止年限: "2009-2011", "2009—2011年",
    "2009年至2011年", "2022.3-2024.12", "2023年3月至2025年6月"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        one = parse_fuzzy(value, field, date1904)
        return one, one
    text = unicodedata.normalize("NFKC", _display(value)).strip().lower()
    slashed = _SLASH_RANGE_RE.fullmatch(text)  # "2023-03/2025-12": the slash parts the two months
    parts = list(slashed.groups()) if slashed else [p for p in _RANGE_SPLIT_RE.split(text) if p]
    if len(parts) == 1 and re.fullmatch(r"(?:19|20|21)\d{2}\s*年?", parts[0]):  # "2024", "2024年": within that year
        one = parse_fuzzy(parts[0].rstrip("年 "), field, date1904)
        return one, one
    if len(parts) != 2:
        raise _bad("bad_date_range", field, value)
    if all(_SHORT_YEAR_RE.fullmatch(p) for p in parts):  # "23.3-25.12", "09.1-11.12": two-digit years
        parts = ["20" + p for p in parts]
    first, last = parts
    if last.endswith("年") and re.fullmatch(r"\d{4}", first):
        last = last[:-1]
    return parse_fuzzy(first, field, date1904), parse_fuzzy(last, field, date1904)
