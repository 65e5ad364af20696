"""What the rows above a sheet's header, its name and its texts say about every row in it: titles,
the 填报单位 (reporter; also 填报单位（盖章）：) and 单位：万元 (unit) lines, the year, the stage and
district, the period a report is of, and whether the list is in English.

Real lists name their stage or district in the title or the sheet name (续建项目, 萝岗区明细表) and
their period as "2023年1-10月" or "截至10月"; io/plan.py applies these hints to rows that lack them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from zqtracker.domain.money import unit_factor_of
from zqtracker.io.cn_numerals import arabic_months, arabic_years, quarter_spans
from zqtracker.io.columns import HEADER_CACHE
from zqtracker.io.context import place_in_text, status_in_text
from zqtracker.io.header_rows import HEADER_SCAN_ROWS, find_header_row, looks_like_subheader
from zqtracker.io.headers import currency_of
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.table_blocks import header_like
from zqtracker.io.values import clean_text, year_in

_UNIT_LINE_RE = re.compile(
    r"(?:金额|计量|货币)?单位\s*[:：]\s*([^\s,，;；)）]+)|\bunits?\s*[:：]\s*([a-z0-9 ¥￥$]+)", re.I
)
# A title ending in a bracketed unit: "2025年项目月度完成投资（万元）" — the bracket nothing but the unit.
_TITLE_UNIT_RE = re.compile(r"[（(]\s*([^（）()]{1,16}?)\s*[)）]\s*$")
_REPORTER_RE = re.compile(
    r"(?:填报|报送|填表|上报)单位(?:名称)?(?:\s*[（(][^）)]{0,8}[）)])?\s*[:：]\s*(\S[^:：]*?)(?:\s{2,}|$|\s+(?:单位|填报|日期))"
)
# "报送时间：2025年11月", "填报日期：2025-11-05": when the report was sent or filled in, never the period it is
# of nor its year (a December report goes out in January) — left out of the titles and the title's year
_SENT_ON_RE = re.compile(
    r"(?:报送|填报|填表|上报|报出|制表)(?:时间|日期)\s*[:：]?[\s\d０-９〇零一二三四五六七八九十年月日号.\-/／]*"
)


def without_sent_dates(text: str) -> str:
    """``text`` without its 报送时间 / 填报日期 part."""
    return _SENT_ON_RE.sub(" ", text).strip()


def fill_titles(layout: SheetLayout, sheet: RawSheet, upto: int) -> None:
    titled: list[str] = []  # the title rows' texts
    table_above = False  # a header row since the unit line was read: that unit was another table's
    for r in range(sheet.row_offset, upto):
        row = sheet.rows[r - sheet.row_offset]
        texts = [clean_text(v) for v in row if isinstance(v, str) and v.strip()]
        if not texts:
            continue
        if layout.unit_line is not None and header_like(row):
            table_above = True
        line = without_sent_dates("  ".join(texts))
        if not line:
            continue
        is_title = not any(k in line for k in ("填报单位", "报送单位", "填表单位")) and not _UNIT_LINE_RE.fullmatch(
            line.strip()
        )
        for m in _UNIT_LINE_RE.finditer(line):
            if table_above:  # 单位：亿元 over a second table: it governs the table under it, not the first's
                layout.unit_line = layout.unit_currency = layout.unit_from = None
                table_above = False
            before = layout.unit_line
            _take_unit(layout, m.group(1) or m.group(2) or "")
            cell = next((t for t in texts if m.group(0) in t), "")
            if before is None and layout.unit_line is not None and is_title and not _UNIT_LINE_RE.fullmatch(cell):
                layout.unit_from = (cell, m.group(1) or m.group(2) or "")  # "…表（单位：万元）": the title's
        reporter = _REPORTER_RE.search(line + "  ")
        if reporter and not layout.reporter:
            layout.reporter = reporter.group(1).strip()
        if is_title:
            layout.titles.append(line)
            titled.extend(texts)
    # no unit line: a title's "（万元）" is one — else the sheet's name's ("外资项目（万美元）")
    for text in [*titled, sheet.name] if layout.unit_line is None else ():
        bracket = _TITLE_UNIT_RE.search(text)
        if bracket is not None and not _UNIT_LINE_RE.search(text) and _take_unit(layout, bracket.group(1)):
            layout.unit_from = (text, bracket.group(1).strip())
            break


def _take_unit(layout: SheetLayout, word: str) -> bool:
    """Whether ``word`` is a unit ("万元", "万美元"), made the unit of the sheet's amounts if none is yet."""
    factor = unit_factor_of(word)
    if factor is not None and layout.unit_line is None and word.lower().strip() not in ("million", "m"):
        layout.unit_line = factor
    currency = currency_of(word)
    if currency is not None and layout.unit_currency is None:
        layout.unit_currency, layout.unit_line = currency[0], currency[1]
    return (factor is not None and word.lower().strip() not in ("million", "m")) or currency is not None


