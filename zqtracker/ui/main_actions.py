"""The main window's actions, menus and toolbar, with their shortcuts and enabled states.

Each action only calls a method of the window's parts (ProjectActions, DatabaseActions, the
Projects page). Import, export, template and print exist, disabled, until their issues connect
them: ``actions_.import_.triggered.connect(...)`` and ``setEnabled(True)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from zqtracker.ui.database_actions import display_target
from zqtracker.ui.messages import run_dialog

if TYPE_CHECKING:
    from zqtracker.ui.main_window import MainWindow

# Shortcuts by action attribute: a key-sequence string or a QKeySequence.StandardKey name (tuple:
# several). Applied by complete() with the icons (ui/icons.py): QKeySequence and the SVG renderer
# cost some 40 ms to load, which the launch spends after the first page is painted.
SHORTCUTS: dict[str, str | tuple[str, ...]] = {
    "new_database": "Ctrl+Shift+N", "open_database": "Open", "import_": "Ctrl+I", "export": "Ctrl+E",
    "print_": "Print", "quit": "Quit", "undo": "Undo", "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "new_project": "New", "edit_project": "F2", "duplicate": "Ctrl+D", "delete": "Delete",
    "change_status": "Ctrl+T", "mark_key": "Ctrl+K", "unmark_key": "Ctrl+Shift+K", "find": "Find",
    "clear_filters": "Ctrl+Shift+F", "detail_pane": "F9", "refresh": "Refresh", "preferences": "Preferences",
    "user_guide": "HelpContents", "shortcuts": "Ctrl+F1",
}  # fmt: skip


class MainActions(QObject):
    def __init__(self, window: MainWindow, *, complete: bool = True) -> None:
        super().__init__(window)
        self.w = window
        self._undo_state: list = [False, ""]
        self._redo_state: list = [False, ""]
        self.completed = False

        def action(slot=None, *, table_only: bool = False) -> QAction:
            a = QAction(window)
            if slot is not None:
                a.triggered.connect(slot)
            if table_only:
                # Active only while the table has focus, so Delete/F2 keep working in text fields.
                a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                window.projects.table.addAction(a)
            return a

        pa, da, page = window.project_actions, window.database_actions, window.projects
        # File
        self.new_database = action(da.new_database)
        self.open_database = action(da.open_database)
        self.open_demo = action(da.open_demo)
        from zqtracker.ui.connect_dialog import connect_to_server

        self.connect_server = action(lambda: connect_to_server(da))
        self.import_ = action(lambda: window.import_file(None))
        self.save_template = action(window.dialogs.save_import_template)
        self.export = action(window.dialogs.export_view)
        self.print_ = action(window.print_summary)
        self.restore_backup = action(self._restore_backup)
        self.quit = action(window.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo = action(window.undo_stack.undo)
        self.redo = action(window.undo_stack.redo)
        self.new_project = action(pa.new_project)
        self.edit_project = action(self._edit, table_only=True)
        self.duplicate = action(self._duplicate)
        self.delete = action(self._delete, table_only=True)
        self.change_status = action(self._change_status)
        self.mark_key = action(lambda: pa.set_key_project(page.selected_ids(), True))
        self.unmark_key = action(lambda: pa.set_key_project(page.selected_ids(), False))
        self.find = action(self._find)
        self.clear_filters = action(page.filter_bar.clear)
        # View
        self.detail_pane = action(lambda on: page.detail.setVisible(on))
        self.detail_pane.setCheckable(True)
        self.refresh = action(page.reload)
        # Tools
        self.references = action(self._references)
        self.monthly_round = action(window.dialogs.monthly_round)
        self.preferences = action(self._preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # Help
        self.user_guide = action(self._user_guide)
        self.shortcuts = action(self._show_shortcuts)
        self.about = action(self._about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        self._build_menus()
        self._build_toolbar()
        self._connect_signals()
        if complete:
            self.complete()

    def complete(self) -> None:
        """Shortcuts and icons (see SHORTCUTS): at once, or after the first paint at launch."""
        if self.completed:
            return
        self.completed = True
        from PySide6.QtGui import QKeySequence

        for name, keys in SHORTCUTS.items():
            sequences = []
            for key in keys if isinstance(keys, tuple) else (keys,):
                standard = getattr(QKeySequence.StandardKey, key, None)
                sequences.extend(QKeySequence.keyBindings(standard) if standard is not None else [QKeySequence(key)])
            getattr(self, name).setShortcuts(sequences)
        if self.preferences.shortcut().isEmpty():
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.set_icons()

    def set_icons(self) -> None:
        """Our own icons, in the palette's text colour (again when the palette changes)."""
        from zqtracker.ui.icons import ACTION_ICONS, action_icon

        for name in ACTION_ICONS:
            getattr(self, name).setIcon(action_icon(name, self.w.palette()))

    def _build_menus(self) -> None:
        bar = self.w.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self.w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addActions([self.new_database, self.open_database])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.open_demo)
        self.file_menu.addAction(self.connect_server)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_, self.save_template, self.export, self.print_])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.restore_backup)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.new_project, self.edit_project, self.duplicate, self.delete])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.change_status, self.mark_key, self.unmark_key])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.find, self.clear_filters])
        self.view_menu = bar.addMenu("")
        self.columns_menu = QMenu(self.w)
        self.columns_menu.aboutToShow.connect(self._fill_columns)
        self.view_menu.addMenu(self.columns_menu)
        self.view_menu.addActions([self.detail_pane, self.refresh])
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addActions([self.monthly_round, self.references, self.preferences])
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.user_guide, self.shortcuts, self.about])
        # The table's right-click menu: the actions on the selection.
        table = self.w.projects.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._table_menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.w)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.new_project, self.edit_project, self.change_status, self.delete])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo, self.redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.import_, self.export])
        self.w.addToolBar(self.toolbar)

    def _connect_signals(self) -> None:
        # Bound slots (not lambdas): disconnected when this object goes, and fed by the signals'
        # own values, because the stack may already be half destroyed when it emits the last.
        stack = self.w.undo_stack
        stack.canUndoChanged.connect(self._on_can_undo)
        stack.canRedoChanged.connect(self._on_can_redo)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.w.projects.detail.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.w.projects.detail and event.type() in (event.Type.Show, event.Type.Hide):
            self.detail_pane.setChecked(self.w.projects.detail.isVisible())
        return super().eventFilter(watched, event)

    # -- state -----------------------------------------------------------------------------
    def update_enabled(self) -> None:
        ctx = self.w.ctx
        has_db = ctx is not None
        writable = ctx is not None and not ctx.database.read_only  # a read-only file: look, never change
        ids = self.w.projects.selected_ids()
        for a in (self.refresh, self.references, self.save_template, self.export, self.print_):
            a.setEnabled(has_db)
        for a in (self.new_project, self.import_):
            a.setEnabled(writable)
        self.restore_backup.setEnabled(writable)  # a file's copies, or a server's (issue 14)
        for a in (self.edit_project, self.duplicate):
            a.setEnabled(writable and len(ids) == 1)
        for a in (self.delete, self.change_status, self.mark_key, self.unmark_key):
            a.setEnabled(writable and bool(ids))
        self.detail_pane.setChecked(self.w.projects.detail.isVisible())

    def _on_can_undo(self, value: bool) -> None:
        self._undo_state[0] = value
        self._update_undo_texts()

    def _on_can_redo(self, value: bool) -> None:
        self._redo_state[0] = value
        self._update_undo_texts()

    def _on_undo_text(self, text: str) -> None:
        self._undo_state[1] = text
        self._update_undo_texts()

    def _on_redo_text(self, text: str) -> None:
        self._redo_state[1] = text
        self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        """ "Undo change status of 3 projects": the action names what it takes back."""
        (can_undo, undo_text), (can_redo, redo_text) = self._undo_state, self._redo_state
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        self.undo.setText(self.tr("Undo %1").replace("%1", undo_text) if can_undo else self.tr("Undo"))
        self.redo.setText(self.tr("Redo %1").replace("%1", redo_text) if can_redo else self.tr("Redo"))
        self.undo.setIconText(self.tr("Undo"))
        self.redo.setIconText(self.tr("Redo"))

    # -- slots -----------------------------------------------------------------------------
    def _edit(self) -> None:
        current = self.w.projects.current_id()
        ids = self.w.projects.selected_ids()
        target = ids[0] if len(ids) == 1 else current
        if target is not None:
            self.w.project_actions.edit_project(target)

    def _duplicate(self) -> None:
        ids = self.w.projects.selected_ids()
        if len(ids) == 1:
            self.w.project_actions.duplicate_project(ids[0])

    def _delete(self) -> None:
        self.w.project_actions.delete_projects(self.w.projects.selected_ids())

    def _change_status(self) -> None:
        self.w.project_actions.change_status(self.w.projects.selected_ids())

    def _find(self) -> None:
        self.w.tabs.setCurrentWidget(self.w.projects)
        self.w.projects.focus_search()

    def _references(self) -> None:
        if self.w.ctx is None:
            return
        from zqtracker.ui.reference_editor import ReferenceListsDialog

        dialog = ReferenceListsDialog(self.w, self.w.ctx, self.w.events, self.w.undo_stack)
        run_dialog(dialog)

    def _preferences(self) -> None:
        from zqtracker.ui.preferences import PreferencesDialog

        run_dialog(PreferencesDialog(self.w, self.w.settings))  # Settings.changed tells the views

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.w.settings.recent_databases()
        for target in recent:
            a = menu.addAction(display_target(target))
            a.setToolTip(target)
            a.triggered.connect(lambda _c=False, t=target: self.w.database_actions.open_target(t))
        if not recent:
            empty = menu.addAction(self.tr("No recent databases"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear list"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.w.settings.clear_recent_databases)

    def _fill_columns(self) -> None:
        self.columns_menu.clear()
        built = self.w.projects.table.column_menu(self.columns_menu)
        self.columns_menu.addActions(built.actions())

    def _table_menu(self, pos) -> None:
        menu = QMenu(self.w)
        menu.addActions([self.edit_project, self.duplicate])
        menu.addSeparator()
        menu.addActions([self.change_status, self.mark_key, self.unmark_key])
        menu.addSeparator()
        menu.addAction(self.delete)
        menu.exec(self.w.projects.table.viewport().mapToGlobal(pos))

    def _show_shortcuts(self) -> None:
        # the action's name, never its current text: "Redo", not "Redo change status of 4 projects"
        names = {self.undo: self.tr("Undo"), self.redo: self.tr("Redo")}
        rows = [
            (names.get(a, a.text()).replace("&", ""), a.shortcut().toString(a.shortcut().SequenceFormat.NativeText))
            for a in (
                self.new_project, self.edit_project, self.duplicate, self.delete, self.change_status,
                self.mark_key, self.unmark_key, self.undo, self.redo, self.find, self.clear_filters,
                self.refresh, self.detail_pane, self.open_database, self.new_database, self.import_,
                self.export, self.print_, self.preferences, self.quit,
            )
        ]  # fmt: skip
        rows.insert(2, (self.tr("Edit the selected project"), self.tr("Enter or double-click")))
        table = "".join(f"<tr><td>{t}</td><td>&nbsp;&nbsp;<b>{k}</b></td></tr>" for t, k in rows if k)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), f"<table>{table}</table>",
                          QMessageBox.StandardButton.Ok, self.w)  # fmt: skip
        box.setObjectName("shortcuts")
        run_dialog(box)

    def _restore_backup(self) -> None:
        from zqtracker.ui.backups import restore_backup

        restore_backup(self.w.database_actions, self.w.ctx)

    def _about(self) -> None:
        from zqtracker.ui.help import AboutDialog

        run_dialog(AboutDialog(self.w.ctx, self.w))

    def _user_guide(self) -> None:
        from zqtracker.ui.help import UserGuideDialog

        dialog = UserGuideDialog(self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        from zqtracker.ui.connect_dialog import action_text as connect_action_text

        texts = {
            self.new_database: self.tr("&New database…"),
            self.open_database: self.tr("&Open database…"),
            self.open_demo: self.tr("Open &demo database"),
            self.connect_server: connect_action_text(),
            self.import_: self.tr("&Import…"),
            self.save_template: self.tr("Save import &template…"),
            self.export: self.tr("&Export…"),
            self.print_: self.tr("&Print…"),
            self.restore_backup: self.tr("Restore &backup…"),
            self.quit: self.tr("&Quit"),
            self.new_project: self.tr("&New project…"),
            self.edit_project: self.tr("&Edit project…"),
            self.duplicate: self.tr("D&uplicate project…"),
            self.delete: self.tr("&Delete…"),
            self.change_status: self.tr("Change &status…"),
            self.mark_key: self.tr("Mark as &key project"),
            self.unmark_key: self.tr("Unmark key pro&ject"),
            self.find: self.tr("&Find"),
            self.clear_filters: self.tr("&Clear filters"),
            self.detail_pane: self.tr("&Detail pane"),
            self.refresh: self.tr("&Reload projects"),
            self.monthly_round: self.tr("Monthly &round…"),
            self.references: self.tr("&Sectors, districts and enterprises…"),
            self.preferences: self.tr("&Preferences…"),
            self.user_guide: self.tr("&User guide"),
            self.shortcuts: self.tr("&Keyboard shortcuts"),
            self.about: self.tr("&About zqtracker"),
        }
        for a, text in texts.items():
            a.setText(text)
        self.new_project.setIconText(self.tr("New"))
        self.edit_project.setIconText(self.tr("Edit"))
        self.change_status.setIconText(self.tr("Status"))
        self.delete.setIconText(self.tr("Delete"))
        self.import_.setIconText(self.tr("Import"))
        self.export.setIconText(self.tr("Export"))
        self.open_demo.setToolTip(self.tr("A database of invented projects, for trying zqtracker out"))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.columns_menu.setTitle(self.tr("&Columns"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self._update_undo_texts()
