"""Wording for amounts written with 万 in a column of 万元 that the column's other amounts settle
(domain/wan_column.py) — English and 简体中文; domain/message_topics.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_WAN_COLUMN_MESSAGES = {
    "note_wan_read_by_column": (
        "Sheet “{sheet}”, column {column} “{header}”, row(s) {rows}: an amount written with 万 (such as “{example}”) "
        "is read as 万元 — read as 万 × {unit} it would be more than {far} times the largest of the column's {count} "
        "other amounts ({high:,} yuan).",
        "工作表“{sheet}”{column} 列“{header}”第 {rows} 行：带“万”的金额（如“{example}”）按万元读取——"
        "若按“万×{unit}”读取，将超过本列其他 {count} 个金额中最大者（{high:,} 元）的 {far} 倍。",
    ),
}
WAN_COLUMN_MESSAGES = Catalogue("wan_column_notes", _WAN_COLUMN_MESSAGES)