def unit_line_factor(text: str) -> int | None:
    """The yuan factor a row holding only a unit line ("单位：亿元", "金额单位：万元") names; None for
    any other text."""
    m = _UNIT_LINE_RE.fullmatch(clean_text(text).strip())
    if m is None or not m.group(1):
        return None
    return unit_factor_of(m.group(1))


def unit_named_in(text: str) -> int | None:
    """The yuan factor a unit line inside a longer text names ("二、储备项目（金额单位：亿元）"), or None."""
    m = _UNIT_LINE_RE.search(clean_text(text))
    return unit_factor_of(m.group(1)) if m is not None and m.group(1) else None


def title_year(sheet: RawSheet, upto: int) -> int | None:
    for r in range(sheet.row_offset, upto):
        texts = [v for v in sheet.rows[r - sheet.row_offset] if isinstance(v, str)]
        y = year_in(without_sent_dates("  ".join(texts))) if texts else None
        if y is not None:
            return y
    return None


def header_year(sheet: RawSheet, hr: int) -> int | None:
    """A year another header of the header rows names ("2023年计划投资" beside "8月" … "12月"). The row
    under ``hr`` only when it is a second header row: a first project's text ("2012年12月召开座谈会")
    is no report's year (probe30a: a 2013 list's plans were all stored as 2012's)."""
    for r in (hr, hr + 1) if looks_like_subheader(sheet, hr, None) else (hr,):
        i = r - sheet.row_offset
        if 0 <= i < len(sheet.rows):
            years = {year_in(v) for v in sheet.rows[i] if isinstance(v, str)} - {None}
            if len(years) == 1:
                return years.pop()
    return None


def book_year(sheets: list[RawSheet]) -> int | None:
    """The one year a workbook's sheets name in their titles or names, if they name one: the rows above
    a sheet's header, never its table's (a project's "计划2013年3月" is not the report's year)."""
    years = set()
    for sheet in sheets:
        upto = sheet.row_offset + min(HEADER_SCAN_ROWS, len(sheet.rows))
        hr = find_header_row(sheet, title_year(sheet, upto) or year_in(sheet.name))
        found = title_year(sheet, upto if hr is None else hr) or year_in(sheet.name)
        if found is not None:
            years.add(found)
    return years.pop() if len(years) == 1 else None


def fill_hints(layout: SheetLayout, sheet_name: str, known: frozenset[str]) -> None:
    """Stage and district the sheet name, the titles or the 填报单位 line give all rows."""
    for source, text in (("sheet", sheet_name), *(("title", t) for t in layout.titles)):
        status = status_in_text(text)
        if status is not None:
            layout.status_hint, layout.status_from = status.value, source
            break
    for source, text in (("title", " ".join(layout.titles)), ("sheet", sheet_name), ("reporter", layout.reporter)):
        place = place_in_text(text, known) if text else None
        if place:
            layout.district_hint, layout.district_from = place, source
            break
    named = place_in_text(sheet_name, known) if layout.district_from == "title" else None
    if named and named != layout.district_hint:  # a sheet 鼎湖区 under a title copied from 端州区's sheet
        layout.district_other = named


def is_english(layout: SheetLayout, sheet: RawSheet) -> bool:
    """Titles, headers, sheet name and the first rows hold no Chinese: an English-language list."""
    return not any(
        _has_cjk(t)
        for t in (*layout.titles, *(c.header for c in layout.columns), sheet.name, *_sample_texts(sheet, layout))
    )


def _sample_texts(sheet: RawSheet, layout: SheetLayout, rows: int = 50) -> list[str]:
    start = layout.data_start - sheet.row_offset
    return [v for row in sheet.rows[max(start, 0) : start + rows] for v in row if isinstance(v, str)]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# -- the report's period: 1–X月 figures and 当月 amounts -----------------------------------------------
_YTD_PERIOD_RE = re.compile(r"(?:((?:19|20|21)\d{2})\s*年)?\s*1\s*[-~—–至]\s*(\d{1,2})\s*月")
# 截至2023年10月, 至2023年10月; 截至10月底 (the year from elsewhere: a bare 至 is too common to take alone)
_AS_OF_RE = re.compile(r"(?:截至|截止|至(?=\s*(?:19|20|21)\d{2}))\s*(?:((?:19|20|21)\d{2})\s*年)?\s*(\d{1,2})\s*月")
_MONTH_OF_RE = re.compile(r"((?:19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_BARE_MONTH_RE = re.compile(r"^(?:((?:19|20|21)\d{2})\s*年)?\s*(\d{1,2})\s*月份?$")


def report_period(layout: SheetLayout, sheet: RawSheet) -> tuple[int | None, int | None]:
    """The year and month a report is of: "2023年1-10月", "截至2023年10月", "2023年10月份" in the title;
    a 1–X月 header; a sheet named "10月"."""
    headers = [c.header for c in layout.columns if c.header]
    for regex in (_AS_OF_RE, _YTD_PERIOD_RE, _MONTH_OF_RE):
        for text in layout.titles:
            m = regex.search(_fold_period(text))
            if m and 1 <= int(m[2]) <= 12:
                return (int(m[1]) if m[1] else layout.year), int(m[2])
        # headers: the latest year they name (2025年1-10月 | 2026年1-10月 is a 2026 report), never one
        # before the title's (2025年1-10月 beside 当月 under a 2026 title: last year's column)
        found = [(int(m[1]) if m[1] else layout.year, int(m[2])) for m in map(regex.search, map(_fold_period, headers))
                 if m and 1 <= int(m[2]) <= 12]  # fmt: skip
        if found:
            year, month = max(found, key=lambda p: (p[0] or 0, p[1]))  # (1–9月 | 1–10月: an October report)
            return (max(year, layout.year) if year and layout.year else year), month
    m = _BARE_MONTH_RE.match(_fold_period(sheet.name))
    if m and 1 <= int(m[2]) <= 12:
        return (int(m[1]) if m[1] else layout.year), int(m[2])
    return layout.year, None


_NAMED_MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})月")  # (1-10月: the 10 alone — the 1 is followed by no 月)
_NAMED_YEAR_RE = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")


