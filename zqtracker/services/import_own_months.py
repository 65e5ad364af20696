"""A year to date beside the months it sums, in one sheet (probe25d W10).

    1月 | 2月 | 3月 | 1-3月累计          10 | 10 | 10 | 30

The months are stored as given, and the 1-X月 figure is checked against them: what it gives for the months
it covers since the last figure known (stored, or an earlier 累计 of the row) must be their sum. Before,
only the month X beside it was taken out of it and the rest (1–2月 20) became a span of its own, which then
clashed with the sheet's own January and February — a file whose figures agree was refused as disagreeing
"with another sheet". Months the row leaves empty take what the year to date leaves for them: one run of
them (1–6月 before 7月…10月 given, 4–10月 after 1月…3月) as one figure over the run; several runs, only
when nothing is left (each then 0) — else whose is it? asked. A real disagreement is a problem of the row,
naming both figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money_format import SheetAmount
from zqtracker.io.row_ranges import empty_runs


@dataclass
class OwnMonths:
    """What a year to date through ``m`` and the sheet's own months it covers give."""

    problem: Problem | None = None
    points: dict[int, int] = field(default_factory=dict)  # month → the year to date at the end of an empty run
    below: list[InvestmentRecord] = field(default_factory=list)  # the own months before m, as records
    given: dict[int, int] = field(default_factory=dict)  # the own months first..m the sheet gives: month → yuan


def own_months(
    month_rows: dict, key: tuple[int, int], m: int, first: int, ytd: int, amount: int, units: tuple[int, int] = (1, 1)
) -> OwnMonths | None:
    """``ytd`` (through ``m``, giving ``amount`` for months first..m) against the sheet's own months of the
    project and year ``key``; None when the sheet gives none of first..m. ``month_rows``: (target, year,
    month) → (k, yuan); ``units``: the yuan factors the months and the year to date are written in."""
    target, y = key
    given = {j: month_rows[(target, y, j)][1] for j in range(first, m + 1) if (target, y, j) in month_rows}
    if not given:
        return None
    out = OwnMonths(below=[InvestmentRecord(target, y, j, v, None) for j, v in sorted(given.items()) if j < m])
    out.given = given
    rest = amount - sum(given.values())
    runs = empty_runs(first, m, set(given))
    if not runs:
        if rest != 0:
            out.problem = _disagree(first, (y, m), given, ytd, amount, units)
        return out
    if rest < 0:
        out.problem = _disagree(first, (y, m), given, ytd, amount, units)
        return out
    if rest > 0 and len(runs) > 1:
        months = ", ".join(f"{a}–{b}" if a < b else str(a) for a, b in runs)
        said = {"year": y, "month": m, "ytd": SheetAmount(ytd, units[1]), "value": SheetAmount(rest, units[0])}
        out.problem = Problem("months_gap_ytd", "amount", {**said, "months": months})
        return out
    for _a, b in runs:  # the year to date at each run's end: the whole less the months given after it
        out.points[b] = ytd - sum(v for j, v in given.items() if j > b)
    return out


def _disagree(
    first: int, when: tuple[int, int], given: dict[int, int], ytd: int, amount: int, units: tuple[int, int]
) -> Problem:
    y, m = when
    total = sum(given.values())
    if set(given) == {m} and total > ytd:
        return month_above_ytd(y, m, total, ytd, units)
    own, whole = units  # the month columns' unit, the year to date's: each amount as the sheet writes it
    said = {"year": y, "month": m, "value": SheetAmount(total, own), "ytd": SheetAmount(ytd, whole)}
    if set(given) == {m} and first == m:
        return Problem("month_ytd_disagree", "amount", {**said, "derived": SheetAmount(amount, own)})
    return Problem("months_ytd_disagree", "amount", {**said, "first": first, "derived": SheetAmount(amount, own)})


def month_above_ytd(y: int, m: int, own: int, ytd: int, units: tuple[int, int]) -> Problem:
    """Month ``m`` of ``y``'s own amount above its year to date: both in the units the sheet writes them in."""
    said = {"year": y, "month": m, "value": SheetAmount(own, units[0]), "ytd": SheetAmount(ytd, units[1])}
    return Problem("month_above_ytd", "amount", said)
