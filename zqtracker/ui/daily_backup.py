"""The day's backup copy of the window's database, made in the background once it is open.

At 100,000 projects the copy and its check of every page take seconds (6–7 s under load); the
window does not wait for it (services.backups.daily_copy: SQLite's backup API copies one snapshot
while the user reads and saves). One copy at a time, on a thread of its own: a second database
opened meanwhile waits its turn, and an import, replace or bulk delete started meanwhile waits for
it before making its own (storage.backups.ONE_AT_A_TIME). A failure — no room, a damaged
database — is one sentence in the status bar, never a dialog: the user is at work by then.
Closing the window stops the copy between two steps and waits for it: no ``.part`` file stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from zqtracker.ui.operations import Operation

if TYPE_CHECKING:
    from zqtracker.services.database import Database
    from zqtracker.ui.settings import Settings

MESSAGE_MS = 60_000  # how long the failure's sentence stays in the status bar (the ⚠ mark stays)


class BackupWarning(QLabel):
    """The status bar's "⚠ No backup copy today", the failure's sentence in its tooltip; both are
    worded again when the language changes (the sentence from the failure itself)."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        super().__init__(parent)
        self.status_bar = status_bar
        self.setObjectName("daily_backup_warning")
        self.failure: BaseException | None = None
        self.hide()

    def show_failure(self, exc: BaseException) -> str:
        """Show the mark for ``exc``; returns its sentence."""
        self.failure = exc
        sentence = self._retranslate()
        self.show()
        return sentence

    def clear(self) -> None:
        self.failure = None
        self.hide()

    def _retranslate(self) -> str:
        from zqtracker.ui.messages import error_text

        if self.failure is None:
            return ""
        sentence = error_text(self.failure)
        self.setText("⚠ " + QCoreApplication.translate("DailyBackup", "No backup copy today"))
        self.setToolTip(sentence)
        return sentence

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.failure is not None:
            before = self.toolTip()
            sentence = self._retranslate()
            if before and self.status_bar.currentMessage() == before:  # still said there: in the new language
                self.status_bar.showMessage(sentence, MESSAGE_MS)
        super().changeEvent(event)


class DailyBackup(QObject):
    made = Signal(object)  # Path of the copy, or None (made already today)
    failed = Signal(str)  # the sentence shown

    def __init__(self, window: QWidget, status_bar: QStatusBar, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.status_bar, self.settings = window, status_bar, settings
        self.warning = BackupWarning(window, status_bar)
        status_bar.addPermanentWidget(self.warning)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[Operation] = []
        self._current: Database | None = None

    @property
    def running(self) -> bool:
        return any(not op.done for op in self._running)

    def start(self, database: Database) -> None:
        """Make the day's copy of ``database`` unless it was made today (a server has none)."""
        if database.sqlite_path is None:
            return
        from zqtracker.services.backups import daily_copy

        op = Operation(self.window, lambda progress: daily_copy(database, progress), cancellable=True,
                       show_progress=False, pool=self._pool)  # fmt: skip
        op.success(self.made.emit).failure(lambda exc: self._on_failed(database, exc))
        op.finished.connect(lambda: self._forget(op))
        self._running.append(op)
        op.run_in_background()

    def database_changed(self, database: Database | None) -> None:
        """The window shows another database: a warning about the one before goes."""
        self._current = database
        self.warning.clear()

    def stop(self) -> None:
        """The window closes: stop the copies between two steps (what they wrote is removed) and
        wait for them, so that none is cut off half way by the end of the process."""
        for op in self._running:
            op.cancel()
        self.wait()
        self._running.clear()  # ended: their queued endings are of no interest to a closed window

    def wait(self, msecs: int = -1) -> bool:
        """Block until every copy started has ended (tests; closing waits the same way)."""
        return self._pool.waitForDone(msecs)

    def _on_failed(self, database: Database, exc: BaseException) -> None:
        from zqtracker.services.database import DatabaseOpenError
        from zqtracker.ui.settings import LAST_DATABASE

        if database is not self._current:
            return  # another database is open by now
        sentence = self.warning.show_failure(exc)
        self.status_bar.showMessage(sentence, MESSAGE_MS)
        # A damaged database is no longer the one the next start opens (as when opening fails).
        damaged = isinstance(exc, DatabaseOpenError) and exc.reason == "corrupt"
        if damaged and self.settings.get(LAST_DATABASE) == str(database.sqlite_path):
            self.settings.set(LAST_DATABASE, "")
        self.failed.emit(sentence)

    def _forget(self, op: Operation) -> None:
        if op in self._running:
            self._running.remove(op)
        op.deleteLater()  # after its callbacks (a deferred delete)
