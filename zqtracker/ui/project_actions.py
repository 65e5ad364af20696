"""What the project actions do: open the editor or a dialog, then save as an undoable command.

The main window's menus, the table's context menu and the detail pane all call these methods;
none of them saves anything itself. Saving goes through commands.py (the first execution before
the push, so a refused save never lands on the undo stack) and the services.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from zqtracker.domain.errors import ConcurrentUpdateError, NotFoundError
from zqtracker.domain.models import Project
from zqtracker.ui import commands
from zqtracker.ui.messages import confirm, offer_reload, run_dialog, show_error

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.project_editor import ProjectEditor
    from zqtracker.ui.project_model import ProjectTableModel
    from zqtracker.ui.settings import Settings


class ProjectActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        events: DataEvents,
        undo_stack: QUndoStack,
        settings: Settings,
        model: ProjectTableModel,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.ctx: AppContext | None = None
        self.events, self.undo_stack, self.settings, self.model = events, undo_stack, settings, model
        # Tests and the window may watch the last editor opened.
        self.last_editor: ProjectEditor | None = None

    def set_context(self, ctx: AppContext | None) -> None:
        self.ctx = ctx

    # -- editing one project ---------------------------------------------------------------
    def new_project(self) -> Project | None:
        return self._open_editor(None)

    def edit_project(self, project_id: int) -> Project | None:
        if self.ctx is None:
            return None
        try:
            project = self.ctx.projects.get(project_id)
        except NotFoundError as exc:
            show_error(self.window, exc)
            self.events.projects_changed.emit([project_id])
            return None
        return self._open_editor(project)

    def duplicate_project(self, project_id: int) -> Project | None:
        if self.ctx is None:
            return None
        try:
            copy = self.ctx.projects.duplicate(project_id)
        except NotFoundError as exc:
            show_error(self.window, exc)
            return None
        copy.name = self.tr("%1 (copy)").replace("%1", copy.name.removesuffix(" (copy)"))
        return self._open_editor(copy)

    def _open_editor(self, project: Project | None) -> Project | None:
        if self.ctx is None:
            return None
        from zqtracker.ui.project_editor import ProjectEditor

        ctx = self.ctx

        def save(p: Project, status_on: date | None, note: str) -> Project:
            if p.id is None:
                command: commands.Command = commands.CreateProject(
                    ctx, self.events, self._report, p, status_on=status_on, note=note
                )
            else:
                # Undo goes back to what the editor loaded (or reloaded after a conflict).
                before = dataclasses.replace(editor.original)
                command = commands.EditProject(
                    ctx, self.events, self._report, before, p, status_on=status_on, note=note
                )
            self._push(command)
            return p

        references = ctx.references
        editor = ProjectEditor(
            self.window,
            project,
            unit=self.settings.money_unit,
            sectors=references.sectors(),
            districts=references.districts(),
            enterprises=[e.name for e in references.enterprises()],
            officers=self._officers(),
            save=save,
            reload=ctx.projects.get,
            delete=None if project is None else self._deleter(project.id),
        )
        self.last_editor = editor
        run_dialog(editor)
        return editor.saved

    def _deleter(self, project_id: int | None) -> Callable[[], bool] | None:
        """The editor's Delete: only a saved project has one."""
        if project_id is None:
            return None
        return lambda: self.delete_projects([project_id])

    def _officers(self) -> list[str]:
        return sorted({r.officer for r in self.model.loaded_rows() if r.officer})

    # -- several projects ------------------------------------------------------------------
    def delete_projects(self, ids: Sequence[int]) -> bool:
        if self.ctx is None or not ids:
            return False
        name = self._name_of(ids[0])
        if len(ids) == 1:
            text = self.tr("Delete “%1”?").replace("%1", name)
        else:
            text = self.tr("Delete %1 projects?").replace("%1", str(len(ids)))
        text += "\n\n" + self.tr(
            "Their status history, monthly investment and annual plans are deleted with them. "
            "Edit › Undo (Ctrl+Z) brings them back."
        )
        if not confirm(self.window, self.tr("Delete projects"), text, self.tr("Delete")):
            return False
        return self._push(commands.DeleteProjects(self.ctx, self.events, self._report, ids, name))

    def change_status(self, ids: Sequence[int]) -> bool:
        if self.ctx is None or not ids:
            return False
        from collections import Counter

        from zqtracker.ui.status_dialog import ChangeStatusDialog

        current = Counter(row.status for pid in ids if (row := self.model.get(pid)) is not None)
        dialog = ChangeStatusDialog(self.window, current, self._name_of(ids[0]))
        if not run_dialog(dialog):
            return False
        status, changed_on, note = dialog.value()
        versions = {pid: row.version for pid in ids if (row := self.model.get(pid)) is not None}
        command = commands.ChangeStatus(
            self.ctx,
            self.events,
            self._report,
            ids,
            status,
            changed_on,
            note,
            first_name=self._name_of(ids[0]),
            expected_versions=versions,
        )
        return self._push(command)

    def set_key_project(self, ids: Sequence[int], value: bool) -> bool:
        if self.ctx is None or not ids:
            return False
        return self._push(commands.SetKeyProject(self.ctx, self.events, self._report, ids, value))

    def save_investment(self, project_id: int, changes: list) -> bool:
        if self.ctx is None:
            return False
        name = self._name_of(project_id)
        return self._push(commands.SetInvestment(self.ctx, self.events, self._report, project_id, changes, name))

    def save_plans(self, project_id: int, changes: list) -> bool:
        if self.ctx is None:
            return False
        name = self._name_of(project_id)
        return self._push(commands.SetPlans(self.ctx, self.events, self._report, project_id, changes, name))

    # -- helpers ---------------------------------------------------------------------------
    def _push(self, command: commands.Command) -> bool:
        """Run the command once; only a command that succeeded goes on the undo stack."""
        try:
            with _busy():
                command.execute()
        except ConcurrentUpdateError as exc:
            if isinstance(command, commands.EditProject):
                raise  # the editor offers its own reload, keeping the form
            self._offer_list_reload(exc, getattr(command, "ids", []))
            return False
        except Exception as exc:
            if isinstance(command, (commands.CreateProject, commands.EditProject)):
                raise  # the editor shows it at the fields
            show_error(self.window, exc)
            return False
        self.undo_stack.push(command)
        return True

    def _offer_list_reload(self, exc: ConcurrentUpdateError, ids: Sequence[int]) -> None:
        name = self._name_of(exc.project_id)
        text = self.tr(
            "“%1” was changed by someone else after the list was loaded, so nothing was changed.\n\n"
            "Reload the selected projects to see the saved versions, then try again."
        ).replace("%1", name)
        from zqtracker.ui.change_log import conflict_detail

        if detail := conflict_detail(exc):  # what the other person did (the audit trail)
            text += "\n\n" + detail
        if offer_reload(self.window, text):
            self.events.projects_changed.emit(list(ids) or [exc.project_id])

    def _report(self, exc: BaseException) -> None:
        """An undo or redo failed (the command removed itself); say why."""
        show_error(self.window, exc, self.tr("Cannot undo or redo"))

    def _name_of(self, project_id: int) -> str:
        row = self.model.get(project_id)
        if row is not None:
            return row.name
        if self.ctx is not None:
            try:
                return self.ctx.projects.get(project_id).name
            except NotFoundError:
                pass
        return f"#{project_id}"


@contextmanager
def _busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
