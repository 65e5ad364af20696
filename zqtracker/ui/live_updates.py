"""Others' changes appear: every second, ask the database whether anyone committed (a pragma on
SQLite, received notifications on a server: cheap when nothing happened) and announce the
projects that changed, so every open view reloads them."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.services.history import ChangeWatcher
    from zqtracker.ui.events import DataEvents

log = logging.getLogger(__name__)
INTERVAL_MS = 1000


class LiveUpdates(QObject):
    def __init__(self, events: DataEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self._watcher: ChangeWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_context(self, ctx: AppContext | None) -> None:
        self.stop()
        if ctx is None:
            return
        from zqtracker.services.history import watch

        try:
            self._watcher = watch(ctx.database)
        except Exception:
            log.warning("others' changes will not appear by themselves", exc_info=True)
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def _on_timer_timeout(self) -> None:
        if self._watcher is None:
            return
        try:
            seen = self._watcher.poll()
        except Exception:
            log.debug("polling for changes failed", exc_info=True)
            return
        if seen is None:
            return
        if seen.unknown:
            self.events.announce_all()
            return
        self.events.projects_changed.emit(sorted(seen.projects))
        if seen.investment:
            self.events.investment_changed.emit()
