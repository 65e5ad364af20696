"""Wording for values district staff type that the domain refuses with a way out: a negative land
area (0 is kept: no new land, a project in a rented plant), and a negative month's own amount — a
downward correction, never stored as a negative month. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_VALUE_MESSAGES: dict[str, tuple[str, str]] = {
    "negative_area": (
        "{field_label} cannot be negative ({value}); 0 means no new land",
        "{field_label}不能为负数（{value}）；不新增用地请填 0",
    ),
    "negative_month": (
        "{field_label} cannot be negative ({value}): a downward correction is never stored as a negative "
        "month. To bring it in, import the 1–X月累计 (year to date) column instead of this one — a year to "
        "date below the one stored is then shown with both figures — or lower the month it corrects in the "
        "project's detail pane",
        "{field_label}不能为负数（{value}）：向下更正不会存为负的当月数。如需导入，可不导入本列而导入“1–X月累计”列"
        "（累计数小于已存数时会列出两个数），或在项目详情的月度表中调低所更正的月份",
    ),
}
VALUE_MESSAGES = Catalogue("value_messages", _VALUE_MESSAGES)
