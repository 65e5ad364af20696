"""Two panels of horizontal bars sharing their rows: by sector, by district, by status."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from zqtracker.charts.chart_model import Axis, BarsChart, Kind
from zqtracker.charts.fonts import chart_font
from zqtracker.charts.plot import BASE_PT, ChartItem, Hit, ValueAxis, elide, hatch_brush
from zqtracker.charts.theme import Theme

BAR_THICKNESS = 0.66  # of a row
ZERO_ROOM_PX = 8.0  # left of zero, so that the value axis can print its "0"


class BarsChartItem(ChartItem):
    columns = 2

    def __init__(self, data: BarsChart, theme: Theme, lang: str, *, px: float, note: bool) -> None:
        super().__init__(data, theme, lang, px=px, note=note)
        self.category = pg.AxisItem("left")
        self.left_value = ValueAxis("bottom", data.left.kind)
        self.right_value = ValueAxis("bottom", data.right.kind)
        left = self._plot({"left": self.category, "bottom": self.left_value})
        right = self._plot({"bottom": self.right_value})
        right.hideAxis("left")
        right.vb.setYLink(left.vb)
        self.addItem(left, row=2, col=0)
        self.addItem(right, row=2, col=1)
        self.layout.setColumnStretchFactor(0, 3)
        self.layout.setColumnStretchFactor(1, 2)
        self.plots = [left, right]
        for axis in (self.category, self.left_value, self.right_value):
            self._style_axis(axis)
        self.category.setStyle(tickLength=0, tickTextOffset=4, autoExpandTextSpace=False)
        self._font = chart_font(BASE_PT - 0.5)
        self._metrics = QFontMetricsF(self._font)
        self._tick_metrics = QFontMetricsF(chart_font(BASE_PT))
        for key, plot in (("left", left), ("right", right)):
            item = pg.BarGraphItem(x0=0, y=[], width=[], height=BAR_THICKNESS, pen=pg.mkPen(None))
            plot.vb.addItem(item)
            self.items[key] = item
            self.labels[key] = []
        if data.right.kind is Kind.PCT:
            right.vb.addItem(pg.InfiniteLine(pos=0, angle=90, pen=self._pen(theme.axis)), ignoreBounds=True)
        self._extents: list[tuple[pg.ViewBox, float, float, float, float]] = []
        self._bands = [self._band(left.vb), self._band(right.vb)]
        self._message = self._empty_message(left.vb)
        for plot in self.plots:
            plot.vb.sigResized.connect(self._fit_value_ranges)
        self.set_data(data)

    def set_data(self, data: BarsChart) -> None:  # type: ignore[override]
        super().set_data(data)
        n = len(data.rows)
        ys = [n - 1 - i for i in range(n)]  # the first (largest) row on top
        names = [elide(r.label) for r in data.rows]
        self.category.setTicks([[(y, name) for y, name in zip(ys, names, strict=True)], []])
        self.category.setWidth(max((self._tick_metrics.horizontalAdvance(s) for s in names), default=20) + 10)
        self._axis_label(self.left_value, data.left.label)
        self._axis_label(self.right_value, data.right.label)
        self._extents = []
        for key, plot, axis, values in (
            ("left", self.plots[0], data.left, [r.left for r in data.rows]),
            ("right", self.plots[1], data.right, [r.right for r in data.rows]),
        ):
            coords = [self._coordinate(v, axis.kind) for v in values]
            cap = growth_cap(coords) if axis.kind is Kind.PCT else math.inf
            coords = [min(c, cap) for c in coords]  # (NaN stays NaN)
            keep = [i for i, c in enumerate(coords) if not math.isnan(c)]
            # hatched, "*": growth like with like, a month not reported left out of both years
            like = [key == "right" and r.like for r in data.rows]
            colours = {i: self._colour(key, data, i, coords[i]) for i in keep}
            self.items[key].setOpts(
                y=[ys[i] for i in keep],
                width=[coords[i] for i in keep],
                brushes=[hatch_brush(colours[i], like[i]) for i in keep],
                # (an empty list upsets pyqtgraph; None: the one pen, none)
                pens=[self._pen(colours[i], 1.2) if like[i] else pg.mkPen(None) for i in keep]
                if any(like[i] for i in keep)
                else None,
            )
            neg_px, pos_px = self._place_labels(key, plot.vb, axis, values, coords, ys, cap, like)
            finite = [c for c in coords if not math.isnan(c)]
            self._extents.append((plot.vb, min([0.0, *finite]), max([0.0, *finite]), neg_px, pos_px))
        self.plots[0].vb.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
        self._fit_value_ranges()

    def _colour(self, key: str, data: BarsChart, i: int, value: float) -> str:
        t = self.theme
        if data.rows[i].muted:
            return t.muted
        if key == "right" and data.right_role == "updown":
            return t.growth(self.lang)[0 if value >= 0 else 1]
        return t.current

    def _place_labels(
        self,
        key: str,
        vb: pg.ViewBox,
        axis: Axis,
        values: list,
        coords: list[float],
        ys: list[int],
        cap: float,
        like: list[bool],
    ) -> tuple[float, float]:
        """The value beside each bar (reusing the text items); returns the room they need."""
        pool = self.labels[key]
        while len(pool) < len(values):
            label = pg.TextItem("", color=self.theme.foreground)
            label.setFont(self._font)
            vb.addItem(label, ignoreBounds=True)
            pool.append(label)
        neg_px, pos_px = ZERO_ROOM_PX, 0.0
        for label, v, c, y, mark in zip(pool, values, coords, ys, like, strict=False):
            text = self._value_text(v, axis.kind) + ("*" if mark else "") + (" »" if c == cap else "")
            negative = not math.isnan(c) and c < 0
            label.setText(text)
            label.setAnchor((1, 0.5) if negative else (0, 0.5))
            label.setPos(0 if math.isnan(c) else c, y)
            label.setVisible(True)
            width = self._metrics.horizontalAdvance(text) + 8
            if negative:
                neg_px = max(neg_px, width)
            else:
                pos_px = max(pos_px, width)
        for label in pool[len(values) :]:
            label.setVisible(False)
        return neg_px, pos_px

    def _fit_value_ranges(self, *_: object) -> None:
        """Leave room beside the longest bar for its value label, whatever the chart's width."""
        for vb, lo, hi, neg_px, pos_px in self._extents:
            width = max(vb.width(), 60.0)
            room = max(width - neg_px - pos_px, width * 0.35)
            if hi == lo:  # nothing but zeros: an axis from 0 to 1, not a sliver around 0
                hi = lo + 1.0
            scale = room / (hi - lo)
            vb.setXRange(lo - neg_px / scale, hi + pos_px / scale, padding=0)
        if self._extents:
            self._show_empty(self._message, self.plots[0].vb, self.data.empty)

    def hit(self, scene_pos: QPointF) -> Hit | None:
        left, right = self.plots
        area = left.vb.sceneBoundingRect().united(right.vb.sceneBoundingRect())
        area = area.united(self.category.sceneBoundingRect())
        if not area.contains(scene_pos):
            return None
        rows = self.data.rows  # type: ignore[union-attr]
        y = left.vb.mapSceneToView(scene_pos).y()
        index = len(rows) - 1 - round(y)
        if not 0 <= index < len(rows):
            return None
        return Hit(index, rows[index].tooltip, rows[index].filter)

    def highlight(self, index: int | None) -> None:
        n = len(self.data.rows)  # type: ignore[union-attr]
        for band, plot in zip(self._bands, self.plots, strict=True):
            if index is None:
                band.setVisible(False)
                continue
            (x0, x1), _ = plot.vb.viewRange()
            band.setRect(QRectF(x0, n - 1 - index - 0.5, x1 - x0, 1.0))
            band.setVisible(True)


def growth_cap(values: list[float]) -> float:
    """Where growth bars stop, so that one +2,800% sector (a tiny base last year) does not flatten
    every other bar: 2.5 times the median size of growth, at least 100%, and no cap at all when
    the largest bar is within 15% of it. Capped bars end in "»" and keep their true label."""
    sizes = sorted(abs(v) for v in values if not math.isnan(v))
    if not sizes:
        return math.inf
    cap = max(100.0, 2.5 * sizes[len(sizes) // 2])
    return math.inf if sizes[-1] <= cap * 1.15 else cap
