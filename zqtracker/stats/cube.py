"""Small aggregate tables ("cubes") and every figure derived from them.

Storage hands in one row per (status, sector, district) of projects and one per (year, month,
sector, district) of completed investment — a few thousand rows even for 100k projects — and
all breakdowns, year-to-date sums and monthly series are summed here in plain Python. One SQL
scan feeds a whole dashboard, and the arithmetic is tested without a database.

A project's sector, district or planned investment may be unknown: its cell carries None for
that sector / chain / district (the "unclassified" key of every breakdown) and counts it among
the projects ``without_amount`` instead of adding 0 to the planned investment.

Project type and investor origin come as a cube of their own (:class:`KindCell`, a score of rows):
grouping the main one by them too would multiply its cells twentyfold. None there is "not given",
its own line of every breakdown by them, never counted as 新建 or 内资.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DIMENSIONS = ("status", "sector", "chain", "district")
KIND_DIMENSIONS = ("project_type", "investor_origin")


@dataclass(frozen=True, slots=True)
class ProjectCell:
    status: str
    sector: str | None  # None: unclassified (the sector is not known)
    chain: str | None  # the sector's industry chain (its parent), or the sector itself at top level
    district: str | None  # None: the district is not known
    projects: int
    planned: int  # the sum of the known amounts
    billion: int  # projects of at least 1e9 yuan (an unknown amount is not)
    without_amount: int = 0  # projects whose planned investment is unknown (not in ``planned``)


@dataclass(frozen=True, slots=True)
class KindCell:
    """Projects of one project type and investor origin (stored values; None: not given)."""

    project_type: str | None
    investor_origin: str | None
    projects: int
    planned: int  # the sum of the known amounts
    without_amount: int = 0


@dataclass(frozen=True, slots=True)
class InvestmentCell:
    year: int
    month: int
    sector: str | None
    chain: str | None
    district: str | None
    amount: int
    first: int | None = None  # a figure covering months first..month as one (1–X月); None: the month alone
    # the project, when it has a figure covering several months in the cube's years (its cells are
    # its own then); None: summed with other projects that have none
    project: int | None = None


@dataclass(frozen=True, slots=True)
class ProjectTotals:
    """Projects, their known planned investment, and how many of them lack an amount."""

    projects: int = 0
    planned: int = 0
    without_amount: int = 0

    def __add__(self, other: ProjectTotals) -> ProjectTotals:
        return ProjectTotals(
            self.projects + other.projects, self.planned + other.planned, self.without_amount + other.without_amount
        )


class ProjectCube:
    def __init__(self, cells: Iterable[ProjectCell], kinds: Iterable[KindCell] = ()) -> None:
        self.cells = list(cells)
        self.kinds = list(kinds)

    def totals(self) -> tuple[int, int, int]:
        """(projects, planned investment, billion-yuan projects)."""
        return (
            sum(c.projects for c in self.cells),
            sum(c.planned for c in self.cells),
            sum(c.billion for c in self.cells),
        )

    def without_amount(self) -> int:
        """Projects whose planned investment is unknown: what every total of it lacks."""
        return sum(c.without_amount for c in self.cells)

    def breakdown(self, dim: str) -> dict[str | None, ProjectTotals]:
        """Projects, planned investment and projects without an amount per status / sector /
        chain / district; the key None is the unclassified line (present only when it has projects)."""
        _check(dim)
        out: dict[str | None, ProjectTotals] = {}
        for c in self.cells:
            key = getattr(c, dim)
            out[key] = out.get(key, _NONE) + ProjectTotals(c.projects, c.planned, c.without_amount)
        return out

    def by_kind(self, dim: str) -> dict[str | None, ProjectTotals]:
        """The same per project type or investor origin (stored values); None: not given."""
        if dim not in KIND_DIMENSIONS:
            raise ValueError(f"unknown dimension {dim!r}; one of {KIND_DIMENSIONS}")
        out: dict[str | None, ProjectTotals] = {}
        for c in self.kinds:
            key = getattr(c, dim)
            out[key] = out.get(key, _NONE) + ProjectTotals(c.projects, c.planned, c.without_amount)
        return out


class InvestmentCube:
    def __init__(
        self, cells: Iterable[InvestmentCell], ends: Mapping[str | None, tuple[int, int]] | None = None
    ) -> None:
        self.cells = list(cells)
        # the districts none of whose projects is still expected to report (stats/gaps.py: all in
        # production, cancelled or on hold) → the (year, month) of their latest production date ((0, 0):
        # none known); a district absent has a project still expected every month
        self.ends: Mapping[str | None, tuple[int, int]] = ends or {}

    def latest_period(self) -> tuple[int, int] | None:
        return max(((c.year, c.month) for c in self.cells if c.amount), default=None)

    def ytd(self, year: int, through: int, dim: str | None = None) -> dict[str | None, tuple[int, int]]:
        """(YTD of ``year``, YTD of ``year`` − 1) through month ``through``, per key (None: total)."""
        if dim is not None:
            _check(dim)
        out: dict[str | None, tuple[int, int]] = {} if dim else {None: (0, 0)}
        for c in self.cells:
            if c.month > through or c.year not in (year, year - 1):
                continue
            key = getattr(c, dim) if dim else None
            cur, prior = out.get(key, (0, 0))
            out[key] = (cur + c.amount, prior) if c.year == year else (cur, prior + c.amount)
        return out

    def reported(self, year: int, through: int) -> bool:
        """Some record of ``year`` is of a month up to ``through`` (a figure of 0 is a report)."""
        return any(c.year == year and c.month <= through for c in self.cells)

    def not_comparable(self, year: int, through: int, dim: str | None = None) -> set[str | None]:
        """Keys of ``dim`` (None: unclassified) whose year to date through ``through`` is not known
        exactly in ``year`` or ``year`` − 1 — without ``dim``, {None} when the total's is not: a
        figure covering months up to ``through`` together with later ones (1–X月 with X later)
        cannot be split. Their growth has no figure."""
        out: set[str | None] = set()
        for c in self.cells:
            if c.first is not None and c.first <= through < c.month and c.year in (year, year - 1):
                out.add(getattr(c, dim) if dim else None)
        return out

    def pending(self, year: int, through: int) -> int:
        """Amount of ``year`` reported for months up to ``through`` together with later ones
        (counted only from their last month on, so not in the year to date through ``through``)."""
        return sum(
            c.amount for c in self.cells if c.year == year and c.first is not None and c.first <= through < c.month
        )

    def spans(self, year: int) -> dict[int, int]:
        """Month → first month of the widest figure ending that month that covers several months
        (1–X月): the month's total holds investment of those months too."""
        out: dict[int, int] = {}
        for c in self.cells:
            if c.year == year and c.first is not None:  # a figure of 0 still covers its months
                out[c.month] = min(out.get(c.month, c.month), c.first)
        return out

    def monthly(self, year: int, dim: str | None = None) -> dict[tuple[str | None, int], int]:
        """Completed investment of each month of ``year`` per key (None: total); a figure covering
        several months stands at its last month (see :meth:`spans`)."""
        if dim is not None:
            _check(dim)
        out: dict[tuple[str | None, int], int] = {}
        for c in self.cells:
            if c.year != year:
                continue
            key = (getattr(c, dim) if dim else None, c.month)
            out[key] = out.get(key, 0) + c.amount
        return out


_NONE = ProjectTotals()


def _check(dim: str) -> None:
    if dim not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dim!r}; one of {DIMENSIONS}")
