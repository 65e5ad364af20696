"""The sheet's own grand total among its rows (合计 / 总计 / Total, under the projects or over them) held against
the project rows read:

    序号 | 项目名称     | 总投资（万元） | 1-10月累计完成投资（万元）
    1    | 鼎湖包装项目 | 20000          | 300
    2    | 鼎湖五金项目 | 15000          | 300.5
    合计 |              | 36000          | 600.5          ← 1000万 more than the rows read: a row left out?

A planned-investment or 1–X月累计 figure the rows do not add up to (beyond half a unit of its last written digit:
a total typed rounded agrees) is the clearest sign of a silent misread — rows dropped, read twice, a breakdown
counted, another unit — so it is a question of the sheet naming the cell and both figures, as a summary block
above the header is (io/plan_above.py); --skip-invalid imports the rows anyway, with the note. Never asked where
what the rows leave out on purpose explains it: hidden or struck-through rows the user said to skip (the total
may count them, or only what is shown), rows a 备注 marks off the list, section and group rows, 其中 parts;
rows refused for something else are counted as read (the total is held against every row read, before
--skip-invalid drops any). Several grand totals: one the rows agree with, or blocks' 合计 whose sum they agree
with, is agreement; else the lowest is the sheet's total (a 总计 under blocks' 合计) when it is the largest too —
otherwise no telling which is the sheet's: not asked. A 合计 of 0 over rows that give figures (a formula never
worked out) and a figure no row gives stay a note. A 小计, a 其中 row, a district's subtotal is never the grand
total. A count alone that differs (合计（100项） over 2 rows whose sums agree: a template) stays a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount, SheetFigure
from zqtracker.io import values as cells
from zqtracker.io.empty_total import total_without_projects
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import PROJECTS, SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.subtotals import cell_sums, near, refused_or_pairs, subtotals
from zqtracker.io.total_columns import Figures, total_columns

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

# A grand total's label (folded): 合计, 总计, 合计（64个）… — not a 小计 of a group, not a 其中 breakdown.
_GRAND_TOTAL_RE = re.compile(r"^(合计|总计|共计|汇总|总合计|全部合计|全[市区县]合计|total|grandtotal):?(\(.*\))?$")
_COUNTED_TOTAL_RE = re.compile(r"^(合计|总计|共计|总合计|全部合计|全[市区县]合计):?\(?(\d{1,7})(个|项)(项目)?\)?$")
_LEFT_OUT = ("hidden_row", "section1", "section2", "part")  # skipped on purpose (and rows of no kind: struck, 已退出)


def below_totals(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, planned: int | None) -> None:
    """plan.count_differs; and each figure of the grand total the rows read do not add up to: a sheet problem
    (on a list of projects), plan.total_differs (the planned investment's, for the note)."""
    base = sheet.row_offset + 1
    plan.count_differs = declared_count(plan, sheet.rows, base)
    if (plan.hidden and plan.hidden_answer is None) or (plan.struck and plan.struck_answer is None):
        return  # (rows nobody has said to read or leave: asked first)
    grand = [(i, row) for i, label, row in _totals(plan, sheet.rows) if _GRAND_TOTAL_RE.match(label)]
    total_without_projects(plan, sheet, layout, grand)  # no row read, all taken for sections (io/empty_total.py)
    if not plan.data_rows:
        return
    ask = layout.kind == PROJECTS and plan.row_months is None  # (rows of months: a project's planned on each)
    left = _left_out(plan, sheet, layout)
    columns = total_columns(layout, sheet.col_offset, planned, ask)
    for figures in columns if grand else []:
        _check(plan, sheet, figures, grand, left, ask)
    if ask:
        subtotals(plan, sheet, columns, left)  # each section's 小计 against its rows (io/subtotals.py)


def _check(
    plan: SheetPlan,
    sheet: RawSheet,
    figures: Figures,
    grand: list[tuple[int, list]],
    left: tuple[list[list[int]], list[int]],
    ask: bool,
) -> None:
    info, field = figures.info, figures.field
    factor = plan.factors.get(figures.unit)
    pairs = refused_or_pairs(plan, figures, factor)
    if pairs is None:
        return
    read = [v for _k, v in pairs]
    j = info.index - sheet.col_offset
    found: dict[Decimal, int] = {}  # each figure written in a grand total's row → its index
    for i, row in grand:
        value = row[j] if j < len(row) else None
        if value.__class__ in (int, float) and (figure := Decimal(repr(value))).is_finite():
            found.setdefault(figure, i)
    if not found or factor is None:
        return
    counted = sum(filter(None, read))  # yuan
    kept, shown = left
    sums = cell_sums(sheet, kept, j, factor)
    explained = [counted + sum(c) for n in range(len(sums) + 1) for c in combinations(sums, n)]
    explained += [
        counted - s for s in cell_sums(sheet, [shown], j, factor)
    ]  # hidden rows imported: a total of the rest
    explained.append(counted - sum(v or 0 for k, v in pairs if k in plan.problems))  # rows refused: left out

    def agrees(written: Decimal) -> bool:
        at = found.get(written, -1)  # a 合计 between tables: of the rows above it, or under it (over its table)
        above = sum(v or 0 for k, v in pairs if plan.data_rows[k] < at)
        return near(written, factor, [*explained, above, counted - above])

    written, at = _grand(found, agrees)
    if written is None:
        return
    declared = int((written * factor).to_integral_value())
    if figures.kind == "planned":
        plan.total_differs = (at + sheet.row_offset + 1, declared, counted)
    if not ask or not declared or not any(v is not None for v in read):
        return  # (no row gives the figure, a 合计 of 0 never worked out: a note, as before)
    said: dict[str, object] = {"declared": SheetAmount(declared, factor), "counted": SheetAmount(counted, factor)}
    said["count"] = len(plan)
    if figures.kind == "planned":
        code = "total_planned_differs"
    elif figures.kind == "ytd" and figures.period:
        said |= {"year": figures.period[0], "month": figures.period[1]}
        code = "total_ytd_differs"
    else:
        said |= {"declared": SheetFigure(declared, factor), "counted": SheetFigure(counted, factor)}
        said["what"], code = figures.what(), "total_figure_differs"
    where = (sheet.name, at + sheet.row_offset + 1, info.letter, info.header, f"{written.normalize():,f}")
    plan.sheet_problems.append(CellProblem(*where, Problem(code, field, said)))


def _grand(found: dict[Decimal, int], agrees: Callable[[Decimal], bool]) -> tuple[Decimal | None, int]:
    """The figure of the sheet's grand total that the rows do not add up to, and its row's index; None when one
    agrees, or several do not tell which is the sheet's total."""
    if len(found) == 1:
        ((written, at),) = found.items()
        return (None, at) if agrees(written) else (written, at)
    if agrees(sum(found, Decimal(0))):  # blocks' 合计, no 总计: their sum
        return None, 0
    last = max(found, key=found.__getitem__)  # the lowest of them: a 总计 under blocks' 合计, when the largest too
    if last != max(found):
        return None, 0
    return (None, 0) if agrees(last) else (last, found[last])


def _left_out(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout) -> tuple[list[list[int]], list[int]]:
    """The rows (indexes of sheet.rows) left out on purpose, by kind: hidden ones skipped, groups, 其中 parts,
    and those no kind names (struck through and skipped, marked off the list in 备注); and the hidden rows read."""
    kinds: dict[str, list[int]] = {kind: [] for kind in _LEFT_OUT}
    for i, kind in plan.skipped.items():
        if kind in kinds:
            kinds[kind].append(i)
    data = set(plan.data_rows)
    stop = (plan.notes_from - sheet.row_offset - 1) if plan.notes_from else len(sheet.rows)
    start = max(layout.data_start - sheet.row_offset, 0)
    unnamed = [i for i in range(start, min(stop, len(sheet.rows))) if i not in data and i not in plan.skipped]
    shown = [n - sheet.row_offset - 1 for n in plan.hidden] if plan.hidden_answer == "import" else []
    return [*kinds.values(), unnamed], shown


def _totals(plan: SheetPlan, rows: list[list]) -> Iterator[tuple[int, str, list]]:
    """(index, folded label, row) of each total row the plan skipped."""
    for i, kind in plan.skipped.items():
        if kind == "total":
            label = next((v for v in rows[i] if v.__class__ is str and v.strip()), "")
            yield i, cells.fold(label), rows[i]


def declared_count(plan: SheetPlan, rows: list[list], base: int) -> tuple[int, int] | None:
    """(row, declared): the number of projects the sheet's grand total names ("合计（64个）",
    "合计：100项"), when it is not the number of project rows read. None when they agree, or the
    sheet names no such count (or several, or rows are hidden in it)."""
    if plan.hidden:
        return None
    found: dict[int, int] = {}
    for i, label, _row in _totals(plan, rows):
        m = _COUNTED_TOTAL_RE.match(label)
        if m:
            found.setdefault(int(m[2]), i + base)
    if len(found) != 1:
        return None
    declared, at = next(iter(found.items()))
    return None if declared == len(plan) else (at, declared)
