"""Amounts as a person reads them (domain.money_format): the usual decimals, the exact figure on
request, English in ¥ bn / ¥ mn, changes never hidden by rounding — property-tested."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zqtracker.domain.money import MAX_MONEY, Unit, parse_money, unit_factor_of
from zqtracker.domain.money_format import MoneyFormat

amounts = st.integers(min_value=0, max_value=10**15)
signed_amounts = st.integers(min_value=-(10**15), max_value=10**15)
units = st.sampled_from([Unit.YI, Unit.WAN])
langs = st.sampled_from(["en", "zh"])
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    ("unit", "lang", "yuan", "text"),
    [
        (Unit.YI, "zh", 120_900_000_000, "1,209.00亿元"),
        (Unit.YI, "zh", 2_720_000_000, "27.20亿元"),  # not 27.2000
        (Unit.YI, "zh", 7_813_560, "0.08亿元"),  # not 0.0781356
        (Unit.WAN, "zh", 120_900_000_000, "12,090,000万元"),
        (Unit.WAN, "zh", 68_545_000, "6,855万元"),  # half up
        (Unit.YI, "en", 120_900_000_000, "¥120.900 bn"),  # not "1,209.00 100m yuan"
        (Unit.WAN, "en", 3_000_500_000, "¥3,000.50 mn"),
        (Unit.WAN, "en", 68_540_000, "¥68.54 mn"),
        (Unit.YI, "en", 0, "¥0.000 bn"),
        (Unit.YI, "en", 68_540_000, "¥0.069 bn"),  # as precise as 0.69亿元
        (Unit.WAN, "en", -500_000, "-¥0.50 mn"),
    ],
)
def test_usual_texts(unit: Unit, lang: str, yuan: int, text: str) -> None:
    assert MoneyFormat(unit, lang).text(yuan) == text


def test_every_digit_on_request_and_the_exact_figure_for_tooltips() -> None:
    assert MoneyFormat(Unit.YI, "zh", exact=True).text(7_813_560) == "0.0781356亿元"
    assert MoneyFormat(Unit.YI, "zh", exact=True).text(2_720_000_000) == "27.20亿元"  # at least the usual
    assert MoneyFormat(Unit.YI, "en", exact=True).text(68_540_001) == "¥0.068540001 bn"
    assert MoneyFormat(Unit.WAN, "zh", exact=True).text(68_540_001) == "6,854.0001万元"
    assert MoneyFormat(Unit.YI, "zh").exact_text(68_540_000) == "68,540,000元"
    assert MoneyFormat(Unit.YI, "en").exact_text(68_540_000) == "¥68,540,000"


def test_headers_and_choices() -> None:
    assert MoneyFormat(Unit.YI, "zh").header("计划总投资") == "计划总投资（亿元）"
    assert MoneyFormat(Unit.YI, "en").header("Planned investment") == "Planned investment (¥ bn)"
    assert MoneyFormat(Unit.WAN, "en").choice() == "¥ mn (万元)"
    assert MoneyFormat(Unit.YI, "zh").excel_format() == "#,##0.00######"  # every digit down to the yuan
    assert MoneyFormat(Unit.WAN, "zh").excel_format() == "#,##0.00##"
    assert MoneyFormat(Unit.YI, "en").excel_format() == "#,##0.00#######"


def test_a_change_is_shown_with_the_decimals_it_needs() -> None:
    f = MoneyFormat(Unit.YI, "zh")
    assert f.change(1_200_000_000, 1_210_000_000) == ("12.00亿元", "12.10亿元")
    assert f.change(1_200_000_000, 1_200_100_000) == ("12.000亿元", "12.001亿元")  # 10万: once "12.00 → 12.00"
    assert f.change(1_200_000_000, 1_200_000_001) == ("12.00000000亿元", "12.00000001亿元")
    assert f.change(None, 1_200_000_000) == ("", "12.00亿元")


@given(amounts, units, langs, st.booleans())
def test_what_is_shown_reads_back_to_the_amount_within_half_its_last_digit(
    yuan: int, unit: Unit, lang: str, exact: bool
) -> None:
    f = MoneyFormat(unit, lang, exact)
    text = f.text(yuan)
    back = parse_money(text)
    step = Decimal(f.factor) / Decimal(10) ** f.decimals_for(yuan)
    assert abs(back - yuan) <= step / 2
    if exact:
        assert back == yuan  # every digit: exactly the amount
    assert f.is_rounded(yuan) == (back != yuan)


@given(signed_amounts, units, langs)
def test_negative_amounts_read_back(yuan: int, unit: Unit, lang: str) -> None:
    f = MoneyFormat(unit, lang, exact=True)
    assert parse_money(f.text(yuan), allow_negative=True) == yuan


@given(amounts, st.integers(min_value=1, max_value=10**12), units, langs)
def test_a_change_is_never_hidden(before: int, delta: int, unit: Unit, lang: str) -> None:
    """A difference of 1万 (or of a single yuan) never reads as no change."""
    f = MoneyFormat(unit, lang)
    after = min(before + delta, MAX_MONEY)
    old, new = f.change(before, after)
    assert old != new and parse_money(old) < parse_money(new)  # visible, and the right way round
    assert abs(parse_money(old) - before) < f.factor and abs(parse_money(new) - after) < f.factor


@given(amounts, units, langs)
def test_a_difference_of_ten_thousand_yuan_is_always_visible(before: int, unit: Unit, lang: str) -> None:
    old, new = MoneyFormat(unit, lang).change(before, before + 10_000)
    assert old != new and parse_money(new) > parse_money(old)


@given(amounts, units, langs)
def test_the_header_names_the_unit_the_figures_are_in(yuan: int, unit: Unit, lang: str) -> None:
    """A workbook cell holds the amount in its header's unit; import multiplies back."""
    from zqtracker.io.headers import split_unit

    f = MoneyFormat(unit, lang)
    _key, factor = split_unit(f.header("Planned investment" if lang == "en" else "计划总投资"))
    assert factor == f.factor
    assert parse_money(f.number(yuan, f.exact_decimals, grouping=False), factor) == yuan


