"""The desktop application (PySide6)."""

from zqtracker.qt_compat import protect_none

protect_none()  # PySide6 6.12 on Python 3.11 over-releases None in Qt callbacks: see qt_compat.py
