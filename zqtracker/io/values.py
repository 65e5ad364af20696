"""Values from spreadsheet cells: text, codes, dates, months, money, numbers, yes/no, choices.

Cells arrive as the reader gives them: str, float, int, bool, '' or None for empty, and dates as
tuples (ordinal,) / (ordinal, seconds) (io/worker.py). Each parser returns a domain value or
raises ValidationError with a coded Problem; none guesses (a number without a unit, "2023.1"
that could be January or October, a month without a year are all refused with a reason).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.hanzi import simplified
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import MAX_MONEY, parse_money, to_decimal
from zqtracker.domain.status import Status, parse_status
from zqtracker.domain.validation import INVISIBLE_MARKS, normalize_code
from zqtracker.io.as_written import as_written
from zqtracker.io.cn_numerals import arabic_years
from zqtracker.io.columns import BOOL_FALSE, BOOL_TRUE, HEADER_CACHE, INVESTOR_ORIGIN_WORDS, PROJECT_TYPE_WORDS
from zqtracker.io.dates import DAY, MONTH, parse_fuzzy
from zqtracker.io.month_names import named_month
from zqtracker.io.percent_format import no_footnote_marks, refuse_percent
from zqtracker.io.sheet_stream import EXCEL_ERRORS

_WS_RE = re.compile(f"[\\s{INVISIBLE_MARKS}]+")  # (fold: a 合\u200b计 is a 合计)
# Control codes (but the whitespace ones, which split() turns into a space), direction overrides and
# marks, zero-width spaces and joiners, a byte-order mark, a line break between two Chinese characters.
_INVISIBLE_RE = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x9f{INVISIBLE_MARKS}]|(?<=[一-鿿])\\s*\n\\s*(?=[一-鿿])")


def is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


# "No figure", as reports write it in an amount, area, date or month cell: a run of dashes or slashes
# ("—", "－", "-", "--", "——", "/", "／", "\\") or one of these words. Compared folded (NFKC, no spaces,
# lower case). Only the converters of numeric and date fields read such a cell as blank (io/cell_convert.py),
# and only once the cell has failed as a value: in a name, code, status or any text it stays as written, and
# "0" stays 0. "约3亿" and "30000（含土地）" are not in it: an approximate or qualified amount is no blank.
PLACEHOLDER_DASHES = "-‐‒–—―−─━/\\"  # after NFKC: "－" is "-", "／" is "/", "﹘" is "—"
PLACEHOLDER_WORDS = frozenset(
    ("无", "暂无", "待定", "未定", "空", "空白", "暂缺", "无数据", "暂无数据", "待确定", "未确定", "不详", "未知",
     "不适用", "n/a", "na", "none", "nil", "null", "tbd")
)  # fmt: skip
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width spaces and joiners, a byte-order mark


def is_placeholder(value: object) -> bool:
    """A text cell that only says "no figure" (PLACEHOLDER_DASHES, PLACEHOLDER_WORDS); False for a
    blank cell (is_empty), a number, a date, and any text that says more."""
    if not isinstance(value, str) or len(value) > 32:
        return False
    text = fold(value).strip(_INVISIBLE)
    return bool(text) and (not text.strip(PLACEHOLDER_DASHES) or text in PLACEHOLDER_WORDS)


def as_date(value: tuple) -> date:
    return date.fromordinal(value[0])


def display(value: object) -> str:
    """The text a cell shows, near enough for messages and the preview."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        plain = 1e-12 <= abs(value) < 1e16  # 0.00004 as a spreadsheet shows it, never 4e-05
        return format(to_decimal(value), "f") if plain and "e" in repr(value) else repr(value)
    if isinstance(value, tuple) and value:
        d = as_date(value)
        if len(value) > 1 and value[1]:
            s = value[1]
            return f"{d.isoformat()} {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
        return d.isoformat()
    return str(value)


def clean_text(value: object) -> str:
    """Text with runs of whitespace (line breaks, full-width spaces) made one space, and without the
    invisible characters a file may carry (control codes, direction overrides, zero-width spaces)."""
    text = value.strip() if value.__class__ is str else display(value).strip()
    if text.isprintable() and "  " not in text:
        return text
    return " ".join(_INVISIBLE_RE.sub("", text).split())


