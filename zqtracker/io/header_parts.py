"""A group header's parts and its total (probe25b D03c/D03d/D03e/M02/M05).

    计划总投资（万元）                    1-10月完成投资（万元）
    其中：设备投资 | 小计                 其中：设备投资 | 合计

A sub-column whose words begin with 其中 ("of which") is a part of the group's figure, never the figure: it is
not imported, whichever side of the total it stands. The group's field is read from its 小计 / 合计 / 总额 /
总计 sub-column (the usual reading of the group's words, io/header_rows.py). A group of parts alone, with no
total beside them, is not imported, and its note says only parts are given — a part is never stored as the
whole. 其中：10月 under 1-10月完成投资 is no part: it names a month, whose own amount it holds.

    2025年1-10月完成投资（万元）
    设备投资 | 建安工程 | 小计

Beside a 小计 / 合计 / 总计 sub-column, the other sub-columns that name nothing of their own (设备投资, 建安工程:
no field, no month, no year) are parts too, without 其中 (probe26d R3): the group's total is the 小计, wherever
it stands.

    2025年1-10月完成投资（万元）
    设备投资 | 建安工程 (| 其他)

Two or more such sub-columns and nothing beside them that names the group's figure (no 小计 / 合计, no 完成投资
or 1-10月累计 of its own words): each is a part, and none is the whole — but which, if any, holds the total only
the analyst can say (probe27h: 设备投资 was stored as the year to date). Nothing of them is read, and the sheet
asks (plan.py, :func:`ask_parts`), naming the group and its columns; answered with --map (one column to the
group's field: the rest are parts; each to none: none imported). Beside a sub-column that does name the group's
figure (完成投资 over 设备投资 | 建安工程 | 完成投资) they are parts, as beside a 小计.
"""

from __future__ import annotations

import re

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.header_groups import group_child
from zqtracker.io.headers import IGNORED_PREFIX, HeaderMatch, header_candidates, is_unit_word, split_unit
from zqtracker.io.layout_model import MONEY_FIELDS, ColumnInfo, SheetLayout
from zqtracker.io.values import fold, month_header, year_in
from zqtracker.io.ytd_columns import year_of_since

PART = IGNORED_PREFIX + "part"
PART_LEFT = IGNORED_PREFIX + "part_left"  # 其中：固定资产投资 beside 总投资 on a one-row header
PARTS_ONLY = IGNORED_PREFIX + "parts_only"
UNSAID = IGNORED_PREFIX + "parts_unsaid"  # parts with no total beside them: asked of the sheet
_PART_RE = re.compile(r"^其中\s*[:：,，、]?\s*")
_TOTALS = frozenset(("小计", "合计", "总计", "合计数", "小计数", "总计数", "总额"))
_OTHER = frozenset(("其他", "其它", "其他投资", "其它投资"))  # 其他 alone heads remarks; under an amount, a part


def part_column(c: int, shown: str, parent: str, child: str) -> ColumnInfo | None:
    """Column ``c`` as a part (其中：设备投资 under 计划总投资), or None when it is not one: no 其中, a month
    (其中：10月), a group naming no field, or words of a field of their own other than the group's."""
    folded = fold(child)
    if not _PART_RE.match(folded) or month_header(child, None) is not None:
        return None
    group = header_candidates(parent)
    if not group or group[0].field.startswith(IGNORED_PREFIX):
        return None
    own = header_candidates(_PART_RE.sub("", folded))
    if own and own[0].field != group[0].field:
        return None
    return ColumnInfo(c, shown, PART, 3, candidates=(HeaderMatch(PART, 3),))


def settle_parts(columns: list[ColumnInfo]) -> None:
    """Parts whose group has no amount of its own beside them (no 小计 / 合计 sub-column): said as parts
    alone, the group's figure not given."""
    _other_parts(columns)
    _left_parts(columns)
    _plain_parts(columns)
    _parts_without_total(columns)
    for info in columns:
        if info.field != PART:
            continue
        group = _group_of(info)
        if not any(c.field in MONEY_FIELDS and _group_of(c) == group for c in columns):
            info.field = PARTS_ONLY
            info.candidates = (HeaderMatch(PARTS_ONLY, 3),)


def _left_parts(columns: list[ColumnInfo]) -> None:
    """总投资（万元） | 其中：固定资产投资（万元） on a one-row header: the 其中 column is a part of the amount on its
    left (or of the amount left of the parts before it), never the amount, nor another field — it had been
    said to be a column not known. Its own words naming another field (其中：2025年计划投资) leave it as read."""
    whole: ColumnInfo | None = None
    for info in columns:
        words = info.header
        if " / " in words or not _PART_RE.match(fold(words)) or month_header(words, None) is not None:
            whole = info if info.field in MONEY_FIELDS else None
            continue
        if whole is None or info.field not in (None, whole.field):
            whole = None
            continue
        if year_of_since(info, whole):  # 开工累计完成投资 | 其中：本年完成: this year's, no part
            continue
        info.field, info.quality, info.candidates = PART_LEFT, 3, (HeaderMatch(PART_LEFT, 3),)
        info.note = ""


