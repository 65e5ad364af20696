"""Creating, editing, deleting projects; status changes; monthly investment and plans."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from zqtracker.domain.errors import ConcurrentUpdateError, Problem, ValidationError
from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.domain.models import AnnualPlan, InvestmentRecord, Project, ProjectSnapshot, StatusChange
from zqtracker.domain.status import Status
from zqtracker.domain.validation import validate_amount, validate_month, validate_project
from zqtracker.services.history import explains_conflicts
from zqtracker.storage.audit import acting
from zqtracker.storage.bulk_edits import change_status_many, check_versions, remove_status_changes_many, restore_many
from zqtracker.storage.database import Database
from zqtracker.storage.investment import InvestmentRepository
from zqtracker.storage.project_list import ProjectListReader
from zqtracker.storage.projects import ProjectRepository


class ProjectService:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- reading ---------------------------------------------------------------------------
    def list_rows(self, f: ProjectFilter | None = None, *, limit: int | None = None) -> list[ProjectRow]:
        """The project list, each row with its last activity (what stale marks are judged on), read
        from one snapshot (a colleague's import committing meanwhile cannot split it)."""
        with self.db.snapshot() as s:
            return ProjectListReader(s).list_rows(f, limit=limit)

    def id_by_code(self, code: str) -> int | None:
        with self.db.session() as s:
            return ProjectRepository(s).id_by_code(code)

    def figures_of(self, ids: Sequence[int] | None = None) -> dict[int, tuple]:
        """Per project that has one: (自开工累计 yuan, its year, its month, ForeignAmount or None)."""
        with self.db.session() as s:
            return ProjectListReader(s).figures_of(ids)

    def count(self, f: ProjectFilter | None = None) -> int:
        with self.db.session() as s:
            return ProjectRepository(s).count(f)

    def get(self, project_id: int) -> Project:
        with self.db.session() as s:
            return ProjectRepository(s).get(project_id)

    def get_many(self, ids: Sequence[int]) -> list[Project]:
        with self.db.session() as s:
            return ProjectRepository(s).get_many(ids)

    def all_projects(self, f: ProjectFilter | None = None) -> list[Project]:
        with self.db.session() as s:
            return ProjectRepository(s).all_projects(f)

    def status_history(self, project_id: int) -> list[StatusChange]:
        with self.db.session() as s:
            return ProjectRepository(s).status_history(project_id)

    def investment(self, project_id: int) -> list[InvestmentRecord]:
        with self.db.session() as s:
            return InvestmentRepository(s).investment(project_id)

    def plans(self, project_id: int) -> list[AnnualPlan]:
        with self.db.session() as s:
            return InvestmentRepository(s).plans(project_id)

    # -- writing ---------------------------------------------------------------------------
    # Every write runs in Database.write(): the write lock (SQLite) or locked rows (a server) from
    # the first statement, so the versions a write checks cannot change before it writes.
    def create(self, project: Project, *, status_on: date | None = None, note: str = "") -> Project:
        validate_project(project)
        with acting("create"), self.db.write() as s:
            ProjectRepository(s).add(project, status_on=status_on, note=note)
        return project

    @explains_conflicts
    def update(self, project: Project, *, status_on: date | None = None, note: str = "") -> Project:
        """Save an edit; raises ConcurrentUpdateError if someone else saved first."""
        validate_project(project)
        with acting("edit"), self.db.write() as s:
            ProjectRepository(s).update(project, status_on=status_on, note=note)
        return project

    def duplicate(self, project_id: int) -> Project:
        """A copy to edit, not yet saved: no id, no code (codes are unique), name marked."""
        original = self.get(project_id)
        return dataclasses.replace(
            original, id=None, code=None, name=f"{original.name} (copy)", version=0, created_at=None, updated_at=None
        )

    @explains_conflicts
    def delete(self, ids: Sequence[int], *, expected_versions: dict[int, int] | None = None) -> list[ProjectSnapshot]:
        """Delete projects; with ``expected_versions`` only if none changed since (an undo's redo)."""
        if len(ids) > 1:  # a bulk delete: a backup copy first (services/backups.py)
            from zqtracker.services import backups

            backups.before(self.db, "bulk-delete")
        with acting("delete"), self.db.write() as s:
            return ProjectRepository(s).delete(ids, expected_versions=expected_versions)

    @explains_conflicts
    def restore(self, snapshots: Sequence[ProjectSnapshot]) -> None:
        """Undo of delete: the projects back with their ids, history, records and plans."""
        with acting("create"), self.db.write() as s:
            restore_many(s, snapshots)

    @explains_conflicts
    def change_status(
        self,
        ids: Sequence[int],
        status: Status,
        changed_on: date,
        note: str = "",
        *,
        expected_versions: dict[int, int] | None = None,
    ) -> list[StatusChange]:
        """Move every project to ``status`` in one transaction; returns the changes made (each
        with the project's version after it, which its undo checks).

        Set-based (storage.bulk_edits): 0.5 s for 5,000 projects where one at a time took 7 s.
        """
        if changed_on.year < 1900 or changed_on.year > 2200:
            raise ValidationError(Problem("year_out_of_range", "changed_on", {"value": changed_on.year}))
        with acting("bulk" if len(ids) > 1 else "edit"), self.db.write() as s:
            return change_status_many(s, ids, status, changed_on, note, expected_versions=expected_versions)

    @explains_conflicts
    def revert_status_changes(self, changes: Sequence[StatusChange]) -> dict[int, int]:
        """Undo of change_status: back to the previous status, history rows removed — only if no
        project moved on since (ConcurrentUpdateError). Returns the projects' versions after."""
        with acting("undo"), self.db.write() as s:
            return remove_status_changes_many(s, changes)

    @explains_conflicts
    def set_key_project(
        self, ids: Sequence[int], value: bool, *, expected_versions: dict[int, int] | None = None
    ) -> KeyFlagChange:
        with acting("bulk" if len(ids) > 1 else "edit"), self.db.write() as s:
            before, after = ProjectRepository(s).set_key_project(ids, value, expected_versions=expected_versions)
        return KeyFlagChange(before, after)

    @explains_conflicts
    def restore_key_flags(self, change: KeyFlagChange) -> KeyFlagChange:
        """Undo of set_key_project: the flags as they were, if no project changed since."""
        with acting("undo"), self.db.write() as s:
            repo = ProjectRepository(s)
            check_versions(s, dict(change.versions))
            versions: dict[int, int] = {}
            for value in (True, False):
                ids = [pid for pid, v in change.before.items() if v is value]
                if ids:
                    versions.update(repo.set_key_project(ids, value)[1])
        return KeyFlagChange({pid: not v for pid, v in change.before.items()}, versions)

    @explains_conflicts
    def set_investment(
        self,
        project_id: int,
        records: Sequence[tuple],
        *,
        expected: dict[tuple[int, int], int | None] | None = None,
    ) -> list[InvestmentRecord]:
        """Write (year, month, amount[, first month]) for one project; amount None deletes that month.
        A first month before the month makes the amount one figure for those months (1–X月).

        ``expected``: the amount (None: no record) each month must still have, else
        ConcurrentUpdateError (an undo or redo over someone else's entry). Returns the records as
        they were before, for undo.
        """
        for y, m, amount, *rest in records:
            validate_month(y, m)
            if rest and rest[0] is not None:
                validate_month(y, rest[0])
            if amount is not None:
                validate_amount(amount)
        with acting("edit"), self.db.write() as s:
            check_versions(s, {project_id: None})  # its row locked: one writer of its months at a time
            repo = InvestmentRepository(s)
            before = {(r.year, r.month): r for r in repo.investment(project_id)}
            for (y, m), amount in (expected or {}).items():
                had = before.get((y, m))
                if (had.amount if had else None) != amount:
                    raise ConcurrentUpdateError(project_id, what="investment", detail=f"{y}-{m:02d}")
            touched = {(y, m) for y, m, *_ in records}
            repo.delete_investment([(project_id, y, m) for y, m in touched])
            repo.put_investment(
                [InvestmentRecord(project_id, y, m, a, *rest) for y, m, a, *rest in records if a is not None]
            )
        return [before[k] for k in sorted(touched) if k in before]

    @explains_conflicts
    def set_plans(
        self, project_id: int, plans: Sequence[tuple[int, int | None]], *, expected: dict[int, int | None] | None = None
    ) -> list[AnnualPlan]:
        """Write (year, amount) annual plans; amount None deletes. ``expected`` as for
        set_investment. Returns the previous ones."""
        for y, amount in plans:
            validate_month(y, 1)
            if amount is not None:
                validate_amount(amount, "plan")
        with acting("edit"), self.db.write() as s:
            check_versions(s, {project_id: None})
            repo = InvestmentRepository(s)
            before = {p.year: p for p in repo.plans(project_id)}
            for y, amount in (expected or {}).items():
                had = before.get(y)
                if (had.amount if had else None) != amount:
                    raise ConcurrentUpdateError(project_id, what="plan", detail=str(y))
            years = {y for y, _ in plans}
            repo.delete_plans([(project_id, y) for y in years])
            repo.put_plans([AnnualPlan(project_id, y, a) for y, a in plans if a is not None])
        return [before[y] for y in sorted(years) if y in before]


@dataclass(frozen=True)
class KeyFlagChange:
    """What set_key_project did: each project's flag before, and its version after (for undo)."""

    before: dict[int, bool]
    versions: dict[int, int]
