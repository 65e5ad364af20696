"""Months not reported, in the key figures (the summary's year to date, its growth, and its lines by
sector, district and chain).

The unit that reports is the district: each sends one spreadsheet a month. A district's month is
*not reported* when nothing of that year is recorded of it (of its own or inside a figure of several
months) while a later month of the year has records of the district — its March report never
imported — and the district was reporting by then: it has records of an earlier month of the year, or
of that month the year before (a district whose only project started in April lacks no January). For
this year "later" stops at the period's month; last year runs to December. The projects without a
district (None) are one such unit too.

A district that *stopped* reporting: its months after its last record, up to the latest month any
district reported (this year's capped at the period's month, --through), are not reported too —
高要区 with January–August while the others reported through October lacks September and October; a
district with records the year before and none this year lacks those months. Only months the
district has in the other year of the comparison (this year's: last year's; last year's: this
year's or the year before's) count — those that would compare its months against nothing: a district
whose only project started this year and went on hold lacks nothing. What counts is the district's
records of any project (a 0 is a record): a project that finished while others of its district go
on reporting, or that reported 0, leaves nothing missing; a district with no record at all of a
month others reported did not send that month's sheet (a district sheet lists its projects every
month).

Unless none of its projects is still *expected* to report then (:func:`expected`, the one rule for
every view: tiles, ``summary`` and --json, the charts, the PDF's hatching, the export; over the
projects of the view's filter). A project is expected to report every month while it is building
(在建, 设备调试, 试产), or neither ended nor without a record (a lead, signed or preparing project
with an investment record); a lead, signed or preparing one with no record has nothing to report yet.
One that ended — in production 投产 (竣工, 建成 and the like are read as it), cancelled 终止, on hold
停缓建 — is expected only through the later of its district's last record and its production date
(投产时间, of one in production). So 高要区, whose projects all went into production in June and
reported January–June, lacks no month after June (this year, nor the next) while the others report
through October: its growth is its own six months against last year's, plainly. A project's status
history is not used for when it ended: an import dates a status change by the day of the import, not
by the month reported, and would keep every finished project expected through that day.

A line (the total, a sector, a district) lacks a district's month not reported when it has records
in that district after that month (a sector whose projects there ended in February lacks nothing),
and lacks the months after a district stopped when it was in the district's last report.
Its year to date stays what was reported; its growth compares like with like: the district-months
not reported in either year are left out of both years' sums. Where a figure covering several months
(1–6月) holds such a month, it cannot be split, and like with like has no figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.status import Status
from zqtracker.stats.cube import InvestmentCell, InvestmentCube

Pair = tuple[str | None, int]  # (district, month)
# the statuses of a project that has ended (nothing more to report), and of one building (reports every
# month, with a record yet or not): stored values, as storage/stats_queries.py groups the projects by
ENDED = (Status.IN_PRODUCTION.value, Status.CANCELLED.value, Status.ON_HOLD.value)
BUILDING = (Status.UNDER_CONSTRUCTION.value, Status.COMMISSIONING.value, Status.TRIAL_PRODUCTION.value)


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
    for c in cube.cells:  # a figure covering ``through`` together with later months reports those up to it
        if c.year == year and c.first is not None and c.first <= through < c.month:
            months.setdefault((c.district, c.year), set()).update(range(c.first, through + 1))
    return {year: _unreported(cube, months, year), year - 1: _unreported(cube, months, year - 1)}


def expected(
    cube: InvestmentCube, months: dict[tuple[str | None, int], set[int]], d: str | None, ym: tuple[int, int]
) -> bool:
    """Some project of district ``d`` is still expected to report (year, month) ``ym``: one not ended
    (``cube.ends`` lacks the district), or ``ym`` is not after both the district's latest record
    (``months``: (district, year) → the months it has) and its projects' latest production date."""
    end = cube.ends.get(d)
    if end is None:
        return True
    last = max(((y, max(got)) for (dd, y), got in months.items() if dd == d and got), default=(0, 0))
    return ym <= max(end, last)


