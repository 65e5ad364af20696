"""One project's planned investment typed in another unit than its column's: 500000000 (yuan) in a
单位：万元 list whose other projects read 20000 and 15000 is 5万亿元 — no project's; 1.5 (亿元) there is
15,000 yuan. The column's middle value is plausible (plan_finish's unit check passed), so the column
stays; the row is asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import UNIT_WORDS
from zqtracker.domain.money_format import SheetFigure
from zqtracker.io.errors import CellProblem
from zqtracker.io.values import display
from zqtracker.io.yuan_rounding import states_unit

if TYPE_CHECKING:
    from zqtracker.io.layout_model import ColumnInfo
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

# A row this many times the middle project's, and at least 100亿元, is the unit slip 元 ↔ 万元 (10,000×)
# or 万元 ↔ 亿元, not a mega project among small ones; 1万亿元 or more is no project at all.
_TIMES = 5_000
_AT_LEAST = 10_000_000_000
_NO_PROJECT = 1_000_000_000_000
_AT_MOST = 100_000  # below 10万元, and 5,000 times under the middle one: 亿元 figures typed in a 万元 column


def planned_outliers(plan: SheetPlan, raw: RawSheet, info: ColumnInfo, median: int, unit: int) -> None:
    """A problem of each row whose planned investment is far beyond, or below, any project's beside the
    others (``unit``: the column's yuan per unit), quoting the cell as typed with the column's unit (0.012345
    in a 万元 column: "0.012345万元", never the 123 yuan read from it) and the middle one in the column's unit."""
    column = plan.values.get("planned_investment") or []
    for k, v in enumerate(column):
        if v is None:
            continue
        if v >= _NO_PROJECT or (v >= _AT_LEAST and v >= median * _TIMES):
            code, times = "planned_row_implausible", v // max(median, 1)
        elif unit // 100 <= v < _AT_MOST and v * _TIMES <= median:  # 1.5 (亿元) in a 万元 list: 15,000 yuan
            # (a cell of at least 0.01 of the column's unit: 19 yuan in our own 亿元 export is 0.00000019, no slip)
            code, times = "planned_row_tiny", median // v
        else:
            continue
        row, j = raw.rows[plan.data_rows[k]], info.index - raw.col_offset
        cell = row[j] if 0 <= j < len(row) else None
        typed = display(cell).strip() or f"{v:,}"
        shown = typed + ("" if states_unit(cell) else UNIT_WORDS.get(unit, ""))
        params = {"value": shown, "yuan": v, "median": SheetFigure(median, unit), "times": times}
        problem = Problem(code, "planned_investment", params)
        plan.add_problem(k, CellProblem(raw.name, plan.row_numbers[k], info.letter, info.header, typed, problem))
        column[k] = None  # (--skip-invalid: the project without it, never this amount)


# An annual plan this many times its row's planned investment is a unit slip (yuan in a 万元 column), not
# a year's part of the project (fix26u found 123万亿元 planned for one year of a project of 8,000万元).
_PLAN_TIMES = 10


def plan_outliers(plan: SheetPlan, sheet: str, infos: list[ColumnInfo]) -> None:
    """A problem of each row whose annual plan is more than ``_PLAN_TIMES`` its planned investment, or
    1万亿元 and more; the plan is not read (--skip-invalid leaves the row out)."""
    if not plan.plans or not infos:
        return
    planned = plan.values.get("planned_investment") or []
    kept = []
    for k, year, v in plan.plans:
        whole = planned[k] if k < len(planned) else None
        if v < _NO_PROJECT and not (whole and v > whole * _PLAN_TIMES):
            kept.append((k, year, v))
            continue
        info = next((i for i in infos if i.year == year), infos[0])
        problem = Problem("plan_over_planned", "plan", {"value": v, "planned": whole or 0, "year": year})
        plan.add_problem(k, CellProblem(sheet, plan.row_numbers[k], info.letter, info.header, f"{v:,}", problem))
    plan.plans = kept
