"""Which money columns a list's own totals (合计 above or below the rows, a section's 小计) are held against,
and each one's figures per project row (probe36a F7): the planned investment and a 1–X月累计, as before, and
every other figure the import stores per project — the year's plan (2026年计划投资), the sum since the start
(自开工累计), a month's own amount (10月 / 当月), the expected annual output and tax (预计年产值, 预计年税收).
A total that disagrees with its rows in any of them is the district's own sign that a row was dropped, misread
or mistyped.

A column is held against a total only where its figures are the project's one figure of that kind: not two
columns of one year's plan or of one month (which one the total sums is not known), not a period read twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from zqtracker.domain.total_messages import TotalFigure
from zqtracker.io.layout_model import SPAN, ColumnInfo, SheetLayout

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan


@dataclass(frozen=True)
class Figures:
    """One column a total is held against: ``kind`` planned, ytd, plan, since, month, output or tax; ``field``
    the field its cells' problems name; ``unit`` the key of plan.factors its figures were read in; ``period``
    (year, month) of a year to date or a month's amount, (year, 12) of a year's plan."""

    info: ColumnInfo
    kind: str
    field: str
    unit: str
    period: tuple[int, int] | None = None

    def pairs(self, plan: SheetPlan) -> list[tuple[int, int | None]]:
        """(data row k, its figure in yuan) for the rows read."""
        if self.kind in ("planned", "since", "output", "tax"):
            return list(enumerate(plan.column(self.field)))
        if self.kind == "ytd":
            return [(k, v) for k, y, m, v in plan.ytd if (y, m) == self.period]
        if self.kind == "plan":
            return [(k, v) for k, y, v in plan.plans if self.period and y == self.period[0]]
        return [(k, v) for k, y, m, v in plan.months if (y, m) == self.period]

    def what(self) -> TotalFigure:
        """The figure in a message's words: the plan for 2026, completed since the start, …"""
        year, month = self.period or (None, None)
        return TotalFigure(self.kind, year, month)


def total_columns(layout: SheetLayout, off: int, planned: int | None, ask: bool) -> list[Figures]:
    """The columns a total row is held against: the planned investment's (``planned``: its index in the rows
    read, the sheet's columns from ``off``), and on a list of projects (``ask``) each year to date, year's plan,
    since-the-start sum, month's amount, expected annual output and tax that is the only column of its kind and
    period."""
    mapped = layout.mapped()
    out = [Figures(c, "planned", "planned_investment", "planned_investment") for c in mapped
           if c.field == "planned_investment" and c.index - off == planned]  # fmt: skip
    if not ask:
        return out
    periods = [c.period for c in mapped if c.period and c.field in ("ytd", SPAN)]  # (三季度 beside 1-9月累计)
    out += [Figures(c, "ytd", "ytd", "ytd", c.period) for c in mapped
            if c.field == "ytd" and c.period and periods.count(c.period) == 1]  # fmt: skip
    years = [c.year or layout.year for c in mapped if c.field == "annual_plan"]
    out += [Figures(c, "plan", "annual_plan", "annual_plan", (y, 12)) for c in mapped
            if c.field == "annual_plan" and (y := c.year or layout.year) and years.count(y) == 1]  # fmt: skip
    since = [c for c in mapped if c.field == "since_start"]
    out += [Figures(c, "since", "since_start", "since_start", c.period) for c in since if len(since) == 1]
    months = [c.month for c in mapped if c.month is not None]
    out += [Figures(c, "month", c.field or "", "amount", c.month) for c in mapped  # type: ignore[arg-type]
            if c.month is not None and c.month[0] is not None and months.count(c.month) == 1]  # fmt: skip
    for field, kind in (("expected_annual_output", "output"), ("expected_annual_tax", "tax")):
        own = [c for c in mapped if c.field == field]
        out += [Figures(c, kind, field, field) for c in own if len(own) == 1]
    return out
