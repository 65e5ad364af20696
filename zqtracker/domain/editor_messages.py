"""Wording of what the project editor refuses in a typed value — a date that reads two ways or gives no
day, a land area with more decimals than are kept — English and 简体中文. Kept apart from
question_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_EDITOR_MESSAGES: dict[str, tuple[str, str]] = {
    "ambiguous_typed_date": (
        "{field_label}: “{value}” could be month/day or day/month — write the year first (2023/3/5)",
        "{field_label}：“{value}”可读作“月/日”也可读作“日/月”——请先写年份（2023/3/5）",
    ),
    "date_without_day": (
        "{field_label}: “{value}” gives no day — type the full date (2023/3/5), or leave the date as it was",
        "{field_label}：“{value}”没有日——请输入完整日期（2023/3/5），或保留原日期不改",
    ),
}
EDITOR_MESSAGES = Catalogue("editor_problems", _EDITOR_MESSAGES)
