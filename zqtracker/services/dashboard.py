"""Every figure the dashboard (and a chart image) shows, fetched in one go.

The numbers come from the statistics service's aggregate cubes: one project cube and one
investment cube of two years feed the key figures, the summary (built by the same function as
``zqtracker summary``, so the two always agree) and five of the six charts; signings per month
and the stale-project count are two more aggregate queries. The four queries are independent, so
they run side by side on their own connections (SQLite releases the GIL while it works).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from zqtracker.domain.filters import ProjectFilter
from zqtracker.services.statistics import DEFAULT_STALE_MONTHS, Period, StatisticsService, stale_cutoff
from zqtracker.stats.cube import InvestmentCube, ProjectCube
from zqtracker.stats.figures import Summary, build_summary
from zqtracker.stats.month_figures import MonthFigures, month_figures
from zqtracker.storage.activity_queries import count_stale, record_years

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    """The figures of one period (``year`` January–``through``), exact integer yuan throughout."""

    year: int
    through: int
    summary: Summary  # equal to StatisticsService.summary(year, through, filter)
    monthly: dict[int, int]  # completed investment of each month of ``year`` (months with records)
    prior_monthly: dict[int, int]  # the same for ``year`` − 1, all twelve months
    # both years month by month, like with like: what the monthly charts and tables draw
    months: MonthFigures
    # month → (projects signed, their known planned investment, how many lack an amount), whole year
    signed: dict[int, tuple[int, int, int]]
    stale: int | None  # None: not counted (a chart image does not show it)
    stale_months: int
    stale_cutoff: date
    as_of: date
    latest: Period | None  # the latest month with records in the database
    years: tuple[int, ...]  # years a user can pick: those with records, and the period's own
    project_filter: ProjectFilter | None = None
    # month → first month of a figure covering several months that ends there (a first 1–X月
    # report), in ``year`` and in ``year`` − 1: the charts label those months and never spread them
    spans: dict[int, int] = field(default_factory=dict)
    prior_spans: dict[int, int] = field(default_factory=dict)
    # the cubes behind the figures, kept so that another month of the same year needs no query
    project_cube: ProjectCube | None = field(default=None, compare=False, repr=False)
    investment_cube: InvestmentCube | None = field(default=None, compare=False, repr=False)
    closed_at: datetime | None = None  # the period's month is closed: its figures as frozen then

    @property
    def is_demo(self) -> bool:
        return self.summary.is_demo

    def signed_through(self) -> tuple[int, int, int]:
        """(projects, known planned investment, projects without an amount) signed
        January–``through`` of ``year``."""
        months = [v for m, v in self.signed.items() if m <= self.through]
        return sum(v[0] for v in months), sum(v[1] for v in months), sum(v[2] for v in months)


class DashboardService:
    def __init__(self, statistics: StatisticsService, *, parallel: bool = True) -> None:
        self.stats = statistics
        self.parallel = parallel

    def load(
        self,
        year: int | None = None,
        through: int | None = None,
        f: ProjectFilter | None = None,
        *,
        stale_months: int = DEFAULT_STALE_MONTHS,
        unchanged: DashboardFigures | None = None,
        count_stale_projects: bool = True,
    ) -> DashboardFigures:
        """The figures for ``year`` January–``through`` (defaults: the latest month with records).

        ``unchanged``: figures loaded earlier from the same data (the caller knows nothing was
        written since — the dashboard does, from DataEvents). Whatever does not depend on the
        period is taken from them, and another month of the same year needs no query at all.
        ``count_stale_projects=False`` skips the costliest query when only charts are drawn.
        """
        if f is not None and f.is_empty():
            f = None
        st = self.stats
        period = st.resolve_period(year, through)
        if (
            unchanged is not None
            and unchanged.project_cube is not None
            and unchanged.investment_cube is not None
            and unchanged.project_filter == f
            and unchanged.stale_months == stale_months
            and (unchanged.stale is not None or not count_stale_projects)
        ):
            return self._reuse(unchanged, period)
        latest = st.latest_period()
        as_of = st.as_of()
        closed_at = st.closed_at(period.year, period.month)
        closed = (period.year, period.month) if closed_at is not None else None
        cutoff = stale_cutoff(as_of, stale_months)
        y = period.year

        def stale() -> int | None:
            if not count_stale_projects:
                return None
            with st.db.session() as s:
                return count_stale(s, cutoff, f)

        def years() -> tuple[int, int] | None:
            with st.db.session() as s:
                return record_years(s)

        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dashboard") if self.parallel else None
        try:
            investment_job = _start(pool, lambda: st.investment_cube((y - 1, y), f, closed))
            stale_job = _start(pool, stale)
            projects_job = _start(pool, lambda: st.project_cube(f))
            signed_job = _start(pool, lambda: st.signed_by_month(y, f))
            years_job = _start(pool, years)
            demo_job = _start(pool, st.is_demo)
            investment, stale_count, projects = investment_job.result(), stale_job.result(), projects_job.result()
            signed, span, demo = signed_job.result(), years_job.result(), demo_job.result()
        finally:
            if pool is not None:
                pool.shutdown()
        pick = set(range(span[0], span[1] + 1)) if span else set()
        pick.add(y)
        return _figures(
            period,
            projects,
            investment,
            demo,
            signed=signed,
            stale=stale_count,
            stale_months=stale_months,
            stale_cutoff=cutoff,
            as_of=as_of,
            latest=latest,
            years=tuple(sorted(pick)),
            project_filter=f,
            closed_at=closed_at,
        )

    def _reuse(self, old: DashboardFigures, period: Period) -> DashboardFigures:
        """Another period from the same data: the project cube, stale count and dates stay; the
        investment cube and signings are queried again only for another year."""
        f = old.project_filter
        investment, signed = old.investment_cube, old.signed
        closed_at = self.stats.closed_at(period.year, period.month)
        if period.year != old.year or closed_at is not None or old.closed_at is not None:
            closed = (period.year, period.month) if closed_at is not None else None
            investment = self.stats.investment_cube((period.year - 1, period.year), f, closed)
        if period.year != old.year:
            signed = self.stats.signed_by_month(period.year, f)
        assert investment is not None and old.project_cube is not None
        return _figures(
            period,
            old.project_cube,
            investment,
            old.is_demo,
            signed=signed,
            stale=old.stale,
            stale_months=old.stale_months,
            stale_cutoff=old.stale_cutoff,
            as_of=old.as_of,
            latest=old.latest,
            years=tuple(sorted({*old.years, period.year})),
            project_filter=f,
            closed_at=closed_at,
        )


def _start(pool: ThreadPoolExecutor | None, job: Callable[[], T]) -> Future[T]:
    """``job`` on ``pool``; without one, run here and now (its errors raised at once)."""
    if pool is not None:
        return pool.submit(job)
    done: Future[T] = Future()
    done.set_result(job())
    return done


def _figures(
    period: Period,
    projects: ProjectCube,
    investment: InvestmentCube,
    demo: bool,
    *,
    signed: dict[int, tuple[int, int, int]],
    stale: int | None,
    stale_months: int,
    stale_cutoff: date,
    as_of: date,
    latest: Period | None,
    years: tuple[int, ...],
    project_filter: ProjectFilter | None,
    closed_at: datetime | None,
) -> DashboardFigures:
    y = period.year
    summary = build_summary(projects, investment, y, period.month, demo, project_filter)
    monthly = investment.monthly(y)
    prior = investment.monthly(y - 1)
    return DashboardFigures(
        year=y,
        through=period.month,
        summary=summary,
        monthly={m: v for (_, m), v in sorted(monthly.items(), key=lambda kv: kv[0][1])},
        prior_monthly={m: v for (_, m), v in sorted(prior.items(), key=lambda kv: kv[0][1])},
        months=month_figures(investment, y, period.month),
        spans=investment.spans(y),
        prior_spans=investment.spans(y - 1),
        project_cube=projects,
        investment_cube=investment,
        signed=signed,
        stale=stale,
        stale_months=stale_months,
        stale_cutoff=stale_cutoff,
        as_of=as_of,
        latest=latest,
        years=years,
        project_filter=project_filter,
        closed_at=closed_at,
    )
