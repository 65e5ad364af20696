"""Tables stacked on one sheet, each under a title of its own naming its district (probe29a T29): 肇庆市高要区
2025年1-10月重点项目进展情况表 over twelve projects, then 肇庆市四会市…表 over eight more, and no district
column. A row without a district takes the district of its own table's title — the nearest title above it
that names one — never another table's; the sheet's own hint (the first title, its name, its 填报单位 line)
still holds for the rows above the first such title. Called by io/plan_tables.py once every row is read,
before the sections' districts are filled in (a section row naming a district, nearer still, wins).

Titles above the header that name two districts say the rows are of both, without saying which is whose:
asked, unless the user said the district or a column or section gives every row its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.context import place_in_text
from zqtracker.io.errors import CellProblem
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.sheet_context import unit_line_factor, without_sent_dates
from zqtracker.io.values import clean_text

if TYPE_CHECKING:
    from zqtracker.io.layout_model import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

_NOT_TITLES = ("填报单位", "报送单位", "填表单位")


def _title_place(row: list, known: frozenset[str]) -> str | None:
    """The district a title row names (never a 填报单位 or 单位 line's)."""
    line = without_sent_dates("  ".join(clean_text(v) for v in row if v.__class__ is str and v.strip()))
    if not line or any(w in line for w in _NOT_TITLES) or unit_line_factor(line) is not None:
        return None
    return place_in_text(line, known)


def _own_place(plan: SheetPlan, contexts: list | None, k: int) -> bool:
    """Row ``k`` has a district of its own: a district cell, or a section row naming one."""
    given = plan.values.get("district")
    ctx = contexts[k] if contexts is not None and k < len(contexts) else None
    return (given is not None and given[k] is not None) or any(s and s[0] == "district" for s in ctx or ())


def block_places(
    plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, contexts: list | None, known: frozenset[str]
) -> list | None:
    """``contexts`` with each row of a table titled with another district than the sheet's taking that
    district (a context as a section's, put first: a section's own district wins); the note naming
    each district and its rows; the question when the titles above the header name two districts."""
    if plan.district_from == "user" or not plan.data_rows:
        return contexts
    above = {p for t in layout.titles if (p := _title_place([t], known))}
    if len(above) > 1 and not all(_own_place(plan, contexts, k) for k in range(len(plan))):
        shown = "、".join(sorted(above))
        problem = Problem("district_titles_differ", "district", {"value": shown, "places": shown})
        plan.sheet_problems.append(CellProblem(sheet.name, layout.header_row + 1, "", "", shown, problem))
        return contexts
    titled = sorted(
        (i, p) for i, kind in plan.skipped.items() if kind == "title" and (p := _title_place(sheet.rows[i], known))
    )
    if not titled:
        return contexts
    rows_of: dict[str, list[int]] = {}
    place, t = plan.default_district, 0
    moved = False
    for k, i in enumerate(plan.data_rows):
        while t < len(titled) and titled[t][0] < i:
            place, t = titled[t][1], t + 1
        if place is None or _own_place(plan, contexts, k):
            continue
        rows_of.setdefault(place, []).append(plan.row_numbers[k])
        if place != plan.default_district:
            if contexts is None:
                contexts = [None] * len(plan)
            contexts[k] = (("district", place), *(contexts[k] or ()))
            moved = True
    if moved:
        blocks = "; ".join(f"{p}: {runs_text(rows)}" for p, rows in rows_of.items())
        plan.notes.append(Problem("note_district_blocks", None, {"sheet": sheet.name, "blocks": blocks}))
    return contexts
