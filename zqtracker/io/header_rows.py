"""Finding a sheet's header: the row that names the most fields, a group header row above or a
second header row below it (and a third under merged groups of the second: 项目投资情况 › 2025年 ›
1-10月累计), and what each header cell (or pair, or three, of cells) says its column holds.

Real district files put title rows (often merged) above the header, sometimes a group header row
above or below the field names ("2023年完成投资" merged over "1月"…"12月"; "项目信息" over
新公司名称 …). A column's header yields candidates (io/headers.py); which one wins is decided by
the values beneath, in io/field_choice.py.
"""

from __future__ import annotations

import itertools
import re

from zqtracker.io.header_groups import group_child, settle_last_year
from zqtracker.io.header_parts import part_column, settle_parts
from zqtracker.io.header_subs import change_child, with_year
from zqtracker.io.headers import (
    IGNORED_PREFIX,
    ROW_NUMBER,
    HeaderMatch,
    header_candidates,
    is_unit_word,
    split_unit,
)
from zqtracker.io.layout_model import IDENTITY, ColumnInfo, SheetLayout
from zqtracker.io.quarters import quarter_column
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import clean_text, display, fold, is_empty, month_header, year_in

HEADER_SCAN_ROWS = 40
_WEIGHT = {4: 3.0, 3: 2.5, 2: 2.0, 1: 1.0}


def cell(sheet: RawSheet, r: int, c: int) -> object:
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


def _centred_group(sheet: RawSheet, hr: int, c: int) -> bool:
    """Header cell (hr, c) heads a group drawn without a merge ("centre across selection"): the header
    cell to its right is empty and the row below has a sub-column under both (总投资 over 合计 |
    其中：固定资产投资, 2026年完成投资 over 10月 | 1-10月累计)."""
    return (
        not is_empty(cell(sheet, hr, c))
        and is_empty(cell(sheet, hr, c + 1))
        and not is_empty(cell(sheet, hr + 1, c))
        and not is_empty(cell(sheet, hr + 1, c + 1))
    )


def _group_to_left(sheet: RawSheet, hr: int, c: int) -> object:
    """The unmerged group header an empty header cell (hr, c) with a sub-column under it belongs to:
    the nearest filled header cell to its left, when the cells between are empty and it heads a group
    (see _centred_group); its own cell otherwise."""
    if not is_empty(cell(sheet, hr, c)) or is_empty(cell(sheet, hr + 1, c)):
        return cell(sheet, hr, c)
    for left in range(c - 1, max(sheet.col_offset, c - 12) - 1, -1):
        if not is_empty(cell(sheet, hr, left)):
            return cell(sheet, hr, left) if _centred_group(sheet, hr, left) else cell(sheet, hr, c)
        if is_empty(cell(sheet, hr + 1, left)):
            break
    return cell(sheet, hr, c)


def _merges_on(sheet: RawSheet, r: int) -> list[tuple[int, int, int, int]]:
    return [m for m in sheet.merged[:200_000] if m[0] <= r <= m[2]]


def _horizontal_parent(merges: list[tuple[int, int, int, int]], sheet: RawSheet, r: int, c: int) -> object:
    for r0, c0, _r1, c1 in merges:
        if c0 <= c <= c1:
            return cell(sheet, r0, c0)
    return cell(sheet, r, c)


def group_row_above(sheet: RawSheet, hr: int) -> bool:
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


def looks_like_subheader(sheet: RawSheet, hr: int, year: int | None) -> bool:
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
    # header cells merged down over this row (序号, 项目名称) — over 资金来源 | 中央预算内 | 专项债 | 自筹,
    # 1-10月完成投资 | 累计 | 其中：10月, or a one-column group (开工累计 over 完成投资)
    if any(r0 <= hr < r1 for r0, _c0, r1, _c1 in merges):
        return True
    for j in filled:
        c = j + sheet.col_offset
        covered = (
            is_empty(cell(sheet, hr, c))
            or any(c0 <= c <= c1 and c1 > c0 for _r0, c0, _r1, c1 in merges)
            or _centred_group(sheet, hr, c)
        )
        if not covered:
            return False
    cells = [v for v in row if not is_empty(v)]
    return (
        any(header_candidates(t) for t in map(_header_text, cells) if t)
        or any(month_header(v, year) is not None for v in cells)
        or any(_group_says(sheet, merges, hr, j + sheet.col_offset, row[j]) for j in filled)
    )


