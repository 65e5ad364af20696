"""Wording of the printed overview's trend chart when a district did not report a month (stats/gaps.py:
its March never imported, or it stopped reporting after August) — the hatched bars' legend and the
note under the chart naming who, as the dashboard's chart marks them. English and 简体中文; messages.py
merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_GAP_MESSAGES: dict[str, tuple[str, str]] = {
    "trend_gap_legend": ("A district did not report the month", "有区域未报当月"),
    "trend_gap_note": (
        "Hatched bars: months some district did not report, the bar what was reported — {lacking}. "
        "Growth like with like leaves those district-months out of both years.",
        "斜线柱：有区域未报的月份，柱高为已报数——{lacking}。同比按同口径计算，这些区域的未报月份两年均不计。",
    ),
    "trend_gap_hollow": (
        "Hollow points from the first such month of {year} on: that year to date lacks it.",
        "{year}年自首个未报月份起的空心点：该累计缺少未报月份。",
    ),
    "trend_gap_year": ("{year}: {note}", "{year}年：{note}"),
}
GAP_MESSAGES = Catalogue("gap_messages", _GAP_MESSAGES)
