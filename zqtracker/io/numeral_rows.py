"""Rows numbered 一、二、三 or （一）（二） in the 序号 column, a name beside: section headings, or projects?

    一 | 新能源项目（2个）     |        | 38800          ← a section: its count, rows numbered 1, 2 under it
    1  | 江屯镇光伏发电项目     | 新能源 | 32000
    一 | 江屯镇光伏发电项目     | 新能源 | 32000 | 续建   ← a project: nothing under it before 二
    二 | 古水镇砂糖桔深加工项目 | 现代农业 | 6800 | 续建

Published lists number their projects either way, and a list of projects read as sections was 0 added, exit 0
(probe33c). A section has rows under it — up to the next row numbered as it is, a higher level, a total or a
note: rows numbered otherwise (1, （一） under 一, ①, 1-1) make it one, as do unnumbered rows its figures add
up, or a count in its name (（12个）). A row with nothing under it but figures or details of its own (行业, 备注,
所在地) is a project; so is one with details over unnumbered rows. A row that tells neither (a name and sums
over unnumbered rows) is what the rows numbered as it is beside it are — sections where none tells (a heading
over unnumbered projects, as read before); where those disagree, some sections and some projects, the sheet
asks, naming the row: a clear question, never a silent 0 added.

While the rows are still streaming in, such a row waits (with every row after it) until the table is read:
its verdict needs the rows under it (``held_back``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from zqtracker.domain.errors import Problem
from zqtracker.io import values as cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.rows import classify

if TYPE_CHECKING:
    from zqtracker.io.plan_rows import RowRules

_BARE_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、.．]?$")
_PAREN_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]$")
_BARE_TEXT_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、.．]")
_PAREN_TEXT_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]")
_COUNT_RE = re.compile(r"[（(]\s*(?:共|合计)?\s*\d+\s*(?:个|项)|\d+\s*(?:个|项)(?:项目)?\s*[)）]?\s*$")
SECTION, PROJECT, UNSURE, ASK = "section", "project", "unsure", "ask"


def numeral_level(value: Any) -> int:
    """1 for a 序号 of 一 / 一、, 2 for （一）, 0 for any other."""
    if value.__class__ is not str:
        return 0
    text = value.strip()
    return 1 if _BARE_RE.match(text) else 2 if _PAREN_RE.match(text) else 0


def _is_candidate(row: list, number_col: int, name_col: int | None) -> bool:
    """A 序号 of 一 or （一） with a name beside it (not 一、工业项目 written in one cell)."""
    if number_col >= len(row) or not numeral_level(row[number_col]):
        return False
    return name_col is not None and name_col < len(row) and not cells.is_empty(row[name_col])


def held_back(rules: RowRules, start: int, end: int, final: bool) -> int:
    """Where a streaming feed stops: at the first row numbered 一 or （一） in ``start``..``end``, whose verdict
    needs the rows under it (all of them read only when ``final``)."""
    j, rows = rules.number_col, rules.sheet.rows
    if final or j is None:
        return end
    return next((i for i in range(start, end) if _is_candidate(rows[i], j, rules.name_col)), end)


def _text_level(text: str) -> int:
    """1 for a heading written 一、工业项目 in one cell, 2 for （一）工业项目, 0 for any other text."""
    text = text.strip()
    return 1 if _BARE_TEXT_RE.match(text) else 2 if _PAREN_TEXT_RE.match(text) else 0


class NumeralRows:
    """The verdicts of one sheet's rows numbered 一 or （一）, each worked out once."""

    def __init__(self, rules: RowRules) -> None:
        self.rules = rules
        self.rows = rules.sheet.rows
        self.number_col: int = rules.number_col or 0
        self.name_col = rules.name_col
        self.start = max(rules.layout.data_start - rules.sheet.row_offset, 0)
        self.figures = sorted(rules.money_units)
        named = (rules.name_col, rules.number_col)
        self.details = [j for j, info, _c in rules.columns if not info.is_money and j not in named]
        off_r, off_c = rules.sheet.row_offset, rules.sheet.col_offset
        self.merged = {(r - off_r, c - off_c) for r0, c0, r1, c1 in rules.vertical  # (a district merged down)
                       for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}  # fmt: skip
        self.verdicts: dict[int, str] = {}
        self.runs: dict[int, list[int]] = {}
        self.asked: set[int] = set()

    def kind(self, i: int) -> str:
        """SECTION, PROJECT or ASK for row ``i`` (an index of sheet.rows) if it is numbered 一 or （一）
        beside a name; SECTION for any other (classify's word stands)."""
        if not _is_candidate(self.rows[i], self.number_col, self.name_col):
            return SECTION
        run = self.runs.get(i) or self._run(i)
        self.runs.update(dict.fromkeys(run, run))  # (each row of a run walked once: 20 sections over 100k rows)
        said = {k: self._verdict(k) for k in run}
        firm = {v for v in said.values() if v != UNSURE}
        own = said[i]
        if own == UNSURE:
            own = SECTION if not firm else firm.pop() if len(firm) == 1 else ASK
        if own != SECTION and SECTION in firm and PROJECT in {*firm, own}:
            own = ASK  # some over rows of their own, some not: which are they?
        if own == ASK:
            self._ask(i, run, said)
        return own

    def _ask(self, i: int, run: list[int], said: dict[int, str]) -> None:
        if self.asked & set(run):
            return
        self.asked.add(i)
        rules, row = self.rules, self.rows[i]
        sections = [cells.display(self.rows[k][self.number_col]).strip() for k in run if said[k] == SECTION]
        number, name = cells.display(row[self.number_col]).strip(), cells.display(row[self.name_col or 0]).strip()
        info = next((info for j, info, _c in rules.columns if j == self.name_col), None)
        where = (info.letter, info.header) if info is not None else ("", "")
        params = {"value": number, "name": name, "sections": "、".join(sections)}
        problem = Problem("numeral_row_unclear", "name", params)
        row_number = i + rules.sheet.row_offset + 1
        rules.plan.sheet_problems.append(CellProblem(rules.sheet.name, row_number, *where, number, problem))

    def _run(self, i: int) -> list[int]:
        """Row ``i`` and the rows numbered as it is beside it (between a higher level, a total or a note)."""
        level = numeral_level(self.rows[i][self.number_col])
        out = [i]
        for step, bound in ((-1, self.start - 1), (1, len(self.rows))):
            k = i + step
            while k != bound:
                what = self._place(k, level)
                if what == "stop":
                    break
                if what == "same":
                    out.append(k)
                k += step
        return sorted(out)

    def _place(self, k: int, level: int) -> str:
        """What row ``k`` is to a row numbered at ``level``: "same", "other" (numbered otherwise: under it),
        "row" (an unnumbered project's row), "skip" (blank, a continuation) or "stop"."""
        row, j = self.rows[k], self.number_col
        number = row[j] if j < len(row) else None
        if not cells.is_empty(number):
            at = numeral_level(number)
            if at and _is_candidate(row, j, self.name_col):
                return "same" if at == level else "stop" if at < level else "other"  # （一） under 一: other
            at = at or _text_level(cells.display(number))
            if at:
                return "stop" if at <= level else "other"  # 二、新开工项目 in one cell; （一）工业 under 一
        what = classify(row, self.name_col, None, j, self.rules.spans.get(k, {}))
        if not cells.is_empty(number):  # 1, ①, 1-1, （1） — or 合计 in the 序号 column
            return "stop" if what is not None and what[0] in ("total", "note", "title") else "other"
        if what is None:
            named = self.name_col is not None and self.name_col < len(row) and not cells.is_empty(row[self.name_col])
            return "row" if named else "skip"
        return "skip" if what[0] == "blank" else "stop"

    def _verdict(self, i: int) -> str:
        if i in self.verdicts:
            return self.verdicts[i]
        row = self.rows[i]
        level = numeral_level(row[self.number_col])
        verdict = SECTION
        if not _COUNT_RE.search(cells.display(row[self.name_col or 0])):
            under: list[int] = []
            k, numbered = i + 1, False
            while k < len(self.rows) and not numbered:
                what = self._place(k, level)
                if what in ("same", "stop"):
                    break
                numbered = what == "other"
                if what == "row":
                    under.append(k)
                k += 1
            given = [j for j in self.figures if j < len(row) and row[j].__class__ in (int, float)]
            details = any(j < len(row) and not cells.is_empty(row[j]) and (i, j) not in self.merged
                          for j in self.details)  # fmt: skip
            if numbered or (under and given and self._adds_up(i, under, given)):
                verdict = SECTION
            elif under:
                verdict = PROJECT if details else UNSURE
            else:
                verdict = PROJECT if details or given else SECTION
        self.verdicts[i] = verdict
        return verdict

    def _adds_up(self, i: int, under: list[int], given: list[int]) -> bool:
        """Row ``i``'s every figure is the sum of the rows ``under`` it (numbers only)."""
        for j in given:
            total = sum(v for k in under if j < len(self.rows[k]) and (v := self.rows[k][j]).__class__ in (int, float))
            if abs(self.rows[i][j] - total) > 1e-6 * max(1.0, abs(total)):
                return False
        return True


def numeral_kind(rules: RowRules, i: int) -> str:
    """SECTION, PROJECT or ASK for a row classify took for a section (``i``: its index in sheet.rows)."""
    if rules.number_col is None:
        return SECTION
    if rules.numerals is None:
        rules.numerals = NumeralRows(rules)
    return rules.numerals.kind(i)
