"""A tab whose widget is built the first time the tab is shown with a database open.

The dashboard imports pyqtgraph (0.35 s) and reads statistics; building it at startup would
slow the launch for a tab many sessions never open. Widgets that need the AppContext are built
only once there is one (the launch opens the database in the background): until then the tab
says the database is opening.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(
        self,
        factory: Callable[[], QWidget],
        parent: QWidget | None = None,
        *,
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._factory, self._ready = factory, ready
        self.widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._waiting: QLabel | None = None

    def ensure_built(self) -> QWidget | None:
        """The tab's widget, built now if it can be (None while no database is open)."""
        if self.widget is None and self._ready():
            if self._waiting is not None:
                self._waiting.deleteLater()
                self._waiting = None
            self.widget = self._factory()
            self._layout.addWidget(self.widget)
        elif self.widget is None and self._waiting is None:
            self._waiting = QLabel(self.tr("Opening the database…"))
            self._waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(self._waiting)
        return self.widget

    def on_context_changed(self, _ctx: object = None) -> None:
        """A database arrived: build now if the tab is already on screen."""
        if self.widget is None and self.isVisible():
            self.ensure_built()

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange and self._waiting is not None:
            self._waiting.setText(self.tr("Opening the database…"))
        super().changeEvent(event)
