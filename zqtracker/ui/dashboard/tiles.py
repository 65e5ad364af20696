"""The key figures across the top of the dashboard: one tile per figure a leader asks for first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from zqtracker.domain.filters import ProjectFilter

TILE_STYLE = """
QFrame#keyFigureTile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QFrame#keyFigureTile[clickable="true"]:hover { border-color: palette(highlight); }
QFrame#keyFigureTile:focus { border: 2px solid palette(highlight); }
"""


class ElidedLabel(QLabel):
    """One line that ends in "…" where the tile is too narrow for it ("Billion-yuan projec" was cut mid-word
    at ~920 px); ``text()`` and the tile's tooltip keep it whole."""

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown, self.foregroundRole()
        )


class KeyFigureTile(QFrame):
    """A caption, a large value and a line of detail; clickable when it stands for a filter."""

    clicked = Signal(object)  # ProjectFilter

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigureTile")
        self.setStyleSheet(TILE_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._filter: ProjectFilter | None = None
        self.caption = ElidedLabel(caption)
        self.value = QLabel("—")
        self.detail = ElidedLabel("")
        for label in (self.caption, self.detail):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, in light and dark palettes
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.55)
        font.setBold(True)
        self.value.setFont(font)
        small = QFont(self.detail.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.detail.setFont(small)
        self.caption.setFont(small)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.caption, self.detail):  # never widen the row of tiles: elide (tooltip has it all)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_figure(self, value: str, detail: str = "", *, colour: str | None = None, tooltip: str = "") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.detail.setText(detail)
        self.setToolTip(tooltip)

    def set_filter(self, f: ProjectFilter | None) -> None:
        """Clicking the tile asks for the projects behind it (None: not clickable)."""
        self._filter = f
        self.setProperty("clickable", f is not None)
        self.setCursor(Qt.CursorShape.PointingHandCursor if f is not None else Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if f is not None else Qt.FocusPolicy.NoFocus)
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._filter is not None
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit(self._filter)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._filter is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self._filter)
            return
        super().keyPressEvent(event)
