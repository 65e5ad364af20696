"""Wording of the question a month column asks when its year is not believable (io/month_years.py):
"Dec-69" read as 2069, "1969年12月", a month far from the others'. English and 简体中文; messages.py
merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_MONTH_YEAR_MESSAGES: dict[str, tuple[str, str]] = {
    "month_year_far": (
        "{field_label}: {value!r} reads as the month {period}, a year far from the report's (before 2000, after "
        "next year, or apart from the other month columns' years); it was not stored. Write the year in full in "
        "the header (December 2025) and import again.",
        "{field_label}：“{value}”读作 {period} 月，其年份与报表所属年份相差过远（早于 2000 年、晚于明年，"
        "或与其他月份列的年份相隔）；未予保存。请在表头中写全年份（如 2025年12月）后重新导入。",
    ),
}
MONTH_YEAR_MESSAGES = Catalogue("month_year_problems", _MONTH_YEAR_MESSAGES)
