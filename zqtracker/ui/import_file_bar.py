"""The top of the import dialog: which file is read and the way to choose another, what the
analysis noticed about it (its notes), and what went wrong.

A widget of its own: it says which file the user chose (:attr:`file_chosen`) and shows the notes
(in :attr:`notes_label`, which the dialog lays out below the questions, where they scroll together)
and the error the dialog hands it; on a live language switch it re-words its own words and a
failure it was handed (a file that cannot be read), and the dialog hands it the notes again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zqtracker.domain.errors import DomainError
from zqtracker.domain.words import APP
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.read_launch import warm
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_unreadable import unread_list_refusal
from zqtracker.services.round_guard import refuse_round_table
from zqtracker.ui.palette import problem_style

FILE_FILTER = "*.xlsx *.xlsm *.xltx *.xltm *.xls *.xlsb *.ods *.csv *.htm *.html *.xml"


class ImportFileBar(QWidget):
    file_chosen = Signal(object)  # the Path the user chose with "Choose file…"

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang  # a refusal's words; the dialog changes it when the interface's language does
        warm()  # the reading server starts while a file is being chosen
        self.path: Path | None = None
        self._failure: BaseException | None = None  # what the error says, worded again on a switch
        self.file_label = QLabel()
        self.choose_button = QPushButton()
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(problem_style(self.palette()) + " font-weight: bold;")
        self.error_label.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)  # (the notes: the dialog places them, with the questions: ui/import_body.py)
        self._retranslate()
        self.choose_button.clicked.connect(self._on_choose_clicked)

    def _retranslate(self) -> None:
        if self.path is None:
            self.file_label.setText(self.tr("Choose a spreadsheet, or drop one here."))
        self.choose_button.setText(self.tr("Choose file…"))
        if self._failure is not None:
            self.show_failure(self._failure)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))

    def show_notes(
        self,
        analysis: ImportAnalysis,
        sheet: SheetAnalysis | None,
        lang: str,
        unit_missing: bool,
        unread: list[SheetAnalysis] | None = None,
    ) -> None:
        """What the analysis noticed, in ``lang``: the sheet's title and reporter, then the amounts
        that wait for a unit (while ``unit_missing``), then the analysis' own notes; a monthly round's
        workbook is said in red to be collected by the round (the import would refuse it), and so is each
        sheet of ``unread`` (could not be read, still ticked: the import waits), in the command line's
        refusal worded for the dialog — instead of its note."""
        waiting = {sa.name for sa in unread or []}
        notes = [  # a remedy as the dialog offers it, never a flag
            n.message(lang, APP)
            for n in analysis.notes
            if not (n.code == "note_sheet_unreadable" and n.params.get("sheet") in waiting)
        ]
        if sheet is not None and (sheet.layout.titles or sheet.layout.reporter):
            head = " · ".join([*sheet.layout.titles[:2], *([sheet.layout.reporter] if sheet.layout.reporter else [])])
            notes.insert(0, f"“{sheet.name}”: {head}")
        if unit_missing and analysis.needs_unit:
            sa, info = analysis.needs_unit[0]
            text = self.tr("Column %1 “%2” of sheet “%3” has amounts without a unit: choose the unit above.")
            notes.insert(0, text.replace("%1", info.letter).replace("%2", info.header).replace("%3", sa.name))
        self.notes_label.setText("\n".join(notes))
        try:
            refuse_round_table(analysis)  # a monthly round's workbook: the round collects it (the CLI's refusal)
        except WorkbookRefused as refused:
            self.show_error(refused.message(lang, APP))
            return
        if unread:
            self.show_error("\n".join(unread_list_refusal(analysis, sa).message(lang, APP) for sa in unread))

    def show_error(self, text: str) -> None:
        self._failure = None
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def show_failure(self, exc: BaseException) -> None:
        """Why the file could not be read or checked: one sentence naming it, never a traceback."""
        if isinstance(exc, WorkbookRefused):  # a remedy as the dialog offers it, never a flag
            text = exc.message(self.lang, APP)
        elif isinstance(exc, DomainError):
            text = exc.message(self.lang) if hasattr(exc, "message") else str(exc)
        else:
            text = self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
        self.show_error(text)
        self._failure = exc

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import spreadsheet"), "", self.tr("Spreadsheets") + f" ({FILE_FILTER})"
        )
        if name:
            self.file_chosen.emit(Path(name))
