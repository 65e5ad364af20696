"""The shape of a sheet: where its header is, what each column holds, its unit, year, stage and
district, and which rows under the header are a template's example rather than data.

Real district files (design.md) put title rows (often merged) and a 填报单位 / 单位：万元 line above
the header, sometimes a group header row above or below the field names ("2023年完成投资" merged
over "1月"…"12月"; "项目信息" over 新公司名称 …), hide columns, and name their stage or district in
the title or the sheet name (续建项目, 萝岗区明细表). The header row is the row whose cells name the
most fields, strongly; each column's field is then chosen by evidence — the header's candidates
(io/headers.py) weighed against the values beneath (io/evidence.py) — each field going to the
column that holds it most surely. io/plan.py then walks the data rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zqtracker.domain.money import unit_factor_of
from zqtracker.io import evidence
from zqtracker.io.context import place_in_text, status_in_text
from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER, HeaderMatch, header_candidates, split_unit
from zqtracker.io.headers import currency_of as _currency_of
from zqtracker.io.numfmt import column_letter
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import clean_text, display, fold, is_empty, month_header, name_part, year_in

HEADER_SCAN_ROWS = 40
PROJECTS, MONTHLY, UNKNOWN = "projects", "monthly", "unknown"
MONEY_FIELDS = (
    "planned_investment",
    "expected_annual_output",
    "expected_annual_tax",
    "amount",
    "annual_plan",
    "ytd",
    "since_start",
)
IDENTITY = ("code", "name")
JOINED = frozenset(("contact", "notes", "progress_note"))  # several columns of one field are joined
_PROJECT_FIELDS = frozenset(("enterprise", "sector", "district", "status", "planned_investment", "land_area_mu",
                             "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on",
                             "production_on", "is_key_project", "project_type", "investor_origin", "officer",
                             "contact", "progress_note", "notes", "since_start"))  # fmt: skip

_UNIT_LINE_RE = re.compile(
    r"(?:金额|计量|货币)?单位\s*[:：]\s*([^\s,，;；)）]+)|\bunits?\s*[:：]\s*([a-z0-9 ¥￥$]+)", re.I
)
_REPORTER_RE = re.compile(
    r"(?:填报|报送|填表|上报)单位(?:名称)?\s*[:：]\s*(\S[^:：]*?)(?:\s{2,}|$|\s+(?:单位|填报|日期))"
)
_WEIGHT = {4: 3.0, 3: 2.5, 2: 2.0, 1: 1.0}


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
    note: str = ""  # why not imported: "hidden", "duplicate", "ignore:<what>", "unknown", "rejected:<field>"
    currency: str | None = None  # amounts in another currency ("USD"): never stored as yuan
    area: str | None = None  # land area unit named in the header: "mu", "m2", "ha"
    candidates: tuple[HeaderMatch, ...] = ()
    joined: bool = False  # a second column of a joined text field (contact, notes, progress)
    rank: int = 0
    date_order: str = "mdy"  # how this column writes 9/30/2026: "mdy", or "dmy" when a day above 12 says so
    period: tuple[int, int] | None = None  # a year-to-date column's (year, last month); 自开工累计's as-of month
    header_month: int | None = None  # the last month a 1–X月 header names

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
    unit_currency: str | None = None  # "单位：万美元"
    year: int | None = None  # from the title rows, unit line or sheet name
    status_hint: str | None = None  # from the sheet name or title (续建项目 → under_construction)
    status_from: str = ""  # "sheet" or "title"
    district_hint: str | None = None  # from the title, sheet name or 填报单位 line
    district_from: str = ""  # "title", "sheet" or "reporter"
    example_rows: list[int] = field(default_factory=list)  # 0-based sheet rows repeating the header texts
    aggregate: bool = False  # counts per group, no project names
    english: bool = False  # titles and headers hold no Chinese: an English-language list
    period: tuple[int | None, int | None] = (None, None)  # the report's (year, month): "2023年1-10月", "截至10月"

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


# -- cells ---------------------------------------------------------------------------------------------
def _cell(sheet: RawSheet, r: int, c: int) -> object:
    i, j = r - sheet.row_offset, c - sheet.col_offset
    if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]):
        return sheet.rows[i][j]
    return ""


def _header_text(value: object) -> str | None:
    """A cell's text as a header candidate: short text only (a paragraph is data, not a header)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = clean_text(value)
    return text if len(text) <= 40 else None


