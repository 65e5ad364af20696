"""Closed months: a month's consolidated figures frozen when its round is closed — the investment
records of its year through the month (and its figures covering the month with later ones) and of
the year before, and the progress table's lines —
so that a report of that month reads the same later, and changes made since are listed as
corrections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.rounds import Period
from zqtracker.storage.filtering import filter_clause
from zqtracker.storage.querying import utcnow
from zqtracker.storage.tables import (
    ClosedInvestmentRow,
    ClosedMonthRow,
    ClosedProgressRow,
    DistrictRow,
    InvestmentRow,
    ProjectTable,
)


class ClosedMonthStore:
    def __init__(self, session: Session) -> None:
        self.s = session

    def closed(self) -> dict[Period, datetime]:
        return {
            Period(y, m): at
            for y, m, at in self.s.execute(
                select(ClosedMonthRow.year, ClosedMonthRow.month, ClosedMonthRow.closed_at)
            ).all()
        }

    def close(self, period: Period, progress_rows: Sequence[tuple], note: str = "") -> datetime:
        """Freeze ``period``: the investment records of its year through its month and of the year
        before, and the progress table's lines (as StatsQueries.progress gives them). A figure of its
        year covering the month together with later ones (1–10月 closing September) is frozen too:
        not in the year to date, it still makes its project's not known, as the live figures say
        (probe37b F2: without it the closed growth counted the project's last year alone)."""
        at = utcnow()
        self.s.add(ClosedMonthRow(year=period.year, month=period.month, closed_at=at, note=note))
        i = InvestmentRow
        running = (i.year == period.year) & (i.month > period.month) & (i.first_month <= period.month)
        stmt = select(i.project_id, i.year, i.month, i.amount, i.sector_id, i.district_id, i.first_month).where(
            ((i.year == period.year) & (i.month <= period.month)) | (i.year == period.year - 1) | running
        )
        rows = [
            {"close_year": period.year, "close_month": period.month, "project_id": pid, "year": y, "month": m,
             "amount": amount, "sector_id": sid, "district_id": did, "first_month": fm}
            for pid, y, m, amount, sid, did, fm in self.s.execute(stmt).all()
        ]  # fmt: skip
        for k in range(0, len(rows), 5000):
            self.s.execute(insert(ClosedInvestmentRow), rows[k : k + 5000])
        lines = [
            {"close_year": period.year, "close_month": period.month, "project_id": r[0], "code": r[1], "name": r[2],
             "enterprise": r[3], "sector": r[4], "district": r[5], "status": r[6], "planned_investment": r[7],
             "is_key_project": r[8], "this_month": r[9], "ytd": r[10], "annual_plan": r[11], "since_start": r[12],
             "this_month_first": r[13], "since_start_reported": bool(r[14])}
            for r in progress_rows
        ]  # fmt: skip
        for k in range(0, len(lines), 5000):
            self.s.execute(insert(ClosedProgressRow), lines[k : k + 5000])
        return at

    def reopen(self, period: Period) -> None:
        for table in (ClosedInvestmentRow, ClosedProgressRow):
            self.s.execute(delete(table).where(table.close_year == period.year, table.close_month == period.month))
        self.s.execute(
            delete(ClosedMonthRow).where(ClosedMonthRow.year == period.year, ClosedMonthRow.month == period.month)
        )

    def closed_progress(self, period: Period, project_ids: set[int] | None = None) -> list[tuple]:
        """The frozen progress lines, in StatsQueries.progress's shape and order."""
        c = ClosedProgressRow
        stmt = (
            select(
                c.project_id,
                c.code,
                c.name,
                c.enterprise,
                c.sector,
                c.district,
                c.status,
                c.planned_investment,
                c.is_key_project,
                c.this_month,
                c.ytd,
                c.annual_plan,
                c.since_start,
                c.this_month_first,
                c.since_start_reported,
            )
            .where(c.close_year == period.year, c.close_month == period.month)
            .order_by(c.is_key_project.desc(), c.planned_investment.desc().nulls_last(), c.project_id)
        )
        rows = [tuple(r) for r in self.s.execute(stmt).all()]
        if project_ids is not None:
            rows = [r for r in rows if r[0] in project_ids]
        return rows

    def closed_records(self, period: Period) -> dict[tuple[int, int, int], int]:
        """(project, year, month) → yuan as frozen when ``period`` was closed, through its month (a
        figure running past it, frozen to say so, is not one of its records)."""
        c = ClosedInvestmentRow
        stmt = select(c.project_id, c.year, c.month, c.amount).where(
            c.close_year == period.year,
            c.close_month == period.month,
            c.year * 100 + c.month <= period.year * 100 + period.month,
        )
        return {(pid, y, m): int(a) for pid, y, m, a in self.s.execute(stmt).all()}

    def live_records(self, years: Sequence[int], through: Period) -> dict[tuple[int, int, int], int]:
        i = InvestmentRow
        stmt = select(i.project_id, i.year, i.month, i.amount).where(
            i.year.in_(list(years)), i.year * 100 + i.month <= through.year * 100 + through.month
        )
        return {(pid, y, m): int(a) for pid, y, m, a in self.s.execute(stmt).all()}

    def matching(self, f: ProjectFilter) -> set[int]:
        """Ids of the projects a filter picks, as they are now."""
        stmt = select(ProjectTable.id)
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        return {pid for (pid,) in self.s.execute(stmt).all()}

    def names(self, project_ids: Iterable[int]) -> dict[int, tuple[str | None, str, str | None]]:
        """Project id → (code, name, district) of projects that still exist."""
        ids = list(project_ids)
        out: dict[int, tuple[str | None, str, str | None]] = {}
        for k in range(0, len(ids), 900):
            stmt = (
                select(ProjectTable.id, ProjectTable.code, ProjectTable.name, DistrictRow.name)
                .outerjoin(DistrictRow, DistrictRow.id == ProjectTable.district_id)
                .where(ProjectTable.id.in_(ids[k : k + 900]))
            )
            out.update({pid: (code, name, d) for pid, code, name, d in self.s.execute(stmt).all()})
        return out
