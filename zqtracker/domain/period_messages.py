"""Wording of the import's questions and notes about a report's months (a sheet's name against its 1–X月
header, the months a row gives against its year to date) — English and 简体中文. Kept apart from
question_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_PERIOD_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "period_sheet_header": (
        "the sheet's name says month {named}, but this column holds the year to date through month {header_month}, "
        "and the title names no month: which month is the report's? {how}",
        "工作表名为 {named} 月，而该列为截至 {header_month} 月的累计数，标题又未写月份：这是哪个月的报表？{how}",
        Ways(
            app=(
                "Choose it above the table (“Report month”), or correct the header or the sheet's name",
                "请在表格上方“报表月份”处选择，或更正表头或工作表名",
            ),
            cli=(
                "If the figures are through month {header_month}, say so with --period {year}-{header_month}; "
                "else correct the header or the sheet's name",
                "如数据截至 {header_month} 月，请用 --period {year}-{header_month} 说明；否则请更正表头或工作表名",
            ),
        ),
    ),
    "period_sheet_year": (
        "the title says {title}, but the sheet's name says {named}: which year are the figures of? {how}",
        "标题为 {title} 年，但工作表名为 {named} 年：数据是哪一年的？{how}",
        Ways(
            app=(
                "Choose the report's year and month above the table (“Report month”), or correct the title or the "
                "sheet's name",
                "请在表格上方“报表月份”处选择报表所属年月，或更正标题或工作表名",
            ),
            cli=(
                "Correct the title or the sheet's name, or say the report's year and month with --period (e.g. "
                "--period {named}-10)",
                "请更正标题或工作表名，或用 --period 说明报表所属年月（如 --period {named}-10）",
            ),
        ),
    ),
    "note_period_report_sheet": (
        "Sheet “{sheet}”: its name says month {named}, and column {column} “{header}” the year to date through "
        "month {header_month}: the figures are read as through {year}-{header_month}, as the header says (a "
        "month's report is often filed in the month after). If they are through month {named}, correct the header.",
        "工作表“{sheet}”：工作表名为 {named} 月，{column} 列“{header}”为截至 {header_month} 月的累计数："
        "已按表头读作截至 {year}年{header_month}月（月报常在次月填报）。如数据实为截至 {named} 月，请更正表头。",
    ),
    "months_ytd_disagree": (
        "the amounts given for months {first}–{month} of {year} add up to {value}, but the year to date {ytd} "
        "through month {month} leaves {derived} for them",
        "{year}年{first}–{month}月所填各月完成额合计 {value}，与 {year}年1–{month}月累计 {ytd} 不符："
        "按累计这几个月应为 {derived}",
    ),
    "months_gap_ytd": (
        "the year to date {ytd} through {year}-{month:02d} leaves {value} for months {months}, which the row "
        "leaves empty — whose is it? Fill in those months (0 where nothing was done), then import again",
        "{year}年1–{month}月累计 {ytd} 扣除所填各月后余 {value}，属于本行空着的 {months} 月中哪一月无法判断——"
        "请填写这些月份（未完成投资的填 0）后重新导入",
    ),
}
PERIOD_MESSAGES = Catalogue("period_problems", _PERIOD_MESSAGES)
