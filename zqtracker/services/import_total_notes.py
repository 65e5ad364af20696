"""The notes of a sheet's own 合计 row among its rows (io/plan_below.py): a count of projects other than the rows
read (a template's 合计（100项） over its 2 rows: said, never asked), and a planned investment the rows do not add
up to where it is not asked of — no row gives one, a sheet not of projects — or the rows were imported anyway
(--skip-invalid): what the import noticed stays said."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_figures import money_text


def total_notes(sheet: str, plan: SheetPlan, lang: str, skip_invalid: bool) -> list[Problem]:
    notes = []
    asked = any(p.problem.code == "total_planned_differs" for p in plan.sheet_problems)
    if plan.total_differs is not None and (skip_invalid or not asked):
        row, declared, counted = plan.total_differs
        factor = plan.factors.get("planned_investment", 1)
        said = {"declared": money_text(declared, factor, lang), "counted": money_text(counted, factor, lang)}
        notes.append(Problem("note_total_differs", None, {"sheet": sheet, "row": row, "count": len(plan), **said}))
    if plan.count_differs is not None:
        row, declared = plan.count_differs
        counts = {"sheet": sheet, "row": row, "declared": declared, "count": len(plan)}
        notes.append(Problem("note_count_differs", None, counts))
    return notes
