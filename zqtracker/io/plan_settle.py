"""Cells the row itself settles. “300万” in a column of 万元 reads two ways (domain/money.py): 300万元,
or 300万 × 万元 = 300亿元 — ten thousand times apart, asked, never guessed. Where the row rules one
reading out it is not a question: a month's amount, a year to date or an annual plan of 300亿 on the
row of a project planned at 5亿 is not what the district typed, so the cell's own unit stands (300万元)
and a note names the rows. Without a planned investment on the row, or where both readings fit under
it, the question stays. A round's return settles its 当月 and 累计 the same way, by the planned
investment on record of the project its row is tied to (io/round_read.py): :func:`own_unit` and
:func:`note` are the rule and its words, for both.

What the row leaves asked, in any money column, the column may settle once the sheet is read
(:class:`ColumnAmounts`): “8000万” beside “2.5亿”, “30000万元” and plain 万元 numbers is not 8000亿元
(domain/wan_column.py says when; a note names the rows).

Also the chosen rows' columns (:func:`transpose`), the first step of converting them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.wan_column import AmountRange, column_note, read_by_column
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import BY_PERIOD, ColumnInfo
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

TWO_READINGS = "wan_in_unit_column"
FIGURES = ("ytd", "ytd_last", "annual_plan")  # and the month columns (ColumnInfo.month)


def is_figure(info: ColumnInfo) -> bool:
    """A column whose amounts are part of a project's planned investment."""
    return info.month is not None or info.field in FIGURES


def own_unit(problem: Problem, planned: int | None) -> int | None:
    """The cell's own-unit reading in yuan of a figure reading two ways (``problem``: its
    TWO_READINGS problem), where the other reading exceeds the ``planned`` investment of its
    project; None where the question stays (no planned investment, or both readings fit)."""
    if planned is None or problem.params["as_numeral"] <= planned:
        return None
    return int(problem.params["as_unit"])


def note(sheet: str, letter: str, header: str, rows: list[int]) -> Problem:
    """What the import says of a column's cells settled by :func:`own_unit` (``rows``: 1-based)."""
    params = {"sheet": sheet, "column": letter, "header": header, "rows": runs_text(rows)}
    return Problem("note_wan_read_as_unit", None, params)


def settle(
    plan: SheetPlan, pending: list[tuple[ColumnInfo, int, CellProblem]], store: Callable[[ColumnInfo, int, int], None]
) -> None:
    """``pending``: (column, data row k, problem) of figure cells reading two ways. Each becomes the
    cell's own unit where the other reading exceeds the row's planned investment (``store(info, k,
    yuan)`` keeps it as the column keeps its values), else the row's problem as it was."""
    planned = plan.values.get("planned_investment") or []
    settled: dict[tuple[str, str, str], list[int]] = {}
    for info, k, problem in pending:
        yuan = own_unit(problem.problem, planned[k] if k < len(planned) else None)
        if yuan is None:
            plan.add_problem(k, problem)
            continue
        store(info, k, yuan)
        settled.setdefault((problem.sheet, info.letter, info.header), []).append(plan.row_numbers[k])
    plan.notes.extend(note(sheet, letter, header, rows) for (sheet, letter, header), rows in settled.items())


class ColumnAmounts:
    """Each money column's amounts that read one way only, gathered chunk by chunk as the sheet is
    converted (:meth:`seen`); once it is all read, :meth:`settle` the cells left reading two ways."""

    def __init__(self) -> None:
        self.ranges: dict[int, AmountRange] = {}  # column index → its amounts

    def seen(self, info: ColumnInfo, converted: tuple[list, list]) -> tuple[list, list]:
        """``converted`` (a chunk's values and refusals) as it is, its amounts taken in."""
        if info.is_money:  # a refused cell is None here, a row-currency amount (yuan, original): not counted
            found = [v for v in converted[0] if v.__class__ is int]
            if found:
                self.ranges.setdefault(info.index, AmountRange()).add(found)
        return converted

    def settle(self, plan: SheetPlan, columns: list, store: Callable[[ColumnInfo, list, tuple, int], None]) -> None:
        """Each cell still reading two ways becomes its own unit where its column's amounts rule the other
        reading out (``store``: PlanBuilder._store, for values kept as tuples), with one note per column."""
        infos = {info.letter: info for _j, info, _c in columns if info.is_money}
        settled: dict[str, list[tuple[int, CellProblem]]] = {}
        for k in sorted(plan.problems):
            kept = []
            for problem in plan.problems[k]:
                info = infos.get(problem.column) if problem.problem.code == TWO_READINGS else None
                yuan = read_by_column(problem.problem, self.ranges.get(info.index)) if info is not None else None
                if info is None or yuan is None:
                    kept.append(problem)
                    continue
                f = info.field or ""
                if info.month is None and (f not in BY_PERIOD or info.is_long_ytd) and f in plan.values:
                    plan.values[f][k] = yuan  # a value of the row: in its place
                else:
                    store(info, [yuan], ("",), k)  # a month, a year to date, an annual plan: a tuple of its own
                settled.setdefault(info.letter, []).append((plan.row_numbers[k], problem))
            if kept:
                plan.problems[k] = kept
            else:
                del plan.problems[k]
        for letter, cells in sorted(settled.items(), key=lambda item: infos[item[0]].index):
            info, (_row, first) = infos[letter], cells[0]
            rows = runs_text([row for row, _p in cells])
            unit = str(first.problem.params["unit"])
            plan.notes.append(
                column_note(first.sheet, letter, info.header, rows, first.value, unit, self.ranges[info.index])
            )


def transpose(rows: list[list], chosen: list[int]) -> list[tuple]:
    """The chosen rows' columns, rows padded to one width: one C-level zip, not a loop per column."""
    if chosen[-1] - chosen[0] + 1 == len(chosen):
        selected = rows[chosen[0] : chosen[-1] + 1]
    else:
        selected = [rows[i] for i in chosen]
    width = max(map(len, selected))
    if min(map(len, selected)) != width:
        selected = [r if len(r) == width else [*r, *([""] * (width - len(r)))] for r in selected]
    return list(zip(*selected, strict=True))
