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
from zqtracker.domain.gap_messages import GAP_MESSAGES
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import calendar_text
from zqtracker.reports.fonts import report_family, report_font
from zqtracker.reports.page import PT, mm
from zqtracker.reports.text import t
from zqtracker.reports.trend_gaps import Lacking, hatch, lacking
from zqtracker.services.statistics import StatisticsService
from zqtracker.stats.month_figures import Point

WIDTH_MM = 180.0
HEIGHT_MM = 74.0
THIS_YEAR = "#2b6cb0"
LAST_YEAR = "#a3bfdc"
YTD_LINE = "#dd6b20"
AXIS = "#4a5568"
GRIDLINE = "#e2e8f0"
SPAN_FILL = {THIS_YEAR: "#bcd3ee", LAST_YEAR: "#e3ecf6"}  # a span's figure, apart on its bar
LAST_YEAR_LINE = "#7f9fc4"  # last year's hatching: its light blue is too faint as lines on white
HATCHED = "hatched"  # the legend's swatch of a month a district did not report


def _at(values: tuple[int | None, ...], month: int) -> int | None:
    return values[month - 1] if month <= len(values) else None


@dataclass(frozen=True, slots=True)
class TrendData:
    """Figures of the chart, all from the statistics' month-by-month reckoning (integer yuan).

    Bars are the projects' amounts of each month alone; a figure reported for several months
    (1–X月) stands apart, lighter, on its last month's bar. The line is this year's year to date
    as the key figures give it; a point through a month inside some project's span is hollow (it
    cannot hold that span yet: see the note under the chart)."""

    year: int
    through: int
    this_year: tuple[int | None, ...]  # months 1..through; None: no project has the month alone
    last_year: tuple[int | None, ...]  # months 1..12
    ytd: tuple[int, ...]  # year to date after each month 1..through
    this_spans: tuple[int | None, ...] = ()  # months 1..through: spans ending there, apart
    last_spans: tuple[int | None, ...] = ()  # months 1..12
    partial: tuple[bool, ...] = ()  # months 1..through: a span runs past the month
    point: Point | None = None  # the period's year to date against last year's, like with like
    # month → first months of this year's spans ending there: "1–6月" over the part apart
    span_firsts: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # months a district did not report (stats/gaps.py), this year's through the period and last
    # year's: a bar of what others reported, hatched; this year's year to date hollow from then on
    this_lacking: Lacking = ()
    last_lacking: Lacking = ()

    def hatched(self, month: int, this: bool) -> bool:
        """Some district did not report ``month`` of the year and the bar is what others reported."""
        return any(m == month for m, _ in (self.this_lacking if this else self.last_lacking)) and bool(
            (self.this_year if this else self.last_year)[month - 1]
        )

    def label(self, month: int, lang: str) -> str:
        return calendar_text("month", lang, month=month)


