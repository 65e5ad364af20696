"""Rows numbered 一、二、三 or （一）（二） in the 序号 column, a name beside: section headings, or projects?

    一 | 新能源项目（2个）     |        | 38800          ← a section: its count, rows numbered 1, 2 under it
    1  | 江屯镇光伏发电项目     | 新能源 | 32000
    一 | 江屯镇光伏发电项目     | 新能源 | 32000 | 续建   ← a project: nothing under it before 二
    二 | 古水镇砂糖桔深加工项目 | 现代农业 | 6800 | 续建

Published lists number their projects either way, and a list of projects read as sections was 0 added, exit 0
(probe33c); sections read as projects counted the money twice (probe34a). A row's verdict is certain or asked,
never a guess, and weak evidence never overrides strong. Under a row lie the rows up to the next row numbered as
it is, a higher level, a total or a note.
- Certainly a section: rows numbered otherwise under it (1, （一） under 一, ①, 1-1); or its figures are the sums
  of the unnumbered rows under it; or a count in its name (（12个）); or rows under it and no figures of its own
  (blank or 0) nor details a project gives (行业, 所在地 — a 备注 such as 市发改局牵头, 暂无, 小计 tells nothing).
- Certainly a project: nothing under it and figures of its own (not 0).
- Any other row (figures over rows that they do not add up to; nothing under it and no figures; details over rows)
  is what the certain rows numbered as it is beside it are, when they all agree; else the sheet asks, naming the
  row and why. A run with certain sections and certain projects is asked too: a clear question, never a silent
  0 added or a section stored as a project.

While the rows are still streaming in, such a row waits (with every row after it) until the table is read:
its verdict needs the rows under it (``held_back``).
"""

from __future__ import annotations