def third_header_row(sheet: RawSheet, hr: int, year: int | None) -> bool:
    """Under a two-row header, a third row of field names: header cells merged down all three rows
    (序号 over A3:A5) and, under the middle row's groups (2025年 over H4:J4, 完成投资 over I4:J4), the
    words that name each column (年度计划 | 10月 | 1-10月累计). Not a row of units (those count for
    the columns above them), nor a data row: it has no numbers and nothing outside those groups."""
    i = hr + 2 - sheet.row_offset
    if not 0 <= i < len(sheet.rows) or not any(r0 == hr and r1 >= hr + 2 for r0, _c0, r1, _c1 in _merges_on(sheet, hr)):
        return False
    if unit_row_below(sheet, hr + 1):
        return False
    row = sheet.rows[i]
    if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row):
        return False
    groups = [m for m in _merges_on(sheet, hr + 1) if m[0] == m[2] == hr + 1 and m[3] > m[1]]
    under: list[tuple[int, object]] = []
    for j, v in enumerate(row):
        c = j + sheet.col_offset
        if is_empty(v):
            continue
        if any(c0 <= c <= c1 for _r0, c0, _r1, c1 in groups) or _centred_group(sheet, hr + 1, c):
            under.append((c, v))
        elif not is_empty(cell(sheet, hr + 1, c)):
            return False
    return any(
        (isinstance(v, str) and header_candidates(_header_text(v) or ""))
        or month_header(v, year) is not None
        or _group_says(sheet, groups, hr + 1, c, v)
        for c, v in under
    )


def _group_says(sheet: RawSheet, merges: list[tuple[int, int, int, int]], hr: int, c: int, child: object) -> bool:
    """A word that means something only under its group: 本年 | 自开工 under 累计完成投资."""
    parent = _horizontal_parent(merges, sheet, hr, c)
    return isinstance(parent, str) and isinstance(child, str) and group_child(parent, child) is not None


_COUNT_UNITS = frozenset(("%", "％", "个", "项", "人", "家", "年", "月"))


