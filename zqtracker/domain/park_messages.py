"""Wording of what the import reads of a park named with no place (高新园, 工业园, 经济开发区) in a district
column: the district the sheet or the row's address names, never a district of the park's name.
English and 简体中文; domain/message_topics.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_PARK_MESSAGES: dict[str, tuple[str, str]] = {
    "note_park_title_district": (
        "Sheet “{sheet}”: {count} row(s) give only a park with no place in its name as their district — a park, "
        "not a district — and are read as {district}, the district the sheet names (row park): {rows}.",
        "工作表“{sheet}”：{count} 行的区域只写了未含地名的园区（园区不是区县），已按本表所属区域“{district}”导入"
        "（行号 园区）：{rows}。",
    ),
    "note_park_address_district": (
        "Sheet “{sheet}”: {count} row(s) give only a park with no place in its name as their district — a park, "
        "not a district — and take the district their column {column} “{header}” names "
        "(row: park → district (address)): {rows}.",
        "工作表“{sheet}”：{count} 行的区域只写了未含地名的园区（园区不是区县），"
        "按其 {column} 列“{header}”所写的区县导入（行号 园区 → 区县（地址））：{rows}。",
    ),
}
PARK_MESSAGES = Catalogue("park_notes", _PARK_MESSAGES)
