"""The work the main window opens in a window of its own: a spreadsheet's import preview (or a
district's return of a monthly round, which has its own), the monthly round, exporting the
Projects view and saving the import template — and which dropped files are such work.

Apart from the window (ui/main_window.py), which only offers these in its menus and takes files
dropped on it: this knows the open database (:meth:`WindowDialogs.set_context`) and opens the
dialog each needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from zqtracker.ui.events import DataEvents
from zqtracker.ui.projects_page import ProjectsPage
from zqtracker.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from zqtracker.services.context import AppContext
    from zqtracker.ui.import_dialog import ImportDialog
    from zqtracker.ui.round_return import ReturnDialog

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".htm", ".html", ".xml")


class WindowDialogs(QObject):
    def __init__(
        self, window: QWidget, events: DataEvents, undo_stack: QUndoStack, settings: Settings, projects: ProjectsPage
    ) -> None:
        super().__init__(window)
        self._window = window  # the dialogs' parent
        self.events, self.undo_stack, self.settings, self.projects = events, undo_stack, settings, projects
        self.ctx: AppContext | None = None
        self.import_dialog: ImportDialog | None = None  # the newest, for tests and for raising it again
        self.return_dialog: ReturnDialog | None = None

    def set_context(self, ctx: AppContext | None) -> None:
        self.ctx = ctx

    def import_file(self, path: Path | None = None) -> None:
        """Import a spreadsheet (File › Import…, drag and drop): the preview dialog decides."""
        if self.ctx is None:
            return
        if path is not None:
            from zqtracker.io.round_files import looks_like_return

            if looks_like_return(path):  # a district's return of a monthly round: its own preview
                self.collect_return(path)
                return
        self._open_import(path)

    def _open_import(self, path: Path | None) -> None:
        from zqtracker.ui.import_dialog import ImportDialog
        from zqtracker.ui.translations import ui_lang

        assert self.ctx is not None
        dialog = ImportDialog(self.ctx, self.events, self.undo_stack, self._window, path=path, lang=ui_lang())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.import_dialog = dialog

    def collect_return(self, path: Path) -> None:
        """A returned workbook of a monthly round: its differences and checks, then import."""
        if self.ctx is None:
            return
        from zqtracker.ui.round_return import ReturnDialog
        from zqtracker.ui.translations import ui_lang

        dialog = ReturnDialog(self.ctx, self.events, self.undo_stack, path, self._window, lang=ui_lang())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.not_a_return.connect(self._open_import)
        dialog.show()
        dialog.start()
        self.return_dialog = dialog

    def monthly_round(self) -> None:
        """Tools › Monthly round: create, collect, remind, close."""
        if self.ctx is None:
            return
        from zqtracker.ui.round_view import RoundView
        from zqtracker.ui.translations import ui_lang

        # the workbooks' language: Preferences' "Printouts and workbooks in", else the interface's (switched with it)
        book_lang = self.settings.output_language or None
        view = RoundView(self.ctx, self.events, self.undo_stack, self._window, lang=ui_lang(), book_lang=book_lang)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()

    def export_view(self) -> None:
        """Export the Projects view as it is filtered, with its visible columns."""
        if self.ctx is None:
            return
        from zqtracker.ui.export_dialog import ExportDialog
        from zqtracker.ui.messages import run_dialog

        dialog = ExportDialog(
            self.ctx, self.settings, self._window, self.projects.current_filter(), self.projects.visible_columns()
        )
        run_dialog(dialog)

    def save_import_template(self) -> None:
        if self.ctx is None:
            return
        from zqtracker.ui.export_dialog import save_import_template

        save_import_template(self.ctx, self.settings, self._window)


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The spreadsheets among files dropped on the window."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]
