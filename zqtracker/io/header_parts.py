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
"""

from __future__ import annotations

import re

from zqtracker.io.headers import IGNORED_PREFIX, HeaderMatch, header_candidates, split_unit
from zqtracker.io.layout_model import MONEY_FIELDS, ColumnInfo
from zqtracker.io.values import fold, month_header, year_in

PART = IGNORED_PREFIX + "part"
PARTS_ONLY = IGNORED_PREFIX + "parts_only"
_PART_RE = re.compile(r"^其中\s*[:：,，、]?\s*")
_TOTALS = frozenset(("小计", "合计", "总计", "合计数", "小计数", "总计数", "总额"))


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
    _plain_parts(columns)
    for info in columns:
        if info.field != PART:
            continue
        group = _group_of(info)
        if not any(c.field in MONEY_FIELDS and _group_of(c) == group for c in columns):
            info.field = PARTS_ONLY
            info.candidates = (HeaderMatch(PARTS_ONLY, 3),)


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
            if header_candidates(words) or month_header(words, None) is not None or year_in(words) is not None:
                continue
            info.field, info.quality, info.candidates = PART, 3, (HeaderMatch(PART, 3),)


def _group_of(info: ColumnInfo) -> str:
    return info.header.rpartition(" / ")[0]
