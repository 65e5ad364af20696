"""The typeface of printed views: one family that has Chinese glyphs and embeds cleanly in a PDF.

WenQuanYi Micro Hei and Microsoft YaHei are TrueType: Qt embeds a subset with a correct
ToUnicode map, so the PDF's text can be searched and copied. Noto Sans CJK / Source Han Sans
(CFF outlines) also embed and look right, but Qt maps some glyphs shared with radicals back to
the radical (页 is extracted as ⻚), so they come after the TrueType families.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "SimHei",
    "SimSun",
)


@cache
def report_family() -> str:
    """The first preferred family installed (``ZQTRACKER_REPORT_FONT`` overrides), else the default."""
    families = set(QFontDatabase.families())
    wanted = os.environ.get("ZQTRACKER_REPORT_FONT")
    if wanted and wanted in families:
        return wanted
    for name in PREFERRED_FAMILIES:
        if name in families:
            return name
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def report_font(family: str, pixel_size: int, *, bold: bool = False) -> QFont:
    """A font sized in layout units (1/720 inch), so measurements do not depend on any device.

    No shaping: Chinese and Latin need none, and shaped digits of some CJK fonts lose their
    Unicode in the PDF (they could no longer be searched).
    """
    font = QFont(family)
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
