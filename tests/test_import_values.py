"""The value parsers of the import: dates, months, money, codes, headers (with hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.money import parse_money
from zqtracker.io import values as cells
from zqtracker.io.decimals import parse_decimal
from zqtracker.io.headers import match_header, split_unit

FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
DATES = st.dates(min_value=date(1900, 3, 1), max_value=date(2199, 12, 31))


def code_of(fn, *args) -> str:
    with pytest.raises(ValidationError) as info:
        fn(*args)
    return info.value.problems[0].code


@given(DATES)
def test_every_date_spelling_gives_the_same_day(d: date) -> None:
    spellings = [
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month:02d}.{d.day:02d}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year:04d}{d.month:02d}{d.day:02d}",
        (d.toordinal(),),
        f"{d.isoformat()} 00:00:00",
        f"{d.year}-{d.month}-{d.day}".translate(FULL_WIDTH),
    ]
    for spelling in spellings:
        assert cells.parse_date(spelling, "signed_on") == d, spelling


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2199, 12, 31)))
def test_excel_serials_in_both_date_systems(d: date) -> None:
    # (day numbers 1900-2200 read as years — "2020" is the year 2020 — and no project dates from 1905)
    serial_1900 = (d - date(1899, 12, 30)).days
    serial_1904 = (d - date(1904, 1, 1)).days
    assert cells.parse_date(float(serial_1900), "signed_on") == d
    if not 1900 <= serial_1904 <= 2200:
        assert cells.parse_date(float(serial_1904), "signed_on", date1904=True) == d
    else:
        assert cells.parse_date(float(serial_1904), "signed_on", date1904=True) == date(serial_1904, 1, 1)


@pytest.mark.parametrize("cell", ["24.3", 24.3, 3.15, 12.0, 5000.0, 18263.0])
def test_a_small_day_number_in_a_date_column_is_no_date(cell: object) -> None:
    # "24.3" is 2024年3月 to whoever typed it and 24 January 1900 as a day number; 5000 an amount one
    # column off (1913); 18263 is 31 December 1949. None of them is stored as a date.
    assert code_of(cells.parse_date, cell, "signed_on") == "bad_date"
    assert cells.parse_date(18264.0, "signed_on") == date(1950, 1, 1)


def test_the_1900_leap_year_bug_is_honoured() -> None:
    from zqtracker.io.dates import excel_serial_to_date

    assert excel_serial_to_date(59) == date(1900, 2, 28)
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    with pytest.raises(ValueError):
        excel_serial_to_date(60)  # 29 February 1900, which never was


@given(st.integers(1900, 2200), st.integers(1, 12))
def test_month_spellings(year: int, month: int) -> None:
    for spelling in (f"{year}-{month:02d}", f"{year}年{month}月", f"{year}.{month:02d}", f"{year}{month:02d}",
                     f"{year}/{month}", (date(year, month, 1).toordinal(),)):  # fmt: skip
        assert cells.parse_month(spelling, None) == (year, month), spelling
    assert cells.parse_month(f"{month}月", year) == (year, month)
    assert cells.parse_month(float(month), year) == (year, month)
    assert cells.month_header(f"{year}年{month}月完成投资", None) == (year, month)
    assert cells.month_header(f"{month}月", year) == (year, month)


@given(st.integers(1900, 2200), st.integers(1, 12))
def test_english_month_headers_with_their_year(year: int, month: int) -> None:
    """Lists from English-language systems head their month columns "January 2025", "Jan 2025", "Sept 2025"."""
    name = date(year, month, 1).strftime("%B")
    for spelling in (f"{name} {year}", f"{name[:3]} {year}", f"{name[:3]}. {year}", f"{name[:3]}-{year}",
                     f"{year} {name}", f"{name} {year} (万元)"):  # fmt: skip
        assert cells.month_header(spelling, None) == (year, month), spelling
    assert cells.month_header(f"{name[:3]}", year) == (year, month)


def test_words_that_only_start_like_a_month_name_are_no_month() -> None:
    for text in ("Mayday 2025", "Marketing 2025", "Total 2025", "Ma 2025", "Junk 2025"):
        assert cells.month_header(text, None) is None, text


def test_a_month_without_a_year_is_refused_not_guessed() -> None:
    assert code_of(cells.parse_month, "3月", None) == "month_without_year"


def test_year_dot_month_numbers_that_could_be_january_or_october_are_refused() -> None:
    assert code_of(cells.parse_date, 2023.1, "signed_on") == "ambiguous_date"
    assert cells.parse_date(2023.12, "signed_on") == date(2023, 12, 1)
    assert cells.parse_date("2023.10", "signed_on") == date(2023, 10, 1)  # text keeps its zero
    assert code_of(cells.parse_date, "2023.1", "signed_on") == "ambiguous_date"  # text as a number would be
    assert code_of(cells.parse_date, "明年底", "signed_on") == "bad_date"
    assert code_of(cells.parse_date, "#VALUE!", "signed_on") == "cell_error"
    for value, year in ((2024.1, "2024"), ("2025.1", "2025")):  # the example the message gives is the value's year
        with pytest.raises(ValidationError) as info:
            cells.parse_date(value, "signed_on")
        assert f"write {year}-01 or {year}-10" in info.value.problems[0].message("en")


@pytest.mark.parametrize(("cell", "day", "precision"), [
    (2023.0, date(2023, 1, 1), "year"), ("2020", date(2020, 1, 1), "year"), ("2020年", date(2020, 1, 1), "year"),
    ("2025-Q2", date(2025, 4, 1), "quarter"), ("2025Q2", date(2025, 4, 1), "quarter"),
    ("2025年二季度", date(2025, 4, 1), "quarter"), ("2025年第四季度", date(2025, 10, 1), "quarter"),
    ("Q3 2024", date(2024, 7, 1), "quarter"), ("2023年10月", date(2023, 10, 1), "month"),
    ("2023.10", date(2023, 10, 1), "month"), (202310, date(2023, 10, 1), "month"),
    ("2023-10-10", date(2023, 10, 10), "day"), ("9/30/2026 12:00:00 AM", date(2026, 9, 30), "day"),
    ((date(1905, 7, 15).toordinal(), 9504), date(2023, 11, 1), "month"),  # 2023.11 typed into a date cell
])  # fmt: skip
def test_dates_keep_their_precision(cell: object, day: date, precision: str) -> None:
    from zqtracker.io.dates import parse_fuzzy

    assert parse_fuzzy(cell, "signed_on") == (day, precision)


def test_a_typed_2023_point_1_in_a_date_cell_is_refused() -> None:
    from zqtracker.io.dates import parse_fuzzy

    with pytest.raises(ValidationError) as info:  # 2023.1 typed into a date-formatted cell: 1905-07-15 02:24
        parse_fuzzy((date(1905, 7, 15).toordinal(), 8640), "signed_on")
    assert info.value.problems[0].code == "ambiguous_date"


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        ("2009-2011", (date(2009, 1, 1), "year"), (date(2011, 1, 1), "year")),
        ("2009—2011年", (date(2009, 1, 1), "year"), (date(2011, 1, 1), "year")),
        ("2009年至2011年", (date(2009, 1, 1), "year"), (date(2011, 1, 1), "year")),
        ("2022.3-2024.12", (date(2022, 3, 1), "month"), (date(2024, 12, 1), "month")),
        ("2024", (date(2024, 1, 1), "year"), (date(2024, 1, 1), "year")),  # within one year (refused before)
        ("2024年", (date(2024, 1, 1), "year"), (date(2024, 1, 1), "year")),
    ],
)
def test_construction_periods(cell: str, start: tuple, end: tuple) -> None:
    from zqtracker.io.dates import parse_range

    assert parse_range(cell, "construction_period") == (start, end)


@given(st.integers(0, 10**15), st.sampled_from([1, 10_000, 100_000_000]), st.integers(0, 6))
def test_money_fast_path_agrees_with_the_decimal_path(units: int, factor: int, decimals: int) -> None:
    value = units / 10**decimals
    assume(abs(value) < 1e15)
    try:
        expected: object = parse_money(value, factor)
    except ValidationError as exc:
        expected = exc.problems[0].code
    try:
        got: object = cells.parse_money_cell(value, factor, "planned_investment")
    except ValidationError as exc:
        got = exc.problems[0].code
    assert got == expected


def test_import_codes_do_not_reword_the_domain_codes() -> None:
    from zqtracker.domain.import_messages import IMPORT_MESSAGES
    from zqtracker.domain.messages import MESSAGES

    assert all(MESSAGES[code] == pair for code, pair in IMPORT_MESSAGES.items())


@given(
    st.decimals(min_value=0, max_value=10**8, places=4, allow_nan=False, allow_infinity=False),
    st.sampled_from([("亿", 10**8), ("万元", 10**4), ("元", 1), ("亿元", 10**8)]),
)
def test_money_with_a_unit_in_the_cell(amount: Decimal, unit: tuple[str, int]) -> None:
    word, factor = unit
    text = f"{amount:,}{word}"
    expected = int((amount * factor).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert cells.parse_money_cell(text, None, "planned_investment") == expected
    assert cells.parse_money_cell(text, 10_000, "planned_investment") == expected  # the cell's unit wins


def test_money_without_any_unit_is_refused() -> None:
    assert code_of(cells.parse_money_cell, 12.5, None, "planned_investment") == "unknown_unit"
    assert cells.parse_money_cell("１２．５亿", None, "planned_investment") == 1_250_000_000
    assert code_of(cells.parse_money_cell, -3.0, 10_000, "planned_investment") == "negative_money"


@given(st.integers(0, 2**53 - 1))
def test_codes_stay_text_and_numbers_read_back_show_their_digits(n: int) -> None:
    assert cells.parse_code(float(n)) == str(n)
    assert cells.parse_code(f"  {n:012d} ") == f"{n:012d}"  # leading zeros kept


def test_a_number_too_long_to_be_a_code_is_refused() -> None:
    assert code_of(cells.parse_code, 1.2345678901234567e19) == "code_as_number"


@given(st.text(alphabet="项目名称计划总投资（）() \n\u3000万元亿", max_size=20))
def test_header_matching_never_crashes_and_ignores_spacing(text: str) -> None:
    match_header(text)
    spaced = " ".join(text)
    first = match_header(text)
    second = match_header(spaced.replace("(", "（").replace(")", "）"))
    if first is not None and first.quality == 3:
        assert second is not None and second.field == first.field


@pytest.mark.parametrize(("header", "field", "unit"), [
    ("计划总投资（万元）", "planned_investment", 10_000),
    ("Planned investment (10k yuan)", "planned_investment", 10_000), ("总投资\n（亿元）", "planned_investment", 10**8),
    ("项目 名称", "name", None), ("县（市、区）", "district", None), ("所在县(市、区)", "district", None),
    ("项目名称及建设内容", "name", None), ("建设性质", "project_type", None), ("产业链", "chain", None),
    ("2024年计划投资（亿元）", "annual_plan", 10**8), ("序号", "row_number", None), ("1-9月完成投资", "ytd", None),
    ("投资类型", "ignore:investment_kind", None), ("建设年限", "construction_period", None),
    ("当月完成投资（万元）", "amount", 10_000), ("Competition name", None, None),
    ("Land area (mu)", "land_area_mu", None),
])  # fmt: skip
def test_headers_of_real_files(header: str, field: str | None, unit: int | None) -> None:
    m = match_header(header)
    assert (m.field if m else None) == field
    if m is not None:
        assert m.unit == unit


def test_split_unit_keeps_non_unit_brackets() -> None:
    assert split_unit("用地面积（亩）") == ("用地面积", None)  # an area unit, not money: split off as the area
    assert split_unit("县（市、区）") == ("县(市、区)", None)
    assert split_unit("计划总投资/万元") == ("计划总投资", 10_000)


def test_choices_in_both_languages() -> None:
    assert cells.parse_status_cell("已投产").value == "in_production"
    assert cells.parse_status_cell("Under construction").value == "under_construction"
    assert cells.parse_bool("是", "k") is True and cells.parse_bool("否", "k") is False
    assert cells.parse_project_type("扩建").value == "expansion"
    assert cells.parse_project_type("续建") is None  # continuing: a stage, not a type
    assert cells.parse_origin("港澳台").value == "hk_macao_taiwan"
    assert parse_decimal("16.15亩", "land_area_mu") == Decimal("16.15")
    assert code_of(cells.parse_status_cell, "研究中") == "unknown_status"


def test_display_of_dates_and_numbers() -> None:
    d = date(2023, 10, 10)
    assert cells.display((d.toordinal(),)) == "2023-10-10"
    assert cells.display((d.toordinal(), 3600 + 120 + 3)) == "2023-10-10 01:02:03"
    assert cells.display(12.0) == "12" and cells.display(12.5) == "12.5"
    assert cells.parse_date((d.toordinal() + 1,), "x") == d + timedelta(days=1)


NUMBER_LIKE = (
    st.from_regex(r"\A[+-]?\d{0,6}(\.\d{0,6})?([eE][+-]?\d{1,9})?(万元|亿|元|亩)?\Z")
    | st.text(max_size=20)
    | st.sampled_from(["NaN", "nan", "Infinity", "-inf", "sNaN", "1e3092023", "1e-3092023", "1E+999999999"])
)


@given(NUMBER_LIKE | st.floats() | st.integers())
def test_numbers_are_parsed_or_refused_with_a_reason_never_an_exception(value: object) -> None:
    # found by fuzzing whole workbooks: "1e3092023" overflowed the decimal context (a traceback)
    for parse in (
        lambda v: cells.parse_money_cell(v, 10_000, "planned_investment"),
        lambda v: cells.parse_money_cell(v, None, "planned_investment"),
        lambda v: parse_decimal(v, "land_area_mu"),
    ):
        try:
            result = parse(value)
        except ValidationError as exc:
            assert exc.problems[0].message("zh") and exc.problems[0].message("en")
            continue
        assert isinstance(result, (int, Decimal))
        assert result.is_finite() if isinstance(result, Decimal) else True


def test_huge_and_not_finite_numbers_are_refused_by_name() -> None:
    assert code_of(cells.parse_money_cell, "1e3092023", 10_000, "planned_investment") == "too_large"
    assert code_of(cells.parse_money_cell, "NaN万元", None, "planned_investment") == "bad_money"
    assert code_of(parse_decimal, "1e3092023", "land_area_mu") == "too_large"
    assert code_of(parse_decimal, 2e9, "land_area_mu") == "too_large"
    assert parse_decimal("16.15亩", "land_area_mu") == Decimal("16.15")
