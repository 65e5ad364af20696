"""Years and months a title writes in Chinese numerals (二〇二六年一至十月), as digits."""

from __future__ import annotations

import re

_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_YEAR_RE = re.compile(r"([〇零一二三四五六七八九]{4})(?=\s*年)")


def arabic_years(text: str) -> str:
    """ "二〇二六年" → "2026年" (a year in Chinese numerals has 〇 or 零 in it)."""
    if "〇" not in text and "零" not in text:
        return text
    return _CN_YEAR_RE.sub(lambda m: m[1].translate(_CN_DIGITS), text)


# after a year: 年一至十月, 年十一月 (never 一 before 月 elsewhere: 统一月报)
_CN_MONTH = r"(十[一二]?|[一二三四五六七八九])"
_CN_MONTHS_RE = re.compile(rf"年\s*{_CN_MONTH}(?:\s*([至到\-~—–])\s*{_CN_MONTH})?\s*月")


def arabic_months(text: str) -> str:
    """ "2026年一至十月" → "2026年1至10月"."""
    return _CN_MONTHS_RE.sub(_period, text)


def _period(m: re.Match[str]) -> str:
    return f"年{_month(m[1])}{m[2] + _month(m[3]) if m[2] else ''}月"


def _month(numeral: str) -> str:
    if numeral.startswith("十"):
        return str(10 + int(numeral[1:].translate(_CN_DIGITS) or 0))
    return numeral.translate(_CN_DIGITS)


# 一至十月完成投资 in a header (no 年 before it): January to October, as 1-10月 (一 then 至 and a month: no other word)
_CN_FIRST_MONTHS_RE = re.compile(r"(?<![一二三四五六七八九十])一\s*[至到\-~—–]\s*(十[一二]?|[二三四五六七八九])\s*月")
# 1至10月完成投资, 1到10月: January to October, as 1-10月
_FIRST_MONTHS_RE = re.compile(r"(?<![\d.])1\s*[至到]\s*(1[0-2]|[2-9])\s*月")
# 全年完成投资: the whole year's, as 1-12月 (a report of 1-10月 headed so is then asked, not read as 1-10月)
_WHOLE_YEAR_RE = re.compile(r"全年度?(?=(?:已)?完成)")
# The first quarters of the year as months: 前三季度 is 1-9月, 上半年 (前两季度) 1-6月 — a year to date
_QUARTER_SPANS = (
    (re.compile(r"前\s*(?:三|3)\s*(?:个)?季度|(?:一|1)\s*[-~—–至到]\s*(?:三|3)\s*季度"), "1-9月"),
    (re.compile(r"上半年|前\s*(?:两|二|2)\s*(?:个)?季度|(?:一|1)\s*[-~—–至到]\s*(?:二|2)\s*季度"), "1-6月"),
)


# 8月累计 (8月底累计, 8月份累计): the year to date through August, as 1-8月累计
_MONTH_TO_DATE_RE = re.compile(r"(?<![\d\-~—–至到])(1[0-2]|0?[1-9])\s*月份?\s*(?:末|底)?\s*累计")


def quarter_spans(text: str) -> str:
    """前三季度完成投资 → 1-9月完成投资; 上半年 → 1-6月; 8月累计 → 1-8月累计; 一至十月, 1至10月 → 1-10月 (a quarter
    alone is left as written)."""
    if "累计" in text and "月" in text:
        text = _MONTH_TO_DATE_RE.sub(r"1-\1月累计", text)
    if "一" in text and "月" in text:
        text = _CN_FIRST_MONTHS_RE.sub(lambda m: f"1-{_month(m[1])}月", text)
    if "全年" in text:
        text = _WHOLE_YEAR_RE.sub("1-12月", text)
    if ("至" in text or "到" in text) and "月" in text:
        text = _FIRST_MONTHS_RE.sub(r"1-\1月", text)
    if "季度" not in text and "上半年" not in text:
        return text
    for regex, months in _QUARTER_SPANS:
        text = regex.sub(months, text)
    return text
