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

A month some district did not report (stats/gaps.py: its March report never imported, the one rule
of the key figures) is *incomplete*: its bar is what was reported, and its growth, and every year to
date's from then on, compares like with like — that district's month left out of both years
(:attr:`Point.gaps`), as the key figures' growth does. A month no district reported has no bar.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from zqtracker.stats.cube import InvestmentCell, InvestmentCube
from zqtracker.stats.figures import yoy_pct
from zqtracker.stats.gaps import Gaps, Pair, covered, missing

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
    # district-months not reported left out of both years (stats/gaps.py; ``like`` None: a figure of
    # several months holds one, so no growth), and the amounts of them the plain sums hold
    gaps: Gaps = field(default_factory=Gaps)
    dropped: tuple[int, int] = (0, 0)

    @property
    def partial(self) -> bool:
        return bool(self.left_out)

    @property
    def key(self) -> tuple[int, int]:
        """The plain sums of both years, as the key figures give them: every record through the
        month (a figure reported with later months counts from its last month)."""
        return (
            self.current + self.left_out.this_year + self.dropped[0],
            self.prior + self.left_out.prior_year + self.dropped[1],
        )

    @property
    def yoy_pct(self) -> float | None:
        return None if self.gaps and self.gaps.like is None else yoy_pct(self.current, self.prior)


@dataclass(frozen=True, slots=True)
class YearMonths:
    """One year's months: the amounts of their own, and the spans apart."""

    year: int
    own: tuple[int, ...]  # twelve: the projects' amounts of the month alone (0 where none)
    has_own: tuple[bool, ...]  # twelve: some record is of the month alone
    spans: tuple[SpanPart, ...]  # by (first, last)
    # twelve: the districts that did not report the month (stats/gaps.py; None: projects without one)
    lacking: tuple[tuple[str | None, ...], ...] = ()

    def bar(self, month: int) -> int | None:
        """The month's own amount; None where every record about it is a span's (no bar), or where
        no district reported it (not reported: no bar, never a 0 that reads as nothing invested,
        nor −100% growth)."""
        if self.has_own[month - 1] or not (self.inside(month) or self.unreported(month)):
            return self.own[month - 1]
        return None

    def reaches(self) -> int:
        """The latest month with a record (of its own or in a span); 0: none. The months after it were
        not reported (November and December of a year sent through October): no figure, never 0."""
        return max((m for m in range(1, 13) if self.has_own[m - 1] or self.inside(m)), default=0)

    def lacks(self, month: int) -> tuple[str | None, ...]:
        """The districts that did not report ``month`` (its report never imported)."""
        return self.lacking[month - 1] if self.lacking else ()

    def unreported(self, month: int) -> bool:
        """Nothing recorded of ``month`` (of its own or in a span), and a district did not report it."""
        return bool(self.lacks(month)) and not (self.has_own[month - 1] or self.inside(month))

    def incomplete(self, month: int) -> bool:
        """Some district reported ``month`` and another did not: its bar is what was reported."""
        return bool(self.lacks(month)) and not self.unreported(month)

    def named(self, month: int) -> tuple[str, ...]:
        """The districts lacking ``month`` when others reported it (none named when nobody did)."""
        return tuple(sorted(d for d in self.lacks(month) if d is not None)) if self.incomplete(month) else ()

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
    gone = missing(cube, year, through)  # the district-months not reported, either year
    this, prior = _year(cells, year, gone[year]), _year(cells, year - 1, gone[year - 1])
    ytd, monthly = [], []
    for m in MONTHS:
        # year to date: a span a–b with a ≤ m < b hides its project's year to date through m
        # (after ``through`` only last year's line goes on: its own spans alone count)
        unknown = {
            k
            for k, c in keyed + straddling
            if c.first is not None and c.first <= m < c.month and (m <= through or c.year != year)
        }
        point = _point(keyed + straddling, year, unknown, lambda c, m=m: c.month <= m, m)
        ytd.append(_without(point, keyed, year, unknown, range(1, m + 1), this, prior))
        # the month alone: a span covering m (its last month too) has no amount of m of its own
        inside = {k for k, c in keyed if c.first is not None and c.first <= m <= c.month}
        point = _point(keyed, year, inside, lambda c, m=m: c.month == m and c.first is None, m)
        monthly.append(_without(point, keyed, year, inside, range(m, m + 1), this, prior))
    running = tuple(s for s in _year(later, year).spans if s.first <= through)
    return MonthFigures(year, this, prior, tuple(ytd), tuple(monthly), running)


def _without(
    point: Point,
    cells: list[tuple[object, InvestmentCell]],
    year: int,
    unknown: set[object],
    months: range,
    this: YearMonths,
    prior: YearMonths,
) -> Point:
    """``point`` leaving out of both years the district-months of ``months`` not reported (either
    year), as the key figures' growth does (stats/gaps.py); unchanged where none is."""
    lacking = {(d, m) for ym in (this, prior) for m in months for d in ym.lacks(m)}
    if not lacking:
        return point
    gone_this = gone_prior = 0
    split = False
    for key, c in cells:
        if key in unknown or c.month > months[-1] or (c.first is None and c.month < months[0]):
            continue
        if not any((c.district, m) in lacking for m in covered(c)):
            continue
        if c.first is not None:
            split = True  # a figure of several months holding a month not reported: it cannot be split
        elif c.year == year:
            gone_this += c.amount
        else:
            gone_prior += c.amount
    gaps = Gaps(
        year,
        tuple(m for m in months if this.lacks(m)),
        tuple(m for m in months if prior.lacks(m)),
        None if split else (point.current - gone_this, point.prior - gone_prior),
        tuple(sorted({d for m in months for d in this.named(m)})),
    )
    current, before = point.current - gone_this, point.prior - gone_prior
    return Point(current, before, point.left_out, gaps, (gone_this, gone_prior))


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


def _year(cells: Iterable[InvestmentCell], year: int, gone: Collection[Pair] = ()) -> YearMonths:
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
    lacking = tuple(tuple(sorted((d for d, m in gone if m == month), key=str)) for month in range(1, 13))
    return YearMonths(year, tuple(own), tuple(has_own), parts, lacking)
