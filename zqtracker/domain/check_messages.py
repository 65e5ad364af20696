"""Wording of what the import's cross-checks find — the sheet's own 合计 held against the rows read, a
CSV row wider than its header, slash dates that read either way — English and 简体中文; messages.py
merges them in. A note or a refusal, never a silent difference."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_CHECK_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    # -- a chosen path that is no spreadsheet (io/sniff.py; import_messages.py is full) -----------
    "file_is_fifo": (
        "{file} is not a file but a named pipe — choose the spreadsheet file itself.",
        "“{file}”不是文件，而是命名管道——请选择电子表格文件本身。",
    ),
    "file_is_device": (
        "{file} is not a file but a device ({device}) — choose the spreadsheet file itself.",
        "“{file}”不是文件，而是设备（{device}）——请选择电子表格文件本身。",
    ),
    "file_is_socket": (
        "{file} is not a file but a socket — choose the spreadsheet file itself.",
        "“{file}”不是文件，而是套接字——请选择电子表格文件本身。",
    ),
    "note_web_page": (
        "{file} is a web page (HTML) with a spreadsheet's name, as web systems' “export to Excel” write; its "
        "tables were read as Excel shows them.",
        "“{file}”是以表格文件名保存的网页（HTML，网上系统“导出Excel”常见此格式），"
        "已按 Excel 打开时的样子读取其中表格。",
    ),
    "note_xml2003": (
        "{file} is an Excel 2003 XML spreadsheet with a workbook's name; it was read as one.",
        "“{file}”是 Excel 2003 XML 表格（扩展名为工作簿），已按该格式读取。",
    ),
    "phase_under_name": (
        "the name “{name}” above is merged down over this row, which gives an amount of its own — a phase of the "
        "project? Give the row a name of its own (…一期, …二期) or put the project's total on its first row",
        "上方的项目名称“{name}”向下合并覆盖了此行，而此行有自己的金额——是该项目的分期吗？"
        "请为此行填写自己的名称（……一期、……二期），或把项目的合计填在第一行",
    ),
    "html_no_table": (
        "{file} is a web page (HTML) without a table to import; if it was saved from a workbook of several sheets, "
        "open it in Excel, save it as .xlsx and import that.",
        "“{file}”是网页（HTML），其中没有可导入的表格；"
        "若由多工作表的工作簿另存而来，请在 Excel 中打开并另存为 .xlsx 后再导入。",
    ),
    "text_too_large": (
        "{file} is {size}, more than the {limit} zqtracker reads of a text file (CSV, a web page, Excel 2003 XML).",
        "“{file}”大小为 {size}，超过 zqtracker 对文本文件（CSV、网页、Excel 2003 XML）可读取的 {limit}。",
    ),
    "html_unreadable": (
        "{file} is a web page (HTML) whose text decodes neither as UTF-8 nor as GB18030 (the encoding it "
        "declares: {encoding}); save it again as UTF-8, or open it in Excel and save it as .xlsx.",
        "“{file}”是网页（HTML），其文字既不能按 UTF-8 也不能按 GB18030 解码（其声明的编码：{encoding}）；"
        "请另存为 UTF-8，或在 Excel 中打开并另存为 .xlsx。",
    ),
    "file_is_special": (
        "{file} is not a regular file — choose the spreadsheet file itself.",
        "“{file}”不是普通文件——请选择电子表格文件本身。",
    ),
    "pdf_not_workbook": (
        "{file} is a PDF document, not a spreadsheet; import the Excel or CSV file it was made from.",
        "“{file}”是 PDF 文档，不是电子表格；请导入生成它的 Excel 或 CSV 文件。",
    ),
    "word_not_workbook": (
        "{file} is a Word document, not a spreadsheet; import the Excel or CSV file itself.",
        "“{file}”是 Word 文档，不是电子表格；请导入 Excel 或 CSV 文件本身。",
    ),
    "image_not_workbook": (
        "{file} is an image ({format}), not a spreadsheet; import the Excel or CSV file itself.",
        "“{file}”是图片（{format}），不是电子表格；请导入 Excel 或 CSV 文件本身。",
    ),
    "archive_not_workbook": (
        "{file} is an archive ({format}), not a spreadsheet; extract the spreadsheet from it and import that.",
        "“{file}”是压缩包（{format}），不是电子表格；请先解压，再导入其中的表格文件。",
    ),
    "csv_long_row": (
        "{file}: row {row} has {fields} fields but the header has {header}, so its values would land under the wrong "
        "columns — an amount written with an unquoted thousands separator (12,000) splits into two fields; quote it "
        '("12,000") or remove the separator.',
        "“{file}”第 {row} 行有 {fields} 个字段，但表头只有 {header} 个，其数值会错列——金额中未加引号的千位分隔符"
        '（如 12,000）会把一个数拆成两个字段；请给该金额加上英文双引号（"12,000"）或去掉分隔符。',
    ),
    "csv_open_quote": (
        '{file}: row {row}: a quote (") opens a field that never closes — the line breaks and the rows after it '
        "would be read into that one field. Remove the stray quote, or close it where the field ends; a quote "
        'inside a quoted field is written twice ("").',
        '“{file}”第 {row} 行：英文双引号（"）开始的字段没有结束——其后的换行和各行都会被读进这一个字段。'
        '请删除多余的引号，或在该字段结尾处补上引号；带引号的字段中的引号要写成两个（""）。',
    ),
    "note_total_differs": (
        "Sheet “{sheet}”: its total row {row} says {declared} of planned investment, but the {count} project "
        "row(s) read add up to {counted} — check for rows counted twice (a breakdown, a subtotal) or left out.",
        "工作表“{sheet}”：第 {row} 行合计的计划总投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}"
        "——请检查是否有重复计算（分项、小计）或遗漏的行。",
    ),
    "note_count_differs": (
        "Sheet “{sheet}”: its total row {row} counts {declared} project(s), but {count} project row(s) were read "
        "— check for rows left out, or read as projects that are not.",
        "工作表“{sheet}”：第 {row} 行合计注明 {declared} 个项目，而读取到 {count} 个项目行——请检查是否有遗漏的行，"
        "或被当作项目读取的非项目行。",
    ),
    "period_conflict": (
        "the title says the figures run through month {title}, but this column's header says 1–{header_month}: "
        "which month are they through? Correct the title or the header, then import again",
        "标题为截至 {title} 月，但此列表头为 1–{header_month} 月：数据截至哪个月？请更正标题或表头后再导入",
    ),
    "several_districts": (
        "{field_label} names several districts ({value}): a project belongs to one — write the district it is "
        "counted in",
        "{field_label}填写了多个区域（{value}）：一个项目只属于一个区域——请填写该项目计入统计的那一个区域",
    ),
    "note_more_columns": (
        "Sheet “{sheet}”: {count} more column(s) from column {column} on are not imported (not listed one by one).",
        "工作表“{sheet}”：自第 {column} 列起另有 {count} 列未导入（不逐一列出）。",
    ),
    "note_second_table": (
        "Sheet “{sheet}”: another table begins at row {row} (its own header: a summary, not projects) — the "
        "projects end above it, and its rows were not imported.",
        "工作表“{sheet}”：第 {row} 行起是另一张表（有自己的表头，是汇总而非项目），项目到其上方为止，其行未导入。",
    ),
    "note_ytd_unreported": (
        "{count} year-to-date figure(s) count months that no report gave as 0 — {rows}: each month's amount is "
        "the year to date less the figures stored, so check that nothing was done in those months.",
        "{count} 个累计数把从未报送过的月份按 0 计算——{rows}：当月数为累计数减去已存数，"
        "请核实这些月份确实没有完成投资。",
    ),
    "note_older_report": (
        "Sheet “{sheet}”: rows {rows} report through {through}, older than the completed investment stored "
        "(through {stored}): their progress, status, notes and the other fields the later report gave (name, "
        "annual plan, sector, planned investment …) were not written back — the projects keep what the later "
        "report said; their figures were imported as usual.",
        "工作表“{sheet}”：第 {rows} 行报送截至 {through}，早于已存的完成投资（截至 {stored}）：其形象进度、"
        "项目状态、备注及较新报表已填的其他字段（项目名称、年度计划、所属行业、计划总投资等）未写回，项目保留较新报表所填的内容；其投资数照常导入。",
    ),
    "ytd_above_planned": (
        "the year to date through month {month} ({ytd:,} yuan) is above the project's planned investment "
        "({planned:,} yuan), and its header does not say it is this year's: if 累计 here means since construction "
        "started, head the column {since}; if it is this year's (a cost overrun), head it {this_year}; then import "
        "again",
        "1–{month}月累计（{ytd:,}元）高于项目计划总投资（{planned:,}元），而表头未注明是本年累计：如“累计”指自开工以来，"
        "请把该列表头改为“{since}”；如确为本年累计（超概算），请改为“{this_year}”；然后重新导入",
    ),
    "note_ytd_above_planned": (
        "Sheet “{sheet}”: {count} row(s) give a year to date above the project's planned investment — {rows} — "
        "imported as written, since the header says the months are this year's; check them (a cost overrun, a "
        "wrong planned total, or 累计 since construction started: then head the column {since} and import again).",
        "工作表“{sheet}”：{count} 行的本年累计高于项目计划总投资——{rows}——表头注明为本年月份，已照常导入；"
        "请核实（超概算、计划总投资有误，或实为自开工累计：如是，请把该列表头改为“{since}”后重新导入）。",
    ),
    "note_ytd_shifted": (
        "{count} project(s) have a month corrected under months stored after it, which keep their own amounts, so "
        "their year to date through those months moves — {projects}. If a later month came as a 1–X月累计 alone "
        "(no 当月 beside it), that year to date is no longer what the district reported: import that report again; "
        "a month reported with its 当月 keeps it.",
        "{count} 个项目更正了某月的数，其后已存月份的当月数未变，因此截至这些月份的累计随之变化——{projects}。"
        "如其后月份原仅按 1–X月累计报送（未报当月数），现累计已与区县所报不符：请重新导入那份报表；"
        "报了当月数的月份保留其当月数。",
    ),
    "note_ytd_above_planned_row": (
        "row {row}: {span} {ytd} year to date, planned investment {planned}",
        "第 {row} 行：{span}累计 {ytd}，计划总投资 {planned}",
    ),
    "note_slash_date_order": (
        "Sheet “{sheet}”: column {column} “{header}” has no date with a day above 12, so nothing tells whether "
        "it writes month/day or day/month — its dates were read month/day (the US form): {value} read as {read}. "
        "If they are day/month ({value} is {other}), {how}.",
        "工作表“{sheet}”：{column} 列“{header}”中没有日大于 12 的日期，无法判断是“月/日”还是“日/月”——"
        "已按“月/日/年”（美式）读取：{value} 读作 {read}。如实为“日/月/年”（{value} 即 {other}），{how}。",
        Ways(
            app=(
                "choose “day/month” in the question on slash dates above the table",
                "请在表格上方“可两种读法的斜杠日期”一问中选择“日/月”",
            ),
            cli=("say so with --date-order dmy and import again", "请用 --date-order dmy 说明后重新导入"),
        ),
    ),
    "note_status_back": (
        "{count} listed project(s) move back along the pipeline (the first: {before} → {after}) — rows {rows}: a "
        "correction, or a slip? Stored as the file gives them; check them.",
        "{count} 个项目的状态倒退（首个：{before} → {after}）——第 {rows} 行：是更正还是误填？已按文件导入，请核对。",
    ),
    "note_code_zeros": (
        "Sheet “{sheet}”: {count} code(s) written another way (without leading zeros — a spreadsheet program drops "
        "them from a code typed as a number —, dashes or spaces, or in other case) were taken as the stored codes, "
        "which are kept — row → code: {rows}.",
        "工作表“{sheet}”：{count} 个编号写法与已有编号不同（缺少前导零——以数字录入的编号会被表格软件去掉前导零——、"
        "少了连字符或空格，或大小写不同），已按已有编号匹配，编号保持不变——行 → 编号：{rows}。",
    ),
    "code_other_project": (
        "code {value} is stored project {project}, but this row's name is nothing like it — that project renamed, "
        "or another project (a district numbering its own list 001, 002…, or a list numbered afresh: then the codes "
        "are not the city's)? {how}",
        "编号 {value} 为已有项目 {project} 的编号，但本行名称与之全然不同——是该项目改名，还是另一项目"
        "（区县按自己的清单编号 001、002……，或清单重新编号：则该列并非市级项目编号）？{how}",
        Ways(
            app=(
                "If it is that project, choose “the same as …” in the row's question above the table; if it is "
                "another, leave the code column out: click its header and choose “Not imported”",
                "如为该项目，请在表格上方该行的问题中选“即 ……”；如为另一项目，请不导入编号列：单击其表头，选“不导入”",
            ),
            cli=(
                "If it is that project, say so with --link {row}={other}; if it is another, leave the code column "
                "out with --map {column}=none and import again",
                "如为该项目，请用 --link {row}={other} 说明；"
                "如为另一项目，请用 --map {column}=none 不导入编号列后重新导入",
            ),
        ),
    ),
    "new_code_taken": (
        "code {value} is already project {project}'s, so a new project cannot take it — correct the code, or leave "
        "the code column out ({how})",
        "编号 {value} 已为项目 {project} 所用，新项目不能使用该编号——请更正编号，或不导入编号列（{how}）",
        Ways(
            app=("click its header in the table and choose “Not imported”", "单击表格中该列表头，选“不导入”"),
            cli=("with --map {column}=none", "用 --map {column}=none"),
        ),
    ),
    "code_zeros_other_name": (
        "code {value} is stored project {project}'s code written another way (without its dashes, in other case, or "
        "without leading zeros: a spreadsheet program drops them from a code typed as a number), and the names "
        "differ — that project renamed, or another project? {how}",
        "编号 {value} 与已有项目 {project} 的编号仅写法不同"
        "（少了连字符、大小写不同，或以数字录入被表格软件去掉了前导零），但名称不同——是该项目改名，还是另一项目？{how}",
        Ways(
            app=(
                "Say which in the row's question above the table: “the same as …” or “new project (keep apart)”",
                "请在表格上方该行的问题中选择：“即 ……”或“新项目（分开）”",
            ),
            cli=(
                "If it is that project renamed, say so with --link {row}={other}; if it is another project, "
                "--link {row}=new",
                "如为该项目改名，请用 --link {row}={other} 说明；如为另一项目，请用 --link {row}=new",
            ),
        ),
    ),
    "code_other_district": (
        "code {value} is project {project}, but this row puts it in another district — the project moved, or "
        "another project (each district numbering its own list: then the codes are not the city's)? {how}",
        "编号 {value} 为项目 {project} 的编号，但本行将其列在另一区域——是该项目已迁移，还是另一项目"
        "（各区县按自己的清单编号：则该列并非市级项目编号）？{how}",
        Ways(
            app=(
                "If the project moved, choose “the same as …” in the row's question above the table; if it is "
                "another project, leave the code column out: click its header and choose “Not imported”",
                "如该项目已迁移，请在表格上方该行的问题中选“即 ……”；"
                "如为另一项目，请不导入编号列：单击其表头，选“不导入”",
            ),
            cli=(
                "If the project moved, say so with --link {row}={other}; if it is another project, leave the code "
                "column out with --map {column}=none and import again",
                "如该项目已迁移，请用 --link {row}={other} 说明；"
                "如为另一项目，请用 --map {column}=none 不导入编号列后重新导入",
            ),
        ),
    ),
    "name_other_enterprise": (
        "this row gives no district, and the one stored project of its name, {project}, is another enterprise's "
        "({other}) — {how}, or give the row its district",
        "本行未填区域，而同名的唯一已有项目 {project} 属于另一企业（{other}）——{how}，或为本行填写区域",
        Ways(
            app=(
                "if it is that project, choose “the same as …” in the row's question above the table; if it is "
                "another project, “new project (keep apart)”",
                "如为同一项目，请在表格上方该行的问题中选“即 ……”；如为另一项目，选“新项目（分开）”",
            ),
            cli=(
                "if it is that project, say so with --link {row}=CODE (or =#ID); if it is another project, "
                "--link {row}=new",
                "如为同一项目，请用 --link {row}=编号（或 =#ID）说明；如为另一项目，请用 --link {row}=new",
            ),
        ),
    ),
    "near_name": (
        "“{value}” would be a new project, but a stored one has a near name: {others} — if it is that project "
        "renamed, it would be listed twice and its investment counted twice. {how}",
        "“{value}”将作为新项目导入，但已有名称相近的项目：{others}——"
        "如实为该项目改名，该项目将重复列出、投资数重复计算。{how}",
        Ways(
            app=(
                "Say which in the row's question above the table: “the same as …” if it is, “new project (keep "
                "apart)” if it is another project",
                "请在表格上方该行的问题中说明：如是同一项目，选“即 ……”；如是另一项目，选“新项目（分开）”",
            ),
            cli=(
                "Say which: --link {row}=CODE (or =#ID) if it is, --link {row}=new if it is another project",
                "请说明：如是同一项目，用 --link {row}=编号（或 =#ID）；如是另一项目，用 --link {row}=new",
            ),
        ),
    ),
    "columns_disagree": (
        "column {column} “{header}” beside it gives {value} for the same figure: the two disagree by more than "
        "rounding and the import cannot tell which is right — correct the row, or leave one column out ({how})",
        "同一数字在 {column} 列“{header}”中为 {value}：两列相差超出四舍五入，无法判断哪一列正确——"
        "请更正此行，或不导入其中一列（{how}）",
        Ways(
            app=("click its header in the table and choose “Not imported”", "单击表格中该列表头，选“不导入”"),
            cli=("with --map {column}=none or --map {letter}=none", "用 --map {column}=none 或 --map {letter}=none"),
        ),
    ),
    "note_checked_column": (
        "Sheet “{sheet}”: column {column} “{header}” gives the same figure as column {other} “{other_header}”, "
        "which is read: each row's two figures are held against each other, and where {other} is blank {column}'s "
        "is taken.",
        "工作表“{sheet}”：{column} 列“{header}”与所读取的 {other} 列“{other_header}”为同一数字："
        "逐行核对两列，{other} 列空白处取 {column} 列的数字。",
    ),
    "round_new_is_listed": (
        "this “new” project is on record already ({project}) — report its figures on its own row of the first "
        "sheet (a project not listed there: ask the bureau), not as a new project, or its months are counted twice",
        "此“新增项目”已在册（{project}）——请在第一张表该项目所在行填报（第一张表未列出的，请联系主管部门），"
        "不要作为新项目填报，否则其各月数字将重复计算",
    ),
    "bad_grouping": (
        "{field_label}: in “{value}” the comma does not separate thousands (groups of three digits) — if it is a "
        "decimal comma, write a point (300.5); if a digit is missing, correct the number",
        "{field_label}：“{value}”中的逗号不是千位分隔符（应每三位一组）——如为小数点，请写成“.”（300.5）；"
        "如漏了数字，请更正",
    ),
    "round_collect_not_allowed": (
        "the account “{user}” may not collect the round's returns (a district's or a reader's account); an "
        "analyst collects them — nothing was read into the database",
        "账户“{user}”无权收取报表回表（区域或只读账户）；请由分析人员收取——未写入任何数据",
    ),
    "far_cells": (
        "Sheet “{sheet}” of {file} spans {cells:,} cells (to row {rows}, column {cols}), more than the {limit:,} "
        "zqtracker reads, because of what lies far outside the table: cell {far}. Delete it (select the empty "
        "rows and columns out to it and delete them) and import again.",
        "“{file}”的工作表“{sheet}”因表格以外远处的内容而跨越 {cells:,} 个单元格（至第 {rows} 行、第 {cols} 列），"
        "超过 zqtracker 可读取的 {limit:,} 个：单元格 {far}。"
        "请删除它（选中表格以外直到该处的空行、空列并删除）后重新导入。",
    ),
    "wan_in_unit_column": (
        "{field_label}: “{value}” in a column of {unit} reads two ways — {value}元 ({as_unit:,} yuan) or {value} × "
        "{unit} ({as_numeral:,} yuan); write the amount in {unit} as a plain number, or with 元 / 万元 / 亿元 after it",
        "{field_label}：“{value}”位于以{unit}为单位的列中，可有两种读法——{value}元（{as_unit:,} 元）或 {value}×{unit}"
        "（{as_numeral:,} 元）；请按{unit}只填数字，或在数字后写明 元／万元／亿元",
    ),
    "note_wan_read_as_unit": (
        "Sheet “{sheet}”, column {column} “{header}”, row(s) {rows}: an amount written with 万 (such as “300万”) is "
        "read as 万元 — read as 万 × the column's unit it would exceed the project's planned investment on the row.",
        "工作表“{sheet}”{column} 列“{header}”第 {rows} 行：带“万”的金额（如“300万”）按万元读取——"
        "若按“万×本列单位”读取，将超过该行项目的计划总投资。",
    ),
    "note_unit_from_title": (
        "Sheet “{sheet}”: amounts with no unit of their own are read in {unit}, as its title “{title}” says.",
        "工作表“{sheet}”：未注明单位的金额按标题“{title}”所注的{unit}读取。",
    ),
    "note_no_amount": (
        "Sheet “{sheet}”: row(s) {rows} give no amount: no record written — nothing was reported for that project "
        "and month ({count} row(s)). A figure already stored for it is kept: a blank cell never erases one; to "
        "remove it, clear the month in the project's detail pane (its monthly grid).",
        "工作表“{sheet}”：第 {rows} 行未填金额，未写入记录——该项目当月未报送（共 {count} 行）。"
        "数据库中已有的当月数保留不变：空单元格不会清除已有数据；如需删除，请在项目详情窗格的月度表格中清除该月。",
    ),
    "planned_unit_implausible": (
        "{field_label}: read in {unit}, as the header or unit line says, the middle of its {count} amounts is "
        "{median:,} yuan, which is no project's; if the amounts are in another unit (万元 figures under a 亿元 "
        "header, say), correct the header or unit line, then import again",
        "{field_label}：按表头或单位行所注的{unit}读取，其 {count} 个金额居中者为 {median:,} 元，不似任何项目的投资额；"
        "如金额实为其他单位（例如万元数填在亿元表头下），请更正表头或单位行后重新导入",
    ),
    "ytd_far_above_planned": (
        "the year to date through month {month} ({ytd:,} yuan) is {times:,} times the project's planned investment "
        "({planned:,} yuan), which no cost overrun is: check the unit of the column (万元 figures under a 亿元 "
        "header, say), correct it, then import again",
        "1–{month}月累计（{ytd:,}元）是项目计划总投资（{planned:,}元）的 {times:,} 倍，不可能是超概算：请核对该列的单位"
        "（例如万元数填在亿元表头下），更正后重新导入",
    ),
    "completed_unit_implausible": (
        "{field_label}: read in {unit}, as the headers or unit line say, the middle of the {count} completed "
        "investment figures is {median:,} yuan, which is no project's; if they are in another unit (万元 figures "
        "under headers in yuan, say), correct the headers or unit line, then import again",
        "{field_label}：按表头或单位行所注的{unit}读取，{count} 个完成投资数居中者为 {median:,} 元，"
        "不似任何项目的完成额；如实为其他单位（例如万元数填在元表头下），请更正表头或单位行后重新导入",
    ),
    "fields_down_rows": (
        "{field_label} “{value}”: {count} rows of this sheet are named like columns ({names}), so its projects seem "
        "to run across the columns and its fields down the rows; put one project per row, with the fields as "
        "column headers, then import again",
        "{field_label}“{value}”：本表有 {count} 行以列名为名称（{names}），项目似乎横向排列、字段纵向排列；"
        "请改为每行一个项目、字段作列标题，然后重新导入",
    ),
    "side_by_side_tables": (
        "{field_label}: column {second} “{value}” names other projects right of the table, after an empty column "
        "or a 序号 of its own — two tables side by side are not read (its projects would be lost and its columns "
        "read as this table's rows'); put the second table under the first, with its own header row, or on a "
        "sheet of its own, then import again",
        "{field_label}：{second} 列“{value}”在本表右侧（隔一空列或另有序号列）列出另一批项目——并排的两张表无法读取"
        "（其项目会丢失，其各列会被当作本表各行的数据）；请把第二张表移到第一张表下方（带自己的表头行）或单独一个工作表，"
        "然后重新导入",
    ),
}
CHECK_MESSAGES = Catalogue("check_messages", _CHECK_MESSAGES)
