"""The Qt binding itself: PySide6 6.12.0 under Python 3.11 breaks None's reference count.

Every call of a method that returns nothing (QPainter.drawLine, QObject.setObjectName …) takes
one reference from None without giving it; after a few thousand calls Python aborts with
"none_dealloc: deallocating None". A printed report makes tens of thousands of such calls.
pyproject.toml keeps PySide6 below 6.12 for that reason; this test says so when it breaks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QGuiApplication, QImage, QPainter


def test_void_calls_keep_none_alive(qapp) -> None:
    # (not a bare QGuiApplication: widgets made by later tests need a QApplication)
    assert QGuiApplication.instance() is qapp
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.drawLine(QPointF(0, 0), QPointF(8, 8))
        obj.setObjectName("x")
    lost = before - sys.getrefcount(None)
    painter.end()
    assert lost < 50, f"PySide6 {__import__('PySide6').__version__} lost {lost} references to None in 400 calls"
