"""File › Import: see exactly what a spreadsheet will change, correct what was misread, import.

    ImportDialog(ctx, events, undo_stack, parent, path=None).show()

Reading and analysing run in the background (ui.operations); the preview shows every row of the
chosen sheet with what will happen to it, the detected mapping in the column headers (click one
to re-map it or choose its unit), problem cells highlighted with their reason. Import runs with a
cancellable progress dialog (cancel = nothing written) and is pushed onto the undo stack as one
step. Corrected mappings are remembered for the next file with the same headers.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QActionGroup, QCursor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)  # fmt: skip

from zqtracker.domain.errors import DomainError
from zqtracker.domain.messages import field_label
from zqtracker.domain.money import Unit
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.layout import MONEY_FIELDS, MONTHLY, PROJECTS
from zqtracker.io.reader import RawWorkbook
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_profiles import MAPPABLE_FIELDS
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_command import ImportCommand
from zqtracker.ui.import_dialog_ui import build_ui
from zqtracker.ui.import_questions import ImportQuestions
from zqtracker.ui.operations import Operation

FILE_FILTER = "*.xlsx *.xlsm *.xltx *.xltm *.xls *.xlsb *.ods *.csv"
MAPPABLE = MAPPABLE_FIELDS


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, after a successful import

    def __init__(self, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, parent: QWidget | None = None,
                 path: Path | str | None = None, *, lang: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.events, self.undo_stack = ctx, events, undo_stack
        self.lang = lang or ("zh" if QLocale().language() == QLocale.Language.Chinese else "en")
        self.service = ImportService(ctx.database)
        self.options = ImportOptions(lang=self.lang)
        self.path: Path | None = None
        self.book: RawWorkbook | None = None
        self.analysis: ImportAnalysis | None = None
        self.result: ImportResult | None = None
        self.corrected: set[str] = set()  # sheets whose mapping the user changed
        self.operation: Operation | None = None
        self._pending = False  # the choices changed while rows were being checked
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.setAcceptDrops(True)
        self.resize(1180, 760)
        build_ui(self)
        self.questions = ImportQuestions(self.lang, self)
        self.layout().insertWidget(4, self.questions)
        self._connect_signals()
        self._update_buttons()
        if path is not None:
            self.open_path(Path(path))

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_chosen)
        self.import_sheet_check.toggled.connect(self._on_import_sheet_toggled)
        self.header_spin.editingFinished.connect(self._on_header_row_changed)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_changed)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.show_combo.currentIndexChanged.connect(self.proxy.set_mode)
        self.skip_check.toggled.connect(self._on_skip_toggled)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.problems.itemActivated.connect(self._on_problem_activated)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.close_button.clicked.connect(self.reject)
        self.questions.defaults_changed.connect(self._on_defaults_changed)
        self.questions.status_word_chosen.connect(self._on_status_word_chosen)
        self.questions.link_chosen.connect(self._on_link_chosen)
        self.questions.rate_given.connect(self._on_rate_given)

    # -- reading and analysing -----------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        self.path, self.book, self.analysis, self.result = path, None, None, None
        self.options = ImportOptions(lang=self.lang, mode=self.mode_combo.currentData())
        self.corrected.clear()
        self.file_label.setText(str(path))
        self._show_error("")
        options = dataclasses.replace(self.options)
        self._run(lambda p: self.service.read_planned(path, options, progress=p),
                  self.tr("Reading %1…").replace("%1", path.name), self._on_book_read)  # fmt: skip

    def _run(self, work, title: str, done) -> None:
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
        options = dataclasses.replace(
            self.options, sheets=None if self.options.sheets is None else list(self.options.sheets),
            mappings={name: copy.deepcopy(m) for name, m in self.options.mappings.items()},
            status_map=dict(self.options.status_map), links=dict(self.options.links), rates=dict(self.options.rates),
        )  # fmt: skip
        self._run(lambda p: self.service.analyse(book, options, plans=plans, progress=p), self.tr("Checking rows…"),
                  self._on_analysed)  # fmt: skip

    def _on_analysed(self, analysis: ImportAnalysis) -> None:
        self.analysis = analysis
        self._show_error("")
        current = self.sheet_combo.currentData()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sa in analysis.sheets:
            kind = {PROJECTS: self.tr("projects"), MONTHLY: self.tr("monthly investment")}.get(
                sa.layout.kind, self.tr("not recognised"))  # fmt: skip
            self.sheet_combo.addItem(f"{sa.name} — {kind}", sa.name)
        names = [sa.name for sa in analysis.sheets]
        first = next((sa.name for sa in analysis.sheets if sa.selected), names[0] if names else None)
        self.sheet_combo.setCurrentIndex(
            names.index(current) if current in names else names.index(first) if first else 0
        )
        self.sheet_combo.blockSignals(False)
        self._show_sheet()
        self._show_summary()
        if self._pending:
            self._analyse()

    def current_sheet(self) -> SheetAnalysis | None:
        if self.analysis is None:
            return None
        name = self.sheet_combo.currentData()
        return next((s for s in self.analysis.sheets if s.name == name), None)

    def _show_sheet(self) -> None:
        sa = self.current_sheet()
        o = self.options
        self.questions.show_analysis(self.analysis, sa, (o.district, o.sector, o.status), o.rates)
        mapping = self.options.mappings.get(sa.name) if sa else None
        self.model.column_units = dict(mapping.units) if mapping else {}
        self.model.default_unit = self.options.unit.factor if self.options.unit else None
        self.model.set_sheet(sa, self.lang, self._words())
        for w in (self.import_sheet_check, self.header_spin):
            w.blockSignals(True)
        self.import_sheet_check.setChecked(bool(sa and sa.selected))
        self.import_sheet_check.setEnabled(bool(sa and sa.layout.kind != "unknown"))
        self.header_spin.setValue((sa.layout.header_row + 1) if sa and sa.layout.header_row >= 0 else 1)
        for w in (self.import_sheet_check, self.header_spin):
            w.blockSignals(False)
        self._fit_columns(sa)

    def _fit_columns(self, sa: SheetAnalysis | None) -> None:
        """Widths from the header and the first data rows (a merged title would widen column A)."""
        if sa is None:
            return
        metrics = self.table.fontMetrics()
        first = max(sa.layout.header_row - sa.raw.row_offset, 0)
        sample = range(first, min(first + 200, self.model.rowCount()))
        for c in range(self.model.columnCount()):
            texts = [str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.data(self.model.index(r, c)) or "") for r in sample]
            widest = max((metrics.horizontalAdvance(line) for t in texts for line in t.split("\n")), default=0)
            low, high = (140, 460) if c == 0 else (56, 240)
            self.table.setColumnWidth(c, min(max(widest + 18, low), high))

    def _show_summary(self) -> None:
        a = self.analysis
        if a is None:
            return
        lang = self.lang
        text = self.tr("New %1 · Updated %2 · Unchanged %3 · Invalid rows %4 · Monthly records %5 (%6 unchanged)")
        for i, n in enumerate(
            (a.added, a.updated, a.unchanged, a.invalid_rows, len(a.records), a.records_unchanged), 1
        ):
            text = text.replace(f"%{i}", str(n))
        new_refs = [*(n for n, _ in a.new_sectors), *a.new_districts]
        if new_refs:
            text += " · " + self.tr("New sectors/districts: %1").replace("%1", "、".join(new_refs[:8]))
        self.counts_label.setText(text)
        notes = [n.message(lang) for n in a.notes]
        sa = self.current_sheet()
        if sa is not None and (sa.layout.titles or sa.layout.reporter):
            head = " · ".join([*sa.layout.titles[:2], *([sa.layout.reporter] if sa.layout.reporter else [])])
            notes.insert(0, f"“{sa.name}”: {head}")
        missing = a.needs_unit
        if missing and self.options.unit is None:
            sa, info = missing[0]
            notes.insert(0, self.tr("Column %1 “%2” of sheet “%3” has amounts without a unit: choose the unit above.")
                         .replace("%1", info.letter).replace("%2", info.header).replace("%3", sa.name))  # fmt: skip
            self.unit_combo.setStyleSheet("QComboBox { border: 2px solid #c62828; }")
        else:
            self.unit_combo.setStyleSheet("")
        self.notes_label.setText("\n".join(notes))
        self.problems.clear()
        items = []
        for p in a.problems[:5000]:
            item = QTreeWidgetItem([p.sheet, str(p.row), p.column, p.value, p.reason(lang)])
            item.setToolTip(4, p.reason(lang))
            items.append(item)
        self.problems.addTopLevelItems(items)
        self._update_buttons()

    def _words(self) -> dict[str, str]:
        return {"new": self.tr("New"), "update": self.tr("Update"), "same": self.tr("Unchanged"),
                "invalid": self.tr("Invalid"), "exists": self.tr("Exists — left alone (append)"),
                "total": self.tr("Total — skipped"), "section1": self.tr("Section — sector, district or stage below"),
                "section2": self.tr("Section — sector, district or stage below"), "note": self.tr("Notes — skipped"),
                "example": self.tr("Template example row — skipped"),
                "continuation": self.tr("Continues the project above — not a project"),
                "view": self.tr("The same project as on another sheet"),
                "near": self.tr("a stored project has a near name — link or keep apart above"),
                "header": self.tr("Header"), "what": self.tr("What happens"),
                "remap": self.tr("Click to choose what this column holds, or its unit"),
                "off": self.tr("not imported"), "hidden": self.tr("hidden — not imported"),
                "records": self.tr("%1 monthly record(s) to write, %2 unchanged").replace("%1", "{0}").replace("%2", "{1}")}  # fmt: skip

    # -- the user's corrections ------------------------------------------------------------------
    def _mapping(self, sheet: str) -> Mapping:
        mapping = self.options.mappings.get(sheet)
        if mapping is None:
            sa = next((s for s in self.analysis.sheets if s.name == sheet), None) if self.analysis else None
            mapping = Mapping(header_row=None)
            if sa is not None and sa.remembered:  # start from what was remembered
                layout_mapping = self.service.layout_of(sa.raw, ImportOptions(lang=self.lang))[2]
                if layout_mapping is not None:
                    mapping = dataclasses.replace(layout_mapping, fields=dict(layout_mapping.fields),
                                                  units=dict(layout_mapping.units),
                                                  statuses=dict(layout_mapping.statuses))  # fmt: skip
            self.options.mappings[sheet] = mapping
        self.corrected.add(sheet)
        return mapping

    def _on_header_clicked(self, section: int) -> None:
        source = self.proxy.mapToSource(self.proxy.index(0, section)).column() if self.proxy.rowCount() else section
        info = self.model.column_info(source)
        sa = self.current_sheet()
        if info is None or sa is None:
            return
        menu = QMenu(self)
        group = QActionGroup(menu)
        off = menu.addAction(self.tr("Not imported"))
        off.setCheckable(True)
        off.setChecked(not info.field or info.hidden or info.field.startswith("ignore:"))
        off.setData(("field", None))
        group.addAction(off)
        menu.addSeparator()
        for f in MAPPABLE:
            action = menu.addAction(field_label(f, self.lang))
            action.setCheckable(True)
            action.setChecked(info.field == f and not info.hidden)
            action.setData(("field", f))
            group.addAction(action)
        if info.is_money or info.field in MONEY_FIELDS:
            units = menu.addMenu(self.tr("Unit of this column"))
            for unit in (Unit.YUAN, Unit.WAN, Unit.YI):
                action = units.addAction(unit.label(self.lang))
                action.setData(("unit", unit.factor))
        picked: list = []
        menu.triggered.connect(picked.append)
        menu.exec(QCursor.pos())
        if picked and picked[0].data() is not None:
            self.apply_choice(info.index, picked[0].data())

    def apply_choice(self, column: int, choice: tuple[str, object]) -> None:
        """Re-map one column (("field", name or None)) or set its unit (("unit", factor))."""
        sa = self.current_sheet()
        if sa is None:
            return
        mapping = self._mapping(sa.name)
        kind, value = choice
        if kind == "field":
            mapping.fields[column] = value  # type: ignore[assignment]
        else:
            mapping.units[column] = int(value)
        if self.options.sheets is None:
            self.options.sheets = [s.name for s in self.analysis.sheets if s.selected] if self.analysis else None
        if self.options.sheets is not None and sa.name not in self.options.sheets:
            self.options.sheets.append(sa.name)
        self._analyse()

    def _on_header_row_changed(self) -> None:
        sa = self.current_sheet()
        if sa is None or self.header_spin.value() - 1 == sa.layout.header_row:
            return
        self._mapping(sa.name).header_row = self.header_spin.value() - 1
        self._analyse()

    def _on_defaults_changed(self, district: str, sector: str, status: str) -> None:
        """District, sector and status for rows without one (the CLI's --district …)."""
        chosen = (district or None, sector or None, status or None)
        if chosen == (self.options.district, self.options.sector, self.options.status):
            return
        self.options.district, self.options.sector, self.options.status = chosen
        self._analyse()

    def _on_status_word_chosen(self, word: str, status: str) -> None:
        """What an unknown status word means (the CLI's --status-map), remembered with the
        column choices of the sheets that use it."""
        if status:
            self.options.status_map[word] = status
        else:
            self.options.status_map.pop(word, None)
        if self.analysis is not None:
            for sa in self.analysis.selected:
                if sa.plan is not None and word in sa.plan.unknown_statuses:
                    self._mapping(sa.name).statuses[word] = status
        self._analyse()

    def _on_rate_given(self, currency: str, text: str) -> None:
        """Yuan per unit of a currency (the CLI's --rate): its amounts are then imported in yuan,
        the original kept; a rate that is not one is said, and the column stays out."""
        from zqtracker.domain.currency import parse_rate
        from zqtracker.domain.errors import ValidationError

        if not text:
            changed = self.options.rates.pop(currency, None) is not None
        else:
            try:
                _code, rate = parse_rate(f"{currency}={text}")
            except ValidationError as exc:
                self._show_error(exc.problems[0].message(self.lang))
                return
            changed = self.options.rates.get(currency) != rate
            self.options.rates[currency] = rate
        if changed:
            self._show_error("")
            self._analyse()

    def _on_link_chosen(self, sheet: str, row: int, pid: int) -> None:
        """A new row with a near name is that stored project (or kept apart)."""
        if pid:
            self.options.links[(sheet, row)] = pid
        else:
            self.options.links.pop((sheet, row), None)
        self._analyse()

    def _on_sheet_chosen(self, _index: int) -> None:
        self._show_sheet()

    def _on_import_sheet_toggled(self, checked: bool) -> None:
        if self.analysis is None:
            return
        chosen = [s.name for s in self.analysis.sheets if s.selected]
        sa = self.current_sheet()
        if sa is None:
            return
        if checked and sa.name not in chosen:
            chosen.append(sa.name)
        if not checked and sa.name in chosen:
            chosen.remove(sa.name)
        self.options.sheets = chosen
        self._analyse()

    def _on_unit_changed(self, _index: int) -> None:
        data = self.unit_combo.currentData()  # Qt hands a StrEnum back as its plain string
        self.options.unit = Unit(data) if data else None
        self._analyse()

    def _on_mode_changed(self, _index: int) -> None:
        self.options.mode = self.mode_combo.currentData()
        self._analyse()

    def _on_skip_toggled(self, checked: bool) -> None:
        self.options.skip_invalid = checked
        self._analyse()

    # -- importing ---------------------------------------------------------------------------------
    def can_import(self) -> bool:
        a = self.analysis
        if a is None or self.is_busy() or self._pending or self.result is not None:
            return False
        if a.needs_unit and self.options.unit is None:
            return False
        if a.problems and not self.options.skip_invalid:
            return False
        return a.has_work or self.options.mode == "replace"

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        self.export_button.setEnabled(bool(self.analysis and self.analysis.problems) or
                                      bool(self.result and self.result.problems))  # fmt: skip
        self.choose_button.setEnabled(not self.is_busy())

    def _on_import_clicked(self) -> None:
        if not self.can_import() or self.analysis is None:
            return
        if self.options.mode == "replace":
            answer = QMessageBox.question(self, self.windowTitle(), self.tr(
                "Replace every project in the database with this file's? A backup copy is made first."))  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        analysis, options = self.analysis, dataclasses.replace(self.options)
        self._run(lambda p: self.service.apply(analysis, options, progress=p), self.tr("Importing…"), self._on_imported)
        assert self.operation is not None
        self.operation.cancelled(self._on_import_cancelled)

    def _on_imported(self, result: ImportResult) -> None:
        self.result = result
        if result.written and result.change is not None:
            name = self.path.name if self.path else ""
            command = ImportCommand(self.service, result, self.events, self.tr("Import %1").replace("%1", name),
                                    window=self.parentWidget() or self, stack=self.undo_stack)  # fmt: skip
            self.undo_stack.push(command)
            command.announce()
            self._remember()
        text = self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 monthly record(s).")
        for i, n in enumerate((result.added, result.updated, result.unchanged, result.investment_records), 1):
            text = text.replace(f"%{i}", str(n))
        if result.problems:
            text += " " + self.tr("%1 row problem(s) skipped (listed below).").replace("%1", str(len(result.problems)))
        if result.backup is not None:
            text += " " + self.tr("Backup: %1").replace("%1", str(result.backup))
        text += " " + self.tr("Undo with Edit › Undo (Ctrl+Z).")
        self.counts_label.setText(text)
        self.close_button.setText(self.tr("Done"))
        self._update_buttons()
        self.imported.emit(result)

    def _remember(self) -> None:
        if not self.remember_check.isChecked() or self.analysis is None:
            return
        for sa in self.analysis.sheets:
            mapping = self.options.mappings.get(sa.name)
            if sa.name in self.corrected and mapping is not None:
                header_row = mapping.header_row if mapping.header_row is not None else sa.layout.header_row
                key = sa.fingerprint or self.service.key_for(sa.raw, header_row, sa.layout.header_rows)
                self.service.remember(key, mapping)

    def _on_import_cancelled(self) -> None:
        self._show_error(self.tr("Import cancelled: nothing was written."))

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, WorkbookRefused):
            self._show_error(exc.message(self.lang))
        elif isinstance(exc, DomainError):
            self._show_error(exc.message(self.lang) if hasattr(exc, "message") else str(exc))
        else:
            self._show_error(self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}"))
        self._update_buttons()
        if self._pending:
            self._analyse()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- problems, files ---------------------------------------------------------------------------
    def _on_problem_activated(self, item: QTreeWidgetItem) -> None:
        sheet, row, letter = item.text(0), int(item.text(1)), item.text(2)
        names = [self.sheet_combo.itemData(i) for i in range(self.sheet_combo.count())]
        if sheet in names:
            self.sheet_combo.setCurrentIndex(names.index(sheet))
        sa = self.current_sheet()
        if sa is None:
            return
        source_row = row - 1 - sa.raw.row_offset
        source_col = next((c for c in range(1, self.model.columnCount()) if
                           self.model.header_text(c).startswith(letter + " ") or self.model.header_text(c) == letter), 0)  # fmt: skip
        index = self.proxy.mapFromSource(self.model.index(source_row, source_col))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_export_clicked(self) -> None:
        problems = (self.result.problems if self.result else None) or (self.analysis.problems if self.analysis else [])
        default = (self.path.with_name(self.path.stem + "-problems.xlsx")) if self.path else Path("problems.xlsx")
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export problems"), str(default), "*.xlsx")
        if target:
            self.export_problems(Path(target), problems)

    def export_problems(self, target: Path, problems) -> Path:
        from zqtracker.io.problems_xlsx import write_problems

        return write_problems(target, problems, source=self.path.name if self.path else "", lang=self.lang)

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import spreadsheet"), "",
                                              self.tr("Spreadsheets") + f" ({FILE_FILTER})")  # fmt: skip
        if name:
            self.open_path(Path(name))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files and not self.is_busy():
            self.open_path(Path(files[0]))
            event.acceptProposedAction()
