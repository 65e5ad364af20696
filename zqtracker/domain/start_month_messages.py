"""Wording for a project's first year to date that reaches back before its construction started, stored as
the start month's own amount (services/import_start_month.py). English and 简体中文; messages.py merges it in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_START_MONTH_MESSAGES: dict[str, tuple[str, str]] = {
    "note_ytd_from_start": (
        "Row {row}: the project started construction in {year}-{start:02d}, so its first year to date "
        "of {year}, through month {last}, is stored from month {start} on: months before it have nothing of "
        "their own.",
        "第{row}行：该项目{year}年{start}月开工（开工时间），其{year}年首次填报的1-{last}月累计数计为{start}月起的数，"
        "开工前各月投资为0。",
    ),
}
START_MONTH_MESSAGES = Catalogue("start_month_messages", _START_MONTH_MESSAGES)
