"""What a round's workbooks list and what their returns lack: a district's projects with their
year to date and last month, the histories the plausibility checks compare with, and the projects
still without the round month's figure.

Apart from the round's own bookkeeping (storage/rounds.py): these read projects and investment
records, for a workbook's list and for checking a return.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zqtracker.domain.rounds import History, Lacking, Period, SheetProject
from zqtracker.domain.status import Status
from zqtracker.storage.tables import (
    DistrictRow,
    EnterpriseRow,
    InvestmentRow,
    ProjectTable,
    RoundProjectRow,
    SectorRow,
)


class RoundSheetQueries:
    def __init__(self, session: Session) -> None:
        self.s = session

    def sheet_projects(self, district_id: int, period: Period, ids: Iterable[int] | None = None) -> list[SheetProject]:
        """A district's projects (all but the cancelled), with the year to date through the
        month before ``period`` and that month's amount, ordered by code then name. ``ids``: these
        projects instead, wherever they are now and whatever their status (a workbook's list)."""
        prev = period.previous()
        i = InvestmentRow
        ytd = (
            select(
                i.project_id.label("pid"),
                func.sum(i.amount).label("ytd"),
            )
            .where(i.year == period.year, i.month < period.month)
            .group_by(i.project_id)
            .subquery()
        )
        last = (
            select(i.project_id.label("pid"), i.amount.label("amount"))
            .where(i.year == prev.year, i.month == prev.month)
            .subquery()
        )
        p = ProjectTable
        stmt = (
            select(
                p.id,
                p.code,
                p.name,
                EnterpriseRow.name,
                SectorRow.name,
                p.status,
                p.planned_investment,
                func.coalesce(ytd.c.ytd, 0),
                last.c.amount,
                p.progress_note,
            )
            .outerjoin(EnterpriseRow, EnterpriseRow.id == p.enterprise_id)
            .outerjoin(SectorRow, SectorRow.id == p.sector_id)
            .outerjoin(ytd, ytd.c.pid == p.id)
            .outerjoin(last, last.c.pid == p.id)
            .order_by(p.code.is_(None), p.code, p.name, p.id)
        )
        if ids is None:
            stmts = [stmt.where(p.district_id == district_id, p.status != Status.CANCELLED.value)]
        else:
            chosen = sorted(ids)
            stmts = [stmt.where(p.id.in_(chosen[k : k + 900])) for k in range(0, len(chosen), 900)]
        return [
            SheetProject(
                pid, code, name, ent, sector, Status(status), planned, int(y), None if lm is None else int(lm), note
            )
            for one in stmts
            for pid, code, name, ent, sector, status, planned, y, lm, note in self.s.execute(one).all()
        ]

    def histories(self, project_ids: Iterable[int], period: Period) -> dict[int, History]:
        """Each project's planned investment, status and records up to the month before ``period``."""
        ids = list(project_ids)
        out: dict[int, History] = {}
        records: dict[int, dict[tuple[int, int], int]] = {pid: {} for pid in ids}
        for k in range(0, len(ids), 900):
            chunk = ids[k : k + 900]
            for pid, y, m, amount in self.s.execute(
                select(InvestmentRow.project_id, InvestmentRow.year, InvestmentRow.month, InvestmentRow.amount).where(
                    InvestmentRow.project_id.in_(chunk),
                    InvestmentRow.year * 100 + InvestmentRow.month < period.year * 100 + period.month,
                )
            ):
                records[pid][(int(y), int(m))] = int(amount)
            for pid, planned, status in self.s.execute(
                select(ProjectTable.id, ProjectTable.planned_investment, ProjectTable.status).where(
                    ProjectTable.id.in_(chunk)
                )
            ):
                out[pid] = History(None if planned is None else int(planned), records[pid], Status(status))
        return out

    def project_districts(self, project_ids: Iterable[int]) -> dict[int, tuple[int | None, str]]:
        """Each project's district now, by id and name ("" without one); a deleted project is absent."""
        ids = list(project_ids)
        out: dict[int, tuple[int | None, str]] = {}
        for i in range(0, len(ids), 900):
            stmt = (
                select(ProjectTable.id, ProjectTable.district_id, DistrictRow.name)
                .outerjoin(DistrictRow, DistrictRow.id == ProjectTable.district_id)
                .where(ProjectTable.id.in_(ids[i : i + 900]))
            )
            out.update({pid: (did, name or "") for pid, did, name in self.s.execute(stmt).all()})
        return out

    def lacking(self, round_id: int, period: Period) -> list[Lacking]:
        """Projects of a round's workbooks without a record for its month, by district and name."""
        has = select(InvestmentRow.project_id).where(
            InvestmentRow.year == period.year, InvestmentRow.month == period.month
        )
        stmt = (
            select(DistrictRow.name, ProjectTable.code, ProjectTable.name)
            .select_from(RoundProjectRow)
            .join(ProjectTable, ProjectTable.id == RoundProjectRow.project_id)
            .join(DistrictRow, DistrictRow.id == RoundProjectRow.district_id)
            .where(RoundProjectRow.round_id == round_id, RoundProjectRow.project_id.not_in(has))
            .order_by(DistrictRow.name, ProjectTable.code.is_(None), ProjectTable.code, ProjectTable.name)
        )
        return [Lacking(d, c, n) for d, c, n in self.s.execute(stmt).all()]

    def counts(self, round_id: int, period: Period) -> dict[int, tuple[int, int]]:
        """District id → (projects listed, of them without a record for the month)."""
        has = (
            select(InvestmentRow.project_id)
            .where(InvestmentRow.year == period.year, InvestmentRow.month == period.month)
            .subquery()
        )
        r = RoundProjectRow
        stmt = (
            select(r.district_id, func.count(), func.count() - func.count(has.c.project_id))
            .outerjoin(has, has.c.project_id == r.project_id)
            .where(r.round_id == round_id)
            .group_by(r.district_id)
        )
        return {d: (int(n), int(lack)) for d, n, lack in self.s.execute(stmt).all()}
