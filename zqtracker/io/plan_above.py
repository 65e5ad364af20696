"""The sheet's own totals against the rows read: its 合计 rows (io/plan_finish.py), and a summary block ABOVE the
header, as bureau lists write it:

    肇庆市鼎湖区2025年重点项目计划表
    共3个项目，总投资4.30005亿元。                                  ← a sentence in a line above, or
    合计         |  | 3个 |  | 43000.5 | 6700                      ← a total in the table's own columns
    其中：新开工  |  | 1个 |  | 20000   | 3000
    序号 | 项目名称 | 建设单位 | 建设性质 | 总投资（万元）| 1-10月累计完成投资（万元）

Read past before, it said nothing of the rows under it: a row left out, or a breakdown read as a project, went
unseen though the sheet itself tells the count and the sums. Only clear totals are taken: one row above the header
labelled as the grand total (合计, 总计, 合计（3个）: never 其中 / 小计 / 新开工) whose figures stand in the table's
own planned-investment or 1–X月累计 columns, its count in its label or a cell of its own (3个, 共3项); or the
sentence 共N个项目，(计划)总投资X亿元 / 万元 (共计 / 共有 too; 约 / 超 / 近 make it no total). A figure agrees within
half a unit of its last written digit (a total typed rounded). Where one differs, a question of the sheet naming
the cell and both figures; where all agree, a note saying so — evidence the rows were read right.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from zqtracker.domain.above_messages import AgreedFigures
from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount, SheetFigure
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import PROJECTS, SheetLayout
from zqtracker.io.numfmt import column_letter
from zqtracker.io.plan_below import below_totals
from zqtracker.io.reader import RawSheet
from zqtracker.io.subtotals import near, refused_or_pairs
from zqtracker.io.total_columns import Figures, total_columns
from zqtracker.io.values import fold

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_TOTAL_RE = re.compile(
    r"^(?:合计|总计|共计|总合计|全部合计|全[市区县]合计):?(?:\(?共?(\d{1,7})(?:个|项)(?:项目)?\)?)?$"
)
_COUNT_RE = re.compile(r"^共?(\d{1,7})(?:个|项)(?:项目)?$")
_SENTENCE_RE = re.compile(
    r"共[计有]?(\d{1,7})个(?:重点)?项目[,;、]?(?:计划)?总投资(?:额)?(?:为|达)?(\d[\d,]*(?:\.\d+)?)(亿元|万元|元)"
)
_FACTORS = {"亿元": 100_000_000, "万元": 10_000, "元": 1}


def sheet_totals(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, planned: int | None) -> None:
    """The 合计 rows among the rows (io/plan_below.py) and the block above the header."""
    below_totals(plan, sheet, layout, planned)
    if plan.hidden or plan.struck or not plan.data_rows:  # (rows nobody has said to read or leave: asked first)
        return
    if layout.kind != PROJECTS or plan.row_months is not None:  # rows of months, not one a project
        return
    above = sheet.rows[: max(layout.header_row - sheet.row_offset, 0)]
    found = [(i, row) for i, row in enumerate(above) if _label(row) is not None]
    if len(found) == 1:
        _total_row(plan, sheet, layout, *found[0])
    sentences = [(i, j, m) for i, row in enumerate(above) for j, v in enumerate(row) if (m := _sentence(v))]
    if len(sentences) == 1:
        _sentence_total(plan, sheet, *sentences[0])


def _label(row: list) -> re.Match | None:
    text = next((v for v in row if v.__class__ is str and v.strip()), None)
    return _TOTAL_RE.match(fold(text)) if text is not None else None


def _sentence(value: object) -> re.Match | None:
    return _SENTENCE_RE.search(fold(value)) if value.__class__ is str and "项目" in value else None


class _Check:
    """The figures one total gives, held against the rows: what differs becomes a sheet problem, what agrees
    the note's figures."""

    def __init__(self, plan: SheetPlan, sheet: RawSheet, row: int) -> None:
        self.plan, self.sheet, self.row = plan, sheet, row  # row: the sheet's 1-based row
        self.differs = False
        self.count: int | None = None
        self.planned: SheetAmount | None = None
        self.ytd: list[tuple[int, int, SheetAmount]] = []

    def counted(self, declared: int, letter: str, value: str) -> None:
        if declared == len(self.plan):
            self.count = declared
            return
        said = {"declared": declared, "count": len(self.plan)}
        self._problem(letter, "", value, Problem("above_count_differs", None, said))

    def amount(self, written: Decimal, factor: int, at: tuple[str, str], figures: Figures | None) -> None:
        """``written`` in ``factor`` yuan against the rows' sum of the column ``figures`` (None: the planned
        investment, as a sentence above the table gives it)."""
        plan = self.plan
        kind, field = (figures.kind, figures.field) if figures else ("planned", "planned_investment")
        unit = figures.unit if figures else field
        if figures is not None and kind not in ("planned", "ytd"):
            pairs = refused_or_pairs(plan, figures, plan.factors.get(unit))
            if pairs is None:
                return
            values = [v for _k, v in pairs if v is not None]
        elif any(p.problem.field == field for ps in plan.problems.values() for p in ps):
            return  # a refused figure: its row's problem says so first
        elif kind == "planned":
            values = [v for v in plan.column("planned_investment") if v is not None]
        else:
            values = [v for _k, y, m, v in plan.ytd if figures and (y, m) == figures.period]
        if not values or any(v.__class__ is not int for v in values):
            return
        total = sum(values)
        declared = written * factor
        rows_factor = plan.factors.get(unit) or factor
        if near(written, factor, [total]):
            amount = SheetAmount(int(declared.to_integral_value()), factor)
            if kind == "planned":
                self.planned = amount
            elif kind == "ytd" and figures and figures.period:
                self.ytd.append((*figures.period, amount))
            return
        said: dict[str, object] = {"declared": SheetAmount(int(declared.to_integral_value()), factor)}
        said |= {"counted": SheetAmount(total, rows_factor), "count": len(plan)}
        code = "above_planned_differs"
        if kind == "ytd" and figures and figures.period:
            said |= {"year": figures.period[0], "month": figures.period[1]}
            code = "above_ytd_differs"
        elif figures is not None and kind != "planned":
            said |= {"declared": SheetFigure(int(declared.to_integral_value()), factor)}
            said |= {"counted": SheetFigure(total, rows_factor), "what": figures.what()}
            code = "above_figure_differs"
        self._problem(*at, f"{written.normalize():,f}", Problem(code, field, said))

    def _problem(self, letter: str, header: str, value: str, problem: Problem) -> None:
        self.differs = True
        self.plan.sheet_problems.append(CellProblem(self.sheet.name, self.row, letter, header, value, problem))

    def note(self) -> None:
        if self.differs or (self.count is None and self.planned is None and not self.ytd):
            return
        figures = AgreedFigures(self.count, self.planned, tuple(self.ytd))
        said = {"sheet": self.sheet.name, "row": self.row, "count": len(self.plan), "figures": figures}
        self.plan.notes.append(Problem("note_above_agrees", None, said))