def _plain_parts(columns: list[ColumnInfo]) -> None:
    """设备投资 | 建安工程 | 小计 under 2025年1-10月完成投资: beside the group's total, a sub-column whose own
    words name no field, month or year read the group's field from the group's words alone — it is a part."""
    for total in columns:
        group, _, child = total.header.rpartition(" / ")
        if not group or fold(split_unit(child)[0]) not in _TOTALS or total.field not in MONEY_FIELDS:
            continue
        for info in columns:
            if info is total or _group_of(info) != group or info.field != total.field:
                continue
            words = info.header.rpartition(" / ")[2]
            if fold(split_unit(words)[0]) not in _OTHER and (
                header_candidates(words) or month_header(words, None) is not None or year_in(words) is not None
            ):
                continue
            info.field, info.quality, info.candidates = PART, 3, (HeaderMatch(PART, 3),)


def _group_of(info: ColumnInfo) -> str:
    return info.header.rpartition(" / ")[0]


def _other_parts(columns: list[ColumnInfo]) -> None:
    """其他 (其中：其他) under a group naming an amount (设备投资 | 建安工程 | 其他 under 1-10月完成投资): the rest of
    the group's figure, never remarks (the words alone, 其他, head a remarks column) — a part, read as the plain
    sub-columns beside it are."""
    for info in columns:
        group, _, words = info.header.rpartition(" / ")
        rest = _PART_RE.sub("", fold(split_unit(words)[0]))
        found = header_candidates(group) if group and rest in _OTHER else ()
        if not found or found[0].field not in MONEY_FIELDS:
            continue
        top = found[0]
        if rest != fold(split_unit(words)[0]):  # 其中：其他
            info.field, info.quality, info.candidates = PART, 3, (HeaderMatch(PART, 3),)
        else:
            info.field, info.quality, info.candidates = top.field, 3, found
        info.unit = info.unit or top.unit


def _plain(info: ColumnInfo) -> str | None:
    """The group of a sub-column whose own words name no field, month or year (设备投资 under 1-10月完成投资);
    None for any other column."""
    group, _, words = info.header.rpartition(" / ")
    if group and fold(split_unit(words)[0]) in _OTHER:
        return group
    if not group or header_candidates(words) or month_header(words, None) is not None or year_in(words) is not None:
        return None
    if is_unit_word(words) or group_child(group, words) is not None:  # 万元 under 总投资, 本年 under 累计完成投资
        return None
    return group


def _parts_without_total(columns: list[ColumnInfo]) -> None:
    """设备投资 | 建安工程 under 2025年1-10月完成投资, nothing beside them naming the group's figure: none is read
    (asked, :func:`ask_parts`), each keeping the group's year and month for the answer (--map D=ytd); beside a
    sub-column naming it by its own words (完成投资, 1-10月累计), parts."""
    groups: dict[tuple[str, str | None, object], list[ColumnInfo]] = {}
    for info in columns:
        group = _plain(info) if info.field in MONEY_FIELDS or info.month is not None else None
        if group is not None:  # (of one figure: the group's field and month)
            groups.setdefault((group, info.field, info.month), []).append(info)
    for (group, *said), plain in groups.items():
        if len(plain) < 2:
            continue
        whole = any(_group_of(c) == group and c not in plain and [c.field, c.month] == said for c in columns)
        for info in plain:
            top = info.candidates[0] if info.candidates else None
            year, month = info.month or ((top.year, top.month) if top else (None, None))
            info.year, info.header_month, info.month, info.quality = year, month, None, 3
            info.field = PART if whole else UNSAID
            info.candidates = (HeaderMatch(info.field, 3),)


def _unsaid_groups(layout: SheetLayout) -> dict[str, list[ColumnInfo]]:
    """The plain sub-columns of each group with parts still unsaid (:func:`_parts_without_total`)."""
    groups: dict[str, list[ColumnInfo]] = {}
    for info in layout.columns:
        group = _plain(info)
        if group is not None and not info.hidden:
            groups.setdefault(group, []).append(info)
    return {g: plain for g, plain in groups.items() if any(c.field == UNSAID for c in plain)}


def answered_parts(layout: SheetLayout) -> None:
    """One of a group's unsaid parts mapped to a field (--map D=ytd: io/field_choice.py apply_overrides): that
    column is the group's total, the others parts, not imported."""
    for plain in _unsaid_groups(layout).values():
        if any(c.field and not c.field.startswith(IGNORED_PREFIX) for c in plain):
            for info in plain:
                if info.field == UNSAID:
                    info.field, info.candidates = PART, (HeaderMatch(PART, 3),)


def ask_parts(layout: SheetLayout, sheet: str) -> list[CellProblem]:
    """A sheet problem for each group of parts without a total (:func:`_parts_without_total`) the user has not
    answered (:func:`answered_parts`; each mapped to none: none read, nothing asked)."""
    out = []
    for group, plain in _unsaid_groups(layout).items():
        unsaid = [c for c in plain if c.field == UNSAID]
        found = header_candidates(group.rpartition(" / ")[2])
        field = found[0].field if found and found[0].field in MONEY_FIELDS else "amount"
        columns = "、".join(f"{c.letter} “{c.header.rpartition(' / ')[2]}”" for c in unsaid)
        none = " ".join(f"--map {c.letter}=none" for c in unsaid)
        params = {"value": group, "columns": columns, "column": unsaid[0].letter, "field": field, "none": none}
        problem = Problem("parts_without_total", field, params)
        out.append(CellProblem(sheet, layout.header_row + 1, unsaid[0].letter, unsaid[0].header, group, problem))
    return out
