"""A font that has Chinese glyphs, for every text a chart draws.

pyqtgraph draws with the application font unless told otherwise; that font may have no CJK
glyphs (offscreen, in SVG files, on a bare Linux), which turns 新型储能 into boxes. Charts name a
CJK-capable family explicitly: the first installed of the families below.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

# Debian/Ubuntu (fonts-noto-cjk, fonts-wqy-microhei), Windows, macOS, then Adobe's name.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Droid Sans Fallback",
)


@cache
def chart_family() -> str:
    """The first CJK-capable family installed, else the application's own (Qt may fall back)."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in sorted(installed):  # any family that claims Simplified Chinese
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return QFont().family()


def chart_font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(chart_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
