"""The import dialog below its file line and choices: before a file, what to do (and no question about
nothing); with one, a splitter of the file's questions and notes (scrolling), the preview and the problems.

A widget of its own because sharing the dialog's height is a job of its own (probe40c): on a 768-px screen
six question lines and seven notes left room for four of a file's rows and three of its problems. When a
file's preview first shows, the rows and the problems get the height they want (up to a screenful), the
questions and notes the rest (at least a few lines, scrolling); the user moves the handles at will, and a
taller dialog gives its height to the rows.

    body = ImportBody(notes_label, preview, problem_list, [options_bar, skip_check, remember_check], choose_button)
    body.add_questions(questions, known)  # above the notes (created last: last in the focus chain), known after
    body.show_file(True, share=True)  # a file read: its parts shown, the height shared
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.importing import ImportResult
from zqtracker.ui.empty_state import EmptyState
from zqtracker.ui.import_problem_list import ProblemList
from zqtracker.ui.import_sheet_preview import SheetPreview

_TOP_LINES = 5  # the questions and notes keep at least this many lines when the rows want the height


class ImportBody(QStackedWidget):
    def __init__(
        self, notes: QLabel, preview: SheetPreview, problems: ProblemList, with_file: list[QWidget], choose: QPushButton
    ) -> None:
        """``with_file``: the dialog's parts shown once a file is (its choices, its check boxes); ``choose``:
        the dialog's "Choose file…", which the empty dialog's own button clicks."""
        super().__init__()
        self.preview, self.problems, self.with_file = preview, problems, with_file
        self._share = False  # share the height when next shown
        self.empty = EmptyState(name="import_empty")
        self.empty.set_actions([("choose", "")])
        self.empty.action_requested.connect(lambda _key: choose.click())
        self.content = QWidget()  # the questions (added by the dialog), then the notes
        self._column = QVBoxLayout(self.content)
        self._column.setContentsMargins(0, 0, 4, 4)
        self._column.addWidget(notes)
        self._column.addStretch(1)
        self.top = QScrollArea()
        self.top.setWidgetResizable(True)
        self.top.setFrameShape(QFrame.Shape.NoFrame)
        self.top.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus, not the area
        self.top.setWidget(self.content)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for i, (part, stretch) in enumerate(((self.top, 0), (preview, 1), (problems, 0))):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(i, stretch)  # a taller dialog: more rows
        self.addWidget(self.empty)
        self.addWidget(self.splitter)
        self._retranslate()
        self.show_file(False)  # before a file, only what it takes to choose one (probe40c)

    def _retranslate(self) -> None:
        self.empty.set_message(
            self.tr(
                "Choose a spreadsheet to import (.xlsx, .xls, .ods, .csv …), or drop one on this window. Nothing "
                "is written until you have seen what each of its rows will do, and pressed Import."
            )
        )
        self.empty.set_actions([("choose", self.tr("Choose file…"))])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def add_questions(self, questions: QWidget, after_notes: QWidget | None = None) -> None:
        """The questions above the notes; ``after_notes`` (what is read already, changed at will: the known status
        words) below them — at 1366×768 four of those lines put a near name's question below the fold."""
        self._column.insertWidget(0, questions)
        if after_notes is not None:
            held = after_notes.parentWidget()
            if held is not None and (layout := held.layout()) is not None:
                layout.removeWidget(after_notes)
            self._column.insertWidget(2, after_notes)

    def show_file(self, shown: bool, share: bool = False) -> None:
        """The preview and its parts once a file is read (``share``: its height shared anew); before, what to do."""
        self.setCurrentWidget(self.splitter if shown else self.empty)
        for part in self.with_file:
            part.setVisible(shown)
        self._share = self._share or (shown and share)
        if self._share and self.isVisible():
            if (layout := self.window().layout()) is not None:
                layout.activate()  # (the choices above just showed: the height left for this part)
            self.share_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._share:
            self.share_height()

    def share_height(self) -> None:
        """The rows and the problems the height they want, the questions and notes the rest (at least
        _TOP_LINES lines unless they need fewer); what the rows cannot have, the problems give up first."""
        self._share = False
        room = self.height() - self.splitter.handleWidth() * 2
        width = self.width() - self.top.verticalScrollBar().sizeHint().width()
        content = self.content
        top_wanted = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        top_least = min(top_wanted, _TOP_LINES * (self.fontMetrics().lineSpacing() + 8))
        rows, problems = self.preview.wanted_height(), self.problems.wanted_height()
        top = min(top_wanted, max(top_least, room - rows - problems))
        rest = room - top
        if rest < rows + problems:  # the rows first; the problems keep a third at least
            problems = min(problems, max(rest - rows, rest // 3))
        self.splitter.setSizes([top, rest - problems, problems])

    def show_result(self, result: ImportResult, analysis: ImportAnalysis | None, lang: str) -> None:
        """What the import did, below the rows, all of it seen: its counts line is longer than the analysis's
        (how to undo it, and a warning such as a disk it left full: four lines at 1366×768), and the backup
        line shows — the problems take from the rows the height they now want (fix36: it was cut off)."""
        self.problems.show_result(result, analysis, lang)
        top, rows, problems = self.splitter.sizes()
        if self.splitter.isVisible() and problems < (wanted := self.problems.wanted_height(whole=True)):
            given = min(wanted - problems, max(rows - _TOP_LINES * (self.fontMetrics().lineSpacing() + 8), 0))
            self.splitter.setSizes([top, rows - given, problems + given])
