"""Rows struck through in a workbook: what a district does to a row instead of deleting it.

A data row whose name cell is struck through, or most of whose cells with something in them are, is
a question — is it off the list? — answered like the rows hidden in the sheet: --struck-rows skip
leaves them out, --struck-rows import imports them, and until then the command line refuses, naming
the rows. A struck row whose 备注 already marks it removed (io/removed_rows.py) is that note's alone.
An .xlsx, an .xls, an .ods and an .xlsb say which cells are struck through (io/strike_styles.py,
io/biff.py, io/ods_package.py, io/xlsb_strike.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.io.removed_rows import removed_rows

if TYPE_CHECKING:
    from zqtracker.io.cell_convert import PlanOptions
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet


def off_list(plan: SheetPlan, sheet: RawSheet, name_col: int | None, opts: PlanOptions) -> set[int]:
    """The data rows (k) to leave out: those a remark marks removed, and the struck-through ones
    when the answer is "skip"; the struck rows noted in ``plan.struck`` either way."""
    removed = removed_rows(plan, sheet.name)
    if not sheet.struck:
        return removed
    found = [k for k, i in enumerate(plan.data_rows) if k not in removed and _struck(sheet, i, name_col)]
    plan.struck, plan.struck_answer = [plan.row_numbers[k] for k in found], opts.struck_rows
    return removed | set(found) if opts.struck_rows == "skip" else removed


def _struck(sheet: RawSheet, i: int, name_col: int | None) -> bool:
    """Row ``i`` of ``sheet.rows``: its name cell struck through, or more than half of its cells
    with something in them (``name_col`` as the row's own index, without the sheet's column offset)."""
    cols = sheet.struck.get(i + sheet.row_offset)
    if not cols:
        return False
    off = sheet.col_offset
    if name_col is not None and name_col + off in cols:
        return True
    filled = [j for j, v in enumerate(sheet.rows[i]) if v != "" and v is not None]
    return 2 * sum(1 for j in filled if j + off in cols) > len(filled) > 0
