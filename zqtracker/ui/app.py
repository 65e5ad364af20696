"""Starting the desktop app: first page on screen fast, the database opened in the background.

Importing SQLAlchemy and mapping the tables costs 0.6–0.9 s — four times a bare Qt window's
start. So the launch reads the first page of projects straight from the SQLite file with the
standard library (storage.peek: read-only, only for a file of the current schema), shows the
window with it, and opens the database for real off the GUI thread; when it is open the window
gets its AppContext (``MainWindow.set_context``) exactly as after File › Open, and every row
loads in the background. Anything unusual (a server URL, a file to migrate or create, a damaged
file) simply skips the first page; a database that cannot be opened is explained in a dialog and
the window stays, ready for File › Open.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from zqtracker.ui import main_thread_gc
from zqtracker.ui.settings import LAST_DATABASE, REOPEN_LAST, Settings
from zqtracker.ui.translations import Translations

if TYPE_CHECKING:
    from zqtracker.ui.main_window import MainWindow

FIRST_PAGE_ROWS = 200
log = logging.getLogger("zqtracker")


def launch_target(db: str | None, demo: bool, settings: Settings) -> str:
    """What to open: --demo, --db, $ZQTRACKER_DB, the last database used, else the default file."""
    import os

    from zqtracker.ui.database_actions import DEMO

    if demo:
        return DEMO
    if db:
        return db
    if os.environ.get("ZQTRACKER_DB"):
        return ""  # storage resolves the variable
    last = settings.get(LAST_DATABASE)
    if settings.get(REOPEN_LAST) and last and (last == DEMO or "://" in last or Path(last).is_file()):
        return last
    return ""


def launch(
    db: str | None = None, demo: bool = False, lang: str | None = None, *, settings: Settings | None = None
) -> tuple[QApplication, MainWindow]:
    """The shown window (with a first page when possible); the database keeps opening after."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("zqtracker")
    main_thread_gc.install(app)  # cycles are collected on this thread, never on a worker's
    settings = settings or Settings()
    translations = Translations(app)
    translations.switch(lang or settings.language)

    from zqtracker.services.first_page import peek_first_page, sqlite_file_for
    from zqtracker.ui.database_actions import DEMO
    from zqtracker.ui.main_window import MainWindow

    target = launch_target(db, demo, settings)
    window = MainWindow(None, settings=settings, translations=translations, defer_setup=True)
    path = sqlite_file_for(target or None, demo=target == DEMO)
    model = window.projects.model
    if path is not None:
        page, name = peek_first_page(path, FIRST_PAGE_ROWS, model.sort_key, model.sort_descending), path.name
    else:  # a server: the first page over one psycopg connection, as quick as SQLite's
        from zqtracker.services.first_page import peek_server_first_page, short_name

        page = peek_server_first_page(target, FIRST_PAGE_ROWS, model.sort_key, model.sort_descending)
        name = short_name(target)
    if page is not None:
        window.projects.show_first_page(page)
        window.show_pending(name, page.is_demo)
    window.show()
    if page is None:
        window.finish_startup()
        window.database_actions.open_target(target)
    else:
        _open_after_first_paint(window, target)
    return app, window


def _open_after_first_paint(window: MainWindow, target: str) -> None:
    """Start the real open once the first page is painted: importing SQLAlchemy in a thread
    holds the GIL and would slow that paint. A window that is never painted (minimized) opens
    the database anyway, a moment later."""
    from PySide6.QtCore import QTimer

    started = False

    def start() -> None:
        nonlocal started
        if not started:
            started = True
            window.finish_startup()
            window.database_actions.open_target(target, quiet=True)

    window.projects.first_rows_painted.connect(start)
    QTimer.singleShot(500, start)


def run_app(db: str | None = None, demo: bool = False, lang: str | None = None, import_path: str | None = None) -> int:
    from zqtracker.ui.translations import ui_lang
    from zqtracker.ui.unreadable_settings import may_open_default

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    settings = Settings()
    if not may_open_default(settings, db, demo, lang or ui_lang()):  # zqtracker.ini damaged: asked, never silent
        return 2
    app, window = launch(db, demo, lang, settings=settings)
    _tidy_soon()
    _install_excepthook(window)
    if import_path:
        import_when_open(window, Path(import_path))
    _autoquit(app)
    code = app.exec()
    window.daily_backup.stop()  # quit without closing the window (a signal, the smoke test's timer)
    if window.ctx is not None:
        window.ctx.close()
    return code


def _tidy_soon() -> None:
    """After the first paint: remove what killed runs left behind (services.backups.tidy)."""
    from PySide6.QtCore import QTimer

    def tidy() -> None:
        try:
            from zqtracker.services.backups import tidy as remove

            remove()
        except Exception:
            log.debug("tidying leftovers failed", exc_info=True)

    QTimer.singleShot(2000, tidy)


def import_when_open(window: MainWindow, path: Path) -> None:
    """Start importing ``path`` as soon as a database is open (it opens in the background)."""
    if window.ctx is not None:
        window.import_file(path)
        return

    def on_context(ctx: object) -> None:
        if ctx is not None:
            window.context_changed.disconnect(on_context)
            window.import_file(path)

    window.context_changed.connect(on_context)


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected error in a slot: logged with its traceback, shown as one sentence."""
    showing = False

    def hook(kind, exc, tb) -> None:
        nonlocal showing
        _log_to_file(exc)
        if showing or not isinstance(exc, Exception):
            return
        showing = True
        try:
            QMessageBox.critical(
                window,
                "zqtracker",
                QCoreApplication.translate(
                    "App", "Unexpected error: %1\n\nDetails are in the log file. Your data was not changed by it."
                ).replace("%1", f"{type(exc).__name__}: {exc}"),
            )
        finally:
            showing = False

    sys.excepthook = hook


def _log_to_file(exc: BaseException) -> None:
    import traceback

    from platformdirs import user_data_dir

    try:
        folder = Path(user_data_dir("zqtracker", appauthor=False)) / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "zqtracker.log").open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        log.exception("cannot write the log file", exc_info=exc)


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
