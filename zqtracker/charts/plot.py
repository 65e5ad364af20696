"""Drawing a chart's data (charts/series.py) as pyqtgraph items.

A :class:`ChartItem` is a whole chart — title, legend, axes with units, bars and lines — laid
out in one ``GraphicsLayout``, so the same item is shown on the dashboard and rendered to PNG or
SVG by charts/render.py. It draws and answers "what is under this point" (:meth:`ChartItem.hit`);
windows, tooltips and clicks belong to the dashboard.

The items are built once per chart and updated in place by :meth:`ChartItem.set_data`: building
a pyqtgraph plot costs ~15 ms (its menus, axes and view boxes), updating one well under a
millisecond, and the dashboard's refresh budget is 300 ms for everything.

Pens are cosmetic (widths in device pixels), so an image rendered at a higher pixel ratio asks
for proportionally wider pens through ``px``. Scatter symbols are drawn without pyqtgraph's
pixmap cache, which an SVG file would otherwise receive as stretched bitmaps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QTextOption
from PySide6.QtWidgets import QGraphicsRectItem, QSizePolicy

from zqtracker.charts.chart_model import BarsChart, ChartData, Kind, LegendEntry, TimeChart
from zqtracker.charts.fonts import chart_family, chart_font
from zqtracker.charts.labels import as_float, count_text, keep_phrases, money_text, pct_text
from zqtracker.charts.theme import Theme
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit

BASE_PT = 8.5
TITLE_PT = 10.0
MIN_WRAP_PX = 120


@dataclass(frozen=True, slots=True)
class Hit:
    index: int  # month − 1, or the row
    tooltip: str
    filter: ProjectFilter | None


class ValueAxis(pg.AxisItem):
    """Tick labels of money in the chosen unit, counts or percentages: grouped, never "2e+05"."""

    def __init__(self, orientation: str, kind: Kind, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.kind = kind
        self.enableAutoSIPrefix(False)

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        """pyqtgraph spaces ticks by length only; along the bottom, "100,000" labels then overlap.
        Widen the major spacing (1-2-5 steps) until a label fits between two ticks."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.kind is Kind.COUNT and levels:  # no "0.5 projects": whole-number ticks only
            levels = [(max(1.0, spacing), offset) for spacing, offset in levels]
            levels = [lv for i, lv in enumerate(levels) if lv[0] not in [s for s, _ in levels[:i]]]
        if not levels or self.orientation not in ("bottom", "top") or maxVal <= minVal or size <= 0:
            return levels
        major = levels[0][0]
        widest = max(len(t) for t in self.tickStrings([minVal, maxVal], 1.0, major))
        need_px = widest * 6.5 + 12
        steps = (2.0, 2.5, 2.0)  # 1 → 2 → 5 → 10
        i = 0
        while major / (maxVal - minVal) * size < need_px and i < 30:
            major *= steps[i % 3]
            i += 1
        return [(major, 0.0), (major / 2, 0.0)] if i else levels

    def labelString(self) -> str:
        """A bottom axis's title no wider than its axis, elided in the middle so that its unit stays: a bar
        chart's two titles side by side ran into each other in a narrow panel (~920 px)."""
        full: str = getattr(self, "labelText", "")  # (pyqtgraph's, untyped)
        room = self.size().width() + 4.0  # (2 px past each end: still clear)
        if self.orientation == "bottom" and full and room > 4.0:
            self.labelText = QFontMetricsF(chart_font(BASE_PT)).elidedText(full, Qt.TextElideMode.ElideMiddle, room)
        try:
            return super().labelString()
        finally:
            self.labelText = full

    def resizeEvent(self, ev: object = None) -> None:
        if self.label is not None and self.orientation == "bottom" and self.labelText:
            self.label.setHtml(self.labelString())  # elided to the new width
        super().resizeEvent(ev)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 or self.kind is Kind.COUNT else min(4, math.ceil(-math.log10(spacing)))
        out = []
        for v in values:
            v = 0.0 if abs(v) < spacing * 1e-6 else v
            out.append(f"{v:,.{decimals}f}")
        return out