@lru_cache(maxsize=HEADER_CACHE)  # each header's, by a dozen checks, 16,384 of them in the widest sheet
def fold(text: str) -> str:
    """Half-width (NFKC), in simplified characters (domain/hanzi.py: 合計 is 合计), lower case, no spaces."""
    return _WS_RE.sub("", unicodedata.normalize("NFKC", simplified(text))).lower()


def check_error(value: object, field: str) -> None:
    if value.__class__ is str and value[:2].lstrip()[:1] == "#" and value.strip().upper() in EXCEL_ERRORS:
        raise ValidationError(Problem("cell_error", field, {"value": value.strip()}))


# -- text and codes --------------------------------------------------------------------------------
def parse_text(value: object, field: str) -> str:
    if value.__class__ is str:
        if value[:1] == "#":
            check_error(value, field)
        text = value.strip()
        if text.isprintable() and "  " not in text:
            return text
        return " ".join(_INVISIBLE_RE.sub("", text).split())
    check_error(value, field)
    return clean_text(value)


_NAME_CUT_RE = re.compile(r"[\n\r]|[：:。；;]")


def name_part(text: str) -> str:
    """The name at the head of a "项目名称及建设内容" cell: up to its first line break, else up to a
    colon or full stop that ends a name-sized head ("华南电池项目：建设年产10GWh…" → "华南电池项目")."""
    head, sep, _rest = text.strip().partition("\n")
    if sep and head.strip():
        return head.strip()
    m = _NAME_CUT_RE.search(text)
    if m and 2 <= m.start() <= 60:
        return text[: m.start()].strip()
    return text.strip()


def parse_note(value: object, field: str) -> str:
    """Notes as written, exactly — line breaks, runs of spaces, indentation — so that a workbook
    exported by zqtracker imports back unchanged (issue #16). Only an Excel error is refused."""
    if value.__class__ is str:
        if value[:2].lstrip()[:1] == "#":
            check_error(value, field)
        return value
    check_error(value, field)
    return display(value)


def parse_code(value: object, field: str = "code") -> str:
    """A project code as text, in the one spelling it is stored and matched in (normalize_code:
    "２０２３－441200 " → "2023-441200"). A number read back (1.0) becomes the digits the cell shows
    ("1"); a number too long to have kept its digits is refused rather than stored wrong."""
    if value.__class__ is str:
        if value[:1] == "#":
            check_error(value, field)
        return normalize_code(value)
    if isinstance(value, bool):
        raise ValidationError(Problem("bad_code", field, {"value": display(value)}))
    if isinstance(value, float):
        if value.is_integer():
            if abs(value) >= 2**53:
                raise ValidationError(Problem("code_as_number", field, {"value": display(value)}))
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return normalize_code(display(value))


# -- numbers and money -----------------------------------------------------------------------------
def parse_money_cell(value: object, factor: int | None, field: str) -> int:
    """Integer yuan: a number in ``factor`` units or text with its own unit ("12.5亿")."""
    if value.__class__ is float and factor:
        exact = _float_times_factor(value, factor)
        if exact is not None and 0 <= exact <= MAX_MONEY:
            return exact
    check_error(value, field)
    if isinstance(value, (bool, tuple)):
        raise ValidationError(Problem("bad_money", field, {"value": display(value)}))
    written = value
    try:
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", no_footnote_marks(value, field)).strip()
            refuse_percent(value, field)
        return parse_money(value, factor, field=field)
    except ValidationError as exc:  # said with the cell as typed ("３０００ｘ", never "3000x"): io/as_written.py
        raise as_written(exc, value, written, field) from None


def _float_times_factor(value: float, factor: int) -> int | None:
    """value × factor in integer arithmetic, when that is exact without rounding (the decimal
    digits of the float's shortest repr fit in the power of ten): the fast path of 100k amounts.
    None sends the value down parse_money's Decimal path."""
    if value.is_integer():
        return int(value) * factor if -(2**53) < value < 2**53 else None
    text = repr(value)
    dot = text.find(".")
    if dot < 0 or "e" in text:
        return None
    scale = _POWERS.get(len(text) - dot - 1)
    if scale is None or factor % scale:
        return None
    return int(text[:dot] + text[dot + 1 :]) * (factor // scale)


_POWERS = {n: 10**n for n in range(0, 10)}


# -- dates and months ------------------------------------------------------------------------------
_FULL_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[t\s].*)?$")
_MONTH_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_MONTH_ONLY_RE = re.compile(r"^(\d{1,2})\s*月(?:份)?$")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20|21)\d{2})\s*年")
# "1-10月", "2026年1—10月份", "1至10月": the months of a year to date, in a long sheet's month column
_THROUGH_RE = re.compile(r"^(?:((?:19|20|21)\d{2})\s*年?)?\s*1\s*月?\s*[-~—–至到]+\s*(\d{1,2})\s*月(?:份)?(?:累计)?$")


