"""A tab whose widget is built the first time the tab is shown.

The dashboard imports pyqtgraph (0.35 s) and reads statistics; building it at startup would
slow the launch for a tab many sessions never open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.widget is None:
            self.widget = self._factory()
            self._layout.addWidget(self.widget)
        return self.widget

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)
