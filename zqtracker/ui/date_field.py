"""A project date in the editor: typed as text, read as the import reads a date, or picked from a
calendar; empty means unknown.

A line edit, not a QDateEdit: a QDateEdit's sections made typing unpredictable (the "/" typed after
a year skipped the month, "2023/3/5" became 2023/6/3), an empty one ("—") could not be typed into,
and one cleared with Ctrl+A, Delete kept its old date. Here what is typed is what is read:
the field's own format (2023/3/5) or any form a district's list writes (2023-3-5, 2023.3.5,
20230305, 2023年3月5日; io/dates.py); a slash date that reads two ways (3/5/2023) or gives no day
(2023-03) is refused at Save, never guessed; an empty field is unknown (None).
"""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.io.dates import DAY, SLASH_DATE_RE, parse_fuzzy, reads_either_way
from zqtracker.ui import date_steps
from zqtracker.ui.formatting import Formatter

EMPTY = "—"  # shown (as the placeholder) while the date is unknown


def read_typed_date(text: str, field: str, display_format: str) -> date | None:
    """The day ``text`` names: in ``display_format`` (how the field shows a date), else as the import
    reads a date cell; None when empty. Raises ValidationError for a text that is no day."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or text == EMPTY:
        return None
    shown = QDate.fromString(text, display_format)
    if shown.isValid() and 1900 <= shown.year() <= 2200:
        return date(shown.year(), shown.month(), shown.day())
    if SLASH_DATE_RE.match(text) and reads_either_way(text):  # 3/5/2023: 5 March or 3 May?
        raise ValidationError(Problem("ambiguous_typed_date", field, {"value": text}))
    day, precision = parse_fuzzy(text, field)
    if precision != DAY:  # 2023-03, 2023Q1, 2023: a day made up by the reader is no fact
        raise ValidationError(Problem("date_without_day", field, {"value": text}))
    return day


class OptionalDateEdit(QWidget):
    """A date that may be empty: typed, or picked from the calendar (▾, Alt+Down or F4); × empties it.
    Up and Down step the part under the cursor (ui/date_steps.py), keeping the date's precision."""

    changed = Signal()

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.precision = DatePrecision.DAY  # what the date is known to: kept by Up/Down, a day once typed
        self.display_format = Formatter().date_format
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(EMPTY)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setAutoRaise(True)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._on_picked)
        self.calendar.activated.connect(self._on_picked)
        self.clear_button.clicked.connect(self.clear)
        self._update_clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.calendar_button.setToolTip(self.tr("Pick from a calendar (Alt+Down)"))
        self.clear_button.setToolTip(self.tr("Clear: the date is not known"))
        self.edit.setToolTip(self.tr("Type a date, e.g. %1").replace("%1", self._shown(date(2023, 3, 5))))

    def value(self) -> date | None:
        return read_typed_date(self.edit.text(), self.field, self.display_format)

    def set_value(self, value: date | None, precision: DatePrecision = DatePrecision.DAY) -> None:
        self.precision = precision
        self.edit.setText("" if value is None else self._shown(value))
        self._update_clear()

    def fuzzy(self) -> FuzzyDate | None:
        """The date shown with what it is known to; None when empty or not a date."""
        try:
            return FuzzyDate.of(self.value(), self.precision)
        except ValidationError:
            return None

    def clear(self) -> None:
        if self.edit.text():
            self.edit.clear()
            self._on_typed()

    def open_calendar(self) -> None:
        try:
            shown = self.value()
        except ValidationError:
            shown = None
        day = QDate.currentDate() if shown is None else QDate(shown.year, shown.month, shown.day)
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _shown(self, value: date) -> str:
        return QDate(value.year, value.month, value.day).toString(self.display_format)

    def _on_picked(self, day: QDate) -> None:
        self.calendar.hide()
        self.set_value(date(day.year(), day.month(), day.day()))
        self.edit.setFocus()
        self.changed.emit()

    def _on_typed(self, *_args: object) -> None:
        self.precision = DatePrecision.DAY  # a date typed (or cleared) is a day
        self._update_clear()
        self.changed.emit()

    def _tidy(self) -> None:
        """A date typed in another form is shown as read (20230305 → 2023/3/5): the user sees which day."""
        try:
            day = self.value()
        except ValidationError:
            return  # left as typed; Save says what is wrong with it
        if day is not None and self.edit.text() != self._shown(day):
            self.edit.setText(self._shown(day))

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(bool(self.edit.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
                self._step(1 if event.key() == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)

    def _step(self, steps: int) -> None:
        """The part under the cursor one up or down (the day by default; an empty field starts at
        today); the cursor stays on that part. A text that is no date is left alone."""
        text = self.edit.text()
        try:
            day = self.value()
        except ValidationError:
            return
        if day is None:
            today = QDate.currentDate()
            self.set_value(date(today.year(), today.month(), today.day()))
        else:
            whole = self.edit.selectedText() == text  # tabbed into: the day, whatever the format's order
            part = None if whole else date_steps.part_at(text, self.display_format, self.edit.cursorPosition())
            self.edit.setText(self._shown(date_steps.step(day, part, self.precision, steps)))
            at = date_steps.part_span(self.edit.text(), self.display_format, part or date_steps.DAY)
            if at is not None:
                self.edit.setCursorPosition(at[1])
        self._update_clear()
        self.changed.emit()
