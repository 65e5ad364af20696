"""Wording of what the import says of rows struck through in an .xlsx, .xls or .ods (a district's
way of taking a row off its list without deleting it), English and 简体中文; messages.py merges them
in. A struck data row is a question — off the list, or still a project? — never a silent choice; what to
answer is said where the note is read (the dialog's question, or the command line's flag: domain/words.py's Ways)."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_STRUCK_ROW_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "struck_rows_unanswered": (
        "{file}: {count} row(s) of sheet “{sheet}” are struck through (rows {rows}): removed from the list? "
        "Say --struck-rows skip to leave them out or --struck-rows import to import them.",
        "“{file}”：工作表“{sheet}”中有 {count} 行被加了删除线（第 {rows} 行）：是否已从清单中删除？"
        "请用 --struck-rows skip 不导入这些行，或用 --struck-rows import 导入。",
    ),
    "struck_rows_unanswered_sheets": (
        "{file}: {count} rows are struck through in the sheets (sheet, rows: {sheets}): removed from the list? "
        "Say --struck-rows skip to leave them out or --struck-rows import to import them.",
        "“{file}”：以下工作表中共有 {count} 行被加了删除线（工作表、行：{sheets}）：是否已从清单中删除？"
        "请用 --struck-rows skip 不导入这些行，或用 --struck-rows import 导入。",
    ),
    "note_struck_rows_skipped": (
        "Sheet “{sheet}”: {count} row(s) struck through were left out as removed from the list, as you chose "
        "(rows {rows}).",
        "工作表“{sheet}”：{count} 行被加了删除线，按您的选择视为已从清单删除，未导入（第 {rows} 行）。",
    ),
    "note_struck_rows_imported": (
        "Sheet “{sheet}”: {count} row(s) struck through were imported, as you chose (rows {rows}).",
        "工作表“{sheet}”：{count} 行被加了删除线，按您的选择已导入（第 {rows} 行）。",
    ),
    "note_struck_rows_asked": (
        "Sheet “{sheet}”: {count} row(s) are struck through (rows {rows}): removed from the list? {how}.",
        "工作表“{sheet}”：{count} 行被加了删除线（第 {rows} 行）：是否已从清单中删除？{how}。",
        Ways(
            app=(
                "Choose above the table whether to leave them out or import them as live projects",
                "请在表格上方选择不导入这些行，还是作为正常项目导入",
            ),
            cli=(
                "Say --struck-rows skip or --struck-rows import",
                "请用 --struck-rows skip 或 --struck-rows import 说明",
            ),
        ),
    ),
}
STRUCK_ROW_MESSAGES = Catalogue("struck_row_problems", _STRUCK_ROW_MESSAGES)
