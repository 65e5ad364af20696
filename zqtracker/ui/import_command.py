"""Undo and redo of an import, as one step on the window's undo stack.

The import itself runs (with progress and cancel) before the command is pushed; QUndoStack.push
calls redo() at once, so the first redo does nothing. Undo puts the database back exactly as it
was (services.importing → storage.importing.revert); redo writes the same rows again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from zqtracker.domain.errors import DomainError
from zqtracker.services.importing import ImportResult, ImportService
from zqtracker.storage.importing import ImportChange
from zqtracker.ui.events import DataEvents


class ImportCommand(QUndoCommand):
    def __init__(self, service: ImportService, result: ImportResult, events: DataEvents, text: str,
                 on_error: Callable[[Exception], None] | None = None) -> None:  # fmt: skip
        super().__init__(text)
        assert result.change is not None
        self.service, self.events, self.on_error = service, events, on_error
        self.change: ImportChange = result.change
        self.ids = list(result.project_ids)
        self.references = bool(result.new_sectors or result.new_districts or result.new_enterprises)
        self._applied = True  # pushed after the import ran

    def redo(self) -> None:
        if self._applied:
            return
        self._run(self.service.redo)

    def undo(self) -> None:
        if not self._applied:
            return
        self._run(self.service.undo)

    def _run(self, action: Callable[[ImportChange], None]) -> None:
        try:
            action(self.change)
        except (DomainError, OSError) as exc:  # e.g. a project changed since: nothing was done
            if self.on_error is not None:
                self.on_error(exc)
            return
        self._applied = not self._applied
        self.announce()

    def announce(self) -> None:
        replaced = self.change.replaced_backup is not None
        self.events.projects_changed.emit([] if replaced else self.ids)
        if self.change.investment_after or self.change.plans_after or replaced:
            self.events.investment_changed.emit()
        if self.references:
            self.events.references_changed.emit()
