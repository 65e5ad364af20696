"""Drawing without a window: the QGuiApplication the CLI needs for fonts, created here so that
cli/ never imports Qt itself."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_application() -> QCoreApplication:
    """The running application, or a new offscreen QGuiApplication (no display needed).

    Fonts and painting need a QGuiApplication; the desktop app already has one, the CLI and the
    benchmarks get an offscreen one, so ``zqtracker report`` works over SSH and in CI.
    """
    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("drawing reports needs a QGuiApplication, not a QCoreApplication")
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([sys.argv[0] if sys.argv else "zqtracker"])
    app.setApplicationName("zqtracker")
    return app
