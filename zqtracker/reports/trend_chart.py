"""The monthly trend chart of the overview — the one seam through which a report gets a chart.

``monthly_trend_svg`` returns SVG bytes; the layout scales them onto the page and the PDF keeps
them as vectors. It draws the chart itself with QPainter (this year's and last year's monthly
completed investment as bars, this year's year-to-date as a line on the right axis), with type
sized in millimetres for paper. The dashboard's renderer (charts.render.render_chart) was tried
here: its SVG, made from pyqtgraph's scene, loses its line markers and hairlines in Qt's SVG
Tiny renderer and its type is sized for screens, so printed pages keep this drawing. Both take
their figures from the same investment cube.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import calendar_text
from zqtracker.reports.fonts import report_family, report_font
from zqtracker.reports.page import PT, mm
from zqtracker.reports.text import t
from zqtracker.services.statistics import StatisticsService

WIDTH_MM = 180.0
HEIGHT_MM = 74.0
THIS_YEAR = "#2b6cb0"
LAST_YEAR = "#a3bfdc"
YTD_LINE = "#dd6b20"
AXIS = "#4a5568"
GRIDLINE = "#e2e8f0"


@dataclass(frozen=True, slots=True)
class TrendData:
    """Figures of the chart, all from the statistics service (integer yuan)."""

    year: int
    through: int
    this_year: tuple[int, ...]  # months 1..through
    last_year: tuple[int, ...]  # months 1..12
    ytd: tuple[int, ...]  # year to date after each month 1..through
    # last month → first month of a figure of this year covering several months (1–X月): the
    # month is labelled so, and the year-to-date line has no point inside it
    spans: dict[int, int] = field(default_factory=dict)

    def label(self, month: int, lang: str) -> str:
        if month in self.spans:
            return MonthSpan(self.year, self.spans[month], month).label(lang)
        return calendar_text("month", lang, month=month)

    def inside(self, month: int) -> bool:
        return any(first <= month < last for last, first in self.spans.items())


def trend_data(stats: StatisticsService, year: int, through: int, f: ProjectFilter | None = None) -> TrendData:
    cube = stats.investment_cube((year - 1, year), f)
    this, last = cube.monthly(year), cube.monthly(year - 1)
    return TrendData(
        year=year,
        through=through,
        this_year=tuple(this.get((None, m), 0) for m in range(1, through + 1)),
        last_year=tuple(last.get((None, m), 0) for m in range(1, 13)),
        ytd=tuple(cube.ytd(year, m)[None][0] for m in range(1, through + 1)),
        spans=cube.spans(year),
    )


def monthly_trend_svg(
    stats: StatisticsService,
    *,
    year: int,
    through: int,
    lang: str,
    unit: Unit,
    f: ProjectFilter | None = None,
    width_mm: float = WIDTH_MM,
    height_mm: float = HEIGHT_MM,
) -> bytes:
    """The seam: SVG of the monthly trend for ``year`` January–``through``."""
    return draw_trend_svg(
        trend_data(stats, year, through, f), lang=lang, unit=unit, width_mm=width_mm, height_mm=height_mm
    )


def nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^n) so that ``ticks`` steps cover ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    base = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * base >= raw:
            return m * base
    return 10 * base


def _tick_text(value: float, step: float) -> str:
    decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
    return f"{value:,.{decimals}f}"


def draw_trend_svg(data: TrendData, *, lang: str, unit: Unit, width_mm: float, height_mm: float) -> bytes:
    w, h = mm(width_mm), mm(height_mm)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    svg.setSize(QSize(round(w), round(h)))
    svg.setViewBox(QRectF(0, 0, w, h))
    svg.setTitle("monthly trend")
    painter = QPainter(svg)
    try:
        _draw(painter, data, lang, unit, w, h)
    finally:
        painter.end()
    return bytes(buffer.data().data())


def _draw(p: QPainter, d: TrendData, lang: str, unit: Unit, w: float, h: float) -> None:
    family = report_family()
    small = report_font(family, round(7 * PT))
    fm = QFontMetricsF(small)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(small)

    money = MoneyFormat(unit, lang)

    def amount(v: int) -> float:
        return float(money.value(v))

    bars_max = max((amount(v) for v in (*d.this_year, *d.last_year)), default=0.0)
    ytd_max = max((amount(v) for v in d.ytd), default=0.0)
    ticks = 5
    step_l = nice_step(bars_max, ticks)
    step_r = nice_step(ytd_max, ticks)
    top_l, top_r = step_l * ticks, step_r * ticks

    unit_text = money.label
    left_labels = [_tick_text(i * step_l, step_l) for i in range(ticks + 1)]
    right_labels = [_tick_text(i * step_r, step_r) for i in range(ticks + 1)]
    left_w = max(fm.horizontalAdvance(s) for s in left_labels) + mm(2)
    right_w = max(fm.horizontalAdvance(s) for s in right_labels) + mm(2)
    legend_h = fm.height() * 1.6
    axis_title_h = fm.height() * 1.3
    x0, x1 = left_w, w - right_w
    y0, y1 = legend_h + axis_title_h + fm.height() * 0.7, h - fm.height() * 1.6  # plot top and bottom

    # axis titles
    p.setPen(QColor(AXIS))
    left_title = t("trend.monthly_axis", lang, unit=unit_text)
    right_title = t("trend.ytd_axis", lang, unit=unit_text)
    p.drawText(
        QRectF(0, legend_h, w / 2, axis_title_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        left_title,
    )
    p.drawText(
        QRectF(w / 2, legend_h, w / 2, axis_title_h),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        right_title,
    )

    # grid and tick labels
    for i in range(ticks + 1):
        y = y1 - (y1 - y0) * i / ticks
        p.setPen(QPen(QColor(GRIDLINE if i else AXIS), 0.4 * PT if i else 0.7 * PT))
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        p.setPen(QColor(AXIS))
        p.drawText(
            QRectF(0, y - fm.height() / 2, left_w - mm(1.5), fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            left_labels[i],
        )
        p.drawText(
            QRectF(x1 + mm(1.5), y - fm.height() / 2, right_w, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            right_labels[i],
        )

    # bars: last year lighter on the left, this year darker on the right of each month
    slot = (x1 - x0) / 12
    bar = slot * 0.34
    for m in range(1, 13):
        cx = x0 + slot * (m - 0.5)
        for value, color, dx in (
            (d.last_year[m - 1], LAST_YEAR, -bar),
            (d.this_year[m - 1] if m <= d.through else None, THIS_YEAR, 0.0),
        ):
            if value is None:
                continue
            bh = (y1 - y0) * amount(value) / top_l
            p.fillRect(QRectF(cx + dx, y1 - bh, bar, bh), QColor(color))
        p.setPen(QColor(AXIS))
        label = d.label(m, lang)
        p.drawText(QRectF(cx - slot / 2, y1 + mm(0.8), slot, fm.height()), int(Qt.AlignmentFlag.AlignCenter), label)

    # year-to-date line on the right axis
    drawn = [(m, v) for m, v in enumerate(d.ytd, start=1) if not d.inside(m)]
    points = [QPointF(x0 + slot * (m - 0.5), y1 - (y1 - y0) * amount(v) / top_r) for m, v in drawn]
    if points and any(d.ytd):
        p.setPen(QPen(QColor(YTD_LINE), 1.4 * PT))
        p.drawPolyline(points)
        p.setBrush(QColor(YTD_LINE))
        p.setPen(Qt.PenStyle.NoPen)
        for pt in points:
            p.drawEllipse(pt, mm(0.8), mm(0.8))
        p.setBrush(Qt.BrushStyle.NoBrush)
        last = points[-1]
        # the year to date of the last point drawn, in the unit's usual decimals (万元 whole): through
        # a month inside a 1–X月 figure the line stops before it, and so does its figure
        text = money.number(drawn[-1][1])
        tw = fm.horizontalAdvance(text) + mm(1.6)
        box = QRectF(last.x() - tw - mm(1.6), last.y() - fm.height() / 2, tw, fm.height())
        p.fillRect(box, QColor(255, 255, 255, 225))  # readable over a bar
        p.setPen(QColor(YTD_LINE))
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    if not any(d.ytd) and not any(d.last_year):
        p.setPen(QColor(AXIS))
        p.drawText(
            QRectF(x0, y0, x1 - x0, y1 - y0),
            int(Qt.AlignmentFlag.AlignCenter),
            t("trend.empty", lang),
        )

    # legend
    items = [
        (t("trend.year", lang, year=d.year), THIS_YEAR, False),
        (t("trend.year", lang, year=d.year - 1), LAST_YEAR, False),
        (t("trend.ytd", lang, year=d.year), YTD_LINE, True),
    ]
    swatch = mm(3.2)
    widths = [swatch + mm(1.5) + fm.horizontalAdvance(text) for text, _, _ in items]
    x = (w - sum(widths) - mm(6) * (len(items) - 1)) / 2
    cy = legend_h / 2
    for (text, color, is_line), iw in zip(items, widths, strict=True):
        if is_line:
            p.setPen(QPen(QColor(color), 1.4 * PT))
            p.drawLine(QPointF(x, cy), QPointF(x + swatch, cy))
        else:
            p.fillRect(QRectF(x, cy - swatch / 2.6, swatch, swatch / 1.3), QColor(color))
        p.setPen(QColor(AXIS))
        p.drawText(
            QRectF(x + swatch + mm(1.5), 0, iw, legend_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        x += iw + mm(6)
