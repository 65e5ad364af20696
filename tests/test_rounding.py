"""A value a spreadsheet program rounded is told from a real change (worked out by hand)."""

from __future__ import annotations

from decimal import Decimal

from zqtracker.domain.rounding import money_rounded_places, rounded_places, shown_places

YI, WAN = 100_000_000, 10_000


def test_money_rounded_to_what_a_cell_showed() -> None:
    stored = 1_234_567_891  # 12.34567891亿元
    assert money_rounded_places(Decimal("12.35"), YI, stored) == 2
    assert money_rounded_places(Decimal("12.3"), YI, stored) == 1
    assert money_rounded_places(Decimal("12"), YI, stored) == 0
    assert money_rounded_places(Decimal("123456.79"), WAN, stored) == 2  # 123,456.7891万元
    assert money_rounded_places(Decimal("12.34567891"), YI, stored) is None  # exact: nothing lost
    assert money_rounded_places(Decimal("12.36"), YI, stored) is None  # a real change
    assert money_rounded_places(Decimal("12.34"), YI, stored) is None  # truncated is not rounded
    assert money_rounded_places(Decimal("12.345678"), YI, stored) is None  # …791 rounds to …79, not …78
    assert money_rounded_places(Decimal("0.88"), YI, 87_649_500) == 2  # 0.876495 → 0.88
    assert money_rounded_places(Decimal("0"), YI, 19) == 0  # 0.00000019亿 shown as 0.00


def test_half_way_values_round_either_way_programs_do() -> None:
    assert rounded_places(Decimal("2.13"), Decimal("2.125")) == 2  # half up (Excel, WPS, Calc)
    assert rounded_places(Decimal("2.12"), Decimal("2.125")) == 2  # half even (some CSV writers)
    assert rounded_places(Decimal("60"), Decimal("60.0000")) is None  # equal
    assert rounded_places(Decimal("12.35"), Decimal("12.3")) is None  # more digits than stored: a change


def test_a_cell_is_judged_at_the_decimals_its_column_shows() -> None:
    """probe33b F1: 1.2 typed over 1.23456789 in a column whose unchanged amounts show eight decimals is a
    change; in a column showing one (or none beyond its own) it is the stored amount rounded."""
    stored = 123_456_789  # 1.23456789亿元
    assert money_rounded_places(Decimal("1.2"), YI, stored) == 1
    assert money_rounded_places(Decimal("1.2"), YI, stored, 1) == 1
    assert money_rounded_places(Decimal("1.2"), YI, stored, 8) is None
    assert money_rounded_places(Decimal("1.23"), YI, stored, 2) == 2
    assert money_rounded_places(Decimal("1.2"), YI, stored, 2) is None  # 1.20 is not 1.23
    same = [(120_000_000, 120_000_000), (123_456_789, 123_456_789), (None, 5)]
    assert shown_places(same, YI) == 8  # stored amounts brought back with eight decimals
    assert shown_places([(123_456_789, 120_000_000), (1_235_000_000, 1_235_000_000)], YI) == 2  # changed: not counted
    assert shown_places([(7_503_500, 7_503_500)], WAN) == 2 and shown_places([(7_503_500, 7_500_000)], WAN) == 0
    assert shown_places([(10_000, 10_000), (0, 0)], WAN) == 0 and shown_places([(1, 1)], YI) == 8
    assert shown_places([], YI) == 0
