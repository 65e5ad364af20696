"""Wording of what the import reads from a row that gives no status word — the stage its figures, dates,
name or progress text show — and of words in a date column that give no date; English and 简体中文.
Kept apart from question_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_STATUS_EVIDENCE_MESSAGES: dict[str, tuple[str, str]] = {
    "note_status_inferred": (
        "Sheet “{sheet}”: {count} new project(s) give no status and are recorded as {status}, as their rows show: "
        "{evidence} (rows {rows}).",
        "工作表“{sheet}”：{count} 个新项目未填写状态，按其所在行的{evidence}记为“{status}”（第 {rows} 行）。",
    ),
    "note_date_words": (
        "Sheet “{sheet}”: {count} cell(s) of the date columns hold words, not dates, and give those rows no date "
        "(the rows are imported without it): {cells}.",
        "工作表“{sheet}”：日期列中有 {count} 个单元格是文字而非日期，这些行不导入该日期（其余照常导入）：{cells}。",
    ),
}
STATUS_EVIDENCE_MESSAGES = Catalogue("status_evidence_problems", _STATUS_EVIDENCE_MESSAGES)

# What a row showed (services/import_status_evidence.py), counted in the note above.
EVIDENCE_WORDS = Catalogue(
    "status_evidence",
    {
        "completed": ("completed investment this year", "本年已完成投资"),
        "since_start": ("investment completed since the start", "自开工累计完成投资"),
        "start_date": ("a start date on or before the report period", "开工时间不晚于报告期"),
        "production_date": ("a production date on or before the report period", "投产时间不晚于报告期"),
        "date_word": ("a status word in a date column", "日期列中的状态词"),
        "name": ("a name marked continuing or newly started", "项目名称标注续建或新开工"),
        "progress": ("the progress text", "形象进度或进展文字"),
        "first": ("{what} ({count})", "{what}（{count} 个）"),  # a kind and how many rows showed it
        "more": (", {what} ({count})", "、{what}（{count} 个）"),  # the kinds after the first
    },
)
