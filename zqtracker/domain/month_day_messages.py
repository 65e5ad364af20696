"""Wording for dates written without a year ("3月15日") read in the list's year, and for those refused where no
year is given anywhere (io/month_days.py) — English and 简体中文; domain/message_topics.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_READ = (
    "Sheet “{sheet}”, column {column} “{header}”: {count} date(s) written without a year ({cells}) are read in "
    "{year}, ",
    "工作表“{sheet}”{column} 列“{header}”：{count} 个未写年份的日期（{cells}）按 {year} 年读取，",
)
_MONTH_DAY_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_month_day_title": (
        _READ[0] + "the year the title “{text}” names.",
        _READ[1] + "年份取自标题“{text}”。",
    ),
    "note_month_day_sheet": (
        _READ[0] + "the year the sheet's name “{text}” names.",
        _READ[1] + "年份取自工作表名称“{text}”。",
    ),
    "note_month_day_file": (
        _READ[0] + "the year the file's name “{text}” names.",
        _READ[1] + "年份取自文件名“{text}”。",
    ),
    "note_month_day_other": (
        _READ[0] + "the year the list names above its table, in its headers or on its other sheets.",
        _READ[1] + "年份取自表格上方、表头或其他工作表中所写的年份。",
    ),
    "note_month_day_user": (
        _READ[0] + "the year of the report's period you gave.",
        _READ[1] + "年份取自您指定的报表期间。",
    ),
    "note_month_day_later": (
        "Sheet “{sheet}”, column {column} “{header}”: {count} date(s) written without a year ({cells}) fall after "
        "the list's own period ({period}): read in {year} all the same — check them, and write the year in the "
        "cell if it is another.",
        "工作表“{sheet}”{column} 列“{header}”：{count} 个未写年份的日期（{cells}）晚于本表所属期间（{period}），"
        "仍按 {year} 年读取——请核对；如属其他年份，请在单元格中写明年份。",
    ),
    "date_without_year": (
        "{field_label}: {value!r} has no year, and neither the title, the sheet's name nor the file's name "
        "names one{how}",
        "{field_label}：“{value}”未写年份，标题、工作表名称和文件名中也都没有年份{how}",
        Ways(
            app=(
                " — write the year in the cell (as 2026-03-15) or in the title, or choose the report month above the "
                "table (“Report month”)",
                "——请在单元格（如 2026年3月15日）或标题中写明年份，或在表格上方“报表月份”处选择报表所属年月",
            ),
            cli=(
                " — write the year in the cell (as 2026-03-15) or in the title, or say the report's year and month, "
                "e.g. --period 2026-10",
                "——请在单元格（如 2026年3月15日）或标题中写明年份，或用 --period 说明报表所属年月，如 --period 2026-10",
            ),
        ),
    ),
}
MONTH_DAY_MESSAGES = Catalogue("month_day_notes", _MONTH_DAY_MESSAGES, composed=("note_month_day_",))
