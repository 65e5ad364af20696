"""What a value becomes in a cell: exact money, real Excel dates, text that stays text.

Money is written as the exact amount *in the header's unit* (a full-precision double: 1 yuan is
0.00000001 in a 亿元 column), and the number format only rounds what is shown. Import multiplies
by the header's unit and rounds to the yuan, so the integer comes back exactly: below 10^14 yuan
the double and the 16 significant digits XlsxWriter prints stay within 0.1 yuan of the amount
(relative error under 1e-15), and in practice give back the very decimal. Larger amounts — and
any decimal with more than 15 significant digits — are written as exact decimal text, which import
reads with Decimal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

# Amounts (yuan) from here on are written as exact text, not as a double.
EXACT_MONEY_LIMIT = 10**14
EXACT_DIGITS = 15

# Excel's 1900 date system counts from 1899-12-30 (its fictitious 29 Feb 1900 makes every date
# before 1 March 1900 off by one, so those are written as ISO text instead).
EXCEL_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()
FIRST_SERIAL_DATE = date(1900, 3, 1)

# First characters that make a spreadsheet treat typed text as a formula (OWASP CSV-injection
# guidance: = + - @ tab CR; full-width forms too, which East-Asian input methods produce). Text
# starting with one is written with Excel's quote prefix: the value is unchanged, but it stays
# text when someone edits the cell.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n＝＋－＠")


def excel_serial(day: date) -> int | None:
    """The Excel serial number of a date, or None before 1 March 1900 (write those as text)."""
    if day < FIRST_SERIAL_DATE:
        return None
    return day.toordinal() - EXCEL_EPOCH_ORDINAL


def money_in_unit(yuan: int, factor: int) -> float | None:
    """The amount in the unit as a double that converts back to exactly ``yuan``, or None when
    it is too large for that guarantee (write :func:`exact_text` instead)."""
    if -EXACT_MONEY_LIMIT < yuan < EXACT_MONEY_LIMIT:
        return yuan / factor
    return None


def exact_text(yuan: int, factor: int) -> str:
    """The exact amount in the unit as plain decimal text ("12345678.90123456")."""
    value = Decimal(yuan) / Decimal(factor) if factor != 1 else Decimal(yuan)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent_cell(pct: float) -> float:
    """A percentage from stats (one decimal: 72.9) as the fraction a percent-formatted cell holds,
    the double nearest 0.729 — not 72.9 / 100, which is 0.7290000000000001 (probe37b F5)."""
    return float(Decimal(repr(pct)) / 100)


def decimal_cell(value: Decimal) -> float | str:
    """A Decimal as a double when that is exact (≤ 15 significant digits), else as text."""
    digits = value.as_tuple().digits
    if len(digits) <= EXACT_DIGITS:
        return float(value)
    return f"{value.normalize():f}"


def display_width(text: str) -> int:
    """Column width a text needs in character units: CJK characters count twice.

    (UTF-8 bytes + characters) / 2 gives 1 for ASCII and 2 for CJK (3 bytes) with one C-level
    encode, cheap enough for every cell of 100k rows.
    """
    if "\n" in text:
        return max(display_width(line) for line in text.split("\n"))
    return (len(text.encode("utf-8")) + len(text)) // 2
