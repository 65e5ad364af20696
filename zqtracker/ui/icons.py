"""The toolbar's own icons (resources/icons/actions/*.svg), drawn in the palette's text colour.

Qt's standard pixmaps only resemble our actions (a reload arrow for "change status", a triangle
for "import"); these say what the action does. The SVGs are drawn in one ink colour, replaced
by the window's text colour when they are loaded, so they read on a light and a dark palette.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

INK = "#1f2328"  # the colour the SVG files draw outlines in
SIZES = (16, 24, 32, 48)
ACTION_ICONS = ("new_project", "edit_project", "change_status", "delete", "undo", "redo", "import_", "export",
                "open_database")  # fmt: skip


def icons_dir() -> Path:
    from zqtracker.paths import resources_dir

    return resources_dir() / "icons" / "actions"


def action_icon(name: str, palette: QPalette) -> QIcon:
    """The icon of action ``name`` in the palette's text colour (accent colours kept)."""
    svg = (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    ink = palette.color(QPalette.ColorRole.WindowText).name()
    renderer = QSvgRenderer(QByteArray(svg.replace(INK, ink).encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
