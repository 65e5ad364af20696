"""Undo and redo of an import, as one step on the window's undo stack, off the GUI thread.

The import itself runs (with progress and cancel) before the command is pushed; QUndoStack.push
calls redo() at once, so the first redo does nothing. Undo puts the database back exactly as it
was (services.importing → storage.importing.revert); redo writes the same rows again. At 100,000
projects either takes seconds, so both run as a background operation (ui/operations.py) behind a
window-modal progress dialog shown at once — the window repaints, and nothing else can be done to
the database or the stack meanwhile. The stack moves its index when it calls undo()/redo(); should
the work fail (a project changed by someone else since: the transaction wrote nothing), the index
is moved back, so that the Edit menu still offers what is really left to undo or redo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from zqtracker.services.importing import ImportChange, ImportResult, ImportService
from zqtracker.ui.events import DataEvents

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zqtracker.ui.operations import Operation


class ImportCommand(QUndoCommand):
    def __init__(self, service: ImportService, result: ImportResult, events: DataEvents, text: str, *,
                 window: QWidget, stack: QUndoStack, on_error: Callable[[BaseException], None] | None = None,
                 ) -> None:  # fmt: skip
        """``window``: the parent of the progress dialog (the main window, which outlives the
        import's dialog); ``stack``: the undo stack the command is pushed onto."""
        super().__init__(text)
        assert result.change is not None
        self.service, self.events, self.on_error = service, events, on_error
        self.window, self.stack = window, stack
        self.change: ImportChange = result.change
        self.ids = list(result.project_ids)
        self.references = bool(  # (those a colleague added meanwhile too: its projects use them now)
            result.new_sectors or result.new_districts or result.new_enterprises or result.added_meanwhile
        )
        self._applied = True  # pushed after the import ran
        self.operation: Operation | None = None  # the undo or redo in progress

    @property
    def busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def redo(self) -> None:
        if self._applied:
            return
        self._run(self.service.redo, lambda: QCoreApplication.translate("ImportCommand", "Redoing the import…"))

    def undo(self) -> None:
        if not self._applied:
            return
        self._run(self.service.undo, lambda: QCoreApplication.translate("ImportCommand", "Undoing the import…"))

    def _run(self, action: Callable[[ImportChange], None], title: Callable[[], str]) -> None:
        from zqtracker.ui.operations import Operation

        change = self.change
        op = Operation(
            self.window, lambda _progress: action(change), title=title, cancellable=False, minimum_duration_ms=0
        )
        op.success(lambda _none: self._on_done()).failure(self._on_failed)
        self.operation = op
        op.run_in_background()

    def _on_done(self) -> None:
        self._applied = not self._applied
        self.announce()

    def _on_failed(self, exc: BaseException) -> None:
        """Nothing was written: the stack goes back to where it was (this command's undo() or
        redo() returns at once then, ``_applied`` being unchanged)."""
        if self._applied:
            self.stack.redo()
        else:
            self.stack.undo()
        if self.on_error is not None:
            self.on_error(exc)
        else:
            from zqtracker.ui.messages import show_error

            show_error(self.window, exc)

    def announce(self) -> None:
        replaced = self.change.replaced_backup is not None
        self.events.projects_changed.emit([] if replaced else self.ids)
        if self.change.investment_after or self.change.plans_after or replaced:
            self.events.investment_changed.emit()
        if self.references:
            self.events.references_changed.emit()
