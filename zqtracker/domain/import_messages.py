"""Wording of the import's problem codes: refused files and refused cells (English, 简体中文).

Kept apart from messages.py so that the import's many codes do not crowd the shared table;
messages.py merges them in.
"""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    # -- files ---------------------------------------------------------------------------------
    "file_missing": ("{file} does not exist.", "文件“{file}”不存在。"),
    "not_a_file": ("{file} is a folder, not a file.", "“{file}”是文件夹，不是文件。"),
    "unreadable": ("{file} cannot be read ({reason}).", "无法读取“{file}”（{reason}）。"),
    "file_empty": ("{file} is empty.", "文件“{file}”是空的。"),
    "encrypted": (
        "{file} is a password-protected (encrypted) workbook; remove the password in Excel or WPS and import it again.",
        "“{file}”是设置了打开密码的加密工作簿；请在 Excel 或 WPS 中取消密码后再导入。",
    ),
    "ole2_not_workbook": (
        "{file} is an OLE2 (Office 97–2003) file without a workbook in it, not an Excel workbook.",
        "“{file}”是不含工作簿的 OLE2（Office 97–2003）文件，不是 Excel 工作簿。",
    ),
    "office_not_workbook": (
        "{file} is a Word or PowerPoint document, not an Excel workbook.",
        "“{file}”是 Word 或 PowerPoint 文档，不是 Excel 工作簿。",
    ),
    "zip_not_workbook": (
        "{file} is a zip archive, not an Excel workbook.",
        "“{file}”是 zip 压缩包，不是 Excel 工作簿。",
    ),
    "not_workbook": ("{file} is not an Excel workbook or a CSV file.", "“{file}”不是 Excel 工作簿，也不是 CSV 文件。"),
    "html_table": (
        "{file} is a web page (HTML) saved under a spreadsheet name, not a workbook; open it in Excel, save it as "
        ".xlsx and import that.",
        "“{file}”是以表格文件名保存的网页（HTML），不是真正的工作簿；请在 Excel 中打开并另存为 .xlsx 后再导入。",
    ),
    "spreadsheetml": (
        "{file} is an Excel 2003 XML spreadsheet; save it as .xlsx and import that.",
        "“{file}”是 Excel 2003 XML 表格；请另存为 .xlsx 后再导入。",
    ),
    "damaged": ("{file} is damaged and cannot be read as a workbook.", "“{file}”已损坏，无法作为工作簿读取。"),
    "damaged_entry": (
        "{file} is damaged: compressed data inside it is corrupt ({detail}); ask for the file again.",
        "“{file}”已损坏：其中的压缩数据有误（{detail}）；请重新索取该文件。",
    ),
    "zip_duplicate": (
        "{file} holds two parts named {entry}, which no spreadsheet program writes; it was not opened.",
        "“{file}”中有两个名为 {entry} 的部件，这不是电子表格程序会写出的文件；未予打开。",
    ),
    "damaged_detail": (
        "{file} is damaged and cannot be read as a workbook ({detail}).",
        "“{file}”已损坏，无法作为工作簿读取（{detail}）。",
    ),
    "unsafe_xml": (
        "{file} contains unsafe XML (a DOCTYPE or entity declaration in {entry}) and was not opened.",
        "“{file}”含有不安全的 XML（{entry} 中有 DOCTYPE 或实体声明），未予打开。",
    ),
    "zip_bomb": (
        "{file} inflates far beyond its size ({entry}), like a zip bomb, and was not opened.",
        "“{file}”解压后体积异常膨胀（{entry}），疑似压缩炸弹，未予打开。",
    ),
    "too_many_entries": (
        "{file} holds {count} parts, more than the {limit} a workbook may have; it was not opened.",
        "“{file}”包含 {count} 个部件，超过工作簿允许的 {limit} 个，未予打开。",
    ),
    "file_too_large": (
        "{file} unpacks to {size}, more than the {limit} zqtracker reads.",
        "“{file}”解压后为 {size}，超过 zqtracker 可读取的 {limit}。",
    ),
    "too_many_cells": (
        "Sheet “{sheet}” of {file} spans {cells} cells (to row {rows}, column {cols}), more than the {limit} "
        "zqtracker reads.",
        "“{file}”的工作表“{sheet}”跨越 {cells} 个单元格（至第 {rows} 行、第 {cols} 列），超过 zqtracker 可读取的 {limit} 个。",
    ),
    "cell_too_long": (
        "Sheet “{sheet}” of {file} has a cell longer than Excel allows ({limit} characters): the file is damaged "
        "or crafted, and was not read.",
        "“{file}”的工作表“{sheet}”中有单元格超过 Excel 允许的长度（{limit} 个字符），文件已损坏或被篡改，未予读取。",
    ),
    "text_too_long": (
        "Sheet “{sheet}” of {file} holds far more text than a workbook of its size can (repeated shared "
        "strings), and was not read.",
        "“{file}”的工作表“{sheet}”所含文字远超其文件大小应有的数量（重复引用共享字符串），未予读取。",
    ),
    "timeout": (
        "Reading {file} took longer than {seconds} seconds and was stopped.",
        "读取“{file}”超过 {seconds} 秒，已停止。",
    ),
    "out_of_memory": (
        "Reading {file} needed more memory than allowed and was stopped.",
        "读取“{file}”所需内存超出限制，已停止。",
    ),
    "reader_crashed": (
        "{file} could not be read: the reader stopped unexpectedly ({detail}).",
        "无法读取“{file}”：读取程序意外终止（{detail}）。",
    ),
    "no_sheets": ("{file} has no worksheets.", "“{file}”中没有工作表。"),
    "sheet_missing": (
        "{file} has no sheet named “{sheet}” (its sheets: {sheets}).",
        "“{file}”中没有名为“{sheet}”的工作表（现有：{sheets}）。",
    ),
    "nothing_recognized": (
        "No sheet of {file} looks like a list of projects or of monthly investment (no known column headers).",
        "“{file}”中没有像项目清单或月度完成投资表的工作表（未找到可识别的表头）。",
    ),
    "sheet_not_recognized": (
        "Sheet “{sheet}” of {file} does not look like a list of projects or of monthly investment "
        "(no known column headers).",
        "“{file}”的工作表“{sheet}”不像项目清单或月度完成投资表（未找到可识别的表头）。",
    ),
    "no_unit": (
        "{file}, sheet “{sheet}”, column {column} “{header}”: the amounts have no unit (none in the cells, the header "
        "or a unit line above it); say which with --unit yuan, wan or yi.",
        "“{file}”工作表“{sheet}”第 {column} 列“{header}”：金额没有单位（单元格、表头和表头上方的单位行中都没有）；"
        "请用 --unit yuan、wan 或 yi 指定。",
    ),
    "replace_needs_sqlite": (
        "Mode replace backs the database up first, which zqtracker can do only for SQLite files; back up "
        "{database} with the server's tools and import with mode merge.",
        "替换模式需先备份数据库，zqtracker 只能备份 SQLite 文件；请先用服务器工具备份 {database}，再用合并模式导入。",
    ),
    "csv_nul": (
        "{file} has a NUL character in row {row}, column {column}: it is damaged or not a text file.",
        "“{file}”第 {row} 行 {column} 列含有 NUL 字符：文件已损坏或不是文本文件。",
    ),
    "csv_bad_row": (
        "{file} cannot be read as CSV at row {row} ({detail}).",
        "“{file}”第 {row} 行无法按 CSV 读取（{detail}）。",
    ),
    "csv_unreadable": (
        "{file} is not readable as CSV text ({detail}).",
        "“{file}”无法作为 CSV 文本读取（{detail}）。",
    ),
    # -- what the import noticed (said, never silently assumed) -------------------------------------
    "note_renamed_csv": (
        "{file} is CSV text with a workbook's name; it was read as CSV.",
        "“{file}”其实是 CSV 文本文件（扩展名为工作簿），已按 CSV 读取。",
    ),
    "note_remembered": (
        "Sheet “{sheet}”: using the column mapping you corrected before for these headers.",
        "工作表“{sheet}”：沿用您此前为相同表头更正过的列对应关系。",
    ),
    "note_hidden_column": (
        "Sheet “{sheet}”: hidden column {column} “{header}” was not imported.",
        "工作表“{sheet}”：隐藏列 {column}“{header}”未导入。",
    ),
    "note_ignored_column": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported ({what}).",
        "工作表“{sheet}”：{column} 列“{header}”不导入（{what}）。",
    ),
    "note_unknown_column": (
        "Sheet “{sheet}”: column {column} “{header}” is not a known column and was not imported.",
        "工作表“{sheet}”：{column} 列“{header}”无法识别，未导入。",
    ),
    "note_default_status": (
        "{count} new project(s) give no status and are recorded as Signed.",
        "{count} 个新项目未填写状态，按“签约”记录。",
    ),
    "note_status_from_sheet": (
        "Sheet “{sheet}”: rows without a status take “{status}” from the sheet's name.",
        "工作表“{sheet}”：未填状态的行按工作表名称记为“{status}”。",
    ),
    "note_district_from_reporter": (
        "Sheet “{sheet}”: rows without a district take “{district}” from the 填报单位 line.",
        "工作表“{sheet}”：未填区域的行按填报单位记为“{district}”。",
    ),
    "note_sections": (
        "Sheet “{sheet}”: {count} section row(s) ({names}) give the sector or district of the rows under them.",
        "工作表“{sheet}”：{count} 个分类行（{names}）为其下各行提供行业或区域。",
    ),
    "note_totals": (
        "Sheet “{sheet}”: {count} total row(s) (合计/小计/Total) skipped.",
        "工作表“{sheet}”：跳过合计、小计行 {count} 行。",
    ),
    "note_notes_from": (
        "Sheet “{sheet}”: the notes under the table, from row {row} on, are not data.",
        "工作表“{sheet}”：第 {row} 行起为表下注释，不作为数据。",
    ),
    "note_sheet_skipped": ("Sheet “{sheet}” was not imported ({why}).", "工作表“{sheet}”未导入（{why}）。"),
    "note_unit_from_user": (
        "Sheet “{sheet}”: amounts without a unit are read in {unit}, as you chose.",
        "工作表“{sheet}”：无单位的金额按您选择的“{unit}”读取。",
    ),
    # -- cells and rows -------------------------------------------------------------------------
    "duplicate_in_file": (
        "{field_label} {value!r} already appears in row {first_row}",
        "{field_label}“{value}”与第 {first_row} 行重复",
    ),
    "unknown_project": (
        "no project with {field_label} {value!r} in the database or this file",
        "数据库和本文件中都没有{field_label}为“{value}”的项目",
    ),
    "ambiguous_date": (
        "{field_label}: {value!r} could be January or October; write 2023-01 or 2023-10",
        "{field_label}：“{value}”可能是1月也可能是10月；请写成 2023-01 或 2023-10",
    ),
    "month_without_year": (
        "{field_label}: {value!r} has no year (none in the header, title, unit line or sheet name)",
        "{field_label}：“{value}”没有年份（表头、标题、单位行和工作表名中都没有）",
    ),
    "ambiguous_project": (
        "several projects are called {value!r}; give the project code or the district",
        "有多个名为“{value}”的项目；请填写项目编号或所在区域",
    ),
    "excel_error": (
        "{value} is an Excel error (a formula that failed in the spreadsheet); correct the cell and import again",
        "{value} 是 Excel 错误值（表格中的公式出错）；请改正该单元格后再导入",
    ),
    "cell_error": ("{field_label}: the cell shows the error {value}", "{field_label}：单元格为错误值 {value}"),
    "code_conflict": (
        "{value!r} matches a project by name and district, but that project has code {other!r}",
        "“{value}”按名称和区域匹配到的项目编号为“{other}”，与本行不一致",
    ),
    "bad_code": ("{field_label}: {value!r} is not a project code", "{field_label}：“{value}”不是有效的项目编号"),
    "code_as_number": (
        "{field_label}: {value} was stored as a number too long to keep its digits; format the column as text",
        "{field_label}：{value} 以数字形式保存，位数过长已丢失精度；请将该列设为文本格式",
    ),
    "not_a_project_row": (
        "the row has values but no project name",
        "该行有内容但没有项目名称",
    ),
}

IMPORT_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "chain": ("Industry chain", "产业链"),
    "row_number": ("No.", "序号"),
    "project": ("Project", "项目"),
}
