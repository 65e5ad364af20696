"""The Dashboard tab: period selectors, key-figure tiles and the six trend charts.

Built to fit a 1366×768 screen without scrolling. pyqtgraph (0.35 s to import) is loaded the first
time the dashboard is shown, never at start-up; figures are fetched when the dashboard is visible
and again, once, after anything announces a change while it was hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zqtracker.charts import CHART_NAMES
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.words import norm_lang
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardFigures, DashboardService
from zqtracker.ui.dashboard.tiles import KeyFigureTile
from zqtracker.ui.empty_state import EmptyState
from zqtracker.ui.events import DataEvents
from zqtracker.ui.settings import MONEY_EXACT, MONEY_UNIT, Settings

if TYPE_CHECKING:
    from zqtracker.charts.theme import Theme
    from zqtracker.ui.dashboard.panel import ChartPanel

# Time charts on the top row, the bar charts (which need the height) below.
GRID = (("monthly", 0, 0), ("yoy", 0, 1), ("signed", 0, 2), ("sectors", 1, 0), ("districts", 1, 1), ("pipeline", 1, 2))
REFRESH_DELAY_MS = 120  # several events from one edit arrive together: refresh once
TILE_KEYS = ("projects", "planned", "billion", "ytd", "yoy", "signed", "stale")


class DashboardWidget(QWidget):
    """Key figures and trend charts of one period; emits what the user clicks as a filter."""

    filter_requested = Signal(object)  # ProjectFilter for the Projects view's apply_filter
    refreshed = Signal()
    # The empty dashboard's way out: "import", "new_project" or "demo" (the main window acts).
    action_requested = Signal(str)

    def __init__(self, ctx: AppContext, events: DataEvents, settings: Settings, parent: QWidget | None = None, *,
                 lang: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.service = DashboardService(ctx.statistics)
        self.events = events
        self.settings = settings
        self.lang = lang or self._translation_language()
        self.unit = settings.money_unit  # the one money preference: the unit box here sets it too
        self.figures: DashboardFigures | None = None
        self.panels: dict[str, ChartPanel] = {}
        self._year: int | None = None  # None: follow the latest month with records
        self._through: int | None = None
        self._dirty = True
        self._data_changed = True  # anything written since the figures were loaded
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._connect_signals()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.year_box = QComboBox()
        self.through_box = QComboBox()
        self.unit_box = QComboBox()
        self.unit_box.addItem("", Unit.YI.value)
        self.unit_box.addItem("", Unit.WAN.value)
        self.unit_box.setCurrentIndex(0 if self.unit is Unit.YI else 1)
        self.latest_button = QPushButton()
        self.demo_label = QLabel()
        self.demo_label.setStyleSheet("color: #cf222e; font-weight: bold;")
        self.as_of_label = QLabel()
        self.as_of_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self._bar_labels: list[QLabel] = []
        for box in (self.year_box, self.through_box, self.unit_box):
            label = QLabel()
            label.setBuddy(box)
            self._bar_labels.append(label)
            bar.addWidget(label)
            bar.addWidget(box)
            bar.addSpacing(8)
        bar.addWidget(self.latest_button)
        bar.addSpacing(12)
        bar.addWidget(self.demo_label)
        bar.addStretch(1)
        bar.addWidget(self.as_of_label)

        self.tiles = {key: KeyFigureTile("") for key in TILE_KEYS}
        tiles = QHBoxLayout()
        tiles.setContentsMargins(0, 0, 0, 0)
        tiles.setSpacing(6)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self.charts = QWidget()
        self.charts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid = QGridLayout(self.charts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.grid.setRowStretch(0, 44)
        self.grid.setRowStretch(1, 56)
        self.placeholder = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.grid.addWidget(self.placeholder, 0, 0, 2, 3)

        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.setSpacing(6)
        root.addLayout(bar)
        root.addLayout(tiles)
        root.addWidget(self.charts, 1)
        # A database without projects: what to do instead of nine zeros and six empty charts.
        self.empty = EmptyState(self, name="dashboard_empty")
        self.empty.hide()
        self.empty.action_requested.connect(self.action_requested)
        root.addWidget(self.empty, 1)
        QShortcut(
            QKeySequence.StandardKey.Refresh, self, self.refresh, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._retranslate()

    def _retranslate(self) -> None:
        """Every word of the dashboard in the current language (at construction and on a switch)."""
        self.year_box.setAccessibleName(self.tr("Year"))
        self.through_box.setAccessibleName(self.tr("Through month"))
        lang = self._translation_language()
        self.unit_box.setItemText(0, MoneyFormat(Unit.YI, lang).choice())
        self.unit_box.setItemText(1, MoneyFormat(Unit.WAN, lang).choice())
        for label, text in zip(
            self._bar_labels, (self.tr("&Year"), self.tr("&Through"), self.tr("&Unit")), strict=True
        ):
            label.setText(text)
        self.latest_button.setText(self.tr("&Latest month"))
        self.latest_button.setToolTip(self.tr("Show the latest month that has investment records"))
        captions = {
            "projects": self.tr("Projects"),
            "planned": self.tr("Planned investment"),
            "billion": self.tr("Billion-yuan projects"),
            "ytd": self.tr("Completed investment"),
            "yoy": self.tr("Year on year"),
            "signed": self.tr("Projects signed"),
            "stale": self.tr("Stale projects"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        if not self.panels:
            self.placeholder.setText(self.tr("Loading charts…"))
        self.empty.set_message(
            self.tr(
                "This database has no projects yet, so there are no figures to show. Import a district's "
                "spreadsheet or add projects, and the key figures and charts fill in as they arrive."
            )
        )
        self.empty.set_actions(
            [
                ("import", self.tr("Import a spreadsheet…")),
                ("new_project", self.tr("Add a project…")),
                ("demo", self.tr("Open the demo database")),
            ]
        )

    def _connect_signals(self) -> None:
        self.year_box.activated.connect(self._on_year_chosen)
        self.through_box.activated.connect(self._on_through_chosen)
        self.unit_box.activated.connect(self._on_unit_chosen)
        self.latest_button.clicked.connect(self._on_latest_clicked)
        self.events.projects_changed.connect(self._on_data_changed)
        self.events.investment_changed.connect(self._on_data_changed)
        self.events.references_changed.connect(self._on_data_changed)
        self.events.database_replaced.connect(self._on_database_replaced)
        self.settings.changed.connect(self._on_setting_changed)
        for tile in self.tiles.values():
            tile.clicked.connect(self.filter_requested)

    def _ensure_charts(self) -> None:
        """Create the chart panels (and import pyqtgraph) on first show."""
        if self.panels:
            return
        from zqtracker.ui.dashboard.panel import ChartPanel

        self.grid.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        for name, row, col in GRID:
            panel = ChartPanel(name, self.settings, self.charts)
            panel.filter_requested.connect(self.filter_requested)
            self.grid.addWidget(panel, row, col)
            panel.show()  # now, not on the next event loop pass: the layout sizes only visible widgets
            self.panels[name] = panel
        assert set(self.panels) == set(CHART_NAMES)

    # -- public ----------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        """Show another database (the period goes back to its latest month)."""
        self.ctx = ctx
        self.service = DashboardService(ctx.statistics)
        self._year = self._through = None
        self._schedule()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.figures is not None:
            self._show(self.figures)

    def set_period(self, year: int | None, through: int | None) -> None:
        """Show ``year`` January–``through`` (None, None: the latest month with records)."""
        self._year, self._through = year, through
        if self.isVisible() and self.panels and not self._dirty:
            self._load()  # same data, another period
        else:
            self.refresh()

    def refresh(self) -> None:
        """Fetch the figures and redraw everything (runs only while the dashboard is visible)."""
        self._timer.stop()
        if not self.isVisible():
            self._dirty = True
            return
        self._data_changed = True
        self._load()

    def _load(self) -> None:
        if not self.panels:
            self._ensure_charts()
            layout = self.layout()
            if layout is not None:
                layout.activate()  # size the new panels now: bar charts fit their rows to it
            self.grid.activate()
        # after a change of period only (no data event since), the figures that do not depend on
        # the period are reused: another month of the same year needs no query
        reuse = None if self._data_changed else self.figures
        figures = self.service.load(self._year, self._through, unchanged=reuse)
        self._dirty = self._data_changed = False
        self._show(figures)
        self.refreshed.emit()

    # -- events ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty or not self.panels:
            QTimer.singleShot(0, self.refresh)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # words, chart titles and axes, month names, and the colours of growth (红涨绿跌)
            self._retranslate()
            self.set_language(self._translation_language())
        elif event.type() == QEvent.Type.PaletteChange and self.figures is not None and self.panels:
            self._show(self.figures)

    def _schedule(self) -> None:
        self._dirty = self._data_changed = True
        if self.isVisible():
            self._timer.start()

    def _on_data_changed(self, *_: object) -> None:
        self._schedule()

    def _on_database_replaced(self) -> None:
        self._year = self._through = None
        self._schedule()

    def _on_year_chosen(self, index: int) -> None:
        self._year = int(self.year_box.itemData(index))
        if self._through is None and self.figures is not None:
            self._through = self.figures.through
        self.set_period(self._year, self._through)

    def _on_through_chosen(self, index: int) -> None:
        self._through = int(self.through_box.itemData(index))
        if self._year is None and self.figures is not None:
            self._year = self.figures.year
        self.set_period(self._year, self._through)

    def _on_unit_chosen(self, index: int) -> None:
        self.settings.money_unit = Unit(str(self.unit_box.itemData(index)))  # announced: see below

    def _on_setting_changed(self, key: str) -> None:
        if key == MONEY_EXACT.key and self.figures is not None:
            self._show(self.figures)
        if key != MONEY_UNIT.key or self.settings.money_unit is self.unit:
            return
        self.unit = self.settings.money_unit
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(self.unit.value)))
        if self.figures is not None:
            self._show(self.figures)

    def _on_latest_clicked(self) -> None:
        self.set_period(None, None)

    # -- showing ---------------------------------------------------------------------------
    def theme(self) -> Theme:
        from zqtracker.charts.theme import DARK, LIGHT

        return DARK if self.palette().color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT

    def _show(self, figures: DashboardFigures) -> None:
        from zqtracker.ui.dashboard.figures import fill_tiles

        self.figures = figures
        self._fill_selectors(figures)
        theme = self.theme()
        fill_tiles(self, figures, self.lang, self.unit, theme, self.settings.get(MONEY_EXACT))
        for panel in self.panels.values():
            panel.set_figures(figures, self.lang, self.unit, theme)
        nothing = figures.summary.projects == 0 and figures.project_filter is None
        for tile in self.tiles.values():
            tile.setVisible(not nothing)
        self.charts.setVisible(not nothing)
        self.empty.setVisible(nothing)

    def _fill_selectors(self, f: DashboardFigures) -> None:
        from zqtracker.charts.labels import month_label

        self.year_box.clear()
        for y in reversed(f.years):
            self.year_box.addItem(str(y), y)
        self.year_box.setCurrentIndex(self.year_box.findData(f.year))
        self.through_box.clear()
        latest = f.latest
        months = self.through_box.model()  # a combo box's own model: a QStandardItemModel
        for m in range(1, 13):
            self.through_box.addItem(month_label(m, self.lang), m)
            not_reported = latest is not None and f.year == latest.year and m > latest.month and m != f.through
            if not_reported and isinstance(months, QStandardItemModel):
                # months not reported yet: their "zero" would read as a −100% fall
                months.item(m - 1).setEnabled(False)
        self.through_box.setCurrentIndex(f.through - 1)
        self.latest_button.setEnabled(latest is not None and (latest.year, latest.month) != (f.year, f.through))
        self.demo_label.setText(self.tr("DEMO DATA") if f.is_demo else "")
        self.as_of_label.setText(self.tr("Figures as of {date}").format(date=f.as_of.isoformat()))
        if f.closed_at is not None:  # the month was closed (round close): its frozen figures
            self.as_of_label.setText(self.tr("Figures as closed on {date}").format(date=f.closed_at.date().isoformat()))

    def _translation_language(self) -> str:
        """The language of the loaded translation ("zh" when the Chinese .qm is installed)."""
        code = self.tr("en", "language code of this translation: zh for Chinese")
        return norm_lang(code)


__all__ = ["DashboardWidget"]
