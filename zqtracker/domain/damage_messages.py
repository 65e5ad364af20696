"""Refusals of damaged files in the user's words, never a parser's (probe31b F6): the sheet a damaged
part belongs to, corrupt compressed data whose part the reader did not name, a CSV cell longer
than Excel allows, named by its row and column, an .xls holding two workbook streams, and a sheet that could
not be read among others (its own refusal). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_DAMAGE_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "damaged_sheet": (
        "Sheet “{sheet}” of {file} is damaged and cannot be read; ask for the file again.",
        "“{file}”的工作表“{sheet}”已损坏，无法读取；请重新索取该文件。",
    ),
    "damaged_compressed": (
        "{file} is damaged: compressed data inside it is corrupt; ask for the file again.",
        "“{file}”已损坏：其中的压缩数据有误；请重新索取该文件。",
    ),
    "csv_cell_too_long": (
        "{file} has a cell longer than Excel allows ({limit} characters) in row {row}, column {column}: the "
        "file is damaged or crafted, and was not read.",
        "“{file}”第 {row} 行 {column} 列的单元格超过 Excel 允许的长度（{limit} 个字符），"
        "文件已损坏或被篡改，未予读取。",
    ),
    "ole2_two_workbooks": (
        "{file} holds two workbook streams (“{first}” and “{second}”), which Excel and WPS never write, and "
        "programs may read different ones; open it in Excel or WPS, save it again and import that copy.",
        "“{file}”中有两个工作簿数据流（“{first}”和“{second}”），Excel 和 WPS 不会写出这样的文件，"
        "不同程序可能读出不同的内容；请在 Excel 或 WPS 中打开、重新保存后导入该副本。",
    ),
    "note_sheet_unreadable": ("{reason} This sheet was not imported.", "{reason}该工作表未导入。"),
    "sheet_unreadable_list": (
        "{reason} The sheet may hold projects{how}",
        "{reason}该工作表可能含有项目{how}",
        Ways(
            app=(  # said above the preview while Import waits (ui/import_dialog.py): nothing was tried yet
                ": to import the other sheets without it, choose it in the list of sheets above the table and untick "
                "“Import this sheet”.",
                "：如需不含该表导入其他工作表，请在表格上方的工作表列表中选中它，并取消勾选“导入此工作表”。",
            ),
            cli=(
                ", so nothing was imported: to import the other sheets without it, name them with --sheet.",
                "，因此未导入任何内容：如需不含该表导入其他工作表，请用 --sheet 指定它们。",
            ),
        ),
    ),
}
DAMAGE_MESSAGES = Catalogue("damage_messages", _DAMAGE_MESSAGES)
