"""Wording for the monthly progress report's rows whose month lies inside a figure reported for several
months together, ending later (1–9月 month by month, then one 10–12月 figure, printed for October:
stats/progress_gaps.py) — never 当月 0.00. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_INSIDE_SPAN_MESSAGES: dict[str, tuple[str, str]] = {
    "monthly_inside_cell": ("{span} together {amount}", "{span}合计 {amount}"),
    "monthly_inside_ytd": ("{amount} ({span})", "{amount}（{span}）"),
    "monthly_total_inside": ("{amount} (excl. {spans})", "{amount}（不含{spans}）"),
    "monthly_total_inside_ytd": ("{amount} (excl. {spans} reported together)", "{amount}（不含{spans}合并填报）"),
    "monthly_inside_list": ("; ", "；"),
    "monthly_inside_note": (
        "This month reads “{span} together” where the month was reported together with later months: that "
        "figure counts from its last month, and the row's year to date runs through the month before it (shown).",
        "当月标“{span}合计”的：该月与以后月份合并填报，合计数计入其最后一个月；该项目累计数截至其前一个月（已注明）。",
    ),
    "monthly_inside_total_note": (
        "The Total leaves those figures out of this month and the year to date.",
        "合计行的当月数和累计数均不含这些合并填报数。",
    ),
}
INSIDE_SPAN_MESSAGES = Catalogue("inside_span_messages", _INSIDE_SPAN_MESSAGES)
