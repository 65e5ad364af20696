"""The banner above the tabs while the open database is read-only (a shared folder or disk this
account may not write): it says so, and what can still be done, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from zqtracker.ui.palette import read_only_banner_style


class ReadOnlyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setWordWrap(True)
        self.setStyleSheet(read_only_banner_style(self.palette()))
        self._retranslate()
        self.hide()

    def _retranslate(self) -> None:
        self.setText(
            self.tr(
                "Read-only: this database is in a folder or on a disk you may not write to, so it was opened for "
                "reading. You can look, filter, export and print; to change it, copy the file to a folder of yours."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def follow_palette(self) -> None:
        """Light or dark mode changed (the window calls this; a style sheet set here would
        itself send a palette change)."""
        self.setStyleSheet(read_only_banner_style(self.window().palette()))
