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

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from zqtracker.ui.operations import Operation

if TYPE_CHECKING:
    from zqtracker.services.database import Database
    from zqtracker.ui.settings import Settings

MESSAGE_MS = 60_000  # how long the failure's sentence stays in the status bar (the ⚠ mark stays)


class DailyBackup(QObject):
    made = Signal(object)  # Path of the copy, or None (made already today)
    failed = Signal(str)  # the sentence shown

    def __init__(self, window: QWidget, status_bar: QStatusBar, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.status_bar, self.settings = window, status_bar, settings
        self.warning = QLabel(window)  # "⚠ No backup copy today", the sentence in its tooltip
        self.warning.setObjectName("daily_backup_warning")
        self.warning.hide()
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
        self.warning.hide()

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
        from zqtracker.ui.messages import error_text
        from zqtracker.ui.settings import LAST_DATABASE

        if database is not self._current:
            return  # another database is open by now
        sentence = error_text(exc)
        self.warning.setText("⚠ " + self.tr("No backup copy today"))
        self.warning.setToolTip(sentence)
        self.warning.show()
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
