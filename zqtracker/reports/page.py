"""Laid-out pages: drawing operations in layout units, ready to replay on any paint device.

Layout units are 1/720 inch (tenths of a point). Fonts are sized in the same units (pixel
sizes), so a page measured once is drawn identically on a PDF at 1200 dpi, a printer and the
on-screen preview: the painter is only scaled by the device's resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from zqtracker.reports.fonts import report_font

UNITS_PER_INCH = 720
UNITS_PER_MM = UNITS_PER_INCH / 25.4
PT = UNITS_PER_INCH / 72  # one point


def mm(value: float) -> float:
    return value * UNITS_PER_MM


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


A4_MM = (210.0, 297.0)
MARGINS_MM = (14.0, 12.0, 14.0, 12.0)  # left, top, right, bottom


# Type sizes in points; colours for print (light paper whatever the screen theme is).
SIZES_PT = {
    "title": 16.0,
    "subtitle": 10.5,
    "heading": 11.0,
    "body": 8.5,
    "small": 7.5,
    "figure": 15.0,
}
INK = "#1a202c"
MUTED = "#5a6472"
RULE = "#9aa5b1"
GRID = "#c3ccd6"
HEADER_FILL = "#dde6f0"
TOTAL_FILL = "#eef2f7"
ZEBRA_FILL = "#f8fafc"
CARD_FILL = "#f1f5f9"
ACCENT = "#2c5282"
DEMO = "#c53030"

# Flags for drawText, kept as ints so that pages are plain data.
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
WRAP = int(Qt.TextFlag.TextWordWrap)
TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass(slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(slots=True)
class TextOp:
    rect: Rect
    text: str
    font: str  # a key of Fonts, e.g. "body" or "body_bold"
    flags: int
    color: str = INK


@dataclass(slots=True)
class FillOp:
    rect: Rect
    color: str


@dataclass(slots=True)
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = RULE
    width: float = 0.5 * PT


@dataclass(slots=True)
class SvgOp:
    rect: Rect
    svg: bytes


Op = TextOp | FillOp | LineOp | SvgOp


@dataclass(slots=True)
class Page:
    ops: list[Op] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [op.text for op in self.ops if isinstance(op, TextOp)]


@dataclass(slots=True)
class Document:
    """Pages laid out for one page size; the orientation and margins go to the device."""

    title: str
    family: str
    orientation: Orientation
    width: float  # of the printable area, layout units
    height: float
    margins_mm: tuple[float, float, float, float]
    pages: list[Page]


class Fonts:
    """The report's fonts by key ("body", "body_bold", "title" …) and their metrics, cached."""

    def __init__(self, family: str) -> None:
        self.family = family
        self._fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}

    def font(self, key: str) -> QFont:
        found = self._fonts.get(key)
        if found is None:
            name, _, weight = key.partition("_")
            found = report_font(self.family, round(SIZES_PT[name] * PT), bold=weight == "bold")
            self._fonts[key] = found
        return found

    def metrics(self, key: str) -> QFontMetricsF:
        found = self._metrics.get(key)
        if found is None:
            found = QFontMetricsF(self.font(key))
            self._metrics[key] = found
        return found

    def line(self, key: str) -> float:
        return self.metrics(key).height()

    def width(self, key: str, text: str) -> float:
        return self.metrics(key).horizontalAdvance(text)
