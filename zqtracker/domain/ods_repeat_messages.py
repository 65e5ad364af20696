"""Wording of the refusals of an OpenDocument spreadsheet whose repeat attributes stand for more than
zqtracker reads (io/ods_package.py): a row holding values repeated more than a thousand times, or more
cells dated by month than can be marked. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_ODS_REPEAT_MESSAGES: dict[str, tuple[str, str]] = {
    "ods_repeated_row": (
        "Sheet “{sheet}” of {file} repeats row {row} {count:,} times (to row {last}), more than the {limit:,} "
        "copies of one row zqtracker reads; the file was not opened. Delete the copies and import again.",
        "“{file}”的工作表“{sheet}”将第 {row} 行重复了 {count:,} 次（至第 {last} 行），超过 zqtracker 可读取的 "
        "{limit:,} 次；未打开该文件。请删除这些重复行后重新导入。",
    ),
    "too_many_month_cells": (
        "Sheet “{sheet}” of {file} has more than {limit:,} dates shown as a year and month, more than zqtracker "
        "reads; the file was not opened.",
        "“{file}”的工作表“{sheet}”中显示为年月的日期超过 {limit:,} 个，超过 zqtracker 可读取的数量；未打开该文件。",
    ),
}
ODS_REPEAT_MESSAGES = Catalogue("ods_repeat_problems", _ODS_REPEAT_MESSAGES)
