"""Tools › Monthly round: a month's round at a glance — each district's state (not sent, sent,
returned on DATE, imported, late by N days) and counts — with its four steps: create the
workbooks, collect returns, write reminders, close the month (and reopen it: a return refused as
late, a correction the month must take). The work is services/rounds.py's.
Not modal: a live language switch re-words it (and the workbooks' language, when it follows the
interface's)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import DomainError
from zqtracker.domain.months import calendar_text
from zqtracker.domain.rounds import DistrictState, Period, Round
from zqtracker.services.context import AppContext
from zqtracker.services.round_words import reminder_text
from zqtracker.services.rounds import CreateResult, RoundService
from zqtracker.ui.collation import by_pinyin
from zqtracker.ui.events import DataEvents
from zqtracker.ui.operations import Operation
from zqtracker.ui.round_model import RoundModel
from zqtracker.ui.translations import ui_lang


class RoundView(QDialog):
    round_changed = Signal()

    def __init__(self, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, parent: QWidget | None = None,
                 *, lang: str = "en", book_lang: str | None = None, today: date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.events, self.undo_stack, self.lang = ctx, events, undo_stack, lang
        self.book_lang = book_lang or lang  # the workbooks' language: "Printouts and workbooks in"
        self._book_follows = book_lang is None  # ... or the interface's, switched with it
        self._ui_lang = ui_lang()  # the interface's language: when it changes, the view follows
        self.today = today
        self.service = RoundService(ctx.database)
        self.round: Round | None = None
        self._op: Operation | None = None
        self._dialogs: list[QDialog] = []
        self.resize(900, 520)
        self.month = QComboBox()
        self.new_month = QDateEdit()
        self.new_month.setDisplayFormat("yyyy-MM")
        self.new_month.setCalendarPopup(False)
        self.create_button, self.collect_button = QPushButton(), QPushButton()
        self.remind_button, self.close_button = QPushButton(), QPushButton()
        self.reopen_button = QPushButton()  # shown for a closed month, where the close button is
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RoundModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        self.month_label = QLabel()
        top.addWidget(self.month_label)
        top.addWidget(self.month, 1)
        self.new_label = QLabel()
        top.addWidget(self.new_label)
        top.addWidget(self.new_month)
        top.addWidget(self.create_button)
        steps = QHBoxLayout()
        steps.addWidget(self.collect_button)
        steps.addWidget(self.remind_button)
        steps.addWidget(self.close_button)
        steps.addWidget(self.reopen_button)
        steps.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(steps)
        layout.addWidget(buttons)
        self._retranslate()
        self._connect_signals()
        self._fill_months()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Monthly round"))
        self.create_button.setText(self.tr("Create workbooks…"))
        self.collect_button.setText(self.tr("Collect returns…"))
        self.remind_button.setText(self.tr("Reminders…"))
        self.close_button.setText(self.tr("Close the month…"))
        self.reopen_button.setText(self.tr("Reopen the month…"))
        self.month_label.setText(self.tr("Round:"))
        self.new_label.setText(self.tr("New round for"))

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: the words, the months' names (the one chosen stays), the table
        and the summary; the returns open from here follow on their own."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if ui_lang() != self._ui_lang:  # once, though the window and the application both send it
                self._ui_lang = self.lang = ui_lang()
                self.book_lang = self.lang if self._book_follows else self.book_lang
                for i in range(self.month.count()):
                    self.month.setItemText(i, self.month.itemData(i).label(self.lang))
                self.refresh()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.month.currentIndexChanged.connect(self._on_month_chosen)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.collect_button.clicked.connect(self._on_collect_clicked)
        self.remind_button.clicked.connect(self._on_remind_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        self.events.investment_changed.connect(self.refresh)
        # Methods, not lambdas: Qt drops a method's connection when the view is deleted on close
        # (a lambda's outlived it and refreshed a deleted view at the next change of projects).
        self.events.projects_changed.connect(self._on_projects_changed)

    # -- showing ---------------------------------------------------------------------------
    def _fill_months(self, chosen: Period | None = None) -> None:
        periods = self.service.rounds()
        self.month.blockSignals(True)
        self.month.clear()
        for p in periods:
            self.month.addItem(p.label(self.lang), p)
        self.month.blockSignals(False)
        if chosen is not None and chosen in periods:
            self.month.setCurrentIndex(periods.index(chosen))
        suggestion = self._suggested_month(periods)
        from PySide6.QtCore import QDate

        self.new_month.setDate(QDate(suggestion.year, suggestion.month, 1))
        self.refresh()

    def _suggested_month(self, periods: list[Period]) -> Period:
        """The month after the latest round, else the month after the latest with records."""
        if periods:
            return max(periods).next()
        latest = self.ctx.statistics.latest_period()
        if latest is not None:
            return Period(latest.year, latest.month).next()
        today = self.today or date.today()
        return Period(today.year, today.month)

    def current_period(self) -> Period | None:
        data = self.month.currentData()
        return data if isinstance(data, Period) else None

    def _on_projects_changed(self, _ids: object) -> None:
        self.refresh()

    def _on_month_chosen(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        period = self.current_period()
        self.round = self.service.status(period, self.today) if period is not None else None
        rnd = self.round
        self.model.set_rows(by_pinyin(rnd.districts, key=lambda d: d.district) if rnd else [])
        closed = rnd is not None and rnd.closed_at is not None
        for b in (self.collect_button, self.remind_button, self.close_button):
            b.setEnabled(rnd is not None and not closed)
        writable = not self.ctx.database.read_only  # a read-only database: look, never change
        self.close_button.setEnabled(self.close_button.isEnabled() and writable)
        self.close_button.setVisible(not closed)
        self.reopen_button.setVisible(closed)
        self.reopen_button.setEnabled(closed and writable)
        if rnd is None:
            self.summary.setText(self.tr("No round yet: choose a month and create the workbooks."))
            return
        counts = {s: sum(1 for d in rnd.districts if d.state is s) for s in DistrictState}
        late = sum(1 for d in rnd.districts if d.late_days > 0)
        text = (
            self.tr("Due %1. %2 district(s): %3 imported, %4 returned, %5 sent, %6 not sent; %7 late.")
            .replace("%1", rnd.due_on.isoformat())
            .replace("%2", str(len(rnd.districts)))
            .replace("%3", str(counts[DistrictState.IMPORTED]))
            .replace("%4", str(counts[DistrictState.RETURNED]))
            .replace("%5", str(counts[DistrictState.SENT]))
            .replace("%6", str(counts[DistrictState.NOT_SENT]))
            .replace("%7", str(late))
        )
        if rnd.closed_at is not None:
            text += " " + self.tr("Closed on %1: the month's figures are frozen.").replace(
                "%1", rnd.closed_at.date().isoformat()
            )
        if rnd.folder:
            text += "\n" + self.tr("Workbooks in %1").replace("%1", rnd.folder)
        self.summary.setText(text)

    # -- create ----------------------------------------------------------------------------
    def _on_create_clicked(self) -> None:
        d = self.new_month.date()
        period = Period(d.year(), d.month())
        districts = self.choose_districts(period)
        if not districts:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the round's workbooks"))
        if folder:
            self.create_round(period, Path(folder), districts)

    def choose_districts(self, period: Period) -> list[str]:
        """A list of the districts with projects, all ticked; the ticked ones."""
        names = by_pinyin(self.service.district_names())
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Districts for %1").replace("%1", period.label(self.lang)))
        prompt = QLabel(
            self.tr(
                "Each ticked district gets a workbook of its projects for %1 to fill in and send back. "
                "Untick a district to leave it out of this round. Next you choose the folder the "
                "workbooks are written to."
            ).replace("%1", period.label(self.lang)),
            dialog,
        )
        prompt.setObjectName("districts_prompt")
        prompt.setWordWrap(True)
        box = QListWidget(dialog)
        for name in names:
            item = QListWidgetItem(name)
            item.setCheckState(Qt.CheckState.Checked)
            box.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(prompt)
        layout.addWidget(box)
        layout.addWidget(buttons)
        dialog.resize(460, dialog.sizeHint().height())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return []
        return [box.item(i).text() for i in range(box.count()) if box.item(i).checkState() == Qt.CheckState.Checked]

    def create_round(self, period: Period, folder: Path, districts: list[str]) -> None:
        lang = self.book_lang

        def done(_made: CreateResult) -> None:
            self._fill_months(period)
            self.round_changed.emit()

        self._op = (
            Operation(
                self,
                lambda progress: self.service.create(period, folder, districts=districts, lang=lang, progress=progress),
                title=lambda: self.tr("Writing the workbooks…"),
            )
            .success(done)
            .failure(self._show_error)
            .run_in_background()
        )

    # -- collect ---------------------------------------------------------------------------
    def _on_collect_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Returned workbooks"),
            self.round.folder if self.round else "",
            self.tr("Workbooks (*.xlsx *.xlsm *.xls *.ods)"),
        )
        for f in files:
            self.collect(Path(f))

    def collect(self, path: Path) -> QDialog:
        from zqtracker.ui.round_return import ReturnDialog

        dialog = ReturnDialog(self.ctx, self.events, self.undo_stack, path, self, lang=self.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.show()
        dialog.start()
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        return dialog

    # -- remind ----------------------------------------------------------------------------
    def reminder(self, period: Period | None = None) -> str:
        """Who still owes ``period``'s return (default: the month shown), in the interface's language."""
        period = period or self.current_period()
        if period is None:
            return ""
        rnd = self.round if self.round is not None and self.round.period == period else None
        due = (rnd or self.service.status(period, self.today)).due_on
        shown = calendar_text("day_numbers", self.lang, month=due.month, year=due.year, day=due.day)
        return reminder_text(period, shown, self.service.reminders(period, self.today), self.lang)

    def _on_remind_clicked(self) -> None:
        from zqtracker.ui.round_reminders import RemindersDialog

        period = self.current_period()
        if period is None:
            return
        dialog = RemindersDialog(lambda: self.reminder(period), self)
        dialog.save_requested.connect(lambda: self._save_reminders(period))
        dialog.show()
        self._dialogs.append(dialog)

    def _save_reminders(self, period: Period) -> None:
        """Suggested beside the round's workbooks (else in the home folder, never the folder the app
        was started in), named in the list's language."""
        folder = Path(self.round.folder) if self.round is not None and self.round.folder else Path.home()
        name = self.tr("reminders-%1.xlsx").replace("%1", str(period))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the reminder list"), str(folder / name), self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.service.write_reminders(path, period, self.service.reminders(period, self.today), self.lang)

    # -- close -----------------------------------------------------------------------------
    def _on_close_clicked(self) -> None:
        period, rnd = self.current_period(), self.round
        if period is None or rnd is None:
            return
        owing = [d.district for d in rnd.districts if d.state is not DistrictState.IMPORTED]
        text = self.tr(
            "Close %1? Its figures are frozen: reports and the dashboard of that month show them "
            "as they are now, and later corrections are listed in the next month's report."
        )
        text = text.replace("%1", period.label(self.lang))
        if owing:
            text += "\n\n" + self.tr("Not imported yet: %1").replace("%1", self.tr(", ").join(owing))
        answer = QMessageBox.question(self, self.tr("Close the month"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.close_month(period)

    def close_month(self, period: Period) -> None:
        self.service.close(period)
        self.events.investment_changed.emit()
        self.refresh()
        self.round_changed.emit()

    def _on_reopen_clicked(self) -> None:
        period, rnd = self.current_period(), self.round
        if period is None or rnd is None or rnd.closed_at is None:
            return
        text = self.tr(
            "Reopen %1? Its frozen figures are dropped: reports and the dashboard of that month show the "
            "figures on record again, and returns can be collected. Close it again when they are in."
        ).replace("%1", period.label(self.lang))
        answer = QMessageBox.question(self, self.tr("Reopen the month"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.reopen_month(period)

    def reopen_month(self, period: Period) -> None:
        """As ``zqtracker round close MONTH --reopen``; a refusal (not closed meanwhile, the server's) said."""
        try:
            self.service.reopen(period)
        except DomainError as exc:
            self._show_error(exc)
        self.events.investment_changed.emit()
        self.refresh()
        self.round_changed.emit()

    def _show_error(self, exc: BaseException) -> None:
        message = exc.message(self.lang) if hasattr(exc, "message") else str(exc)
        QMessageBox.warning(self, self.tr("Monthly round"), message)
