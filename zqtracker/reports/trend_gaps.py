"""The overview's trend chart with months a district did not report (stats/gaps.py: a March never
imported, or a district that stopped after August): their bars, what was reported, are hatched and
outlined as the dashboard's are, and a note under the chart names the months and the districts."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from zqtracker.domain.gap_messages import GAP_MESSAGES
from zqtracker.reports.page import PT, mm
from zqtracker.stats import gap_words
from zqtracker.stats.month_figures import YearMonths

Lacking = tuple[tuple[int, tuple[str, ...]], ...]  # (month, the districts named) not reported


def lacking(months: YearMonths, last: int) -> Lacking:
    """The months 1..``last`` some district did not report, each with the districts lacking it, named
    where others reported the month (its bar, hatched, is what was reported; else it has no bar)."""
    return tuple((m, months.named(m)) for m in range(1, last + 1) if months.lacks(m))


def hatch(p: QPainter, box: QRectF, color: str) -> None:
    """Diagonal lines across a bar and its outline — each line cut to the bar by hand: the PDF's SVG
    keeps neither a pattern fill nor a clip."""
    p.fillRect(box, QColor("#ffffff"))
    p.setPen(QPen(QColor(color), 0.6 * PT))
    h, step = box.height(), mm(1.1)
    x0 = box.left() - h
    while x0 < box.right():  # the line from (x0, bottom) up to (x0 + h, top), inside the bar
        lo, hi = max(0.0, box.left() - x0), min(h, box.right() - x0)
        if lo < hi:
            p.drawLine(QPointF(x0 + lo, box.bottom() - lo), QPointF(x0 + hi, box.bottom() - hi))
        x0 += step
    p.setPen(QPen(QColor(color), 0.6 * PT))
    p.drawRect(box)


def gap_note(year: int, this: Lacking, last: Lacking, lang: str) -> str:
    """ "Hatched bars: … — 2025: September, October not reported (高要区). …"; empty when none is."""
    said = [
        GAP_MESSAGES.say("trend_gap_year", lang, year=y, note=_months(months, lang))
        for y, months in ((year, this), (year - 1, last))
        if months
    ]
    if not said:
        return ""
    note = GAP_MESSAGES.say("trend_gap_note", lang, lacking=gap_words.t("sep", lang).join(said))
    return f"{note} {GAP_MESSAGES.say('trend_gap_hollow', lang, year=year)}" if this else note


def _months(months: Lacking, lang: str) -> str:
    """The months by the districts lacking them: "March not reported (端州区); September … (高要区)"."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for m, who in months:
        groups.setdefault(who, []).append(m)
    said = []
    for who, ms in groups.items():
        text = gap_words.months_text(tuple(ms), lang)
        names = gap_words.t("list", lang).join(who)
        key = "not_reported.who" if names else "not_reported"
        said.append(gap_words.t(key, lang, months=text, who=names))
    return gap_words.t("sep", lang).join(said)
