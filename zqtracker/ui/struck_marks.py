"""The rows struck through in the file (io/struck_rows.py), marked in the import preview (ui/import_preview.py)
so the user sees which rows the question above the table (ui/struck_question.py) is about.

    waiting   not answered: their text struck through, tinted with the palette's highlight,
              "Struck through in the file — waiting for your answer" (the tooltip: what importing would do)
    left_out  "leave them out": struck through and muted, "Struck through in the file — left out"
    imported  "import them": what happens to them as to any row ("struck through in the file · New"),
              their text still struck through as the file shows it

Colours come from the application's palette (asked each time: it may turn dark), never fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from zqtracker.services.import_model import SheetAnalysis
from zqtracker.ui.palette import muted_color

WAITING, LEFT_OUT, IMPORTED = "waiting", "left_out", "imported"
LEFT_OUT_KIND = "struck_row"  # the row kind of a struck row left out (no longer a data row of the plan)
_STATES = {None: WAITING, "skip": LEFT_OUT, "import": IMPORTED}


def struck_states(sheet: SheetAnalysis | None) -> dict[int, str]:
    """Row index (into the sheet's rows) → the state of each data row struck through."""
    plan = sheet.plan if sheet is not None else None
    if sheet is None or plan is None or not plan.struck:
        return {}
    state = _STATES.get(plan.struck_answer, WAITING)
    return {r - 1 - sheet.raw.row_offset: state for r in plan.struck}


def struck_status(state: str, text: str) -> str:
    """What the status column says of a struck row, ``text`` being what it would say of any row."""
    if state == WAITING:
        return QCoreApplication.translate("StruckMarks", "Struck through in the file — waiting for your answer")
    if state == LEFT_OUT:
        return QCoreApplication.translate("StruckMarks", "Struck through in the file — left out")
    mark = QCoreApplication.translate("StruckMarks", "struck through in the file")
    return f"{mark} · {text}"


def struck_tooltip(state: str, status: str, text: str) -> str:
    """The status column's tooltip: while waiting, what importing them would do too."""
    if state != WAITING or not text:
        return status
    imported = QCoreApplication.translate("StruckMarks", "If imported: %1")
    return f"{status}\n{imported.replace('%1', text)}"


def struck_font(font: QFont | None) -> QFont:
    font = QFont(font) if font is not None else QFont()
    font.setStrikeOut(True)
    return font


def struck_background(state: str, status_column: bool) -> QBrush | None:
    """The highlight's colour, faint, while the row waits for the answer."""
    if state != WAITING:
        return None
    color = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
    color.setAlpha(90 if status_column else 45)
    return QBrush(color)


def struck_foreground(state: str) -> QBrush | None:
    return QBrush(muted_color(QApplication.palette())) if state == LEFT_OUT else None
