"""Wording of the import's problem codes: refused files and refused cells (English, 简体中文).

Kept apart from messages.py so that the import's many codes do not crowd the shared table;
messages.py merges them in.
"""

from __future__ import annotations

from zqtracker.domain.name_column_messages import MAP_WAYS
from zqtracker.domain.words import Catalogue, Ways

_IMPORT_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
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
    "mhtml": (
        "{file} is a web archive (MHTML, a single-file web page) saved under a spreadsheet name; open it in Excel, "
        "save it as .xlsx and import that.",
        "“{file}”是以表格文件名保存的单文件网页（MHTML）；请在 Excel 中打开并另存为 .xlsx 后再导入。",
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
        "“{file}”的工作表“{sheet}”跨越 {cells} 个单元格（至第 {rows} 行、第 {cols} 列），"
        "超过 zqtracker 可读取的 {limit} 个。",
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
    "too_many_formulas": (
        "Sheet “{sheet}” of {file} holds more than {limit} formulas whose values were never calculated; open the "
        "file in Excel or WPS, save it, and import again.",
        "“{file}”的工作表“{sheet}”中有超过 {limit} 个从未计算过结果的公式；"
        "请用 Excel 或 WPS 打开该文件，保存后再导入。",
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
        "No sheet of {file} looks like a list of projects or of monthly investment (no known column headers){how}.",
        "“{file}”中没有像项目清单或月度完成投资表的工作表（未找到可识别的表头）{how}。",
        MAP_WAYS,
    ),
    "sheet_not_recognized": (
        "Sheet “{sheet}” of {file} does not look like a list of projects or of monthly investment "
        "(no known column headers){how}.",
        "“{file}”的工作表“{sheet}”不像项目清单或月度完成投资表（未找到可识别的表头）{how}。",
        MAP_WAYS,
    ),
    "no_unit": (
        "{file}, sheet “{sheet}”, column {column} “{header}”: the amounts have no unit (none in the cells, the header "
        "or a unit line above it); say which with --unit yuan, wan or yi — or, if they are not in yuan, leave the "
        'column out with --map "{column}=none".',
        "“{file}”工作表“{sheet}”第 {column} 列“{header}”：金额没有单位（单元格、表头和表头上方的单位行中都没有）；"
        '请用 --unit yuan、wan 或 yi 指定；如不是人民币，请用 --map "{column}=none" 不导入该列。',
    ),
    "no_unit_columns": (
        "{file}: the amounts in {columns} have no unit (none in the cells, the header or a unit line above it); "
        "say which with --unit yuan, wan or yi.",
        "“{file}”：{columns}的金额没有单位（单元格、表头和表头上方的单位行中都没有）；"
        "请用 --unit yuan、wan 或 yi 指定。",
    ),
    "note_converted": (
        "Sheet “{sheet}”: column {column} “{header}” is in {currency}, converted to yuan at {rate} yuan per unit "
        "(rounded half-up to the yuan); the original amount, currency and rate are kept with the project.",
        "工作表“{sheet}”：{column} 列“{header}”的币种为 {currency}，"
        "已按 1 {currency} = {rate} 元折算为人民币（四舍五入到元），原金额、币种和汇率随项目保存。",
    ),
    "note_rounded": (
        "{count} amount(s) equal the stored exact amount rounded to the decimals shown (a spreadsheet program kept "
        "only what was on screen): left as stored, not updated — {rows}.",
        "{count} 个金额等于已存精确金额按显示位数四舍五入的结果（表格软件只保留了屏幕上显示的位数）："
        "保持原值，未更新 — {rows}。",
    ),
    "map_unknown_column": (
        "--map names column “{column}”, which sheet “{sheet}” does not have (give its letter or its header text).",
        "--map 指定的列“{column}”在工作表“{sheet}”中不存在（请给出列字母或表头文字）。",
    ),
    "unknown_field": (
        "“{value}” is not a field zqtracker imports; the fields are: {fields}.",
        "“{value}”不是可导入的字段；可用字段：{fields}。",
    ),
    "unknown_profile": ("There is no saved import profile called “{name}”.", "没有名为“{name}”的导入方案。"),
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
    "note_sections": (
        "Sheet “{sheet}”: {count} section row(s) ({names}) give the sector, district or stage of the rows under them.",
        "工作表“{sheet}”：{count} 个分类行（{names}）为其下各行提供行业、区域或阶段。",
    ),
    "note_totals": (
        "Sheet “{sheet}”: {count} total row(s) (合计/小计/Total) skipped.",
        "工作表“{sheet}”：跳过合计、小计行 {count} 行。",
    ),
    "note_notes_from": (
        "Sheet “{sheet}”: the notes under the table, from row {row} on, are not data.",
        "工作表“{sheet}”：第 {row} 行起为表下注释，不作为数据。",
    ),
    "note_district_from": (
        "Sheet “{sheet}”: rows without a district take “{district}” from {source}.",
        "工作表“{sheet}”：未填区域的行按{source}记为“{district}”。",
    ),
    "note_status_from": (
        "Sheet “{sheet}”: new projects without a status take “{status}” from {source}.",
        "工作表“{sheet}”：未填状态的新项目按{source}记为“{status}”。",
    ),
    "note_sector_from_user": (
        "Sheet “{sheet}”: rows without a sector take “{sector}”, as you said.",
        "工作表“{sheet}”：未填行业的行按您的指定记为“{sector}”。",
    ),
    "note_example_rows": (
        "Sheet “{sheet}”: row {rows} repeats the header texts (a template's example row) and is not a project.",
        "工作表“{sheet}”：第 {rows} 行重复表头文字（模板示例行），不作为项目。",
    ),
    "note_continuations": (
        "Sheet “{sheet}”: {count} row(s) without a name or code (rows {rows}) continue the project above them and "
        "are not projects of their own (their progress or remarks are joined to the project's).",
        "工作表“{sheet}”：{count} 行没有项目名称和编号（第 {rows} 行），为上方项目的续行，不单独作为项目"
        "（其形象进度、备注并入上方项目）。",
    ),
    "note_parts": (
        "Sheet “{sheet}”: {count} row(s) of a “其中” breakdown (rows {rows}) are parts of the row above them, not "
        "projects of their own, and were not imported.",
        "工作表“{sheet}”：{count} 行属于“其中”分项（第 {rows} 行），是上方一行的组成部分，不单独作为项目，未导入。",
    ),
    "note_groups": (
        "Sheet “{sheet}”: group rows ({names}) name neither a sector nor a district and were skipped.",
        "工作表“{sheet}”：分组行（{names}）既不是行业也不是区域，已跳过。",
    ),
    "note_marks": (
        "Sheet “{sheet}”: {count} project(s) carried a key-project mark (★ ● ■ ▲ …): recorded as key projects, the "
        "mark removed from the name or code.",
        "工作表“{sheet}”：{count} 个项目带有重点项目标记（★ ● ■ ▲ 等）：记为重点项目，并去掉名称或编号中的标记。",
    ),
    "note_area_converted": (
        "Sheet “{sheet}”: column {column} “{header}” gives land in {unit}; converted to 亩 (1 亩 = 10000/15 m², "
        "1 公顷 = 15 亩){rounded}.",
        "工作表“{sheet}”：{column} 列“{header}”的用地单位为{unit}，已换算为亩（1 亩 = 10000/15 平方米，1 公顷 = 15 亩）"
        "{rounded}。",
    ),
    "note_views": (
        "{count} project(s) appear on more than one sheet ({sheets}) and are counted once.",
        "{count} 个项目在多个工作表（{sheets}）中重复出现，只计一次。",
    ),
    "note_row_per_month": (
        "Sheet “{sheet}”: {count} project(s) come on a row per month; their later rows ({rows}) are stored as "
        "those projects' monthly figures.",
        "工作表“{sheet}”：{count} 个项目按月逐行填报；其后各行（第 {rows} 行）记为这些项目的月度完成投资。",
    ),
    "note_place_totals": (
        "Sheet “{sheet}”: rows naming a place alone ({names}) add up the rows above them: read as those "
        "districts' subtotals, not projects, and as the district of the rows they add up.",
        "工作表“{sheet}”：仅写地名的行（{names}）为其上各行之和，按该区域的小计读取（不是项目），并作为所汇总各行的区域。",
    ),
    "note_alias": ("District “{written}” is read as “{district}”.", "区域“{written}”按“{district}”读取。"),
    "note_rejected_column": (
        "Sheet “{sheet}”: column {column} “{header}” was not imported: its header reads like {field_label}, but its "
        "values are not.",
        "工作表“{sheet}”：{column} 列“{header}”未导入：表头像“{field_label}”，但其内容不符。",
    ),
    "note_aggregate": (
        "Sheet “{sheet}” counts projects per group and lists no project names; it was not imported.",
        "工作表“{sheet}”为分组计数汇总，没有项目名称，未导入。",
    ),
    "differs_from_view": (
        "{field_label} {value!r} differs from {other!r} in row {first_row} of sheet “{sheet}” (the same project)",
        "{field_label}“{value}”与工作表“{sheet}”第 {first_row} 行（同一项目）的“{other}”不一致",
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
    "place_row": (
        "the row names a place alone ({value}) with figures that add up neither the rows under it nor those "
        "above it: a district's subtotal, or a project? Give the project its full name, or delete the row",
        "该行只写了地名（{value}），其数额既不等于其下各行之和，也不等于其上各行之和：是区域小计还是项目？"
        "如是项目请填写项目全称，否则请删除该行",
    ),
    "unknown_project": (
        "no project with {field_label} {value!r} in the database or this file",
        "数据库和本文件中都没有{field_label}为“{value}”的项目",
    ),
    "unknown_project_row": (
        "no project with {field_label} {value!r} in the database or this file: a monthly sheet reports projects "
        "already recorded — import the district's list of projects first (or add the project), then this sheet",
        "数据库和本文件中都没有{field_label}为“{value}”的项目：月度表只填报已录入的项目——请先导入该区县的项目清单"
        "（或新增该项目），再导入本表",
    ),
    "month_ytd_disagree": (
        "the own amount of {year}-{month:02d}, {value}, does not agree with the year to date through it (months "
        "1–{month} of {year}), {ytd}: that gives {derived} for the month",
        "{year}年{month}月当月完成额 {value} 与 {year}年1–{month}月累计 {ytd} 不符：按累计应为 {derived}",
    ),
    "month_above_ytd": (
        "the own amount of {year}-{month:02d}, {value}, is more than the year to date through it (months 1–{month} "
        "of {year}), {ytd}: a month's amount is part of its year to date — correct the one that is wrong, then "
        "import again",
        "{year}年{month}月当月完成额 {value} 大于 {year}年1–{month}月累计 {ytd}：当月数应包含在累计数之内——"
        "请更正有误的一项后重新导入",
    ),
    "bad_date_range": (
        "{field_label}: {value!r} is not a period (write 2023-2025 or 2023.3-2025.6)",
        "{field_label}：“{value}”不是有效的起止年限（请写成 2023-2025 或 2023.3-2025.6）",
    ),
    "ambiguous_slash_date": (
        "{field_label}: {value!r} reads as month/day in this column but cannot be one; write 2023-10-10",
        "{field_label}：“{value}”在本列按“月/日/年”读取但不成立；请写成 2023-10-10",
    ),
    "ambiguous_date": (
        "{field_label}: {value!r} could be January or October; write {year}-01 or {year}-10",
        "{field_label}：“{value}”可能是1月也可能是10月；请写成 {year}-01 或 {year}-10",
    ),
    "breakdown_without_numbers": (
        "{value!r} breaks the row above it (a project or a total) down into parts, and without a 序号 column the "
        "rows under it cannot be told from projects of their own — number the projects (序号), or remove the "
        "breakdown rows, then import again",
        "“{value}”把上方一行（项目或合计）拆分为几部分，而表格没有序号列，无法区分其下各行是分项还是独立项目——请给项目编上序号或删去分项行后再导入",
    ),
    "unit_changes": (
        "{value!r} under the table changes the unit its amounts are read in; the rows below would be read in the "
        "unit above — put them on a sheet of their own (with their unit line), then import again",
        "表格中的“{value}”改变了金额单位，其下各行会按上方的单位读取——请把它们（连同单位行）放到单独的工作表后再导入",
    ),
    "merged_amount": (
        "{value} in {cells} is one amount merged over {rows} rows holding different projects, and each would get "
        "all of it — give each project its own amount, then import again",
        "{cells} 中的 {value} 是合并到不同项目 {rows} 行的一个金额，导入后每个项目都会得到全部金额——"
        "请为每个项目分别填写金额后再导入",
    ),
    "ytd_other_sheet": (
        "the year to date through {value} disagrees with another sheet of this file — import the sheets one at a "
        "time, the earliest month first",
        "截至 {value} 的累计数与本文件另一工作表不一致——请按月份从早到晚逐个工作表导入",
    ),
    "numbered_without_name": (
        "this row has a 序号 of its own ({value}) but neither a project name nor a code — give it its name, or "
        "leave its 序号 empty if it continues the row above",
        "此行有自己的序号（{value}），但没有项目名称和编号——请填写项目名称；如果它是上一行的续行，请清空其序号",
    ),
    "second_table": (
        "a second table starts here with other columns ({differences}); its rows would be read as the "
        "first table's columns — put it on a sheet of its own, then import again",
        "此处开始第二个表格，列与上面的表格不同（{differences}）；其下各行会按第一个表格的列读取——请把它放到单独的工作表后再导入",
    ),
    "ambiguous_project": (
        "several projects are called {value!r}; give the project code or the district",
        "有多个名为“{value}”的项目；请填写项目编号或所在区域",
    ),
    "excel_error": (
        "{value} is an Excel error (a formula that failed in the spreadsheet); correct the cell and import again",
        "{value} 是 Excel 错误值（表格中的公式出错）；请改正该单元格后再导入",
    ),
    "formula_not_calculated": (
        "a formula ({formula}) whose value was never calculated; open the file in Excel or WPS, save it, and import "
        "again",
        "公式（{formula}）的结果从未计算过；请用 Excel 或 WPS 打开该文件，保存后再导入",
    ),
    "formula_not_calculated_unknown": (
        "a formula whose value was never calculated; open the file in Excel or WPS, save it, and import again",
        "公式的结果从未计算过；请用 Excel 或 WPS 打开该文件，保存后再导入",
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
    "percent_not_amount": (
        "{field_label}: the cell shows {value}, a percentage, which is not an amount; put the figure itself in the "
        "cell (in the column's unit) and import again",
        "{field_label}：单元格显示为 {value}，是百分比，不是金额或面积；请在单元格中填写数值本身（按该列单位）后再导入",
    ),
}
IMPORT_MESSAGES = Catalogue("import_problems", _IMPORT_MESSAGES)

_IMPORT_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "chain": ("Industry chain", "产业链"),
    "row_number": ("No.", "序号"),
    "project": ("Project", "项目"),
    "ytd": ("Year to date", "本年累计完成投资"),
    "since_start": ("Completed since start", "自开工累计完成投资"),
}
IMPORT_FIELD_LABELS = Catalogue("import_field_labels", _IMPORT_FIELD_LABELS)