def trend_data(stats: StatisticsService, year: int, through: int, f: ProjectFilter | None = None) -> TrendData:
    months = stats.months(year, through, f)  # as the key figures: of a closed month, as frozen
    this, last = months.this, months.prior
    firsts = {m: tuple(p.first for p in this.ending(m)) for m in range(1, through + 1) if this.ending(m)}
    return TrendData(
        year=year,
        through=through,
        this_year=tuple(this.bar(m) for m in range(1, through + 1)),
        last_year=tuple(last.bar(m) for m in range(1, 13)),
        ytd=tuple(p.key[0] for p in months.ytd[:through]),
        this_spans=tuple(this.ended(m) for m in range(1, through + 1)),
        last_spans=tuple(last.ended(m) for m in range(1, 13)),
        partial=tuple(bool(months.straddling(m)) for m in range(1, through + 1)),
        span_firsts=firsts,
        point=months.ytd[through - 1],
        this_lacking=lacking(this, through),
        last_lacking=lacking(last, 12),
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

    def stacked(own: tuple[int | None, ...], apart: tuple[int | None, ...]) -> list[float]:
        return [amount(o or 0) + amount(a or 0) for o, a in zip(own, apart or (None,) * len(own), strict=True)]

    bars_max = max((*stacked(d.this_year, d.this_spans), *stacked(d.last_year, d.last_spans)), default=0.0)
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

    # bars: last year lighter on the left, this year darker on the right of each month; a span's
    # figure apart on top of its last month's bar, lighter still and outlined
    slot = (x1 - x0) / 12
    bar = slot * 0.34
    for m in range(1, 13):
        cx = x0 + slot * (m - 0.5)
        this = m <= d.through
        for own, apart, color, dx in (
            (d.last_year[m - 1], _at(d.last_spans, m), LAST_YEAR, -bar),
            (d.this_year[m - 1] if this else None, _at(d.this_spans, m) if this else None, THIS_YEAR, 0.0),
        ):
            bh = (y1 - y0) * amount(own or 0) / top_l
            if own and d.hatched(m, dx == 0.0):  # a district did not report the month: what others did
                hatch(p, QRectF(cx + dx, y1 - bh, bar, bh), color if dx == 0.0 else LAST_YEAR_LINE)
            elif own:
                p.fillRect(QRectF(cx + dx, y1 - bh, bar, bh), QColor(color))
            if apart:
                sh = (y1 - y0) * amount(apart) / top_l
                box = QRectF(cx + dx, y1 - bh - sh, bar, sh)
                p.fillRect(box, QColor(SPAN_FILL[color]))
                p.setPen(QPen(QColor(color), 0.5 * PT, Qt.PenStyle.DashLine))
                p.drawRect(box)
                if dx == 0.0 and m in d.span_firsts:
                    p.setPen(QColor(AXIS))
                    mark = ", ".join(MonthSpan(d.year, first, m).label(lang) for first in d.span_firsts[m])
                    p.drawText(QRectF(cx - slot / 2, box.top() - fm.height(), slot * 1.2, fm.height()),
                               int(Qt.AlignmentFlag.AlignCenter), mark)  # fmt: skip
        p.setPen(QColor(AXIS))
        label = d.label(m, lang)
        p.drawText(QRectF(cx - slot / 2, y1 + mm(0.8), slot, fm.height()), int(Qt.AlignmentFlag.AlignCenter), label)

    # year-to-date line on the right axis: hollow where a span runs past the month, or from a month
    # some district did not report on (that year to date lacks it)
    first_gap = min((m for m, _ in d.this_lacking), default=13)
    drawn = list(enumerate(d.ytd, start=1))
    points = [QPointF(x0 + slot * (m - 0.5), y1 - (y1 - y0) * amount(v) / top_r) for m, v in drawn]
    if points and any(d.ytd):
        p.setPen(QPen(QColor(YTD_LINE), 1.4 * PT))
        p.drawPolyline(points)
        for (m, _v), pt in zip(drawn, points, strict=True):
            hollow = (m <= len(d.partial) and d.partial[m - 1]) or m >= first_gap
            p.setBrush(QColor("#ffffff") if hollow else QColor(YTD_LINE))
            p.setPen(QPen(QColor(YTD_LINE), 0.6 * PT) if hollow else Qt.PenStyle.NoPen)
            p.drawEllipse(pt, mm(0.8), mm(0.8))
        p.setBrush(Qt.BrushStyle.NoBrush)
        last = points[-1]
        # the year to date through the period, as the key figures give it, in the unit's usual
        # decimals (万元 whole); a span running past the period is not in it (the note says so)
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
    if any(d.this_spans) or any(d.last_spans):
        items.append((t("trend.together", lang), SPAN_FILL[THIS_YEAR], False))
    if any(d.hatched(m, True) for m in range(1, d.through + 1)) or any(d.hatched(m, False) for m in range(1, 13)):
        items.append((GAP_MESSAGES.say("trend_gap_legend", lang), HATCHED, False))
    swatch = mm(3.2)
    widths = [swatch + mm(1.5) + fm.horizontalAdvance(text) for text, _, _ in items]
    x = (w - sum(widths) - mm(6) * (len(items) - 1)) / 2
    cy = legend_h / 2
    for (text, color, is_line), iw in zip(items, widths, strict=True):
        if is_line:
            p.setPen(QPen(QColor(color), 1.4 * PT))
            p.drawLine(QPointF(x, cy), QPointF(x + swatch, cy))
        elif color == HATCHED:
            hatch(p, QRectF(x, cy - swatch / 2.6, swatch, swatch / 1.3), THIS_YEAR)
        else:
            p.fillRect(QRectF(x, cy - swatch / 2.6, swatch, swatch / 1.3), QColor(color))
        p.setPen(QColor(AXIS))
        p.drawText(
            QRectF(x + swatch + mm(1.5), 0, iw, legend_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        x += iw + mm(6)
