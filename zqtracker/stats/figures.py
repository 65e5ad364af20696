"""Year-to-date, year-on-year, breakdowns and the monthly progress table.

Percentages are rounded half-up to one decimal with Decimal arithmetic, so the figure printed
is the one a hand calculation gives (7.45 → 7.5, never 7.4 from binary floating point).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.status import Status
from zqtracker.stats.cube import InvestmentCube, ProjectCube, ProjectTotals
from zqtracker.stats.gaps import Gaps, gaps

ONE_DECIMAL = Decimal("0.1")


def percent(numerator: int, denominator: int) -> float | None:
    """numerator / denominator × 100 to one decimal; None (no figure) when the base is 0."""
    if not denominator:
        return None
    value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
    return float(value)


def yoy_pct(current: int, prior: int) -> float | None:
    """Year-on-year growth in %: (current − prior) / prior × 100; None where prior is 0."""
    if not prior:
        return None
    return percent(current - prior, prior)


@dataclass(frozen=True, slots=True)
class Breakdown:
    projects: int = 0
    planned_investment: int = 0  # of the projects whose amount is known
    without_amount: int = 0  # projects whose planned investment is unknown

    def to_json(self) -> dict[str, int]:
        return {
            "projects": self.projects,
            "planned_investment_yuan": self.planned_investment,
            "projects_without_amount": self.without_amount,
        }


@dataclass(frozen=True, slots=True)
class Ytd:
    """Year to date and the same period of the year before.

    ``comparable`` is False when either year holds a figure covering months up to the period's
    month together with later ones (a 1–10月 report looked at through September): that figure
    cannot be split, so the two sums are not like with like and growth has no figure.
    """

    ytd: int = 0
    prior_ytd: int = 0
    comparable: bool = True
    # False: nothing of the year is recorded through the period's month (a year not reported
    # yet): the year to date has no figure, never 0 against last year's (−100%, probe25d W5)
    reported: bool = True
    # months not reported (a district's March never imported, stats/gaps.py): the year to date is
    # what was reported, and growth is like with like (``like_pct``), never 9 months against 10
    gaps: Gaps = field(default_factory=Gaps)
    # last year's figure is not January–through (stats/prior.py): the month it reaches; 0: no figure
    prior_through: int | None = None
    # this year's figure is not January–through (stats/ytd_reach.py): the month it reaches (0: none, -1: mixed)
    through: int | None = None

    @property
    def yoy_pct(self) -> float | None:
        return yoy_pct(self.ytd, self.prior_ytd) if self.comparable and self.reported and not self.gaps else None

    @property
    def like_pct(self) -> float | None:
        """With months not reported: the growth leaving them out of both years (None: no figure)."""
        if not self.gaps or not self.comparable or not self.reported or self.gaps.like is None:
            return None
        return yoy_pct(*self.gaps.like)

    def to_json(self) -> dict[str, int | float | bool | None]:
        out: dict[str, int | float | bool | None] = {"ytd_yuan": self.ytd, "prior_ytd_yuan": self.prior_ytd}
        out |= {"yoy_pct": self.yoy_pct} | ({} if self.comparable else {"comparable": False})
        if self.prior_through is not None:  # 0: no figure of the same period (never a 0 under the label)
            out |= {"prior_ytd_through_month": self.prior_through}
            out |= {} if self.prior_through else {"prior_ytd_yuan": None}
        if self.through is not None:  # 0: only a figure running later (no year to date); None: months differ
            out |= {"ytd_through_month": self.through if self.through >= 0 else None}
            out |= {} if self.through else {"ytd_yuan": None}
        if not self.reported:  # nothing recorded: the 0 is no figure (the text says "—")
            out["reported"] = False
        if self.gaps:
            out |= {**self.gaps.to_json(), "like_for_like_yoy_pct": self.like_pct}
        return out


@dataclass(frozen=True, slots=True)
class CompletedInvestment:
    """Completed investment of the period, in total and by named sector, district and chain;
    the ``unclassified_*`` lines are the projects whose sector (so also chain) or district is
    unknown, so that the named lines and the unclassified one add up to the total."""

    year: int
    through_month: int
    total: Ytd
    by_sector: dict[str, Ytd] = field(default_factory=dict)
    by_district: dict[str, Ytd] = field(default_factory=dict)
    by_chain: dict[str, Ytd] = field(default_factory=dict)
    unclassified_sector: Ytd = field(default_factory=Ytd)
    unclassified_district: Ytd = field(default_factory=Ytd)
    unclassified_chain: Ytd = field(default_factory=Ytd)
    # yuan of ``year`` reported for months up to ``through_month`` together with later months
    # (1–X月 with X later): counted from month X on, so not in this year to date
    pending: int = 0
    # the month asked for, when the records end earlier in ``year`` (the period was cut back to
    # ``through_month``, the latest month with records); None: as asked
    asked_through: int | None = None

    @property
    def reported(self) -> bool:
        """Something of ``year`` is recorded through ``through_month``."""
        return self.total.reported

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "through_month": self.through_month,
            **({"asked_through_month": self.asked_through} if self.asked_through is not None else {}),
            **self.total.to_json(),
            "later_span_yuan": self.pending,
            "by_sector": {k: v.to_json() for k, v in self.by_sector.items()},
            "unclassified_sector": self.unclassified_sector.to_json(),
            "by_district": {k: v.to_json() for k, v in self.by_district.items()},
            "unclassified_district": self.unclassified_district.to_json(),
            "by_chain": {k: v.to_json() for k, v in self.by_chain.items()},
            "unclassified_chain": self.unclassified_chain.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """The headline figures. ``planned_investment`` sums the known amounts; every total of it
    comes with the number of projects it lacks (``projects_without_amount``). By sector and by
    district, the projects whose sector or district is unknown are the ``unclassified_*`` line. By
    investor origin and by project type, every value has its line and the key None is the projects
    nobody gave one for (not given, never counted as 内资 or 新建): the lines add up to ``projects``."""

    projects: int
    planned_investment: int
    billion_yuan_projects: int
    by_status: dict[Status, Breakdown]
    by_sector: dict[str, Breakdown]
    by_district: dict[str, Breakdown]
    completed: CompletedInvestment
    is_demo: bool = False
    filters: tuple[str, ...] = ()
    projects_without_amount: int = 0
    unclassified_sector: Breakdown = field(default_factory=Breakdown)
    unclassified_district: Breakdown = field(default_factory=Breakdown)
    by_investor_origin: dict[InvestorOrigin | None, Breakdown] = field(default_factory=dict)
    by_project_type: dict[ProjectType | None, Breakdown] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "projects": self.projects,
            "planned_investment_yuan": self.planned_investment,
            "projects_without_amount": self.projects_without_amount,
            "billion_yuan_projects": self.billion_yuan_projects,
            "by_status": {s.value: b.to_json() for s, b in self.by_status.items()},
            "by_sector": {k: v.to_json() for k, v in self.by_sector.items()},
            "unclassified_sector": self.unclassified_sector.to_json(),
            "by_district": {k: v.to_json() for k, v in self.by_district.items()},
            "unclassified_district": self.unclassified_district.to_json(),
            "by_investor_origin": _kinds_json(self.by_investor_origin),
            "by_project_type": _kinds_json(self.by_project_type),
            "completed_investment": self.completed.to_json(),
            "demo": self.is_demo,
            "filters": list(self.filters),
        }


def _kinds_json(kinds: dict[InvestorOrigin | None, Breakdown] | dict[ProjectType | None, Breakdown]) -> dict:
    """By value, the projects nobody gave one for under "not_given"."""
    return {("not_given" if k is None else k.value): b.to_json() for k, b in kinds.items()}


def _breakdown(t: ProjectTotals) -> Breakdown:
    return Breakdown(t.projects, t.planned, t.without_amount)


def kind_breakdowns(raw: dict[str | None, ProjectTotals], members: Iterable[StrEnum]) -> dict:
    """Each of ``members`` in its order (zeros where it has no project), then None: the projects
    nobody gave one for. ``raw`` is keyed by stored value."""
    out: dict[StrEnum | None, Breakdown] = {m: _breakdown(raw.get(m.value, ProjectTotals())) for m in members}
    out[None] = _breakdown(raw.get(None, ProjectTotals()))
    return out


def breakdowns(raw: dict[str | None, ProjectTotals]) -> dict[str, Breakdown]:
    """Named breakdowns sorted by planned investment, largest first (then by name); the
    unclassified key (None) is left to :func:`unclassified`."""
    items = sorted(((k, v) for k, v in raw.items() if k is not None), key=lambda kv: (-kv[1].planned, kv[0]))
    return {k: _breakdown(v) for k, v in items}


def unclassified(raw: dict[str | None, ProjectTotals]) -> Breakdown:
    """The line of projects whose sector (or district) is unknown; zeros when there are none."""
    return _breakdown(raw.get(None, ProjectTotals()))


def status_breakdowns(raw: dict[str | None, ProjectTotals]) -> dict[Status, Breakdown]:
    """Every status, in lifecycle order, zeros included: a missing status is a figure too."""
    return {s: _breakdown(raw.get(s.value, ProjectTotals())) for s in Status}


def ytds(
    raw: dict[str | None, tuple[int, int]],
    not_comparable: Collection[str | None] = (),
    reported: bool = True,
    lacking: dict[str | None, Gaps] | None = None,
) -> dict[str, Ytd]:
    """Named year-to-date lines, largest first; the unclassified key (None) is left out."""
    items = sorted(((k, v) for k, v in raw.items() if k is not None), key=lambda kv: (-kv[1][0], kv[0]))
    return {k: Ytd(c, p, k not in not_comparable, reported, (lacking or {}).get(k, Gaps())) for k, (c, p) in items}


def unclassified_ytd(
    raw: dict[str | None, tuple[int, int]],
    not_comparable: Collection[str | None] = (),
    reported: bool = True,
    lacking: dict[str | None, Gaps] | None = None,
) -> Ytd:
    return Ytd(*raw.get(None, (0, 0)), None not in not_comparable, reported, (lacking or {}).get(None, Gaps()))


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """One line of the monthly key-project progress table (当月 / 累计 / 年度计划 / 完成率 / 自开工累计)."""

    project_id: int
    code: str | None
    name: str
    enterprise: str | None
    sector: str | None
    district: str | None
    status: Status
    planned_investment: int | None  # None: unknown
    is_key_project: bool
    this_month: int
    ytd: int
    annual_plan: int | None
    since_start: int
    # the record of this month covers months this_month_first..month as one figure (a first
    # 1–X月累计 report): this_month is then that figure, not the month's own amount
    this_month_first: int | None = None
    since_start_reported: bool = False  # since start builds on a reported 自开工累计
    # of the 合计 line only: the year to date of the rows that have an annual plan (the base of its
    # 完成率, so that numerator and denominator cover the same projects), how many such rows there
    # are, and the rows' 当月 figures covering several months, left out of its 当月 (shown apart)
    planned_ytd: int | None = None
    planned_rows: int = 0
    this_month_apart: int = 0

    @property
    def pct_of_plan(self) -> float | None:
        """累计 ÷ 年度计划; of the 合计 line, over the projects that have a plan alone (probe25d W6)."""
        return percent(self.ytd if self.planned_ytd is None else self.planned_ytd, self.annual_plan or 0)

    @property
    def pct_of_planned_since_start(self) -> float | None:
        """自开工累计 as % of planned investment (one decimal)."""
        return percent(self.since_start, self.planned_investment or 0)


@dataclass(frozen=True, slots=True)
class ProgressTable:
    year: int
    month: int
    rows: list[ProgressRow]
    closed_at: datetime | None = None  # the month's figures as frozen then (round close)

    @property
    def spans(self) -> int:
        """How many rows' 当月 is a figure covering several months (a first 1–X月 report)."""
        return sum(1 for r in self.rows if r.this_month_first is not None)

    @property
    def without_amount(self) -> int:
        """Rows whose planned investment is unknown (the total's planned sum lacks them)."""
        return sum(1 for r in self.rows if r.planned_investment is None)

    @property
    def total(self) -> ProgressRow:
        """The 合计 line: sums of every column (planned: of the known amounts — see
        ``without_amount``). Its 当月 is the months' own amounts: a row's figure covering several
        months (1–6月) is summed apart (``this_month_apart``), as the charts and the export show it
        (probe25d W7). Its % of plan is the year to date of the projects with a plan over their
        plans (``planned_ytd``): a project without a plan adds to neither (W6)."""
        planned = [r for r in self.rows if r.annual_plan is not None]
        plans = [r.annual_plan for r in planned if r.annual_plan is not None]
        return ProgressRow(
            project_id=0,
            code=None,
            name="合计 Total",
            enterprise=None,
            sector="",
            district="",
            status=Status.UNDER_CONSTRUCTION,
            planned_investment=sum(r.planned_investment or 0 for r in self.rows),
            is_key_project=False,
            this_month=sum(r.this_month for r in self.rows if r.this_month_first is None),
            ytd=sum(r.ytd for r in self.rows),
            annual_plan=sum(plans) if plans else None,
            since_start=sum(r.since_start for r in self.rows),
            planned_ytd=sum(r.ytd for r in planned) if planned else None,
            planned_rows=len(planned),
            this_month_apart=sum(r.this_month for r in self.rows if r.this_month_first is not None),
        )