def gaps(cube: InvestmentCube, year: int, through: int, dim: str | None = None) -> dict[str | None, Gaps]:
    """Per key of ``dim`` (None: the total, under the key None) the months not reported through
    ``through``; keys lacking none are left out."""
    missing_ = missing(cube, year, through)
    if not missing_[year] and not missing_[year - 1]:
        return {}
    cells = [c for c in cube.cells if c.year == year - 1 or (c.year == year and c.month <= through)]
    # the latest month of each line (``_UNIT``: of the district itself) in each district and year
    latest: dict[tuple[object, int, str | None], int] = {}
    for c in (*cells, *(c for c in cube.cells if c.year == year - 2)):
        for k in ((_key(c, dim), c.year, c.district), (_UNIT, c.year, c.district)):
            latest[k] = max(latest.get(k, 0), c.month)

    def last(key: object, y: int, d: str | None) -> tuple[int, int] | None:
        """The latest record (year, month) of ``key`` in ``d`` up to ``y`` (the year before too)."""
        return next(((yy, latest[(key, yy, d)]) for yy in (y, y - 1) if (key, yy, d) in latest), None)

    def lacks(key: str | None, y: int, d: str | None, m: int) -> bool:
        if latest.get((key, y, d), 0) > m:  # inside the line's records there
            return True
        # after the district stopped, when the line was in its last report
        return latest.get((_UNIT, y, d), 0) < m and last(key, y, d) == last(_UNIT, y, d)

    out: dict[str | None, Gaps] = {}
    for key in {_key(c, dim) for c in cells}:
        lacking = {y: {(d, m) for d, m in missing_[y] if m <= through and lacks(key, y, d, m)} for y in missing_}
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


_UNIT = object()  # the key of the district itself (every line of it) in ``latest``


def _key(c: InvestmentCell, dim: str | None) -> str | None:
    return getattr(c, dim) if dim else None


def may_stop(cells: list[InvestmentCell]) -> set[str | None]:
    """The districts lacking a month of a year, before that year's latest month any district has: the
    only ones :func:`expected` may be asked of (a district with every month has none missing), so the
    only ones whose projects' ends need looking up (``InvestmentCube.ends``)."""
    months: dict[tuple[str | None, int], set[int]] = {}
    for c in cells:
        months.setdefault((c.district, c.year), set()).update(covered(c))
    last: dict[int, int] = {}
    for (_d, y), got in months.items():
        last[y] = max(last.get(y, 0), max(got, default=0))
    return {
        d
        for d in {d for d, _y in months}
        for y, end in last.items()
        if not set(range(1, end + 1)) <= months.get((d, y), set())
    }


def covered(c: InvestmentCell) -> range:
    return range(c.first or c.month, c.month + 1)


def _unreported(cube: InvestmentCube, months: dict[tuple[str | None, int], set[int]], year: int) -> set[Pair]:
    """(district, month) of ``year`` with no record while a later month of the district has one, and
    an earlier month of ``year`` or the month of the year before has one; and a district's months
    after its last record (of ``year``, or of the year before) up to the latest month any district
    reported in ``year``, where it has that month the year before or after: it stopped reporting —
    each only while some project of the district is still :func:`expected` to report."""
    end = max((max(got) for (_, y), got in months.items() if y == year), default=0)
    out: set[Pair] = set()
    for d in {d for d, y in months if y in (year, year - 1)}:
        got = months.get((d, year), set())
        before = months.get((d, year - 1), set())
        other = before | months.get((d, year + 1), set())
        stop = max(got, default=0)
        gaps = {m for m in range(1, stop) if m not in got and (min(got) < m or m in before)}
        gaps |= {m for m in range(stop + 1, end + 1) if m in other}
        out |= {(d, m) for m in gaps if expected(cube, months, d, (year, m))}
    return out


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
