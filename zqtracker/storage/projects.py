"""Projects one at a time: reading them as domain objects, saving edits, status changes, deletes.

A project's status history is written here with each status change. The list of every project
is storage/project_list.py; monthly investment and annual plans, storage/investment.py; the ORM
row ↔ domain conversions, storage/project_rows.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from zqtracker.domain.errors import ConcurrentUpdateError, NotFoundError, Problem, ValidationError
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import (
    AnnualPlan,
    InvestmentRecord,
    Project,
    ProjectSnapshot,
    StatusChange,
)
from zqtracker.domain.status import Status
from zqtracker.storage import last_activity
from zqtracker.storage.filtering import apply_filter
from zqtracker.storage.project_rows import (
    PLAIN_COLUMNS,
    STATUS_OF,
    figure_columns,
    stored_value,
    to_change,
    to_project,
)
from zqtracker.storage.querying import chunks, utcnow
from zqtracker.storage.references import ReferenceRepository
from zqtracker.storage.tables import (
    AnnualPlanRow,
    DistrictRow,
    EnterpriseRow,
    InvestmentRow,
    ProjectTable,
    SectorRow,
    StatusChangeRow,
)


class ProjectRepository:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.refs = ReferenceRepository(session)

    # -- reading ---------------------------------------------------------------------------
    def _project_select(self):
        parent = aliased(SectorRow)
        return (
            select(
                ProjectTable,
                SectorRow.name,
                DistrictRow.name,
                EnterpriseRow.name,
            )
            .outerjoin(SectorRow, ProjectTable.sector_id == SectorRow.id)
            .outerjoin(DistrictRow, ProjectTable.district_id == DistrictRow.id)
            .outerjoin(EnterpriseRow, ProjectTable.enterprise_id == EnterpriseRow.id)
            .outerjoin(parent, SectorRow.parent_id == parent.id)
        )

    def get(self, project_id: int) -> Project:
        row = self.s.execute(self._project_select().where(ProjectTable.id == project_id)).first()
        if row is None:
            raise NotFoundError(f"project {project_id} does not exist")
        return to_project(*row)

    def get_many(self, ids: Iterable[int]) -> list[Project]:
        ids = list(ids)
        out: dict[int, Project] = {}
        for chunk in chunks(ids, 500):
            for row in self.s.execute(self._project_select().where(ProjectTable.id.in_(chunk))):
                p = to_project(*row)
                out[p.id] = p  # type: ignore[index]
        return [out[i] for i in ids if i in out]

    def all_projects(self, f: ProjectFilter | None = None) -> list[Project]:
        stmt = apply_filter(self._project_select(), f).order_by(ProjectTable.id)
        return [to_project(*row) for row in self.s.execute(stmt)]

    def id_by_code(self, code: str) -> int | None:
        return self.s.scalar(select(ProjectTable.id).where(ProjectTable.code == code))

    def keys(self) -> tuple[dict[str, int], dict[tuple[str, str | None], int]]:
        """Every project id by code, and by (name, district name or None): the import's match keys."""
        by_code: dict[str, int] = {}
        by_name: dict[tuple[str, str | None], int] = {}
        stmt = select(ProjectTable.id, ProjectTable.code, ProjectTable.name, DistrictRow.name).outerjoin(
            DistrictRow, ProjectTable.district_id == DistrictRow.id
        )
        for pid, code, name, district in self.s.execute(stmt):
            if code:
                by_code[code] = pid
            by_name.setdefault((name, district), pid)
        return by_code, by_name

    def count(self, f: ProjectFilter | None = None) -> int:
        return self.s.scalar(apply_filter(select(func.count(ProjectTable.id)), f)) or 0

    # -- writing ---------------------------------------------------------------------------
    def _reference_ids(self, project: Project) -> dict[str, int | None]:
        return {
            "sector_id": self.refs.ensure_sector(project.sector) if project.sector else None,
            "district_id": self.refs.ensure_district(project.district) if project.district else None,
            "enterprise_id": self.refs.ensure_enterprise(project.enterprise) if project.enterprise else None,
        }

    def _check_code_free(self, code: str | None, own_id: int | None) -> None:
        if not code:
            return
        other = self.id_by_code(code)
        if other is not None and other != own_id:
            raise ValidationError(Problem("duplicate_code", "code", {"value": code}))

    def add(self, project: Project, *, status_on: date | None = None, note: str = "") -> int:
        """Insert a project and its first status-history row; returns the new id."""
        self._check_code_free(project.code, None)
        now = utcnow()
        values = {k: getattr(project, k) for k in PLAIN_COLUMNS}
        values.update(figure_columns(project))
        values.update(self._reference_ids(project))
        values.update(
            status=project.status.value,
            project_type=stored_value(project.project_type),
            investor_origin=stored_value(project.investor_origin),
            created_at=project.created_at or now,
            updated_at=now,
            version=1,
        )
        if project.id is not None:
            values["id"] = project.id
        new_id = self.s.execute(insert(ProjectTable).values(**values).returning(ProjectTable.id)).scalar_one()
        self.s.add(
            StatusChangeRow(
                project_id=new_id,
                from_status=None,
                to_status=project.status.value,
                changed_on=status_on or initial_status_date(project, now.date()),
                note=note,
            )
        )
        self.s.flush()
        last_activity.refresh(self.s, [new_id])
        project.id, project.version, project.created_at, project.updated_at = new_id, 1, values["created_at"], now
        return new_id

    def update(self, project: Project, *, status_on: date | None = None, note: str = "") -> int:
        """Save an edited project if nobody changed it since it was loaded; returns the new version.

        A status different from the stored one adds a status-history row.
        """
        if project.id is None:
            raise NotFoundError("project has no id")
        self._check_code_free(project.code, project.id)
        stored_status = self.s.scalar(select(ProjectTable.status).where(ProjectTable.id == project.id))
        if stored_status is None:
            raise ConcurrentUpdateError(project.id, project.version)
        now = utcnow()
        values = {k: getattr(project, k) for k in PLAIN_COLUMNS}
        values.update(figure_columns(project))
        values.update(self._reference_ids(project))
        values.update(
            status=project.status.value,
            project_type=stored_value(project.project_type),
            investor_origin=stored_value(project.investor_origin),
            updated_at=now,
            version=ProjectTable.version + 1,
        )
        # an UPDATE's result is a CursorResult, which counts the rows (the stubs say only Result)
        result = cast(
            CursorResult[Any],
            self.s.execute(
                update(ProjectTable)
                .where(ProjectTable.id == project.id, ProjectTable.version == project.version)
                .values(**values)
            ),
        )
        if result.rowcount != 1:
            raise ConcurrentUpdateError(project.id, project.version)
        # Keep the investment records' copy of sector and district in step.
        self.s.execute(
            update(InvestmentRow)
            .where(
                InvestmentRow.project_id == project.id,
                InvestmentRow.sector_id.is_distinct_from(values["sector_id"])
                | InvestmentRow.district_id.is_distinct_from(values["district_id"]),
            )
            .values(sector_id=values["sector_id"], district_id=values["district_id"])
        )
        if stored_status != project.status.value:
            self.s.add(
                StatusChangeRow(
                    project_id=project.id,
                    from_status=stored_status,
                    to_status=project.status.value,
                    changed_on=status_on or now.date(),
                    note=note,
                )
            )
            self.s.flush()
            last_activity.refresh(self.s, [project.id])
        self.s.flush()
        project.version += 1
        project.updated_at = now
        return project.version

    def change_status(
        self,
        project_id: int,
        status: Status,
        changed_on: date,
        note: str = "",
        *,
        expected_version: int | None = None,
    ) -> StatusChange | None:
        """Move a project to ``status``; None when it already had it (nothing written)."""
        current = self.s.execute(
            select(ProjectTable.status, ProjectTable.version).where(ProjectTable.id == project_id).with_for_update()
        ).first()
        if current is None:
            raise NotFoundError(f"project {project_id} does not exist")
        if expected_version is not None and current.version != expected_version:
            raise ConcurrentUpdateError(project_id, expected_version)
        if current.status == status.value:
            return None
        self.s.execute(
            update(ProjectTable)
            .where(ProjectTable.id == project_id)
            .values(status=status.value, updated_at=utcnow(), version=ProjectTable.version + 1)
        )
        row = StatusChangeRow(
            project_id=project_id,
            from_status=current.status,
            to_status=status.value,
            changed_on=changed_on,
            note=note,
        )
        self.s.add(row)
        self.s.flush()
        last_activity.refresh(self.s, [project_id])
        return StatusChange(
            project_id, STATUS_OF[current.status], status, changed_on, note, row.id, current.version + 1
        )

    def set_key_project(
        self, project_ids: Sequence[int], value: bool, *, expected_versions: dict[int, int] | None = None
    ) -> tuple[dict[int, bool], dict[int, int]]:
        """Set the key-project flag; returns each project's previous value and its version after
        (what an undo expects). Projects not at ``expected_versions`` refuse the whole change."""
        before: dict[int, tuple[bool, int]] = {}
        for chunk in chunks(list(dict.fromkeys(project_ids)), 500):
            stmt = (
                select(ProjectTable.id, ProjectTable.is_key_project, ProjectTable.version)
                .where(ProjectTable.id.in_(chunk))
                .with_for_update()
            )
            for pid, flag, version in self.s.execute(stmt):
                before[pid] = (bool(flag), version)
        for pid, version in (expected_versions or {}).items():
            if pid not in before or before[pid][1] != version:
                raise ConcurrentUpdateError(pid, version)
        changed = [pid for pid, (old, _v) in before.items() if old != value]
        for chunk in chunks(changed, 500):
            self.s.execute(
                update(ProjectTable)
                .where(ProjectTable.id.in_(chunk))
                .values(is_key_project=value, updated_at=utcnow(), version=ProjectTable.version + 1)
            )
        moved = set(changed)
        return (
            {pid: old for pid, (old, _v) in before.items()},
            {pid: v + 1 if pid in moved else v for pid, (_old, v) in before.items()},
        )

    def snapshot(self, project_ids: Sequence[int]) -> list[ProjectSnapshot]:
        projects = self.get_many(project_ids)
        snaps = {p.id: ProjectSnapshot(p) for p in projects}
        ids = list(snaps)
        for chunk in chunks(ids, 500):
            for r in self.s.scalars(
                select(StatusChangeRow).where(StatusChangeRow.project_id.in_(chunk)).order_by(StatusChangeRow.id)
            ):
                snaps[r.project_id].status_changes.append(to_change(r))
            for pid, y, m, a, first in self.s.execute(
                select(
                    InvestmentRow.project_id,
                    InvestmentRow.year,
                    InvestmentRow.month,
                    InvestmentRow.amount,
                    InvestmentRow.first_month,
                )
                .where(InvestmentRow.project_id.in_(chunk))
                .order_by(InvestmentRow.project_id, InvestmentRow.year, InvestmentRow.month)
            ):
                snaps[pid].investment.append(InvestmentRecord(pid, y, m, a, first))
            for pid, y, a in self.s.execute(
                select(AnnualPlanRow.project_id, AnnualPlanRow.year, AnnualPlanRow.amount)
                .where(AnnualPlanRow.project_id.in_(chunk))
                .order_by(AnnualPlanRow.project_id, AnnualPlanRow.year)
            ):
                snaps[pid].plans.append(AnnualPlan(pid, y, a))
        return list(snaps.values())

    def delete(
        self, project_ids: Sequence[int], *, expected_versions: dict[int, int] | None = None
    ) -> list[ProjectSnapshot]:
        """Delete projects (history, records and plans with them); returns what was removed.

        With ``expected_versions``, a project changed (or gone) since refuses the whole delete."""
        from zqtracker.storage.bulk_edits import check_versions

        if expected_versions:
            check_versions(self.s, dict(expected_versions))
        snaps = self.snapshot(project_ids)
        ids = [s.project.id for s in snaps]
        for chunk in chunks(ids, 500):
            self.s.execute(delete(StatusChangeRow).where(StatusChangeRow.project_id.in_(chunk)))
            self.s.execute(delete(InvestmentRow).where(InvestmentRow.project_id.in_(chunk)))
            self.s.execute(delete(AnnualPlanRow).where(AnnualPlanRow.project_id.in_(chunk)))
            self.s.execute(delete(ProjectTable).where(ProjectTable.id.in_(chunk)))
        return snaps

    # -- status history ------------------------------------------------------------------
    def status_history(self, project_id: int) -> list[StatusChange]:
        rows = self.s.scalars(
            select(StatusChangeRow)
            .where(StatusChangeRow.project_id == project_id)
            .order_by(StatusChangeRow.changed_on, StatusChangeRow.id)
        )
        return [to_change(r) for r in rows]


# The dates that tell when a project reached its status, in the order they are tried (the others
# tell nothing: a project being negotiated reached that status when it was recorded).
MILESTONES: dict[Status, tuple[str, ...]] = {
    Status.IN_PRODUCTION: ("production_on", "construction_start_on", "signed_on"),
    Status.TRIAL_PRODUCTION: ("production_on", "construction_start_on", "signed_on"),
    Status.UNDER_CONSTRUCTION: ("construction_start_on", "signed_on"),
    Status.COMMISSIONING: ("construction_start_on", "signed_on"),
    Status.SIGNED: ("signed_on",),
    Status.PREPARING: ("signed_on",),
}


def initial_status_date(project: Project, today: date) -> date:
    """When a new project reached its status, as far as its own dates tell (else today).

    An imported project that has produced since 2021 is not "active today": dating its first
    history row by its own milestones keeps the stale-project figure honest.
    """
    for field in MILESTONES.get(project.status, ()):
        d = getattr(project, field)
        if d is not None and d <= today:
            return d
    return today
