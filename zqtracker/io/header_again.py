"""The table's header printed again on a later page, for io/plan.py's PlanBuilder (probe28b M1).

A printout repeats the header on every page, and a list copied from one keeps it: with a header of two
rows ("2025年" over 计划投资 | 1-10月完成投资), each row of the repeat says what a row of the first
header says, cell by cell — the repeat merged or not (a cell under a merge may hold the merge's text
or nothing), a unit added to a money column's text ("总投资（万元）" where the first says 总投资 and the
sheet's amounts are read in 万元). Above the repeat, the title and 填报单位 / 单位 lines printed again,
"（续表）" added, or a line "续表" alone: titles, skipped. None of these rows ends the table.

Where a header alone still ends it (what _second_table takes for a summary's), the rows under it are
looked at: projects of the table's own shape there are never left out without a word (`projects_under`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from zqtracker.domain.money import unit_factor_of
from zqtracker.io import values as cells
from zqtracker.io.headers import header_candidates
from zqtracker.io.rows import classify
from zqtracker.io.table_blocks import Block, header_like

if TYPE_CHECKING:
    from zqtracker.io.layout_model import SheetLayout
    from zqtracker.io.reader import RawSheet

_UNIT_RE = re.compile(r"\((?:金额)?(?:单位[:：])?([^()]{1,8})\)$")  # (万元), (单位:亿元) at a text's end (folded)
_CONTINUED_RE = re.compile(
    r"\(续(?:表|上表|前表)?[\d一二三四五六七八九十]*\)|(?:续表|续上表|接上表)[\d一二三四五六七八九十]*[:：]?$"
)
_TITLE_ROWS = 6  # the rows above the header looked at for a title printed again (and down to a header again)
_TITLE_WORDS = ("表", "单位", "清单", "台账", "名单", "统计", "汇总")  # a title's words, never a section row's


def is_continued(text: str) -> bool:
    """A title marked 续表: the table above goes on (io/block_places.py: no table of its own)."""
    return _CONTINUED_RE.search(cells.fold(text)) is not None


def _texts(row: list) -> dict[int, str]:
    """The row's texts by column, folded."""
    return {j: t for j, v in enumerate(row) if not cells.is_empty(v) and (t := cells.fold(cells.display(v)))}


def same_header_text(first: str, again: str, factor: int | None) -> bool:
    """Two header texts (folded) that say the same: equal, or one with a unit the other leaves to the
    sheet's unit line when that unit is the column's (``factor``: the yuan factor its amounts are read in)."""
    if first == again:
        return True
    if factor is None:
        return False
    for said, bare in ((again, first), (first, again)):
        m = _UNIT_RE.search(said)
        if m is not None and said[: m.start()] == bare and unit_factor_of(m.group(1)) == factor:
            return True
    return False


