"""Wording of the note that a report's period was read from its file's name (io/period_file.py) — English
and 简体中文; messages.py merges it in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_FILE_PERIOD_MESSAGES: dict[str, tuple[str, str]] = {
    "note_period_from_file": (
        "Sheet “{sheet}”: the report's period is read as {period} from the file's name “{file}”, as the sheet "
        "itself does not name it in full. If the figures are of another period, say it with --period (or the "
        "report month above the table).",
        "工作表“{sheet}”：表内未写全报表期间，已按文件名“{file}”读作 {period}。如数据属于其他期间，请用 --period"
        "（或表格上方的报表月份）说明。",
    ),
}
FILE_PERIOD_MESSAGES = Catalogue("file_period_notes", _FILE_PERIOD_MESSAGES)
