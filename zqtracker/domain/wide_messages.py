"""Wording for a CSV wider than any spreadsheet (probe 31b, F5: 100,000 columns took two minutes to
read). Excel's sheets end at column XFD, the 16,384th; a district's list never comes near it.
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_WIDE_MESSAGES: dict[str, tuple[str, str]] = {
    "csv_too_wide": (
        "{file}: row {row} has {columns} columns, more than the 16,384 a spreadsheet holds (A to XFD); delete "
        "the columns past XFD, or split the file, and import it again.",
        "“{file}”第 {row} 行有 {columns} 列，超过电子表格最多的 16,384 列（A 至 XFD）；请删除 XFD 以后的列或拆分"
        "文件后重新导入。",
    ),
}

WIDE_MESSAGES = Catalogue("wide_messages", _WIDE_MESSAGES)
