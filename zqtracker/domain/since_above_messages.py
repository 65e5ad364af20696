"""Wording for a 自开工累计 (completed since construction started) above the project's planned investment
(services/import_since_above.py), said as a year to date above it is. English and 简体中文; messages.py merges
them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_SINCE_ABOVE_MESSAGES: dict[str, tuple[str, str]] = {
    "note_since_above_planned": (
        "Sheet “{sheet}”: {count} row(s) give a figure completed since the start above the project's planned "
        "investment — {rows} — imported as written; check them (a cost overrun, a planned total out of date or "
        "wrong, or a figure in another unit).",
        "工作表“{sheet}”：{count} 行的自开工累计完成投资高于项目计划总投资——{rows}——已照常导入；"
        "请核实（超概算、计划总投资未更新或有误，或单位不同）。",
    ),
    "note_bare_since": (
        "Sheet “{sheet}”: column {column} “{header}”, beside this year's column {beside}, is read as completed "
        "investment since the start of construction, not as this year's year to date.",
        "工作表“{sheet}”：{column} 列“{header}”与本年列 {beside} 并列，按自开工累计完成投资读取，而非本年累计。",
    ),
    "note_since_above_planned_row": (
        "row {row}: {since} completed since the start as of {month}, planned investment {planned} ({percent}%)",
        "第 {row} 行：截至{month}自开工累计 {since}，计划总投资 {planned}（{percent}%）",
    ),
}
SINCE_ABOVE_MESSAGES = Catalogue("since_above_messages", _SINCE_ABOVE_MESSAGES)
