"""Month by month, like with like: the one reckoning behind every chart and table over the months
(the dashboard's and ``zqtracker chart``'s monthly and growth charts, the workbook's monthly table,
the overview's trend chart).

A month's amount is the sum of the projects whose month it is on its own. A figure one project
reported for several months (1–6月, a *span*) is never spread: it stands apart at its last month
and counts in the year to date from there on. Months inside it keep the other projects' amounts.

A year to date through month M is known exactly for every project without a span a–b where
a ≤ M < b. Where some project's is not (in either year), the point compares like with like: those
projects are left out of both years' sums, and the point says so (:class:`LeftOut`). With no span
about, every figure is the summary's (``InvestmentCube.ytd``), unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from zqtracker.stats.cube import InvestmentCell, InvestmentCube
from zqtracker.stats.figures import yoy_pct

MONTHS = tuple(range(1, 13))


@dataclass(frozen=True, slots=True)
class SpanPart:
    """Figures of ``projects`` projects covering months ``first``..``last`` of ``year`` as one."""

    year: int
    first: int
    last: int
    amount: int
    projects: int


@dataclass(frozen=True, slots=True)
class LeftOut:
    """The projects a like-with-like point leaves out of both years' sums."""

    projects: int = 0
    # of ``year``: reported with later months (a span running past the point), so counted later
    later: int = 0
    # of the projects left out, the amounts that the plain sums through the point would hold
    this_year: int = 0
    prior_year: int = 0
    districts: tuple[str, ...] = ()  # their districts (named ones), for saying who

    def __bool__(self) -> bool:
        return self.projects > 0


@dataclass(frozen=True, slots=True)
class Point:
    """A comparison at one month: amounts of ``year`` and ``year`` − 1 and growth, like with like."""

    current: int
    prior: int
    left_out: LeftOut = field(default_factory=LeftOut)

    @property
    def partial(self) -> bool:
        return bool(self.left_out)

    @property
    def key(self) -> tuple[int, int]:
        """The plain sums of both years, as the key figures give them: every record through the
        month (a figure reported with later months counts from its last month)."""
        return self.current + self.left_out.this_year, self.prior + self.left_out.prior_year

    @property
    def yoy_pct(self) -> float | None:
        return yoy_pct(self.current, self.prior)


@dataclass(frozen=True, slots=True)
class YearMonths:
    """One year's months: the amounts of their own, and the spans apart."""

    year: int
    own: tuple[int, ...]  # twelve: the projects' amounts of the month alone (0 where none)
    has_own: tuple[bool, ...]  # twelve: some record is of the month alone
    spans: tuple[SpanPart, ...]  # by (first, last)

    def bar(self, month: int) -> int | None:
        """The month's own amount; None where every record about it is a span's (no bar), or where
        nothing is recorded of it while later months of the year have records (not reported: no
        bar, never a 0 that reads as nothing invested, nor −100% growth)."""
        if self.has_own[month - 1] or not (self.inside(month) or self.unreported(month)):
            return self.own[month - 1]
        return None

    def unreported(self, month: int) -> bool:
        """Nothing recorded of ``month`` (of its own or in a span) though later months have records."""
        if self.has_own[month - 1] or self.inside(month):
            return False
        return any(self.has_own[month:]) or any(s.first > month for s in self.spans)

    def ending(self, month: int) -> tuple[SpanPart, ...]:
        return tuple(s for s in self.spans if s.last == month)

    def ended(self, month: int) -> int | None:
        """The amount of spans ending at ``month`` (shown apart on its bar); None: none ends there."""
        parts = self.ending(month)
        return sum(p.amount for p in parts) if parts else None

    def straddling(self, month: int) -> tuple[SpanPart, ...]:
        """Spans covering ``month`` and later months: not yet in the year to date through it."""
        return tuple(s for s in self.spans if s.first <= month < s.last)

    def inside(self, month: int) -> tuple[SpanPart, ...]:
        """Spans covering ``month`` (their last month included)."""
        return tuple(s for s in self.spans if s.first <= month <= s.last)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """``year`` and the year before month by month, with the like-with-like comparisons."""

    year: int
    this: YearMonths
    prior: YearMonths
    ytd: tuple[Point, ...]  # twelve: the years to date through each month
    monthly: tuple[Point, ...]  # twelve: each month's own amounts (spans left out) against last year's
    # spans of ``year`` running past the period's month (ending after ``through``): not in it yet
    running: tuple[SpanPart, ...] = ()

    def straddling(self, month: int) -> tuple[SpanPart, ...]:
        """Spans of ``year`` covering ``month`` and later months: not in its year to date yet."""
        return (*self.this.straddling(month), *(s for s in self.running if s.first <= month))