# -- finding the header ----------------------------------------------------------------------------------
def _row_score(sheet: RawSheet, r: int, year: int | None) -> float:
    i = r - sheet.row_offset
    if not 0 <= i < len(sheet.rows):
        return 0.0
    best: dict[str, float] = {}
    months = numbers = long_texts = 0
    for value in sheet.rows[i]:
        text = _header_text(value)
        if text is None:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                numbers += 1
            elif isinstance(value, str) and value.strip():
                long_texts += 1
            if month_header(value, year) is not None:
                months += 1
            continue
        found = header_candidates(text)
        if not found:
            if month_header(value, year) is not None:
                months += 1
            continue
        top = found[0]
        weight = _WEIGHT[top.quality]
        key = top.field
        if top.field.startswith(IGNORED_PREFIX) or top.field == ROW_NUMBER:
            weight = 0.5
        elif top.ambiguous:
            key = "ambiguous:" + text
        best[key] = max(best.get(key, 0.0), weight)
    score = sum(best.values())
    if any(best.get(f, 0) >= 2 for f in IDENTITY):
        score += 3
    if months >= 2:
        score += 1
    return score - min(numbers, 5) - 2 * long_texts


def find_header_row(sheet: RawSheet, year: int | None = None) -> int | None:
    """The row naming the most fields; the earliest of equals (a template's example row repeats
    the header texts under it)."""
    best, best_score = None, 4.0
    first = sheet.row_offset
    for r in range(first, first + min(HEADER_SCAN_ROWS, len(sheet.rows))):
        score = _row_score(sheet, r, year)
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


def _group_row_above(sheet: RawSheet, hr: int) -> bool:
    """The row above the field names is a group header: its texts are merged across several field
    columns ("投资方信息" over 外方投资方 … ) or down into the field row ("项目名称" over A2:A3)."""
    if hr - 1 < sheet.row_offset:
        return False
    merges = _merges_on(sheet, hr - 1)
    across = [m for m in merges if m[0] == hr - 1 and m[2] == hr - 1 and m[3] > m[1]]
    down = [m for m in merges if m[0] == hr - 1 and m[2] >= hr]
    if not across or not down:
        return False
    i = hr - 1 - sheet.row_offset
    texts = [v for v in sheet.rows[i] if isinstance(v, str) and v.strip()]
    return len(texts) >= 2


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
    cells = [v for v in row if not is_empty(v)]
    return any(header_candidates(t) for t in map(_header_text, cells) if t) or any(
        month_header(v, year) is not None for v in cells
    )


# -- the whole layout --------------------------------------------------------------------------------
def detect_layout(
    sheet: RawSheet,
    *,
    known_districts: frozenset[str] = frozenset(),
    overrides: dict[int, str | None] | None = None,
    header_row: int | None = None,
    book_year: int | None = None,
) -> SheetLayout:
    """The sheet's layout; ``overrides`` maps a column index to the field the user chose (None:
    do not import), ``header_row`` forces the header row; ``book_year`` is the year the workbook's
    other sheets name, for months without one ("8月" … "12月")."""
    name_year = year_in(sheet.name)
    layout = SheetLayout(sheet.name, UNKNOWN)
    scan_end = sheet.row_offset + min(HEADER_SCAN_ROWS, len(sheet.rows))
    pre_year = _title_year(sheet, scan_end) or name_year
    hr = header_row if header_row is not None else find_header_row(sheet, pre_year)
    if hr is None:
        _fill_titles(layout, sheet, sheet.row_offset + min(5, len(sheet.rows)))
        _context(layout, sheet.name, known_districts)
        return layout
    if header_row is None and _group_row_above(sheet, hr):
        hr -= 1
        layout.header_rows = 2
    layout.header_row = hr
    _fill_titles(layout, sheet, hr)
    layout.year = _title_year(sheet, hr) or _header_year(sheet, hr) or name_year or book_year
    if layout.header_rows == 1 and _looks_like_subheader(sheet, hr, layout.year):
        layout.header_rows = 2
    _fill_columns(layout, sheet)
    layout.example_rows = _example_rows(layout, sheet)
    _choose_fields(layout, sheet)
    layout.period = _period(layout, sheet)
    _periodic(layout)
    layout.english = not any(
        _has_cjk(t)
        for t in (*layout.titles, *(c.header for c in layout.columns), sheet.name, *_sample_texts(sheet, layout))
    )
    _apply_overrides(layout, overrides or {})
    _context(layout, sheet.name, known_districts)
    layout.kind = _kind(layout)
    return layout


def _sample_texts(sheet: RawSheet, layout: SheetLayout, rows: int = 50) -> list[str]:
    start = layout.data_start - sheet.row_offset
    return [v for row in sheet.rows[max(start, 0) : start + rows] for v in row if isinstance(v, str)]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _context(layout: SheetLayout, sheet_name: str, known: frozenset[str]) -> None:
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


