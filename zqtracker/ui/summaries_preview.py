"""The on-screen pages of the Summaries tab: Qt's print preview, with zoom and page controls.

QPrintPreviewWidget draws through the same QPrinter path as printing, so the screen shows
exactly the pages that will come out of the printer or the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


class PagePreview(QWidget):
    """Pages of a laid-out report; ``paint_requested(printer)`` asks the owner to draw them."""

    paint_requested = Signal(QPrinter)

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.view = QPrintPreviewWidget(printer, self)
        self.view.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.view.paintRequested.connect(self.paint_requested)
        self.view.previewChanged.connect(self._on_view_preview_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self._buttons: dict[str, QToolButton] = {}
        for key, text, slot in (
            ("fit_width", "", self.fit_width),
            ("fit_page", "", self.fit_page),
            ("zoom_out", "−", self.view.zoomOut),
            ("zoom_in", "+", self.view.zoomIn),
            ("previous", "‹", self.previous_page),
            ("next", "›", self.next_page),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self._buttons[key] = button
        self.page_label = QLabel(self)
        bar.addWidget(self.page_label)
        bar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        b = self._buttons
        b["fit_width"].setText(self.tr("Fit width"))
        b["fit_width"].setToolTip(self.tr("Zoom the pages to the width of the view"))
        b["fit_page"].setText(self.tr("Whole page"))
        b["fit_page"].setToolTip(self.tr("Show one whole page"))
        b["zoom_out"].setToolTip(self.tr("Zoom out"))
        b["zoom_in"].setToolTip(self.tr("Zoom in"))
        b["previous"].setToolTip(self.tr("Previous page"))
        b["next"].setToolTip(self.tr("Next page"))
        self._on_view_preview_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def update_pages(self) -> None:
        self.view.updatePreview()

    def page_count(self) -> int:
        return self.view.pageCount()

    def fit_width(self) -> None:
        self.view.fitToWidth()

    def fit_page(self) -> None:
        self.view.fitInView()

    def previous_page(self) -> None:
        self.view.setCurrentPage(max(1, self.view.currentPage() - 1))
        self._on_view_preview_changed()

    def next_page(self) -> None:
        self.view.setCurrentPage(min(self.view.pageCount(), self.view.currentPage() + 1))
        self._on_view_preview_changed()

    def _on_view_preview_changed(self) -> None:
        n = self.view.pageCount()
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.view.currentPage() if n else 0)).replace("%2", str(n))
        )
