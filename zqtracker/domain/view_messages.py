"""Wording for one project on two sheets of a file (a 汇总 beside a district's own sheet) whose
figures differ — by rounding or for real (services/import_rounded_views.py); messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_VIEW_MESSAGES: dict[str, tuple[str, str]] = {
    "ytd_differs_from_view": (
        "the year to date through {value}, {here} yuan, differs from {other} yuan in row {first_row} of sheet "
        "“{sheet}” (the same project): correct the sheet that is wrong, or import one sheet with --sheet",
        "截至 {value} 的累计数 {here} 元与工作表“{sheet}”第 {first_row} 行（同一项目）的 {other} 元不一致："
        "请更正有误的工作表，或用 --sheet 只导入其中一个工作表",
    ),
    "note_rounded_view": (
        "Sheet “{sheet}” gives {count} project(s) rounded to the decimals it shows (from row {row}) that sheet "
        "“{exact}” gives exactly: the exact amounts were taken.",
        "工作表“{sheet}”中 {count} 个项目的金额（自第 {row} 行起）是工作表“{exact}”精确金额按显示位数四舍五入的结果："
        "已采用精确金额。",
    ),
}
VIEW_MESSAGES = Catalogue("view_problems", _VIEW_MESSAGES)
