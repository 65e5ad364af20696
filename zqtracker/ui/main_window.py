"""The main window: a thin shell of menus, toolbar, status bar and three tabs.

It owns the things every part shares — ``ctx`` (the open database's AppContext, None while none
is open), ``events`` (DataEvents), ``undo_stack`` — and hands them out; the work is done by the
Projects page, ProjectActions, DatabaseActions and the dialogs.

Another database (File › New / Open / recent / demo) reaches every widget one way: the window
emits ``context_changed(ctx)`` after setting ``self.ctx`` (and ``events.database_replaced``);
a widget that reads the database connects its ``set_context`` slot to it. The undo stack is
cleared, then the old context is closed.

The Dashboard and Summaries tabs are built the first time they are shown with a database open
(pyqtgraph alone costs 0.35 s, which the launch does not pay). Import, a district's return, the
monthly round, Export and the template open their windows through ui/window_dialogs.py; Print
goes to the Summaries tab.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from zqtracker.ui.daily_backup import DailyBackup
from zqtracker.ui.events import DataEvents
from zqtracker.ui.filter_memory import remember_filter
from zqtracker.ui.main_actions import MainActions
from zqtracker.ui.palette import demo_banner_style
from zqtracker.ui.projects_page import ProjectsPage
from zqtracker.ui.read_only_banner import ReadOnlyBanner
from zqtracker.ui.settings import (
    DETAIL_VISIBLE,
    HEADER_STATE,
    LANGUAGE,
    MONEY_EXACT,
    MONEY_UNIT,
    SPLITTER_STATE,
    STALE_MONTHS,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from zqtracker.ui.tabs import LazyTab
from zqtracker.ui.window_dialogs import WindowDialogs, dropped_files

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from zqtracker.domain.filters import ProjectFilter
    from zqtracker.services.context import AppContext
    from zqtracker.ui.translations import Translations


class MainWindow(QMainWindow):
    # Another database is open (or none: None). Widgets connect their set_context to it.
    context_changed = Signal(object)

    def __init__(
        self,
        ctx: AppContext | None = None,
        *,
        settings: Settings | None = None,
        translations: Translations | None = None,
        events: DataEvents | None = None,
        defer_setup: bool = False,
    ) -> None:
        """``defer_setup``: shortcuts and icons wait for :meth:`finish_startup` (the launch
        calls it once the first page is painted)."""
        super().__init__()
        self.setObjectName("main_window")
        self.ctx: AppContext | None = None
        self.target = ""  # what the current database was opened from (path, URL or demo:)
        self.settings = settings or Settings()
        self.translations = translations
        self.events = events or DataEvents(self)
        from zqtracker.ui.live_updates import LiveUpdates

        self.live = LiveUpdates(self.events, self)
        self.undo_stack = QUndoStack(self)
        self.is_demo = False
        self._pending_name = ""  # the file whose first page shows while it opens

        self.projects = ProjectsPage(
            self.events,
            unit=self.settings.money_unit,
            exact=self.settings.get(MONEY_EXACT),
            stale_months=self.settings.stale_months,
            parent=self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.projects, "")
        has_context = lambda: self.ctx is not None  # noqa: E731
        self.dashboard = LazyTab(lambda: self._create_dashboard(), self, ready=has_context)
        self.summaries = LazyTab(lambda: self._create_summaries(), self, ready=has_context)
        self.tabs.addTab(self.dashboard, "")
        self.tabs.addTab(self.summaries, "")
        self.read_only_banner = ReadOnlyBanner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.summary_label = QLabel(self)
        self.demo_label = QLabel(self)
        self.demo_label.setStyleSheet(demo_banner_style(self.palette()))
        self.demo_label.hide()
        self.statusBar().addWidget(self.summary_label, 1)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.daily_backup = DailyBackup(self, self.statusBar(), self.settings)

        from zqtracker.ui.database_actions import DatabaseActions
        from zqtracker.ui.project_actions import ProjectActions

        self.database_actions = DatabaseActions(self, self.settings)
        self.dialogs = WindowDialogs(self, self.events, self.undo_stack, self.settings, self.projects)
        self.project_actions = ProjectActions(self, self.events, self.undo_stack, self.settings, self.projects.model)
        self.actions_ = MainActions(self, complete=not defer_setup)
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self._restore_state()
        self._retranslate()
        self._connect_signals()
        if ctx is not None:
            self.set_context(ctx)
        else:
            self._update_title()
            self.actions_.update_enabled()

    def _connect_signals(self) -> None:
        self.context_changed.connect(self.projects.set_context)
        self.context_changed.connect(self.project_actions.set_context)
        self.context_changed.connect(self.dialogs.set_context)
        self.context_changed.connect(self.dashboard.on_context_changed)
        self.context_changed.connect(self.summaries.on_context_changed)
        self.projects.summary_changed.connect(self._on_summary_changed)
        self.projects.selection_changed.connect(lambda _ids: self.actions_.update_enabled())
        self.projects.table.activated_project.connect(self.project_actions.edit_project)
        self.projects.detail.edit_requested.connect(self.project_actions.edit_project)
        self.projects.detail.change_status_requested.connect(lambda pid: self.project_actions.change_status([pid]))
        self.projects.detail.investment_edit_requested.connect(self.project_actions.save_investment)
        self.projects.detail.plans_edit_requested.connect(self.project_actions.save_plans)
        self.database_actions.opened.connect(self._on_database_opened)
        self.database_actions.opening.connect(self._on_database_opening)
        self.database_actions.failed.connect(self._on_database_failed)
        start = self.projects.start_page  # each choice is the menu command of the same name
        start.demo_requested.connect(self.database_actions.open_demo)
        start.import_requested.connect(lambda: self.import_file(None))
        start.new_project_requested.connect(self.project_actions.new_project)
        start.open_requested.connect(self.database_actions.open_database)
        start.new_database_requested.connect(self.database_actions.new_database)
        start.guide_requested.connect(self.actions_.user_guide.trigger)
        start.connect_requested.connect(self.actions_.connect_server.trigger)
        self.tabs.currentChanged.connect(lambda _i: self.actions_.update_enabled())
        self.settings.changed.connect(self._on_setting_changed)

    def _on_setting_changed(self, key: str) -> None:
        """A preference changed (Preferences, or the dashboard's unit box): follow it at once."""
        s = self.settings
        if key == LANGUAGE.key and self.translations is not None:
            self.translations.switch(s.language)
        elif key in (MONEY_UNIT.key, MONEY_EXACT.key):
            self.projects.set_unit(s.money_unit, s.get(MONEY_EXACT))
        elif key == STALE_MONTHS.key and s.stale_months != self.projects.stale_months:
            self.projects.set_stale_months(s.stale_months)

    # -- the database ----------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None, target: str = "") -> None:
        """Make ``ctx`` the open database everywhere (the old one is closed)."""
        old = self.ctx
        self.undo_stack.clear()  # its commands belong to the old database
        self.ctx = ctx
        self.target = target
        self.is_demo = bool(ctx is not None and ctx.statistics.is_demo())
        self.daily_backup.database_changed(ctx.database if ctx is not None else None)
        self._pending_name = ""
        self._update_title()
        self.context_changed.emit(ctx)
        self.events.database_replaced.emit()
        self.actions_.update_enabled()
        self.live.set_context(ctx)  # others' changes appear (LISTEN/NOTIFY, PRAGMA data_version)
        if old is not None and old is not ctx:
            old.close()

    def finish_startup(self) -> None:
        """What the first paint did not need: shortcuts and toolbar icons."""
        self.actions_.complete()

    def _on_summary_changed(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.setToolTip(self.projects.summary_tooltip())

    def _on_database_opening(self, target: str) -> None:
        from zqtracker.ui.database_actions import display_target

        self.projects.set_database_busy(True)
        if self.ctx is None:
            self._update_title()
        if self.projects.model.rowCount() == 0:
            self.summary_label.setText(
                self.tr("Opening %1…").replace("%1", display_target(target) or self.tr("the database"))
            )

    def _on_database_opened(self, ctx: AppContext, target: str) -> None:
        from zqtracker.ui.database_actions import DEMO

        self.projects.set_database_busy(False)
        self.set_context(ctx, target)
        if target != DEMO:  # the demo database is made again from its recipe, never copied
            self.daily_backup.start(ctx.database)

    def _on_database_failed(self, _target: str, _reason: str) -> None:
        """The window stays on the database it had; with none, nothing of the refused file stays
        on screen (a first page read at launch is dropped) and nothing says "Opening…"."""
        self.projects.set_database_busy(False)
        if self.ctx is None:
            self.is_demo = False
            self._pending_name = ""
            self.projects.set_context(None)
            self.summary_label.setText("")
        self._update_title()

    def _update_title(self) -> None:
        if self.ctx is None:
            busy = self.database_actions.busy
            name = (self._pending_name or self.tr("Opening…")) if busy else self.tr("No database")
        else:
            path = self.ctx.database.sqlite_path
            if path is not None:
                name = path.name
            else:  # user@server/database
                from zqtracker.services.connections import short_name

                name = short_name(self.ctx.database.url)
            self.setWindowFilePath(str(path) if path is not None else "")
        demo = f" [{self.tr('DEMO DATA')}]" if self.is_demo else ""
        read_only = self.ctx is not None and self.ctx.database.read_only
        read_only_word = self.tr("read-only")
        mark = f" [{read_only_word}]" if read_only else ""
        self.setWindowTitle(f"{name}{demo}{mark} — zqtracker")
        self.demo_label.setText(self.tr("DEMO DATA"))
        self.demo_label.setToolTip(self.tr("Invented projects for trying zqtracker out; not real figures."))
        self.demo_label.setVisible(self.is_demo)
        self.read_only_banner.setVisible(read_only)

    def show_pending(self, name: str, is_demo: bool) -> None:
        """Title and badge while a database opens at launch (its first page already shown)."""
        self.is_demo = is_demo
        self._pending_name = name
        demo = f" [{self.tr('DEMO DATA')}]" if is_demo else ""
        self.setWindowTitle(f"{name}{demo} — zqtracker")
        self.demo_label.setText(self.tr("DEMO DATA"))
        self.demo_label.setVisible(is_demo)

    # -- tabs that others fill -------------------------------------------------------------
    def show_projects(self, f: ProjectFilter | None = None) -> None:
        """Switch to the Projects tab, showing the projects ``f`` matches (the dashboard's
        click-through)."""
        if f is not None:
            self.projects.apply_filter(f)
        self.tabs.setCurrentWidget(self.projects)

    def _open_context(self) -> AppContext:
        """The open database's context (the lazy tabs are built only once there is one)."""
        if self.ctx is None:
            raise RuntimeError("no database is open")
        return self.ctx

    def _create_dashboard(self) -> QWidget:
        """The Dashboard tab, built the first time it is shown with a database open."""
        from zqtracker.ui.dashboard.widget import DashboardWidget

        widget = DashboardWidget(self._open_context(), self.events, self.settings, self)
        self.context_changed.connect(widget_context_slot(widget))
        widget.filter_requested.connect(self.show_projects)
        widget.action_requested.connect(self._on_empty_view_action)
        return widget

    def _create_summaries(self) -> QWidget:
        """The Summaries tab; its views follow the Projects view's filter."""
        from zqtracker.ui.summaries import SummariesWidget

        widget = SummariesWidget(self._open_context(), self.events, self.settings, self)
        widget.set_filter(_filter_or_none(self.projects.current_filter()))
        self.projects.filter_changed.connect(lambda f: widget.set_filter(_filter_or_none(f)))
        widget.action_requested.connect(self._on_empty_view_action)
        self.context_changed.connect(widget_context_slot(widget))
        return widget

    def _on_empty_view_action(self, key: str) -> None:
        """A choice offered by an empty Dashboard or Summaries tab: the menu command of its name."""
        if key == "import":
            self.import_file(None)
        elif key == "new_project":
            self.tabs.setCurrentWidget(self.projects)
            self.project_actions.new_project()
        elif key == "demo":
            self.database_actions.open_demo()

    # -- import, export, print -------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> None:
        """Import a spreadsheet (File › Import…, drag and drop, the start page): the seam they share."""
        self.dialogs.import_file(path)

    def print_summary(self) -> None:
        """Ctrl+P: print the summary view chosen in the Summaries tab (shown first)."""
        if self.ctx is None:
            return
        self.tabs.setCurrentWidget(self.summaries)
        widget = self.summaries.ensure_built()
        if widget is not None:
            widget.print_()  # type: ignore[attr-defined]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in files:
            self.import_file(path)

    # -- state -----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = s.get(SPLITTER_STATE)
        if not splitter.isEmpty():
            self.projects.splitter.restoreState(splitter)
        self.projects.table.restore_header(s.get(HEADER_STATE))
        self.projects.detail.setVisible(s.get(DETAIL_VISIBLE))
        remember_filter(s, self.projects)

    def save_state(self) -> None:
        s = self.settings
        s.set(WINDOW_GEOMETRY, self.saveGeometry())
        s.set(WINDOW_STATE, self.saveState())
        s.set(SPLITTER_STATE, self.projects.splitter.saveState())
        s.set(HEADER_STATE, self.projects.table.save_header())
        s.set(DETAIL_VISIBLE, self.projects.detail.isVisible())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.projects.loader.cancel()
        self.live.stop()
        self.daily_backup.stop()  # a copy in progress stops and removes what it wrote
        super().closeEvent(event)

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.demo_label.setStyleSheet(demo_banner_style(self.palette()))
            if self.actions_.completed:
                self.actions_.set_icons()
            self.read_only_banner.follow_palette()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Projects"))
        self.tabs.setTabText(1, self.tr("Dashboard"))
        self.tabs.setTabText(2, self.tr("Summaries"))
        self.actions_.retranslate()
        if self._pending_name:
            self.show_pending(self._pending_name, self.is_demo)
        else:
            self._update_title()


def _filter_or_none(f: ProjectFilter | None) -> ProjectFilter | None:
    return None if f is None or f.is_empty() else f


def widget_context_slot(widget: QWidget):
    """Hand a new AppContext to ``widget.set_context`` (None means no database: nothing to do)."""

    def on_context(ctx: AppContext | None) -> None:
        if ctx is not None:
            widget.set_context(ctx)  # type: ignore[attr-defined]

    return on_context
