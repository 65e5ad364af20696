"""Foreign-currency amounts and dates of month/quarter/year precision: domain and storage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zqtracker.domain.currency import ForeignAmount, convert, parse_rate, plain_number, to_yuan
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate, parse_iso
from zqtracker.domain.models import Project
from zqtracker.services.context import AppContext


def test_conversion_is_exact_and_its_rounding_stated() -> None:
    # 1,234.5万美元 at 7.10: 12,345,000 × 7.10 = 87,649,500 yuan exactly
    yuan, original = convert(Decimal("12345000"), "usd", {"USD": Decimal("7.10")})
    assert (yuan, original) == (87_649_500, ForeignAmount("USD", Decimal("12345000"), Decimal("7.10")))
    assert not to_yuan(original.amount, original.rate).rounded
    c = to_yuan(Decimal("0.5"), Decimal("7.123457"))  # 3.5617285 yuan
    assert (c.yuan, c.rounded) == (4, True)
    assert c.rounding_note("en") == "3.5617285 yuan rounded half-up to 4 yuan"
    assert c.rounding_note("zh") == "3.5617285元四舍五入为4元"
    assert to_yuan(Decimal("1"), Decimal("2.5")).yuan == 3  # half-up, not banker's


def test_no_rate_no_yuan() -> None:
    with pytest.raises(ValidationError) as caught:
        convert(Decimal(100), "EUR", {"USD": Decimal("7.1")})
    assert caught.value.problems[0].code == "no_rate"
    assert "--rate EUR=" in caught.value.problems[0].message("en")
    for bad in ("USD=0", "USD=-1", "USD=abc", "XYZ=1", "USD=7.1234567", "USD"):
        with pytest.raises(ValidationError):
            parse_rate(bad)
    assert parse_rate(" usd = 7.10 ") == ("USD", Decimal("7.10"))


def test_labels_and_plain_numbers() -> None:
    f = ForeignAmount("USD", Decimal("12345000"), Decimal("7.1"))
    assert f.label("en") == "USD 12,345,000 at 7.1 yuan per USD"
    assert f.label("zh") == "12,345,000美元（汇率 7.1）"
    assert plain_number(Decimal("6E+1")) == "60"
    assert plain_number(Decimal("60.5000")) == "60.5"


def test_fuzzy_dates_show_and_read_back_at_their_precision() -> None:
    q = FuzzyDate(date(2025, 5, 17), DatePrecision.QUARTER)
    assert q.day == date(2025, 4, 1)
    assert (q.iso(), q.label("en"), q.label("zh")) == ("2025-Q2", "Q2 2025", "2025年二季度")
    y = FuzzyDate(date(2020, 7, 1), DatePrecision.YEAR)
    assert (y.iso(), y.label("en"), y.label("zh")) == ("2020", "2020", "2020年")
    m = FuzzyDate(date(2023, 10, 9), DatePrecision.MONTH)
    assert (m.iso(), m.label("en"), m.label("zh")) == ("2023-10", "Oct 2023", "2023年10月")
    d = FuzzyDate(date(2023, 10, 9))
    assert (d.iso(), d.label("zh", "2023/10/9")) == ("2023-10-09", "2023/10/9")
    for value in (q, y, m, d):
        assert parse_iso(value.iso()) == value
    assert parse_iso("2023-13") is None and parse_iso("tomorrow") is None


def test_figures_are_stored_and_read_back(ctx: AppContext) -> None:
    p = ctx.projects.create(
        Project("外资项目", "新型储能", "高要区", planned_investment=87_649_500, signed_on=date(2025, 4, 1),
                signed_on_precision=DatePrecision.QUARTER, production_on=date(2020, 1, 1),
                production_on_precision=DatePrecision.YEAR, since_start_amount=12_000_000, since_start_year=2023,
                since_start_month=10, planned_foreign=ForeignAmount("USD", Decimal("12345000"), Decimal("7.1")))
    )  # fmt: skip
    back = ctx.projects.get(p.id)
    assert back.fuzzy("signed_on") == FuzzyDate(date(2025, 4, 1), DatePrecision.QUARTER)
    assert back.fuzzy("production_on") == FuzzyDate(date(2020, 1, 1), DatePrecision.YEAR)
    assert back.fuzzy("construction_start_on") is None
    assert (back.since_start_amount, back.since_start_year, back.since_start_month) == (12_000_000, 2023, 10)
    assert back.planned_foreign == ForeignAmount("USD", Decimal("12345000"), Decimal("7.1"))
    back.planned_foreign = None
    back.signed_on_precision = DatePrecision.DAY
    ctx.projects.update(back)
    again = ctx.projects.get(p.id)
    assert again.planned_foreign is None and again.signed_on_precision is DatePrecision.DAY


def test_a_foreign_amount_unit_is_worded_as_the_yuan_units_are() -> None:
    """The import preview's "(万美元)" header comes from Unit.label, as "（万元）" does."""
    from zqtracker.domain.currency import currency_unit_label
    from zqtracker.domain.money import Unit

    assert [currency_unit_label("USD", u.factor, "zh") for u in Unit] == ["美元", "万美元", "亿美元"]
    assert [currency_unit_label("USD", u.factor, "en") for u in Unit] == ["USD", "USD 10,000", "USD 100 million"]
    assert currency_unit_label("EUR", None, "zh") == "欧元"
    assert currency_unit_label("HKD", 1_000_000, "zh") == "百万港元"
    assert currency_unit_label("USD", 1_000, "en") == "USD 1,000"
