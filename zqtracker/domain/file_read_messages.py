"""Wording about reading the file itself rather than its sheets: a CSV read as Big5 (io/csv_big5.py), a
file removed or moved while it was being read (io/vanished.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_FILE_READ_MESSAGES: dict[str, tuple[str, str]] = {
    "file_gone": (
        "{file} was removed or moved while it was being read; nothing was imported.",
        "“{file}”在读取过程中被删除或移走，未导入任何内容。",
    ),
    "note_csv_big5": (
        "{file} is not UTF-8 text, and read as GB18030 (simplified Chinese Windows) it names no column; read as "
        "Big5 (traditional Chinese Windows) it has the column headers, so it was read as Big5. If its text looks "
        "wrong, save it as “CSV UTF-8” in Excel or WPS and import that copy.",
        "“{file}”不是 UTF-8 文本，按 GB18030（简体中文 Windows）读不出任何列名，按 Big5（繁体中文 Windows）"
        "读出了表头，已按 Big5 读取。如文字有误，请在 Excel 或 WPS 中另存为“CSV UTF-8”后导入该副本。",
    ),
}
FILE_READ_MESSAGES = Catalogue("file_read", _FILE_READ_MESSAGES)