class WrappingLabel(pg.LabelItem):
    """A LabelItem that wraps to the width it is given instead of demanding its text's width.

    pyqtgraph's LabelItem makes its one-line width the minimum, so a long legend widens the
    whole chart past its panel (and pushes November and December off the axis).
    """

    def updateMin(self) -> None:
        width = self.width()
        self.item.setTextWidth(-1)
        natural = self.item.boundingRect().width()
        # wrap only at a real width: while a layout is still settling, widths of a few pixels would
        # stack the text one character per line and demand a page of height
        self.item.setTextWidth(width if MIN_WRAP_PX <= width < natural else -1)
        height = self.itemRect().height()
        self.setMinimumWidth(0)
        self._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, height),
            Qt.SizeHint.PreferredSize: (natural, height),
            Qt.SizeHint.MaximumSize: (-1, -1),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        self.updateGeometry()


def chart_item(data: ChartData, theme: Theme, lang: str = "en", *, px: float = 1.0, note: bool = True) -> ChartItem:
    """A new item drawing ``data``: a time chart or a bar chart.

    ``px``: device pixels per logical pixel of the target; ``note``: show the demo/filter marker
    (an exported image must carry it; the dashboard says it once, above its tiles).
    """
    from zqtracker.charts.plot_bars import BarsChartItem
    from zqtracker.charts.plot_time import TimeChartItem

    if isinstance(data, TimeChart):
        return TimeChartItem(data, theme, lang, px=px, note=note)
    return BarsChartItem(data, theme, lang, px=px, note=note)