def _header_year(sheet: RawSheet, hr: int) -> int | None:
    """A year another header of the header rows names ("2023年计划投资" beside "8月" … "12月")."""
    for r in (hr, hr + 1):
        i = r - sheet.row_offset
        if 0 <= i < len(sheet.rows):
            years = {year_in(v) for v in sheet.rows[i] if isinstance(v, str)} - {None}
            if len(years) == 1:
                return years.pop()
    return None


def book_year(sheets: list[RawSheet]) -> int | None:
    """The one year a workbook's sheets name in their titles or names, if they name one."""
    years = set()
    for sheet in sheets:
        upto = sheet.row_offset + min(HEADER_SCAN_ROWS, len(sheet.rows))
        found = _title_year(sheet, upto) or year_in(sheet.name)
        if found is not None:
            years.add(found)
    return years.pop() if len(years) == 1 else None


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
            word = m.group(1) or m.group(2) or ""
            factor = unit_factor_of(word)
            if factor is not None and layout.unit_line is None and word.lower().strip() not in ("million", "m"):
                layout.unit_line = factor
            currency = _currency_of(word)
            if currency is not None and layout.unit_currency is None:
                layout.unit_currency, layout.unit_line = currency[0], currency[1]
        reporter = _REPORTER_RE.search(line + "  ")
        if reporter and not layout.reporter:
            layout.reporter = reporter.group(1).strip()
        if not any(k in line for k in ("填报单位", "报送单位", "填表单位")) and not _UNIT_LINE_RE.fullmatch(
            line.strip()
        ):
            layout.titles.append(line)


def _fill_columns(layout: SheetLayout, sheet: RawSheet) -> None:
    hr = layout.header_row
    rows = sheet.rows[hr - sheet.row_offset : hr - sheet.row_offset + layout.header_rows]
    width = max((len(r) for r in rows), default=0) + sheet.col_offset
    merges = _merges_on(sheet, hr)
    for c in range(sheet.col_offset, width):
        parent = _horizontal_parent(merges, sheet, hr, c)
        child = _cell(sheet, hr + 1, c) if layout.header_rows == 2 else ""
        if layout.header_rows == 2 and not is_empty(child) and _is_vertical_merge(merges, hr, c):
            child = ""
        info = _column(c, parent, child, layout.year)
        info.hidden = c in sheet.hidden_cols
        layout.columns.append(info)


def _is_vertical_merge(merges: list[tuple[int, int, int, int]], r: int, c: int) -> bool:
    return any(r0 <= r < r1 and c0 <= c <= c1 for r0, c0, r1, c1 in merges)


def _column(c: int, parent: object, child: object, year: int | None) -> ColumnInfo:
    """What one column may hold, from its header cell (and the group header above, if two rows)."""
    parent_text = clean_text(parent) if isinstance(parent, str) else display(parent)
    child_text = clean_text(child) if isinstance(child, str) else display(child)
    shown = f"{parent_text} / {child_text}" if parent_text and child_text else parent_text or child_text
    group_year = year_in(parent_text) or year if child_text else year
    group_unit = _unit_of(parent) if child_text else None
    candidates = ((child, group_unit), (parent, None)) if child_text else ((parent, None),)
    for value, fallback_unit in candidates:
        if is_empty(value):
            continue
        found = header_candidates(_header_text(value) or "") if isinstance(value, str) else ()
        mh = month_header(value, group_year if value is child else year_in(parent_text) or year)
        top = found[0] if found else None
        if mh is not None and (top is None or top.field == "amount" or top.quality < 3):
            return ColumnInfo(c, shown, "month_column", 2, (top.unit if top else None) or _unit_of(value) or
                              fallback_unit, month=mh, currency=top.currency if top else None)  # fmt: skip
        if found:
            return _info(c, shown, found, fallback_unit, group_year)
    if child_text and parent_text:
        found = header_candidates(f"{parent_text}{child_text}")
        if found:
            return _info(c, shown, tuple(HeaderMatch(m.field, 1, m.unit, m.year, m.currency, m.area, m.rank,
                                                     m.ambiguous) for m in found), group_unit, group_year)  # fmt: skip
    # not recognised; its unit still counts if the user maps it ("金额（亿元）")
    return ColumnInfo(c, shown, None, unit=_unit_of(child) or _unit_of(parent) or group_unit,
                      note="unknown" if shown else "")  # fmt: skip


