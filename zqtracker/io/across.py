"""Tables drawn other than one project per row, refused with a sheet problem naming where:

- the other way round: the projects run across the columns and the fields down the rows (项目名称 | A项目 |
  B项目 over 建设单位 | …, 计划总投资 | 12000 | 8000). Read as a list, each field's row became a project
  named 计划总投资 with nothing else;
- two tables side by side (续建 left, 新开工 right, after an empty column or a 序号 of its own): the right
  table's name column was left out as a second one, its projects lost, and its other columns (计划开工时间)
  read as the left table's rows'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem
from zqtracker.io.headers import ROW_NUMBER, header_candidates
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.values import is_empty, month_header

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_FIELD_NAMES = 2  # rows named like a column before a sheet is read as the other way round
# A table drawn the other way round has a row per field (a few dozen): a list of more named rows is a
# list of projects, whatever half of it would say — and a 100,000-row list is not read twice.
_MOST_FIELD_ROWS = 400


def fields_down_rows(plan: SheetPlan, sheet: str, layout: SheetLayout) -> None:
    """A sheet problem on the first data row whose name is a column's header (计划总投资, 建设单位,
    1-10月累计完成投资) when two or more are and they are at least half of the rows."""
    names = plan.values.get("name")
    info = next((i for i in layout.columns if i.field == "name"), None)
    if not names or info is None:
        return
    named = [(k, v) for k, v in enumerate(names) if isinstance(v, str) and v.strip()]
    if len(named) > 2 * _MOST_FIELD_ROWS:
        return
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


def side_by_side(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout) -> None:
    """A sheet problem on a second project-name column right of the first (left out as a duplicate)
    when an empty column or a 序号 column of its own stands between them and it names other projects."""
    first = next((i for i in layout.columns if i.field == "name"), None)
    if first is None:
        return
    for info in layout.columns:
        if info.index <= first.index or info.note != "duplicate:name":
            continue
        between = [c for c in layout.columns if first.index < c.index < info.index]
        if not any(c.field == ROW_NUMBER or _empty_column(sheet, plan, c.index) for c in between):
            continue
        if not _other_names(sheet, plan, first.index, info.index):
            continue
        problem = Problem("side_by_side_tables", "name", {"value": info.header, "second": info.letter})
        right = {c.letter for c in layout.columns if c.index >= info.index}  # the second table's 总投资: not asked
        plan.sheet_problems[:] = [
            p for p in plan.sheet_problems if p.problem.code != "planned_in_two_columns" or p.column not in right
        ]
        _unpair(plan, right)
        plan.sheet_problems.append(CellProblem(sheet.name, layout.header_row + 1, info.letter, info.header, info.header,
                                               problem))  # fmt: skip
        return


def _unpair(plan: SheetPlan, right: set[str]) -> None:
    """Drop the rows' "column E beside it gives 32000 for the same figure" of the second table's columns:
    they hold a left-table project against an unrelated right-table one (probe36a F6), noise beside the
    refusal that says what is wrong."""
    for k in list(plan.problems):
        kept = [p for p in plan.problems[k] if p.problem.code != "columns_disagree" or p.column not in right]
        if kept:
            plan.problems[k] = kept
        else:
            del plan.problems[k]


def _cell(sheet: RawSheet, i: int, c: int) -> object:
    row = sheet.rows[i]
    j = c - sheet.col_offset
    return row[j] if 0 <= j < len(row) else None


def _empty_column(sheet: RawSheet, plan: SheetPlan, c: int) -> bool:
    return all(is_empty(_cell(sheet, i, c)) for i in plan.data_rows)


def _other_names(sheet: RawSheet, plan: SheetPlan, a: int, b: int) -> bool:
    return any(
        isinstance(_cell(sheet, i, b), str)
        and not is_empty(_cell(sheet, i, b))
        and _cell(sheet, i, b) != _cell(sheet, i, a)
        for i in plan.data_rows
    )
