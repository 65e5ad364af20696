"""Asking for a status change: the new status, the date it happened, an optional note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from zqtracker.domain.status import Status
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.translations import ui_lang


class ChangeStatusDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int, current: Status | None, what: str) -> None:
        super().__init__(parent)
        self.setObjectName("change_status_dialog")
        self.setWindowTitle(self.tr("Change status"))
        lang = ui_lang()
        self.status = QComboBox()
        for s in Status:
            self.status.addItem(s.label(lang), s.value)
        if current is not None:
            following = [s for s in Status if s.is_pipeline and s.order == current.order + 1]
            target = following[0] if following and current.is_pipeline else current
            self.status.setCurrentIndex(self.status.findData(target.value))
        self.changed_on = QDateEdit(QDate.currentDate())
        self.changed_on.setCalendarPopup(True)
        self.changed_on.setDisplayFormat(Formatter().date_format)
        self.changed_on.setMinimumDate(QDate(1900, 1, 1))
        self.changed_on.setMaximumDate(QDate(2200, 12, 31))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: why, who reported it…"))
        heading = QLabel(what if count == 1 else self.tr("%1 selected projects").replace("%1", str(count)))
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Date"), self.changed_on)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        self.status.setFocus()

    def value(self) -> tuple[Status, date, str]:
        d = self.changed_on.date()
        return Status(self.status.currentData()), date(d.year(), d.month(), d.day()), self.note.text().strip()
