"""One chart on the dashboard: hover tooltips, click-through, save and copy.

Imports pyqtgraph, so the dashboard imports this module only when it is first shown.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QMenu, QMessageBox, QToolButton, QToolTip, QVBoxLayout, QWidget

from zqtracker.charts.chart_model import BarsChart, ChartData
from zqtracker.charts.plot import ChartItem, Hit, chart_item
from zqtracker.charts.render import chart_image, render_figures, rows_for_height
from zqtracker.charts.series import chart_data
from zqtracker.charts.theme import LIGHT, Theme
from zqtracker.domain.money import Unit
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.ui.settings import CHART_FOLDER, Settings

EXPORT_MIN_WIDTH, EXPORT_MIN_HEIGHT = 720, 420
ROW_PX = 13  # one bar row on screen (the 8.5 pt labels need about 12)
CHROME_PX = 84  # title, legend and value axis of a bar chart on screen


class ChartPanel(QFrame):
    """Shows one of the six charts for the dashboard's current figures."""

    filter_requested = Signal(object)  # ProjectFilter

    def __init__(self, name: str, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.settings = settings
        self.setObjectName(f"chart_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.figures: DashboardFigures | None = None
        self.lang = "en"
        self.unit = Unit.YI
        self.theme: Theme = LIGHT
        self.data: ChartData | None = None
        self.item: ChartItem | None = None
        self._rows: int | None = None
        self._hovered: int | None = None

        self.view = pg.GraphicsView(self, background=self.theme.background)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setAntialiasing(True)
        self.view.setMouseTracking(True)
        self.view.viewport().installEventFilter(self)
        self.view.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.view.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.view)

        self.save_png_action = QAction(self)
        self.save_svg_action = QAction(self)
        self.copy_action = QAction(self)
        self.save_png_action.triggered.connect(lambda: self._ask_and_save("png"))
        self.save_svg_action.triggered.connect(lambda: self._ask_and_save("svg"))
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        self.menu = QMenu(self)
        self.menu.addActions([self.save_png_action, self.save_svg_action, self.copy_action])
        self.menu_button = QToolButton(self)
        self.menu_button.setText("⋯")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self.menu)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._retranslate()

    def _retranslate(self) -> None:
        self.save_png_action.setText(self.tr("Save as &PNG…"))
        self.save_svg_action.setText(self.tr("Save as &SVG…"))
        self.copy_action.setText(self.tr("&Copy image"))
        self.menu_button.setToolTip(self.tr("Save or copy this chart"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()  # the chart itself is redrawn by the dashboard, in the new language

    # -- content ---------------------------------------------------------------------------
    def set_figures(self, figures: DashboardFigures, lang: str, unit: Unit, theme: Theme) -> None:
        self.figures, self.lang, self.unit, self.theme = figures, lang, unit, theme
        self._rows = self._row_capacity()
        self._rebuild()

    def _row_capacity(self) -> int:
        return max(4, (self.height() - 2 - CHROME_PX) // ROW_PX)  # the view fills the panel, less its frame

    def _rebuild(self) -> None:
        if self.figures is None:
            return
        self.data = chart_data(self.figures, self.name, lang=self.lang, unit=self.unit, max_rows=self._rows)
        item = self.item
        if item is not None and item.theme is self.theme and item.lang == self.lang:
            item.set_data(self.data)  # the usual refresh: same items, new figures
            item.highlight(None)
        else:  # first show, or the palette or language changed: build anew
            self.item = chart_item(self.data, self.theme, self.lang, note=False)
            self.view.setBackground(self.theme.background)
            self.view.setCentralItem(self.item)
        self._hovered = None
        self.setAccessibleName(self.data.title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        hint = self.menu_button.sizeHint()
        self.menu_button.setGeometry(self.width() - hint.width() - 4, 3, hint.width(), hint.height())
        self.menu_button.raise_()
        if isinstance(self.data, BarsChart) and self._row_capacity() != self._rows:
            self._rows = self._row_capacity()
            self._rebuild()

    # -- pointer ---------------------------------------------------------------------------
    def hit_at(self, scene_pos: QPointF) -> Hit | None:
        return None if self.item is None else self.item.hit(scene_pos)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        hit = self.hit_at(scene_pos)
        index = None if hit is None else hit.index
        if index != self._hovered and self.item is not None:
            self.item.highlight(index)
            self._hovered = index
        if hit is None:
            QToolTip.hideText()
            self.view.viewport().unsetCursor()
            return
        self.view.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if hit.filter is not None else Qt.CursorShape.ArrowCursor
        )
        where = self.view.viewport().mapToGlobal(self.view.mapFromScene(scene_pos)) + QPoint(14, 10)
        QToolTip.showText(where, hit.tooltip, self.view.viewport())

    def _on_scene_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        hit = self.hit_at(event.scenePos())  # type: ignore[attr-defined]
        if hit is not None and hit.filter is not None:
            self.filter_requested.emit(hit.filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Leave:
            if self.item is not None:
                self.item.highlight(None)
            self._hovered = None
            QToolTip.hideText()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+C copies and Ctrl+S saves the focused chart. Handled here, not as QAction
        shortcuts: the main window's own Copy/Save would make those ambiguous, and then Qt
        runs neither."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_to_clipboard()
        elif event.matches(QKeySequence.StandardKey.Save):
            self._ask_and_save("png")
        elif event.key() == Qt.Key.Key_Menu:
            self.menu.exec(self.mapToGlobal(self.rect().center()))
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu.exec(event.globalPos())

    # -- save and copy ---------------------------------------------------------------------
    def export_size(self) -> tuple[int, int]:
        """What is on screen, at least large enough to read in a document."""
        return max(self.view.width(), EXPORT_MIN_WIDTH), max(self.view.height(), EXPORT_MIN_HEIGHT)

    def image_bytes(self, fmt: str) -> bytes:
        """The chart as the `chart` command draws it (light palette: it is meant for paper)."""
        if self.figures is None:
            raise RuntimeError("nothing to save yet")
        width, height = self.export_size()
        return render_figures(
            self.figures, self.name, lang=self.lang, unit=self.unit, width=width, height=height, fmt=fmt
        )

    def save_chart(self, path: Path) -> Path:
        """Write the chart to ``path`` (format from its suffix) without leaving half a file."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            path = path.with_suffix(".png")
            fmt = "png"
        data = self.image_bytes(fmt)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def _ask_and_save(self, fmt: str) -> None:
        if self.figures is None:
            return
        suggested = (
            self.settings.folder(CHART_FOLDER) / f"{self.name}-{self.figures.year}-{self.figures.through:02d}.{fmt}"
        )
        filters = self.tr("PNG image (*.png)") if fmt == "png" else self.tr("SVG image (*.svg)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), str(suggested), filters)
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(f".{fmt}")
        try:
            self.save_chart(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save chart"),
                self.tr("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
            )
            return
        self.settings.set(CHART_FOLDER, str(path.parent))

    def copy_to_clipboard(self) -> None:
        """The chart as an image (for documents and chats) and as SVG (for vector editors)."""
        if self.figures is None or self.data is None:
            return
        width, height = self.export_size()
        data = chart_data(self.figures, self.name, lang=self.lang, unit=self.unit, max_rows=rows_for_height(height))
        ratio = max(2.0, self.devicePixelRatioF())
        image = chart_image(data, LIGHT, self.lang, width, height, ratio)
        mime = QMimeData()
        mime.setImageData(image)
        mime.setData("image/svg+xml", self.image_bytes("svg"))
        QGuiApplication.clipboard().setMimeData(mime)