# "2026.1-6", "2026.1-2026.6", "2026/1-6": months of a year written with dots — a span, never 6 January
_DOTTED_SPAN_RE = re.compile(r"^(\d{4})\s*[./]\s*(\d{1,2})\s*[-~—–至到]+\s*(?:\d{4}\s*[./]\s*)?(\d{1,2})\s*(?:月份?)?$")
_DASHED_RE = re.compile(r"^\d{4}-([1-9])-([1-9]|1[0-2])$")  # "2026-1-6": months 1–6, or 6 January?


class Through(tuple):
    """(year, month) of a month cell that says months 1 to ``month`` ("1-10月"): the row's amount is
    the year to date through that month, not the month's own."""


class Span(tuple):
    """(year, first, last) of a month cell "2025年4–6月" (an export's quarter): those months as one figure."""


_SPAN_RE = re.compile(r"^((?:19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月?\s*[-~—–至到]+\s*(\d{1,2})\s*月(?:份)?$")


def _through(text: str, default_year: int | None, value: object, field: str) -> tuple[int, ...] | None:
    m = _THROUGH_RE.match(text)
    span = _SPAN_RE.match(text) if m is None else None
    if span is not None and 1 < int(span[2]) < int(span[3]) <= 12:
        return Span((int(span[1]), int(span[2]), int(span[3])))
    if m is None:
        dotted, dashed = _DOTTED_SPAN_RE.match(text), _DASHED_RE.match(text)
        if (dashed is not None and int(dashed[2]) > int(dashed[1])) or (dotted is not None and int(dotted[2]) != 1):
            raise ValidationError(Problem("bad_month", field, {"value": display(value)}))  # 2026.7-9: no year to date
        if dotted is None:
            return None
        year, month = _month_in_year(int(dotted[1]), int(dotted[3]), value, field)
        return Through((year, month))
    year, month = _month_in_year(int(m[1]) if m[1] else default_year, int(m[2]), value, field)
    return Through((year, month))


def parse_date(value: object, field: str, date1904: bool = False, order: str = "mdy") -> date:
    """The first day of the date a cell gives (io/dates.py: every form, with its precision)."""
    check_error(value, field)
    return parse_fuzzy(value, field, date1904, order)[0]


def parse_month(
    value: object, default_year: int | None, field: str = "month", date1904: bool = False
) -> tuple[int, ...]:
    """(year, month) from "2023-01", "2023年1月", "2023.01", "202301", an Excel date, or "1月" / 1
    under ``default_year`` (from the title, unit line or sheet name)."""
    check_error(value, field)
    if isinstance(value, str):
        text = fold(value)
        through = _through(text, default_year, value, field)
        if through is not None:
            return through
        m = _MONTH_ONLY_RE.match(text)
        if m or (text.isdigit() and len(text) <= 2):
            month = int(m[1] if m else text)
            return _month_in_year(default_year, month, value, field)
    elif (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and float(value).is_integer()
        and 1 <= value <= 12
    ):
        return _month_in_year(default_year, int(value), value, field)
    try:
        d, precision = parse_fuzzy(value, field, date1904)
    except ValidationError as exc:
        if exc.problems[0].code == "bad_date":
            raise ValidationError(Problem("bad_month", field, {"value": display(value)})) from None
        raise
    if precision not in (DAY, MONTH):  # a quarter or a bare year is no month
        raise ValidationError(Problem("bad_month", field, {"value": display(value)}))
    return d.year, d.month


def _month_in_year(year: int | None, month: int, value: object, field: str) -> tuple[int, int]:
    if not 1 <= month <= 12:
        raise ValidationError(Problem("bad_month", field, {"value": display(value)}))
    if year is None:
        raise ValidationError(Problem("month_without_year", field, {"value": display(value)}))
    return year, month


def year_in(text: str) -> int | None:
    """The year a title or sheet name speaks of ("2023年重点项目…" → 2023)."""
    m = _YEAR_RE.search(arabic_years(unicodedata.normalize("NFKC", text)))
    return int(m[1]) if m else None


