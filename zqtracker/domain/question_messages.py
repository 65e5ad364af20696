"""Wording of the import's notes that ask the user something — a new row with a stored project's name, status
words nobody taught zqtracker, a column in another currency or without a unit — English and 简体中文. What to
answer is said where the note is read (domain/words.py's :class:`Ways`): in the dialog's questions, or with the
command line's flags. Kept apart from import_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_QUESTION_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_foreign_column": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: its amounts are in {currency}, and zqtracker "
        "never stores them as yuan ({how}).",
        "工作表“{sheet}”：{column} 列“{header}”未导入：其金额为{currency}，zqtracker 不会把它当作人民币保存（{how}）。",
        Ways(
            app=(
                "where the currency is named, give its rate above the table (“Rate for …”) to import them in yuan",
                "如币种明确，可在表格上方“…汇率”处填写汇率，折算为人民币导入",
            ),
            cli=(
                "to import them in yuan, give the rate: --rate {code}=yuan per unit; if they are yuan after all, say "
                "so with --unit",
                "如需折算为人民币导入，请给出汇率：--rate {code}=每单位折合人民币元数；"
                "如实为人民币，请用 --unit 指定单位",
            ),
        ),
    ),
    "note_foreign_duplicate": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: its amounts are in {currency}, and column "
        "{other} “{other_header}” gives the same figure in yuan, which is imported.",
        "工作表“{sheet}”：{column} 列“{header}”未导入：其金额为{currency}，同一数额已由 {other} 列“{other_header}”"
        "以人民币给出并导入。",
    ),
    "note_unitless_english": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: a list written in English whose amounts state "
        "no unit or currency is not in yuan as far as zqtracker can tell, and it never stores them as yuan "
        "unless you say so ({how}).",
        "工作表“{sheet}”：{column} 列“{header}”未导入：英文清单的金额未注明单位和币种，不能视为人民币；"
        "如确为人民币，请{how}。",
        Ways(
            app=(
                "choose their unit above the table: “Amounts without a unit: choose…”",
                "在表格上方“无单位的金额：请选择单位…”处选择单位",
            ),
            cli=("--unit yuan, wan or yi", "用 --unit yuan、wan 或 yi 指定单位"),
        ),
    ),
    "note_candidates": (
        "Sheet “{sheet}”, row {row}: “{name}” is new, but a stored project has the same or a near name: {others}. "
        "If they are the same project, {how}.",
        "工作表“{sheet}”第 {row} 行：“{name}”为新项目，但已有名称相同或相近的项目：{others}。如为同一项目，{how}。",
        Ways(
            app=(
                "choose “the same as …” in the row's question above the table",
                "请在表格上方该行的问题中选“即 ……”",
            ),
            cli=("link them with --link {row}=CODE", "请用 --link {row}=编号 关联"),
        ),
    ),
    "note_unknown_statuses": (
        "Sheet “{sheet}”, column {column}: status words zqtracker does not know: {words}; say what each means "
        "(one of: {statuses}) {how}.",
        "工作表“{sheet}”{column} 列：无法识别的状态词：{words}；请{how}说明其含义（可选：{statuses}）。",
        Ways(
            app=("in the questions above the table", "在表格上方的问题中"),
            cli=('with --status-map "WORD=STATUS"', '用 --status-map "词=状态"'),
        ),
    ),
    "planned_row_implausible": (
        "{field_label}: {value} ({yuan:,} yuan) is {times:,} times the middle project of the list ({median}) — no "
        "project's: typed in another unit than the column's (yuan in a 万元 column, say)? Correct it, then import "
        "again",
        "{field_label}：{value}（{yuan:,} 元），为清单居中项目（{median}）的 {times:,} 倍，不似任何项目的投资额——"
        "是否按其他单位填写（如在万元列中填了元）？请更正后重新导入",
    ),
    "district_two_places": (
        "the sheet's name says {named}, its title {title}, and no column gives the district: whose projects are "
        "these? {how}",
        "工作表名为{named}，标题为{title}，且没有区域列：这些是哪个区县的项目？{how}",
        Ways(
            app=("Correct the title or the sheet's name, then import again", "请更正标题或工作表名后重新导入"),
            cli=(
                'Correct the title or the sheet\'s name, or import this sheet alone, saying it: --sheet "{value}" '
                "--district {named}",
                '请更正标题或工作表名，或单独导入此工作表并说明区县：--sheet "{value}" --district {named}',
            ),
        ),
    ),
    "figures_in_parts": (
        "“{value}” gives no figures of its own, but its 其中 rows under it (row {part} …) do: the parts of a "
        "project are not imported, so its figures would be lost — put the project's totals on its own row, or "
        "list each phase as a project of its own, then import again",
        "“{value}”本行没有数字，而其下的“其中”行（第 {part} 行……）有：“其中”行不作为项目导入，"
        "其数字将会丢失——请在项目本行填写合计数，或把各期作为单独的项目列出，再导入",
    ),
    "planned_row_tiny": (
        "{field_label}: {value} ({yuan:,} yuan) is 1/{times:,} of the middle project of the list ({median}) — no "
        "project's: typed in another unit than the column's (亿元 in a 万元 column, say)? Correct it, then import "
        "again",
        "{field_label}：{value}（{yuan:,} 元），仅为清单居中项目（{median}）的 {times:,} 分之一，不似任何项目的投资额——"
        "是否按其他单位填写（如在万元列中填了亿元数）？请更正后重新导入",
    ),
    "month_beyond_since_start": (
        "month {month}'s own amount, {value}, with the {before} stored for the months before it, "
        "passes the row's completed-since-start figure, {since}, which includes them: is it the year to "
        "date under a month's header? Correct the header, then import again",
        "{month} 月当月完成投资 {value}，加上此前各月已存的 {before}，超过本行自开工累计 {since}"
        "，而后者应包含前者：是否把本年累计填在了当月列下？请更正表头后重新导入",
    ),
    "month_like_ytd": (
        "month {month}'s amount, {value:,} yuan, is at least everything stored for months 1–{last} ({before:,} "
        "yuan), as it is for {like} of the {told} projects of this column with those months stored: is the column "
        "the year to date? {how}",
        "{month} 月完成投资 {value:,} 元，不少于已存的 1—{last} 月合计 {before:,} 元；本列已存有这些月份数据的 "
        "{told} 个项目中有 {like} 个如此：该列是否为本年累计？{how}",
        Ways(
            app=(
                "Choose what the column holds in its header's menu: Year to date, or Completed investment for the "
                "month's own amounts",
                "请在该列表头的菜单中选择：本年累计完成投资，或完成投资（当月数）",
            ),
            cli=(
                'If it is, import with --map "{column}=ytd"; if they are the month\'s own amounts, --map '
                '"{column}=amount"',
                '如是，请加 --map "{column}=ytd" 导入；如确为当月数，请加 --map "{column}=amount"',
            ),
        ),
    ),
    "month_in_two_columns": (
        "{field_label} {value!r} is given by two columns of this row, {columns}: which one holds it? (A total "
        "since the start of construction says so in its header.) Correct the headers, then import again",
        "{field_label}“{value}”在本行由两列给出（{columns}）：应以哪一列为准？（自开工累计数请在表头写明“自开工累计”）"
        "请更正表头后重新导入",
    ),
    "footnote_in_amount": (
        "{field_label}: {value!r} holds a footnote mark (¹, ①) beside its digits — write the amount alone and "
        "the note in the remarks column, then import again",
        "{field_label}：“{value}”的数字旁带有注释符号（¹、①）——请只填金额，注释写在备注中，再导入",
    ),
    "district_is_town": (
        "“{value}” is a town, not a district, county or park — which county is it in? Write the county before it "
        "(高要区金利镇), or, if this database keeps towns as its districts, add “{value}” to the districts first",
        "“{value}”是镇（街道），不是区、县或园区——属于哪个县区？请在其前写明县区（如“高要区金利镇”）；"
        "如本数据库以镇街作为区域，请先把“{value}”加入区域列表",
    ),
    "not_one_district": (
        "{field_label} “{value}” is not one district: the project spans several, or the whole city, but it is "
        "counted in one — write the district it is counted in",
        "{field_label}“{value}”不是一个区域：项目跨多个区域或覆盖全市，但只能计入一个区域——请填写该项目计入统计的区域",
    ),
    "since_below_ytd": (
        "completed since the start of construction, {value}, is below the same row's year to date through "
        "month {month}, {ytd}, which it includes: a column slipped, or another unit? Correct it, then "
        "import again",
        "自开工累计完成投资 {value}，小于同一行本年 1–{month} 月累计 {ytd}，而前者应包含后者："
        "是列填错了，还是单位不同？请更正后重新导入",
    ),
    # The report's period, which the user can say (--period, the dialog's "Report month").
    "period_sheet_name": (
        "the sheet's name says month {named}, its title 1–{titled}: which month are the figures through? {how}",
        "工作表名为 {named} 月，标题为 1–{titled} 月：数据截至哪个月？{how}",
        Ways(
            app=(
                "Choose it above the table (“Report month”), or correct the title or the sheet's name",
                "请在表格上方“报表月份”处选择，或更正标题或工作表名",
            ),
            cli=(
                "Say it with --period {year}-{named} (or {year}-{titled}), or correct the title or the sheet's name",
                "请用 --period {year}-{named}（或 {year}-{titled}）说明，或更正标题或工作表名",
            ),
        ),
    ),
    "month_without_year": (
        "{field_label}: {value!r} has no year (none in the header, title, unit line or sheet name){how}",
        "{field_label}：“{value}”没有年份（表头、标题、单位行和工作表名中都没有）{how}",
        Ways(
            app=(
                " — choose the report's year and month above the table (“Report month”)",
                "——请在表格上方“报表月份”处选择报表所属年月",
            ),
            cli=(
                " — say the report's year and month, e.g. --period 2025-10",
                "——请用 --period 说明报表所属年月，如 --period 2025-10",
            ),
        ),
    ),
    "bad_period": (
        "--period {value!r} is not a year and month (write it as 2025-10)",
        "--period “{value}”不是年月（请写作 2025-10）",
    ),
    "period_year_conflict": (
        "the title says {title}, but this column's header says {header_year}: which year are the figures of? {how}",
        "标题为 {title} 年，但此列表头为 {header_year} 年：数据是哪一年的？{how}",
        Ways(
            app=(
                "Choose the report's year and month above the table (“Report month”), or correct the title or the "
                "header",
                "请在表格上方“报表月份”处选择报表所属年月，或更正标题或表头",
            ),
            cli=(
                "Correct the title or the header, or say the report's year and month with --period (e.g. "
                "--period {header_year}-10)",
                "请更正标题或表头，或用 --period 说明报表所属年月（如 --period {header_year}-10）",
            ),
        ),
    ),
    "period_said_other_sheet": (
        "the period said is {period}, but this sheet is named for month {month}, among sheets of several months: {how}",
        "所指定的报表月份为 {period}，但本工作表以 {month} 月命名，工作簿中各表月份不同：{how}",
        Ways(
            app=(
                "leave the Report month empty, or import this sheet alone (untick the others)",
                "请清空“报表月份”，或只导入本工作表（取消勾选其他工作表）",
            ),
            cli=(
                'leave --period out, or import each sheet alone with its own: --sheet "{value}" --period YYYY-{month}',
                '请去掉 --period，或逐表导入并分别说明：--sheet "{value}" --period 年-{month}',
            ),
        ),
    ),
    "period_said_conflict": (
        "the period said is {said}, but the sheet says otherwise here ({value}): {how}",
        "所指定的报表月份为 {said}，但工作表此处另有所写（{value}）：{how}",
        Ways(
            app=(
                "clear the Report month above the table, or correct the sheet, then import again",
                "请清空表格上方的“报表月份”，或更正工作表后再导入",
            ),
            cli=(
                "leave --period out, or correct the sheet, then import again",
                "请去掉 --period，或更正工作表后再导入",
            ),
        ),
    ),
    "note_period_said": (
        "Sheet “{sheet}”: its figures are read as of {period}, as you said.",
        "工作表“{sheet}”：按您的指定，数据读作截至 {period}。",
    ),
    "note_period_how": (
        "Sheet “{sheet}”: to import the figures above, {how}.",
        "工作表“{sheet}”：如需导入上述数据，请{how}。",
        Ways(
            app=(
                "choose the year and month the report is of above the table (“Report month”)",
                "在表格上方“报表月份”处选择报表所属年月",
            ),
            cli=(
                "say the year and month the report is of, e.g. --period 2025-10",
                "用 --period 说明报表所属年月，如 --period 2025-10",
            ),
        ),
    ),
    "note_rows_converted": (
        "Sheet “{sheet}”: {count} row(s) in another currency by their currency column were converted to yuan at the "
        "rate you gave ({rows}; rounded half-up to the yuan); the original planned investment, currency and rate are "
        "kept with the project.",
        "工作表“{sheet}”：{count} 行按币种列为外币，已按您给出的汇率折算为人民币（{rows}；四舍五入到元），"
        "原计划投资额、币种和汇率随项目保存。",
    ),
    "note_simplified": (
        "Sheet “{sheet}”: {count} cell(s) in traditional Chinese characters were read as simplified ({examples}).",
        "工作表“{sheet}”：{count} 个单元格为繁体字，已按简体读取（{examples}）。",
    ),
    "hidden_list_only": (
        "No visible sheet of {file} looks like a list of projects or of monthly investment; the list is on the "
        "hidden sheet “{sheet}”{how}",
        "“{file}”中没有可见的工作表像项目清单或月度完成投资表，清单在隐藏的工作表“{sheet}”中{how}",
        Ways(
            app=(" — choose it in the list of sheets above the table.", "——请在表格上方的工作表列表中选择它。"),
            cli=(" — to import it, name it with --sheet.", "——如需导入，请用 --sheet 指定它。"),
        ),
    ),
    "month_not_named": (
        "{file}, sheet “{sheet}”, column {column} “{header}”: nothing names the year and month of these figures "
        "(not the title, the sheet's name or the header) — write the year and month in the title, or name the "
        "sheet after the month, then import again{how}",
        "“{file}”工作表“{sheet}”第 {column} 列“{header}”：标题、工作表名和表头都没有写明这些数字是哪年哪月的——"
        "请在标题中写明（如“2025年10月……”）或将工作表命名为“10月”，再导入{how}",
        Ways(app=(".", "。"), cli=(" (or say it: --period 2025-10).", "（或用 --period 2025-10 说明）。")),
    ),
    "month_inside_span": (
        "month {month}'s own amount, {value:,} yuan, falls within months {first}–{last}, stored as one figure of "
        "{span:,} yuan (a year to date reported): how much of it is the months before month {month} and how much "
        "the months after is not known, so the month cannot be taken out of it — stored beside it, it would be "
        "counted twice. Send the year to date through month {month} instead, then import again",
        "{month} 月当月完成投资 {value:,} 元落在已存的 {first}–{last} 月合计 {span:,} 元（已报的累计数）之内："
        "该合计中此月之前、之后各月各占多少无从得知，无法单独取出此月——另行保存会重复计算。"
        "请改报 1–{month} 月累计完成投资，再导入",
    ),
    "months_above_span": (
        "the own amounts given here for months within {first}–{last} come to {given:,} yuan (month {month}: "
        "{value:,} yuan), more than the {span:,} yuan stored for months {first}–{last} as one figure (a year to "
        "date reported), which includes them: a year to date under a month's header, or a slip? Correct it, "
        "then import again",
        "本表所填 {first}–{last} 月内各月当月完成投资合计 {given:,} 元（{month} 月 {value:,} 元），超过已存的 "
        "{first}–{last} 月合计 {span:,} 元（已报的累计数，应包含前者）：是否把累计填在了当月列下，或数字有误？"
        "请更正后重新导入",
    ),
    "note_replaces": (
        "Mode replace: the {projects:,} stored project(s) are removed first, with their {records:,} monthly "
        "investment record(s), {plans:,} annual plan(s) and status history; a backup copy is made before, and undo "
        "restores it.",
        "替换模式：先删除已存的 {projects:,} 个项目及其 {records:,} 条月度完成投资、{plans:,} 条年度计划和状态记录；"
        "导入前会先备份，撤销即可恢复。",
    ),
    # a monthly round's return (io/round_columns.py, io/round_return.py)
    "round_column_twice": (
        "the header “{value}” the round wrote stands over more than one column ({columns}), so which one holds "
        "the figures cannot be told; give each column its header as sent, then return the workbook again",
        "下发表格的表头“{value}”出现在多列（{columns}），无法判断哪一列是所填数据；请将各列表头恢复为下发时的样子后重新报回",
    ),
    "round_column_missing": (
        "the column “{value}” the round wrote (column {sent} as sent) is not in the sheet: deleted, or its "
        "header changed where another column now stands? Put the columns back as sent, then return the workbook "
        "again",
        "下发表格的“{value}”列（下发时位于{sent}列）在表中找不到：是否被删除，或在其他列的位置上改了表头？"
        "请将各列恢复为下发时的样子后重新报回",
    ),
    "round_column_left_out": (
        "Sheet “{sheet}”: column {column} “{header}” is not one of the round's columns: not read (a return "
        "gives only the month the round asks for).",
        "工作表“{sheet}”：{column} 列“{header}”不是下发表格的列，未读取（报表只收所征集月份的数据）。",
    ),
    "round_copy_sheet_filled": (
        "the figures were typed in sheet “{sheet}”, a copy of the round's sheet “{main}”, which was left "
        "blank: type them in “{main}” (or delete “{main}” and rename “{sheet}” to “{main}”), then return the "
        "workbook again",
        "数据填在了工作表“{sheet}”（“{main}”表的副本）中，而“{main}”表为空：请将数据填入“{main}”表"
        "（或删除“{main}”表并将“{sheet}”改名为“{main}”），然后重新报回",
    ),
    "round_table_grey_read": (
        "sheet “{sheet}” of “{file}” is a monthly round's table saved without its hidden sheet: columns "
        "{columns} hold the status and figures on record, which the import would read in place of this month's "
        "(a status put back, zeros stored for the months before). Leave them out and import again: {how}",
        "“{file}”的“{sheet}”表是去掉了隐藏工作表的月度报表：{columns} 列是已有的状态和数据，"
        "导入会把它们当作本月所填读取（状态被改回、前几个月存为零）。请略去这些列后重新导入：{how}",
        Ways(
            app=("click each one's header, choose Not imported", "点击各列表头，选择“不导入”"),
            cli=("{maps}", "{maps}"),
        ),
    ),
    "summary_table": (
        "Sheet “{sheet}” of {file} looks like a summary table, not a list of projects: its rows are categories, "
        "districts or counts (column {column} “{header}”: {values}), not projects; nothing was imported. Import the "
        "list the figures were summed from instead.",
        "“{file}”的工作表“{sheet}”像汇总表而不是项目清单：各行是分类、区域或计数（{column} 列“{header}”：{values}），"
        "不是项目，未导入任何数据。请改为导入汇总所依据的项目清单。",
    ),
    "note_summary_table": (
        "Sheet “{sheet}” looks like a summary table: its rows are categories, districts or counts (column {column} "
        "“{header}”: {values}), not projects; it was not imported.",
        "工作表“{sheet}”像汇总表：各行是分类、区域或计数（{column} 列“{header}”：{values}），不是项目，未导入。",
    ),
    "note_package_total": (
        "Sheet “{sheet}”, row {row}: “{name}” holds {count} sub-projects, and its figures are the sum of the {count} "
        "rows under it: those sub-projects are imported, each as a project, and this row is read as their total, "
        "not as a project of its own (its figures would otherwise be counted twice).",
        "工作表“{sheet}”第 {row} 行：“{name}”含 {count} 个子项目，其数额等于其下 {count} 行之和："
        "各子项目分别作为项目导入，该行按其合计读取，不作为单独的项目（否则数额会重复计算）。",
    ),
    "package_row": (
        "the row says it holds {count} sub-projects ({value}), but its figures are not the sum of the {count} rows "
        "under it: a project of its own, or the sub-projects' total? Delete the row, or the sub-projects' rows, "
        "so that nothing is counted twice",
        "该行写明含 {count} 个子项目（{value}），但其数额不等于其下 {count} 行之和：是单独的项目，还是各子项目的合计？"
        "请删除该行或各子项目行，以免重复计算",
    ),
    "table_above": (
        "another table of projects is above the one read (whose header is row {table}): its header is this row "
        "({value}) and its {count} project row(s), rows {rows}, would not be read — put each table on a sheet of "
        "its own, then import again",
        "所读表格（表头在第 {table} 行）上方另有一张项目表：表头为本行（{value}），"
        "其下 {count} 个项目行（第 {rows} 行）不会被读取——请把每张表放到单独的工作表后再导入",
    ),
    "table_below": (
        "another table of projects starts here under the table read (whose header is row {table}), with its own "
        "header ({value}) and {count} project row(s), rows {rows}, that would not be read — put it on a sheet of "
        "its own, or delete it, then import again",
        "所读表格（表头在第 {table} 行）下方此处另起一张项目表，表头为（{value}），其下 {count} 个项目行"
        "（第 {rows} 行）不会被读取——请把它放到单独的工作表或删去后再导入",
    ),
    "table_again": (
        "the table read (whose header is row {table}) starts again here under the same header, with the same "
        "projects and other figures in rows {rows} — an older copy? Delete one of the two, then import again",
        "所读表格（表头在第 {table} 行）在此以相同表头再次出现，第 {rows} 行为相同项目但数额不同——是旧的副本吗？"
        "请删去其一后再导入",
    ),
    "note_table_copy": (
        "Sheet “{sheet}”: the table is given again from row {row} (the same header, the same rows {rows}): read once.",
        "工作表“{sheet}”：第 {row} 行起重复了上面的表格（表头相同，第 {rows} 行相同）：只读取一次。",
    ),
}
QUESTION_MESSAGES = Catalogue("question_problems", _QUESTION_MESSAGES)
