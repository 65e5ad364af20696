"""What the monthly progress report (当月 / 1–X月累计) must say beside its figures: the districts that
did not report the month or earlier ones — stats/gaps.py's one rule, as the summary and the overview
use it — and this year's figures reported for the month together with later months.

A row of a district that did not report the month has no 当月 (not reported, never 0.00), and its
1–X月累计 is what was reported: through the month before its first month not reported in a row up to
the period (四会市 reporting through August, seen through October: 1–8月). The 合计 sums what was
reported and says so.

A row whose month lies inside a figure of several months ending later (1–9月 month by month, then one
10–12月 figure, seen through October) has no amount of its own for the month either: its 当月 names the
figure ("10–12月合计 96"), its 累计 the months it covers ("108（1–9月）"); the 合计 says it leaves them out.

A row of a project still building whose district reported the month but not it (dropped from the
district's list after July, seen through October) has no 当月 either: "未报", its 累计 "1,680（1–7月）"
(``stopped``, set by the report for its rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.stats.cube import InvestmentCube
from zqtracker.stats.gaps import missing
from zqtracker.stats.month_figures import SpanPart


@dataclass(frozen=True, slots=True)
class ProgressGaps:
    year: int
    month: int
    # district → its months of ``year`` through ``month`` not reported (None: projects without a district)
    lacking: dict[str | None, tuple[int, ...]]
    # figures of ``year`` covering ``month`` together with later months (1–12月 seen through October)
    running: tuple[SpanPart, ...] = ()
    # project → its figure of ``year`` covering ``month`` together with later months (10–12月 seen through
    # October): the row has no amount of its own for the month, and its year to date ends before it
    inside: dict[int, SpanPart] = field(default_factory=dict)
    rows: int = 0  # how many rows the report shows (set by it): the 合计 of rows all ``inside`` has no own month
    # project → the latest month of ``year`` it has a record of, up to ``month`` (every project with one)
    last: dict[int, int] = field(default_factory=dict)
    # project → that month, of the report's rows not in the month's report while their district was
    # (set by it, from ``last``): 当月 not reported, 累计 through that month
    stopped: dict[int, int] = field(default_factory=dict)

    @property
    def month_lacking(self) -> bool:
        """Some district, or some row's project (``stopped``), did not report the period's month."""
        return bool(self.stopped) or any(self.month in months for months in self.lacking.values())

    @property
    def any_lacking(self) -> bool:
        """Some district or row's project lacks a month of the year through the period's."""
        return bool(self.lacking or self.stopped)

    def unreported(self, district: str | None) -> bool:
        """The district did not report the period's month."""
        return self.month in self.lacking.get(district, ())

    def reaches(self, district: str | None) -> int:
        """The month the district's year to date runs through (the period's month unless it stopped)."""
        months, m = self.lacking.get(district, ()), self.month
        while m in months:
            m -= 1
        return m


def progress_gaps(cube: InvestmentCube, year: int, month: int, last: dict[int, int] | None = None) -> ProgressGaps:
    """The months not reported and the figures running past ``month`` of ``year``, from the statistics'
    investment cube (the projects of the report's filter); ``last``: each project's latest month."""
    lacking: dict[str | None, set[int]] = {}
    for d, m in missing(cube, year, month)[year]:
        if m <= month:
            lacking.setdefault(d, set()).add(m)
    spans: dict[tuple[int, int], tuple[int, set[object]]] = {}
    inside: dict[int, SpanPart] = {}
    for i, c in enumerate(cube.cells):
        if c.year == year and c.first is not None and c.first <= month < c.month:
            if c.project is not None:
                inside[c.project] = SpanPart(year, c.first, c.month, c.amount, 1)
            amount, who = spans.get((c.first, c.month), (0, set()))
            who.add(c.project if c.project is not None else -1 - i)
            spans[(c.first, c.month)] = (amount + c.amount, who)
    running = tuple(SpanPart(year, a, b, amount, len(who)) for (a, b), (amount, who) in sorted(spans.items()))
    lacking_ = {d: tuple(sorted(ms)) for d, ms in lacking.items()}
    return ProgressGaps(year, month, lacking_, running, inside, last=dict(last or {}))
