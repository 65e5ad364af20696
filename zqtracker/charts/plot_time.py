"""Charts with the twelve months along the bottom: monthly investment, growth, signings."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF

from zqtracker.charts.chart_model import Kind, Series, TimeChart
from zqtracker.charts.fonts import chart_font
from zqtracker.charts.plot import BASE_PT, ChartItem, Hit, ValueAxis, hatch_brush, span_with_zero
from zqtracker.charts.theme import Theme

MONTHS = list(range(1, 13))
BARS_WIDTH = 0.78  # of a month, shared by the bar series side by side


class MonthAxis(pg.AxisItem):
    """The months along the bottom: each labelled where the labels fit, else every second, third… month
    (at ~920 px a dashboard chart is 280 px wide: "JanFebMar…" ran together and "12月" was dropped)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.labels: tuple[str, ...] = tuple(str(m) for m in MONTHS)

    def set_labels(self, labels: tuple[str, ...]) -> None:
        if labels != self.labels:
            self.labels = labels
            self.picture = None
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        need = max(metrics.horizontalAdvance(label) for label in self.labels) + metrics.horizontalAdvance("  ")
        per_month = size / max(maxVal - minVal, 1.0)
        every = next((n for n in (1, 2, 3, 4, 6) if per_month * n >= need), 12)
        return [(float(every), [float(m) for m in MONTHS[::every]])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.labels[round(v) - 1] if 1 <= round(v) <= 12 else "" for v in values]


class TimeChartItem(ChartItem):
    def __init__(self, data: TimeChart, theme: Theme, lang: str, *, px: float, note: bool) -> None:
        super().__init__(data, theme, lang, px=px, note=note)
        bottom = MonthAxis()
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
        bars = [s for s in data.series if s.style == "bar" and s.base is None]
        self._width = BARS_WIDTH / max(1, len(bars))
        self._offsets = {s.key: (n - (len(bars) - 1) / 2) * self._width for n, s in enumerate(bars)}
        for s in data.series:
            if s.style == "bar" and s.base is not None:  # apart on top of its base: outlined, lighter
                self._offsets[s.key] = self._offsets[s.base]
                pen = self._pen(theme.colour(s.base_role(data), lang), 1.0, dashed=True)
                item = pg.BarGraphItem(x=[], height=[], width=self._width * 0.92, pen=pen)
                self.labels[s.key] = []
            elif s.style == "bar":
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
            if s.style != "bar":  # over the line's points: hollow where a point is partial
                colour = theme.colour(s.role, lang)
                hollow = pg.ScatterPlotItem(x=[], y=[], symbol="o", size=7, brush=pg.mkBrush(theme.background),
                                            pen=self._pen(colour, 1.5), antialias=True)  # fmt: skip
                self.views[s.axis].addItem(hollow)
                self.items[f"{s.key}.hollow"] = hollow
        if data.left.kind is Kind.PCT:
            plot.vb.addItem(pg.InfiniteLine(pos=0, angle=0, pen=self._pen(theme.axis)), ignoreBounds=True)
        plot.vb.setXRange(0.45, 12.55, padding=0)
        self._band_item = self._band(plot.vb)
        self._message = self._empty_message(plot.vb)
        self.set_data(data)

    def set_data(self, data: TimeChart) -> None:  # type: ignore[override]
        super().set_data(data)
        self.plots[0].getAxis("bottom").set_labels(data.month_labels)
        self._axis_label(self.left_axis, data.left.label)
        if data.right is not None:
            self._axis_label(self.right_axis, data.right.label)
        for s in data.series:
            kind = self._kind(s)
            ys = [self._coordinate(v, kind) for v in s.values]
            item = self.items[s.key]
            if s.style == "bar":
                keep = [i for i, y in enumerate(ys) if not math.isnan(y)]
                bottoms = self._bottoms(data, s)
                # hatched and outlined: a month some district did not report (charts/month_series.py)
                hatched = [i < len(s.hollow) and s.hollow[i] for i in keep]
                item.setOpts(
                    x=[MONTHS[i] + self._offsets[s.key] for i in keep],
                    height=[ys[i] for i in keep],
                    y0=[bottoms[i] for i in keep],
                    brushes=[hatch_brush(self._bar_colour(s, ys[i]), h) for i, h in zip(keep, hatched, strict=True)],
                    # (an empty list upsets pyqtgraph; None keeps the series' own pen)
                    pens=[self._pen(self._bar_colour(s, ys[i]), 1.2) if h else pg.mkPen(None)
                          for i, h in zip(keep, hatched, strict=True)] if any(hatched) else None,
                )  # fmt: skip
                if s.key in self.labels:
                    self._mark_bars(s, [(i, bottoms[i] + ys[i]) for i in keep])
                continue
            finite = any(not math.isnan(y) for y in ys)  # an all-NaN series upsets the symbols' bounds
            item.setData(MONTHS if finite else [], ys if finite else [])
            hollow = self.items.get(f"{s.key}.hollow")
            if hollow is not None:  # partial points: the background inside, the line's colour round it
                at = [i for i, h in enumerate(s.hollow) if h and not math.isnan(ys[i])]
                hollow.setData(x=[MONTHS[i] for i in at], y=[ys[i] for i in at])
            for label in self.labels.get(s.key, []):
                last = max((i for i, v in enumerate(s.values) if v is not None), default=None)
                label.setVisible(last is not None)
                if last is not None:
                    label.setText(self._value_text(s.values[last], kind))
                    label.setPos(MONTHS[last], ys[last])
        for side, vb in self.views.items():
            values = [self._coordinate(v, self._kind(s)) for s in data.series if s.axis == side for v in s.values]
            values += [b + self._coordinate(v, self._kind(s)) for s in data.series if s.axis == side and s.base
                       for b, v in zip(self._bottoms(data, s), s.values, strict=True)]  # fmt: skip
            lo, hi = span_with_zero([v for v in values if not math.isnan(v)])
            if any(s.marks for s in data.series if s.axis == side):  # room for the words over the bars
                hi += (hi - lo) * 0.1
            vb.setYRange(lo, hi, padding=0)
        self._show_empty(self._message, self.plots[0].vb, data.empty)

    def _bottoms(self, data: TimeChart, s: Series) -> list[float]:
        """Where each bar of ``s`` starts: 0, or the top of the bar it stands on."""
        base = next((b for b in data.series if b.key == s.base), None)
        if base is None:
            return [0.0] * len(s.values)
        return [0.0 if math.isnan(y) else y for y in (self._coordinate(v, self._kind(base)) for v in base.values)]

    def _mark_bars(self, s: Series, tops: list[tuple[int, float]]) -> None:
        """The words of ``s.marks`` over its bars (reusing the text items)."""
        labels = self.labels[s.key]
        shown = [(i, top) for i, top in tops if i < len(s.marks) and s.marks[i]]
        while len(labels) < len(shown):
            label = pg.TextItem("", color=self.theme.muted_text, anchor=(0.5, 1.0))
            label.setFont(chart_font(BASE_PT - 1))
            self.views[s.axis].addItem(label, ignoreBounds=True)
            labels.append(label)
        for n, label in enumerate(labels):
            label.setVisible(n < len(shown))
            if n < len(shown):
                i, top = shown[n]
                label.setText(s.marks[i] or "")
                label.setPos(MONTHS[i] + self._offsets[s.key], top)

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
