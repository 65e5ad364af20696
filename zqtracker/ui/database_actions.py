"""File › New / Open / Open recent / Open demo: choosing a database and opening it safely.

Opening may migrate (with a backup) or, for the demo, write demo data, so it runs off the GUI
thread with a progress dialog. Success hands the new AppContext to the window
(``opened``); failure shows the reason in one sentence and leaves the current database open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from zqtracker.ui.messages import show_error
from zqtracker.ui.operations import Operation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zqtracker.services.context import AppContext
    from zqtracker.services.progress import Progress
    from zqtracker.ui.settings import Settings

DEMO = "demo:"  # the recent-list entry of the demo database


class DatabaseActions(QObject):
    opening = Signal(str)  # the target being opened
    opened = Signal(object, str)  # AppContext, the target it was opened from
    failed = Signal(str, str)  # target, reason

    def __init__(self, window: QWidget, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self._operation: Operation | None = None

    @property
    def busy(self) -> bool:
        return self._operation is not None and not self._operation.done

    # -- menu actions ----------------------------------------------------------------------
    def new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New database"),
            str(self._folder() / self.tr("projects.sqlite")),
            self.tr("zqtracker databases (*.sqlite *.db);;All files (*)"),
            # Nothing is ever overwritten: an existing zqtracker file is opened, any other refused.
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            if not Path(path).suffix:
                path += ".sqlite"
            self.open_target(path)

    def open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open database"),
            str(self._folder()),
            self.tr("zqtracker databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_target(path)

    def open_demo(self) -> None:
        self.open_target(DEMO)

    def _folder(self) -> Path:
        for target in self.settings.recent_databases():
            if target != DEMO and "://" not in target and Path(target).parent.is_dir():
                return Path(target).parent
        return Path.home()

    # -- opening ---------------------------------------------------------------------------
    def open_target(self, target: str, *, background: bool = True, quiet: bool = False) -> None:
        """Open a file path, a database URL, :data:`DEMO` or "" (the default database);
        ``opened`` or ``failed`` follows. ``quiet``: no progress dialog (the launch shows its
        first page meanwhile)."""
        if self.busy:
            return

        def title() -> str:
            return (
                self.tr("Opening the demo database…")
                if target == DEMO
                else self.tr("Opening %1…").replace("%1", target)
            )

        def work(progress: Progress) -> AppContext:
            return open_context(target)

        if not background:
            try:
                ctx = open_context(target)
            except Exception as exc:  # noqa: BLE001 - reported to the user, the app stays usable
                self._on_failed(target, exc)
                return
            self._on_opened(target, ctx)
            return
        op = Operation(  # Escape may hide it: the window stays usable while a server's answer is awaited
            self.window, work, title=title, cancellable=False, show_progress=not quiet, minimum_duration_ms=300,
            stays=False,
        )  # fmt: skip
        op.success(lambda ctx: self._on_opened(target, ctx)).failure(lambda exc: self._on_failed(target, exc))
        self._operation = op
        op.run_in_background()
        self.opening.emit(target)

    def _on_opened(self, target: str, ctx: AppContext) -> None:
        if target != DEMO:  # remember the file itself (the default database has no target)
            path = ctx.database.sqlite_path
            target = str(path) if path is not None else (target or ctx.database.url)
        self.settings.add_recent_database(target)
        self.opened.emit(ctx, target)

    def _on_failed(self, target: str, exc: BaseException) -> None:
        """One sentence; the window stays on the database it had. A target that cannot be opened
        is never the "last database" (every start would try it again)."""
        from zqtracker.ui.settings import LAST_DATABASE

        if target and self.settings.get(LAST_DATABASE) == target:
            self.settings.set(LAST_DATABASE, "")
        show_error(self.window, exc, self.tr("Cannot open the database"))
        self.failed.emit(target, str(exc))

    # -- for other flows that end in another context (File › Restore backup…) ----------------
    def track(self, op: Operation) -> None:
        """``op`` is this object's operation in progress (``busy`` until it ends)."""
        self._operation = op

    def adopt(self, target: str, ctx: AppContext) -> None:
        """``ctx`` was opened from ``target`` by such a flow: make it the window's, as after Open."""
        self._on_opened(target, ctx)


def open_context(target: str) -> AppContext:
    """The AppContext of a target (raises DatabaseOpenError with one sentence)."""
    from zqtracker.services.context import AppContext

    if target == DEMO:
        from zqtracker.services.admin import open_demo_database
        from zqtracker.services.database import demo_database_path

        path = demo_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return AppContext.for_database(open_demo_database(path))
    # The day's backup copy is made once the window has the database (ui/daily_backup.py).
    return AppContext.open(target or None, daily_backup=False)


def display_target(target: str) -> str:
    if target == DEMO:
        return QCoreApplication.translate("DatabaseActions", "Demo database")
    return target