def month_header(value: object, default_year: int | None, date1904: bool = False) -> tuple[int | None, int] | None:
    """The month a wide sheet's column header names, or None when it names none. A header "1月"
    with no year anywhere gives (None, 1): the rows then fail with month_without_year."""
    if isinstance(value, tuple):
        d = as_date(value)
        return d.year, d.month
    if not isinstance(value, str) or not value.strip():
        return None
    return _text_month(value, default_year)


@lru_cache(maxsize=HEADER_CACHE)
def _text_month(value: str, default_year: int | None) -> tuple[int | None, int] | None:
    text = re.sub(r"[(（][^()（）]*[)）]$", "", fold(value)).strip()  # "10月完成投资（万元）": its unit
    text = re.sub(r"^其中\s*[:：]?\s*", "", text)  # "其中：10月" under 1-10月完成投资: that month's own
    for suffix in ("实际完成投资", "实际完成", "完成投资", "完成额", "完成", "投资额", "投资", "amount"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    text = re.sub(r"[(（].*?[)）]$", "", text)
    m = _MONTH_ONLY_RE.match(text)
    if m and 1 <= int(m[1]) <= 12:
        return default_year, int(m[1])
    m = _MONTH_RE.match(text)
    if m and 1 <= int(m[2]) <= 12 and 1900 <= int(m[1]) <= 2200:
        return int(m[1]), int(m[2])
    m = re.match(r"^(\d{4})(\d{2})$", text)
    if m and 1 <= int(m[2]) <= 12 and 1900 <= int(m[1]) <= 2200:
        return int(m[1]), int(m[2])
    m = _FULL_DATE_RE.match(text)
    if m and int(m[3]) == 1 and 1 <= int(m[2]) <= 12:
        return int(m[1]), int(m[2])
    return named_month(text, default_year)  # "Jan", "January 2025", "Jan-25" (io/month_names.py)


# -- choices -----------------------------------------------------------------------------------------
_BOOL_TRUE = frozenset(fold(w) for w in BOOL_TRUE)
_BOOL_FALSE = frozenset(fold(w) for w in BOOL_FALSE)


def parse_bool(value: object, field: str) -> bool:
    check_error(value, field)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(display(value))
    if key in _BOOL_TRUE:
        return True
    if key in _BOOL_FALSE:
        return False
    raise ValidationError(Problem("bad_bool", field, {"value": display(value)}))


_TYPE_WORDS = {fold(k): ProjectType(v) for k, v in PROJECT_TYPE_WORDS.items()}
CONTINUING = ("续建", "continuing")  # 建设性质 "续建": no type, but the project is being built


def parse_project_type(value: object, field: str = "project_type") -> ProjectType | None:
    """A project type; None for 续建 (continuing construction says the stage, not the type)."""
    check_error(value, field)
    key = fold(display(value))
    if key in CONTINUING:
        return None
    found = _TYPE_WORDS.get(key) or next(
        (t for t in ProjectType if key in (t.value, fold(t.label("en")), fold(t.label("zh")))), None
    )
    if found is None:
        raise ValidationError(Problem("unknown_choice", field, {"value": display(value)}))
    return found


_ORIGIN_WORDS = {fold(k): InvestorOrigin(v) for k, v in INVESTOR_ORIGIN_WORDS.items()}
for _origin in InvestorOrigin:
    _ORIGIN_WORDS.setdefault(fold(_origin.label("en")), _origin)
    _ORIGIN_WORDS.setdefault(fold(_origin.label("zh")), _origin)


def parse_origin(value: object, field: str = "investor_origin") -> InvestorOrigin:
    check_error(value, field)
    found = _ORIGIN_WORDS.get(fold(display(value)))
    if found is None:
        from zqtracker.io.places import origin_of_place

        found = origin_of_place(display(value))  # 投资方所属国家/地区: 中国香港, 广东深圳, 美国
    if found is None:
        raise ValidationError(Problem("unknown_choice", field, {"value": display(value)}))
    return found


def parse_status_cell(value: object, field: str = "status") -> Status:
    check_error(value, field)
    text = unicodedata.normalize("NFKC", display(value)).strip()
    try:
        return parse_status(text)
    except ValidationError:
        raise ValidationError(Problem("unknown_status", field, {"value": display(value)})) from None
