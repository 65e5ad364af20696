"""Long work off the GUI thread, with a cancellable progress dialog (Anki's CollectionOp).

    Operation(parent, lambda progress: service.run(..., progress=progress), title=lambda: self.tr("Importing…"))
        .success(self._on_imported)
        .failure(self._on_import_failed)
        .run_in_background()

The work function receives a services.progress.Progress; it must not touch widgets. Callbacks
run on the GUI thread. Cancelling raises Cancelled inside the work, which rolls back its
transaction; ``cancelled`` callbacks run then instead of ``failure``. Once the work passes its
point of no return (Progress.point_of_no_return: a restore replacing the database) the dialog's
Cancel is disabled, and the work's own words say why.

The dialog follows a live language switch: its title (``title`` given as a function, called again),
its Cancel, and its label — the title, "Cancelling…", or the work's own sentence (Progress.say, worded
again in the new language; a sheet's or a district's name stays as it is). The work's later
sentences come in the new language too (Progress.lang).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from zqtracker.services.progress import Cancelled, Progress
from zqtracker.ui.translations import ui_lang


class _Bridge(QObject):
    progressed = Signal(int, int, str)  # done, total (-1 unknown), text
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()
    past_return = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # The worker emits while the GUI thread may be deleting the operation (a preview superseded
        # by the next one, deleteLater): a signal emitted on a QObject being destroyed in another
        # thread crashed the process (CI, 2026-12-06). Emitting and dying take one lock; once the
        # operation is destroyed nothing is emitted.
        self.lock, self.alive = threading.Lock(), [True]
        parent.destroyed.connect(functools.partial(_died, self.lock, self.alive))

    def send(self, signal: Any, *args: object) -> None:
        with self.lock:
            if self.alive[0]:
                try:
                    signal.emit(*args)
                except RuntimeError:  # deleted all the same: nobody waits any more
                    self.alive[0] = False


def _died(lock: threading.Lock, alive: list[bool], *_args: object) -> None:
    with lock:
        alive[0] = False


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, bridge: _Bridge) -> None:
        super().__init__()
        self.work, self.progress, self.bridge = work, progress, bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        bridge = self.bridge
        try:
            result = self.work(self.progress)
        except Cancelled:
            bridge.send(bridge.was_cancelled)
        except BaseException as exc:  # noqa: BLE001 - handed to the failure callback, never lost
            bridge.send(bridge.failed, exc)
        else:
            bridge.send(bridge.succeeded, result)


class Operation(QObject):
    """One background operation. Keep a reference (or a parent) until it finishes."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], Any],
        *,
        title: str | Callable[[], str] = "",
        cancellable: bool = True,
        show_progress: bool = True,
        minimum_duration_ms: int = 400,
        pool: QThreadPool | None = None,
        stays: bool | None = None,
    ) -> None:
        """``pool``: the threads to run on (default Qt's global pool; long housekeeping such as
        the day's backup copy takes a pool of its own, so as never to hold up the others).
        ``stays``: the dialog cannot be hidden (Escape, its close button) until the work ends —
        by default when there is nothing to cancel. ``title``: a function (``lambda: self.tr(…)``)
        for a title that follows a live language switch."""
        super().__init__(parent)
        self._pool = pool
        self._work = work
        self._title = title
        self._cancellable = cancellable
        self._stays = not cancellable if stays is None else stays
        self._show_progress = show_progress
        self._minimum_duration_ms = minimum_duration_ms
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        self._on_cancel: list[Callable[[], None]] = []
        self.progress = Progress(self._relay, on_point_of_no_return=self._bridge_past_return)
        # A child of the operation, so that it is deleted in the GUI thread with it, never by the
        # worker thread dropping the last reference (a QObject deleted off its thread crashes).
        self._bridge = _Bridge(self)
        self._dialog: QProgressDialog | None = None  # while one is shown
        self._setting_value = 0  # inside the dialog's setValue (which processes events)
        self._told = False  # the label shows the work's text (not the title)
        self._closed_dialogs: list[QProgressDialog] = []  # closed inside it: deleted once it returns
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False

    # -- configuration (chainable) ---------------------------------------------------------
    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure.append(callback)
        return self

    def cancelled(self, callback: Callable[[], None]) -> Operation:
        self._on_cancel.append(callback)
        return self

    # -- running ---------------------------------------------------------------------------
    def run_in_background(self) -> Operation:
        b = self._bridge
        b.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        b.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        b.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        b.was_cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        b.past_return.connect(self._on_past_return, Qt.ConnectionType.QueuedConnection)
        if self._show_progress:
            owner = self.parent()
            parent = owner if isinstance(owner, QWidget) else None
            dialog = QProgressDialog(parent)
            dialog.setRange(0, 0)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            # At its minimum value, or Qt keeps the 4 s it started its show timer with when constructed
            # (setMinimumDuration restarts the timer only at the minimum): work that reports nothing at
            # first — queued behind other work, a restore, a file opening — showed no dialog for 4 s.
            dialog.setValue(0)
            dialog.setMinimumDuration(self._minimum_duration_ms)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if self._cancellable:
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            dialog.installEventFilter(self)  # a live language switch; and Escape, when it stays
            if self._stays:
                self._hold(dialog)
            # Deleted with its parent (a dialog closed and deleted while the work still runs): the
            # next progress report must not reach a deleted widget.
            dialog.destroyed.connect(self._on_dialog_destroyed)
            self._dialog = dialog
            self._retranslate()
            if self._minimum_duration_ms <= 0:
                dialog.show()  # at once: modal before any input already queued reaches the window
        (self._pool or QThreadPool.globalInstance()).start(_Runnable(self._work, self.progress, b))
        return self

    def _retranslate(self) -> None:
        """The dialog's words in the interface's language (again on a live switch)."""
        dialog = self._dialog
        if dialog is None:
            return
        title = self._title() if callable(self._title) else self._title
        dialog.setWindowTitle(title or self.tr("Working…"))
        if self._cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
        if self.progress.cancelled:
            dialog.setLabelText(self.tr("Cancelling…"))
        elif not self._told:
            dialog.setLabelText(title)
        elif (said := self.progress.reworded(ui_lang())) is not None:
            dialog.setLabelText(said)

    def cancel(self) -> None:
        if self.progress.cancel() and self._dialog is not None:  # refused past the point of no return
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def _relay(self, done: int, total: int | None, text: str) -> None:
        self._bridge.send(self._bridge.progressed, done, -1 if total is None else total, text)

    def _bridge_past_return(self) -> None:
        self._bridge.send(self._bridge.past_return)

    @Slot()
    def _on_past_return(self) -> None:
        if self._dialog is None:
            return
        if (button := self._dialog.findChild(QPushButton)) is not None:
            button.setEnabled(False)
        self._hold(self._dialog)

    def _hold(self, dialog: QProgressDialog) -> None:
        """The dialog stays until the work ends."""
        for shortcut in dialog.findChildren(QShortcut):  # its Escape, which would hide it
            shortcut.setEnabled(False)
        # nor do a key's Escape and the close button close it now (the dialog's event filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Past the point of no return, or when it stays, the dialog stays until the work ends:
        hidden by Escape or its close button, it would leave the window usable while its database
        is replaced (a restore) or an import's undo is still being written."""
        if watched is self._dialog and event.type() == QEvent.Type.LanguageChange:
            self.progress.lang = ui_lang()  # the work's next sentences too
            self._retranslate()
        elif watched is self._dialog and (self.progress.past_return or self._stays):
            if event.type() == QEvent.Type.Close:
                event.ignore()
                return True
            if (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
            ):
                return True
        return super().eventFilter(watched, event)

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or self.progress.cancelled:
            return
        if text:
            self._told = True
            dialog.setLabelText(text)
        if total > 0:
            dialog.setMaximum(total)
            # Last: a shown modal progress dialog's setValue processes events, so the work's end
            # may be handled (and this dialog closed) inside it — but not deleted inside it: that
            # waits until setValue has returned (_close leaves it to us).
            self._setting_value += 1
            try:
                dialog.setValue(min(done, total))
            finally:
                self._setting_value -= 1
            if self._setting_value == 0 and self._closed_dialogs:
                for closed in self._closed_dialogs:
                    closed.deleteLater()
                self._closed_dialogs.clear()

    def _on_dialog_destroyed(self) -> None:
        self._dialog = None

    def _close(self) -> None:
        self.done = True
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.destroyed.disconnect(self._on_dialog_destroyed)
            if self._cancellable:
                dialog.canceled.disconnect(self.cancel)  # closing it says "canceled": the work is over
            dialog.removeEventFilter(self)
            dialog.close()
            if self._setting_value:
                self._closed_dialogs.append(dialog)
            else:
                dialog.deleteLater()
        self.finished.emit()

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._close()
        for cb in self._on_success:
            cb(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self._close()
        for cb in self._on_failure:
            cb(exc)

    @Slot()
    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._close()
        for cb in self._on_cancel:
            cb()
