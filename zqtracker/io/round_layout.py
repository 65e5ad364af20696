"""What a returned round workbook says around its rows: the unit line, the title's month, the
headers of the open columns, and cells merged over several projects' rows.

The hidden sheet says in which unit and for which month the workbook was sent, and the figures are
read in that unit for that month whatever the cells around them say. A district that edits those
cells means something else (亿元 typed under 单位：亿元, October's file re-used for November), so each
such edit is a problem naming the cell — never read past, and never followed silently either.
The grey headers legitimately name the month before (1–9月累计, 9月完成投资) and are not looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import Unit, unit_factor_of
from zqtracker.domain.months import MONTH_ABBREVIATIONS_EN, MONTH_NAMES_EN
from zqtracker.domain.rounds import Period
from zqtracker.io.errors import CellProblem
from zqtracker.io.headers import split_unit
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet
from zqtracker.io.round_text import t
from zqtracker.io.round_workbook import sheet_names
from zqtracker.io.values import display, is_empty

OPEN_KEYS = frozenset(("status", "this_month", "ytd", "progress"))  # open cells a merge must not share
# 单位：万元 / Unit: ¥10,000 — not 填报单位：端州区 / Reporting unit: …
_UNIT_LINE_RE = re.compile(r"(?<!填报)(?<!报送)(?<!填表)(?:单位|(?<!reporting )\bunits?)\s*[:：]\s*(\S.*?)\s*$", re.I)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")
_DASH = r"\s*[-~—–―－～至到]+\s*"
_SPAN_ZH_RE = re.compile(rf"(?<!\d)1\s*月?{_DASH}(\d{{1,2}})\s*月")
_MONTH_ZH_RE = re.compile(r"(?<![\d\-~—–―－～至到])(\d{1,2})\s*月")
_MONTHS_EN = "|".join(f"{a}(?:{n[3:]})?" for a, n in zip(MONTH_ABBREVIATIONS_EN, MONTH_NAMES_EN, strict=True))
_SPAN_EN_RE = re.compile(rf"\bjan(?:uary)?{_DASH}({_MONTHS_EN})\b", re.I)
_MONTH_EN_RE = re.compile(rf"\b({_MONTHS_EN})\b", re.I)


def book_lang(main_sheet: str) -> str:
    """The language the workbook was written in, as its main sheet's name says."""
    return "en" if main_sheet == sheet_names("en")[0] else "zh"


def layout_problems(
    sheet: RawSheet,
    columns: Sequence[str],
    header_row: int,
    sent_for: tuple[Period, Unit, str],
    lang: str,
    *,
    main: bool,
) -> list[CellProblem]:
    """The unit line and the open columns' headers (and, on the main sheet, the title and the group
    row over the open columns) held against ``sent_for``: the month, unit and district the workbook
    was sent for."""
    period, unit, district = sent_for
    label = unit.label(lang)
    out: list[CellProblem] = []
    if main:
        title = t("title", lang, period=period.label(lang), district=district)
        for r, c, text in _texts(sheet, 0, 0):
            out.extend(_month_problem(sheet, r, c, text, period, title))
    unit_line = t("unit_line", lang, unit=label)
    for r, c, text in _texts(sheet, 0, header_row - 1):
        m = _UNIT_LINE_RE.search(text)
        if m is not None and _factor(m.group(1)) not in (None, unit.factor):
            out.append(_problem(sheet, r, c, text, "round_unit_edited", unit=label, sent=unit_line))
    if main:
        c = columns.index("status")
        text = _text_at(sheet, header_row - 1, c)
        if text:
            group = t("group_open", lang, period=period.label(lang))
            out.extend(_month_problem(sheet, header_row - 1, c, text, period, group))
    sent = {
        "this_month": t("col_this_month", lang, unit=label),
        "ytd": t("col_ytd", lang, months=period.ytd_label(lang), unit=label),
        "planned": t("col_planned", lang, unit=label),
    }
    for key in ("this_month", "ytd") if main else ("this_month", "ytd", "planned"):
        c = columns.index(key)
        text = _text_at(sheet, header_row, c)
        factor = split_unit(text)[1] if text else None
        if factor is not None and factor != unit.factor:
            out.append(_problem(sheet, header_row, c, text, "round_unit_edited", unit=label, sent=sent[key]))
        elif text and key != "planned":
            out.extend(_month_problem(sheet, header_row, c, text, period, sent[key]))
    return out


