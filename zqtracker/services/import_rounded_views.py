"""One project on two sheets of a file whose amounts differ only by rounding: a city's 汇总 sheet in
亿元 with two decimals (0.80) beside the district's own sheet in exact 万元 (8,037) — probe25c c28.

The two sheets give one figure, not two: the exact one is kept and the rounded sheet named in a note.
Amounts that differ beyond the decimals a cell shows remain a problem of the later row, naming the
other sheet, its row and both amounts (the earlier message told the analyst to import the sheets one
at a time by month, which two sheets of one month cannot follow).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from zqtracker.domain.errors import Problem
from zqtracker.domain.rounding import money_rounded_places
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis


@dataclass(frozen=True)
class Given:
    """A year to date as one sheet gave it: yuan, the unit of its column, where."""

    ytd: int
    factor: int | None
    sheet: str
    row: int


def rounding_of(a: int, a_factor: int | None, b: int, b_factor: int | None) -> int:
    """1 when ``a`` (written in units of ``a_factor`` yuan) is ``b`` rounded to the decimals it shows,
    2 when ``b`` is ``a`` rounded, 0 otherwise (equal, or a real difference)."""
    if a == b:
        return 0
    if a_factor and a_factor > 1 and money_rounded_places(Decimal(a) / a_factor, a_factor, b) is not None:
        return 1
    if b_factor and b_factor > 1 and money_rounded_places(Decimal(b) / b_factor, b_factor, a) is not None:
        return 2
    return 0


def plans_rounding(p0: SheetPlan, p: SheetPlan, f: str, a: object, b: object) -> int:
    """1 when the earlier sheet's amount ``a`` of field ``f`` is the later's ``b`` rounded to the decimals
    it shows, 2 the other way round, 0 for anything else (not money, a real difference)."""
    if not isinstance(a, int) or not isinstance(b, int) or isinstance(a, bool) or f not in p.factors:
        return 0
    return rounding_of(a, p0.factors.get(f), b, p.factors.get(f))


def note_rounded(plan: SheetPlan, rounded: str, exact: str, row: int) -> None:
    """One note per pair of sheets, counting the rows: “汇总” rounds what “端州区” gives exactly."""
    for n, note in enumerate(plan.notes):
        if note.code == "note_rounded_view" and note.params["sheet"] == rounded and note.params["exact"] == exact:
            rows = note.params["rows"] | {row}  # (a project's planned amount and its year to date: one project)
            plan.notes[n] = Problem(
                note.code, None, {**note.params, "rows": rows, "count": len(rows), "row": min(rows)}
            )
            return
    params = {"sheet": rounded, "exact": exact, "row": row, "rows": frozenset({row}), "count": 1}
    plan.notes.append(Problem("note_rounded_view", None, params))


def remember(
    result: ImportAnalysis, sa: SheetAnalysis, target: int, y: int, months: dict[int, tuple[int, int]]
) -> None:
    """The years to date this sheet gave a project, for a later sheet giving them again."""
    plan = sa.plan
    assert plan is not None
    factor = plan.factors.get("ytd")
    for m, (ytd, k) in months.items():
        result.ytd_given.setdefault((target, y, m), Given(ytd, factor, sa.name, plan.row_numbers[k]))


EARLIER_ROUNDED, THIS_ROUNDED = 1, 2


def rounded_side(result: ImportAnalysis, sa: SheetAnalysis, key: tuple[int, int], months: dict) -> int:
    """Of a project's years to date this sheet gives (month → (yuan, k)) and an earlier sheet gave too:
    EARLIER_ROUNDED or THIS_ROUNDED when every one that differs is the other side rounded, the same side
    each time; else 0 (nothing given before, all equal, or a real difference)."""
    plan = sa.plan
    assert plan is not None
    sides = set()
    for m, (ytd, _k) in months.items():
        given = result.ytd_given.get((*key, m))
        if given is not None and given.ytd != ytd:
            sides.add(rounding_of(given.ytd, given.factor, ytd, plan.factors.get("ytd")))
    return sides.pop() if len(sides) == 1 else 0


def kept_earlier(sa: SheetAnalysis, key: tuple[int, int], months: dict, result: ImportAnalysis) -> None:
    """This sheet rounds what an earlier sheet gave exactly: the earlier records stand; a note."""
    plan = sa.plan
    assert plan is not None
    last = max(months)
    given = result.ytd_given[(*key, last)]
    note_rounded(plan, sa.name, given.sheet, plan.row_numbers[months[last][1]])


def took_exact(
    result: ImportAnalysis,
    sa: SheetAnalysis,
    key: tuple[int, int],
    months: dict,
    present: dict[tuple[int, int, int], int],
    earlier: int,
) -> set[int]:
    """An earlier sheet rounded what this one gives exactly: the indexes of its records of the project
    and year in ``result.records`` (among the first ``earlier``), to drop — this sheet's, derived from
    the same stored months, take their place (none where the exact figure is the one stored)."""
    target, y = key
    dropped = {n for n, r in enumerate(result.records[:earlier]) if r[0] == target and r[1] == y}
    for n in dropped:
        present.pop(result.records[n][:3], None)
    given = result.ytd_given[(*key, max(months))]
    assert sa.plan is not None
    note_rounded(sa.plan, given.sheet, sa.name, given.row)
    return dropped


def clash_problem(result: ImportAnalysis, key: tuple[int, int], months: dict, month: int | None = None) -> Problem:
    """Two sheets giving one project's year to date differently: both sheets, rows and amounts."""
    y, last = key[1], max(months)
    given = result.ytd_given.get((*key, last))
    if given is None or given.ytd == months[last][0]:  # another sheet's month this one moves (9月 below 10月)
        return Problem("ytd_other_sheet", "amount", {"value": f"{y}-{month or last:02d}"})
    params = {"value": f"{y}-{last:02d}", "here": f"{months[last][0]:,}", "other": f"{given.ytd:,}"}
    return Problem("ytd_differs_from_view", "amount", {**params, "sheet": given.sheet, "first_row": given.row})
