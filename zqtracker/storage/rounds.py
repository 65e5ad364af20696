"""Rounds, their districts and projects, the analyst's decisions, and closed months (issue 17).

Services hand domain values in and get domain values back; every query of the round lives here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.rounds import DistrictState, History, Lacking, Period, SheetProject
from zqtracker.domain.status import Status
from zqtracker.storage.filtering import filter_clause
from zqtracker.storage.querying import utcnow
from zqtracker.storage.tables import (
    ClosedInvestmentRow,
    ClosedMonthRow,
    ClosedProgressRow,
    DistrictRow,
    EnterpriseRow,
    InvestmentRow,
    ProjectTable,
    RoundDecisionRow,
    RoundDistrictRow,
    RoundProjectRow,
    RoundRow,
    SectorRow,
)


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    period: Period
    due_on: date
    created_at: datetime
    folder: str
    unit: str


@dataclass(frozen=True, slots=True)
class DistrictPart:
    round_id: int
    district_id: int
    district: str
    token: str
    file_name: str
    sent_at: datetime | None
    returned_on: date | None
    returned_file: str
    imported_at: datetime | None
    updated: int
    added: int

    @property
    def state(self) -> DistrictState:
        if self.imported_at is not None:
            return DistrictState.IMPORTED
        if self.returned_on is not None:
            return DistrictState.RETURNED
        if self.sent_at is not None:
            return DistrictState.SENT
        return DistrictState.NOT_SENT


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class RoundStore:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- rounds ----------------------------------------------------------------------------------
    def find(self, period: Period) -> RoundInfo | None:
        row = self.s.execute(
            select(RoundRow).where(RoundRow.year == period.year, RoundRow.month == period.month)
        ).scalar()
        return None if row is None else self._info(row)

    def rounds(self) -> list[RoundInfo]:
        rows = self.s.execute(select(RoundRow).order_by(RoundRow.year.desc(), RoundRow.month.desc())).scalars()
        return [self._info(r) for r in rows]

    @staticmethod
    def _info(row: RoundRow) -> RoundInfo:
        return RoundInfo(row.id, Period(row.year, row.month), row.due_on, row.created_at, row.folder, row.unit)

    def create(self, period: Period, due_on: date, unit: str) -> RoundInfo:
        row = RoundRow(year=period.year, month=period.month, due_on=due_on, created_at=utcnow(), folder="", unit=unit)
        self.s.add(row)
        self.s.flush()
        return self._info(row)

    def set_round(self, round_id: int, *, folder: str | None = None, due_on: date | None = None,
                  unit: str | None = None) -> None:  # fmt: skip
        values: dict[str, object] = {}
        if folder is not None:
            values["folder"] = folder
        if due_on is not None:
            values["due_on"] = due_on
        if unit is not None:
            values["unit"] = unit
        if values:
            self.s.execute(update(RoundRow).where(RoundRow.id == round_id).values(**values))

    # -- districts -------------------------------------------------------------------------------
    def district_ids(self, names: Iterable[str] | None = None) -> dict[str, int]:
        stmt = select(DistrictRow.name, DistrictRow.id).order_by(DistrictRow.name)
        found = dict(self.s.execute(stmt).all())
        if names is None:
            return found
        return {n: found[n] for n in names if n in found}

    def districts_with_projects(self) -> dict[str, int]:
        """Districts that have at least one project not cancelled, by name."""
        stmt = (
            select(DistrictRow.name, DistrictRow.id)
            .join(ProjectTable, ProjectTable.district_id == DistrictRow.id)
            .where(ProjectTable.status != Status.CANCELLED.value)
            .group_by(DistrictRow.name, DistrictRow.id)
            .order_by(DistrictRow.name)
        )
        return dict(self.s.execute(stmt).all())

    def parts(self, round_id: int) -> list[DistrictPart]:
        r = RoundDistrictRow
        stmt = (
            select(r, DistrictRow.name)
            .join(DistrictRow, DistrictRow.id == r.district_id)
            .where(r.round_id == round_id)
            .order_by(DistrictRow.name)
        )
        return [
            DistrictPart(row.round_id, row.district_id, name, row.token, row.file_name, row.sent_at,
                         _date(row.returned_on), row.returned_file, row.imported_at, row.projects_updated,
                         row.projects_added)
            for row, name in self.s.execute(stmt).all()
        ]  # fmt: skip

    def part(self, round_id: int, district_id: int) -> DistrictPart | None:
        return next((p for p in self.parts(round_id) if p.district_id == district_id), None)

    def put_part(self, round_id: int, district_id: int, token: str) -> None:
        exists = self.s.get(RoundDistrictRow, (round_id, district_id))
        if exists is None:
            self.s.add(RoundDistrictRow(round_id=round_id, district_id=district_id, token=token, file_name="",
                                        returned_file="", projects_updated=0, projects_added=0))  # fmt: skip
            self.s.flush()

    def mark_sent(self, round_id: int, district_id: int, file_name: str, project_ids: Sequence[int]) -> None:
        self.s.execute(
            update(RoundDistrictRow)
            .where(RoundDistrictRow.round_id == round_id, RoundDistrictRow.district_id == district_id)
            .values(file_name=file_name, sent_at=utcnow())
        )
        self.s.execute(
            delete(RoundProjectRow).where(
                RoundProjectRow.round_id == round_id, RoundProjectRow.district_id == district_id
            )
        )
        self.add_projects(round_id, district_id, project_ids)

    def add_projects(self, round_id: int, district_id: int, project_ids: Iterable[int]) -> None:
        rows = [{"round_id": round_id, "project_id": pid, "district_id": district_id} for pid in project_ids]
        if rows:
            self.s.execute(insert(RoundProjectRow), rows)

    def mark_returned(self, round_id: int, district_id: int, on: date, file_name: str) -> None:
        self.s.execute(
            update(RoundDistrictRow)
            .where(RoundDistrictRow.round_id == round_id, RoundDistrictRow.district_id == district_id)
            .values(returned_on=on, returned_file=file_name)
        )

    def mark_imported(self, round_id: int, district_id: int, updated: int, added: int) -> None:
        self.s.execute(
            update(RoundDistrictRow)
            .where(RoundDistrictRow.round_id == round_id, RoundDistrictRow.district_id == district_id)
            .values(imported_at=utcnow(), projects_updated=updated, projects_added=added)
        )

    def sent_projects(self, round_id: int, district_id: int | None = None) -> dict[int, int]:
        """Project id → district id of the projects a round's workbooks listed."""
        stmt = select(RoundProjectRow.project_id, RoundProjectRow.district_id).where(
            RoundProjectRow.round_id == round_id
        )
        if district_id is not None:
            stmt = stmt.where(RoundProjectRow.district_id == district_id)
        return dict(self.s.execute(stmt).all())

    def project_districts(self, project_ids: Iterable[int]) -> dict[int, int | None]:
        ids = list(project_ids)
        out: dict[int, int | None] = {}
        for i in range(0, len(ids), 900):
            stmt = select(ProjectTable.id, ProjectTable.district_id).where(ProjectTable.id.in_(ids[i : i + 900]))
            out.update(dict(self.s.execute(stmt).all()))
        return out

    # -- what a workbook lists -------------------------------------------------------------------
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
            SheetProject(pid, code, name, ent, sector, Status(status), planned, int(y), None if lm is None else int(lm),
                         note)
            for one in stmts
            for pid, code, name, ent, sector, status, planned, y, lm, note in self.s.execute(one).all()
        ]  # fmt: skip

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

    def lacking(self, round_id: int, period: Period) -> list[Lacking]:
        """Projects of a round's workbooks without a record for its month, by district and name."""
        has = select(InvestmentRow.project_id).where(InvestmentRow.year == period.year,
                                                     InvestmentRow.month == period.month)  # fmt: skip
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
        has = select(InvestmentRow.project_id).where(InvestmentRow.year == period.year,
                                                     InvestmentRow.month == period.month).subquery()  # fmt: skip
        r = RoundProjectRow
        stmt = (
            select(r.district_id, func.count(), func.count() - func.count(has.c.project_id))
            .outerjoin(has, has.c.project_id == r.project_id)
            .where(r.round_id == round_id)
            .group_by(r.district_id)
        )
        return {d: (int(n), int(lack)) for d, n, lack in self.s.execute(stmt).all()}

    # -- decisions -------------------------------------------------------------------------------
    def decisions(self, round_id: int) -> dict[tuple[int, str], tuple[str, str]]:
        stmt = select(RoundDecisionRow.project_id, RoundDecisionRow.check_code, RoundDecisionRow.decision,
                      RoundDecisionRow.note).where(RoundDecisionRow.round_id == round_id)  # fmt: skip
        return {(pid, check): (decision, note) for pid, check, decision, note in self.s.execute(stmt).all()}

    def decide(self, round_id: int, project_id: int, check: str, decision: str, note: str) -> None:
        self.s.execute(
            delete(RoundDecisionRow).where(
                RoundDecisionRow.round_id == round_id,
                RoundDecisionRow.project_id == project_id,
                RoundDecisionRow.check_code == check,
            )
        )
        self.s.add(RoundDecisionRow(round_id=round_id, project_id=project_id, check_code=check, decision=decision,
                                    note=note, decided_at=utcnow()))  # fmt: skip
        self.s.flush()

    # -- closed months ---------------------------------------------------------------------------
    def closed(self) -> dict[Period, datetime]:
        return {Period(y, m): at for y, m, at in self.s.execute(select(ClosedMonthRow.year, ClosedMonthRow.month,
                                                                       ClosedMonthRow.closed_at)).all()}  # fmt: skip

    def close(self, period: Period, progress_rows: Sequence[tuple], note: str = "") -> datetime:
        """Freeze ``period``: the investment records of its year through its month and of the year
        before, and the progress table's lines (as StatsQueries.progress gives them)."""
        at = utcnow()
        self.s.add(ClosedMonthRow(year=period.year, month=period.month, closed_at=at, note=note))
        i = InvestmentRow
        stmt = select(i.project_id, i.year, i.month, i.amount, i.sector_id, i.district_id, i.first_month).where(
            ((i.year == period.year) & (i.month <= period.month)) | (i.year == period.year - 1)
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
        self.s.execute(delete(ClosedMonthRow).where(ClosedMonthRow.year == period.year,
                                                    ClosedMonthRow.month == period.month))  # fmt: skip

    def matching(self, f: ProjectFilter) -> set[int]:
        """Ids of the projects a filter picks, as they are now."""
        stmt = select(ProjectTable.id)
        clause = filter_clause(f)
        if clause is not None:
            stmt = stmt.where(clause)
        return {pid for (pid,) in self.s.execute(stmt).all()}

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
        """(project, year, month) → yuan as frozen when ``period`` was closed."""
        c = ClosedInvestmentRow
        stmt = select(c.project_id, c.year, c.month, c.amount).where(c.close_year == period.year,
                                                                      c.close_month == period.month)  # fmt: skip
        return {(pid, y, m): int(a) for pid, y, m, a in self.s.execute(stmt).all()}

    def live_records(self, years: Sequence[int], through: Period) -> dict[tuple[int, int, int], int]:
        i = InvestmentRow
        stmt = select(i.project_id, i.year, i.month, i.amount).where(
            i.year.in_(list(years)), i.year * 100 + i.month <= through.year * 100 + through.month
        )
        return {(pid, y, m): int(a) for pid, y, m, a in self.s.execute(stmt).all()}

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
