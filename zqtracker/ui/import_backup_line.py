"""Where an import's backup copy is: the path elided in the middle (a long path never widens the dialog),
the whole path in its tooltip, and a button that copies it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class _Elided(QLabel):
    """A one-line text elided in the middle to the label's width."""

    def __init__(self) -> None:
        super().__init__()
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideMiddle, max(self.width(), 40)))


class BackupLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.caption = QLabel()
        self.label = _Elided()
        self.copy_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.path))
        self._retranslate()
        self.setVisible(False)

    def _retranslate(self) -> None:
        self.caption.setText(self.tr("Backup:"))
        self.copy_button.setText(self.tr("Copy path"))
        self.copy_button.setToolTip(self.tr("Copy the backup copy's full path"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_path(self, path: str) -> None:
        """The backup's path (empty: no backup, the line hidden)."""
        self.path = path
        self.label.set_full(path)
        self.setVisible(bool(path))
