"""The statistics use cases: summary, monthly progress, trends, stale projects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.stats.cube import InvestmentCube, ProjectCube
from zqtracker.stats.figures import ProgressTable, Summary, build_summary, months_back, progress_table
from zqtracker.stats.gaps import may_stop
from zqtracker.stats.month_figures import MonthFigures, month_figures
from zqtracker.stats.progress_gaps import ProgressGaps, progress_gaps
from zqtracker.storage.database import Database
from zqtracker.storage.stats_queries import StatsQueries

DEFAULT_STALE_MONTHS = 6


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    month: int
    # the month asked for, when it was later than the latest month with records (the period
    # was cut back to that month: months nobody has reported yet are not zeros); None: as asked
    asked: int | None = None


class StatisticsService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def latest_period(self, year: int | None = None) -> Period | None:
        """The latest month that has investment records (of ``year``, given one)."""
        with self.db.session() as s:
            found = StatsQueries(s).latest_period(year)
        return None if found is None else Period(*found)

    def resolve_period(self, year: int | None, through: int | None) -> Period:
        """``--year``/``--through`` defaults: the latest month with records (else this month).

        A year given without a month means the whole year if it is over, else the latest
        recorded month of it; a year over whose records end earlier is cut back too. A month asked
        for beyond the latest recorded month of its year is cut back to that month (``asked`` keeps
        it): the months after it are not reported yet, and counting them as zero against last
        year's would shrink the growth (probe25d W4) — unless the month asked for is closed (its
        figures frozen by ``round close``), or follows the latest recorded month when that one is
        closed (the next round under way).
        """
        latest = self.latest_period()
        today = self.as_of()
        if year is None:
            base = latest or Period(today.year, today.month)
            return self._clipped(Period(base.year, through or base.month), latest)
        if through is not None:
            return self._clipped(Period(year, through), latest)
        if latest is not None and latest.year == year:
            return Period(year, latest.month)
        return self._clipped(Period(year, 12), latest)  # a past year reported through October: 1–10月

    def _clipped(self, period: Period, latest: Period | None) -> Period:
        if latest is not None and latest.year != period.year:  # the latest month of the period's own year
            latest = self.latest_period(period.year)
        if latest is None or latest.year != period.year or period.month <= latest.month:
            return period
        if self.closed_at(period.year, period.month) is not None:
            return period
        if period.month == latest.month + 1 and self.closed_at(latest.year, latest.month) is not None:
            return period  # the month after a closed one: its round is under way (its report shows the corrections)
        return Period(period.year, latest.month, asked=period.month)

    def as_of(self) -> date:
        """The reference date: a demo database is a snapshot with its own date; else today."""
        with self.db.session() as s:
            return as_of_date(StatsQueries(s).meta("as_of"))

    def is_demo(self) -> bool:
        with self.db.session() as s:
            return StatsQueries(s).meta("demo") == "1"

    def project_cube(self, f: ProjectFilter | None = None) -> ProjectCube:
        with self.db.session() as s:
            q = StatsQueries(s)
            return ProjectCube(q.project_cells(f), q.kind_cells(f))

    def investment_cube(
        self, years: tuple[int, ...], f: ProjectFilter | None = None, closed: tuple[int, int] | None = None
    ) -> InvestmentCube:
        """``closed``: the figures frozen when that (year, month) was closed (see closed_at)."""
        with self.db.session() as s:
            return _cube(StatsQueries(s), years, f, closed)

    def months(self, year: int, through: int, f: ProjectFilter | None = None) -> MonthFigures:
        """``year`` and the year before month by month, like with like (stats/month_figures.py), from
        the same figures as :meth:`summary` (of a closed month, as frozen then)."""
        with self.db.session() as s:
            q = StatsQueries(s)
            closed = (year, through) if q.closed_at(year, through) else None
            cube = _cube(q, (year - 1, year), f, closed)
        return month_figures(cube, year, through)

    def closed_at(self, year: int, month: int) -> datetime | None:
        """When the month was closed (its consolidated figures frozen by ``round close``), or None:
        a closed month's summary, dashboard and progress report show the frozen figures."""
        with self.db.session() as s:
            return StatsQueries(s).closed_at(year, month)

    def summary(self, year: int | None = None, through: int | None = None, f: ProjectFilter | None = None) -> Summary:
        period = self.resolve_period(year, through)
        with self.db.session() as s:
            q = StatsQueries(s)
            projects = ProjectCube(q.project_cells(f), q.kind_cells(f))
            closed = (period.year, period.month) if q.closed_at(period.year, period.month) else None
            investment = _cube(q, (period.year - 1, period.year), f, closed)
            demo = q.meta("demo") == "1"
        return build_summary(projects, investment, period.year, period.month, demo, f, period.asked)

    def progress(self, year: int, month: int, f: ProjectFilter | None = None) -> ProgressTable:
        """The monthly progress table; of a closed month, the lines as they were closed (a filter
        picks among them by the projects as they are now)."""
        from zqtracker.domain.rounds import Period
        from zqtracker.storage.closed_months import ClosedMonthStore

        with self.db.session() as s:
            q = StatsQueries(s)
            closed = q.closed_at(year, month)
            if closed is None:
                raw = q.progress(year, month, f)
            else:
                ids = ClosedMonthStore(s).matching(f) if f is not None and not f.is_empty() else None
                raw = ClosedMonthStore(s).closed_progress(Period(year, month), ids)
        return progress_table(year, month, raw, closed)

    def progress_gaps(self, year: int, month: int, f: ProjectFilter | None = None) -> ProgressGaps:
        """The districts' months not reported and the figures running past ``month``, for the monthly
        progress table (stats/progress_gaps.py), from the same figures as :meth:`summary`."""
        with self.db.session() as s:
            q = StatsQueries(s)
            closed = (year, month) if q.closed_at(year, month) else None
            cube = _cube(q, (year - 1, year), f, closed)
            last = q.last_months(year, month, closed)
        return progress_gaps(cube, year, month, last)

    def signed_by_month(self, year: int, f: ProjectFilter | None = None) -> dict[int, tuple[int, int, int]]:
        """Month → (projects signed, their known planned investment, how many lack an amount)."""
        with self.db.session() as s:
            return StatsQueries(s).signed_by_month(year, f)

    def stale_projects(
        self,
        rows: list[ProjectRow],
        months: int = DEFAULT_STALE_MONTHS,
        today: date | None = None,
    ) -> list[ProjectRow]:
        """Rows (with ``last_activity_on`` filled) that show no activity for ``months`` months."""
        cutoff = stale_cutoff(today or self.as_of(), months)
        return [r for r in rows if is_stale(r, cutoff)]