def _info(c: int, shown: str, found: tuple[HeaderMatch, ...], fallback_unit: int | None,
          group_year: int | None) -> ColumnInfo:  # fmt: skip
    top = found[0]
    plan_year = top.year or (group_year if top.field == "annual_plan" else None)
    return ColumnInfo(c, shown, top.field, top.quality, top.unit or fallback_unit, year=plan_year,
                      currency=top.currency, area=top.area, candidates=found, rank=top.rank)  # fmt: skip


def _unit_of(value: object) -> int | None:
    return split_unit(value)[1] if isinstance(value, str) else None


# -- template example rows ---------------------------------------------------------------------------
def _example_rows(layout: SheetLayout, sheet: RawSheet) -> list[int]:
    """Rows right under the header that repeat its texts: an import template's example row
    ("项目名称 | 12 | 12 …" under "项目名称 | 投资总额 …") is not a project."""
    headers = {fold(c.header.split(" / ")[-1]) for c in layout.columns if c.header}
    headers |= {fold(c.header.split(" / ")[0]) for c in layout.columns if c.header}
    out = []
    for r in range(layout.data_start, layout.data_start + 3):
        i = r - sheet.row_offset
        if not 0 <= i < len(sheet.rows):
            break
        texts = [fold(v) for v in sheet.rows[i] if isinstance(v, str) and v.strip()]
        if not texts:
            continue
        name = next((c for c in layout.columns if c.field == "name"), None)
        name_cell = _cell(sheet, r, name.index) if name is not None else ""
        repeats = sum(1 for t in texts if t in headers)
        if (isinstance(name_cell, str) and fold(name_cell) in headers) or repeats >= max(2, len(texts) // 2):
            out.append(r)
        else:
            break
    return out


# -- choosing each column's field ---------------------------------------------------------------------
def _sample(sheet: RawSheet, layout: SheetLayout, c: int, limit: int = evidence.SAMPLE) -> list:
    start = layout.data_start + len(layout.example_rows)
    j = c - sheet.col_offset
    out: list = []
    first = max(start - sheet.row_offset, 0)
    for i in range(first, min(len(sheet.rows), first + 20 * limit)):  # a sparse column: its first rows say enough
        row = sheet.rows[i]
        if j < len(row) and not is_empty(row[j]):
            out.append(row[j])
            if len(out) >= limit:
                break
    return out


def _choose_fields(layout: SheetLayout, sheet: RawSheet) -> None:
    """Each field to the column that holds it most surely: header strength, then the values'
    evidence, then (for locations) which location the header names. A column whose values
    contradict every field its header names is not imported, with a note saying why."""
    scored: list[tuple[float, int, int, ColumnInfo, HeaderMatch]] = []
    for info in layout.columns:
        if info.month is not None or not info.candidates:
            continue
        if info.hidden:
            info.note, info.field = f"hidden:{info.field}", None
            continue
        sample = _sample(sheet, layout, info.index)
        if any(c.field == "name" for c in info.candidates) and any(w in info.header for w in ("内容", "规模", "简介")):
            sample = [name_part(v) if isinstance(v, str) else v for v in sample]  # "项目名称及建设内容"
        prof = evidence.profile(sample)
        if prof.day_first and not prof.month_first:
            info.date_order = "dmy"
        viable = []
        for cand in info.candidates:
            if cand.field.startswith(IGNORED_PREFIX) or cand.field == ROW_NUMBER:
                viable.append((cand.quality * 10.0, cand))
                continue
            f = evidence.fit(cand.field, prof, cand.rank)
            if f <= evidence.REJECT and cand.quality >= 3 and not cand.ambiguous and prof.n < 5:
                f = -3  # a plain header over a few odd values: the values become problems, not a lost column
            if f <= evidence.REJECT:
                continue
            if cand.currency is not None:
                f -= 5  # a yuan column of the same field holds it more surely than a 万美元 one
            viable.append((cand.quality * 10.0 + f, cand))
        if not viable:
            info.note, info.field = f"rejected:{info.candidates[0].field}", None
            continue
        for score, cand in viable:
            tie = cand.rank * 100 + prof.distinct if cand.field == "district" else cand.rank
            scored.append((score, tie, -info.index, info, cand))
        info.field = None
    scored.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
    taken: dict[str, ColumnInfo] = {}
    done: set[int] = set()
    for _score, _tie, _neg, info, cand in scored:
        if info.index in done:
            continue
        f = cand.field
        shared = f.startswith(IGNORED_PREFIX) or f == ROW_NUMBER
        if f in taken and not shared:
            if f in JOINED:
                _assign(info, cand, layout)
                info.joined = True
                done.add(info.index)
            continue
        _assign(info, cand, layout)
        done.add(info.index)
        if not shared:
            taken[f] = info
    for info in layout.columns:
        if info.candidates and info.index not in done and not info.note:
            best = info.candidates[0].field
            info.note = f"duplicate:{best}"


def _assign(info: ColumnInfo, cand: HeaderMatch, layout: SheetLayout) -> None:
    info.field, info.quality, info.rank = cand.field, cand.quality, cand.rank
    info.unit = cand.unit or info.unit
    info.currency, info.area = cand.currency, cand.area
    if cand.field == "annual_plan":
        info.year = cand.year or info.year or layout.year
    if cand.field in ("ytd", "since_start"):
        info.year, info.header_month = cand.year or info.year, cand.month
    if cand.field.startswith(IGNORED_PREFIX):
        info.note = ""


# -- the report's period: 1–X月 figures and 当月 amounts -----------------------------------------------
_YTD_PERIOD_RE = re.compile(r"(?:((?:19|20|21)\d{2})\s*年)?\s*1\s*[-~—–至]\s*(\d{1,2})\s*月")
_AS_OF_RE = re.compile(r"(?:截至|截止|至)\s*((?:19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月")
_MONTH_OF_RE = re.compile(r"((?:19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_BARE_MONTH_RE = re.compile(r"^(?:((?:19|20|21)\d{2})\s*年)?\s*(\d{1,2})\s*月份?$")


def _period(layout: SheetLayout, sheet: RawSheet) -> tuple[int | None, int | None]:
    """The year and month a report is of: "2023年1-10月", "截至2023年10月", "2023年10月份" in the title;
    a 1–X月 header; a sheet named "10月"."""
    texts = [*layout.titles, *(c.header for c in layout.columns if c.header)]
    for regex in (_AS_OF_RE, _YTD_PERIOD_RE, _MONTH_OF_RE):
        for text in texts:
            m = regex.search(fold_period(text))
            if m and 1 <= int(m[2]) <= 12:
                return (int(m[1]) if m[1] else layout.year), int(m[2])
    m = _BARE_MONTH_RE.match(fold_period(sheet.name))
    if m and 1 <= int(m[2]) <= 12:
        return (int(m[1]) if m[1] else layout.year), int(m[2])
    return layout.year, None


def fold_period(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _periodic(layout: SheetLayout) -> None:
    """Year-to-date and since-start columns take their month from the header or the report's
    period (not imported when neither names it); a 当月 amount in a sheet without a month column is
    the report month's."""
    year, month = layout.period
    has_month = any(c.field == "month" for c in layout.columns) or bool(layout.month_columns())
    for info in layout.columns:
        if info.field == "ytd":
            y, m = info.year or year, info.header_month or month
            if y is None or m is None:
                info.field, info.note = IGNORED_PREFIX + "ytd_no_period", ""
            else:
                info.period = (y, m)
        elif info.field == "since_start":
            if info.year is not None and info.header_month is not None:  # "至2022年底累计": December 2022
                info.period = (info.year, info.header_month)
            elif year is None or month is None:
                info.field = IGNORED_PREFIX + "since_no_period"
            else:
                info.period = (year, month)
        elif info.field == "amount" and not has_month and year is not None and month is not None:
            info.field, info.month = "month_column", (year, month)


def _apply_overrides(layout: SheetLayout, overrides: dict[int, str | None]) -> None:
    for info in layout.columns:
        if info.index not in overrides:
            continue
        chosen = overrides[info.index]
        if chosen is None:
            info.field, info.note, info.month, info.joined = None, "off", None, False
            continue
        info.hidden = False
        info.note = ""
        if chosen.startswith("month:"):
            y, m = chosen[6:].split("-")
            info.field, info.month = "month_column", (int(y), int(m))
        else:
            info.field, info.month, info.quality, info.joined = chosen, None, 9, False
            for other in layout.columns:
                if other is not info and other.field == chosen and other.index not in overrides:
                    if chosen in JOINED:
                        other.joined = True
                    else:
                        other.field, other.note = None, f"duplicate:{chosen}"


def _kind(layout: SheetLayout) -> str:
    fields = layout.fields()
    if not fields & set(IDENTITY):
        layout.aggregate = any(c.field == IGNORED_PREFIX + "count" for c in layout.columns)
        return UNKNOWN
    has_months = bool(layout.month_columns()) or {"month", "amount"} <= fields or "ytd" in fields
    if fields & _PROJECT_FIELDS - {"district"}:
        return PROJECTS
    if has_months:
        return MONTHLY
    if "name" in fields and not fields - {"name", "code", "chain", "annual_plan", "district"}:
        return PROJECTS  # a bare list of names (a lead list with nothing else yet)
    return UNKNOWN
