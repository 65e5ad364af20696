"""A table drawn the other way round: the projects run across the columns and the fields down the rows
(项目名称 | A项目 | B项目 over 建设单位 | …, 计划总投资 | 12000 | 8000). Read as a list, each field's row
became a project named 计划总投资 with nothing else: such a sheet is refused, naming a row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.headers import header_candidates
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.values import month_header

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_FIELD_NAMES = 2  # rows named like a column before a sheet is read as the other way round


def fields_down_rows(plan: SheetPlan, sheet: str, layout: SheetLayout) -> None:
    """A sheet problem on the first data row whose name is a column's header (计划总投资, 建设单位,
    1-10月累计完成投资) when two or more are and they are at least half of the rows."""
    names = plan.values.get("name")
    info = next((i for i in layout.columns if i.field == "name"), None)
    if not names or info is None:
        return
    named = [(k, v) for k, v in enumerate(names) if isinstance(v, str) and v.strip()]
    fields = [(k, v) for k, v in named if _is_header(v, layout.year)]
    if len(fields) < _FIELD_NAMES or 2 * len(fields) < len(named):
        return
    k, name = fields[0]
    shown = "、".join(v for _k, v in fields[:4])
    problem = Problem("fields_down_rows", "name", {"value": name, "names": shown, "count": len(fields)})
    row = plan.row_numbers[k]
    plan.sheet_problems.append(CellProblem(sheet, row, info.letter, info.header, name, problem))


def _is_header(text: str, year: int | None) -> bool:
    found = header_candidates(text)
    return bool(found and found[0].quality >= 3 and found[0].field != "name") or month_header(text, year) is not None
