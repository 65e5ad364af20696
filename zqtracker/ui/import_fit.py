"""The import dialog on the user's screen and keyboard (probe34b): its size within the screen's available
area (a 768-px laptop screen less its title bar and taskbar; most of a larger one), never growing past it
after an import; Enter imports — the default button is Import, no other button of the dialog takes Enter on
focus — and Tab leaves the preview table for the questions, the check boxes and the buttons."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton, QStyle, QTableView

WIDTH, HEIGHT = 1180, 760  # at least, where the screen has room; a larger screen's dialog is larger (up to MOST)
MOST = 1560, 1000


def fit_to_screen(dialog: QDialog, default: QPushButton, table: QTableView) -> None:
    """The default size, within the available area of the dialog's screen less a title bar; Enter clicks
    ``default``, Tab moves on from ``table``."""
    _enter_imports(dialog, default, table)
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        dialog.resize(WIDTH, HEIGHT)
        return
    area = screen.availableGeometry()
    title = dialog.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 8  # a frame's title bar and edges
    # (no maximum size: one would squeeze the combo boxes below their text on a small screen, and the result
    # line wraps and the backup's path is elided, so an import no longer widens the dialog)
    width = max(WIDTH, min(MOST[0], area.width() - 24))  # a sheet's columns and a row's changes want the width
    height = max(HEIGHT, min(MOST[1], area.height() * 9 // 10))  # and its rows the height (probe40c)
    dialog.resize(min(width, area.width()), min(height, area.height() - title))


def _enter_imports(dialog: QDialog, default: QPushButton, table: QTableView) -> None:
    """Enter clicks ``default`` (when enabled; nothing when not), wherever the focus is; Tab leaves ``table``."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
    default.setDefault(True)  # (again, now that it is in the dialog: Qt's dialog remembers it as its default)
    table.setTabKeyNavigation(False)