class HeaderAgain:
    """The header rows' texts (each cell under a merge holding the merge's text too) and the title rows
    above them, to tell a page's header printed again from a row of the table."""

    def __init__(self, sheet: RawSheet, layout: SheetLayout, money_units: dict[int, int]) -> None:
        self.units = money_units
        top, stop, off = layout.header_row, layout.data_start, sheet.row_offset
        self.rows: list[tuple[dict[int, str], dict[int, str]]] = []  # (texts, texts with the merges')
        for r in range(top, stop):
            i = r - off
            texts = _texts(sheet.rows[i]) if 0 <= i < len(sheet.rows) else {}
            self.rows.append((texts, dict(texts)))
        for r0, c0, r1, c1 in sheet.merged[:10_000]:
            text = self.rows[r0 - top][0].get(c0 - sheet.col_offset) if top <= r0 < stop else None
            if text is None:
                continue
            for r in range(r0, min(r1, stop - 1) + 1):
                for c in range(c0, c1 + 1):
                    self.rows[r - top][1].setdefault(c - sheet.col_offset, text)
        self.titles = set()
        for r in range(max(top - _TITLE_ROWS, off), top):
            said = tuple(_texts(sheet.rows[r - off]).values())
            if any(w in "".join(said) for w in _TITLE_WORDS):  # (not a line a section row could say again)
                self.titles.add(said)
        self.last = self.last_title = -2  # the last rows read as the header again, as a title

    def _matches(self, k: int, texts: dict[int, str], alone: bool) -> bool:
        """``texts`` say what header row ``k`` says (``alone``: a lone text may do, under the row above)."""
        own, filled = self.rows[k]
        if not own or (len(own) < 2 and not alone):
            return False
        return own.keys() <= texts.keys() <= filled.keys() and all(
            same_header_text(filled[j], t, self.units.get(j)) for j, t in texts.items()
        )

    def kind(self, i: int, row: list) -> str | None:
        """ "header" for a row of the header again, "title" for a title marked 续表 (and the line under it
        that the first page has above its header too) or a line 续表 alone, else None (a row without
        numbers: the caller has looked). A title printed again without 续表 is left to the notes: the
        table may be pasted twice (io/plan_tables.py)."""
        texts = _texts(row)
        if not texts:
            return None
        if any(self._matches(k, texts, self.last == i - 1) for k in range(len(self.rows))):
            self.last = i
            return "header"
        said = tuple(t for t in (_CONTINUED_RE.sub("", t) for t in texts.values()) if t)
        marked = any(_CONTINUED_RE.search(t) for t in texts.values())
        if (marked and (not said or said in self.titles)) or (self.last_title == i - 1 and said in self.titles):
            self.last_title = i
            return "title"
        return None

    def block_after(self, rows: list[list], start: int, name_col: int, number_col: int | None) -> Block | None:
        """The header again, all its rows, within a few rows from ``start`` (under a title and 填报单位 line
        printed again), with the projects under it up to the next header: Block(its last row, the projects)."""
        height = len(self.rows)
        for j in range(start, min(start + _TITLE_ROWS, len(rows) - height)):
            if all(self._matches(k, _texts(rows[j + k]), k > 0) for k in range(height)):
                under = []
                for r in range(j + height, len(rows)):
                    if header_like(rows[r]):
                        break
                    if _named_with_figures(rows[r], name_col, number_col):
                        under.append(r)
                return Block(j + height - 1, under, name_col) if under else None
        return None


def _named_with_figures(row: list, name_col: int, number_col: int | None) -> bool:
    """A project's row: a name, a figure beside it (not its 序号), not a total, section, title or note."""
    name = row[name_col] if name_col < len(row) else None
    if name.__class__ is not str or not name.strip():
        return False
    if not any(v.__class__ is float for j, v in enumerate(row) if j not in (name_col, number_col)):
        return False
    return classify(row, name_col, None, number_col, {}) is None


def projects_under(rows: list[list], at: int, data_rows: list[int], name_col: int, number_col: int | None) -> list[int]:
    """The rows under a header row ``at`` that ends the table which are projects of the table's own shape:
    a name, a figure beside it, and the cells its project rows fill (most of them) filled. None under a
    summary's header (项目数 / 个数: its rows are categories)."""
    if any(m.field == "ignore:count" for v in rows[at] if v.__class__ is str for m in header_candidates(v)[:1]):
        return []
    sample = data_rows[:50]
    filled: dict[int, int] = {}
    for i in sample:
        for j, v in enumerate(rows[i]):
            if not cells.is_empty(v):
                filled[j] = filled.get(j, 0) + 1
    usual = {j for j, n in filled.items() if n * 2 >= len(sample)}
    if len(usual) < 3 or name_col not in usual:
        return []
    found = []
    for i in range(at + 1, len(rows)):
        row = rows[i]
        if sum(1 for j in usual if j < len(row) and not cells.is_empty(row[j])) * 5 < len(usual) * 4:
            continue
        if _named_with_figures(row, name_col, number_col):
            found.append(i)
    return found