def _cube(
    q: StatsQueries, years: tuple[int, ...], f: ProjectFilter | None, closed: tuple[int, int] | None
) -> InvestmentCube:
    """The records of ``years`` with the districts none of whose projects is still expected to report
    (stats/gaps.py: such a district's months after its projects ended are not "not reported")."""
    cells = q.investment_cells(years, f, closed)
    return InvestmentCube(cells, q.reporting_ends(f, may_stop(cells)))


def as_of_date(stored: str | None) -> date:
    """The day a database is judged as of: a snapshot's own date (meta "as_of"), never later
    than today; today when there is none."""
    if stored:
        try:
            return min(date.fromisoformat(stored), date.today())
        except ValueError:
            pass
    return date.today()


def stale_cutoff(today: date, months: int) -> date:
    """The same day ``months`` months earlier (clamped to the month's length)."""
    y, m = months_back(today.year, today.month, months)
    day = today.day
    while True:
        try:
            return date(y, m, day)
        except ValueError:
            day -= 1


def is_stale(row: ProjectRow, cutoff: date) -> bool:
    """No status change and no investment record since ``cutoff``.

    Projects in production or cancelled are finished business, never stale.
    """
    if row.status.is_terminal:
        return False
    return row.last_activity_on is None or row.last_activity_on < cutoff
