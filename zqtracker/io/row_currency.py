"""A column saying each row's currency (币种 | 货币 | currency: 人民币, 美元, 港元 …) beside amounts whose
header names none: a row in another currency has amounts that are not yuan. They are never stored as
yuan — the row is a problem naming its currency (a probe's list of 人民币 and 美元 rows under
单位：万元 had stored 3000万美元 as 3000万元, exit 0) — unless the user gave that currency's rate
(--rate USD=7.10): then its amounts are converted as a currency column's are (probe23c C7r, C8). A
column of original amounts (原币金额, as zqtracker's own export writes beside the yuan figure) is
what such a column describes: then the yuan columns stand."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.errors import Problem
from zqtracker.io.cell_currency import converted_cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.headers import currency_of, split_unit
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import fold, is_empty

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_HEADERS = frozenset(("币种", "货币", "币别", "币制", "货币种类", "币种类型", "投资币种", "结算币种", "currency"))
_YUAN = frozenset(("人民币", "人民币元", "元", "rmb", "cny", "¥", "￥", "rmb元", "人民币(元)", "人民币（元）"))
_MONEY = ("planned_investment", "amount", "month_column", "ytd", "ytd_last", "since_start", "annual_plan")


def row_currencies(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, rates: dict[str, Decimal]) -> None:
    own = converted_cells(plan, sheet, layout, rates)  # cells naming their own currency (io/cell_currency.py)
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
        found = currency_of(str(value))
        code = "USD" if found and found[0] == "USD?" else found[0] if found else None
        if code is not None and found is not None and found[1] == 1 and rates.get(code) is not None and k not in own:
            _in_yuan(plan, k, code, rates[code])
            continue
        shown = str(value).strip()
        problem = Problem("row_currency", None, {"value": shown, "column": column.letter, "header": column.header})
        plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], column.letter, column.header, shown, problem))


def _in_yuan(plan: SheetPlan, k: int, code: str, rate: Decimal) -> None:
    """Row ``k``'s amounts, read as yuan of the columns' unit, as what they are: units of ``code`` at the
    user's ``rate`` (integer yuan, rounded half-up); the planned investment keeps its original amount."""
    planned = plan.values.get("planned_investment")
    if planned is not None and planned[k] is not None:
        original = ForeignAmount(code, Decimal(planned[k]), rate)
        planned[k] = original.yuan
        plan.values.setdefault("planned_foreign", [None] * len(plan.data_rows))[k] = original

    def yuan(units: int) -> int:
        return ForeignAmount(code, Decimal(units), rate).yuan

    since = plan.values.get("since_start")
    if since is not None and since[k] is not None:
        since[k] = yuan(since[k])
    for records in (plan.months, plan.ytd):
        records[:] = [(*r[:-1], yuan(r[-1])) if r[0] == k else r for r in records]
    plan.plans[:] = [(kk, y, yuan(v) if kk == k else v) for kk, y, v in plan.plans]
    plan.converted_rows.append((plan.row_numbers[k], code, str(rate)))
