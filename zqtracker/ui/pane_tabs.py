"""The detail pane's tab names: in full where they fit, shortened where they do not.

On a 1366×768 screen the pane is ~250 pixels wide; "Details, History, Investment, Changes" need
300 in English, and Qt hid the last tab behind scroll arrows (or, eliding, cut every name to
"De…"). Where the full names do not fit, the short ones ("Money", "Log") are shown and the full
name is the tab's tooltip; should even those not fit (a pane dragged narrower), Qt elides them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTabWidget


class TabNames(QObject):
    """Keeps ``tabs``' names fitted to its width (call :meth:`set_names` with each language)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._names: list[tuple[str, str]] = []
        tabs.setUsesScrollButtons(False)  # every tab in view
        tabs.setElideMode(Qt.TextElideMode.ElideRight)
        tabs.installEventFilter(self)

    def set_names(self, names: Sequence[tuple[str, str]]) -> None:
        """(full, short) for each tab, in order."""
        self._names = list(names)
        for i, (full, _short) in enumerate(self._names):
            self._tabs.setTabToolTip(i, full)
        self.fit()

    def shortened(self) -> bool:
        """The full names are wider than the tab bar's room."""
        bar = self._tabs.tabBar()
        fm = bar.fontMetrics()
        need = 0
        for i, (full, _short) in enumerate(self._names):
            padding = bar.tabSizeHint(i).width() - fm.horizontalAdvance(bar.tabText(i))
            need += padding + fm.horizontalAdvance(full)
        return need > self._tabs.width()

    def fit(self) -> None:
        short = self.shortened()
        for i, (full, brief) in enumerate(self._names):
            name = brief if short else full
            if self._tabs.tabText(i) != name:
                self._tabs.setTabText(i, name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tabs and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)
