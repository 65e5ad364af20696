"""Wording of what the import says of a file that comes back — a column's unit remembered from an
earlier month that this month's file states otherwise, a monthly round's workbook brought to the
ordinary import instead of the round's collect — English and 简体中文. Kept apart from
question_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_REOPEN_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_remembered_unit": (
        "Sheet “{sheet}”: column {column} “{header}” is read in {unit}, as the sheet says, not in {remembered}, "
        "the unit you gave it in an earlier file with these headers.",
        "工作表“{sheet}”：{column} 列“{header}”按本表所注的{unit}读取，"
        "而不是此前同样表头的文件中为该列指定的{remembered}。",
    ),
    "round_book_ordinary_import": (
        "“{file}” is a monthly round's workbook (sheet “{sheet}” holds the status and figures on record beside "
        "this month's): collect it {how}, which reads this month's status and figures; the ordinary import would "
        "read the ones on record",
        "“{file}”是月度报表征集的回表（“{sheet}”表中已有的状态和数据与本月所填并列）："
        "请{how}收取，它读取本月所填的状态和数据；普通导入会读成已有的那些",
        Ways(
            app=("with Tools › Monthly round… › Collect returns…", "在“工具 › 月度报表轮次… › 收取回表…”中"),
            cli=("with “zqtracker round collect {file}”", "用“zqtracker round collect {file}”"),
        ),
    ),
}
REOPEN_MESSAGES = Catalogue("reopen_problems", _REOPEN_MESSAGES)
