"""A money cell naming its own currency (2000万美元, US$5M) in a column of yuan, and what a currency
column's conversion keeps (io/cell_currency.py, services/import_notes.py)."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_CELL_CURRENCY_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "cell_currency": (
        "{field_label}: {value!r} is an amount in {currency}, never stored as yuan — {how}, or give the amount in yuan",
        "{field_label}：“{value}”是{currency}金额，不会当作人民币保存——{how}，或将金额改为人民币",
        Ways(
            app=(
                "give the rate for {currency} in the preview's rate field to convert it",
                "在预览的 {currency} 汇率栏填写汇率以折算",
            ),
            cli=("give a rate to convert it (--rate {currency}=7.10)", "请给出汇率以折算（--rate {currency}=7.10）"),
        ),
    ),
    "cell_currency_other": (
        "{field_label}: {value!r} names {named}, but the column's amounts are in {currency}: which is it? Write the "
        "amount in {currency} as the column's other cells are, or put it in a column of its own currency",
        "{field_label}：“{value}”注明为{named}，而本列金额的币种为 {currency}：应以哪个为准？请按本列币种（{currency}）"
        "填写，或将其移到对应币种的列",
    ),
    "note_cells_converted": (
        "Sheet “{sheet}”: {count} cell(s) naming another currency were converted to yuan at the rate you gave "
        "({cells}; rounded half-up to the yuan); a planned investment keeps its original amount, currency and rate "
        "with the project, for other figures only the yuan amount is stored.",
        "工作表“{sheet}”：{count} 个单元格注明为外币，已按您给出的汇率折算为人民币（{cells}；四舍五入到元）；"
        "计划总投资的原金额、币种和汇率随项目保存，其他数只保存折算后的人民币金额。",
    ),
    "note_converted_figure": (
        "Sheet “{sheet}”: column {column} “{header}” is in {currency}, converted to yuan at {rate} yuan per unit "
        "(rounded half-up to the yuan); only the yuan amounts are stored (the original amount, currency and rate are "
        "kept for a planned investment alone).",
        "工作表“{sheet}”：{column} 列“{header}”的币种为 {currency}，已按 1 {currency} = {rate} 元折算为人民币"
        "（四舍五入到元）；只保存折算后的人民币金额（原金额、币种和汇率仅对计划总投资随项目保存）。",
    ),
}

CELL_CURRENCY_MESSAGES = Catalogue("cell_currency_messages", _CELL_CURRENCY_MESSAGES)
