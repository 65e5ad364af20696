"""A Qt application for drawing without a window: the `chart` command, reports, scripts.

pyqtgraph's items are QGraphicsWidgets, which need a QApplication (not just a QGuiApplication).
Without a display — a server, a scheduled job, SSH — Qt's default platform plugin aborts the
process, so an application created here uses the offscreen platform, which draws the same
pixels. Inside the desktop app the running application is used as it is.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def ensure_app() -> QApplication:
    """The running QApplication, or a new offscreen one (kept for the life of the process)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "zqtracker", "-platform", "offscreen"])
        app.setApplicationName("zqtracker")
    if not isinstance(app, QApplication):
        raise RuntimeError("charts need a QApplication; a QGuiApplication is running")
    return app
