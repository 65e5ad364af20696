"""Wording of the sheet's own grand total among its rows (合计 | 36000 | 600.5 under the projects: io/plan_below.py)
that the project rows read do not add up to — a question, as a summary block above the header's is
(domain/above_messages.py) — English and 简体中文; messages.py merges them in. Amounts as the sheet writes them."""

from __future__ import annotations

from zqtracker.domain.above_messages import CHECK, CHECK_ZH
from zqtracker.domain.words import Catalogue

_TOTAL_MESSAGES: dict[str, tuple[str, str]] = {
    "total_planned_differs": (
        "the total row gives {declared} of planned investment, but the {count} project row(s) read add up to "
        "{counted}: " + CHECK,
        "合计行的计划总投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "total_ytd_differs": (
        "the total row gives {declared} completed in months 1–{month} of {year}, but the {count} project row(s) "
        "read add up to {counted}: " + CHECK,
        "合计行 {year} 年 1–{month} 月完成投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
}
TOTAL_MESSAGES = Catalogue("total_messages", _TOTAL_MESSAGES)
