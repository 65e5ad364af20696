"""Wording of a package or sheet XML that Excel calls corrupt (io/xlsx_places.py, io/xlsx_rels.py): one thing
named twice — English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_PACKAGE_MESSAGES: dict[str, tuple[str, str]] = {
    "xml_cell_twice": (
        "Sheet “{sheet}” of {file} is damaged: cell {cell} is written twice in the sheet's XML, and which of the "
        "two is meant is not known (Excel reports such a file as corrupt); it was not read. Open the file in "
        "Excel or WPS, check the cell, save it and import again.",
        "“{file}”的工作表“{sheet}”已损坏：单元格 {cell} 在工作表的 XML 中写了两次，无从得知以哪个为准"
        "（Excel 会报告此文件已损坏）；未予读取。请用 Excel 或 WPS 打开，核对该单元格，保存后再导入。",
    ),
    "xml_row_twice": (
        "Sheet “{sheet}” of {file} is damaged: row {row} is written twice in the sheet's XML, and which of the "
        "two is meant is not known (Excel reports such a file as corrupt); it was not read. Open the file in "
        "Excel or WPS, check the row, save it and import again.",
        "“{file}”的工作表“{sheet}”已损坏：第 {row} 行在工作表的 XML 中写了两次，无从得知以哪一行为准"
        "（Excel 会报告此文件已损坏）；未予读取。请用 Excel 或 WPS 打开，核对该行，保存后再导入。",
    ),
    "xml_row_past_grid": (
        "Sheet “{sheet}” of {file} is damaged: its XML puts a row at number {row}, past Excel's last row "
        "(1,048,576), where no spreadsheet program writes one (readers place it differently: over another row, or "
        "nowhere); it was not read. Ask for the file again, or open it in Excel or WPS, check it, save it and "
        "import again.",
        "“{file}”的工作表“{sheet}”已损坏：其 XML 把一行写在第 {row} 行，超出了 Excel 的最后一行（1,048,576），"
        "任何表格程序都不会这样写（各读取程序对它的放置不一：覆盖到另一行，或干脆丢弃）；未予读取。请重新索取该文件，"
        "或用 Excel 或 WPS 打开、核对并保存后再导入。",
    ),
    "xml_cell_past_grid": (
        "Sheet “{sheet}” of {file} is damaged: its XML puts a cell at {cell}, past Excel's last row (1,048,576) "
        "or column (XFD), where no spreadsheet program writes one (readers place it differently, or leave it "
        "out); it was not read. Ask for the file again, or open it in Excel or WPS, check it, save it and import "
        "again.",
        "“{file}”的工作表“{sheet}”已损坏：其 XML 把一个单元格写在 {cell}，超出了 Excel 的最后一行（1,048,576）"
        "或最后一列（XFD），任何表格程序都不会这样写（各读取程序对它的处理不一，或干脆丢弃）；未予读取。"
        "请重新索取该文件，或用 Excel 或 WPS 打开、核对并保存后再导入。",
    ),
    "html_cut_off": (
        "{file} is a web page (HTML) that ends inside its table, without the end of the page: the file was cut "
        "off (a download or a copy that did not finish), and its last row would be read without the cells it "
        "lost. Ask for the file again; if it is complete, open it in Excel or WPS, save it as .xlsx and import "
        "that copy.",
        "“{file}”是网页（HTML），在表格中途结束，没有网页的结尾：文件被截断了（下载或复制未完成），"
        "其最后一行会缺失单元格而被误读。请重新索取该文件；若文件完整，请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入。",
    ),
    "package_rel_twice": (
        "{file} is damaged: {part} gives the relationship Id “{value}” twice, so which part it points to is not "
        "known (Excel reports such a file as corrupt); it was not opened. Ask for the file again.",
        "“{file}”已损坏：{part} 中关系 Id“{value}”出现了两次，无从得知它指向哪个部件"
        "（Excel 会报告此文件已损坏）；未予打开。请重新索取该文件。",
    ),
    "package_sheet_twice": (
        "{file} is damaged: {part} lists two sheets with the same {attribute} “{value}”, so which sheet is meant "
        "is not known (Excel reports such a file as corrupt); it was not opened. Ask for the file again.",
        "“{file}”已损坏：{part} 中有两张工作表的 {attribute} 同为“{value}”，无从得知所指的是哪张"
        "（Excel 会报告此文件已损坏）；未予打开。请重新索取该文件。",
    ),
    "old_excel": (
        "{file} is an Excel {version} file, a format from before 1995 that zqtracker does not read: open it in "
        "Excel or WPS, save it as .xlsx and import that copy.",
        "“{file}”是 Excel {version} 格式（1995 年以前的格式），zqtracker 不读取：请用 Excel 或 WPS 打开，另存为 .xlsx "
        "后再导入。",
    ),
    "text_nul": (
        "{file} looks like a text (CSV) file but holds NUL bytes, which text never does: binary data inside it, "
        "or a file cut or joined wrongly. Save it again as CSV (UTF-8) or .xlsx and import that copy.",
        "“{file}”看似文本（CSV）文件，却含有文本中不应出现的空字节（NUL）：其中混入了二进制数据，或文件被截断、拼接有误。"
        "请另存为 CSV（UTF-8）或 .xlsx 后再导入。",
    ),
    "text_encoding": (
        "{file} looks like a text (CSV) file, but no one encoding reads all of it (UTF-8, GB18030 and UTF-16 "
        "each fail on part of it: text pasted together from files saved in two encodings?). Save it again as CSV "
        "(UTF-8) or .xlsx and import that copy.",
        "“{file}”看似文本（CSV）文件，但没有一种编码能读通全文（UTF-8、GB18030、UTF-16 都在某处出错："
        "是否由不同编码保存的文本拼接而成？）。请另存为 CSV（UTF-8）或 .xlsx 后再导入。",
    ),
    "text_bom_gb18030": (
        "{file} starts with a byte-order mark saying its text is UTF-8, but the text after the mark is GB18030 "
        "(GBK): the mark is wrong, and Excel would show the Chinese garbled too. Save it again as CSV (UTF-8) or "
        ".xlsx from the program that made it (or open it in a text editor as GBK and save it as UTF-8), and "
        "import that copy.",
        "“{file}”开头的字节顺序标记（BOM）表明其文本为 UTF-8，但标记之后的文字是 GB18030（GBK）编码：标记有误，"
        "用 Excel 打开中文也会是乱码。请在生成该文件的程序中另存为 CSV（UTF-8）或 .xlsx（或用文本编辑器按 GBK "
        "打开后另存为 UTF-8），再导入该副本。",
    ),
    "damaged_value": (
        "{file} is damaged and cannot be read as a workbook: its XML holds “{value}” where the format allows no "
        "such value (the program that wrote it wrote it wrongly). Open it in Excel or WPS, save it again and "
        "import that copy.",
        "“{file}”已损坏，无法作为工作簿读取：其 XML 中有格式所不允许的值“{value}”（写出该文件的程序有误）。"
        "请用 Excel 或 WPS 打开并另存后再导入。",
    ),
    "damaged_part": (
        "{file} is damaged and cannot be read as a workbook: a cell or a part refers to something the file "
        "does not hold (the program that wrote it wrote it wrongly). Open it in Excel or WPS, save it again and "
        "import that copy.",
        "“{file}”已损坏，无法作为工作簿读取：某个单元格或部件引用了文件中不存在的内容（写出该文件的程序有误）。"
        "请用 Excel 或 WPS 打开并另存后再导入。",
    ),
}
PACKAGE_MESSAGES = Catalogue("package_problems", _PACKAGE_MESSAGES)
