"""Putting the Summaries tab's pages on paper and into PDF files.

Apart from the tab because output has its own life: the printer and its page setup, a document
laid out again when the paper or orientation differs from the screen's, printing and writing in
the background with a cancellable progress dialog, a failure said in a sentence. The tab hands
over each document it builds (:meth:`SummaryOutput.set_document`) and shows :attr:`message`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from zqtracker.reports.layout import layout_report
from zqtracker.reports.model import Report
from zqtracker.reports.page import Document, Orientation
from zqtracker.reports.paint import RenderError, fits, page_layout, paint_document, printable_size, write_pdf
from zqtracker.services.progress import Progress
from zqtracker.ui.operations import Operation
from zqtracker.ui.settings import PDF_FOLDER, Settings
from zqtracker.ui.translations import ui_lang

PREVIEW_PAGES = 40  # drawn on the GUI thread; a 20,000-row table is 800 pages, printed and saved in full


class SummaryOutput(QObject):
    """The printer, print preview, printing and PDF export of the document on screen."""

    message = Signal(str)  # what became of an output (or why a page could not be drawn)
    pdf_written = Signal(str)  # path

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent  # the dialogs' and background operations' parent
        self.settings = settings
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._report: Report | None = None
        self._document: Document | None = None

    def set_document(self, report: Report, document: Document) -> None:
        """The pages now on screen, and the report to lay out again for other paper."""
        self._report, self._document = report, document
        self.printer.setPageLayout(page_layout(document))

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

    def paint_preview(self, printer: QPrinter) -> None:
        """The first :data:`PREVIEW_PAGES` pages, for the tab's own preview."""
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
            self.message.emit(exc.describe(ui_lang()))

    def preview_dialog(self) -> QPrintPreviewDialog:
        """Qt's print preview of the pages (page setup, orientation, zoom, print). On a printer of
        its own: two previews drawing on one printer free each other's pages (a crash)."""
        dialog = _OwnPrinterPreview(self._window)
        dialog.printer().setPageLayout(self.printer.pageLayout())
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self._paint)
        dialog.resize(1000, 760)
        return dialog

    def print_with_dialog(self) -> None:
        """Choose a printer, then print in the background with a cancellable progress dialog."""
        if self._document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self._document))
        printer.setDocName(self._document.title)
        dialog = QPrintDialog(printer, self._window)
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

        op = Operation(self._window, work, title=lambda: self.tr("Printing…"))
        op.success(lambda n: self.message.emit(self.tr("Sent %n page(s) to the printer.", "", n)))
        op.failure(self._on_output_failed)
        op.cancelled(lambda: self.message.emit(self.tr("Printing cancelled.")))
        return op.run_in_background()

    # -- PDF -------------------------------------------------------------------------------
    def export_pdf(self, suggested_name: str) -> None:
        """Ask where (``suggested_name`` in the last folder used), then write the PDF."""
        folder = self.settings.folder(PDF_FOLDER)
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export PDF"), str(folder / suggested_name), self.tr("PDF files (*.pdf)")
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

        op = Operation(self._window, work, title=lambda: self.tr("Writing the PDF…"))
        op.success(self._on_pdf_written).failure(self._on_output_failed)
        op.cancelled(lambda: self.message.emit(self.tr("Export cancelled; no file was written.")))
        return op.run_in_background()

    def _on_pdf_written(self, path: str) -> None:
        self.message.emit(self.tr("Saved %1").replace("%1", path))
        self.pdf_written.emit(path)

    def _on_output_failed(self, exc: BaseException) -> None:
        text = exc.describe(ui_lang()) if isinstance(exc, RenderError) else str(exc)
        self.message.emit(text)
        QMessageBox.warning(self._window, self.tr("Summaries"), text)


class _OwnPrinterPreview(QPrintPreviewDialog):
    """A print preview on a printer of its own, kept as long as the dialog."""

    def __init__(self, parent: QWidget) -> None:
        self._own_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self._own_printer, parent)
