"""Wording of a quarter beside its own months in one row (4月 | 5月 | 6月 | 二季度: io/quarter_rows.py) whose
figures do not agree — English and 简体中文; messages.py merges them in. Amounts as the sheet writes them."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_QUARTER_ROW_MESSAGES: dict[str, tuple[str, str]] = {
    "quarter_months_differ": (
        "“{header}”, {value}, is months {first}–{last} of {year}, but the row's own months {months} add up to "
        "{sum}: which is right? Correct the row, then import again",
        "“{header}”{value} 为 {year} 年 {first}–{last} 月合计，但本行 {months} 月各月合计为 {sum}："
        "哪个正确？请更正本行后重新导入",
    ),
    "quarter_months_gap": (
        "“{header}”, {value}, is months {first}–{last} of {year}; the row gives months {months} ({sum}) and "
        "leaves months {empty} empty: which of them holds the rest? Fill in the empty months, then import again",
        "“{header}”{value} 为 {year} 年 {first}–{last} 月合计；本行填了 {months} 月（合计 {sum}），"
        "{empty} 月空白：其余部分属于哪个月？请填写空白月份后重新导入",
    ),
}
QUARTER_ROW_MESSAGES = Catalogue("quarter_row_messages", _QUARTER_ROW_MESSAGES)
