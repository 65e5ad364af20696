"""Monthly investment records and annual plans of projects, read and written by project.

Investment records carry a copy of their project's sector and district (see InvestmentRow), so
writing them asks :func:`placements` first; each write refreshes the projects' derived last
activity (storage/last_activity.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from zqtracker.domain.errors import NotFoundError
from zqtracker.domain.models import AnnualPlan, InvestmentRecord
from zqtracker.storage import last_activity
from zqtracker.storage.querying import chunks
from zqtracker.storage.tables import AnnualPlanRow, InvestmentRow, ProjectTable


class InvestmentRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def investment(self, project_id: int) -> list[InvestmentRecord]:
        return self.investment_of([project_id]).get(project_id, [])

    def investment_of(
        self, project_ids: Iterable[int], years: Iterable[int] | None = None
    ) -> dict[int, list[InvestmentRecord]]:
        """The records (spans included) of each of ``project_ids``, optionally only of ``years``,
        in month order: what :func:`zqtracker.domain.cumulative.derive_from_ytd` needs as stored."""
        out: dict[int, list[InvestmentRecord]] = {}
        i = InvestmentRow
        for chunk in chunks(list(project_ids), 500):
            stmt = select(i.project_id, i.year, i.month, i.amount, i.first_month).where(i.project_id.in_(chunk))
            if years is not None:
                stmt = stmt.where(i.year.in_(list(years)))
            for pid, y, m, a, first in self.s.execute(stmt.order_by(i.project_id, i.year, i.month)):
                out.setdefault(pid, []).append(InvestmentRecord(pid, y, m, a, first))
        return out

    def plans(self, project_id: int) -> list[AnnualPlan]:
        rows = self.s.execute(
            select(AnnualPlanRow.year, AnnualPlanRow.amount)
            .where(AnnualPlanRow.project_id == project_id)
            .order_by(AnnualPlanRow.year)
        )
        return [AnnualPlan(project_id, y, a) for y, a in rows]

    def put_investment(self, records: Sequence[InvestmentRecord]) -> None:
        """Insert or overwrite monthly records (one per project and month)."""
        if not records:
            return
        self._delete_investment_keys([(r.project_id, r.year, r.month) for r in records])
        where = placements(self.s, {r.project_id for r in records})
        self.s.execute(
            insert(InvestmentRow),
            [
                {"project_id": r.project_id, "year": r.year, "month": r.month, "amount": r.amount,
                 "first_month": r.first_month,
                 "sector_id": where[r.project_id][0], "district_id": where[r.project_id][1]}
                for r in records
            ],
        )  # fmt: skip
        last_activity.refresh(self.s, where)

    def _delete_investment_keys(self, keys: Sequence[tuple[int, int, int]]) -> None:
        by_project: dict[int, list[int]] = {}
        for pid, y, m in keys:
            by_project.setdefault(pid, []).append(y * 100 + m)
        for pid, periods in by_project.items():
            self.s.execute(
                delete(InvestmentRow).where(
                    InvestmentRow.project_id == pid,
                    (InvestmentRow.year * 100 + InvestmentRow.month).in_(periods),
                )
            )

    def delete_investment(self, keys: Sequence[tuple[int, int, int]]) -> None:
        self._delete_investment_keys(keys)
        last_activity.refresh(self.s, {pid for pid, _y, _m in keys})

    def put_plans(self, plans: Sequence[AnnualPlan]) -> None:
        if not plans:
            return
        for pl in plans:
            self.s.execute(
                delete(AnnualPlanRow).where(AnnualPlanRow.project_id == pl.project_id, AnnualPlanRow.year == pl.year)
            )
        self.s.execute(
            insert(AnnualPlanRow),
            [{"project_id": pl.project_id, "year": pl.year, "amount": pl.amount} for pl in plans],
        )

    def delete_plans(self, keys: Sequence[tuple[int, int]]) -> None:
        for pid, year in keys:
            self.s.execute(delete(AnnualPlanRow).where(AnnualPlanRow.project_id == pid, AnnualPlanRow.year == year))


def placements(session: Session, project_ids: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
    """(sector id, district id) of each project, None where unknown: what investment records carry."""
    out: dict[int, tuple[int | None, int | None]] = {}
    ids = list(project_ids)
    for chunk in chunks(ids, 900):
        stmt = select(ProjectTable.id, ProjectTable.sector_id, ProjectTable.district_id).where(
            ProjectTable.id.in_(chunk)
        )
        for pid, sid, did in session.execute(stmt):
            out[pid] = (sid, did)
    missing = [pid for pid in ids if pid not in out]
    if missing:
        raise NotFoundError(f"project {missing[0]} does not exist")
    return out