def month_figures(cube: InvestmentCube, year: int, through: int = 12) -> MonthFigures:
    """The months of ``year`` (through ``through``: later records of ``year`` do not count) and
    of the year before, from the statistics' investment cube."""
    cells = [c for c in cube.cells if c.year == year - 1 or (c.year == year and c.month <= through)]
    later = [c for c in cube.cells if c.year == year and c.month > through and c.first is not None]
    keyed = [(_project(c, i), c) for i, c in enumerate(cells)]
    straddling = [(_project(c, -1 - i), c) for i, c in enumerate(later)]
    ytd, monthly = [], []
    for m in MONTHS:
        # year to date: a span a–b with a ≤ m < b hides its project's year to date through m
        # (after ``through`` only last year's line goes on: its own spans alone count)
        unknown = {
            k
            for k, c in keyed + straddling
            if c.first is not None and c.first <= m < c.month and (m <= through or c.year != year)
        }
        ytd.append(_point(keyed + straddling, year, unknown, lambda c, m=m: c.month <= m, m))
        # the month alone: a span covering m (its last month too) has no amount of m of its own
        inside = {k for k, c in keyed if c.first is not None and c.first <= m <= c.month}
        monthly.append(_point(keyed, year, inside, lambda c, m=m: c.month == m and c.first is None, m))
    running = tuple(s for s in _year(later, year).spans if s.first <= through)
    return MonthFigures(year, _year(cells, year), _year(cells, year - 1), tuple(ytd), tuple(monthly), running)


def _project(c: InvestmentCell, fallback: int) -> object:
    """Who a cell belongs to, for leaving a project out: its project, else a key of its own."""
    return ("project", c.project) if c.project is not None else ("cell", fallback)


def _point(cells: list[tuple[object, InvestmentCell]], year: int, unknown: set[object], counts, month: int) -> Point:
    current = prior = gone_this = gone_prior = later = 0
    districts: set[str] = set()
    for key, c in cells:
        left_out = key in unknown
        if left_out and c.district is not None:
            districts.add(c.district)
        if left_out and c.year == year and c.first is not None and c.first <= month < c.month:
            later += c.amount
        if not counts(c):
            continue
        if c.year == year:
            current += 0 if left_out else c.amount
            gone_this += c.amount if left_out else 0
        else:
            prior += 0 if left_out else c.amount
            gone_prior += c.amount if left_out else 0
    left = LeftOut(len(unknown), later, gone_this, gone_prior, tuple(sorted(districts))) if unknown else LeftOut()
    return Point(current, prior, left)


def _year(cells: Iterable[InvestmentCell], year: int) -> YearMonths:
    own = [0] * 12
    has_own = [False] * 12
    spans: dict[tuple[int, int], tuple[int, set[object]]] = {}
    for i, c in enumerate(cells):
        if c.year != year:
            continue
        if c.first is None:
            own[c.month - 1] += c.amount
            has_own[c.month - 1] = True
            continue
        amount, who = spans.get((c.first, c.month), (0, set()))
        who.add(_project(c, i))
        spans[(c.first, c.month)] = (amount + c.amount, who)
    parts = tuple(SpanPart(year, a, b, amount, len(who)) for (a, b), (amount, who) in sorted(spans.items()))
    return YearMonths(year, tuple(own), tuple(has_own), parts)
