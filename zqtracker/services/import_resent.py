"""A month re-sent with its 当月 and its 1–X月累计, against the months stored before it (probe33a F6).

端州区 re-sends October: 10月 2,200万 and 1-10月 22,000万 where 2,100万 and 21,000万 are stored. The two figures
leave 19,800万 for 1–9月, but 18,900万 is stored: the row was refused as "does not agree with the year to date …
that gives ¥31.00 mn for the month", naming neither the project nor the stored 1–9月 it was held against, nor
what to do. Said now with every figure: the project (code and name), the file's two, what they leave for 1–9月,
the stored 1–9月 and October, and the two ways forward. (Figures that agree with the stored 1–9月 — 2,500 − 500
= 2,000 stored — are a corrected October, taken as before: the month replaced, the stored 1–9月 kept.) A year to
date below the stored one, and a 当月 after months never reported, are said by services/import_ytd_fall.py.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import ytd_points
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money_format import SheetAmount
from zqtracker.services.import_model import Context, SheetAnalysis
from zqtracker.services.import_own_months import OwnMonths
from zqtracker.services.import_ytd_fall import with_month

_OWN = ("month_ytd_disagree", "months_ytd_disagree")  # the row's 当月 against its 1–X月 (import_own_months.py)


def resent_problem(
    ctx: Context,
    key: tuple[int, int, int],
    figures: tuple[int, int],
    own: OwnMonths,
    units: tuple[int, int],
    sa: SheetAnalysis,
) -> Problem | None:
    """The problem of a row whose month ``key`` (project, year, month) of its own (当月) and year to date
    (``figures``: the 1–X月, what it leaves for the month) disagree because of the months 1–(X−1) stored
    before it; None when the disagreement is of another kind (months given beside it, an earlier 1–X月 of the
    row or another sheet of the file giving the months before)."""
    from zqtracker.services.import_shifts import project_label

    target, y, m = key
    ytd, amount = figures
    if target <= 0 or own.problem is None or own.problem.code not in _OWN or set(own.given) != {m}:
        return None
    first = own.problem.params.get("first", m)  # after months never reported (8–9月 after a stored 1–7月): < m
    assert isinstance(first, int)
    stored = [_record(ctx, target, y, j) for j in range(1, 13)]
    before = ytd_points(r for r in stored if r is not None and r.month < m).get(first - 1)
    if before is None or ytd - before != amount:  # (the months before came from elsewhere)
        return None
    whole, own_unit = units[1], units[0]
    value = own.given[m]
    project = project_label(ctx, target, {})
    if ytd < before or first < m:  # below the year to date on record; or months unreported left less than nothing
        problem = with_month(project, (y, m, first - 1), (ytd, before, value), units, first)
        return Problem(problem.code, problem.field, problem.params | _columns(sa, y, m))
    said: dict[str, object] = {"project": project, "year": y, "month": m, "prev": m - 1}
    said |= _columns(sa, y, m)
    said |= {"value": SheetAmount(value, own_unit), "ytd": SheetAmount(ytd, whole)}
    said |= {"file_before": SheetAmount(ytd - value, whole), "before": SheetAmount(before, whole)}
    month = stored[m - 1]
    if month is None or (month.first_month or m) != m:
        return Problem("month_disagree_stored", "amount", said)
    return Problem("resent_month_disagree", "amount", {**said, "stored": SheetAmount(month.amount, own_unit)})


def _columns(sa: SheetAnalysis, y: int, m: int) -> dict[str, object]:
    """The 当月 column and the 1–X月 column, by letter and header, and what --map takes for each (probe37a P37a-4:
    only the 1–X月 column was named, while the 当月 may as well be the figure that is wrong)."""
    said: dict[str, object] = {}
    for fields, side in ((("month_column", "amount"), "own"), (("ytd",), "ytd")):
        cols = [c for c in sa.layout.mapped() if c.field in fields]
        info = next((c for c in cols if (y, m) in (c.period, c.month)), cols[0] if cols else None)
        letter, header = (info.letter, info.header) if info is not None else ("?", "")
        plain = header and not any(ch.isspace() or ch in "=\"'" for ch in header)
        said |= {f"{side}_letter": letter, f"{side}_header": header, f"{side}_key": header if plain else letter}
    return said


def _record(ctx: Context, pid: int, y: int, m: int) -> InvestmentRecord | None:
    row = ctx.investment.get((pid, y, m))
    if row is None:
        return None
    return InvestmentRecord(pid, y, m, row[0], row[3] if len(row) > 3 else None)
