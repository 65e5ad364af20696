"""A column header folded for matching: full-width and half-width alike (NFKC), case, spaces and
line breaks ignored, a trailing colon or required-mark star dropped, camelCase and snake_case split
into words; and what it says beside the field's name, split off — a money unit ("计划总投资（万元）"
→ 计划总投资 in 10,000 yuan), a currency ("投资总额（万美元）": US dollars, never yuan), an area unit
("用地（平方米）": square metres, not 亩).

Which fields a folded header names is io/headers.py.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from zqtracker.domain.money import unit_factor_of

BRACKETS_RE = re.compile(r"[(\[（【〔{｛]([^()\[\]（）【】〔〕{}｛｝]*)[)\]）】〕}｝]")
_UNIT_SUFFIX_RE = re.compile(r"(?:[/／:：]|单位[:：]?)\s*([^\s/／:：]+)$")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
AROUND_CJK_RE = re.compile(rf"\s*([{_CJK}])\s*")
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
YEAR_WORD_RE = re.compile(r"((?:19|20|21)\d{2})\s*(?:年度|年)?")
TRAILING_NUMBER_RE = re.compile(r"\s*\d{1,2}$")

# Currency words: code, multiplier of that currency's unit. Longest first.
_CURRENCIES: list[tuple[str, str, int]] = sorted(
    [
        ("万美元", "USD", 10_000),
        ("亿美元", "USD", 100_000_000),
        ("美元", "USD", 1),
        ("usd", "USD", 1),
        ("us$", "USD", 1),
        ("usdollars", "USD", 1),
        ("usdollar", "USD", 1),
        ("dollars", "USD?", 1),
        ("$m", "USD?", 1_000_000),
        ("$million", "USD?", 1_000_000),
        ("$millions", "USD?", 1_000_000),
        ("$", "USD?", 1),
        ("millions", "?", 1_000_000),
        ("million", "?", 1_000_000),
        ("m$", "USD?", 1_000_000),
        ("c$", "CAD", 1),
        ("cad", "CAD", 1),
        ("cad$", "CAD", 1),
        ("加元", "CAD", 1),
        ("万加元", "CAD", 10_000),
        ("欧元", "EUR", 1),
        ("万欧元", "EUR", 10_000),
        ("eur", "EUR", 1),
        ("€", "EUR", 1),
        ("港元", "HKD", 1),
        ("万港元", "HKD", 10_000),
        ("港币", "HKD", 1),
        ("万港币", "HKD", 10_000),
        ("hk$", "HKD", 1),
        ("hkd", "HKD", 1),
        ("日元", "JPY", 1),
        ("万日元", "JPY", 10_000),
        ("jpy", "JPY", 1),
        ("英镑", "GBP", 1),
        ("gbp", "GBP", 1),
        ("£", "GBP", 1),
        ("万英镑", "GBP", 10_000),
    ],
    key=lambda t: -len(t[0]),
)
_AREA_WORDS: dict[str, str] = {
    "亩": "mu",
    "mu": "mu",
    "平方米": "m2",
    "平米": "m2",
    "㎡": "m2",
    "m2": "m2",
    "m²": "m2",
    "sqm": "m2",
    "squaremetres": "m2",
    "squaremeters": "m2",
    "公顷": "ha",
    "ha": "ha",
    "hectares": "ha",
    "hectare": "ha",
    "万平方米": "10k m2",
}


def currency_of(word: str) -> tuple[str, int] | None:
    """("USD", 10000) for "万美元"; None for yuan or no currency."""
    key = re.sub(r"[\s,，]+", "", unicodedata.normalize("NFKC", word)).lower().strip("()（）[]【】{}:：")
    key = (
        key.replace("单位", "").replace("unit", "").replace("in", "", 1)
        if key.startswith(("单位", "unit", "in"))
        else key
    )
    for word_, code, factor in _CURRENCIES:
        if key == word_:
            return code, factor
    return None


def fold_words(text: str) -> str:
    """Folded words: NFKC, camelCase and snake_case split, lower case, single spaces between Latin
    words and none around CJK characters."""
    t = unicodedata.normalize("NFKC", text).strip().strip("*:：").strip()
    t = t.replace("_", " ")
    t = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", t)
    t = _CAMEL_RE.sub(" ", t).lower()
    t = " ".join(t.split())
    t = AROUND_CJK_RE.sub(r"\1", t)
    return t.replace("（", "(").replace("）", ")").strip()


def split_unit(text: str) -> tuple[str, int | None]:
    """("计划总投资", 10000) from "计划总投资（万元）"; brackets that are not units stay."""
    folded = split_header(text)
    return folded[0], folded[1]


@lru_cache(maxsize=8192)
def split_header(text: str) -> tuple[str, int | None, str | None, int | None, str | None]:
    """(key, money factor, currency, currency factor, area unit) of a header."""
    key = fold_words(text)
    unit: int | None = None
    currency: str | None = None
    cfactor: int | None = None
    area: str | None = None
    for m in list(BRACKETS_RE.finditer(key)):
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
    key = AROUND_CJK_RE.sub(r"\1", key).strip()
    return key, unit, currency, cfactor, area


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
