"""Wording of the round's codes (issue 17), English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_ROUND_MESSAGES: dict[str, tuple[str, str]] = {
    "round_bad_month": ("{value!r} is not a month (write 2023-10)", "“{value}”不是有效月份（例如 2023-10）"),
    "round_unknown_district": ("no district or park named {value!r}", "没有名为“{value}”的区域或园区"),
    "round_no_districts": ("no district has projects to report on", "没有任何区域有需要填报的项目"),
    "round_out_not_folder": ("{folder} is a file, not a folder", "“{folder}”是文件，不是文件夹"),
    "round_missing": (
        "there is no round for {round}; create it first (round create {round})",
        "{round}尚未发起报表轮次；请先发起（round create {round}）",
    ),
    "round_already_closed": ("{round} is already closed", "{round}已经关账"),
    "round_not_closed": ("{round} is not closed", "{round}尚未关账"),
    "round_not_a_return": (
        "{file} is not a workbook of a round (it carries no round identifiers); import it with File › Import instead",
        "“{file}”不是报表轮次的回表（没有轮次标识）；请用“文件 › 导入”导入",
    ),
    "round_meta_damaged": (
        "{file}: the hidden round identifiers are damaged; ask the district to fill in the workbook as sent",
        "“{file}”：隐藏的轮次标识已损坏；请该单位在下发的原表上填报",
    ),
    "round_sheet_missing": (
        "{file}: sheet “{sheet}” is missing, and no other sheet holds its table (its header row as sent, over the "
        "hidden column “{id}” with the ids of the projects sent); the workbook's sheets: {sheets}. Ask the "
        "district to fill in the workbook as sent (renaming a sheet is harmless, deleting its table or header "
        "row is not), then collect it again",
        "“{file}”：缺少工作表“{sheet}”，其他工作表中也没有该表（下发时的表头行，及其下隐藏的“{id}”列中所列项目的编号）；"
        "本表现有工作表：{sheets}。请该单位在下发的原表上填报（工作表改名不影响，删除表格或表头行则无法读取），然后重新采集",
    ),
    "round_sheet_ambiguous": (
        "{file}: sheet “{sheet}” is missing, and {found} each hold its table (its header row as sent, over the "
        "hidden column “{id}” with the ids of the projects sent), so which one is the return cannot be told; "
        "keep the one filled in and delete the other(s), then collect it again",
        "“{file}”：缺少工作表“{sheet}”，而{found}都含有该表（下发时的表头行，及其下隐藏的“{id}”列中所列项目的编号），"
        "无法判断哪一张是回表；请保留填好的一张、删除其余，然后重新采集",
    ),
    "round_sheet_renamed": (
        "Sheet “{sheet}” is read as the round's sheet “{sent}”, renamed: its header row and the hidden ids in its "
        "column “{id}” are those sent.",
        "工作表“{sheet}”按下发的“{sent}”表读取（已改名）：其表头行和隐藏的“{id}”列中的编号与下发时一致。",
    ),
    "round_new_sheet_renamed": (
        "Sheet “{sheet}” is read as the round's new-projects sheet “{sent}”, renamed: its header row is the one sent.",
        "工作表“{sheet}”按下发的新增项目表“{sent}”读取（已改名）：其表头行与下发时一致。",
    ),
    "round_sheet_not_read": (
        "this sheet is none of the round's sheets, so what is typed on it would not be collected (a return is "
        "read from “{main}” and “{new}” only); put this month's figures on sheet “{main}” and new projects on "
        "sheet “{new}” (a sheet renamed: give it back that name), or delete this sheet if nothing on it is to be "
        "collected, then collect the workbook again",
        "本表不是下发表格的工作表，其中所填内容不会被采集（回表只读取“{main}”和“{new}”两张表）；"
        "请将本月数据填在“{main}”表、新项目填在“{new}”表（如是改了名的表，请恢复原名），"
        "如其中没有需要采集的内容，请删除该表，然后重新采集",
    ),
    "round_sheet_text_not_read": (
        "Sheet “{sheet}” is none of the round's sheets and was not read: it holds {count} cell(s) of text, the "
        "first {cell} “{value}”. If any of it is to be collected, put this month's figures on sheet “{main}” and "
        "new projects on sheet “{new}”, then collect the workbook again.",
        "工作表“{sheet}”不是下发表格的工作表，未读取：其中有{count}个填有文字的单元格，第一个为{cell}“{value}”。"
        "如其中有需要采集的内容，请将本月数据填在“{main}”表、新项目填在“{new}”表，然后重新采集。",
    ),
    "round_unknown_round": (
        "{file} belongs to the round of {round}, which this database does not have",
        "“{file}”属于{round}的报表轮次，本数据库中没有该轮次",
    ),
    "round_district_not_in_round": (
        "{file} is {district}'s workbook, which the round of {round} did not send",
        "“{file}”是{district}的报表，{round}轮次未向其下发",
    ),
    "round_checksum": (
        "{file}: its round identifiers do not match what was sent to {district} "
        "(edited, or taken from another workbook); refused",
        "“{file}”：轮次标识与下发给{district}的不一致（被修改或取自其他表格），拒绝导入",
    ),
    "round_other_district": (
        "{file} is {district}'s return but reports projects of another district "
        "(rows {rows}); refused — nothing was imported",
        "“{file}”是{district}的回表，却填报了其他区域的项目（第{rows}行）；拒绝导入，未写入任何数据",
    ),
    "round_month_closed": (
        "{file} ({district}): not imported — {round} is closed (since {at}); to collect it, reopen the month "
        "(zqtracker round close {round} --reopen) and collect the file again",
        "“{file}”（{district}）：未导入——{round}已关账（{at}）；如需收取，请先重新开放该月"
        "（zqtracker round close {round} --reopen），再重新收集此文件",
    ),
    # read while the month was open, refused at its write: a colleague's close came in between (probe40d)
    "round_month_closed_meanwhile": (
        "{file} ({district}): not imported — {round} was closed at {at}, after this return was read and "
        "before it was written; nothing of it went in. To collect it, reopen the month "
        "(zqtracker round close {round} --reopen) and collect the file again",
        "“{file}”（{district}）：未导入——{round}在读取本回表之后、写入之前（{at}）已关账，未写入任何内容。"
        "如需收取，请先重新开放该月（zqtracker round close {round} --reopen），再重新收集此文件",
    ),
    "round_open_findings": (
        "{file}: {count} finding(s) of the plausibility checks are not decided yet; accept "
        "each with a note or send it back (round collect --accept accepts them all)",
        "“{file}”：尚有{count}条合理性检查结果未处理；请逐条注明后接受或退回（round collect --accept 全部接受）",
    ),
    "round_row_without_id": (
        "a filled-in row without its hidden project id (a pasted row?); put new projects on the new-projects sheet",
        "已填写的行缺少隐藏的项目编号（可能是粘贴的行）；新项目请填在“新增项目”表",
    ),
    "round_row_hidden": (
        "this row is hidden in the sheet (hidden or filtered out) and what is typed in it would be collected "
        "unseen; show the row if it reports this month, or clear it, then collect again",
        "该行在表格中被隐藏（隐藏或被筛选掉），其中填写的内容会在看不到的情况下被采集；如属本月填报请取消隐藏，否则请清空该行，然后重新采集",
    ),
    "round_unit_edited": (
        "“{value}” names another unit than the workbook was sent in ({unit}), and its amounts are read in {unit} "
        "only; give every amount in {unit} and put back “{sent}”, then return the workbook again",
        "“{value}”所写单位与本表下发时的单位（{unit}）不同，而本表金额只按{unit}读取；"
        "请将所有金额按{unit}填写，并恢复为“{sent}”后重新报回",
    ),
    "round_month_edited": (
        "“{value}” names {named}, but this workbook is the return for {round} (a workbook re-used for another "
        "month?); report that month in the workbook sent for it, or, if the figures are for {round}, put back "
        "“{sent}” and return the workbook again",
        "“{value}”写的是{named}，但本表是{round}的回表（是否沿用了其他月份的表格？）；"
        "其他月份请用该月下发的表格填报，如数据确属{round}，请恢复为“{sent}”后重新报回",
    ),
    "round_merged_rows": (
        "“{value}” is one cell merged over rows {rows}, each a project of its own, and would count for row "
        "{first} alone; unmerge {cells} and give each project its own figure in its own cell, then return the "
        "workbook again",
        "“{value}”是合并到第{rows}行（各为不同项目）的一个单元格，只会计入第{first}行；"
        "请取消合并{cells}，为每个项目在各自的单元格中分别填写，然后重新报回",
    ),
    "round_row_other_project": (
        "this row shows {shown}, another project of this workbook, but its hidden id is that of {project} "
        "(rows moved or sorted without the hidden column?), so its figures would go to {project}; put each "
        "project's figures on its own row as sent (undo the move or sort), then return the workbook again",
        "本行显示的是本表中的另一个项目{shown}，但其隐藏编号对应{project}（是否移动或排序时未包括隐藏列？），"
        "所填数据会计入{project}；请把各项目的数据填在下发时各自的行上（撤销移动或排序），然后重新报回",
    ),
    "round_row_reused": (
        "this row's code and name now read {shown}, but its hidden id is that of {project} (a row re-used for "
        "another project?), so its figures would go to {project}; put back this row as sent and put a new "
        "project on the new-projects sheet, then return the workbook again",
        "本行的编号和名称已改为{shown}，但其隐藏编号对应{project}（是否把该行改作其他项目？），"
        "所填数据会计入{project}；请恢复该行原样，新项目请填在“新增项目”表，然后重新报回",
    ),
    "round_figure_on_record_edited": (
        "{field_label} on record was changed from {before} to {value}, but this row's 1–X月 figure is read "
        "against the record ({before}), so the month worked out would not be the one your books give; put back "
        "{before} and give the month's amount in 当月 (ask the bureau to correct its record if it is wrong)",
        "已有数据“{field_label}”由{before}被改为{value}，但本行的1–X月累计是按已有数据（{before}）计算当月的，"
        "算出的当月与贵单位账面不符；请恢复为{before}并在“当月”中填写本月数（如已有数据有误，请联系市局更正）",
    ),
    "round_id_edited": (
        "the hidden project id {value} was edited (no id sent reads so); put the row back as sent, then return "
        "the workbook again",
        "隐藏的项目编号“{value}”被修改过（与下发的编号均不符）；请恢复该行原样后重新报回",
    ),
    "round_month_disagrees": (
        "当月 {month} yuan disagrees with 1–X月 {ytd} yuan less the months before {before} yuan (= {derived} yuan)",
        "当月 {month} 元与累计 {ytd} 元减去前几个月累计 {before} 元（= {derived} 元）不一致",
    ),
}
ROUND_MESSAGES = Catalogue("round_problems", _ROUND_MESSAGES)

_CHECK_LABELS: dict[str, tuple[str, str]] = {
    "ytd_decreased": ("Cumulative figure decreased", "累计数减少"),
    "month_above_planned_share": ("Month above 30% of planned investment", "当月超过计划总投资的30%"),
    "month_above_usual": ("Month above 10× the usual month", "当月超过平常月份的10倍"),
    "total_above_planned": ("Completed total above planned investment", "累计完成超过计划总投资"),
    "status_backwards": ("Status moved backwards", "项目状态倒退"),
    "idle_under_construction": ("Under construction, no investment for 3 months", "在建但连续3个月无投资"),
    "month_disagrees": ("当月 and 累计 disagree", "当月与累计不一致"),
}
CHECK_LABELS = Catalogue("round_checks", _CHECK_LABELS)
