"""Wording of the charts' tooltips where a month some district did not report is about (stats/gaps.py):
the growth chart gives each growth figure once, on its own line, so its amounts go without one; and
the months not reported are named once, under the figures. English and 简体中文; messages.py merges
them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_CHART_TIP_MESSAGES: dict[str, tuple[str, str]] = {
    "chart_tip_month_bare": (
        "Completed: {amount} ({prior_month}: {prior})",
        "当月完成投资：{amount}（上年同月 {prior}）",
    ),
    "chart_tip_ytd_bare": (
        "{period}: {amount} (same period {prior_year}: {prior})",
        "{period}累计：{amount}（上年同期 {prior}）",
    ),
    "chart_tip_like_sums": (
        "Like with like, the months not reported left out of both years: {this} against {prior}.",
        "同口径，未报月份两年均不计：{this}，上年同期{prior}。",
    ),
    "chart_tip_gap_note": ("{note}.", "{note}。"),
}
CHART_TIP_MESSAGES = Catalogue("chart_tip_messages", _CHART_TIP_MESSAGES)
