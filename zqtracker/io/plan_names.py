"""A row of a numbered list that holds a name and nothing else, right under a numbered project: the
rest of that project's name wrapped onto a row of its own (生产基地建设项目, （一期）), or a project
missing its 序号 and every other cell? Not guessed — a problem of the row naming both (a probe's
wrapped names had become projects of their own, without an amount, the name above cut short)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan


def name_alone_rows(plan: SheetPlan, sheet: str, numbers: list | None) -> None:
    names = plan.values.get("name")
    if names is None or numbers is None:
        return
    others = [col for f, col in plan.values.items() if f != "name" and len(col) == len(plan)]
    figures = {k for k, *_rest in plan.months} | {k for k, *_rest in plan.ytd} | {k for k, *_rest in plan.plans}
    for k in range(1, len(plan)):
        if names[k] is None or numbers[k] is not None or numbers[k - 1] is None or names[k - 1] is None:
            continue
        if k in figures or any(col[k] not in (None, "", False) for col in others):
            continue
        params = {"value": names[k], "above": names[k - 1]}
        problem = Problem("name_alone", "name", params)
        plan.add_problem(k, CellProblem(sheet, plan.row_numbers[k], "", "", names[k], problem))