def names_one_period(name: str) -> bool:
    """A file's name that names at most one year and one month (2025年11月报送-10月进度 names two
    months: the month it was sent in and the month it reports — neither is taken)."""
    folded = _fold_period(name)
    return len(set(_NAMED_MONTH_RE.findall(folded))) <= 1 and len(set(_NAMED_YEAR_RE.findall(folded))) <= 1


def period_in_name(name: str) -> tuple[int | None, int] | None:
    """The year and month a file's name gives its report (四会市2025年10月项目进度, 2025年1-10月报表, 10月): as a
    title would, the year None for a month alone; None for a name that names no month, or two."""
    folded = _fold_period(name)
    if not names_one_period(name):
        return None
    for m in (*(r.search(folded) for r in (_AS_OF_RE, _YTD_PERIOD_RE, _MONTH_OF_RE)), _BARE_MONTH_RE.match(folded)):
        if m and 1 <= int(m[2]) <= 12:
            return (int(m[1]) if m[1] else None), int(m[2])
    return None


def title_spans(layout: SheetLayout) -> bool:
    """The title names a span of the year through the report's month (1-10月, 截至10月底), not a month."""
    return any(r.search(_fold_period(t)) for t in layout.titles for r in (_AS_OF_RE, _YTD_PERIOD_RE))


def months_named(texts: list[str]) -> set[int]:
    """The report months ``texts`` (a title's lines) name: 1-10月, 截至…10月, 2023年10月 → {10}."""
    found: set[int] = set()
    for text in texts:
        folded = _fold_period(text)
        for regex in (_AS_OF_RE, _YTD_PERIOD_RE, _MONTH_OF_RE):
            found.update(int(m[2]) for m in regex.finditer(folded) if 1 <= int(m[2]) <= 12)
    return found


def sheet_month(name: str) -> int | None:
    """The month a sheet's name is ("10月", "2023年10月份", "1-10月"), if it is one."""
    folded = _fold_period(name)
    m = _BARE_MONTH_RE.match(folded) or _YTD_PERIOD_RE.fullmatch(folded)
    return int(m[2]) if m and 1 <= int(m[2]) <= 12 else None


# "1月-5月", "1月份至5月份" and "前5个月" name the months 1–5 as "1-5月" does (read as January before)
_MONTH_RANGE_RE = re.compile(r"(?<!\d)1\s*月份?\s*[-~—–至到]\s*(\d{1,2})\s*月份?")
_FIRST_MONTHS_RE = re.compile(r"前\s*(\d{1,2})\s*个?月")
# "2026.1-2026.10", "2026年1月-2026年10月", "2026/01～2026/10": the months 1–10 of 2026, as 2026年1-10月
_DOTTED_RANGE_RE = re.compile(
    r"((?:19|20|21)\d{2})\s*[.\-/年]\s*0?1\s*月?份?\s*[-~—–至到]\s*\1\s*[.\-/年]\s*(\d{1,2})\s*月?份?(?!\d)"
)
# a sheet named "2026.10" or "2026-10": October 2026, as 2026年10月
_DOTTED_MONTH_RE = re.compile(r"^((?:19|20|21)\d{2})\s*[.\-/]\s*(\d{1,2})$")


@lru_cache(maxsize=HEADER_CACHE)  # every header, for each of three patterns
def _fold_period(text: str) -> str:
    folded = quarter_spans(unicodedata.normalize("NFKC", text).replace(" ", ""))
    if "年" in folded:
        folded = arabic_months(arabic_years(folded))
    folded = _DOTTED_MONTH_RE.sub(r"\1年\2月", _DOTTED_RANGE_RE.sub(r"\1年1-\2月", folded))
    if "月" in folded:
        folded = _FIRST_MONTHS_RE.sub(r"1-\1月", _MONTH_RANGE_RE.sub(r"1-\1月", folded))
    return folded
