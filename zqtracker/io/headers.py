"""Which fields a column header may name, how strongly, and the unit, currency and year it carries.

A header is folded first: full-width and half-width alike (NFKC), case, spaces and line breaks
ignored, a trailing colon or required-mark star dropped, camelCase and snake_case split into words
("totalInvestment" → "total investment"). Bracketed units are split off ("计划总投资（万元）" →
计划总投资 in 10,000 yuan), as are currencies ("投资总额（万美元）": US dollars, never yuan) and area
units ("用地（平方米）": square metres, not 亩).

:func:`header_candidates` gives every field the header may name, strongest first: an exact header
(4), an exact header with a year or number beside it (3: "Status 2024", "2024年计划投资"), a pattern or
English words inside a short header (2), a Chinese word inside a longer header (1) unless a word of
that header rules the field out (io/header_words.py). io/layout.py then weighs the candidates
against the values beneath (io/evidence.py) — a header alone never decides an ambiguous column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from zqtracker.domain.hanzi import simplified
from zqtracker.domain.money import unit_factor_of
from zqtracker.io import header_periods
from zqtracker.io.cn_numerals import quarter_spans
from zqtracker.io.columns import (
    HEADER_CACHE,
    IMPORT_ONLY_COLUMNS,
    MONTHLY_COLUMNS,
    PROJECT_COLUMNS,
    ROW_NUMBER_HEADERS,
    Kind,
)
from zqtracker.io.currency_words import currency_of
from zqtracker.io.header_periods import IGNORED_PREFIX, LAST_YEAR, LAST_YTD, RANGE_MONTH_RE, cumulative, is_change
from zqtracker.io.header_words import (
    AMBIGUOUS,
    CONTAINED,
    COUNT_MARKS,
    DISTRICT_RANK,
    EXACT,
    EXCLUDED,
    FIELD_RANK,
    IGNORED,
    PERCENT_MARKS,
)
from zqtracker.io.values import year_in

ROW_NUMBER = "row_number"
KIND_OF: dict[str, Kind] = {c.field: c.kind for c in (*PROJECT_COLUMNS, *MONTHLY_COLUMNS, *IMPORT_ONLY_COLUMNS)}
KIND_OF.update(
    {
        "contact": Kind.TEXT,
        "progress_note": Kind.TEXT,
        "ytd": Kind.MONEY,
        LAST_YTD: Kind.MONEY,
        "since_start": Kind.MONEY,
        "span": Kind.MONEY,  # 二季度 under 完成投资 (io/quarters.py)
        "construction_period": Kind.TEXT,
    }
)


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    field: str  # a project field, "month", "amount", "chain", "annual_plan", "row_number", "ignore:<what>"
    quality: int  # 4 exact, 3 exact beside a year/number, 2 pattern or words, 1 contained word
    unit: int | None = None  # money factor named in the header
    year: int | None = None  # "2024年计划投资", "Status 2024"
    currency: str | None = None  # "USD", "CAD", "EUR", "HKD", "JPY", "GBP", "USD?" ($ of unknown country)
    area: str | None = None  # "mu", "m2", "ha"
    rank: int = 0  # among location columns, how surely this one is the district
    ambiguous: bool = False  # one of several fields the header may name; the values decide
    month: int | None = None  # a year-to-date column's last month ("1-10月累计完成投资" → 10)


# -- folding -----------------------------------------------------------------------------------------
_BRACKETS_RE = re.compile(r"[(\[（【〔{｛]([^()\[\]（）【】〔〕{}｛｝]*)[)\]）】〕}｝]")
_UNIT_SUFFIX_RE = re.compile(r"(?:[/／:：]|单位[:：]?)\s*([^\s/／:：]+)$")
_SPACED_UNIT_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s+([^\s/／:：]+)$")  # 当月完成 万元
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_AROUND_CJK_RE = re.compile(rf"\s*([{_CJK}])\s*")
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_YEAR_WORD_RE = re.compile(r"((?:19|20|21)\d{2})\s*(?:年度|年)?")
_TRAILING_NUMBER_RE = re.compile(r"\s*\d{1,2}$")

_AREA_WORDS: dict[str, str] = {
    "亩": "mu", "mu": "mu", "平方米": "m2", "平米": "m2", "㎡": "m2", "m2": "m2", "m²": "m2", "sqm": "m2",
    "squaremetres": "m2", "squaremeters": "m2", "公顷": "ha", "ha": "ha", "hectares": "ha", "hectare": "ha",
    "万平方米": "10k m2",
}  # fmt: skip


@lru_cache(maxsize=HEADER_CACHE)  # each header's, by _split and again by header_candidates
def _words(text: str) -> str:
    """Folded words: NFKC, camelCase and snake_case split, lower case, single spaces between Latin
    words and none around CJK characters."""
    t = unicodedata.normalize("NFKC", text).strip().strip("*:：").strip()
    t = t.replace("_", " ")
    t = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", t)
    t = _CAMEL_RE.sub(" ", t).lower()
    t = " ".join(t.split())
    t = _AROUND_CJK_RE.sub(r"\1", t)
    return t.replace("（", "(").replace("）", ")").strip()


def split_unit(text: str) -> tuple[str, int | None]:
    """("计划总投资", 10000) from "计划总投资（万元）"; brackets that are not units stay."""
    folded = _split(text)
    return folded[0], folded[1]


@lru_cache(maxsize=HEADER_CACHE)
def _split(text: str) -> tuple[str, int | None, str | None, int | None, str | None]:
    """(key, money factor, currency, currency factor, area unit) of a header."""
    spaced = _SPACED_UNIT_RE.search(text)
    key = _words(text[: spaced.start()] + "/" + spaced[1] if spaced and _unit_word(spaced[1]) else text)
    unit: int | None = None
    currency: str | None = None
    cfactor: int | None = None
    area: str | None = None
    for m in list(_BRACKETS_RE.finditer(key)):
        inner = m.group(1).strip()
        found = _unit_word(inner)
        if found is None:
            continue
        kind, value = found
        if kind == "unit":
            unit = value  # type: ignore[assignment]
        elif kind == "currency":
            currency, cfactor = value  # type: ignore[misc]
        else:
            area = value  # type: ignore[assignment]
        key = key.replace(m.group(0), " ")
    m2 = _UNIT_SUFFIX_RE.search(key)
    if m2:
        found = _unit_word(m2.group(1))
        if found is not None:
            kind, value = found
            if kind == "unit":
                unit = value  # type: ignore[assignment]
            elif kind == "currency":
                currency, cfactor = value  # type: ignore[misc]
            else:
                area = value  # type: ignore[assignment]
            key = key[: m2.start()]
    key = " ".join(key.split())
    key = _AROUND_CJK_RE.sub(r"\1", key).strip()
    return key, unit, currency, cfactor, area


def is_unit_word(text: str) -> bool:
    """A cell that is nothing but a unit: 万元, （亿元）, 万美元, 亩, 平方米 — what a row under the header
    row gives each column in some reports."""
    return _unit_word(text.strip().strip("()（）[]【】")) is not None


def _unit_word(word: str) -> tuple[str, object] | None:
    w = word.strip()
    lowered = re.sub(r"\s+", "", w).lower()
    for prefix in ("单位:", "单位：", "unit:", "units:", "in"):
        if lowered.startswith(prefix) and len(lowered) > len(prefix):
            lowered = lowered[len(prefix) :]
    if lowered in _AREA_WORDS:
        return "area", _AREA_WORDS[lowered]
    cur = currency_of(lowered)
    if cur is not None:
        return "currency", cur
    factor = unit_factor_of(lowered)
    if factor is not None and lowered not in ("million", "millions", "billion", "m"):
        return "unit", factor
    return None


# -- lookups -----------------------------------------------------------------------------------------
def _fold_key(word: str) -> str:
    return _words(word)


def _build() -> tuple[dict[str, list[str]], list[tuple[str, str]], dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, list[str]] = {}
    for field, words in EXACT.items():
        for w in words:
            exact.setdefault(_fold_key(w), []).append(field)
    for w in ROW_NUMBER_HEADERS:
        exact.setdefault(_fold_key(w), []).insert(0, ROW_NUMBER)
    ignored: dict[str, str] = {}
    for what, words in IGNORED.items():
        for w in words:
            ignored.setdefault(_fold_key(w), IGNORED_PREFIX + what)
    contained = sorted(((_fold_key(w), f) for f, words in CONTAINED.items() for w in words), key=lambda kv: -len(kv[0]))
    contained_ignored = sorted(
        ((k, v) for k, v in ignored.items() if _is_cjk(k) and len(k) >= 2), key=lambda kv: -len(kv[0])
    )
    return exact, contained, ignored, contained_ignored


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_EXACT, _CONTAINED, _IGNORED, _CONTAINED_IGNORED = _build()
_AMBIGUOUS = {_fold_key(k): v for k, v in AMBIGUOUS.items()}
_RANK = {_fold_key(k): v for k, v in DISTRICT_RANK.items()}
_FIELD_RANK = {_fold_key(k): v for k, v in FIELD_RANK.items()}
_ANY_CONTAINED_RE = re.compile("|".join(re.escape(w) for w, _f in (*_CONTAINED, *_CONTAINED_IGNORED)))
_ENGLISH_PHRASES = sorted(
    ((k, f) for k, fields in _EXACT.items() for f in fields if " " in k and k.isascii()), key=lambda kv: -len(kv[0])
)

_PLAN_RE = re.compile(r"^(?:((?:19|20|21)\d{2})年?度?|本年度?|当年|年度)(?:计划|计划完成|计划投资|投资计划)")
_CUMULATIVE_RE = re.compile(
    r"(累计|累积|至\s*(?:19|20|21)\d{2}\s*年?\s*(?:底|末)|1-\d{1,2}月|1~\d{1,2}月|1—\d{1,2}月|1-月|1~月|截至|截止|至今|以来|ytd|todate|"
    r"year to date|cumulative)"
)
_COMPLETED_WORDS = ("完成", "投资", "completed", "investment")
# A cumulative figure that was planned, not done: 1-10月计划完成投资, 1-10月目标, 预计累计完成
TARGET_WORDS = ("计划", "目标", "任务", "预计", "预期", "应完成", "target", "plan", "expected", "forecast")
_YEAR_DONE_RE = re.compile(
    r"^(?:((?:19|20|21)\d{2})\s*年度?|本年度?|当年|今年|年度)(?:累计)?(?:已)?完成(?:投资|投资额|额)?$"
)

# 本年累计, 年初至本月累计, 自年初累计 standing alone (not under a 完成投资 group): this year's figure so far
_YEAR_SO_FAR_RE = re.compile(
    r"^(?:(?:自年初|年初|年初至今|年初至本月|截至本月|至本月|年初以来|本年度?|今年|当年|年内|本年以来|今年以来)累计|年初至今|年初至本月|自年初)$"
)


@lru_cache(maxsize=HEADER_CACHE)
def header_candidates(text: str) -> tuple[HeaderMatch, ...]:
    """Every field ``text`` may name, strongest first (empty: a header zqtracker does not know)."""
    if not text or not text.strip() or len(text) > 60:
        return ()
    text = simplified(text)
    if header_periods.as_of_total(_split(text)[0]):  # 截至10月底累计: since the start, or this year's?
        return (HeaderMatch(IGNORED_PREFIX + "since_or_ytd", 3, _split(text)[1]),)
    text = quarter_spans(text)
    key, unit, currency, cfactor, area = _split(text)
    if not key:
        return ()
    if currency is not None and cfactor is not None:
        unit = cfactor
    out: list[HeaderMatch] = []
    year = year_in(text) if re.search(r"(?:19|20|21)\d{2}", key) else None
    # an English plan's year stands alone ("Annual plan 2025 (¥ mn)", as export writes it): no 年 beside it
    plan_year = year if year is not None or not key.isascii() else _plain_year(key)

    def add(field: str, quality: int, **kw: object) -> None:
        if any(c.field == field for c in out):
            return
        rank_key = str(kw.pop("rank_key", key))
        rank = _RANK.get(key, _RANK.get(rank_key, 0)) if field == "district" else _FIELD_RANK.get(key, 5)
        out.append(
            HeaderMatch(
                field,
                quality,
                unit,
                kw.get("year", plan_year)
                if field == "annual_plan"
                # type: ignore[arg-type]
                else (year if quality == 3 else None),
                currency,
                area,
                rank,
                bool(kw.get("ambiguous", False)),
            )
        )

    full = _words(text)
    m = _YEAR_DONE_RE.match(key)
    if m or _YEAR_SO_FAR_RE.match(key):  # "2023年完成投资", "本年累计": the year's figure so far, not a month's
        out.append(HeaderMatch("ytd", 3, unit, int(m[1]) if m and m[1] else None, currency, area, 0, False, None))
        return tuple(out)
    fields = _EXACT.get(key) or _EXACT.get(full)
    is_cumulative = bool(_CUMULATIVE_RE.search(key))
    if key in _AMBIGUOUS:
        for f in _AMBIGUOUS[key]:
            add(f, 4, ambiguous=True)
    if fields and not (is_cumulative and set(fields) & {"amount", "planned_investment"}):
        for f in fields:
            add(f, 4)
    if key in _IGNORED:
        add(_IGNORED[key], 4)
    if out:
        return _ordered(out)
    m = _PLAN_RE.match(key)
    if m:
        add("annual_plan", 3, year=int(m.group(1)) if m.group(1) else None)
        return tuple(out)
    bare_range = bool(RANGE_MONTH_RE.search(key)) and RANGE_MONTH_RE.sub("", key).replace("累计", "") in (
        "",
        "今年",
        "本年",
        "当年",
        *LAST_YEAR,
    )
    since = header_periods.since_alone(key)  # 开工以来累计: no 完成 beside it
    if is_cumulative and (any(w in key for w in _COMPLETED_WORDS) or bare_range or since):  # (今年1-11月累计 too)
        if any(w in key for w in TARGET_WORDS):  # "1-10月计划完成投资": what was to be done by then
            shares = any(mark in key or mark in text for mark in PERCENT_MARKS) or "占" in key or key.endswith("率")
            add(IGNORED_PREFIX + ("percent" if shares else "target"), 3)  # "…占年度计划%": a share
            return tuple(out)
        if is_change(key):  # 1-10月累计比上年同期增长%: a percentage, or (万元 named) the change in yuan
            add(IGNORED_PREFIX + ("change" if unit and not any(m in text for m in PERCENT_MARKS) else "percent"), 3)
            return tuple(out)
        if key.endswith("率") or "%" in text or "％" in text:  # 1-10月完成率（%）: the rate, never the amount
            add(IGNORED_PREFIX + "percent", 3)
            return tuple(out)
        field, y, month = cumulative(key)
        out.append(HeaderMatch(field, 3, unit, y, currency, area, 0, False, month))
        return tuple(out)
    if any(mark in key for mark in PERCENT_MARKS) or key.endswith("率"):
        add(IGNORED_PREFIX + "percent", 3)
        return tuple(out)
    if any(mark in key for mark in COUNT_MARKS) or key in ("数量",):
        add(IGNORED_PREFIX + "count", 3)
        return tuple(out)
    unbracketed = _AROUND_CJK_RE.sub(r"\1", " ".join(_BRACKETS_RE.sub(" ", key).split()))
    if unbracketed and unbracketed != key:  # "项目名称（全称）", "Status (current)": a remark in brackets
        for f in _AMBIGUOUS.get(unbracketed, ()):
            add(f, 3, ambiguous=True, rank_key=unbracketed)
        for f in _EXACT.get(unbracketed, ()):
            add(f, 3, rank_key=unbracketed)
        if unbracketed in _IGNORED:
            add(_IGNORED[unbracketed], 3)
        if out:
            return _ordered(out)
    bare = _TRAILING_NUMBER_RE.sub("", _YEAR_WORD_RE.sub(" ", key)).strip()
    bare = _AROUND_CJK_RE.sub(r"\1", " ".join(bare.split()))
    if bare and bare != key:
        for f in _AMBIGUOUS.get(bare, ()):
            add(f, 3, ambiguous=True, rank_key=bare)
        for f in _EXACT.get(bare, ()):
            add(f, 3, rank_key=bare)
        if bare in _IGNORED:
            add(_IGNORED[bare], 3)
        if out:
            return _ordered(out)
    parts = [p for p in _BILINGUAL_RE.split(unicodedata.normalize("NFKC", text)) if p.strip()]
    if len(parts) >= 2:  # "Status 状态", "项目名称 Project Name": a header in both languages, each alone
        for part in sorted(parts, key=lambda p: not _is_cjk(p)):
            found = header_candidates(part)
            if found:
                return found
    if key.isascii():
        words = key.split()
        if len(words) <= 5:
            padded = f" {key} "
            for phrase, f in _ENGLISH_PHRASES:
                if f" {phrase} " in padded and not _excluded(f, key):
                    add(f, 2)
        return _ordered(out)
    if is_cumulative and "同期" in key and header_periods.is_last_ytd(key):  # 上年同期1-10月累计: said, not read
        add(IGNORED_PREFIX + "same_period_ytd", 3)
    if not _ANY_CONTAINED_RE.search(key):  # most unknown headers: one search, not 180 (16,384 of them)
        return _ordered(out)
    for word, f in _CONTAINED:
        if word in key and not _excluded(f, key):
            add(f, 1)
    for word, f in _CONTAINED_IGNORED:
        if word in key:
            add(f, 1)
    return _ordered(out)


_BILINGUAL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff）)])\s*[/／|]?\s*(?=[A-Za-z])|(?<=[A-Za-z.)])\s*[/／|]?\s*(?=[\u4e00-\u9fff])"
)


_PLAIN_YEAR_RE = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")


def _plain_year(key: str) -> int | None:
    """The one year an English header names, standing alone ("annual plan 2025"); None for none or two."""
    found = {int(m) for m in _PLAIN_YEAR_RE.findall(key)}
    return found.pop() if len(found) == 1 else None


def _excluded(field: str, key: str) -> bool:
    return any(w in key for w in EXCLUDED.get(field, ()))


def _ordered(out: list[HeaderMatch]) -> tuple[HeaderMatch, ...]:
    return tuple(sorted(out, key=lambda c: -c.quality))


def match_header(text: str) -> HeaderMatch | None:
    """The strongest field a header names, or None for a header zqtracker does not know."""
    found = header_candidates(text) if isinstance(text, str) else ()
    return found[0] if found else None
