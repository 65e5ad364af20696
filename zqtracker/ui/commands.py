"""Undoable edits (QUndoCommand): each does its work through the services and announces it.

The first execution happens before the command is pushed (``execute()``), so a refused save
(invalid, or changed by someone else) never reaches the stack; ``redo()`` skips that first call.
Should an undo or redo fail later (someone else changed the project meanwhile), nothing is
overwritten: every undo and redo hands the services the versions (or amounts) it left behind, the
services check them inside the write transaction, and a refused command reports the problem and
removes itself from the stack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from zqtracker.domain.models import Project, ProjectSnapshot, StatusChange
from zqtracker.domain.status import Status

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.services.projects import KeyFlagChange
    from zqtracker.ui.events import DataEvents

Reporter = Callable[[BaseException], None]


class Command(QUndoCommand):
    def __init__(self, ctx: AppContext, events: DataEvents, report: Reporter) -> None:
        super().__init__()
        self.ctx, self.events, self.report = ctx, events, report
        self._executed = False

    def execute(self) -> None:
        """The first run, before the push; errors propagate to the caller (nothing was done)."""
        self.apply()
        self._executed = True
        self.announce()

    def redo(self) -> None:
        if self._executed:
            self._executed = False  # pushed right after execute(): already done
            return
        from zqtracker.services.history import acting  # (not at import: the launch shows a page first)

        with acting("redo"):  # recorded so in the audit trail
            self._guarded(self.apply)

    def undo(self) -> None:
        from zqtracker.services.history import acting

        with acting("undo"):
            self._guarded(self.revert)

    def _guarded(self, work: Callable[[], None]) -> None:
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - raised into Qt's C++ it would be lost; shown instead
            self.setObsolete(True)  # QUndoStack drops it; the transaction left the data as it was
            self.report(exc)
        finally:
            self.announce()

    # -- to implement ----------------------------------------------------------------------
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def announce(self) -> None:
        raise NotImplementedError


class CreateProject(Command):
    def __init__(self, ctx, events, report, project: Project, *, status_on: date | None = None, note: str = "") -> None:
        super().__init__(ctx, events, report)
        self.project, self.status_on, self.note = project, status_on, note
        self._snapshots: list[ProjectSnapshot] = []
        self.setText(QCoreApplication.translate("Commands", "create project “%1”").replace("%1", project.name))

    def apply(self) -> None:
        if self._snapshots:
            self.ctx.projects.restore(self._snapshots)  # redo: the same project, same id
            self.events.projects_restored.emit([self.project.id])
        else:
            self.ctx.projects.create(self.project, status_on=self.status_on, note=self.note)

    def revert(self) -> None:
        assert self.project.id is not None
        version = self._snapshots[0].project.version if self._snapshots else self.project.version
        self._snapshots = self.ctx.projects.delete([self.project.id], expected_versions={self.project.id: version})

    def announce(self) -> None:
        self.events.projects_changed.emit([self.project.id] if self.project.id is not None else [])


class EditProject(Command):
    """``before`` as loaded into the editor, ``after`` as saved (same id)."""

    def __init__(self, ctx, events, report, before: Project, after: Project, *, status_on=None, note: str = "") -> None:
        super().__init__(ctx, events, report)
        self.before, self.after = before, after
        self.status_on, self.note = status_on, note
        self.change: StatusChange | None = None
        self.setText(QCoreApplication.translate("Commands", "edit project “%1”").replace("%1", after.name))

    def apply(self) -> None:
        from zqtracker.services.editing import EditingService

        self.change = EditingService(self.ctx.database).save(self.after, status_on=self.status_on, note=self.note)

    def revert(self) -> None:
        from zqtracker.services.editing import EditingService

        version = EditingService(self.ctx.database).revert(self.before, self.after, self.change)
        self.after = dataclasses.replace(self.after, version=version)
        self.change = None

    def announce(self) -> None:
        self.events.projects_changed.emit([self.after.id])


class DeleteProjects(Command):
    def __init__(self, ctx, events, report, ids: Sequence[int], first_name: str) -> None:
        super().__init__(ctx, events, report)
        self.ids = list(ids)
        self._snapshots: list[ProjectSnapshot] = []
        if len(self.ids) == 1:
            self.setText(QCoreApplication.translate("Commands", "delete project “%1”").replace("%1", first_name))
        else:
            self.setText(QCoreApplication.translate("Commands", "delete %1 projects").replace("%1", str(len(self.ids))))

    def apply(self) -> None:
        # A redo deletes only what the undo put back, unchanged since.
        expected = {s.project.id: s.project.version for s in self._snapshots} if self._snapshots else None
        self._snapshots = self.ctx.projects.delete(self.ids, expected_versions=expected)  # type: ignore[arg-type]

    def revert(self) -> None:
        self.ctx.projects.restore(self._snapshots)
        self.events.projects_restored.emit(list(self.ids))

    def announce(self) -> None:
        self.events.projects_changed.emit(list(self.ids))
        self.events.investment_changed.emit()


class ChangeStatus(Command):
    def __init__(
        self,
        ctx,
        events,
        report,
        ids: Sequence[int],
        status: Status,
        changed_on: date,
        note: str,
        *,
        first_name: str = "",
        expected_versions: dict[int, int] | None = None,
    ) -> None:
        super().__init__(ctx, events, report)
        self.ids, self.status, self.changed_on, self.note = list(ids), status, changed_on, note
        self.expected_versions = expected_versions
        self.changes: list[StatusChange] = []
        if len(self.ids) == 1:
            self.setText(QCoreApplication.translate("Commands", "change status of “%1”").replace("%1", first_name))
        else:
            self.setText(
                QCoreApplication.translate("Commands", "change status of %1 projects").replace("%1", str(len(self.ids)))
            )

    def apply(self) -> None:
        self.changes = self.ctx.projects.change_status(
            self.ids, self.status, self.changed_on, self.note, expected_versions=self.expected_versions
        )

    def revert(self) -> None:
        versions = self.ctx.projects.revert_status_changes(self.changes)
        # A redo moves again exactly the projects the undo moved back, only if nobody changed them since.
        self.ids, self.expected_versions = list(versions), versions
        self.changes = []

    def announce(self) -> None:
        self.events.projects_changed.emit(list(self.ids))


class SetKeyProject(Command):
    def __init__(self, ctx, events, report, ids: Sequence[int], value: bool) -> None:
        super().__init__(ctx, events, report)
        self.ids, self.value = list(ids), value
        self.change: KeyFlagChange | None = None
        self.restored: KeyFlagChange | None = None
        n = str(len(self.ids))
        if value:
            self.setText(QCoreApplication.translate("Commands", "mark %1 projects as key projects").replace("%1", n))
        else:
            self.setText(QCoreApplication.translate("Commands", "unmark %1 key projects").replace("%1", n))

    def apply(self) -> None:
        expected = self.restored.versions if self.restored is not None else None  # a redo: as the undo left them
        self.change = self.ctx.projects.set_key_project(self.ids, self.value, expected_versions=expected)

    def revert(self) -> None:
        assert self.change is not None
        self.restored = self.ctx.projects.restore_key_flags(self.change)

    def announce(self) -> None:
        self.events.projects_changed.emit(list(self.ids))


class SetInvestment(Command):
    """Monthly completed investment of one project: (year, month, amount or None[, first month])."""

    def __init__(self, ctx, events, report, project_id: int, changes: Sequence[tuple], name: str):
        super().__init__(ctx, events, report)
        self.project_id, self.changes = project_id, list(changes)
        self.previous: list[tuple] = []
        self.setText(QCoreApplication.translate("Commands", "edit monthly investment of “%1”").replace("%1", name))

    def apply(self) -> None:
        # A redo expects the months as the undo left them.
        expected = {(y, m): a for y, m, a, *_ in self.previous} if self.previous else None
        before = self.ctx.projects.set_investment(self.project_id, self.changes, expected=expected)
        had = {(r.year, r.month): r for r in before}
        self.previous = [
            (y, m, None, None) if (y, m) not in had else (y, m, had[(y, m)].amount, had[(y, m)].first_month)
            for y, m, *_ in self.changes
        ]  # a figure of several months comes back as one

    def revert(self) -> None:
        self.ctx.projects.set_investment(
            self.project_id, self.previous, expected={(y, m): a for y, m, a, *_ in self.changes}
        )

    def announce(self) -> None:
        self.events.investment_changed.emit()
        self.events.projects_changed.emit([self.project_id])  # last activity moves


class SetPlans(Command):
    """Annual plans of one project: (year, amount or None)."""

    def __init__(self, ctx, events, report, project_id: int, changes: Sequence[tuple[int, int | None]], name: str):
        super().__init__(ctx, events, report)
        self.project_id, self.changes = project_id, list(changes)
        self.previous: list[tuple[int, int | None]] = []
        self.setText(QCoreApplication.translate("Commands", "edit annual plans of “%1”").replace("%1", name))

    def apply(self) -> None:
        expected = dict(self.previous) if self.previous else None  # a redo: as the undo left them
        before = self.ctx.projects.set_plans(self.project_id, self.changes, expected=expected)
        had = {p.year: p.amount for p in before}
        self.previous = [(y, had.get(y)) for y, _ in self.changes]

    def revert(self) -> None:
        self.ctx.projects.set_plans(self.project_id, self.previous, expected=dict(self.changes))

    def announce(self) -> None:
        self.events.investment_changed.emit()
