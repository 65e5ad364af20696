"""Month headers written in English: "Jan", "January 2025", "Jan. 2025", "Sept 2025", "2025 Jan",
"Jan-2025" — and "Jan-25", "Jan 25", what a date header formatted mmm-yy (Excel's default display of
a month) shows once the sheet is saved as CSV. Two-digit years 00–69 are 2000–2069, 70–99 the 1900s
(as Python's %y reads them). A two-digit number *before* the name ("25-Jan") is a day (Excel's
d-mmm), never a year, and so is one after a full name ("March 25": the 25th); only the three- or
four-letter names take one, as mmm-yy shows them. Headers arrive folded (io/values.fold: no
spaces), so "Jan 25" is "jan25".
"""

from __future__ import annotations

import re

_NAMED_RE = re.compile(r"^(?:([a-z]{3,9})\.?[\s\-/,]*(?:(\d{4})|(\d{2}))|(\d{4})[\s\-/,]*([a-z]{3,9})\.?)$")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")  # fmt: skip


def named_month(text: str, default_year: int | None) -> tuple[int | None, int] | None:
    """(year, month) of a folded (lower-case) header naming a month in English, or None."""
    for i, name in enumerate(MONTH_NAMES, start=1):
        if text in (name, name[:3]):
            return default_year, i
    m = _NAMED_RE.match(text)
    if m is None:
        return None
    name, digits = (m[1], m[2] or m[3]) if m[1] else (m[5], m[4])
    year = int(digits) if len(digits) == 4 else int(digits) + (2000 if int(digits) < 70 else 1900)
    i = next((i for i, n in enumerate(MONTH_NAMES, start=1) if n.startswith(name) and len(name) >= 3), 0)
    if i and 1900 <= year <= 2200 and ((name == MONTH_NAMES[i - 1] and len(digits) == 4) or len(name) <= 4):
        return year, i
    return None
