"""Wording of what the import reads from an address column beside the district column (项目地址,
建设地点): a row whose address names another district than its district cell, and rows that take their
district from the address. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_ADDRESS_MESSAGES: dict[str, tuple[str, str]] = {
    "note_address_other_district": (
        "Sheet “{sheet}”: {count} row(s) name one district in the district column and another in column {column} "
        "“{header}”; they are stored under the district column's — check them (row: district / address): {rows}.",
        "工作表“{sheet}”：{count} 行的区域列与 {column} 列“{header}”写的是不同的区县，已按区域列导入，"
        "请核对（行号 区域 / 地址）：{rows}。",
    ),
    "note_address_district_used": (
        "Sheet “{sheet}”: {count} row(s) give no district and take the one their column {column} “{header}” names "
        "(row: district (address)): {rows}.",
        "工作表“{sheet}”：{count} 行未填写区域，按其 {column} 列“{header}”所写的区县导入"
        "（行号 区县（地址））：{rows}。",
    ),
}
ADDRESS_MESSAGES = Catalogue("address_problems", _ADDRESS_MESSAGES)
