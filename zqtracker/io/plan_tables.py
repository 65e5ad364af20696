"""Other tables of projects on the sheet, for io/plan.py's PlanBuilder (through RowRules): none may vanish.

- Above the header chosen (the richer header of two stacked tables wins): the table above is refused,
  its header and rows named — each table belongs on a sheet of its own (probe25c M1).
- Under the notes that end the table (a 填报单位 / 单位 line, 备注, 填表人 …): a header with projects under
  it is not a note. The same header over other projects is another table of the same kind, read on;
  the same header over the same rows is the table copied, said and read once; the same header over the
  same projects with other figures (an older copy) or another header (a 附表 of leads) is refused,
  named (probe25c M2). A unit line between the two tables names the second's unit: another than the
  first's is refused as a unit that changes (the amounts would be read in the first's).
- Under a header alone (what _second_table takes for a summary's): projects under it are refused too,
  and so are rows of this table's own shape (a second header row printed again, not read as one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io import values as cells
from zqtracker.io.block_places import block_places
from zqtracker.io.header_again import HeaderAgain, projects_under
from zqtracker.io.plan_groups import GroupRules
from zqtracker.io.sheet_context import unit_named_in
from zqtracker.io.table_blocks import Block, blocks, row_span, row_text, same_header, shown_header

if TYPE_CHECKING:
    from zqtracker.io.layout import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet


class TableRules(GroupRules):
    """What PlanBuilder does with tables above and below its own (a mixin: it holds the state)."""

    sheet: RawSheet
    layout: SheetLayout
    plan: SheetPlan
    money_units: dict[int, int]
    again: HeaderAgain
    name_col: int | None
    number_col: int | None
    pos: int
    done: bool
    # provided by RowRules and PlanBuilder
    _sheet_problem: Callable[..., None]
    _fill_vertical_merges: Callable[[int, int], None]
    _select: Callable[[int, int], None]
    _convert: Callable[[int], None]
    _row_numbers: Callable[[], list | None]

    def _tables_around(self) -> None:
        """Once every row is read: the tables above the header, in the notes and under a second header."""
        plan, base = self.plan, self.sheet.row_offset + 1
        top = self.layout.header_row - self.sheet.row_offset
        for block in blocks(self.sheet.rows, 0, max(top, 0)):
            self._refuse(block, "table_above")
        while plan.notes_from is not None and self._table_in_notes(plan.notes_from - base):
            pass
        if plan.second_table is not None:
            at = plan.second_table - base
            for block in blocks(self.sheet.rows, at, len(self.sheet.rows))[:1]:
                if block.header == at:  # projects, not a summary's classes
                    self._refuse(block, "table_below")
                    plan.second_table = None
            if plan.second_table is not None and self.name_col is not None:  # rows of this table's shape under it
                like = projects_under(self.sheet.rows, at, plan.data_rows, self.name_col, self.number_col)
                if like:
                    self._refuse(Block(at, like, self.name_col), "table_below")
                    plan.second_table = None
        # each table titled with its own district: its rows without one take it (io/block_places.py)
        opts = self.opts
        self.contexts = block_places(
            plan, self.sheet, self.layout, self.contexts, opts.known_districts, opts.source, self._row_numbers
        )

    def _refuse(self, block: Block, code: str) -> None:
        base = self.sheet.row_offset + 1
        header = self.sheet.rows[block.header]
        self._sheet_problem(block.header + base, code, "name", shown_header(header), rows=row_span(block.rows, base),
                            count=len(block.rows), table=self.layout.header_row + 1)  # fmt: skip

    def _table_in_notes(self, start: int) -> bool:
        """The first table of projects among the notes from row ``start``: read on (True) when it is
        another table of the same kind, else refused or said; False when there is none to read."""
        rows, plan = self.sheet.rows, self.plan
        again = None  # a header of several rows again (io/header_again.py): Block(its last row, …)
        if self.layout.header_rows > 1 and self.name_col is not None:
            again = self.again.block_after(rows, start, self.name_col, self.number_col)
        found = [again] if again is not None else blocks(rows, start, len(rows))
        if not found:
            return False
        block = found[0]
        first = rows[self.layout.header_row - self.sheet.row_offset] if self.layout.header_rows == 1 else []
        if again is None and not same_header(first, rows[block.header]):
            self._refuse(block, "table_below")
            return False
        read = {row_text(rows[i], self.number_col) for i in plan.data_rows}
        names = {cells.fold(cells.display(rows[i][block.name_col])).strip() for i in plan.data_rows}
        copied = [i for i in block.rows if cells.fold(cells.display(rows[i][block.name_col])).strip() in names]
        same = all(row_text(rows[i], self.number_col) in read for i in copied)
        if copied and len(copied) == len(block.rows) and same:
            base = self.sheet.row_offset + 1
            plan.notes.append(Problem("note_table_copy", None, {"sheet": self.sheet.name, "row": block.header + base,
                                                                "rows": row_span(block.rows, base)}))  # fmt: skip
            plan.notes_from = None
            return False
        if copied:
            self._refuse(block, "table_again")
            return False
        self._read_on(start, block.header)
        return True

    def _read_on(self, start: int, header: int) -> None:
        """The rows from ``start`` to ``header`` head another table like this one: read the rows under it."""
        plan, rows, base = self.plan, self.sheet.rows, self.sheet.row_offset + 1
        for i in range(start, header):
            if any(not cells.is_empty(v) for v in rows[i]):
                plan.skipped[i] = "title"
            for text in (v for v in rows[i] if v.__class__ is str and "单位" in v):  # 填报单位：… 单位：亿元
                factor = unit_named_in(text)
                if factor is not None and any(f != factor for f in self.money_units.values()):
                    self._sheet_problem(i + base, "unit_changes", "planned_investment", text.strip())
        plan.skipped[header] = "header"
        plan.notes_from = None
        if self.pos < len(rows):
            self._fill_vertical_merges(self.pos, len(rows))
        first_k = len(plan.data_rows)
        self.done = False
        self._select(header + 1, len(rows))
        self.pos, self.done = len(rows), True
        self._convert(first_k)
