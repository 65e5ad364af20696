"""A row's year to date against the months stored before it, said as what happened (probe40a, 高要区's P18).

- 1–9月 5,100万 with 当月 150万 where 1–8月 5,200万 is stored: a downward correction of the year to date. It was
  refused as the 当月 and 1–X月 disagreeing, with --map <当月>=none as the first way on — which only led to the
  next refusal. Said now first and plainly: 1–9月 5,100万 is below the 1–8月 5,200万 on record
  (ytd_below_stored_month), its ways on the stored months or the year to date.
- The same with the 当月 left out (--map <当月>=none): "year to date through 2026-09 (51,000,000 yuan) is below …"
  named no project and gave yuan, its cell 51000000 where the sheet shows 5,100. Now the project, and the cell as
  shown (ytd_below_stored; ytd_below_earlier when the earlier figure is the file's own).
- September's 当月 150万 and 1–9月 5,100万 after a stored 1–7月 5,000万, August never imported: "the amounts given
  for months 8–9 add up to ¥1.50 mn, but …" — only September's was given. Now what is stored, that August was
  never reported, what it would be (−50万), and the ways on (month_gap_disagree_stored).

Every figure as the sheet shows it and to the yuan, "5,100万元 (¥51,000,000)" (domain/money_format.SheetFigure):
"¥51.00 mn" is in no cell of a sheet in 万元.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan, ytd_points
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money_format import SheetFigure
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import Context, SheetAnalysis


def fall_said(project: str, when: tuple[int, int, int], ytd: int, before: int, factor: int) -> dict[str, object]:
    """The figures every message here gives: the project, the year, month and month before (``when``), the year
    to date and the one through the month before, as the year to date column shows them (``factor`` yuan)."""
    y, m, prev = when
    said: dict[str, object] = {"project": project, "year": y, "month": m, "prev": prev}
    return said | {"ytd": SheetFigure(ytd, factor), "before": SheetFigure(before, factor)}


def with_month(
    project: str, when: tuple[int, int, int], figures: tuple[int, int, int], units: tuple[int, int], first: int
) -> Problem:
    """The problem of a row giving its month's own amount (当月) with its year to date: ``when`` (year, month, the
    last month stored before), ``figures`` (the year to date, the stored one through that month, the 当月),
    ``first`` (the first month after the stored ones), ``units`` (the 当月's yuan factor, the year to date's).
    Below the stored year to date; else after months never reported that the two figures leave less than nothing
    for. (The caller adds the columns.)"""
    y, m, prev = when
    ytd, before, own = figures
    said = fall_said(project, when, ytd, before, units[1]) | {"value": SheetFigure(own, units[0])}
    if ytd < before:
        return Problem("ytd_below_stored_month", "amount", said)
    said |= {"first": first, "gap": MonthSpan(y, prev + 1, m - 1), "span": SheetFigure(ytd - before, units[1])}
    return Problem("month_gap_disagree_stored", "amount", said | {"derived": SheetFigure(ytd - before - own, units[0])})


def derived_fall(p: Problem, project: str, stored: list[InvestmentRecord], reported: dict, factor: int) -> Problem:
    """derive_from_ytd's ytd_decrease (its figures in yuan, no project) as this row's: below the stored year to date
    of the month before, or below the file's own; any other problem as it is."""
    if p.code == "ytd_above_later":
        return _above_later(p, project, stored, reported, factor)
    if p.code != "ytd_decrease":
        return p
    y, m, prev, value, previous = (p.params[k] for k in ("year", "month", "previous_month", "value", "previous"))
    assert isinstance(y, int) and isinstance(m, int) and isinstance(prev, int)
    assert isinstance(value, int) and isinstance(previous, int)
    said = fall_said(project, (y, m, prev), value, previous, factor)
    on_record = prev not in reported and ytd_points(stored).get(prev) == previous
    return Problem("ytd_below_stored" if on_record else "ytd_below_earlier", "amount", said)


def _above_later(p: Problem, project: str, stored: list[InvestmentRecord], reported: dict, factor: int) -> Problem:
    """ytd_above_later (a report of an earlier month above the stored year to date of a later one; its figures in
    yuan, no project) as this row's, when the later figure is on record; else as it is."""
    y, m, later_month, value, later = (p.params[k] for k in ("year", "month", "later_month", "value", "later"))
    assert isinstance(later, int) and isinstance(value, int)
    if later_month in reported or ytd_points(stored).get(later_month) != later:
        return p
    said = {"project": project, "year": y, "month": m, "later_month": later_month}
    return Problem("ytd_above_stored_later", "amount", said | {"ytd": SheetFigure(value, factor),
                                                               "later": SheetFigure(later, factor)})  # fmt: skip


def row_project(ctx: Context, sa: SheetAnalysis, target: int, k: int) -> str:
    """The project of row ``k`` as a message names it: a stored one's code and name, a new one's name as written."""
    from zqtracker.services.import_shifts import project_label  # (it imports import_figures, which imports this)

    if target > 0:
        return project_label(ctx, target, {})
    plan = sa.plan
    names = None if plan is None else plan.values.get("name")
    code = None if plan is None else plan.values.get("code")
    said = [str(v[k]) for v in (code, names) if v and k < len(v) and v[k]]
    return " ".join(said)


def ytd_factor(plan: SheetPlan) -> int:
    """The yuan factor of the sheet's years to date: their column's, or a long sheet's amount column's (its month
    cells say "1-10月")."""
    return plan.factors.get("ytd") or plan.factors.get("amount") or 1