def _total_row(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout, i: int, row: list) -> None:
    """A 合计 row above the header: its count and its figures in the table's planned and 1–X月累计 columns."""
    check = _Check(plan, sheet, sheet.row_offset + i + 1)
    label = _label(row)
    counts = {int(m[1]): j for j, v in enumerate(row) if v.__class__ is str and (m := _COUNT_RE.match(fold(v)))}
    if label is not None and label[1]:
        counts.setdefault(int(label[1]), row.index(next(v for v in row if v.__class__ is str and v.strip())))
    off = sheet.col_offset
    planned = next((c.index - off for c in layout.mapped() if c.field == "planned_investment"), None)
    for figures in total_columns(layout, off, planned, True):
        j = figures.info.index - off
        value = row[j] if 0 <= j < len(row) else None
        factor = plan.factors.get(figures.unit)
        if value.__class__ not in (int, float) or not factor:
            continue
        try:
            written = Decimal(repr(value))
        except InvalidOperation:
            continue
        if written.is_finite():
            check.amount(written, factor, (figures.info.letter, figures.info.header), figures)
    if len(counts) == 1:
        ((declared, j),) = counts.items()
        check.counted(declared, column_letter(j + off), str(row[j]))
    check.note()


def _sentence_total(plan: SheetPlan, sheet: RawSheet, i: int, j: int, m: re.Match) -> None:
    """共N个项目，总投资X亿元 in a line above the header: the count and the planned investment it gives."""
    check = _Check(plan, sheet, sheet.row_offset + i + 1)
    letter, text = column_letter(j + sheet.col_offset), str(sheet.rows[i][j])
    check.counted(int(m[1]), letter, text)
    check.amount(Decimal(m[2].replace(",", "")), _FACTORS[m[3]], (letter, ""), None)
    check.note()
