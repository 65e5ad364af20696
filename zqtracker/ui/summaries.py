"""The Summaries tab: pick a view, see its pages, print them or save them as a PDF.

The pages on screen, on paper and in the PDF are one laid-out document (reports.layout), built
off the GUI thread whenever an option, the filter or the data changes. ``zqtracker report``
writes the same document from the command line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.reports.build import build_report
from zqtracker.reports.layout import layout_report
from zqtracker.reports.model import Report, View
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.page import Document, Orientation
from zqtracker.reports.paint import RenderError, fits, page_layout, paint_document, printable_size, write_pdf
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.ui.empty_state import EmptyState
from zqtracker.ui.events import DataEvents
from zqtracker.ui.operations import Operation
from zqtracker.ui.settings import (
    LANGUAGE,
    MONEY_UNIT,
    OUTPUT_LANGUAGE,
    PDF_FOLDER,
    STALE_MONTHS,
    SUMMARY_KEY_ONLY,
    SUMMARY_VIEW,
    Settings,
)
from zqtracker.ui.summaries_preview import PagePreview

REBUILD_DELAY_MS = 250
VIEWS = (View.OVERVIEW, View.KEY_PROJECTS, View.MONTHLY, View.STALE)
PREVIEW_PAGES = 40  # drawn on the GUI thread; a 20,000-row table is 800 pages, printed and saved in full


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
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._build_ui()
        self._load_settings()
        self._reset_period()
        self._connect_signals()
        self._update_option_visibility()

    # -- building the widgets --------------------------------------------------------------
    def _build_ui(self) -> None:
        self.view_combo = QComboBox(self)
        for view in VIEWS:
            self.view_combo.addItem("", view.value)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2200)
        self.month_combo = QComboBox(self)
        for m in range(1, 13):
            self.month_combo.addItem("", m)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem("", Unit.YI.value)
        self.unit_combo.addItem("", Unit.WAN.value)
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.key_only_check = QCheckBox(self)
        self.months_spin = QSpinBox(self)
        self.months_spin.setRange(1, 60)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")

        self.preview_action = QAction(self)
        self.preview_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.print_action = QAction(self)  # Ctrl+P is the main window's
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        for action in (self.preview_action, self.print_action, self.export_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        options = QHBoxLayout()
        self._labels: dict[str, QLabel] = {}
        for key, widget in (
            ("view", self.view_combo),
            ("year", self.year_spin),
            ("month", self.month_combo),
            ("months", self.months_spin),
            ("as_of", self.as_of_edit),
            ("unit", self.unit_combo),
            ("lang", self.lang_combo),
        ):
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            options.addWidget(label)
            options.addWidget(widget)
        options.addWidget(self.key_only_check)
        options.addStretch(1)
        self.buttons: dict[str, QToolButton] = {}
        for key, action in (("preview", self.preview_action), ("print", self.print_action),
                            ("export", self.export_action)):  # fmt: skip
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

        self.preview = PagePreview(self.printer, self)
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
        views = {
            View.OVERVIEW: self.tr("Overview"),
            View.KEY_PROJECTS: self.tr("Key projects"),
            View.MONTHLY: self.tr("Monthly progress"),
            View.STALE: self.tr("Stale projects"),
        }
        for i, view in enumerate(VIEWS):
            self.view_combo.setItemText(i, views[view])
        self.year_spin.setToolTip(self.tr("Year of the figures"))
        for m in range(1, 13):
            self.month_combo.setItemText(m - 1, QLocale().monthName(m, QLocale.FormatType.ShortFormat))
        self.month_combo.setToolTip(self.tr("Last month included (January to this month)"))
        self.unit_combo.setItemText(0, MoneyFormat(Unit.YI, self._ui_lang()).choice())
        self.unit_combo.setItemText(1, MoneyFormat(Unit.WAN, self._ui_lang()).choice())
        self.lang_combo.setToolTip(self.tr("Language of the printed view"))
        self.key_only_check.setText(self.tr("Key projects only"))
        self.key_only_check.setToolTip(self.tr("The key-project report (重点项目); off: every project with a plan"))
        self.months_spin.setSuffix(self.tr(" months"))
        self.months_spin.setToolTip(self.tr("No status change and no investment record for this many months"))
        self.as_of_edit.setToolTip(self.tr("Judge staleness as of this date"))
        self.preview_action.setText(self.tr("Print preview…"))
        self.print_action.setText(self.tr("Print…"))
        self.export_action.setText(self.tr("Export PDF…"))
        for key, text in (
            ("view", self.tr("&View:")),
            ("year", self.tr("&Year:")),
            ("month", self.tr("&Through:")),
            ("months", self.tr("&Idle for:")),
            ("as_of", self.tr("&As of:")),
            ("unit", self.tr("&Unit:")),
            ("lang", self.tr("&Language:")),
        ):
            self._labels[key].setText(text)
        self.cancel_button.setText(self.tr("Cancel"))
        self.empty.set_message(
            self.tr(
                "This database has no projects yet: the summary views would be empty pages. Import a "
                "district's spreadsheet or add projects, then print the overview, the key-project and monthly "
                "progress reports, and the list of stale projects from here."
            )
        )
        self.empty.set_actions([
            ("import", self.tr("Import a spreadsheet…")),
            ("new_project", self.tr("Add a project…")),
            ("demo", self.tr("Open the demo database")),
        ])  # fmt: skip
        self._update_filter_label()
        self._show_page_count()

    def _connect_signals(self) -> None:
        for combo in (self.view_combo, self.month_combo, self.unit_combo, self.lang_combo):
            combo.currentIndexChanged.connect(self._on_options_changed)
        self.view_combo.currentIndexChanged.connect(self._update_option_visibility)
        for spin in (self.year_spin, self.months_spin):
            spin.valueChanged.connect(self._on_options_changed)
        self.as_of_edit.dateChanged.connect(self._on_options_changed)
        self.key_only_check.toggled.connect(self._on_options_changed)
        self.preview_action.triggered.connect(self.print_preview)
        self.print_action.triggered.connect(self.print_)
        self.export_action.triggered.connect(self.export_pdf)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.preview.paint_requested.connect(self._paint_preview)
        self.events.projects_changed.connect(self._on_data_changed)
        self.events.investment_changed.connect(self._on_data_changed)
        self.events.references_changed.connect(self._on_data_changed)
        self.settings.changed.connect(self._on_setting_changed)

    # -- what the main window calls --------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        """Another database was opened: new period defaults, figures rebuilt."""
        self.ctx = ctx
        self._reset_period()
        self._invalidate()

    def set_filter(self, f: ProjectFilter | None) -> None:
        """Follow the Projects view's filters; every view states them in its header."""
        self._filter = None if f is None or f.is_empty() else replace(f)
        self._update_filter_label()
        self._invalidate()

    def options(self) -> ReportOptions:
        """The options the controls stand for (what the preview, printout and PDF show)."""
        return ReportOptions(
            view=View(self.view_combo.currentData()),
            year=self.year_spin.value(),
            through=int(self.month_combo.currentData()),
            lang=str(self.lang_combo.currentData()),
            unit=Unit(self.unit_combo.currentData()),
            filter=self._filter,
            key_only=self.key_only_check.isChecked(),
            stale_months=self.months_spin.value(),
            as_of=self.as_of_edit.date().toPython(),
        )

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
        op = Operation(self, work, title=self.tr("Preparing the summary…"), show_progress=False)
        op.success(self._on_built).failure(self._on_build_failed).cancelled(self._on_build_cancelled)
        op.finished.connect(self._on_operation_finished)
        self._operation = op
        op.run_in_background()

    def _on_built(self, result: tuple[Report, Document, ReportOptions]) -> None:
        self._report, self._document, self._document_options = result
        self.printer.setPageLayout(page_layout(self._document))
        self.preview.update_pages()
        self._show_page_count()
        nothing = self._filter is None and self.ctx.projects.count() == 0
        self.preview.setVisible(not nothing)
        self.empty.setVisible(nothing)
        self.document_ready.emit(len(self._document.pages))

    def _show_page_count(self) -> None:
        if self._document is None:
            return
        pages = len(self._document.pages)
        if pages > PREVIEW_PAGES:
            self.status_label.setText(
                self.tr("%n page(s); the first %1 are shown here, Print and Export PDF include all.", "", pages)
                .replace("%1", str(PREVIEW_PAGES))
            )  # fmt: skip
        else:
            self.status_label.setText(self.tr("%n page(s)", "", pages))

    def _on_build_failed(self, exc: BaseException) -> None:
        self.status_label.setText(self.tr("Could not prepare the view: %1").replace("%1", str(exc)))

    def _on_build_cancelled(self) -> None:
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
            # a printout that follows the interface's language follows it now
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(self.settings.output_lang())))

    # -- slots -----------------------------------------------------------------------------
    def _on_options_changed(self) -> None:
        self._save_settings()
        self._invalidate()

    def _on_data_changed(self, *_args: object) -> None:
        self._invalidate()

    def _update_option_visibility(self) -> None:
        view = View(self.view_combo.currentData())
        periodic = view is not View.STALE
        for key, shown in (("year", periodic), ("month", periodic), ("months", not periodic),
                           ("as_of", not periodic)):  # fmt: skip
            self._labels[key].setVisible(shown)
            self._labels[key].buddy().setVisible(shown)
        self.key_only_check.setVisible(view is View.MONTHLY)
        self._update_filter_label()

    def _update_filter_label(self) -> None:
        f = self._filter
        self.filter_label.setText(
            self.tr("Following the Projects view's filters: %1").replace("%1", "; ".join(f.describe(self._ui_lang())))
            if f is not None
            else self.tr("All projects (no filter in the Projects view)")
        )

    def _ui_lang(self) -> str:
        return "zh" if QLocale().name().startswith("zh") else "en"

    # -- drawing on printers ---------------------------------------------------------------
    def _document_for(self, printer: QPrinter) -> Document | None:
        """The document laid out again if the printer has other paper or orientation."""
        if self._document is None or self._report is None:
            return None
        if fits(self._document, printer):
            return self._document
        landscape = printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        orientation = Orientation.LANDSCAPE if landscape else Orientation.PORTRAIT
        return layout_report(self._report, orientation=orientation, size=printable_size(printer))

    def _paint_preview(self, printer: QPrinter) -> None:
        document = self._document_for(printer)
        if document is not None and len(document.pages) > PREVIEW_PAGES:
            document = replace(document, pages=document.pages[:PREVIEW_PAGES])
        self._paint_document(document, printer)

    def _paint(self, printer: QPrinter) -> None:
        self._paint_document(self._document_for(printer), printer)

    def _paint_document(self, document: Document | None, printer: QPrinter) -> None:
        if document is None:
            return
        try:
            paint_document(document, printer)
        except RenderError as exc:
            self.status_label.setText(exc.describe(self._ui_lang()))

    def preview_dialog(self) -> QPrintPreviewDialog:
        """Qt's print preview of the pages (page setup, orientation, zoom, print). On a printer of
        its own: two previews drawing on one printer free each other's pages (a crash)."""
        dialog = _OwnPrinterPreview(self)
        dialog.printer().setPageLayout(self.printer.pageLayout())
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self._paint)
        dialog.resize(1000, 760)
        return dialog

    def print_preview(self) -> None:
        if self._ready_or_warn():
            self.preview_dialog().exec()

    def print_(self) -> None:
        """Choose a printer, then print in the background with a cancellable progress dialog."""
        if not self._ready_or_warn():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self._document))
        printer.setDocName(self._document.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Operation | None:
        """Print the pages on ``printer`` (already set up) in the background."""
        if self._document is None or self._report is None:
            return None
        report, document = self._report, self._document

        def work(progress: Progress) -> int:
            doc = document if fits(document, printer) else layout_report(report, size=printable_size(printer))
            paint_document(doc, printer, progress)
            return len(doc.pages)

        op = Operation(self, work, title=self.tr("Printing…"))
        op.success(lambda n: self.status_label.setText(self.tr("Sent %n page(s) to the printer.", "", n)))
        op.failure(self._on_output_failed)
        op.cancelled(lambda: self.status_label.setText(self.tr("Printing cancelled.")))
        return op.run_in_background()

    # -- PDF -------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        """Ask where, then write the PDF of the pages on screen."""
        if not self._ready_or_warn():
            return
        folder = self.settings.folder(PDF_FOLDER)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(folder / self.suggested_file_name()), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.settings.set(PDF_FOLDER, str(Path(path).parent))
        self.write_pdf_to(path)

    def write_pdf_to(self, path: str) -> Operation | None:
        """Write the pages on screen to ``path`` in the background (nothing is left on failure)."""
        document = self._document
        if document is None:
            return None

        def work(progress: Progress) -> str:
            write_pdf(document, path, progress)
            return path

        op = Operation(self, work, title=self.tr("Writing the PDF…"))
        op.success(self._on_pdf_written).failure(self._on_output_failed)
        op.cancelled(lambda: self.status_label.setText(self.tr("Export cancelled; no file was written.")))
        return op.run_in_background()

    def suggested_file_name(self) -> str:
        o = self._document_options or self.options()
        if o.view is View.STALE:
            return f"{o.view.value}-{(o.as_of or date.today()).isoformat()}.pdf"
        return f"{o.view.value}-{o.year}-{o.through:02d}-{o.lang}.pdf"

    def _on_pdf_written(self, path: str) -> None:
        self.status_label.setText(self.tr("Saved %1").replace("%1", path))
        self.pdf_written.emit(path)

    def _on_output_failed(self, exc: BaseException) -> None:
        text = exc.describe(self._ui_lang()) if isinstance(exc, RenderError) else str(exc)
        self.status_label.setText(text)
        QMessageBox.warning(self, self.tr("Summaries"), text)

    def _ready_or_warn(self) -> bool:
        if self._document is not None and not self._dirty and self._operation is None:
            return True
        self.status_label.setText(self.tr("The pages are still being prepared; try again in a moment."))
        if self._dirty and self._operation is None:
            self.refresh()
        return False

    # -- settings --------------------------------------------------------------------------
    def _reset_period(self) -> None:
        stats = self.ctx.statistics
        period = stats.resolve_period(None, None)
        for widget in (self.year_spin, self.month_combo, self.as_of_edit):
            widget.blockSignals(True)
        self.year_spin.setValue(period.year)
        self.month_combo.setCurrentIndex(period.month - 1)
        as_of = stats.as_of()
        self.as_of_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
        for widget in (self.year_spin, self.month_combo, self.as_of_edit):
            widget.blockSignals(False)

    def _load_settings(self) -> None:
        """The view and "key projects only" are remembered; unit, language and the stale threshold
        start at the preferences and follow them (a choice here is for this session's printouts)."""
        s = self.settings
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(s.get(SUMMARY_VIEW))))
        self.key_only_check.setChecked(s.get(SUMMARY_KEY_ONLY))
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(s.money_unit.value)))
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(s.output_lang())))
        self.months_spin.setValue(s.stale_months)

    def _save_settings(self) -> None:
        self.settings.set(SUMMARY_VIEW, self.view_combo.currentData())
        self.settings.set(SUMMARY_KEY_ONLY, self.key_only_check.isChecked())

    def _on_setting_changed(self, key: str) -> None:
        s = self.settings
        if key == MONEY_UNIT.key:
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(s.money_unit.value)))
        elif key in (OUTPUT_LANGUAGE.key, LANGUAGE.key):
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(s.output_lang())))
        elif key == STALE_MONTHS.key:
            self.months_spin.setValue(s.stale_months)


class _OwnPrinterPreview(QPrintPreviewDialog):
    """A print preview on a printer of its own, kept as long as the dialog."""

    def __init__(self, parent: QWidget) -> None:
        self._own_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self._own_printer, parent)
