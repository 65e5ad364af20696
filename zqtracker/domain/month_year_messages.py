"""Wording of the question a month column asks when its year is not believable (io/month_years.py):
"Dec-69" read as 2069, "1969年12月", a month far from the others' — and a year to date, a quarter, a plan
for the year or a long sheet's month cell of such a year. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_FAR_EN = "a year far from the report's (before 2000, after next year, or apart from the other"
_FAR_ZH = "其年份与报表所属年份相差过远（早于 2000 年、晚于明年，或与其他"
_MONTH_YEAR_MESSAGES: dict[str, tuple[str, str]] = {
    "month_year_far": (
        "{field_label}: {value!r} reads as the month {period}, " + _FAR_EN + " month columns' years); it was not "
        "stored. Write the year in full in the header (December 2025) and import again.",
        "{field_label}：“{value}”读作 {period} 月，" + _FAR_ZH + "月份列的年份相隔）；未予保存。"
        "请在表头中写全年份（如 2025年12月）后重新导入。",
    ),
    "ytd_year_far": (
        "{field_label}: {value!r} reads as the year to date through {period}, " + _FAR_EN + " columns' years); "
        "it was not stored. Write the year in full in the header, as 2025, and import again.",
        "{field_label}：“{value}”读作截至 {period} 的本年累计，" + _FAR_ZH + "列的年份相隔）；未予保存。"
        "请在表头中写全年份（如 2025年1-10月累计）后重新导入。",
    ),
    "span_year_far": (
        "{field_label}: {value!r} reads as the months {first}–{last} of {year}, " + _FAR_EN + " columns' years); "
        "it was not stored. Write the year in full in the header, as 2025, and import again.",
        "{field_label}：“{value}”读作 {year} 年 {first}–{last} 月，" + _FAR_ZH + "列的年份相隔）；未予保存。"
        "请在表头中写全年份（如 2025年二季度）后重新导入。",
    ),
    "plan_year_far": (
        "{field_label}: {value!r} reads as the plan for {year}, " + _FAR_EN + " columns' years); it was not "
        "stored. Write the year in full in the header, as 2025, and import again.",
        "{field_label}：“{value}”读作 {year} 年的计划，" + _FAR_ZH + "列的年份相隔）；未予保存。"
        "请在表头中写全年份（如 2025年计划投资）后重新导入。",
    ),
    "row_month_year_far": (
        "{field_label}: {value!r} reads as the month {period}, " + _FAR_EN + " rows' months); the row was not "
        "stored. Write the year in full in the cell (2025-12) and import again.",
        "{field_label}：“{value}”读作 {period} 月，" + _FAR_ZH + "行的月份相隔）；该行未予保存。"
        "请在单元格中写全年份（如 2025-12）后重新导入。",
    ),
}
MONTH_YEAR_MESSAGES = Catalogue("month_year_problems", _MONTH_YEAR_MESSAGES)
