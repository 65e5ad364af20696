"""A district's returned workbook before it is imported: what changes, what is new, what looks
implausible (each finding accepted with a note or sent back), then Import (undone as one step).

The work is services/round_collect.py's; reading and analysing run through ui/operations.py.
Not modal: a live language switch re-words it and analyses the return again in the new language
(the decisions taken stay).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.round_checks import Finding
from zqtracker.domain.words import APP
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportResult
from zqtracker.services.round_again import collected_text
from zqtracker.services.round_collect import ACCEPTED, SENT_BACK, DistrictReturn, RoundCollector
from zqtracker.services.round_differences import differences
from zqtracker.services.round_rows import missing_text, redone
from zqtracker.services.round_words import finding_text, money
from zqtracker.ui.events import DataEvents
from zqtracker.ui.link_questions import LinkQuestions
from zqtracker.ui.operations import Operation
from zqtracker.ui.translations import ui_lang

_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ReturnDialog(QDialog):
    imported = Signal(object)  # ImportResult
    not_a_return = Signal(object)  # Path: the file is an ordinary list (the window imports it instead)

    def __init__(self, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, path: Path,
                 parent: QWidget | None = None, *, lang: str = "en") -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.events, self.undo_stack, self.path, self.lang = ctx, events, undo_stack, path, lang
        self.collector = RoundCollector(ctx.database)
        self.ret: DistrictReturn | None = None
        self._op: Operation | None = None
        self._ui_lang = ui_lang()  # the interface's language: when it changes, the dialog follows
        self._analysed_in = lang  # the language the return's analysis is worded in
        self._failure: BaseException | None = None  # what the heading says went wrong
        self.resize(1100, 720)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel()
        self.links = LinkQuestions()  # a new project's near name, a stored project's code: which is it?
        self.changes = QTreeWidget()
        self.changes.setRootIsDecorated(False)
        self.changes.setAlternatingRowColors(True)
        self.findings = QTreeWidget()
        self.findings.setRootIsDecorated(False)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.accept_button, self.send_back_button, self.save_checks_button = QPushButton(), QPushButton(), QPushButton()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        # A return that changes figures on record is imported only once this is ticked (the command
        # line's --again): a corrected return — or last month's workbook filled in again.
        self.again_box = QCheckBox()
        self.again_box.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.links)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.changes)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_label = QLabel()
        lower_layout.addWidget(self.findings_label)
        lower_layout.addWidget(self.findings)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.send_back_button)
        row.addStretch(1)
        row.addWidget(self.save_checks_button)
        lower_layout.addLayout(row)
        split.addWidget(lower)
        split.setSizes([420, 220])
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.again_box)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._set_headers()
        self._retranslate()

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.send_back_button.clicked.connect(self._on_send_back_clicked)
        self.save_checks_button.clicked.connect(self._on_save_checks_clicked)
        self.findings.itemSelectionChanged.connect(self._update_buttons)
        self.again_box.toggled.connect(self._update_buttons)
        self.links.link_chosen.connect(self._on_link_chosen)

    def _set_headers(self) -> None:
        self.changes.setColumnCount(7)
        self.findings.setColumnCount(4)
        for tree in (self.changes, self.findings):
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(True)
        self.findings.header().setStretchLastSection(False)
        self.findings.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.setWordWrap(True)

    def _retranslate(self) -> None:
        """The fixed words in the interface's language (again on a live switch)."""
        if self.ret is None or self.ret.analysis is None:
            self.setWindowTitle(self.tr("Returned workbook"))
        if self.ret is None and self._failure is None:
            self.heading.setText(self.tr("Reading “%1”…").replace("%1", self.path.name))
        self.accept_button.setText(self.tr("Accept with a note…"))
        self.send_back_button.setText(self.tr("Send back"))
        self.save_checks_button.setText(self.tr("Save the checks as .xlsx…"))
        self.again_box.setText(self.tr("Replace the figures on record with this return's (a corrected return)"))
        self.import_button.setText(self.tr("Import"))
        self.findings_label.setText(self.tr("Plausibility checks"))
        self.changes.setHeaderLabels([self.tr("Row"), self.tr("Project"), self.tr("Status"),
                                      self.tr("This month"), self.tr("Cumulative"), self.tr("Progress"),
                                      self.tr("Checks")])  # fmt: skip
        self.findings.setHeaderLabels([self.tr("Row"), self.tr("Project"), self.tr("Finding"), self.tr("Decision")])

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: the words, then the return analysed again in the new language
        (once the reading or analysis running then ends; a failure is said again). A closed window is not
        analysed again: its database may be gone (another database opened since)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if ui_lang() != self._ui_lang:  # once, though the window and the application both send it
                self._ui_lang = self.lang = ui_lang()
                if self._failure is not None:
                    self._show_failure(self._failure)
                elif self.ret is not None and self.ret.analysis is not None and not self._busy() and self.isVisible():
                    self.analyse_again()
        super().changeEvent(event)

    def _busy(self) -> bool:
        return self._op is not None and not self._op.done

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        """Read, recognise and analyse the file in the background."""
        lang = self._analysed_in = self.lang

        def work(progress):
            ret = self.collector.read(self.path, progress=progress)
            return ret if ret.collected_on else self.collector.analyse(ret, lang=lang, progress=progress)

        self._op = (
            Operation(self, work, title=lambda: self.tr("Reading the return…"))
            .success(self._on_analysed)
            .failure(self._on_failed)
            .run_in_background()
        )

    def _on_analysed(self, ret: DistrictReturn) -> None:
        self.ret = ret
        if ret.collected_on is not None:  # the same return collected before: one line, nothing to import
            self.heading.setText(collected_text(ret, self.lang))
            return
        self.collector.receive(ret)
        if self._analysed_in != self.lang:  # the language changed while it was read
            self.collector.analyse(ret, lang=self.lang)
        self._show()

    def _on_failed(self, exc: BaseException) -> None:
        code = getattr(getattr(exc, "problem", None), "code", None)
        if code == "round_not_a_return":
            self.not_a_return.emit(self.path)
            self.reject()
            return
        self._failure = exc
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        self.heading.setText(exc.message(self.lang) if hasattr(exc, "message") else str(exc))
        self.heading.setStyleSheet("color: #C00000;")
        self.import_button.setEnabled(False)

    def analyse_again(self) -> None:
        assert self.ret is not None
        self.collector.analyse(self.ret, lang=self.lang)
        self._show()

    def _on_link_chosen(self, _sheet: str, row: int, pid: int) -> None:
        """A row of the new-projects sheet is the stored project ``pid``, or a new one (0): as
        round collect --link ROW=… says it; the return is analysed again (-1: not answered yet)."""
        if self.ret is None or self._busy():
            return
        if pid < 0:
            self.ret.links.pop(row, None)
        else:
            self.ret.links[row] = pid
        QTimer.singleShot(0, self.analyse_again)  # after the combo's signal: showing again replaces it

    # -- showing ---------------------------------------------------------------------------
    def _show(self) -> None:
        ret = self.ret
        assert ret is not None and ret.analysis is not None
        self._failure = None
        lang, unit, period = self.lang, ret.meta.unit, ret.period
        self.setWindowTitle(self.tr("Return of %1 — %2").replace("%1", ret.district).replace("%2", period.label(lang)))
        heading = self.tr("%1, %2 — %3").replace("%1", ret.district).replace("%2", period.label(lang))
        self.heading.setText(heading.replace("%3", ret.path.name))
        self.heading.setStyleSheet("font-weight: bold;")
        a = ret.analysis
        self.counts.setText(
            self.tr("%1 project(s) updated, %2 new, %3 monthly figure(s); %4 undecided finding(s)")
            .replace("%1", str(a.updated))
            .replace("%2", str(a.added))
            .replace("%3", str(len(a.records)))
            .replace("%4", str(len(ret.open_findings)))
        )
        self.links.show_links(a)
        self.changes.clear()
        red, grey = QBrush(QColor("#C00000")), QBrush(QColor("#808080"))
        for d in differences(ret):
            status = ""
            if d.project_id is None:
                status = self.tr("new project") + (f": {d.status_after.label(lang)}" if d.status_after else "")
            elif d.status_after is not None:
                before = d.status_before.label(lang) if d.status_before else "—"
                status = f"{before} → {d.status_after.label(lang)}"
            month = money(d.month, unit, lang) if d.month is not None else ""
            if d.month is not None and d.month_before is not None and d.month_before != d.month:
                month = f"{money(d.month_before, unit, lang)} → {month}"  # a figure on record changes
            if d.sent_back:
                month = self.tr("sent back")
            checks = "; ".join(finding_text(f, period, unit, lang) for f in d.findings)
            name = f"{d.code} {d.name}" if d.code else d.name
            where = str(d.row) if d.project_id is not None else f"{ret.meta.new_sheet} {d.row}"
            item = QTreeWidgetItem(
                [where, name, status, month, money(d.ytd, unit, lang) if d.ytd else "", d.progress or "", checks]
            )
            for c in range(7):
                if d.findings and not d.sent_back:
                    item.setForeground(6, red)
                if d.sent_back:
                    item.setForeground(c, grey)
            item.setToolTip(6, checks)
            self.changes.addTopLevelItem(item)
        self.findings.clear()
        for f in ret.findings:
            decision = ret.decision(f)
            said = ""
            if decision is not None:
                said = self.tr("accepted") if decision[0] == ACCEPTED else self.tr("sent back")
                if decision[1]:
                    said += f": {decision[1]}"
            item = QTreeWidgetItem([str(f.row), f.name, finding_text(f, period, unit, lang), said])
            item.setData(0, _FINDING_ROLE, f)
            if decision is None:
                item.setForeground(2, red)
            self.findings.addTopLevelItem(item)
        notes = []
        for rep, key, before, now in ret.rows.renamed:
            from zqtracker.domain.messages import field_label

            notes.append(
                self.tr("Row %1: %2 changed to “%3” (was “%4”) — on record, not imported")
                .replace("%1", str(rep.row))
                .replace("%2", field_label(key, lang))
                .replace("%3", now)
                .replace("%4", before)
            )
        for gone in ret.left_out:
            said = (
                self.tr("Row %1: %2 was moved to %3 after the workbook was sent — not imported").replace("%3", gone.now)
                if gone.now is not None
                else self.tr("Row %1: %2 was deleted after the workbook was sent — not imported")
            )
            notes.append(said.replace("%1", str(gone.row.row)).replace("%2", gone.row.name))
        notes += [missing_text(ret, lang)] if ret.missing else []  # rows the district deleted
        notes += [n.message(lang) for n in ret.rows.notes]  # 300万 read as 万元, by the planned investment
        for p in ret.problems:  # what to choose in this window (a row's question above the table)
            notes.append(f"✗ {p.location(lang)}: {p.reason(lang, APP)}")
        changed = redone(ret)
        if changed:
            notes.append(
                self.tr(
                    "⚠ This return changes %1 figure(s) already on record (shown “before → after”). If it is a "
                    "corrected return, tick the box below to import it; if last month's workbook was filled in "
                    "again, ask the district for this month's."
                ).replace("%1", str(changed))
            )
        elif ret.already_imported:
            notes.append(
                self.tr("This district's return was imported before; importing again writes only what differs.")
            )
        self.again_box.setVisible(bool(changed))
        self.notes.setText("\n".join(notes))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ret = self.ret
        ready = ret is not None and ret.analysis is not None and not ret.problems and not ret.open_findings
        ready = ready and (self.again_box.isChecked() or not redone(ret))
        self.import_button.setEnabled(bool(ready))
        chosen = bool(self.findings.selectedItems())
        self.accept_button.setEnabled(chosen)
        self.send_back_button.setEnabled(chosen)
        self.save_checks_button.setEnabled(ret is not None and bool(ret.findings))

    def selected_findings(self) -> list[Finding]:
        return [item.data(0, _FINDING_ROLE) for item in self.findings.selectedItems()]

    # -- deciding and importing ------------------------------------------------------------------
    def decide(self, findings: list[Finding], decision: str, note: str = "") -> None:
        assert self.ret is not None
        for f in findings:
            self.collector.decide(self.ret, f, decision, note)
        self.analyse_again()

    def _on_accept_clicked(self) -> None:
        chosen = self.selected_findings()
        if not chosen:
            return
        note, ok = QInputDialog.getText(self, self.tr("Accept"), self.tr("Note (why the figure stands):"))
        if ok:
            self.decide(chosen, ACCEPTED, note.strip())

    def _on_send_back_clicked(self) -> None:
        chosen = self.selected_findings()
        if chosen:
            self.decide(chosen, SENT_BACK, "")

    def save_checks(self, path: Path) -> None:
        """The findings and decisions as a workbook (to keep, or to send back to the district)."""
        from zqtracker.io.atomic import atomic_target
        from zqtracker.io.round_files import write_table_book
        from zqtracker.services.round_words import findings_table

        assert self.ret is not None
        with atomic_target(path) as tmp:
            write_table_book(tmp, *findings_table([self.ret], self.lang))

    def _on_save_checks_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.ret is None:
            return
        name = f"{self.ret.district}_{self.ret.period}_checks.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the checks"), name, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.save_checks(Path(path))

    def _on_import_clicked(self) -> None:
        ret = self.ret
        if ret is None:
            return
        self.import_button.setEnabled(False)
        self._op = (
            Operation(
                self, lambda progress: self.collector.apply(ret, progress=progress), title=lambda: self.tr("Importing…")
            )
            .success(self._on_imported)
            .failure(self._on_failed)
            .run_in_background()
        )

    def _on_imported(self, result: ImportResult) -> None:
        from zqtracker.ui.import_command import ImportCommand

        if result.change is not None:
            text = self.tr("Import return of %1").replace("%1", self.ret.district if self.ret else "")
            command = ImportCommand(self.collector.imports, result, self.events, text,
                                    window=self.parentWidget() or self, stack=self.undo_stack)  # fmt: skip
            self.undo_stack.push(command)
            command.announce()
        self.imported.emit(result)
        self.accept()
