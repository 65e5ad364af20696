"""What changed in the data, announced once so that every view refreshes itself.

Dialogs and operations emit; the project table, dashboard and summaries listen. Nobody reaches
into the main window to refresh another view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    # Project rows were added, edited or deleted; the ids (empty list: assume any).
    projects_changed = Signal(list)
    # Deleted projects an undo or redo put back (announced just before projects_changed): to select.
    projects_restored = Signal(list)
    # Monthly investment records or annual plans changed (affects figures, not rows).
    investment_changed = Signal()
    # Sectors, districts or enterprises were added, renamed or deleted.
    references_changed = Signal()
    # Another database was opened: everything must reload.
    database_replaced = Signal()

    def announce_all(self) -> None:
        self.projects_changed.emit([])
        self.investment_changed.emit()
        self.references_changed.emit()