@pytest.mark.parametrize("unit", list(Unit))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_units_name_is_one_a_reader_reads_and_reads_back(unit: Unit, lang: str) -> None:
    """The unit an amount is written in (the import preview's headers, its unit menus, a round's
    workbook): "¥100 million" in English, never "100m yuan"; read back as the same unit."""
    name = unit.label(lang)
    assert unit_factor_of(name) == unit.factor
    assert unit_factor_of(f"Unit: {name}") == unit.factor and unit_factor_of(f"({name})") == unit.factor
    expected = {"en": {Unit.YI: "¥100 million", Unit.WAN: "¥10,000", Unit.YUAN: "yuan"},
                "zh": {Unit.YI: "亿元", Unit.WAN: "万元", Unit.YUAN: "元"}}  # fmt: skip
    assert name == expected[lang][unit]


@given(signed_amounts, st.sampled_from(list(Unit)), st.booleans())
def test_each_language_reads_its_own_words(yuan: int, unit: Unit, exact: bool) -> None:
    """An amount, its unit, header and chooser name carry no word of the other language (the units
    come from the money_format catalogue: "亿元" is Chinese's, "bn" English's; a chooser in English
    names the Chinese unit beside its own on purpose)."""
    zh, en = MoneyFormat(unit, "zh_CN", exact), MoneyFormat(unit, "en", exact)
    for text in (zh.text(yuan), zh.exact_text(yuan), *zh.change(yuan, yuan + 1), zh.header("计划总投资"), zh.choice()):
        assert not re.search(r"[A-Za-z¥]", text), text
    for text in (en.text(yuan), en.exact_text(yuan), *en.change(yuan, yuan + 1), en.header("Planned")):
        assert not CJK.search(text) and "¥" in text, text
    assert CJK.search(en.choice()) and en.choice().startswith(en.label)


def test_a_foreign_currency_unit_is_in_the_readers_language() -> None:
    from zqtracker.domain.currency import CURRENCIES, currency_unit_label

    for code in CURRENCIES:
        for factor in (None, 1, 1_000, 10_000, 1_000_000, 100_000_000, 10_000_000):
            zh, en = currency_unit_label(code, factor, "zh"), currency_unit_label(code, factor, "en")
            assert not re.search(r"[A-Za-z]", zh) and zh.endswith(CURRENCIES.say(code, "zh")), zh
            assert not CJK.search(en) and en.startswith(code), en
    assert currency_unit_label("USD", 10_000_000, "zh") == "10,000,000美元"  # a factor no word names: not lost
    assert currency_unit_label("USD", 10_000_000, "en") == "USD 10,000,000"
