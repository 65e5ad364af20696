"""Starting the desktop app: QApplication, the database, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from zqtracker.services.context import AppContext
from zqtracker.storage.database import DatabaseOpenError


def open_context(db: str | None, demo: bool) -> AppContext:
    if demo:
        from zqtracker.services.admin import open_demo_database
        from zqtracker.storage.database import demo_database_path

        path = demo_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return AppContext.for_database(open_demo_database(path))
    return AppContext.open(db)


def run_app(db: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("zqtracker")
    try:
        ctx = open_context(db, demo)
    except DatabaseOpenError as exc:
        QMessageBox.critical(None, "zqtracker", str(exc))
        return 2
    from zqtracker.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    _autoquit(app)
    code = app.exec()
    ctx.close()
    return code


def _autoquit(app: QApplication) -> None:
    """For smoke tests of a built bundle: say the window is up, quit after a delay.

    ``ZQTRACKER_AUTOQUIT_MS=1500 zqtracker`` prints "zqtracker: window shown" and exits 0.
    """
    import os

    delay = os.environ.get("ZQTRACKER_AUTOQUIT_MS")
    if not delay:
        return
    from PySide6.QtCore import QTimer

    print("zqtracker: window shown", flush=True)
    QTimer.singleShot(int(delay), app.quit)
