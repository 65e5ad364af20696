"""A sheet's grand total over rows all read as sections: no project read, and the 合计 says there are some.

    一 | 工业项目（2个） | | 38800
    二 | 城建项目（1个） | | 4500
       | 合计           | | 43300      ← 43300万 of projects, none listed (or listed as 一、二 and read as sections)

io/plan_below.py holds a total against the rows read, but only when some were: with none, the sums of the rows
left out on purpose (sections among them) explained the total, and the import said 0 added, exit 0 (probe33c).
A nonzero planned-investment or 1–X月累计 figure in the grand total's row over a sheet whose rows were all taken
for sections is a question of the sheet, naming the total's cell and the section rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount
from zqtracker.io import values as cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import PROJECTS, SheetLayout
from zqtracker.io.reader import RawSheet

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_SHOWN = 5  # section names in the message


def total_without_projects(
    plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, grand: list[tuple[int, list]]
) -> None:
    """The question when no project row was read, rows were taken for sections and a grand total gives a figure."""
    if plan.data_rows or not grand or layout.kind != PROJECTS or plan.row_months is not None:
        return
    sections = sorted(i for i, kind in plan.skipped.items() if kind in ("section1", "section2"))
    if not sections:
        return
    off = sheet.col_offset
    for info in layout.mapped():
        field = "ytd" if info.field == "ytd" and info.period else info.field
        factor = plan.factors.get(field or "")
        if field not in ("planned_investment", "ytd") or not factor:
            continue
        for i, row in grand:
            j = info.index - off
            value = row[j] if 0 <= j < len(row) else None
            if value.__class__ in (int, float) and value:
                declared = round(value * factor)
                names = "、".join(_label(sheet.rows[k]) for k in sections[:_SHOWN]) + (
                    "、…" if len(sections) > _SHOWN else ""
                )
                said = {"declared": SheetAmount(declared, factor), "names": names}
                where = (sheet.name, i + sheet.row_offset + 1, info.letter, info.header, cells.display(value))
                plan.sheet_problems.append(CellProblem(*where, Problem("total_without_projects", field, said)))
                return


def _label(row: list) -> str:
    """A section row's text: its name beside a 序号 of 一, or 一、工业项目 in one cell."""
    texts = [v.strip() for v in row if v.__class__ is str and v.strip()]
    return " ".join(texts[:2]) if texts else ""