def merged_problems(sheet: RawSheet, columns: Sequence[str], first_row: int, keys: frozenset[str]) -> list[CellProblem]:
    """One figure (or status, or progress) merged down over several rows, each a project of its own:
    a reader sees the value in the top cell only, so the rows under it would get nothing."""
    cols = {columns.index(k) for k in keys if k in columns}
    out: list[CellProblem] = []
    for r0, c0, r1, c1 in sheet.merged:
        if r1 <= r0 or r1 < first_row:
            continue
        for c in sorted(cols):
            if not c0 <= c <= c1:
                continue
            top = max(r0, first_row)
            value = _value_at(sheet, r0, c0)
            if is_empty(value):
                break
            cells = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
            rows = f"{top + 1}–{r1 + 1}"
            out.append(_problem(sheet, top, c, display(value), "round_merged_rows", cells=cells, rows=rows,
                                first=top + 1))  # fmt: skip
            break
    return out


def _month_problem(sheet: RawSheet, r: int, c: int, text: str, period: Period, sent: str) -> Iterator[CellProblem]:
    named = _other_period(text, period)
    if named is not None:
        yield _problem(sheet, r, c, text, "round_month_edited", named=named, round=str(period), sent=sent)


def _other_period(text: str, period: Period) -> str | None:
    """The words of ``text`` naming a year or month other than ``period``'s ("2023年11月", "1–11月",
    "Nov"), or None when it names only the period's (or none)."""
    folded = unicodedata.normalize("NFKC", text)
    for m in _YEAR_RE.finditer(folded):
        if int(m.group(1)) != period.year:
            return m.group(0)
    rest = folded
    for span, single in ((_SPAN_ZH_RE, _MONTH_ZH_RE), (_SPAN_EN_RE, _MONTH_EN_RE)):
        for regex in (span, single):
            for m in regex.finditer(rest):
                month = _month(m.group(1))
                if month is not None and month != period.month:
                    return m.group(0).strip()
            rest = regex.sub(" ", rest)
    return None


def _month(word: str) -> int | None:
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    return 1 + [m.lower() for m in MONTH_ABBREVIATIONS_EN].index(word[:3].lower())


def _factor(word: str) -> int | None:
    """The unit a unit line names: a unit's own label ("万元", "¥10,000"), else any unit word."""
    for unit in Unit:
        if word in (unit.label("zh"), unit.label("en")):
            return unit.factor
    return unit_factor_of(word) or unit_factor_of(word.split()[0])


def _texts(sheet: RawSheet, first: int, last: int) -> Iterator[tuple[int, int, str]]:
    for r in range(first, last + 1):
        i = r - sheet.row_offset
        if 0 <= i < len(sheet.rows):
            for j, v in enumerate(sheet.rows[i]):
                if isinstance(v, str) and v.strip():
                    yield r, sheet.col_offset + j, v.strip()


def _value_at(sheet: RawSheet, r: int, c: int) -> object:
    i, j = r - sheet.row_offset, c - sheet.col_offset
    if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
        return sheet.rows[i][j]
    return None


def _text_at(sheet: RawSheet, r: int, c: int) -> str:
    value = _value_at(sheet, r, c)
    return display(value).strip() if not is_empty(value) else ""


def _problem(sheet: RawSheet, r: int, c: int, value: str, code: str, **params: object) -> CellProblem:
    return CellProblem(sheet.name, r + 1, column_letter(c), "", value, Problem(code, None, {"value": value, **params}))
