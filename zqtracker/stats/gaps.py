"""Months not reported, in the key figures (the summary's year to date, its growth, and its lines by
sector, district and chain).

The unit that reports is the district: each sends one spreadsheet a month. A district's month is
*not reported* when nothing of that year is recorded of it (of its own or inside a figure of several
months) while a later month of the year has records of the district — its March report never
imported — and the district was reporting by then: it has records of an earlier month of the year, or
of that month the year before (a district whose only project started in April lacks no January). For
this year "later" stops at the period's month; last year runs to December. The projects without a
district (None) are one such unit too.

A line (the total, a sector, a district) lacks a district's month not reported when it has records
in that district after that month (a sector whose projects there ended in February lacks nothing).
Its year to date stays what was reported; its growth compares like with like: the district-months
not reported in either year are left out of both years' sums. Where a figure covering several months
(1–6月) holds such a month, it cannot be split, and like with like has no figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.stats.cube import InvestmentCell, InvestmentCube

Pair = tuple[str | None, int]  # (district, month)


@dataclass(frozen=True, slots=True)
class Gaps:
    """The months of a line not reported, this year and last, through the period."""

    year: int = 0
    this: tuple[int, ...] = ()  # months of ``year`` not reported
    prior: tuple[int, ...] = ()  # months of ``year`` − 1 not reported
    # both years' sums leaving out those district-months (of either year); None: a figure of several
    # months holds one of them (cannot be split)
    like: tuple[int, int] | None = None
    # the named districts lacking a month of ``year`` when others have it (empty: every district lacks it)
    districts: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.this or self.prior)

    def to_json(self) -> dict:
        like = self.like
        return {
            "unreported_months": {str(self.year): list(self.this), str(self.year - 1): list(self.prior)},
            "like_for_like_ytd_yuan": None if like is None else like[0],
            "like_for_like_prior_ytd_yuan": None if like is None else like[1],
        }


def missing(cube: InvestmentCube, year: int, through: int) -> dict[int, set[Pair]]:
    """``year`` and ``year`` − 1 → the (district, month) pairs not reported (``year``'s through
    ``through``): the one rule behind the key figures, the charts and the export's tables."""
    cells = [c for c in cube.cells if c.year == year - 1 or (c.year == year and c.month <= through)]
    months: dict[tuple[str | None, int], set[int]] = {}
    for c in (*cells, *(c for c in cube.cells if c.year == year - 2)):
        months.setdefault((c.district, c.year), set()).update(covered(c))
    return {year: _unreported(months, year), year - 1: _unreported(months, year - 1)}


def gaps(cube: InvestmentCube, year: int, through: int, dim: str | None = None) -> dict[str | None, Gaps]:
    """Per key of ``dim`` (None: the total, under the key None) the months not reported through
    ``through``; keys lacking none are left out."""
    missing_ = missing(cube, year, through)
    if not missing_[year] and not missing_[year - 1]:
        return {}
    cells = [c for c in cube.cells if c.year == year - 1 or (c.year == year and c.month <= through)]
    # the latest month of each line in each district and year: a line lacks a district's month before it
    latest: dict[tuple[str | None, int, str | None], int] = {}
    for c in cells:
        k = (_key(c, dim), c.year, c.district)
        latest[k] = max(latest.get(k, 0), c.month)
    out: dict[str | None, Gaps] = {}
    for key in {_key(c, dim) for c in cells}:
        lacking = {
            y: {(d, m) for d, m in missing_[y] if m <= through and latest.get((key, y, d), 0) > m} for y in missing_
        }
        if not lacking[year] and not lacking[year - 1]:
            continue
        mine = [c for c in cells if _key(c, dim) == key and c.month <= through]
        out[key] = Gaps(
            year,
            tuple(sorted({m for _, m in lacking[year]})),
            tuple(sorted({m for _, m in lacking[year - 1]})),
            _like(mine, year, lacking[year] | lacking[year - 1]),
            _who(lacking[year], cells, year),
        )
    return out


def _key(c: InvestmentCell, dim: str | None) -> str | None:
    return getattr(c, dim) if dim else None


def covered(c: InvestmentCell) -> range:
    return range(c.first or c.month, c.month + 1)


def _unreported(months: dict[tuple[str | None, int], set[int]], year: int) -> set[Pair]:
    """(district, month) of ``year`` with no record while a later month of the district has one, and
    an earlier month of ``year`` or the month of the year before has one."""
    return {
        (d, m)
        for (d, y), got in months.items()
        if y == year
        for m in range(1, max(got))
        if m not in got and (min(got) < m or m in months.get((d, year - 1), ()))
    }


def _like(cells: list[InvestmentCell], year: int, dropped: set[Pair]) -> tuple[int, int] | None:
    current = prior = 0
    for c in cells:
        inside = [m for m in covered(c) if (c.district, m) in dropped]
        if inside and c.first is not None:
            return None  # a figure of several months holding a month left out: it cannot be split
        if inside:
            continue
        if c.year == year:
            current += c.amount
        else:
            prior += c.amount
    return current, prior


def _who(lacking: set[Pair], cells: list[InvestmentCell], year: int) -> tuple[str, ...]:
    """The districts lacking a month when another district has records of it (else none named)."""
    named: set[str] = set()
    for m in {m for _, m in lacking}:
        without = {d for d, mm in lacking if mm == m}
        if any(c.year == year and m in covered(c) and c.district not in without for c in cells):
            named |= {d for d in without if d is not None}
    return tuple(sorted(named))
