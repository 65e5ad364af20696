"""Sub-columns whose words change what their group header says (probe26d R1/R2):

    1-10月完成投资                 2024年              完成投资
    2024年 | 2025年 | 同比增长(%)   10月 | 1-10月       1-10月累计 | 增减额

A year in a sub-header governs its column's year, as it would in one header cell: 2024年 under 1-10月完成投资
is 2024年1-10月完成投资 (last year's year to date, io/field_choice.py apply_period), never this year's — and
1-10月 under 2024年 is 2024年1-10月. A change (增减额, 比上年增减, 同比增减额) under a group is a difference of
two years' figures, never an amount of the group's field: it is not imported, said.
io/header_rows.py asks here before anything else reads the pair.
"""

from __future__ import annotations

import re

from zqtracker.io.header_periods import IGNORED_PREFIX, RANGE_MONTH_RE, is_change
from zqtracker.io.headers import HeaderMatch, header_candidates, split_unit
from zqtracker.io.values import fold

_BARE_YEAR_RE = re.compile(r"^((?:19|20|21)\d{2})\s*年?度?$")
_YEAR_RE = re.compile(r"(?:19|20|21)\d{2}\s*年度?")
_YEAR_GROUPS = ("ytd", "amount", "annual_plan")  # 1-10月完成投资, 完成投资, 计划投资 over 2024年 | 2025年
_CHANGE_AMOUNT = ("增减", "增加", "减少", "额", "数")
_PERCENT = ("%", "％", "率", "幅", "速", "百分")


def with_year(parent: str, child: str) -> str | None:
    """The words a group and its sub-column say together when one of them is a bare year: 2024年 under
    1-10月完成投资 → 2024年1-10月完成投资 (the sub-column's year over any the group names), 1-10月 under
    2024年 → 2024年1-10月; None otherwise."""
    p, c = fold(split_unit(parent)[0]), fold(split_unit(child)[0])
    child_year, parent_year = _BARE_YEAR_RE.match(c), _BARE_YEAR_RE.match(p)
    if child_year and not parent_year:
        found = header_candidates(parent)
        if found and found[0].field in _YEAR_GROUPS:
            return f"{child_year[1]}年{_YEAR_RE.sub('', p)}"
    if parent_year and not child_year and RANGE_MONTH_RE.search(c):
        found = header_candidates(child)  # 1-10月 | 1-10月累计 under 2024年
        if found and found[0].field == "ytd" and found[0].year is None:
            return f"{parent_year[1]}年{c}"
    return None


def change_child(parent: str, child: str) -> tuple[HeaderMatch, ...] | None:
    """增减额 / 增减 / 比上年增减 under a group of an amount (完成投资, 1-10月累计): the change on last year —
    not imported, said; a share or rate of growth (同比(%), 增幅) a percentage. None when ``child`` names no
    change or the group names no amount."""
    c = fold(split_unit(child)[0])
    if not is_change(c):
        return None
    group = header_candidates(parent)
    if not group or group[0].field.startswith(IGNORED_PREFIX):
        return None
    if any(w in child for w in _PERCENT) or not any(w in c for w in _CHANGE_AMOUNT):
        return (HeaderMatch(IGNORED_PREFIX + "percent", 3),)
    return (HeaderMatch(IGNORED_PREFIX + "change", 3),)
