"""Year-to-date, year-on-year, breakdowns and the monthly progress table.

Percentages are rounded half-up to one decimal with Decimal arithmetic, so the figure printed
is the one a hand calculation gives (7.45 → 7.5, never 7.4 from binary floating point).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.status import Status
from zqtracker.stats.cube import InvestmentCube, ProjectCube

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
    planned_investment: int = 0

    def to_json(self) -> dict[str, int]:
        return {"projects": self.projects, "planned_investment_yuan": self.planned_investment}


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

    @property
    def yoy_pct(self) -> float | None:
        return yoy_pct(self.ytd, self.prior_ytd) if self.comparable else None

    def to_json(self) -> dict[str, int | float | bool | None]:
        out: dict[str, int | float | bool | None] = {
            "ytd_yuan": self.ytd, "prior_ytd_yuan": self.prior_ytd, "yoy_pct": self.yoy_pct,
        }  # fmt: skip
        if not self.comparable:
            out["comparable"] = False
        return out


@dataclass(frozen=True, slots=True)
class CompletedInvestment:
    year: int
    through_month: int
    total: Ytd
    by_sector: dict[str, Ytd] = field(default_factory=dict)
    by_district: dict[str, Ytd] = field(default_factory=dict)
    by_chain: dict[str, Ytd] = field(default_factory=dict)
    # yuan of ``year`` reported for months up to ``through_month`` together with later months
    # (1–X月 with X later): counted from month X on, so not in this year to date
    pending: int = 0

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "through_month": self.through_month,
            **self.total.to_json(),
            "later_span_yuan": self.pending,
            "by_sector": {k: v.to_json() for k, v in self.by_sector.items()},
            "by_district": {k: v.to_json() for k, v in self.by_district.items()},
            "by_chain": {k: v.to_json() for k, v in self.by_chain.items()},
        }


@dataclass(frozen=True, slots=True)
class Summary:
    projects: int
    planned_investment: int
    billion_yuan_projects: int
    by_status: dict[Status, Breakdown]
    by_sector: dict[str, Breakdown]
    by_district: dict[str, Breakdown]
    completed: CompletedInvestment
    is_demo: bool = False
    filters: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "projects": self.projects,
            "planned_investment_yuan": self.planned_investment,
            "billion_yuan_projects": self.billion_yuan_projects,
            "by_status": {s.value: b.to_json() for s, b in self.by_status.items()},
            "by_sector": {k: v.to_json() for k, v in self.by_sector.items()},
            "by_district": {k: v.to_json() for k, v in self.by_district.items()},
            "completed_investment": self.completed.to_json(),
            "demo": self.is_demo,
            "filters": list(self.filters),
        }


def breakdowns(raw: dict[str, tuple[int, int]]) -> dict[str, Breakdown]:
    """Breakdowns sorted by planned investment, largest first (then by name)."""
    items = sorted(raw.items(), key=lambda kv: (-kv[1][1], kv[0]))
    return {k: Breakdown(n, p) for k, (n, p) in items}


def status_breakdowns(raw: dict[str, tuple[int, int]]) -> dict[Status, Breakdown]:
    """Every status, in lifecycle order, zeros included: a missing status is a figure too."""
    return {s: Breakdown(*raw.get(s.value, (0, 0))) for s in Status}


def ytds(raw: dict[str | None, tuple[int, int]], not_comparable: set[str | None] = frozenset()) -> dict[str, Ytd]:  # type: ignore[assignment]
    items = sorted(((k, v) for k, v in raw.items() if k is not None), key=lambda kv: (-kv[1][0], kv[0]))
    return {k: Ytd(c, p, k not in not_comparable) for k, (c, p) in items}


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """One line of the monthly key-project progress table (当月 / 累计 / 年度计划 / 完成率 / 自开工累计)."""

    project_id: int
    code: str | None
    name: str
    enterprise: str | None
    sector: str
    district: str
    status: Status
    planned_investment: int
    is_key_project: bool
    this_month: int
    ytd: int
    annual_plan: int | None
    since_start: int
    # the record of this month covers months this_month_first..month as one figure (a first
    # 1–X月累计 report): this_month is then that figure, not the month's own amount
    this_month_first: int | None = None
    since_start_reported: bool = False  # since start builds on a reported 自开工累计

    @property
    def pct_of_plan(self) -> float | None:
        return percent(self.ytd, self.annual_plan or 0)

    @property
    def pct_of_planned_since_start(self) -> float | None:
        """自开工累计 as % of planned investment (one decimal)."""
        return percent(self.since_start, self.planned_investment or 0)


@dataclass(frozen=True, slots=True)
class ProgressTable:
    year: int
    month: int
    rows: list[ProgressRow]

    @property
    def spans(self) -> int:
        """How many rows' 当月 is a figure covering several months (a first 1–X月 report)."""
        return sum(1 for r in self.rows if r.this_month_first is not None)

    @property
    def total(self) -> ProgressRow:
        """The 合计 line: sums of every column; % of plan from the summed figures."""
        plans = [r.annual_plan for r in self.rows if r.annual_plan is not None]
        return ProgressRow(
            project_id=0,
            code=None,
            name="合计 Total",
            enterprise=None,
            sector="",
            district="",
            status=Status.UNDER_CONSTRUCTION,
            planned_investment=sum(r.planned_investment for r in self.rows),
            is_key_project=False,
            this_month=sum(r.this_month for r in self.rows),
            ytd=sum(r.ytd for r in self.rows),
            annual_plan=sum(plans) if plans else None,
            since_start=sum(r.since_start for r in self.rows),
        )


def progress_table(year: int, month: int, raw: list[tuple]) -> ProgressTable:
    rows = [
        ProgressRow(r[0], r[1], r[2], r[3], r[4], r[5], Status(r[6]), r[7], r[8], r[9], r[10], r[11], r[12], *r[13:15])
        for r in raw
    ]
    return ProgressTable(year, month, rows)


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
) -> Summary:
    """The headline figures for ``year`` January–``through`` from the two cubes."""
    n, planned, billion = projects.totals()
    total = investment.ytd(year, through).get(None, (0, 0))

    def by(dim: str) -> dict[str, Ytd]:
        return ytds(investment.ytd(year, through, dim), investment.not_comparable(year, through, dim))

    completed = CompletedInvestment(
        year=year,
        through_month=through,
        total=Ytd(*total, comparable=None not in investment.not_comparable(year, through)),
        by_sector=by("sector"),
        by_district=by("district"),
        by_chain=by("chain"),
        pending=investment.pending(year, through),
    )
    return Summary(
        projects=n,
        planned_investment=planned,
        billion_yuan_projects=billion,
        by_status=status_breakdowns(projects.breakdown("status")),
        by_sector=breakdowns(projects.breakdown("sector")),
        by_district=breakdowns(projects.breakdown("district")),
        completed=completed,
        is_demo=is_demo,
        filters=tuple(f.describe() if f else ()),
    )
