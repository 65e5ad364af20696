"""The Summaries tab: pick a view, see its pages, print them or save them as a PDF.

The options are a bar of their own (ui/summaries_options.py), printing and PDF files are
ui/summaries_output.py, the page preview ui/summaries_preview.py; this tab builds the document.

The pages on screen, on paper and in the PDF are one laid-out document (reports.layout), built
off the GUI thread whenever an option, the filter or the data changes. ``zqtracker report``
writes the same document from the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.filters import ProjectFilter
from zqtracker.reports.build import build_report
from zqtracker.reports.layout import layout_report
from zqtracker.reports.model import Report, View
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.page import Document
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.ui.empty_state import EmptyState
from zqtracker.ui.events import DataEvents
from zqtracker.ui.operations import Operation
from zqtracker.ui.settings import (
    Settings,
)
from zqtracker.ui.summaries_options import SummaryOptionsBar
from zqtracker.ui.summaries_output import PREVIEW_PAGES, SummaryOutput
from zqtracker.ui.summaries_preview import PagePreview
from zqtracker.ui.translations import ui_lang

REBUILD_DELAY_MS = 250


class SummariesWidget(QWidget):
    """Summary views for leadership. The main window hands it the Projects view's filter
    (:meth:`set_filter`), a new context when another database is opened (:meth:`set_context`),
    and wires Ctrl+P to :meth:`print_`."""

    document_ready = Signal(int)  # pages of the document now shown
    pdf_written = Signal(str)  # path
    action_requested = Signal(str)  # the empty tab's way out: "import", "new_project" or "demo"

    def __init__(self, ctx: AppContext, events: DataEvents, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.events = events
        self.settings = settings
        self._filter: ProjectFilter | None = None
        self._report: Report | None = None
        self._document: Document | None = None
        self._document_options: ReportOptions | None = None
        self._operation: Operation | None = None
        self._pending = False
        self._dirty = True
        # Print, Print preview or Export PDF asked for while the pages were being prepared: done once
        # they are ready (the first Ctrl+P from another tab starts the build), not dropped.
        self._requested: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.output = SummaryOutput(settings, self)
        self.options_bar = SummaryOptionsBar(settings, self)
        self.options_bar.reset_period(ctx)
        self._build_ui()
        self._connect_signals()

    # -- building the widgets --------------------------------------------------------------
    def _build_ui(self) -> None:
        self.preview_action = QAction(self)
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.print_action = QAction(self)  # Ctrl+P is the main window's
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        for action in (self.preview_action, self.print_action, self.export_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        options = QHBoxLayout()
        options.addWidget(self.options_bar, 1)
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (
            ("preview", self.preview_action),
            ("print", self.print_action),
            ("export", self.export_action),
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            options.addWidget(button)
            self.buttons[key] = button

        self.filter_label = QLabel(self)
        self.filter_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        status = QHBoxLayout()
        status.addWidget(self.filter_label, 1)
        status.addWidget(self.status_label)
        status.addWidget(self.busy)
        status.addWidget(self.cancel_button)
        self._set_busy(False)

        self.preview = PagePreview(self.output.printer, self)
        self.empty = EmptyState(self, name="summaries_empty")  # a database without projects
        self.empty.hide()
        self.empty.action_requested.connect(self.action_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(status)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.empty, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every word of the controls in the current language (at construction and on a switch)."""
        self.preview_action.setText(self.tr("Print preview…"))
        self.print_action.setText(self.tr("Print…"))
        self.export_action.setText(self.tr("Export PDF…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.empty.set_message(
            self.tr(
                "This database has no projects yet: the summary views would be empty pages. Import a "
                "district's spreadsheet or add projects, then print the overview, the key-project and monthly "
                "progress reports, and the list of stale projects from here."
            )
        )
        self.empty.set_actions(
            [
                ("import", self.tr("Import a spreadsheet…")),
                ("new_project", self.tr("Add a project…")),
                ("demo", self.tr("Open the demo database")),
            ]
        )
        self._update_filter_label()
        self._show_page_count()

    def _connect_signals(self) -> None:
        self.preview_action.triggered.connect(self.print_preview)
        self.print_action.triggered.connect(self.print_)
        self.export_action.triggered.connect(self.export_pdf)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.preview.paint_requested.connect(self.output.paint_preview)
        self.output.message.connect(self.status_label.setText)
        self.output.pdf_written.connect(self.pdf_written)
        self.events.projects_changed.connect(self._on_data_changed)
        self.events.investment_changed.connect(self._on_data_changed)
        self.events.references_changed.connect(self._on_data_changed)
        self.options_bar.options_changed.connect(self._on_options_changed)

    # -- what the main window calls --------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        """Another database was opened: new period defaults, figures rebuilt."""
        self.ctx = ctx
        self.options_bar.reset_period(ctx)
        self._invalidate()

    def set_filter(self, f: ProjectFilter | None) -> None:
        """Follow the Projects view's filters; every view states them in its header."""
        self._filter = None if f is None or f.is_empty() else replace(f)
        self._update_filter_label()
        self._invalidate()

    def options(self) -> ReportOptions:
        """The options the controls stand for (what the preview, printout and PDF show)."""
        return self.options_bar.options(self._filter)

    def document(self) -> Document | None:
        """The laid-out pages on screen (None until the first build finishes)."""
        return self._document

    def is_building(self) -> bool:
        return self._operation is not None

    # -- building the document -------------------------------------------------------------
    def refresh(self) -> None:
        """Build the document for the current options in the background (once at a time)."""
        self._timer.stop()
        if self._operation is not None:
            self._pending = True
            return
        self._dirty = False
        self._pending = False
        options = self.options()
        ctx = self.ctx

        def work(progress: Progress) -> tuple[Report, Document, ReportOptions]:
            report = build_report(ctx, options, progress)
            return report, layout_report(report, progress=progress), options

        self._set_busy(True)
        self.status_label.setText(self.tr("Preparing…"))
        op = Operation(self, work, title=lambda: self.tr("Preparing the summary…"), show_progress=False)
        op.success(self._on_built).failure(self._on_build_failed).cancelled(self._on_build_cancelled)
        op.finished.connect(self._on_operation_finished)
        self._operation = op
        op.run_in_background()

    def _on_built(self, result: tuple[Report, Document, ReportOptions]) -> None:
        self._report, self._document, self._document_options = result
        self.output.set_document(self._report, self._document)
        self.preview.update_pages()
        self._show_page_count()
        nothing = self._filter is None and self.ctx.projects.count() == 0
        self.preview.setVisible(not nothing)
        self.empty.setVisible(nothing)
        self.document_ready.emit(len(self._document.pages))
        if self._requested is not None:
            QTimer.singleShot(0, self, self._honour_request)  # after the operation has been let go of

    def _honour_request(self) -> None:
        """Do what was asked for while the pages were being prepared (asked again if they are not yet)."""
        requested, self._requested = self._requested, None
        if requested is not None:
            requested()

    def _show_page_count(self) -> None:
        if self._document is None:
            return
        pages = len(self._document.pages)
        if pages > PREVIEW_PAGES:
            self.status_label.setText(
                self.tr(
                    "%n page(s); the first %1 are shown here, Print and Export PDF include all.", "", pages
                ).replace("%1", str(PREVIEW_PAGES))
            )
        else:
            self.status_label.setText(self.tr("%n page(s)", "", pages))

    def _on_build_failed(self, exc: BaseException) -> None:
        self._requested = None
        self.status_label.setText(self.tr("Could not prepare the view: %1").replace("%1", str(exc)))

    def _on_build_cancelled(self) -> None:
        self._requested = None
        self.status_label.setText(self.tr("Cancelled; the pages shown are the previous ones."))
        self._dirty = True

    def _on_operation_finished(self) -> None:
        if self._operation is not None:
            self._operation.deleteLater()
        self._operation = None
        self._set_busy(False)
        if self._pending:
            self.refresh()

    def _on_cancel_clicked(self) -> None:
        if self._operation is not None:
            self._pending = False
            self._operation.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _invalidate(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    # -- slots -----------------------------------------------------------------------------
    def _on_options_changed(self) -> None:
        self._invalidate()

    def _on_data_changed(self, *_args: object) -> None:
        self._invalidate()

    def _update_filter_label(self) -> None:
        f = self._filter
        self.filter_label.setText(
            self.tr("Following the Projects view's filters: %1").replace("%1", "; ".join(f.describe(ui_lang())))
            if f is not None
            else self.tr("All projects (no filter in the Projects view)")
        )

    def print_preview(self) -> None:
        if self._ready_or_wait(
            self.print_preview, self.tr("Preparing the pages; the print preview opens when they are ready.")
        ):
            self.output.preview_dialog().exec()

    def print_(self) -> None:
        """Choose a printer, then print in the background with a cancellable progress dialog."""
        if self._ready_or_wait(
            self.print_, self.tr("Preparing the pages; the print dialog opens when they are ready.")
        ):
            self.output.print_with_dialog()

    def export_pdf(self) -> None:
        """Ask where, then write the PDF of the pages on screen."""
        if self._ready_or_wait(
            self.export_pdf, self.tr("Preparing the pages; you choose where to save the PDF when they are ready.")
        ):
            self.output.export_pdf(self.suggested_file_name())

    def suggested_file_name(self) -> str:
        o = self._document_options or self.options()
        if o.view is View.STALE:
            return f"{o.view.value}-{(o.as_of or date.today()).isoformat()}.pdf"
        return f"{o.view.value}-{o.year}-{o.through:02d}-{o.lang}.pdf"

    def _ready_or_wait(self, then: Callable[[], None], waiting: str) -> bool:
        """True if the pages on screen are up to date; else ``then`` is called once they are (the
        latest request wins) and the status line says so with ``waiting``."""
        if self._document is not None and not self._dirty and self._operation is None:
            self._requested = None
            return True
        if self._dirty and self._operation is None:
            self.refresh()
        self._requested = then
        self.status_label.setText(waiting)
        return False
