"""The currency a header, unit line or cell names, and its magnitude: 万美元, 亿港币, USD million, US$万,
HK$'000 — every pairing of a currency's name, code or sign with a magnitude, so that no "亿港元" over
a 单位：亿元 line, and no "(USD million)" a user answers --unit for, is read as yuan for want of its word."""

from __future__ import annotations

import re
import unicodedata

# Currency words: code, multiplier of that currency's unit. A currency in Chinese is its name after a
# magnitude (万美元, 亿港币, 千万日元, 美金).
_CN_CURRENCIES = {
    "美元": "USD", "美金": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY", "日币": "JPY",
    "英镑": "GBP", "加元": "CAD", "加币": "CAD", "澳元": "AUD", "澳币": "AUD", "新加坡元": "SGD", "新元": "SGD",
    "新币": "SGD", "韩元": "KRW", "新台币": "TWD", "台币": "TWD", "澳门元": "MOP", "澳门币": "MOP",
    "瑞士法郎": "CHF", "法郎": "CHF",
}  # fmt: skip
_CN_MAGNITUDES = {"": 1, "千": 1_000, "万": 10_000, "十万": 100_000, "百万": 1_000_000, "千万": 10_000_000,
                  "亿": 100_000_000}  # fmt: skip
# A currency's code or sign with a magnitude on either side (USD million, US$万, HK$'000, million USD).
_LATIN_CURRENCIES = {
    "usd": "USD", "us$": "USD", "usdollars": "USD", "usdollar": "USD", "c$": "CAD", "cad": "CAD", "cad$": "CAD",
    "eur": "EUR", "€": "EUR", "hk$": "HKD", "hkd": "HKD", "jpy": "JPY", "gbp": "GBP", "£": "GBP", "mop": "MOP",
    "mop$": "MOP", "nt$": "TWD", "twd": "TWD", "aud": "AUD", "a$": "AUD", "sgd": "SGD", "s$": "SGD", "chf": "CHF",
}  # fmt: skip
_LATIN_MAGNITUDES = {"k": 1_000, "'000": 1_000, "thousand": 1_000, "thousands": 1_000, "10k": 10_000, "m": 1_000_000,
                     "mn": 1_000_000, "mio": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
                     "bn": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000}  # fmt: skip
_CURRENCIES: list[tuple[str, str, int]] = [
    *((m + name, code, f) for name, code in _CN_CURRENCIES.items() for m, f in _CN_MAGNITUDES.items()),
    *((name + m, code, f) for name, code in _LATIN_CURRENCIES.items() for m, f in _CN_MAGNITUDES.items()),
    *((m + name, code, f) for name, code in _LATIN_CURRENCIES.items() for m, f in _CN_MAGNITUDES.items() if m),
    *((name + m, code, f) for name, code in _LATIN_CURRENCIES.items() for m, f in _LATIN_MAGNITUDES.items()),
    *((m + name, code, f) for name, code in _LATIN_CURRENCIES.items() for m, f in _LATIN_MAGNITUDES.items()),
    ("dollars", "USD?", 1),
    ("$m", "USD?", 1_000_000), ("$million", "USD?", 1_000_000), ("$millions", "USD?", 1_000_000),
    ("$", "USD?", 1), ("millions", "?", 1_000_000), ("million", "?", 1_000_000), ("m$", "USD?", 1_000_000),
]  # fmt: skip
_BY_WORD: dict[str, tuple[str, int]] = {}
for _word, _code, _factor in _CURRENCIES:
    _BY_WORD.setdefault(_word, (_code, _factor))


def currency_of(word: str) -> tuple[str, int] | None:
    """("USD", 10000) for "万美元"; None for yuan or no currency."""
    key = re.sub(r"[\s,，]+", "", unicodedata.normalize("NFKC", word)).lower().strip("()（）[]【】{}:：")
    key = (
        key.replace("单位", "").replace("unit", "").replace("in", "", 1)
        if key.startswith(("单位", "unit", "in"))
        else key
    )
    return _BY_WORD.get(key)
