"""Wording for last year's same period where it is not the same months (stats/prior.py: 2024 known only
as 1–9月 and 1–12月, or as one 1–12月), and for the monthly progress report's rows of a district that
did not report the month (stats/gaps.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_PRIOR_MESSAGES: dict[str, tuple[str, str]] = {
    "prior_span": ("{span}: {amount}", "{span} {amount}"),
    "prior_span_cell": ("{amount} ({span})", "{amount}（{span}）"),
    "monthly_not_reported": ("not reported", "未报"),
    "monthly_ytd_reach": ("{amount} ({span})", "{amount}（{span}）"),
    "monthly_total_unreported": ("{amount} (excl. not reported)", "{amount}（不含未报）"),
    "monthly_unreported_note": (
        "Not reported: {who}. Their rows' This month says so and their year to date runs through the month "
        "shown; the Total lacks those months (it is what was reported).",
        "未报：{who}。相关项目当月数标“未报”，累计数截至所注月份；合计不含未报月份（为已报数之和）。",
    ),
    "monthly_unreported_who": ("{district} ({months})", "{district}（{months}）"),
    "monthly_later_note": (
        "Not in the year to date: {amount} of {n} project(s) reported for {together} together "
        "(counted from its last month).",
        "累计数未含{n}个项目{together}合并填报的{amount}（计入其最后一个月）。",
    ),
    "monthly_empty_later": (
        "No project has investment of its own in {span}: {n} project(s) reported {amount} for {together} "
        "together (counted from its last month).",
        "{span}无单独填报的投资：{n}个项目以{together}合并填报{amount}（计入其最后一个月）。",
    ),
}
PRIOR_MESSAGES = Catalogue("prior_messages", _PRIOR_MESSAGES)