_STEMS = frozenset(("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "栏次", "栏号"))


def column_numbers_row(sheet: RawSheet, r: int) -> bool:
    """Row ``r`` numbers the columns above it, as a statistical form's 栏次 row does (甲 | 乙 | 1 | 2
    | 3 …): heavenly stems for the text columns, then consecutive numbers — or numbers alone, 1, 2,
    3, 4 … No project's row is that: it has a name."""
    i = r - sheet.row_offset
    if not 0 <= i < len(sheet.rows):
        return False
    numbers: list[int] = []
    stems = 0
    for v in sheet.rows[i]:
        text = v.strip() if isinstance(v, str) else None
        if is_empty(v):
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer():
            numbers.append(int(v))
        elif text is not None and text.isascii() and text.isdigit() and len(text) < 4:
            numbers.append(int(text))
        elif text in _STEMS:
            stems += 1
        else:
            return False
    consecutive = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return consecutive and (len(numbers) >= 2 if stems else len(numbers) >= 4 and numbers[0] == 1)


def unit_row_below(sheet: RawSheet, hr: int) -> bool:
    """The row under the header row gives the columns' units ("万元" under 总投资, "亩" under 用地面积),
    and nothing else: a second header row, whose units count for the columns above them."""
    i = hr + 1 - sheet.row_offset
    if not 0 <= i < len(sheet.rows):
        return False
    texts = [v for v in sheet.rows[i] if not is_empty(v)]
    if not texts or not all(isinstance(v, str) for v in texts):
        return False
    units = [t for t in texts if is_unit_word(t)]
    return bool(units) and all(is_unit_word(t) or t.strip().strip("()（）[]【】") in _COUNT_UNITS for t in texts)


def fill_columns(layout: SheetLayout, sheet: RawSheet) -> None:
    hr = layout.header_row
    rows = sheet.rows[hr - sheet.row_offset : hr - sheet.row_offset + layout.header_rows]
    width = max((len(r) for r in rows), default=0) + sheet.col_offset
    merges = _merges_on(sheet, hr)
    for c in range(sheet.col_offset, width):
        if layout.header_rows == 3:  # 项目投资情况 › 2025年 › 1-10月累计
            info = _column_of_three(sheet, hr, c, layout.year)
            info.hidden = c in sheet.hidden_cols
            layout.columns.append(info)
            continue
        parent = _horizontal_parent(merges, sheet, hr, c)
        if layout.header_rows == 2 and parent is cell(sheet, hr, c) and not _is_vertical_merge(merges, hr, c):
            parent = _group_to_left(sheet, hr, c)
        child = cell(sheet, hr + 1, c) if layout.header_rows == 2 else ""
        if layout.header_rows == 2 and not is_empty(child) and _is_vertical_merge(merges, hr, c):
            child = ""
        info = _column(c, parent, child, layout.year)
        info.hidden = c in sheet.hidden_cols
        layout.columns.append(info)
    settle_parts(layout.columns)
    settle_last_year(layout.columns)  # 上年同期 beside 1-10月 under 完成投资: last year's 1–10月


def units_from_row(layout: SheetLayout, sheet: RawSheet, r: int) -> None:
    """A third header row of units ("（万元）" under 计划总投资 and each column of a group over two
    rows): the unit of each column that has none of its own."""
    for info in layout.columns:
        text = cell(sheet, r, info.index)
        if not isinstance(text, str) or not is_unit_word(text):
            continue
        unit = _unit_of(f"（{text.strip().strip('()（）[]【】')}）")
        if unit is not None and info.unit is None:
            info.unit = unit


def _is_vertical_merge(merges: list[tuple[int, int, int, int]], r: int, c: int) -> bool:
    return any(r0 <= r < r1 and c0 <= c <= c1 for r0, c0, r1, c1 in merges)


def _level(sheet: RawSheet, r: int, c: int) -> object:
    """What header row ``r`` says over column ``c``: its cell, or the merged cell it lies in when the
    merge begins on this row; nothing under a merge from a row above (计划总投资 over G4:G5)."""
    for r0, c0, _r1, c1 in _merges_on(sheet, r):
        if c0 <= c <= c1:
            return cell(sheet, r0, c0) if r0 == r else ""
    return cell(sheet, r, c)


def _column_of_three(sheet: RawSheet, hr: int, c: int, year: int | None) -> ColumnInfo:
    """A column under three header rows, its words read top-down: the lowest two as a group and its
    sub-column, the top one lending them its year when the middle names none (2025年投资情况 › 完成投资
    › 10月: October of 2025), or its words after a bare year (2025年 under 累计完成投资 › 8月: the year
    to date through August of 2025)."""
    words = [v for v in (_level(sheet, r, c) for r in (hr, hr + 1, hr + 2)) if not is_empty(v)]
    if len(words) < 3:
        words += [""] * (2 - len(words))
        return _column(c, words[0], words[1], year)
    top, middle, bottom = (clean_text(v) if isinstance(v, str) else display(v) for v in words)
    bare_year = year_in(middle) is not None and not re.sub(r"\d{4}\s*年度?", "", fold(middle)).strip()
    if bare_year:
        group = middle + top
    elif year_in(top) is not None and year_in(middle) is None:
        group = f"{year_in(top)}年{middle}"
    else:
        group = middle
    info = _column(c, group, bottom, year)
    info.header = f"{top} / {middle} / {bottom}"
    return info


def _column(c: int, parent: object, child: object, year: int | None) -> ColumnInfo:
    """What one column may hold, from its header cell (and the group header above, if two rows)."""
    parent_text = clean_text(parent) if isinstance(parent, str) else display(parent)
    child_text = clean_text(child) if isinstance(child, str) else display(child)
    shown = f"{parent_text} / {child_text}" if parent_text and child_text else parent_text or child_text
    if parent_text and child_text and is_unit_word(child_text):  # 总投资 over 万元: 总投资（万元）
        info = _column(c, f"{parent_text}（{child_text.strip('()（）[]【】')}）", "", year)
        info.header = shown
        return info
    said = with_year(parent_text, child_text) if parent_text and child_text else None
    if said is not None:  # 2024年 under 1-10月完成投资: 2024年1-10月完成投资 (io/header_subs.py)
        info = _column(c, said, "", year)
        info.header, info.unit = shown, info.unit or _unit_of(child) or _unit_of(parent)
        return info
    change = change_child(parent_text, child_text) if parent_text and child_text else None
    if change is not None:  # 增减额 under 完成投资: a difference, never the group's amount
        return _info(c, shown, change, None, year)
    group_year = year_in(parent_text) or year if child_text else year
    group_unit = _unit_of(parent) if child_text else None
    grouped = group_child(parent_text, child_text) if parent_text and child_text else None
    if grouped:  # 1-9月完成投资 over 完成投资, 本年完成投资 over 本月 | 自年初累计 (io/header_groups.py)
        return _info(c, shown, grouped, _unit_of(child) or group_unit, group_year)
    quarter = quarter_column(c, shown, parent_text, child_text)
    if quarter is not None:  # 二季度 under 完成投资, 4—6月完成投资: months 4–6 as one figure (io/quarters.py)
        return quarter
    part = part_column(c, shown, parent_text, child_text) if parent_text and child_text else None
    if part is not None:  # 其中：设备投资 under 计划总投资: a part, never the whole (io/header_parts.py)
        return part
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
    return ColumnInfo(
        c, shown, None, unit=_unit_of(child) or _unit_of(parent) or group_unit, note="unknown" if shown else ""
    )


def _info(
    c: int, shown: str, found: tuple[HeaderMatch, ...], fallback_unit: int | None, group_year: int | None
) -> ColumnInfo:
    top = found[0]
    plan_year = top.year or (group_year if top.field == "annual_plan" else None)
    return ColumnInfo(c, shown, top.field, top.quality, top.unit or fallback_unit, year=plan_year,
                      currency=top.currency, area=top.area, candidates=found, rank=top.rank)  # fmt: skip


def _unit_of(value: object) -> int | None:
    return split_unit(value)[1] if isinstance(value, str) else None
