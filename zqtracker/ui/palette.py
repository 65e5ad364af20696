"""Colours that work in light and dark mode, derived from the palette rather than hard-coded.

The palette has no "error" role; a fixed dark red is unreadable on a dark window, so the red is
picked by the window's lightness.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def problem_color(palette: QPalette) -> QColor:
    return QColor("#ff7b72") if is_dark(palette) else QColor("#b3261e")


def question_style(palette: QPalette) -> str:
    """A question the import waits on: dark amber on a light window, light amber on a dark one."""
    return f"color: {'#ffd27a' if is_dark(palette) else '#6d4c00'}; font-weight: bold;"


def muted_color(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def problem_style(palette: QPalette) -> str:
    return f"color: {problem_color(palette).name()};"


def muted_style(palette: QPalette) -> str:
    return f"color: {muted_color(palette).name()};"


def demo_banner_style(palette: QPalette) -> str:
    """The DEMO DATA badge: the highlight colours, so it stands out in either mode."""
    bg = palette.color(QPalette.ColorRole.Highlight).name()
    fg = palette.color(QPalette.ColorRole.HighlightedText).name()
    return f"background: {bg}; color: {fg}; padding: 1px 6px; border-radius: 3px; font-weight: bold;"


def read_only_banner_style(palette: QPalette) -> str:
    """The read-only banner above the tabs: a pale amber (dark amber in dark mode), readable text."""
    if is_dark(palette):
        return "background: #4d3b00; color: #ffe08a; padding: 6px 10px;"
    return "background: #fff4ce; color: #4d3b00; padding: 6px 10px; border-bottom: 1px solid #e0c060;"