class ChartItem(pg.GraphicsLayout):
    """What both kinds of chart share: header, legend, styling, value formatting."""

    columns = 1

    def __init__(self, data: ChartData, theme: Theme, lang: str, *, px: float, note: bool) -> None:
        super().__init__()
        self.data = data
        self.theme = theme
        self.lang = lang
        self.px = px
        self.show_note = note
        self.name = data.name
        self.items: dict[str, pg.GraphicsObject] = {}  # series key → what plots it (tests read these)
        self.labels: dict[str, list[pg.TextItem]] = {}
        self.plots: list[pg.PlotItem] = []
        self.layout.setContentsMargins(6, 4, 10, 4)
        self.layout.setHorizontalSpacing(0)
        self.layout.setVerticalSpacing(2)
        self._header()
        self.layout.setRowStretchFactor(2, 1)

    def set_data(self, data: ChartData) -> None:
        """Show new figures (same chart, same theme and language): updates, builds nothing."""
        if data.name != self.name:
            raise ValueError(f"a {self.name} chart cannot show {data.name} data")
        self.data = data
        for label, text in (
            (self.title, data.title),
            (self.note, data.note if self.show_note else ""),
            (self.legend, self._legend_html()),
        ):
            if label.text != text:  # setText re-lays out rich text: ~1 ms each
                label.setText(text)

    def _empty_message(self, vb: pg.ViewBox) -> pg.TextItem:
        """Said across the plot when there is nothing to draw (an empty chart is not a zero)."""
        from zqtracker.charts.fonts import chart_font

        message = pg.TextItem("", color=self.theme.muted_text, anchor=(0.5, 0.5))
        message.setFont(chart_font(BASE_PT + 0.5))
        message.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        vb.addItem(message, ignoreBounds=True)
        # wrapped to the plot's width once it has one (at first show it is a few pixels wide); a
        # bound method, not a lambda: Qt drops it with this item (a lambda outlived it at exit)
        self._message_view = vb
        vb.sigResized.connect(self._on_message_view_resized)
        return message

    def _on_message_view_resized(self, *_: object) -> None:
        message = getattr(self, "_message", None)
        if message is not None and self.data is not None:
            self._show_empty(message, self._message_view, self.data.empty)

    def _show_empty(self, message: pg.TextItem, vb: pg.ViewBox, text: str) -> None:
        text = keep_phrases(text)
        if message.toPlainText() != text:
            message.setText(text)
        message.setVisible(bool(text))
        if text:
            message.setTextWidth(max(80.0, vb.width() * 0.9))  # wrap inside a narrow panel
            (x0, x1), (y0, y1) = vb.viewRange()
            message.setPos((x0 + x1) / 2, (y0 + y1) / 2)

    def hit(self, scene_pos: QPointF) -> Hit | None:
        raise NotImplementedError

    def highlight(self, index: int | None) -> None:
        raise NotImplementedError

    # -- common parts ----------------------------------------------------------------------
    def _header(self) -> None:
        t = self.theme
        family = chart_family()
        header = self.addLayout(row=0, col=0, colspan=self.columns)
        header.layout.setContentsMargins(0, 0, 18, 0)  # the dashboard's menu button sits top right
        self.title = WrappingLabel(
            "", color=t.foreground, size=f"{TITLE_PT}pt", bold=True, family=family, justify="left"
        )
        header.addItem(self.title, row=0, col=0)
        self.note = pg.LabelItem("", color=t.red, size=f"{BASE_PT}pt", family=family, justify="right")
        header.addItem(self.note, row=0, col=1)
        header.layout.setColumnStretchFactor(0, 5)
        header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.legend = WrappingLabel("", color=t.muted_text, size=f"{BASE_PT}pt", family=family, justify="left")
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.addItem(self.legend, row=1, col=0, colspan=self.columns)

    def _legend_html(self) -> str:
        if isinstance(self.data, TimeChart):
            entries = [LegendEntry(s.style, s.role, s.label) for s in self.data.series]
        else:
            entries = list(self.data.legend)
        parts = []
        for e in entries:
            if e.role == "updown":
                up, down = self.theme.growth(self.lang)
                swatch = f'<span style="color:{up}">■</span><span style="color:{down}">■</span>'
            else:
                mark = {"bar": "■", "line": "━━", "dashed": "╍╍"}[e.style]
                swatch = f'<span style="color:{self.theme.colour(e.role, self.lang)}">{mark}</span>'
            parts.append(f"{swatch}&nbsp;{_escape(e.label)}")
        legend = "&nbsp;&nbsp;&nbsp;".join(parts)
        footnote = self.data.footnote
        return f"{legend}<br>{_escape(footnote)}" if footnote else legend

    def _pen(self, colour: str, width: float = 1.0, dashed: bool = False) -> pg.QtGui.QPen:
        pen = pg.mkPen(colour, width=width * self.px)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _style_axis(self, axis: pg.AxisItem) -> None:
        from zqtracker.charts.fonts import chart_font

        axis.setPen(self._pen(self.theme.axis))
        axis.setTextPen(self.theme.muted_text)
        axis.setStyle(tickFont=chart_font(BASE_PT), tickLength=-4, tickTextOffset=3)

    def _axis_label(self, axis: pg.AxisItem, label: str) -> None:
        if axis.labelText != label:
            axis.setLabel(
                label, color=self.theme.muted_text, **{"font-size": f"{BASE_PT}pt", "font-family": chart_family()}
            )

    def _plot(self, axes: dict[str, pg.AxisItem]) -> pg.PlotItem:
        plot = pg.PlotItem(axisItems=axes, enableMenu=False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.vb.setMouseEnabled(x=False, y=False)
        plot.vb.setDefaultPadding(0)
        plot.vb.disableAutoRange()
        plot.layout.setContentsMargins(0, 0, 0, 0)
        return plot

    def _band(self, vb: pg.ViewBox) -> QGraphicsRectItem:
        """The shade behind the month or row under the pointer."""
        band = QGraphicsRectItem()
        band.setPen(pg.mkPen(None))
        band.setBrush(pg.mkBrush(self.theme.hover))
        band.setZValue(-10)
        band.setVisible(False)
        vb.addItem(band, ignoreBounds=True)
        return band

    def _value_text(self, value: float | int | None, kind: Kind) -> str:
        if value is None:
            return "—"
        if kind is Kind.MONEY:
            return money_text(int(value), self.data.unit, self.data.lang, with_unit=False)
        if kind is Kind.PCT:
            return pct_text(float(value))
        return count_text(int(value))

    def _coordinate(self, value: int | float | None, kind: Kind) -> float:
        if value is None:
            return math.nan
        return as_float(int(value), self.data.unit, self.data.lang) if kind is Kind.MONEY else float(value)


def span_with_zero(values: list[float]) -> tuple[float, float]:
    """A value range that includes zero, with a little air above the highest point."""
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if hi == lo:
        return (-0.02, 1.0)
    pad = (hi - lo) * 0.08
    # a sliver below zero, so that the axis can print its "0" (pyqtgraph drops a label at the edge)
    return (lo - pad if lo < 0 else lo - (hi - lo) * 0.02, hi + pad)


def elide(text: str, limit: float = 9.5) -> str:
    """Category labels past ``limit`` CJK-width characters end in "…" (the tooltip has it all)."""
    width = 0.0
    for i, ch in enumerate(text):
        width += 1.0 if ord(ch) > 0x2E80 else 0.5
        if width > limit:
            return text[:i] + "…"
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["BarsChart", "ChartItem", "Hit", "Unit", "ValueAxis", "chart_item"]


def hatch_brush(colour: str, hatched: bool) -> QBrush:
    """A bar's fill: solid, or ``hatched`` (diagonal lines: a figure that lacks a month not reported)."""
    if not hatched:
        return pg.mkBrush(colour)
    return QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)
