"""Up and Down in the editor's date field: the part of the date under the cursor steps (day, month or
year), as in a QDateEdit, and a date known only to a month, quarter or year steps by that much.

The field is a line edit (ui/date_field.py says why); its text is in the locale's short format
(2023/3/5, 3/5/2023), so the cursor's part is found by the format's sections in order.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from zqtracker.domain.fuzzy_dates import DatePrecision

DAY, MONTH, YEAR = "day", "month", "year"
_SECTION_RE = re.compile(r"y+|M+|d+")  # the format's year, month and day, in their order
_PART_RE = re.compile(r"[0-9A-Za-z]+")  # the text's numbers (and month names: "Mar")
_KIND = {"y": YEAR, "M": MONTH, "d": DAY}
# a date known to less than a day steps by its own unit wherever the cursor is short of the year
_COARSE = {DatePrecision.MONTH: MONTH, DatePrecision.QUARTER: "quarter", DatePrecision.YEAR: YEAR}


def part_at(text: str, display_format: str, cursor: int) -> str | None:
    """The part of ``text`` (a date shown in ``display_format``) the cursor is in or just after; None
    where the text does not have the format's parts (typed in another form)."""
    kinds = [_KIND[m.group()[0]] for m in _SECTION_RE.finditer(display_format)]
    parts = list(_PART_RE.finditer(text))
    if len(parts) != len(kinds):
        return None
    for kind, part in zip(kinds, parts, strict=True):
        if part.start() <= cursor <= part.end():
            return kind
    return None


def part_span(text: str, display_format: str, kind: str) -> tuple[int, int] | None:
    """Where the ``kind`` part is in ``text`` (to keep the cursor on the part stepped)."""
    kinds = [_KIND[m.group()[0]] for m in _SECTION_RE.finditer(display_format)]
    parts = list(_PART_RE.finditer(text))
    if len(parts) != len(kinds) or kind not in kinds:
        return None
    part = parts[kinds.index(kind)]
    return part.start(), part.end()


def step(day: date, part: str | None, precision: DatePrecision, steps: int) -> date:
    """``day`` moved ``steps`` of the cursor's ``part`` (None: the day); a date known only to a month,
    quarter or year moves by that unit unless the cursor is on the year (a day past the new month's
    last is its last: 31 January + 1 month is 28 or 29 February)."""
    unit = part or DAY
    coarse = _COARSE.get(precision)
    if coarse is not None and unit != YEAR:
        unit = coarse
    if unit == DAY:
        return day + timedelta(days=steps)
    months = {MONTH: 1, "quarter": 3, YEAR: 12}[unit] * steps
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        return day
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
