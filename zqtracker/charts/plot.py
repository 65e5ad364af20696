"""Drawing a chart's data (charts/series.py) as pyqtgraph items.

A :class:`ChartItem` is a whole chart — title, legend, axes with units, bars and lines — laid
out in one ``GraphicsLayout``, so the same item is shown on the dashboard and rendered to PNG or
SVG by charts/render.py. It draws and answers "what is under this point" (:meth:`ChartItem.hit`);
windows, tooltips and clicks belong to the dashboard.

Pens are cosmetic (widths in device pixels), so an image rendered at a higher pixel ratio asks
for proportionally wider pens through ``px``. Scatter symbols are drawn without pyqtgraph's
pixmap cache, which an SVG file would otherwise receive as stretched bitmaps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem, QSizePolicy

from zqtracker.charts.fonts import chart_family, chart_font
from zqtracker.charts.labels import as_float, count_text, money_text, pct_text
from zqtracker.charts.series import BarsChart, ChartData, Kind, LegendEntry, TimeChart
from zqtracker.charts.theme import Theme
from zqtracker.domain.filters import ProjectFilter

BASE_PT = 8.5
TITLE_PT = 10.0
BAR_THICKNESS = 0.66  # of a row, in the horizontal bar charts
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


class ChartItem(pg.GraphicsLayout):
    """One chart, built once from its data; a new period or unit means a new item."""

    def __init__(self, data: ChartData, theme: Theme, lang: str = "en", *, px: float = 1.0,
                 note: bool = True) -> None:  # fmt: skip
        """``px``: device pixels per logical pixel of the target; ``note``: show the demo/filter
        marker (an exported image must carry it; the dashboard says it once, above the tiles)."""
        super().__init__()
        self.show_note = note
        self.data = data
        self.theme = theme
        self.lang = lang
        self.px = px
        self.items: dict[str, pg.GraphicsObject] = {}  # series key → what plots it (tests read these)
        self.labels: dict[str, list[pg.TextItem]] = {}
        self._bands: list[QGraphicsRectItem] = []
        self.layout.setContentsMargins(6, 4, 10, 4)
        self.layout.setHorizontalSpacing(0)
        self.layout.setVerticalSpacing(2)
        self._header(2 if isinstance(data, BarsChart) else 1)
        self.layout.setRowStretchFactor(2, 1)
        if isinstance(data, TimeChart):
            self._time_chart(data)
        else:
            self._bars_chart(data)

    # -- common parts ----------------------------------------------------------------------
    def _header(self, columns: int) -> None:
        t = self.theme
        family = chart_family()
        header = self.addLayout(row=0, col=0, colspan=columns)
        header.layout.setContentsMargins(0, 0, 18, 0)  # the dashboard's menu button sits top right
        self.title = WrappingLabel(self.data.title, color=t.foreground, size=f"{TITLE_PT}pt", bold=True,
                                  family=family, justify="left")  # fmt: skip
        header.addItem(self.title, row=0, col=0)
        self.note = pg.LabelItem(
            self.data.note if self.show_note else "", color=t.red, size=f"{BASE_PT}pt", family=family, justify="right"
        )
        header.addItem(self.note, row=0, col=1)
        header.layout.setColumnStretchFactor(0, 5)
        header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.legend = WrappingLabel(self._legend_html(), color=t.muted_text, size=f"{BASE_PT}pt", family=family,
                                   justify="left")  # fmt: skip
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.addItem(self.legend, row=1, col=0, colspan=columns)

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
        return "&nbsp;&nbsp;&nbsp;".join(parts)

    def _pen(self, colour: str, width: float = 1.0, dashed: bool = False) -> pg.QtGui.QPen:
        pen = pg.mkPen(colour, width=width * self.px)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _style_axis(self, axis: pg.AxisItem, label: str | None = None) -> None:
        t = self.theme
        axis.setPen(self._pen(t.axis))
        axis.setTextPen(t.muted_text)
        axis.setStyle(tickFont=chart_font(BASE_PT), tickLength=-4, tickTextOffset=3)
        if label:
            axis.setLabel(label, color=t.muted_text, **{"font-size": f"{BASE_PT}pt", "font-family": chart_family()})

    def _plot(self, axes: dict[str, pg.AxisItem]) -> pg.PlotItem:
        plot = pg.PlotItem(axisItems=axes, enableMenu=False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.vb.setMouseEnabled(x=False, y=False)
        plot.vb.setDefaultPadding(0)
        plot.layout.setContentsMargins(0, 0, 0, 0)
        return plot

    def _band(self, vb: pg.ViewBox) -> QGraphicsRectItem:
        band = QGraphicsRectItem()
        band.setPen(pg.mkPen(None))
        band.setBrush(pg.mkBrush(self.theme.hover))
        band.setZValue(-10)
        band.setVisible(False)
        vb.addItem(band, ignoreBounds=True)
        self._bands.append(band)
        return band

    def _value_text(self, value: float | int | None, kind: Kind) -> str:
        if value is None:
            return "—"
        if kind is Kind.MONEY:
            return money_text(int(value), self.data.unit, self.lang, with_unit=False)
        if kind is Kind.PCT:
            return pct_text(float(value))
        return count_text(int(value))

    def _coordinate(self, value: int | float | None, kind: Kind) -> float:
        if value is None:
            return math.nan
        return as_float(int(value), self.data.unit) if kind is Kind.MONEY else float(value)

    # -- months along the bottom -----------------------------------------------------------
    def _time_chart(self, data: TimeChart) -> None:
        t = self.theme
        bottom = pg.AxisItem("bottom")
        left = ValueAxis("left", data.left.kind)
        axes = {"bottom": bottom, "left": left}
        if data.right is not None:
            axes["right"] = ValueAxis("right", data.right.kind)
        plot = self._plot(axes)
        self.addItem(plot, row=2, col=0)
        self.plots = [plot]
        bottom.setTicks([[(i + 1, label) for i, label in enumerate(data.month_labels)], []])
        self._style_axis(bottom)
        self._style_axis(left, data.left.label)
        left.setGrid(40)
        views = {"left": plot.vb}
        if data.right is not None:
            right_vb = pg.ViewBox(enableMouse=False, enableMenu=False, defaultPadding=0)
            right_vb.setParentItem(plot)
            right_vb.setXLink(plot.vb)
            axes["right"].linkToView(right_vb)
            self._style_axis(axes["right"], data.right.label)
            plot.showAxis("right")

            def follow() -> None:
                right_vb.setGeometry(plot.vb.geometry())

            plot.vb.sigResized.connect(follow)
            views["right"] = right_vb
        else:
            plot.showAxis("right")
            plot.getAxis("right").setStyle(showValues=False, tickLength=0)
            plot.getAxis("right").setPen(self._pen(t.background))
        bars = [s for s in data.series if s.style == "bar"]
        width = 0.78 / max(1, len(bars))
        xs = list(range(1, 13))
        for n, s in enumerate(bars):
            offset = (n - (len(bars) - 1) / 2) * width
            kind = data.left.kind if s.axis == "left" else data.right.kind  # type: ignore[union-attr]
            heights = [self._coordinate(v, kind) for v in s.values]
            keep = [i for i, h in enumerate(heights) if not math.isnan(h)]
            if s.role == "updown":
                up, down = t.growth(self.lang)
                brushes = [pg.mkBrush(up if heights[i] >= 0 else down) for i in keep]
            else:
                brushes = [pg.mkBrush(t.colour(s.role, self.lang))] * len(keep)
            item = pg.BarGraphItem(x=[xs[i] + offset for i in keep], height=[heights[i] for i in keep],
                                   width=width * 0.92, brushes=brushes, pen=pg.mkPen(None))  # fmt: skip
            views[s.axis].addItem(item)
            self.items[s.key] = item
        for s in data.series:
            if s.style == "bar":
                continue
            kind = data.left.kind if s.axis == "left" else data.right.kind  # type: ignore[union-attr]
            ys = [self._coordinate(v, kind) for v in s.values]
            colour = t.colour(s.role, self.lang)
            finite = not all(math.isnan(y) for y in ys)  # an all-NaN series upsets the symbols' bounds
            item = pg.PlotDataItem(xs if finite else [], ys if finite else [], pen=self._pen(colour, 2.0, dashed=s.style == "dashed"), connect="finite",
                                   symbol="o", symbolSize=5 if s.style == "line" else 4, symbolBrush=colour,
                                   symbolPen=None, antialias=True)  # fmt: skip
            item.scatter.opts["useCache"] = False
            views[s.axis].addItem(item)
            self.items[s.key] = item
            last = max((i for i, v in enumerate(s.values) if v is not None), default=None)
            if s.annotate and last is not None:
                label = pg.TextItem(self._value_text(s.values[last], kind), color=colour, anchor=(-0.08, 0.5))
                label.setFont(chart_font(BASE_PT, bold=True))
                label.setPos(xs[last], ys[last])
                views[s.axis].addItem(label, ignoreBounds=True)
                self.labels[s.key] = [label]
        if data.left.kind is Kind.PCT:
            plot.vb.addItem(pg.InfiniteLine(pos=0, angle=0, pen=self._pen(t.axis)), ignoreBounds=True)
        plot.vb.setXRange(0.45, 12.55, padding=0)
        for side, vb in views.items():
            kind = data.left.kind if side == "left" else data.right.kind  # type: ignore[union-attr]
            values = [self._coordinate(v, kind) for s in data.series if s.axis == side for v in s.values]
            vb.setYRange(*_span([v for v in values if not math.isnan(v)]), padding=0)
        self._time_band = self._band(plot.vb)

    # -- two panels of horizontal bars ------------------------------------------------------
    def _bars_chart(self, data: BarsChart) -> None:
        t = self.theme
        n = len(data.rows)
        ys = [n - 1 - i for i in range(n)]
        category = pg.AxisItem("left")
        left = self._plot({"left": category, "bottom": ValueAxis("bottom", data.left.kind)})
        right = self._plot({"bottom": ValueAxis("bottom", data.right.kind)})
        right.hideAxis("left")
        right.vb.setYLink(left.vb)
        self.addItem(left, row=2, col=0)
        self.addItem(right, row=2, col=1)
        self.layout.setColumnStretchFactor(0, 3)
        self.layout.setColumnStretchFactor(1, 2)
        self.plots = [left, right]
        names = [_elide(r.label) for r in data.rows]
        category.setTicks([[(y, name) for y, name in zip(ys, names, strict=True)], []])
        self._style_axis(category)
        category.setStyle(tickFont=chart_font(BASE_PT), tickLength=0, tickTextOffset=4, autoExpandTextSpace=False)
        category.setWidth(
            max((QFontMetricsF(chart_font(BASE_PT)).horizontalAdvance(n) for n in names), default=20) + 10
        )
        for plot, axis in ((left, data.left), (right, data.right)):
            self._style_axis(plot.getAxis("bottom"), axis.label)
        fg = self.theme.foreground
        font = chart_font(BASE_PT - 0.5)
        metrics = QFontMetricsF(font)
        self._extents: list[tuple[pg.ViewBox, float, float, float, float]] = []
        for key, plot, axis, values in (
            ("left", left, data.left, [r.left for r in data.rows]),
            ("right", right, data.right, [r.right for r in data.rows]),
        ):
            coords = [self._coordinate(v, axis.kind) for v in values]
            brushes = []
            for r, c in zip(data.rows, coords, strict=True):
                if r.muted:
                    colour = t.muted
                elif key == "right" and data.right_role == "updown":
                    colour = t.growth(self.lang)[0 if (c if not math.isnan(c) else 0) >= 0 else 1]
                else:
                    colour = t.current
                brushes.append(pg.mkBrush(colour))
            keep = [i for i, c in enumerate(coords) if not math.isnan(c)]
            item = pg.BarGraphItem(x0=0, y=[ys[i] for i in keep], width=[coords[i] for i in keep],
                                   height=BAR_THICKNESS, brushes=[brushes[i] for i in keep],
                                   pen=pg.mkPen(None))  # fmt: skip
            plot.vb.addItem(item)
            self.items[key] = item
            texts = []
            neg_px = pos_px = 0.0
            for y, v, c in zip(ys, values, coords, strict=True):
                text = self._value_text(v, axis.kind)
                negative = not math.isnan(c) and c < 0
                label = pg.TextItem(text, color=fg, anchor=(1, 0.5) if negative else (0, 0.5))
                label.setFont(font)
                label.setPos(0 if math.isnan(c) else c, y)
                plot.vb.addItem(label, ignoreBounds=True)
                texts.append(label)
                w = metrics.horizontalAdvance(text) + 8
                if negative:
                    neg_px = max(neg_px, w)
                else:
                    pos_px = max(pos_px, w)
            neg_px = max(neg_px, 8.0)  # room for the axis's "0"
            self.labels[key] = texts
            if axis.kind is Kind.PCT:
                plot.vb.addItem(pg.InfiniteLine(pos=0, angle=90, pen=self._pen(t.axis)), ignoreBounds=True)
            finite = [c for c in coords if not math.isnan(c)]
            lo, hi = min([0.0, *finite]), max([0.0, *finite])
            self._extents.append((plot.vb, lo, hi, neg_px, pos_px))
            plot.vb.sigResized.connect(self._fit_value_ranges)
        left.vb.setYRange(-0.6, n - 0.4, padding=0)
        self._row_bands = [self._band(left.vb), self._band(right.vb)]
        self._fit_value_ranges()

    def _fit_value_ranges(self, *_: object) -> None:
        """Leave room beside the longest bar for its value label, whatever the chart's width."""
        for vb, lo, hi, neg_px, pos_px in self._extents:
            width = max(vb.width(), 60.0)
            room = max(width - neg_px - pos_px, width * 0.35)
            span = (hi - lo) or 1.0
            scale = room / span
            vb.setXRange(lo - neg_px / scale, hi + pos_px / scale, padding=0)

    # -- what is under the pointer ----------------------------------------------------------
    def hit(self, scene_pos: QPointF) -> Hit | None:
        if isinstance(self.data, TimeChart):
            vb = self.plots[0].vb
            if not vb.sceneBoundingRect().contains(scene_pos):
                return None
            month = round(vb.mapSceneToView(scene_pos).x())
            if not 1 <= month <= 12 or self.data.tooltips[month - 1] is None:
                return None
            return Hit(month - 1, self.data.tooltips[month - 1] or "", None)
        left, right = self.plots
        area = left.vb.sceneBoundingRect().united(right.vb.sceneBoundingRect())
        area = area.united(left.getAxis("left").sceneBoundingRect())
        if not area.contains(scene_pos):
            return None
        y = left.vb.mapSceneToView(scene_pos).y()
        index = len(self.data.rows) - 1 - round(y)
        if not 0 <= index < len(self.data.rows) or abs(y - round(y)) > 0.5:
            return None
        row = self.data.rows[index]
        return Hit(index, row.tooltip, row.filter)

    def highlight(self, index: int | None) -> None:
        """Shade the month or row under the pointer (None: none)."""
        if isinstance(self.data, TimeChart):
            band = self._time_band
            if index is None:
                band.setVisible(False)
                return
            (_, _), (y0, y1) = self.plots[0].vb.viewRange()
            band.setRect(QRectF(index + 0.5, y0, 1.0, y1 - y0))
            band.setVisible(True)
            return
        n = len(self.data.rows)
        for band, plot in zip(self._row_bands, self.plots, strict=True):
            if index is None:
                band.setVisible(False)
                continue
            (x0, x1), _ = plot.vb.viewRange()
            band.setRect(QRectF(x0, n - 1 - index - 0.5, x1 - x0, 1.0))
            band.setVisible(True)

    def background(self) -> QColor:
        return QColor(self.theme.background)


def _span(values: list[float]) -> tuple[float, float]:
    """A value range that includes zero, with a little air above the highest point."""
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if hi == lo:
        return (-0.02, 1.0)
    pad = (hi - lo) * 0.08
    # a sliver below zero, so that the axis can print its "0" (pyqtgraph drops a label at the edge)
    return (lo - pad if lo < 0 else lo - (hi - lo) * 0.02, hi + pad)


def _elide(text: str, limit: float = 9.5) -> str:
    """Category labels past ``limit`` CJK-width characters end in "…" (the tooltip has it all)."""
    width = 0.0
    for i, ch in enumerate(text):
        width += 1.0 if ord(ch) > 0x2E80 else 0.5
        if width > limit:
            return text[:i] + "…"
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["ChartItem", "Hit", "ValueAxis"]
