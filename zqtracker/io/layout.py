"""The shape of a sheet: where its header is, what each column holds, its unit, year and kind.

Real district files (design.md) put title rows (often merged) and a 填报单位 / 单位：万元 line above
the header, sometimes a second header row under a merged group ("2023年完成投资" over "1月"…"12月"),
hide columns, and name their stage in the sheet name (续建项目, 竣工投产项目). Everything is found
here; io/plan.py then walks the data rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zqtracker.domain.money import unit_factor_of
from zqtracker.io.columns import SHEET_STATUS_WORDS
from zqtracker.io.headers import IGNORED_PREFIX, KIND_OF, ROW_NUMBER, HeaderMatch, match_header
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import clean_text, display, fold, is_empty, month_header, year_in

HEADER_SCAN_ROWS = 40
PROJECTS, MONTHLY, UNKNOWN = "projects", "monthly", "unknown"
MONEY_FIELDS = ("planned_investment", "expected_annual_output", "expected_annual_tax", "amount", "annual_plan")
IDENTITY = ("code", "name")

_UNIT_LINE_RE = re.compile(
    r"(?:金额|计量|货币)?单位\s*[:：]\s*([^\s,，;；)）]+)|\bunits?\s*[:：]\s*([a-z0-9 ¥￥]+)", re.I
)
_REPORTER_RE = re.compile(
    r"(?:填报|报送|填表|上报)单位(?:名称)?\s*[:：]\s*(\S[^:：]*?)(?:\s{2,}|$|\s+(?:单位|填报|日期))"
)


@dataclass
class ColumnInfo:
    index: int  # the sheet's 0-based column
    header: str  # as shown (two header rows joined with " / ")
    field: str | None  # None: not imported
    quality: int = 0
    unit: int | None = None  # money factor named in the header
    month: tuple[int | None, int] | None = None  # a wide sheet's month column
    year: int | None = None  # an annual-plan column's year
    hidden: bool = False
    note: str = ""  # why not imported: "hidden", "duplicate", "ignore:<what>", "unknown"

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def is_money(self) -> bool:
        return self.field in MONEY_FIELDS or self.month is not None


@dataclass
class SheetLayout:
    sheet: str
    kind: str
    header_row: int = -1  # the sheet's 0-based row of the (first) header row
    header_rows: int = 1
    columns: list[ColumnInfo] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    reporter: str = ""  # 填报单位
    unit_line: int | None = None  # factor from "单位：万元" above the header
    year: int | None = None  # from the title rows, unit line or sheet name
    status_hint: str | None = None  # from the sheet name (续建项目 → under_construction)

    @property
    def data_start(self) -> int:
        return self.header_row + self.header_rows

    def mapped(self) -> list[ColumnInfo]:
        return [c for c in self.columns if c.field and not c.field.startswith(IGNORED_PREFIX) and
                c.field != ROW_NUMBER and not c.hidden]  # fmt: skip

    def fields(self) -> set[str]:
        return {c.field for c in self.mapped() if c.field}

    def month_columns(self) -> list[ColumnInfo]:
        return [c for c in self.columns if c.month is not None and not c.hidden and c.field == "month_column"]

    def column(self, index: int) -> ColumnInfo | None:
        return next((c for c in self.columns if c.index == index), None)

    def money_without_unit(self) -> list[ColumnInfo]:
        return [c for c in self.mapped() if c.is_money and c.unit is None and self.unit_line is None]


# -- finding the header ----------------------------------------------------------------------------
def _cell(sheet: RawSheet, r: int, c: int) -> object:
    i, j = r - sheet.row_offset, c - sheet.col_offset
    if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
        return sheet.rows[i][j]
    return ""


def _row_matches(sheet: RawSheet, r: int, year: int | None) -> tuple[dict[int, HeaderMatch], dict[int, tuple]]:
    i = r - sheet.row_offset
    if not 0 <= i < len(sheet.rows):
        return {}, {}
    matches: dict[int, HeaderMatch] = {}
    months: dict[int, tuple] = {}
    for j, value in enumerate(sheet.rows[i]):
        c = j + sheet.col_offset
        if isinstance(value, str) and value.strip():
            m = match_header(value)
            if m is not None:
                matches[c] = m
                continue
        mh = month_header(value, year)
        if mh is not None:
            months[c] = mh
    return matches, months


def _score(matches: dict[int, HeaderMatch], months: dict[int, tuple]) -> int:
    fields = {m.field for m in matches.values() if not m.field.startswith(IGNORED_PREFIX) and m.field != ROW_NUMBER}
    score = len(fields) + (1 if len(months) >= 2 else 0)
    if fields & set(IDENTITY):
        score += 2
    return score


def find_header_row(sheet: RawSheet, year: int | None = None) -> int | None:
    best, best_score = None, 2
    first = sheet.row_offset
    for r in range(first, first + min(HEADER_SCAN_ROWS, len(sheet.rows))):
        matches, months = _row_matches(sheet, r, year)
        score = _score(matches, months)
        if score > best_score:
            best, best_score = r, score
    return best


def _merges_on(sheet: RawSheet, r: int) -> list[tuple[int, int, int, int]]:
    return [m for m in sheet.merged[:200_000] if m[0] <= r <= m[2]]


def _horizontal_parent(merges: list[tuple[int, int, int, int]], sheet: RawSheet, r: int, c: int) -> object:
    for r0, c0, _r1, c1 in merges:
        if c0 <= c <= c1:
            return _cell(sheet, r0, c0)
    return _cell(sheet, r, c)


def _looks_like_subheader(sheet: RawSheet, hr: int, year: int | None) -> bool:
    """A second header row sits under empty or merged header cells ("2023年完成投资" merged over
    "1月"…"12月"); a first data row sits under filled ones."""
    i = hr + 1 - sheet.row_offset
    if not 0 <= i < len(sheet.rows):
        return False
    row = sheet.rows[i]
    if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row):
        return False
    merges = _merges_on(sheet, hr)
    filled = [j for j, v in enumerate(row) if not is_empty(v)]
    if not filled:
        return False
    for j in filled:
        c = j + sheet.col_offset
        covered = is_empty(_cell(sheet, hr, c)) or any(c0 <= c <= c1 and c1 > c0 for _r0, c0, _r1, c1 in merges)
        if not covered:
            return False
    matches, months = _row_matches(sheet, hr + 1, year)
    return bool(matches or months)


# -- the whole layout --------------------------------------------------------------------------------
def detect_layout(
    sheet: RawSheet,
    *,
    known_districts: frozenset[str] = frozenset(),
    overrides: dict[int, str | None] | None = None,
    header_row: int | None = None,
) -> SheetLayout:
    """The sheet's layout; ``overrides`` maps a column index to the field the user chose (None:
    do not import), ``header_row`` forces the header row."""
    name_year = year_in(sheet.name)
    layout = SheetLayout(sheet.name, UNKNOWN, status_hint=_status_hint(sheet.name))
    pre_year = _title_year(sheet, sheet.row_offset + min(HEADER_SCAN_ROWS, len(sheet.rows))) or name_year
    hr = header_row if header_row is not None else find_header_row(sheet, pre_year)
    if hr is None:
        _fill_titles(layout, sheet, sheet.row_offset + min(5, len(sheet.rows)))
        return layout
    layout.header_row = hr
    _fill_titles(layout, sheet, hr)
    layout.year = _title_year(sheet, hr) or name_year
    if _looks_like_subheader(sheet, hr, layout.year):
        layout.header_rows = 2
    _fill_columns(layout, sheet)
    _apply_overrides(layout, overrides or {})
    layout.kind = _kind(layout)
    _ = known_districts
    return layout


def _status_hint(sheet_name: str) -> str | None:
    key = fold(sheet_name)
    return next((status for word, status in SHEET_STATUS_WORDS if word in key), None)


def _title_year(sheet: RawSheet, upto: int) -> int | None:
    for r in range(sheet.row_offset, upto):
        for value in sheet.rows[r - sheet.row_offset]:
            if isinstance(value, str):
                y = year_in(value)
                if y is not None:
                    return y
    return None


def _fill_titles(layout: SheetLayout, sheet: RawSheet, upto: int) -> None:
    for r in range(sheet.row_offset, upto):
        texts = [clean_text(v) for v in sheet.rows[r - sheet.row_offset] if isinstance(v, str) and v.strip()]
        if not texts:
            continue
        line = "  ".join(texts)
        for m in _UNIT_LINE_RE.finditer(line):
            factor = unit_factor_of(m.group(1) or m.group(2) or "")
            if factor is not None and layout.unit_line is None:
                layout.unit_line = factor
        reporter = _REPORTER_RE.search(line + "  ")
        if reporter and not layout.reporter:
            layout.reporter = reporter.group(1).strip()
        if not any(k in line for k in ("填报单位", "报送单位", "填表单位")) and not _UNIT_LINE_RE.fullmatch(
            line.strip()
        ):
            layout.titles.append(line)


def _fill_columns(layout: SheetLayout, sheet: RawSheet) -> None:
    hr = layout.header_row
    width = max((len(r) for r in sheet.rows[hr - sheet.row_offset : hr - sheet.row_offset + layout.header_rows]),
                default=0) + sheet.col_offset  # fmt: skip
    taken: dict[str, ColumnInfo] = {}
    merges = _merges_on(sheet, hr)
    for c in range(sheet.col_offset, width):
        parent = _horizontal_parent(merges, sheet, hr, c)
        child = _cell(sheet, hr + 1, c) if layout.header_rows == 2 else ""
        if layout.header_rows == 2 and not is_empty(child) and _is_vertical_merge(merges, hr, c):
            child = ""
        info = _column(c, parent, child, layout.year)
        info.hidden = c in sheet.hidden_cols
        if info.field and info.hidden:
            info.note = "hidden"
        elif (
            info.field and not info.field.startswith(IGNORED_PREFIX) and info.field not in (ROW_NUMBER, "month_column")
        ):
            other = taken.get(info.field)
            if other is not None and other.quality >= info.quality:
                info.note = "duplicate"
            else:
                if other is not None:
                    other.note = "duplicate"
                taken[info.field] = info
        elif info.field is None and not is_empty(parent or child):
            info.note = "unknown"
        layout.columns.append(info)
    for info in layout.columns:
        if info.note in ("hidden", "duplicate"):
            info.field, info.note = None, f"{info.note}:{info.field}"


def _is_vertical_merge(merges: list[tuple[int, int, int, int]], r: int, c: int) -> bool:
    return any(r0 <= r < r1 and c0 <= c <= c1 for r0, c0, r1, c1 in merges)


def _column(c: int, parent: object, child: object, year: int | None) -> ColumnInfo:
    """What one column holds, from its header cell (and the group header above, if two rows)."""
    parent_text = clean_text(parent) if isinstance(parent, str) else display(parent)
    child_text = clean_text(child) if isinstance(child, str) else display(child)
    shown = f"{parent_text} / {child_text}" if parent_text and child_text else parent_text or child_text
    group_year = year_in(parent_text) or year if child_text else year
    group_unit = _unit_of(parent) if child_text else None
    candidates = ((child, group_unit), (parent, None)) if child_text else ((parent, None),)
    for value, fallback_unit in candidates:
        if is_empty(value):
            continue
        m = match_header(value) if isinstance(value, str) else None
        mh = month_header(value, group_year if value is child else year_in(parent_text) or year)
        if mh is not None and (m is None or m.field == "amount" or m.quality < 3):
            return ColumnInfo(c, shown, "month_column", 2, (m.unit if m else None) or fallback_unit, month=mh)
        if m is not None:
            plan_year = m.year or (group_year if m.field == "annual_plan" else None)
            return ColumnInfo(c, shown, m.field, m.quality, m.unit or fallback_unit, year=plan_year)
    if child_text and parent_text:
        m = match_header(f"{parent_text}{child_text}")
        if m is not None:
            return ColumnInfo(c, shown, m.field, 1, m.unit or group_unit)
    # not recognised; its unit still counts if the user maps it ("金额（亿元）")
    return ColumnInfo(c, shown, None, unit=_unit_of(child) or _unit_of(parent) or group_unit)


def _unit_of(value: object) -> int | None:
    from zqtracker.io.headers import split_unit

    return split_unit(value)[1] if isinstance(value, str) else None


def _apply_overrides(layout: SheetLayout, overrides: dict[int, str | None]) -> None:
    for info in layout.columns:
        if info.index not in overrides:
            continue
        chosen = overrides[info.index]
        if chosen is None:
            info.field, info.note, info.month = None, "off", None
            continue
        info.hidden = False
        info.note = ""
        if chosen.startswith("month:"):
            y, m = chosen[6:].split("-")
            info.field, info.month = "month_column", (int(y), int(m))
        else:
            info.field, info.month, info.quality = chosen, None, 9
            for other in layout.columns:
                if other is not info and other.field == chosen and other.index not in overrides:
                    other.field, other.note = None, f"duplicate:{chosen}"


def _kind(layout: SheetLayout) -> str:
    fields = layout.fields()
    if not fields & set(IDENTITY):
        return UNKNOWN
    has_months = bool(layout.month_columns()) or {"month", "amount"} <= fields
    project_fields = {f for f in fields if f in KIND_OF} - {"code", "name", "district", "month", "amount"}
    project_fields.discard("annual_plan")
    if project_fields:
        return PROJECTS
    if has_months:
        return MONTHLY
    return UNKNOWN
