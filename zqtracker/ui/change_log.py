"""A project's audit trail (留痕) in the detail pane: who changed what, when, and through which
action — an edit, the import of a file, a bulk change, an undo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from zqtracker.domain.history_words import action_text, field_text, value_text
from zqtracker.services.history import ChangeRow
from zqtracker.ui.translations import ui_lang


class ChangeLogView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self._rows: list[ChangeRow] = []
        self._retranslate()

    def title(self) -> str:
        return self.tr("Changes")

    def show_changes(self, rows: Sequence[ChangeRow]) -> None:
        """Newest first, as the audit trail gives them."""
        self._rows = list(rows)
        lang = ui_lang()
        self.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            if r.field in ("created", "deleted"):
                change = field_text(r.field, lang)
            else:
                change = self.tr("%1: %2 → %3").replace("%1", field_text(r.field, lang)).replace(
                    "%2", value_text(r.field, r.old_value, lang)).replace("%3", value_text(r.field, r.new_value, lang))  # fmt: skip
            cells = (str(r.changed_at)[:16], r.user_name, action_text(r.action, r.source, lang), change)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(i, j, item)
        self.setColumnCount(4)
        self.resizeColumnsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_changes(self._rows)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setColumnCount(4)
        self.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"), self.tr("Change")])
