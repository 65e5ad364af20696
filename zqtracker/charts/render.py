"""Charts as files: PNG at print resolution and SVG (vector), for the CLI, the dashboard's save and
copy actions, and printable reports.

``render_chart(stats, "monthly", fmt="png")`` returns the bytes of the same chart the dashboard
shows: the data comes from the same service (services/dashboard.py), the words from
charts/series.py and the drawing from charts/plot.py. Sizes are in logical pixels (1/96 inch);
PNGs are drawn at ``dpi`` (200 by default: a 960-pixel-wide chart is 2000 pixels wide and prints
sharp at 12.2 cm) and say so in their header, so a PDF or a word processor places them at
their intended size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from zqtracker.charts import CHART_NAMES
from zqtracker.charts.chart_model import ChartData
from zqtracker.charts.headless import ensure_app
from zqtracker.charts.series import chart_data
from zqtracker.charts.theme import Theme, theme_named
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.services.dashboard import DashboardFigures, DashboardService
from zqtracker.services.statistics import StatisticsService

FORMATS = ("png", "svg")
DEFAULT_WIDTH = 960
DEFAULT_HEIGHT = 540
DEFAULT_DPI = 200
SCREEN_DPI = 96.0
MIN_SIZE, MAX_SIZE = 240, 8000
ROW_PX = 15  # height of one bar row, with its label, in logical pixels
CHROME_PX = 100  # title, legend and value axis of a bar chart


def rows_for_height(height: int) -> int:
    """How many bar rows fit a chart ``height`` pixels high before the rest fold into "Others"."""
    return max(4, (height - CHROME_PX) // ROW_PX)


def render_chart(
    stats: StatisticsService,
    name: str,
    *,
    year: int | None = None,
    through: int | None = None,
    lang: str = "en",
    unit: Unit = Unit.YI,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    fmt: str = "png",
    dpi: int = DEFAULT_DPI,
    theme: str = "light",
    project_filter: ProjectFilter | None = None,
) -> bytes:
    """Chart ``name`` (one of CHART_NAMES) of ``year`` January–``through`` as PNG or SVG bytes.

    Year and month default to the latest month with records, as everywhere.
    """
    _check(name, fmt, width, height, dpi)
    figures = DashboardService(stats).load(year, through, project_filter, count_stale_projects=False)
    return render_figures(
        figures, name, lang=lang, unit=unit, width=width, height=height, fmt=fmt, dpi=dpi, theme=theme
    )


def render_figures(
    figures: DashboardFigures,
    name: str,
    *,
    lang: str = "en",
    unit: Unit = Unit.YI,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    fmt: str = "png",
    dpi: int = DEFAULT_DPI,
    theme: str = "light",
) -> bytes:
    """Like :func:`render_chart`, from figures already loaded (a report drawing several charts
    of one period, or the dashboard saving what it shows, queries nothing again)."""
    _check(name, fmt, width, height, dpi)
    data = chart_data(figures, name, lang=lang, unit=unit, max_rows=rows_for_height(height))
    if fmt == "svg":
        return svg_bytes(data, theme_named(theme), lang, width, height)
    image = chart_image(data, theme_named(theme), lang, width, height, dpi / SCREEN_DPI)
    return png_bytes(image, dpi)


def chart_image(data: ChartData, theme: Theme, lang: str, width: int, height: int, ratio: float = 1.0) -> QImage:
    """The chart drawn on an image of ``width``×``height`` logical pixels at ``ratio`` device
    pixels each (2.08 for 200 dpi)."""
    with _Stage(data, theme, lang, width, height, ratio) as stage:
        image = QImage(
            device_pixels(width, ratio), device_pixels(height, ratio), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        image.fill(QColor(theme.background))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            stage.draw(painter)
        finally:
            painter.end()
    return image


def device_pixels(logical: int, ratio: float) -> int:
    """Pixels of an image ``logical`` pixels long at ``ratio`` (960 at 200/96 → 2000, not 2001)."""
    return math.ceil(round(logical * ratio, 6))


def png_bytes(image: QImage, dpi: int = DEFAULT_DPI) -> bytes:
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as text and refuses bytes, which its stubs ask for.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def svg_bytes(data: ChartData, theme: Theme, lang: str, width: int, height: int) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    from zqtracker.charts.svg import flatten_transforms

    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(int(SCREEN_DPI))  # as on screen: pyqtgraph's cached pictures assume it
    generator.setTitle(data.title)
    generator.setDescription("zqtracker")
    with _Stage(data, theme, lang, width, height, 1.0) as stage:
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, width, height), QColor(theme.background))
            stage.draw(painter)
        finally:
            painter.end()
    buffer.close()
    return flatten_transforms(bytes(out.data()))


class _Stage:
    """A chart laid out at a size in a view that is never shown."""

    def __init__(self, data: ChartData, theme: Theme, lang: str, width: int, height: int, ratio: float) -> None:
        ensure_app()
        import pyqtgraph as pg

        from zqtracker.charts.plot import chart_item

        self.width, self.height = width, height
        self.view = pg.GraphicsView(background=theme.background)
        self.view.resize(width, height)
        self.item = chart_item(data, theme, lang, px=ratio)
        self.view.setCentralItem(self.item)
        self.item.setGeometry(QRectF(0, 0, width, height))
        self.item.layout.activate()

    def __enter__(self) -> _Stage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.view.setCentralItem(None)
        self.view.deleteLater()

    def draw(self, painter: QPainter) -> None:
        self.view.scene().render(painter, QRectF(0, 0, self.width, self.height), QRectF(0, 0, self.width, self.height))


def _check(name: str, fmt: str, width: int, height: int, dpi: int) -> None:
    if name not in CHART_NAMES:
        raise ValueError(f"unknown chart {name!r}; one of {', '.join(CHART_NAMES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; one of {', '.join(FORMATS)}")
    for label, value in (("width", width), ("height", height)):
        if not MIN_SIZE <= value <= MAX_SIZE:
            raise ValueError(f"{label} {value} is outside {MIN_SIZE}–{MAX_SIZE} pixels")
    if not 48 <= dpi <= 1200:
        raise ValueError(f"dpi {dpi} is outside 48–1200")
