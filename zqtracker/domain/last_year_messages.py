"""Wording of last year's year to date imported from this year's report (去年1-10月累计, 上年同期累计):
what is written for the year before, and what was left as stored — English and 简体中文; messages.py
merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_LAST_YEAR_MESSAGES: dict[str, tuple[str, str]] = {
    "note_last_year_written": (
        "Sheet “{sheet}”: last year's year to date (column {column} “{header}”) gives {year}'s completed "
        "investment of {count} project(s), written as {year}'s records — {rows}.",
        "工作表“{sheet}”：上年同期累计（{column}列“{header}”）给出 {count} 个项目 {year} 年的完成投资，"
        "作为 {year} 年的记录写入——{rows}。",
    ),
    "note_last_year_row": ("row {row}: {span} {amount}", "第 {row} 行：{span} {amount}"),
    "note_last_year_row_rest": (
        "row {row}: {span} {amount} ({ytd_span} {ytd} less the {stored} stored for {stored_span})",
        "第 {row} 行：{span} {amount}（{ytd_span}累计 {ytd} 减去已存{stored_span} {stored}）",
    ),
    "note_last_year_kept": (
        "Sheet “{sheet}”: last year's year to date (column {column} “{header}”) of {count} row(s) disagrees with "
        "the figures stored for that year, which were kept (nothing of it written) — {rows}; if the file is "
        "right, correct the stored months of that year and import again.",
        "工作表“{sheet}”：{count} 行的上年同期累计（{column}列“{header}”）与该年已存数不符，已保留已存数"
        "（未写入）——{rows}；如本文件正确，请先更正该年已存的月份再重新导入。",
    ),
    "note_last_year_kept_row": (
        "row {row}: {span} {value} in the file, {stored_span} {stored} stored",
        "第 {row} 行：本文件 {span}累计 {value}，已存 {stored_span}累计 {stored}",
    ),
    "note_growth_disagrees": (
        "Sheet “{sheet}”: the growth on last year in column {column} “{header}” is not what the two years to date "
        "beside it give on {count} row(s) — {rows}; the figures were imported as given: check which is wrong.",
        "工作表“{sheet}”：{count} 行{column}列“{header}”的同比增速与同行两个累计数算出的不符——{rows}；"
        "累计数已按所填导入，请核实哪个有误。",
    ),
    "note_growth_row": (
        "row {row}: {value} in the file, {computed} from {ytd} against {last}",
        "第 {row} 行：本文件 {value}，按 {ytd} 与上年同期 {last} 计算为 {computed}",
    ),
}
LAST_YEAR_MESSAGES = Catalogue("last_year_messages", _LAST_YEAR_MESSAGES)

_LAST_YEAR_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "ytd_last": ("Last year's year to date", "上年同期累计完成投资"),
}
LAST_YEAR_FIELD_LABELS = Catalogue("last_year_field_labels", _LAST_YEAR_FIELD_LABELS)
