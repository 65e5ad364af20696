"""Rounds (issue 17): each month's round, its districts' workbooks sent, returned and imported,
the projects each workbook listed, and the analyst's decisions on a return's findings.

Services hand domain values in and get domain values back. What a workbook lists and a return
lacks is storage/round_sheets.py; a closed month's frozen figures, storage/closed_months.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from zqtracker.domain.rounds import DistrictState, Period
from zqtracker.domain.status import Status
from zqtracker.storage.querying import utcnow
from zqtracker.storage.tables import (
    DistrictRow,
    ProjectTable,
    RoundDecisionRow,
    RoundDistrictRow,
    RoundProjectRow,
    RoundRow,
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

    def set_round(
        self, round_id: int, *, folder: str | None = None, due_on: date | None = None, unit: str | None = None
    ) -> None:
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

    def may_collect(self) -> bool:
        """Whether this account may record returns (on a server, an analyst's or the owner's)."""
        if self.s.get_bind().dialect.name == "sqlite":
            return True
        return bool(self.s.execute(text("SELECT has_table_privilege('round_districts', 'UPDATE')")).scalar())

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

    # -- decisions -------------------------------------------------------------------------------
    def decisions(self, round_id: int) -> dict[tuple[int, str], tuple[str, str]]:
        stmt = select(
            RoundDecisionRow.project_id, RoundDecisionRow.check_code, RoundDecisionRow.decision, RoundDecisionRow.note
        ).where(RoundDecisionRow.round_id == round_id)
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
