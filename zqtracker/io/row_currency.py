"""A column saying each row's currency (币种 | 货币 | currency: 人民币, 美元, 港元 …) beside amounts whose
header names none: a row in another currency has amounts that are not yuan. They are never stored as
yuan — the row is a problem naming its currency (a probe's list of 人民币 and 美元 rows under
单位：万元 had stored 3000万美元 as 3000万元, exit 0). A column of original amounts (原币金额, as
zqtracker's own export writes beside the yuan figure) is what such a column describes: then the
yuan columns stand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.headers import split_unit
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import fold, is_empty

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_HEADERS = frozenset(("币种", "货币", "币别", "币制", "货币种类", "币种类型", "投资币种", "结算币种", "currency"))
_YUAN = frozenset(("人民币", "人民币元", "元", "rmb", "cny", "¥", "￥", "rmb元", "人民币(元)", "人民币（元）"))
_MONEY = ("planned_investment", "amount", "month_column", "ytd", "ytd_last", "since_start", "annual_plan")


def row_currencies(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout) -> None:
    column = next((c for c in layout.columns if c.field is None and fold(split_unit(c.header)[0]) in _HEADERS), None)
    if column is None or any("原币" in c.header for c in layout.columns):
        return
    money = [c for c in layout.columns if c.field in _MONEY and c.currency is None]
    if not money or any("人民币" in c.header or "折合" in c.header for c in money):
        return
    j = column.index - sheet.col_offset
    amounts = [c.index - sheet.col_offset for c in money]
    for k, i in enumerate(plan.data_rows):
        row = sheet.rows[i]
        value = row[j] if 0 <= j < len(row) else ""
        if is_empty(value) or (isinstance(value, str) and fold(value).replace(" ", "") in _YUAN):
            continue
        if not any(not is_empty(row[a]) for a in amounts if 0 <= a < len(row)):
            continue  # nothing in the row is an amount
        shown = str(value).strip()
        problem = Problem("row_currency", None, {"value": shown, "column": column.letter, "header": column.header})
        plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], column.letter, column.header, shown, problem))
