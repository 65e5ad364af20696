"""Asking for a status change: the new status, the date it happened, an optional note.

The dialog says what the status is now. When every selected project has the same status it
offers the next step of the pipeline; when they differ it offers none — OK stays disabled until
a status is chosen, so Enter never moves a mixed selection to the first status of the list.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from zqtracker.domain.status import Status
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.palette import muted_style
from zqtracker.ui.translations import ui_lang


class ChangeStatusDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: Counter[Status] | dict[Status, int], what: str) -> None:
        """``current``: how many of the selected projects have each status now."""
        super().__init__(parent)
        self.setObjectName("change_status_dialog")
        self.setWindowTitle(self.tr("Change status"))
        lang = ui_lang()
        count = sum(current.values())
        alike = next(iter(current)) if len(current) == 1 else None
        self.status = QComboBox()
        if alike is None:
            self.status.addItem(self.tr("Choose the new status…"), None)
        for s in Status:
            self.status.addItem(s.label(lang), s.value)
        if alike is not None:
            following = [s for s in Status if s.is_pipeline and s.order == alike.order + 1]
            target = following[0] if following and alike.is_pipeline else alike
            self.status.setCurrentIndex(self.status.findData(target.value))
        self.current = QLabel(_current_text(current, lang))
        self.current.setObjectName("current_status")
        self.current.setWordWrap(True)
        self.current.setStyleSheet(muted_style(self.palette()))
        self.changed_on = QDateEdit(QDate.currentDate())
        self.changed_on.setCalendarPopup(True)
        self.changed_on.setDisplayFormat(Formatter().date_format)
        self.changed_on.setMinimumDate(QDate(1900, 1, 1))
        self.changed_on.setMaximumDate(QDate(2200, 12, 31))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: why, who reported it…"))
        heading = QLabel(what if count == 1 else self.tr("%1 selected projects").replace("%1", str(count)))
        heading.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("Now"), self.current)
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Date"), self.changed_on)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self.status.currentIndexChanged.connect(self._update_ok)
        self._update_ok()
        self.status.setFocus()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.status.currentData() is not None)

    def accept(self) -> None:
        if self.status.currentData() is None:
            return  # a mixed selection: no status until the user picks one
        super().accept()

    def value(self) -> tuple[Status, date, str]:
        d = self.changed_on.date()
        return Status(self.status.currentData()), date(d.year(), d.month(), d.day()), self.note.text().strip()


def _current_text(current: Counter[Status] | dict[Status, int], lang: str) -> str:
    """ "Signed" or "Signed (2), Preparing (1)" — in pipeline order."""
    ordered = sorted(current.items(), key=lambda kv: kv[0].order)
    if len(ordered) == 1:
        return ordered[0][0].label(lang)
    sep = QCoreApplication.translate("ChangeStatusDialog", ", ")
    return sep.join(
        QCoreApplication.translate("ChangeStatusDialog", "%1 (%2)").replace("%1", s.label(lang)).replace("%2", str(n))
        for s, n in ordered
    )
