"""Wording for a year to date that leaves out a figure of months up to the period reported together with
later months (stats/ytd_reach.py), and for the monthly progress 合计 that also lacks months not reported
(reports/monthly_gaps.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_SPAN_LABEL_MESSAGES: dict[str, tuple[str, str]] = {
    "ytd_span_cell": ("{amount} ({span})", "{amount}（{span}）"),
    "ytd_some_later": ("{amount} (excl. reported with later months)", "{amount}（不含合并填报）"),
    "ytd_span_note": (
        "A year to date followed by months counts those alone: the months after them up to the period were "
        "reported together with later months and count from the last of them.",
        "累计完成投资注明月份的，只含所注月份：其后至本期的月份与以后月份合并填报，计入其最后一个月。",
    ),
    "monthly_total_unreported_inside": (
        "{amount} (excl. not reported and {spans})",
        "{amount}（不含未报及{spans}）",
    ),
    "monthly_total_unreported_inside_ytd": (
        "{amount} (excl. not reported and {spans} reported together)",
        "{amount}（不含未报及{spans}合并填报）",
    ),
}
SPAN_LABEL_MESSAGES = Catalogue("span_label_messages", _SPAN_LABEL_MESSAGES)
