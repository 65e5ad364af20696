"""Render resources/icons/zqtracker.svg to the PNG sizes desktops and installers use.

    PYTHONPATH=. python3 packaging/make_icons.py

Uses Qt's own SVG renderer (QtSvg is in PySide6-Essentials), so no extra tool is needed.
Writes resources/icons/hicolor/<size>x<size>/apps/zqtracker.png (the freedesktop icon theme
layout), and zqtracker.ico for Windows builds.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - needed for painting
    renderer = QSvgRenderer(str(ICONS / "zqtracker.svg"))
    if not renderer.isValid():
        print("invalid SVG", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "zqtracker.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        images[size] = image
        print(target.relative_to(ICONS.parent.parent))
    ico = ICONS / "zqtracker.ico"
    if images[256].save(str(ico), "ICO"):
        print(ico.relative_to(ICONS.parent.parent))
    else:
        print("no ICO writer in this Qt build; Windows builds use the 256 px PNG", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
