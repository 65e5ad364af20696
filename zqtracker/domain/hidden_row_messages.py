"""Wording of what the import says of rows hidden in a sheet (by hand, or filtered out by an
AutoFilter), English and 简体中文; messages.py merges them in. A hidden data row is a question —
import it or leave it out — never a silent choice."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_HIDDEN_ROW_MESSAGES: dict[str, tuple[str, str]] = {
    "hidden_rows_unanswered": (
        "{file}: {count} row(s) of sheet “{sheet}” are hidden in the sheet (rows {rows}); say --hidden-rows import "
        "to import them or --hidden-rows skip to leave them out.",
        "“{file}”：工作表“{sheet}”中有 {count} 行在工作表中已隐藏（第 {rows} 行）；请用 --hidden-rows import "
        "导入这些行，或用 --hidden-rows skip 不导入。",
    ),
    "hidden_rows_unanswered_sheets": (
        "{file}: {count} rows are hidden in the sheets (sheet, rows: {sheets}); say --hidden-rows import to import "
        "them or --hidden-rows skip to leave them out.",
        "“{file}”：以下工作表中共有 {count} 行已隐藏（工作表、行：{sheets}）；请用 --hidden-rows import 导入这些行，"
        "或用 --hidden-rows skip 不导入。",
    ),
    "note_hidden_rows_skipped": (
        "Sheet “{sheet}”: {count} row(s) hidden in the sheet were left out, as you chose (rows {rows}).",
        "工作表“{sheet}”：{count} 行在工作表中已隐藏，按您的选择未导入（第 {rows} 行）。",
    ),
    "note_hidden_rows_imported": (
        "Sheet “{sheet}”: {count} row(s) hidden in the sheet were imported, as you chose (rows {rows}).",
        "工作表“{sheet}”：{count} 行在工作表中已隐藏，按您的选择已导入（第 {rows} 行）。",
    ),
    "note_hidden_rows_asked": (
        "Sheet “{sheet}”: {count} row(s) are hidden in the sheet (rows {rows}): choose below whether to import them.",
        "工作表“{sheet}”：{count} 行在工作表中已隐藏（第 {rows} 行）：请在下方选择是否导入。",
    ),
}
HIDDEN_ROW_MESSAGES = Catalogue("hidden_row_problems", _HIDDEN_ROW_MESSAGES)
