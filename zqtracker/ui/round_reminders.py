"""The monthly round's reminders: who still owes the month's return, as a message to copy (or a
workbook to save, which the round view writes: :attr:`RemindersDialog.save_requested`).

Not modal: on a live language switch it re-words itself and asks for the list again, which the
round view words in the new language (``text_of``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class RemindersDialog(QDialog):
    save_requested = Signal()

    def __init__(self, text_of: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text_of = text_of  # the reminder list in the interface's language ("" once every district returned)
        self.resize(640, 420)
        self.edit = QPlainTextEdit()
        self.edit.setReadOnly(True)
        self.copy_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_reminders")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.edit.toPlainText()))
        self.save_button.clicked.connect(self.save_requested)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reminders"))
        self.copy_button.setText(self.tr("Copy"))
        self.save_button.setText(self.tr("Save as .xlsx…"))
        self.edit.setPlainText(self._text_of() or self.tr("Every district has returned."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
