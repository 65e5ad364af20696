"""Charts with the twelve months along the bottom: monthly investment, growth, signings."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from zqtracker.charts.chart_model import Kind, Series, TimeChart
from zqtracker.charts.fonts import chart_font
from zqtracker.charts.plot import BASE_PT, ChartItem, Hit, ValueAxis, span_with_zero
from zqtracker.charts.theme import Theme

MONTHS = list(range(1, 13))
BARS_WIDTH = 0.78  # of a month, shared by the bar series side by side


class TimeChartItem(ChartItem):
    def __init__(self, data: TimeChart, theme: Theme, lang: str, *, px: float, note: bool) -> None:
        super().__init__(data, theme, lang, px=px, note=note)
        bottom = pg.AxisItem("bottom")
        self.left_axis = ValueAxis("left", data.left.kind)
        axes = {"bottom": bottom, "left": self.left_axis}
        self.right_axis = ValueAxis("right", data.right.kind) if data.right is not None else pg.AxisItem("right")
        axes["right"] = self.right_axis
        plot = self._plot(axes)
        self.addItem(plot, row=2, col=0)
        self.plots = [plot]
        for axis in axes.values():
            self._style_axis(axis)
        self.left_axis.setGrid(40)
        plot.showAxis("right")
        self.views = {"left": plot.vb}
        if data.right is not None:
            right_vb = pg.ViewBox(enableMouse=False, enableMenu=False, defaultPadding=0)
            right_vb.setParentItem(plot)
            right_vb.setXLink(plot.vb)
            right_vb.disableAutoRange()
            self.right_axis.linkToView(right_vb)

            def follow() -> None:
                right_vb.setGeometry(plot.vb.geometry())

            plot.vb.sigResized.connect(follow)
            self.views["right"] = right_vb
        else:  # an empty right margin, so that the plots of the row line up
            self.right_axis.setStyle(showValues=False, tickLength=0)
            self.right_axis.setPen(self._pen(theme.background))
        bars = [s for s in data.series if s.style == "bar"]
        self._width = BARS_WIDTH / max(1, len(bars))
        self._offsets = {s.key: (n - (len(bars) - 1) / 2) * self._width for n, s in enumerate(bars)}
        for s in data.series:
            if s.style == "bar":
                item = pg.BarGraphItem(x=[], height=[], width=self._width * 0.92, pen=pg.mkPen(None))
            else:
                colour = theme.colour(s.role, lang)
                item = pg.PlotDataItem([], [], pen=self._pen(colour, 2.0, dashed=s.style == "dashed"),
                                       connect="finite", symbol="o", symbolSize=5 if s.style == "line" else 4,
                                       symbolBrush=colour, symbolPen=None, antialias=True)  # fmt: skip
                item.scatter.opts["useCache"] = False
                if s.annotate:
                    label = pg.TextItem("", color=colour, anchor=(-0.08, 0.5))
                    label.setFont(chart_font(BASE_PT, bold=True))
                    self.views[s.axis].addItem(label, ignoreBounds=True)
                    self.labels[s.key] = [label]
            self.views[s.axis].addItem(item)
            self.items[s.key] = item
        if data.left.kind is Kind.PCT:
            plot.vb.addItem(pg.InfiniteLine(pos=0, angle=0, pen=self._pen(theme.axis)), ignoreBounds=True)
        plot.vb.setXRange(0.45, 12.55, padding=0)
        self._band_item = self._band(plot.vb)
        self._message = self._empty_message(plot.vb)
        self.set_data(data)

    def set_data(self, data: TimeChart) -> None:  # type: ignore[override]
        super().set_data(data)
        self.plots[0].getAxis("bottom").setTicks([[(i + 1, label) for i, label in enumerate(data.month_labels)], []])
        self._axis_label(self.left_axis, data.left.label)
        if data.right is not None:
            self._axis_label(self.right_axis, data.right.label)
        for s in data.series:
            kind = self._kind(s)
            ys = [self._coordinate(v, kind) for v in s.values]
            item = self.items[s.key]
            if s.style == "bar":
                keep = [i for i, y in enumerate(ys) if not math.isnan(y)]
                item.setOpts(
                    x=[MONTHS[i] + self._offsets[s.key] for i in keep],
                    height=[ys[i] for i in keep],
                    brushes=[pg.mkBrush(self._bar_colour(s, ys[i])) for i in keep],
                )
                continue
            finite = any(not math.isnan(y) for y in ys)  # an all-NaN series upsets the symbols' bounds
            item.setData(MONTHS if finite else [], ys if finite else [])
            for label in self.labels.get(s.key, []):
                last = max((i for i, v in enumerate(s.values) if v is not None), default=None)
                label.setVisible(last is not None)
                if last is not None:
                    label.setText(self._value_text(s.values[last], kind))
                    label.setPos(MONTHS[last], ys[last])
        for side, vb in self.views.items():
            values = [self._coordinate(v, self._kind(s)) for s in data.series if s.axis == side for v in s.values]
            vb.setYRange(*span_with_zero([v for v in values if not math.isnan(v)]), padding=0)
        self._show_empty(self._message, self.plots[0].vb, data.empty)

    def _kind(self, s: Series) -> Kind:
        data: TimeChart = self.data  # type: ignore[assignment]
        return data.left.kind if s.axis == "left" or data.right is None else data.right.kind

    def _bar_colour(self, s: Series, value: float) -> str:
        if s.role == "updown":
            up, down = self.theme.growth(self.lang)
            return up if value >= 0 else down
        return self.theme.colour(s.role, self.lang)

    def hit(self, scene_pos: QPointF) -> Hit | None:
        vb = self.plots[0].vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        month = round(vb.mapSceneToView(scene_pos).x())
        tips = self.data.tooltips  # type: ignore[union-attr]
        if not 1 <= month <= 12 or tips[month - 1] is None:
            return None
        return Hit(month - 1, tips[month - 1] or "", None)

    def highlight(self, index: int | None) -> None:
        if index is None:
            self._band_item.setVisible(False)
            return
        (_, _), (y0, y1) = self.plots[0].vb.viewRange()
        self._band_item.setRect(QRectF(index + 0.5, y0, 1.0, y1 - y0))
        self._band_item.setVisible(True)