def progress_table(year: int, month: int, raw: list[tuple], closed_at: datetime | None = None) -> ProgressTable:
    rows = [
        ProgressRow(r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), r[7], r[8], r[9], r[10], r[11], r[12], *r[13:15])
        for r in raw
    ]
    return ProgressTable(year, month, rows, closed_at)


def months_back(year: int, month: int, n: int) -> tuple[int, int]:
    """The (year, month) ``n`` months before (year, month)."""
    index = year * 12 + (month - 1) - n
    return index // 12, index % 12 + 1


def build_summary(
    projects: ProjectCube,
    investment: InvestmentCube,
    year: int,
    through: int,
    is_demo: bool = False,
    f: ProjectFilter | None = None,
    asked: int | None = None,
) -> Summary:
    """The headline figures for ``year`` January–``through`` from the two cubes (``asked``: the
    month asked for, when the period was cut back to the latest month with records)."""
    n, planned, billion = projects.totals()
    total = investment.ytd(year, through).get(None, (0, 0))
    reported = investment.reported(year, through)
    ytd_sector = investment.ytd(year, through, "sector")
    ytd_district = investment.ytd(year, through, "district")
    ytd_chain, apart_chain = investment.ytd(year, through, "chain"), investment.not_comparable(year, through, "chain")
    # like with like: no growth where a 1–X月 figure straddles the period's month (either year)
    apart_sector = investment.not_comparable(year, through, "sector")
    apart_district = investment.not_comparable(year, through, "district")
    # months not reported (a district's March never imported): said, and growth like with like
    # (a year nothing is recorded for has no figure at all: nothing to say of its months)
    lacking = {dim: gaps(investment, year, through, None if dim == "total" else dim) if reported else {}
               for dim in ("total", "sector", "district", "chain")}  # fmt: skip
    completed = CompletedInvestment(
        year=year,
        through_month=through,
        total=Ytd(*total, not investment.not_comparable(year, through), reported, lacking["total"].get(None, Gaps())),
        by_sector=ytds(ytd_sector, apart_sector, reported, lacking["sector"]),
        by_district=ytds(ytd_district, apart_district, reported, lacking["district"]),
        by_chain=ytds(ytd_chain, apart_chain, reported, lacking["chain"]),
        unclassified_sector=unclassified_ytd(ytd_sector, apart_sector, reported, lacking["sector"]),
        unclassified_district=unclassified_ytd(ytd_district, apart_district, reported, lacking["district"]),
        # by chain too, the projects without a sector are a line: named lines + it = the total (probe25d W2)
        unclassified_chain=unclassified_ytd(ytd_chain, apart_chain, reported, lacking["chain"]),
        pending=investment.pending(year, through),
        asked_through=asked,
    )
    from zqtracker.stats.ytd_reach import with_reach  # it words Ytd lines: imports this module

    completed = with_reach(completed, investment)  # a figure of other months (either year), labelled so
    by_sector, by_district = projects.breakdown("sector"), projects.breakdown("district")
    return Summary(
        projects=n,
        planned_investment=planned,
        billion_yuan_projects=billion,
        by_status=status_breakdowns(projects.breakdown("status")),
        by_sector=breakdowns(by_sector),
        by_district=breakdowns(by_district),
        completed=completed,
        is_demo=is_demo,
        filters=tuple(f.describe() if f else ()),
        projects_without_amount=projects.without_amount(),
        unclassified_sector=unclassified(by_sector),
        unclassified_district=unclassified(by_district),
        by_investor_origin=kind_breakdowns(projects.by_kind("investor_origin"), InvestorOrigin),
        by_project_type=kind_breakdowns(projects.by_kind("project_type"), ProjectType),
    )
