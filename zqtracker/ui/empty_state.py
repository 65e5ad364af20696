"""A view with nothing to show says why, and offers what to do next.

One small widget for every empty view: a filter that matches nothing, a dashboard or summary of
a database without projects. It only says and asks (``action_requested(key)``); its owner acts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zqtracker.ui.palette import muted_style


class EmptyState(QWidget):
    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, name: str = "empty_state") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(muted_style(self.palette()))
        self.message.setMinimumWidth(320)
        self.message.setMaximumWidth(560)
        self._buttons: dict[str, QPushButton] = {}
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self._row.addStretch(1)
        text_row = QHBoxLayout()  # (an aligned word-wrapped label gets one line's height: stretch instead)
        text_row.addStretch(1)
        text_row.addWidget(self.message, 4)
        text_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(text_row)
        layout.addLayout(self._row)
        layout.addStretch(1)

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def set_actions(self, actions: list[tuple[str, str]]) -> None:
        """(key, button text) pairs, in order; keys already shown are reworded, not rebuilt."""
        keys = [k for k, _ in actions]
        for key in list(self._buttons):
            if key not in keys:
                self._buttons.pop(key).deleteLater()
        for i, (key, text) in enumerate(actions):
            button = self._buttons.get(key)
            if button is None:
                button = QPushButton(self)
                button.setObjectName(f"{self.objectName()}_{key}")
                button.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
                self._buttons[key] = button
                self._row.insertWidget(1 + i, button)
            button.setText(text)

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.message.setStyleSheet(muted_style(self.palette()))
        super().changeEvent(event)


class ViewportOverlay(QObject):
    """Keeps an EmptyState over an item view's viewport (a viewport child is not laid out)."""

    def __init__(self, view_port: QWidget, overlay: EmptyState) -> None:
        super().__init__(overlay)
        self._port, self._overlay = view_port, overlay
        overlay.setParent(view_port)
        overlay.hide()
        view_port.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._port and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._overlay.setGeometry(self._port.rect())
        return False

    def set_visible(self, visible: bool) -> None:
        if visible:
            self._overlay.setGeometry(self._port.rect())
            self._overlay.raise_()
        self._overlay.setVisible(visible)