import math
import re
import unicodedata
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
_REMARKS = ("notes", "progress_note")  # a 备注 tells nothing of what a row is (市发改局牵头, 暂无, 小计)


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
    name_col, texts = rules.name_col, (i for i in range(start, end) if j < len(rows[i]) and rows[i][j].__class__ is str)
    return next((i for i in texts if _is_candidate(rows[i], j, name_col)), end)  # (a number column of floats: fast)


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
        self.details = [j for j, info, _c in rules.columns
                        if not info.is_money and j not in named and info.field not in _REMARKS]  # fmt: skip
        off_r, off_c = rules.sheet.row_offset, rules.sheet.col_offset
        self.merged = {(r - off_r, c - off_c) for r0, c0, r1, c1 in rules.vertical  # (a district merged down)
                       for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}  # fmt: skip
        self.verdicts: dict[int, str] = {}
        self.why: dict[int, tuple[str, dict[str, object]]] = {}  # an unsure row: its question's code, params
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
        sections = [k for k in run if said[k] == SECTION]
        projects = [k for k in run if said[k] == PROJECT]
        own = said[i]
        if sections and projects and own != SECTION:  # some over rows of their own, some not: which are they?
            code = "numeral_row_unclear" if own == PROJECT else "numeral_row_unclear_split"
            self._ask(i, run, code, {"sections": self._numbers(sections), "projects": self._numbers(projects)})
            return ASK
        if own != UNSURE:
            return own  # (certain: never changed by the rows beside it)
        if sections or projects:
            return SECTION if sections else PROJECT  # what the certain rows numbered alike all are
        self._ask(i, run, *self.why[i])
        return ASK

    def _numbers(self, rows: list[int]) -> str:
        return "、".join(cells.display(self.rows[k][self.number_col]).strip() for k in rows)

    def _ask(self, i: int, run: list[int], code: str, params: dict[str, object]) -> None:
        if self.asked & set(run):
            return
        self.asked.add(i)
        rules, row = self.rules, self.rows[i]
        number, name = cells.display(row[self.number_col]).strip(), cells.display(row[self.name_col or 0]).strip()
        where = self._column(self.name_col)
        problem = Problem(code, "name", {"value": number, "name": name, **params})
        row_number = i + rules.sheet.row_offset + 1
        rules.plan.sheet_problems.append(CellProblem(rules.sheet.name, row_number, *where, number, problem))

    def _column(self, j: int | None) -> tuple[str, str]:
        """Column ``j``'s letter and header."""
        info = next((info for k, info, _c in self.rules.columns if k == j), None)
        return (info.letter, info.header) if info is not None else ("", "")

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

    def _under(self, i: int) -> tuple[list[int], bool]:
        """The unnumbered rows under row ``i``, and whether a row numbered otherwise is among them."""
        level, k = numeral_level(self.rows[i][self.number_col]), i + 1
        under: list[int] = []
        while k < len(self.rows):
            what = self._place(k, level)
            if what in ("same", "stop"):
                break
            if what == "other":
                return under, True
            if what == "row":
                under.append(k)
            k += 1
        return under, False

    def _verdict(self, i: int) -> str:
        if i not in self.verdicts:
            self.verdicts[i] = self._judge(i)
        return self.verdicts[i]

    def _judge(self, i: int) -> str:
        row = self.rows[i]
        if _COUNT_RE.search(cells.display(row[self.name_col or 0])):
            return SECTION
        under, numbered = self._under(i)
        own = {j: v for j in self.figures if j < len(row) and (v := _figure(row[j]))}  # (0 is no figure)
        if numbered:
            return SECTION
        if not under:
            if own:
                return PROJECT
            self.why[i] = ("numeral_row_unclear_empty", {})
            return UNSURE
        if own:
            differs = self._differs(under, own)
            if differs is None:
                return SECTION
            j, total = differs
            params = {"count": len(under), "header": self._column(j)[1], "figure": _shown(own[j]), "sum": _shown(total)}
            self.why[i] = ("numeral_row_unclear_sum", params)
            return UNSURE
        detail = next((j for j in self.details if self._detail(i, j)), None)
        if detail is None:
            return SECTION
        params = {"count": len(under), "header": self._column(detail)[1], "detail": cells.display(row[detail]).strip()}
        self.why[i] = ("numeral_row_unclear_details", params)
        return UNSURE

    def _detail(self, i: int, j: int) -> bool:
        """Row ``i`` gives column ``j`` (not a 备注) a value of its own, as a project does: not merged down from
        above, not a placeholder, not its own name again (一 | 端州区 | 所属县区 端州区)."""
        row = self.rows[i]
        if j >= len(row) or cells.is_empty(row[j]) or cells.is_placeholder(row[j]) or (i, j) in self.merged:
            return False
        return cells.display(row[j]).strip() != cells.display(row[self.name_col or 0]).strip()

    def _differs(self, under: list[int], own: dict[int, float]) -> tuple[int, float] | None:
        """The first column whose figure is not the sum of the rows ``under`` it (numbers written as text
        counted), with that sum; None when every figure is its rows' sum."""
        for j, figure in own.items():
            total = sum(_figure(self.rows[k][j]) for k in under if j < len(self.rows[k]))
            if abs(figure - total) > 1e-6 * max(1.0, abs(total)):
                return j, total
        return None


def _figure(value: Any) -> float:
    """A figure of a money cell: a number, or a number written as text ("6000", "1,200.5"); 0 for any other."""
    c = value.__class__
    if c is int or c is float:
        return float(value) if math.isfinite(value) else 0.0
    if c is not str:
        return 0.0
    try:
        number = float(unicodedata.normalize("NFKC", value).replace(",", "").strip())
    except ValueError:
        return 0.0
    return number if math.isfinite(number) else 0.0


def _shown(number: float) -> str:
    """16000.199999999997 as 16000.2, 16000.0 as 16000."""
    return f"{number:.4f}".rstrip("0").rstrip(".")


def numeral_kind(rules: RowRules, i: int) -> str:
    """SECTION, PROJECT or ASK for a row classify took for a section (``i``: its index in sheet.rows)."""
    if rules.number_col is None:
        return SECTION
    if rules.numerals is None:
        rules.numerals = NumeralRows(rules)
    return rules.numerals.kind(i)
