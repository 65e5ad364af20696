"""The Details tab of the detail pane: a label and a value for each field, fitted to a narrow pane.

On a 1366×768 screen the pane is ~250 pixels wide (the table keeps the rest). The English labels
("Expected annual output", "Intensity (10k yuan/mu)") took 170 of them unwrapped and left the
values too little: "ZQ202300001" was cut to "ZQ20230000" behind a horizontal scroll bar. Here a
label wraps at its spaces when the values would otherwise not fit, never narrower than its
longest word, and the values get the rest; a wide pane (or Chinese) keeps one line per label.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget


class DetailForm(QScrollArea):
    """``labels`` and ``values``: a QLabel each per field name, in the order given; the labels'
    words are set with :meth:`set_label` (broken into lines here: QFormLayout gives a label the
    height of its size hint, so a label left to wrap itself was cut off at the top and bottom)."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.overview = QWidget()
        self.form = QFormLayout(self.overview)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.words: dict[str, str] = {}  # each label's text, unbroken
        for name in names:
            label, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.labels[name], self.values[name] = label, value
        self.setWidget(self.overview)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def set_label(self, name: str, text: str) -> None:
        self.words[name] = text
        self.labels[name].setText(text)

    def fit(self) -> None:
        """Labels on one line where the values still fit beside them, else broken at their spaces
        (again after a resize, new values or a new language)."""
        margins = self.form.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right() - self.form.horizontalSpacing()
        values = max((v.minimumSizeHint().width() for v in self.values.values() if v.text()), default=0)
        fm = self.overview.fontMetrics()
        natural = max((fm.horizontalAdvance(text) for text in self.words.values()), default=0)
        longest_word = max((fm.horizontalAdvance(w) for text in self.words.values() for w in text.split()), default=0)
        # the values at least as wide as their longest unbreakable piece, and a third of the room
        width = max(longest_word, min(natural, room - max(values, room // 3)))
        for name, text in self.words.items():
            lines = text if fm.horizontalAdvance(text) <= width else "\n".join(_lines(text, width, fm))
            if self.labels[name].text() != lines:
                self.labels[name].setText(lines)


def _lines(text: str, width: int, fm: QFontMetrics) -> list[str]:
    """``text`` broken at its spaces into lines no wider than ``width`` (a longer word alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
