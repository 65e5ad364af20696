"""Small aggregate tables ("cubes") and every figure derived from them.

Storage hands in one row per (status, sector, district) of projects and one per (year, month,
sector, district) of completed investment — a few thousand rows even for 100k projects — and
all breakdowns, year-to-date sums and monthly series are summed here in plain Python. One SQL
scan feeds a whole dashboard, and the arithmetic is tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DIMENSIONS = ("status", "sector", "chain", "district")


@dataclass(frozen=True, slots=True)
class ProjectCell:
    status: str
    sector: str
    chain: str  # the sector's industry chain (its parent), or the sector itself at top level
    district: str
    projects: int
    planned: int
    billion: int  # projects of at least 1e9 yuan


@dataclass(frozen=True, slots=True)
class InvestmentCell:
    year: int
    month: int
    sector: str
    chain: str
    district: str
    amount: int
    first: int | None = None  # a figure covering months first..month as one (1–X月); None: the month alone


class ProjectCube:
    def __init__(self, cells: Iterable[ProjectCell]) -> None:
        self.cells = list(cells)

    def totals(self) -> tuple[int, int, int]:
        """(projects, planned investment, billion-yuan projects)."""
        return (
            sum(c.projects for c in self.cells),
            sum(c.planned for c in self.cells),
            sum(c.billion for c in self.cells),
        )

    def breakdown(self, dim: str) -> dict[str, tuple[int, int]]:
        """(projects, planned investment) per status / sector / chain / district."""
        _check(dim)
        out: dict[str, tuple[int, int]] = {}
        for c in self.cells:
            key = getattr(c, dim)
            n, p = out.get(key, (0, 0))
            out[key] = (n + c.projects, p + c.planned)
        return out


class InvestmentCube:
    def __init__(self, cells: Iterable[InvestmentCell]) -> None:
        self.cells = list(cells)

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

    def not_comparable(self, year: int, through: int, dim: str | None = None) -> set[str | None]:
        """Keys (None: the total) whose year to date through ``through`` is not known exactly in
        ``year`` or ``year`` − 1: a figure covering months up to ``through`` together with later
        ones (1–X月 with X > ``through``) cannot be split. Their growth has no figure."""
        out: set[str | None] = set()
        for c in self.cells:
            if c.first is not None and c.first <= through < c.month and c.year in (year, year - 1):
                out.add(None)
                if dim:
                    out.add(getattr(c, dim))
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
            if c.year == year and c.first is not None and c.amount:
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


def _check(dim: str) -> None:
    if dim not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dim!r}; one of {DIMENSIONS}")
