"""Which field a column header names, and the money unit it carries.

Headers are compared folded: full-width and half-width alike (NFKC), case, spaces and line breaks
ignored, a trailing colon or required-mark star dropped. A bracketed unit ("计划总投资（万元）",
"Planned investment (10k yuan)") is split off and becomes the column's unit. An exact synonym
wins; then a pattern (a year's plan, cumulative amounts, a month); then the longest Chinese synonym
the header contains ("项目名称及建设内容" → name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zqtracker.domain.money import unit_factor_of
from zqtracker.io.columns import (
    IGNORED_HEADERS,
    IMPORT_ONLY_COLUMNS,
    MONTHLY_COLUMNS,
    PROJECT_COLUMNS,
    ROW_NUMBER_HEADERS,
    Column,
    Kind,
)
from zqtracker.io.values import fold, year_in

ROW_NUMBER = "row_number"
IGNORED_PREFIX = "ignore:"


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    field: str  # a project field, "month", "amount", "chain", "annual_plan", "row_number", "ignore:<what>"
    quality: int  # 3 exact, 2 pattern, 1 contained synonym
    unit: int | None = None  # money factor named in the header
    year: int | None = None  # "2024年计划投资"


_BRACKETS_RE = re.compile(r"[(\[（【〔]([^()\[\]（）【】〔〕]*)[)\]）】〕]")
_UNIT_SUFFIX_RE = re.compile(r"(?:[/／:：]|单位[:：]?)\s*([^\s/／:：]+)$")


def header_key(text: str) -> str:
    key = fold(text).strip("*＊:：")
    return key.replace("（", "(").replace("）", ")")


def split_unit(text: str) -> tuple[str, int | None]:
    """("计划总投资", 10000) from "计划总投资（万元）"; brackets that are not units stay."""
    key = header_key(text)
    unit = None
    for m in list(_BRACKETS_RE.finditer(key)):
        factor = unit_factor_of(m.group(1))
        if factor is not None:
            unit = factor
            key = key.replace(m.group(0), "")
    m = _UNIT_SUFFIX_RE.search(key)
    if m and unit_factor_of(m.group(1)) is not None:
        unit = unit_factor_of(m.group(1))
        key = key[: m.start()]
    return key.strip(), unit


def _build_lookup() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    columns: list[Column] = [*PROJECT_COLUMNS, *MONTHLY_COLUMNS[2:], *IMPORT_ONLY_COLUMNS]
    for column in columns:
        for word in column.synonyms:
            exact.setdefault(header_key(word), column.field)
            base, _unit = split_unit(word)
            exact.setdefault(base, column.field)
    for word in ROW_NUMBER_HEADERS:
        exact.setdefault(header_key(word), ROW_NUMBER)
    for what, words in IGNORED_HEADERS.items():
        for word in words:
            exact.setdefault(header_key(word), IGNORED_PREFIX + what)
    # Only Chinese synonyms are looked for inside longer headers ("项目名称及建设内容"): English
    # words inside others mislead ("Competition name" is no project name).
    contained = sorted(
        ((k, f) for k, f in exact.items() if len(k) >= 2 and _is_cjk(k) and f != ROW_NUMBER),
        key=lambda kv: -len(kv[0]),
    )
    return exact, contained


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_EXACT, _CONTAINED = _build_lookup()
KIND_OF: dict[str, Kind] = {c.field: c.kind for c in (*PROJECT_COLUMNS, *MONTHLY_COLUMNS, *IMPORT_ONLY_COLUMNS)}

_PLAN_RE = re.compile(r"^(?:((?:19|20|21)\d{2})年?度?|本年度?|当年|年度)(?:计划|计划完成|计划投资|投资计划)")
_CUMULATIVE_RE = re.compile(r"(累计|1-\d{1,2}月|1~\d{1,2}月|1—\d{1,2}月|截至|截止|至今|以来|ytd|todate)")
_COMPLETED_WORDS = ("完成", "completed")


def match_header(text: str) -> HeaderMatch | None:
    """The field a header names, or None for a header zqtracker does not know."""
    if not text or not text.strip():
        return None
    base, unit = split_unit(text)
    if not base:
        return None
    field = _EXACT.get(header_key(text)) or _EXACT.get(base)
    if field is not None and not (field in ("amount", "planned_investment") and _CUMULATIVE_RE.search(base)):
        return HeaderMatch(field, 3, unit)
    m = _PLAN_RE.match(base)
    if m:
        return HeaderMatch("annual_plan", 2, unit, int(m.group(1)) if m.group(1) else None)
    if _CUMULATIVE_RE.search(base) and any(w in base for w in _COMPLETED_WORDS):
        return HeaderMatch(IGNORED_PREFIX + "cumulative", 2, unit)
    for word, found in _CONTAINED:
        if word in base:
            return HeaderMatch(found, 1, unit)
    return None


def header_year(text: str) -> int | None:
    return year_in(text)
