"""SQL aggregates behind the statistics. Each returns plain numbers keyed by name.

Grouping is done by id in SQL and mapped to names in Python afterwards, so the big
investment table is joined only to ``projects`` (never to the reference tables).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import BILLION_YUAN
from zqtracker.storage.filtering import filter_clause
from zqtracker.storage.meta import get_meta
from zqtracker.storage.tables import (
    AnnualPlanRow,
    DistrictRow,
    EnterpriseRow,
    InvestmentRow,
    ProjectTable,
    SectorRow,
)

DIMENSIONS = ("status", "sector", "district", "chain")


class StatsQueries:
    def __init__(self, session: Session) -> None:
        self.s = session
        self._names: dict[str, dict[int, str]] = {}

    # -- names -----------------------------------------------------------------------------
    def _sector_names(self) -> dict[int, str]:
        if "sector" not in self._names:
            self._names["sector"] = dict(self.s.execute(select(SectorRow.id, SectorRow.name)).all())
        return self._names["sector"]

    def _chain_names(self) -> dict[int, str]:
        """Sector id → its chain's name (the parent), or its own name for a top-level sector."""
        if "chain" not in self._names:
            names = self._sector_names()
            parents = dict(self.s.execute(select(SectorRow.id, SectorRow.parent_id)).all())
            self._names["chain"] = {sid: names[parents[sid]] if parents[sid] else names[sid] for sid in names}
        return self._names["chain"]

    def _district_names(self) -> dict[int, str]:
        if "district" not in self._names:
            self._names["district"] = dict(self.s.execute(select(DistrictRow.id, DistrictRow.name)).all())
        return self._names["district"]

    def _dimension(self, dim: str):
        if dim == "status":
            return ProjectTable.status, None
        if dim == "sector":
            return ProjectTable.sector_id, self._sector_names()
        if dim == "chain":
            return ProjectTable.sector_id, self._chain_names()
        if dim == "district":
            return ProjectTable.district_id, self._district_names()
        raise ValueError(f"unknown dimension {dim!r}")

    # -- project counts --------------------------------------------------------------------
    def totals(self, f: ProjectFilter | None = None) -> tuple[int, int, int]:
        """(projects, planned investment, billion-yuan projects)."""
        stmt = select(
            func.count(ProjectTable.id),
            func.coalesce(func.sum(ProjectTable.planned_investment), 0),
            func.coalesce(func.sum(case((ProjectTable.planned_investment >= BILLION_YUAN, 1), else_=0)), 0),
        )
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        n, planned, billion = self.s.execute(stmt).one()
        return int(n), int(planned), int(billion)

    def breakdown(self, dim: str, f: ProjectFilter | None = None) -> dict[str, tuple[int, int]]:
        """Projects and planned investment by status / sector / district / chain."""
        col, names = self._dimension(dim)
        stmt = select(col, func.count(ProjectTable.id), func.sum(ProjectTable.planned_investment)).group_by(col)
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        out: dict[str, tuple[int, int]] = {}
        for key, n, planned in self.s.execute(stmt):
            name = key if names is None else names[key]
            prev = out.get(name, (0, 0))
            out[name] = (prev[0] + int(n), prev[1] + int(planned or 0))
        return out

    # -- completed investment --------------------------------------------------------------
    def latest_period(self) -> tuple[int, int] | None:
        ym = self.s.scalar(select(func.max(InvestmentRow.year * 100 + InvestmentRow.month)))
        return None if ym is None else (int(ym) // 100, int(ym) % 100)

    def ytd(
        self, year: int, through: int, dim: str | None = None, f: ProjectFilter | None = None
    ) -> dict[str | None, tuple[int, int]]:
        """(YTD of ``year``, YTD of ``year - 1``) through month ``through``, per dimension key."""
        cur = func.coalesce(func.sum(case((InvestmentRow.year == year, InvestmentRow.amount), else_=0)), 0)
        prior = func.coalesce(func.sum(case((InvestmentRow.year == year - 1, InvestmentRow.amount), else_=0)), 0)
        clause = filter_clause(f)
        where = [InvestmentRow.year.in_((year - 1, year)), InvestmentRow.month <= through]
        if dim is None and clause is None:
            c, p = self.s.execute(select(cur, prior).where(*where)).one()
            return {None: (int(c), int(p))}
        col, names = self._dimension(dim) if dim else (None, None)
        stmt = select(*(c for c in (col,) if c is not None), cur, prior).join(
            ProjectTable, ProjectTable.id == InvestmentRow.project_id
        )
        stmt = stmt.where(*where)
        if clause is not None:
            stmt = stmt.where(clause)
        if col is None:
            c, p = self.s.execute(stmt).one()
            return {None: (int(c), int(p))}
        stmt = stmt.group_by(col)
        out: dict[str | None, tuple[int, int]] = {}
        for key, c, p in self.s.execute(stmt):
            name = key if names is None else names[key]
            prev = out.get(name, (0, 0))
            out[name] = (prev[0] + int(c), prev[1] + int(p))
        return out

    def monthly_totals(
        self, years: tuple[int, ...], f: ProjectFilter | None = None, dim: str | None = None
    ) -> dict[tuple[str | None, int, int], int]:
        """Completed investment per (key, year, month) for the given years (key None: total)."""
        clause = filter_clause(f)
        col, names = self._dimension(dim) if dim else (None, None)
        cols = [InvestmentRow.year, InvestmentRow.month]
        if col is not None:
            cols.insert(0, col)
        stmt = select(*cols, func.sum(InvestmentRow.amount)).where(InvestmentRow.year.in_(years))
        if clause is not None or col is not None:
            stmt = stmt.join(ProjectTable, ProjectTable.id == InvestmentRow.project_id)
        if clause is not None:
            stmt = stmt.where(clause)
        stmt = stmt.group_by(*cols)
        out: dict[tuple[str | None, int, int], int] = {}
        for row in self.s.execute(stmt):
            if col is None:
                y, m, total = row
                key = None
            else:
                k, y, m, total = row
                key = k if names is None else names[k]
            out[(key, int(y), int(m))] = out.get((key, int(y), int(m)), 0) + int(total or 0)
        return out

    def signed_by_month(self, year: int, f: ProjectFilter | None = None) -> dict[int, tuple[int, int]]:
        """Projects signed in each month of ``year`` and their planned investment."""
        month = func.extract("month", ProjectTable.signed_on)
        stmt = (
            select(month, func.count(ProjectTable.id), func.sum(ProjectTable.planned_investment))
            .where(ProjectTable.signed_on >= date(year, 1, 1), ProjectTable.signed_on <= date(year, 12, 31))
            .group_by(month)
        )
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        return {int(m): (int(n), int(p or 0)) for m, n, p in self.s.execute(stmt)}

    # -- monthly progress table ------------------------------------------------------------
    def progress(self, year: int, month: int, f: ProjectFilter | None = None) -> list[tuple]:
        """Per project with a plan for ``year`` or investment in it up to ``month``:
        (id, code, name, enterprise, sector, district, status, planned, is_key,
         this month, YTD, annual plan or None, since start)."""
        period = year * 100 + month
        ym = InvestmentRow.year * 100 + InvestmentRow.month
        inv = (
            select(
                InvestmentRow.project_id.label("pid"),
                func.sum(case((ym == period, InvestmentRow.amount), else_=0)).label("this_month"),
                func.sum(
                    case(((InvestmentRow.year == year) & (InvestmentRow.month <= month), InvestmentRow.amount), else_=0)
                ).label("ytd"),
                func.sum(InvestmentRow.amount).label("since_start"),
                func.max(case((InvestmentRow.year == year, 1), else_=0)).label("active"),
            )
            .where(ym <= period)
            .group_by(InvestmentRow.project_id)
            .subquery()
        )
        plan = (
            select(AnnualPlanRow.project_id.label("pid"), AnnualPlanRow.amount.label("plan"))
            .where(AnnualPlanRow.year == year)
            .subquery()
        )
        p = ProjectTable
        stmt = (
            select(
                p.id,
                p.code,
                p.name,
                EnterpriseRow.name,
                p.sector_id,
                p.district_id,
                p.status,
                p.planned_investment,
                p.is_key_project,
                func.coalesce(inv.c.this_month, 0),
                func.coalesce(inv.c.ytd, 0),
                plan.c.plan,
                func.coalesce(inv.c.since_start, 0),
            )
            .outerjoin(inv, inv.c.pid == p.id)
            .outerjoin(plan, plan.c.pid == p.id)
            .outerjoin(EnterpriseRow, EnterpriseRow.id == p.enterprise_id)
            .where((plan.c.plan.is_not(None)) | (inv.c.active == 1))
            .order_by(p.is_key_project.desc(), p.planned_investment.desc(), p.id)
        )
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        sectors, districts = self._sector_names(), self._district_names()
        return [
            (r[0], r[1], r[2], r[3], sectors[r[4]], districts[r[5]], r[6], int(r[7]), bool(r[8]),
             int(r[9]), int(r[10]), None if r[11] is None else int(r[11]), int(r[12]))
            for r in self.s.execute(stmt)
        ]  # fmt: skip

    # -- meta ------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        return get_meta(self.s, key)
