"""Small marks drawn for the project table (no image files: they follow the device pixel ratio)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

# A mid grey readable on light and dark windows alike: the mark is a hint, not an alarm.
_MARK = QColor("#8c8c8c")


def incomplete_icon(size: int = 16) -> QIcon:
    """A half-filled circle (◐): the project is known only in part (sector, district or amount
    missing). Drawn at 1× and 2× so it stays crisp on high-density screens."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QRectF(3.5, 3.5, size - 7, size - 7)
        p.setPen(QPen(_MARK, 1.3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(circle)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_MARK)
        p.drawPie(circle, 90 * 16, 180 * 16)  # the left half
        p.end()
        icon.addPixmap(pixmap)
    return icon
