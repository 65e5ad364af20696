"""File › Import: see exactly what a spreadsheet will change, correct what was misread, import.

    ImportDialog(ctx, events, undo_stack, parent, path=None).show()

Reading and analysing run in the background (ui.operations); the preview shows every row of the chosen sheet with
what will happen to it (a month worked out from a year to date beside it), the mapping in the column headers (click
one to re-map it or choose its unit), problem cells highlighted with their reason (ui/import_sheet_preview.py), the
problems below it (ui/import_problem_list.py); the questions a file raises are ui/import_questions.py, the file and
the analysis' notes ui/import_file_bar.py. Import runs with a cancellable progress dialog (cancel = nothing written),
one step on the undo stack. Corrected mappings are remembered for files with the same headers; rows of choices wrap.
A live language switch re-words every part and analyses the file again with the same choices.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.words import APP
from zqtracker.io.reader import RawWorkbook
from zqtracker.services.context import AppContext
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_profiles import MAPPABLE_FIELDS
from zqtracker.services.importing import ImportResult, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_body import ImportBody
from zqtracker.ui.import_command import ImportCommand
from zqtracker.ui.import_corrections import ColumnChoice, ImportCorrections
from zqtracker.ui.import_file_bar import ImportFileBar
from zqtracker.ui.import_fit import fit_to_screen
from zqtracker.ui.import_options_bar import ImportOptionsBar
from zqtracker.ui.import_problem_list import ProblemList
from zqtracker.ui.import_questions import ImportQuestions
from zqtracker.ui.import_sheet_preview import SheetPreview
from zqtracker.ui.operations import Operation
from zqtracker.ui.translations import ui_lang

MAPPABLE = MAPPABLE_FIELDS


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after a successful import

    def __init__(self, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, parent: QWidget | None = None,
                 path: Path | str | None = None, *, lang: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.events, self.undo_stack = ctx, events, undo_stack
        self.lang = lang or ui_lang()
        self._ui_lang = ui_lang()  # the interface's language: when it changes, the dialog follows
        self.service = ImportService(ctx.database)
        self.choices = ImportCorrections(self.service, self.lang)
        self.path: Path | None = None
        self.book: RawWorkbook | None = None
        self.analysis: ImportAnalysis | None = None
        self.import_result: ImportResult | None = None
        self.operation: Operation | None = None
        self._pending = False  # the choices (or the language) changed while rows were being checked
        self.setAcceptDrops(True)
        self._build_ui()
        fit_to_screen(self, self.import_button, self.preview.table)  # (ui/import_fit.py) and Enter imports
        self._retranslate()
        self._connect_signals()
        self._update_buttons()
        if path is not None:
            self.open_path(Path(path))

    def _build_ui(self) -> None:
        self.file_bar = ImportFileBar(self.lang)
        self.notes_label, self.error_label = self.file_bar.notes_label, self.file_bar.error_label
        self.options_bar = ImportOptionsBar(self.lang)
        self.preview = SheetPreview(self.lang)
        self.problem_list = ProblemList()
        self.skip_check, self.remember_check = QCheckBox(), QCheckBox()
        self.remember_check.setChecked(True)
        parts = [self.options_bar, self.skip_check, self.remember_check]  # shown with a file (ui/import_body.py)
        self.body = ImportBody(self.notes_label, self.preview, self.problem_list, parts, self.file_bar.choose_button)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        # not the standard Close: its "Done" after an import would be re-worded "Close" on a switch
        self.close_button = QPushButton()
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        checks = QVBoxLayout()  # one above the other: side by side, an 800-px screen had no room for them
        for check in (self.skip_check, self.remember_check):
            checks.addWidget(check)
        bottom = QHBoxLayout()
        bottom.addLayout(checks, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_bar)
        layout.addWidget(self.options_bar)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        # the questions come last in the focus chain (a question's field losing focus to the Import
        # button answers it: first in the chain, the focus lands on one after every check)
        self.questions = ImportQuestions(self.lang, self)
        self.body.add_questions(self.questions, self.questions.read_words_box)  # (known words: after the notes)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.skip_check.setText(self.tr("Skip invalid rows (import the valid ones)"))
        self.remember_check.setText(self.tr("Remember my column choices for files with these headers"))
        self.import_button.setText(self.tr("Import"))
        self.close_button.setText(self.tr("Done") if self.import_result is not None else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: the words (the parts re-word theirs after this), then what the
        analysis worded: the file is analysed again, every choice kept (what was imported is shown again)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if ui_lang() != self._ui_lang:  # once, though the event comes from the window and the application
                self._ui_lang = self.lang = ui_lang()
                self.choices.set_lang(self.lang)
                self.options_bar.lang = self.preview.lang = self.questions.lang = self.file_bar.lang = self.lang
                if self.import_result is None and self.isVisible():  # (a closed one's database may be gone)
                    self._analyse()  # a file being read is analysed in the new language once read
                elif not self.is_busy():
                    self._show_imported(again=True)
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.file_bar.file_chosen.connect(self.open_path)
        self.options_bar.sheet_chosen.connect(self._show_sheet)
        self.options_bar.import_sheet_toggled.connect(self._on_import_sheet_toggled)
        self.options_bar.header_row_chosen.connect(self._on_header_row_chosen)
        self.options_bar.unit_chosen.connect(lambda unit: self._set_option("unit", unit))
        self.options_bar.mode_chosen.connect(lambda mode: self._set_option("mode", mode))
        self.options_bar.show_mode_chosen.connect(self.preview.set_mode)
        self.skip_check.toggled.connect(lambda checked: self._set_option("skip_invalid", checked))
        self.preview.column_chosen.connect(self.apply_choice)
        self.problem_list.problem_activated.connect(self._on_problem_activated)
        self.problem_list.export_requested.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.close_button.clicked.connect(self.reject)
        self.questions.defaults_changed.connect(self._on_defaults_changed)
        self.questions.status_word_chosen.connect(self._on_status_word_chosen)
        self.questions.districts_said.connect(lambda said: self._set_option("district_map", said))
        self.questions.link_chosen.connect(self._on_link_chosen)
        self.questions.rate_given.connect(self._on_rate_given)
        self.questions.rows_answered.connect(self._on_rows_answered)
        self.questions.date_order_chosen.connect(lambda order: self._set_option("date_order", order))
        self.questions.period_chosen.connect(lambda period: self._set_option("period", period))

    # -- reading and analysing -----------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        self.path, self.book, self.analysis, self.import_result = path, None, None, None
        self.choices.reset(self.options_bar.mode(), self.skip_check.isChecked())
        self.options_bar.show_unit(None, None)  # a new file's question (as the options just reset)
        self.body.show_file(False)
        self.file_bar.show_file(path)
        self._show_error("")
        options = dataclasses.replace(self.choices.options)
        self._run(
            lambda p: self.service.read_planned(path, options, progress=p),
            lambda: self.tr("Reading %1…").replace("%1", path.name),
            self._on_book_read,
        )

    def _run(self, work, title, done) -> None:  # title: a function, called again on a language switch
        op = Operation(self, work, title=title).success(done).failure(self._on_failed)
        op.cancelled(lambda: self._show_error(self.tr("Cancelled.")))
        op.finished.connect(self._update_buttons)
        self.operation = op
        self._update_buttons()
        op.run_in_background()

    def is_busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def _on_book_read(self, read: tuple[RawWorkbook, dict]) -> None:
        self.book, plans = read
        self._analyse(plans)

    def _analyse(self, plans: dict | None = None) -> None:
        """Check the rows again with the current choices; a change made while a check runs is
        checked right after it (the background work gets its own copy of the choices)."""
        if self.book is None:
            return
        if self.is_busy():
            self._pending = True
            return
        self._pending = False
        book = self.book
        options = self.choices.copy()
        self._run(
            lambda p: self.service.analyse(book, options, plans=plans, progress=p),
            lambda: self.tr("Checking rows…"),
            self._on_analysed,
        )

    def _on_analysed(self, analysis: ImportAnalysis) -> None:
        first, self.analysis = self.analysis is None, analysis
        self._show_error("")
        self.options_bar.set_sheets(analysis)
        self._show_sheet()
        self._show_summary()
        self.body.show_file(True, share=first)  # a file's first preview: the rows and problems their height
        if self._pending:
            self._analyse()

    def current_sheet(self) -> SheetAnalysis | None:
        if self.analysis is None:
            return None
        name = self.options_bar.sheet_name()
        return next((s for s in self.analysis.sheets if s.name == name), None)

    def _show_sheet(self) -> None:
        sa = self.current_sheet()
        o = self.choices.options
        self.questions.show_analysis(
            self.analysis, sa, (o.district, o.sector, o.status), o.rates, o.date_order, o.period, o.district_map
        )
        mapping = o.mappings.get(sa.name) if sa else None
        self.preview.show_sheet(sa, mapping, o.unit.factor if o.unit else None, self.analysis)
        self.options_bar.show_sheet(sa, self.choices.unread_ticked(sa, self.analysis))

    def _show_summary(self) -> None:
        a = self.analysis
        if a is None:
            return
        self.problem_list.show_counts(a)
        unit_missing = self.choices.options.unit is None
        self.file_bar.show_notes(a, self.current_sheet(), self.lang, unit_missing, self.choices.unread_waiting(a))
        self.options_bar.show_unit(a, self.choices.options.unit)  # (not asked of a file stating its units)
        self.problem_list.set_problems(a.problems, self.lang)
        self._update_buttons()

    # -- the user's corrections ------------------------------------------------------------------
    def apply_choice(self, column: int, choice: ColumnChoice) -> None:
        """Re-map one column (("field", name or None)) or set its unit (("unit", factor))."""
        sa = self.current_sheet()
        if sa is None:
            return
        self.choices.remap(sa, column, choice, self.analysis)
        self._analyse()

    def _on_header_row_chosen(self, row: int) -> None:
        sa = self.current_sheet()
        if sa is None or row == sa.layout.header_row:
            return
        self.choices.mapping(sa.name, self.analysis).header_row = row
        self._analyse()

    def _on_defaults_changed(self, district: str, sector: str, status: str) -> None:
        if self.choices.set_defaults(district, sector, status):
            self._analyse()

    def _on_status_word_chosen(self, word: str, status: str) -> None:
        self.choices.set_status_word(word, status, self.analysis)
        self._analyse()

    def _on_rate_given(self, currency: str, text: str) -> None:
        """A currency's rate: its amounts are then imported in yuan, the original kept; a rate
        that is not one is said, and the column stays out."""
        try:
            changed = self.choices.set_rate(currency, text)
        except ValidationError as exc:
            self._show_error(exc.problems[0].message(self.lang))
            return
        if changed:
            self._show_error("")
            self._analyse()

    def _on_rows_answered(self, question: str, answer: str) -> None:  # rows hidden, rows struck through
        self.choices.answer_rows(question, answer, self.analysis)
        self._analyse()

    def _on_link_chosen(self, sheet: str, row: int, pid: int) -> None:
        self.choices.link(sheet, row, pid)
        self._analyse()

    def _on_import_sheet_toggled(self, checked: bool) -> None:
        sa = self.current_sheet()
        if self.analysis is None or sa is None:
            return
        self.choices.import_sheet(sa, checked, self.analysis)
        self._analyse()

    def _set_option(self, name: str, value: object) -> None:
        """An option of the bar or a question (the unit, the mode, the order of slash dates): checked again."""
        setattr(self.choices.options, name, value)
        self._analyse()

    # -- importing ---------------------------------------------------------------------------------
    def can_import(self) -> bool:
        a = self.analysis
        if a is None or self.is_busy() or self._pending or self.import_result is not None:
            return False
        return self.choices.ready(a)

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        self.problem_list.export_button.setEnabled(
            bool(self.analysis and self.analysis.problems) or bool(self.import_result and self.import_result.problems)
        )
        self.file_bar.choose_button.setEnabled(not self.is_busy())

    def _on_import_clicked(self) -> None:
        if not self.can_import() or self.analysis is None:
            return
        if self.choices.options.mode == "replace":
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Replace every project in the database with this file's? A backup copy is made first."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        analysis, options, apply = self.analysis, dataclasses.replace(self.choices.options), self.service.apply
        self._show_error("")  # ("Import cancelled" of an earlier try is not this import's)
        self._run(lambda p: apply(analysis, options, progress=p), lambda: self.tr("Importing…"), self._on_imported)
        assert self.operation is not None
        self.operation.cancelled(self._on_import_cancelled)

    def _on_imported(self, result: ImportResult) -> None:
        self.import_result = result
        if result.written and result.change is not None:
            name = self.path.name if self.path else ""
            command = ImportCommand(self.service, result, self.events, self.tr("Import %1").replace("%1", name),
                                    window=self.parentWidget() or self, stack=self.undo_stack)  # fmt: skip
            self.undo_stack.push(command)
            command.announce()
            if self.remember_check.isChecked() and self.analysis is not None:
                self._show_error(self.choices.remember(self.analysis))
        self._show_imported()
        self.imported.emit(result)

    def _show_imported(self, again: bool = False) -> None:
        """What the import did; ``again`` (or the language changed while importing): the preview
        too, as it was (not analysed again against what the import wrote)."""
        if (again or self._pending) and self.analysis is not None:
            self._pending = False
            self.options_bar.set_sheets(self.analysis)
            self._show_sheet()
            self._show_summary()
        if self.import_result is not None:
            self.body.show_result(self.import_result, self.analysis, self.lang)
        self._retranslate()  # "Done"
        self._update_buttons()

    def _on_import_cancelled(self) -> None:
        self._show_error(self.tr("Import cancelled: nothing was written."))
        if self._pending:  # the language changed meanwhile
            self._analyse()

    def _on_failed(self, exc: BaseException) -> None:
        self.file_bar.show_failure(exc)
        self._update_buttons()
        if self._pending:
            self._analyse()

    def _show_error(self, text: str) -> None:
        self.file_bar.show_error(text)

    # -- problems, files ---------------------------------------------------------------------------
    def _on_problem_activated(self, sheet: str, row: int, letter: str) -> None:
        self.options_bar.select_sheet(sheet)
        sa = self.current_sheet()
        if sa is None:
            return
        self.preview.go_to(sa, row, letter)

    def _on_export_clicked(self) -> None:
        problems = (self.import_result.problems if self.import_result else None) or (
            self.analysis.problems if self.analysis else []
        )
        default = (self.path.with_name(self.path.stem + "-problems.xlsx")) if self.path else Path("problems.xlsx")
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export problems"), str(default), "*.xlsx")
        if target:
            self.export_problems(Path(target), problems)

    def export_problems(self, target: Path, problems) -> Path:
        from zqtracker.io.problems_xlsx import write_problems

        source = self.path.name if self.path else ""
        return write_problems(target, problems, source=source, lang=self.lang, surface=APP)  # the dialog's words

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files and not self.is_busy():
            self.open_path(Path(files[0]))
            event.acceptProposedAction()
