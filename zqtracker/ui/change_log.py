"""A project's audit trail (留痕) in the detail pane: who changed what, when, and through which
action — an edit, the import of a file, a bulk change, an undo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent
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
            change = change_text(r)
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


def change_text(r: ChangeRow) -> str:
    """One change in a sentence's words: "Officer: (none) → 王芳"."""
    lang = ui_lang()
    if r.field in ("created", "deleted"):
        return field_text(r.field, lang)
    return (
        QCoreApplication.translate("ChangeLogView", "%1: %2 → %3")
        .replace("%1", field_text(r.field, lang))
        .replace("%2", value_text(r.field, r.old_value, lang))
        .replace("%3", value_text(r.field, r.new_value, lang))
    )


def conflict_detail(exc: BaseException) -> str:
    """What the other person did, from the audit trail the service attached to a refused write
    (empty when there is nothing to say)."""
    latest = getattr(exc, "latest", None) or []
    if not latest:
        return ""
    r = latest[0]
    same = [x for x in latest if (x.changed_at, x.user_name, x.action) == (r.changed_at, r.user_name, r.action)]
    lang = ui_lang()
    return (
        QCoreApplication.translate("ChangeLogView", "Latest change: %1 (UTC) by %2, %3 — %4")
        .replace("%1", str(r.changed_at)[:16])
        .replace("%2", r.user_name)
        .replace("%3", action_text(r.action, r.source, lang))
        .replace("%4", QCoreApplication.translate("ChangeLogView", "; ").join(change_text(x) for x in reversed(same)))
    )
