"""The import dialog's list of problems: the counts line (what the import would do, then did),
every problem with its sheet, row, column, value and reason, and the way to export them for the
district to correct.

A widget of its own: it shows what it is given and says which problem the user activated
(:attr:`problem_activated`) or that they asked for the list as a workbook
(:attr:`export_requested`); the dialog decides what those mean.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.words import APP
from zqtracker.io.errors import CellProblem
from zqtracker.services.import_meanwhile import meanwhile_note
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.importing import ImportResult
from zqtracker.ui.import_backup_line import BackupLine
from zqtracker.ui.import_figures_only import figures_only_count

SHOWN = 5000  # more are in the exported workbook


class ProblemList(QWidget):
    problem_activated = Signal(str, int, str)  # sheet, row (1-based), column letter
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)  # a long line never widens the dialog
        self.backup_line = BackupLine()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton()
        self._retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.counts_label, 1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        layout.addWidget(self.backup_line)
        layout.addWidget(self.tree)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.export_button.clicked.connect(self.export_requested)

    def _retranslate(self) -> None:
        """The headings and the button in the interface's language (again on a live switch; the
        counts and the problems are the dialog's to show again)."""
        self.tree.setHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        self.export_button.setText(self.tr("Export problems…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def wanted_height(self, rows: int = 8, whole: bool = False) -> int:
        """The height that shows the counts line and up to ``rows`` problems (the dialog shares its height by it);
        ``whole``: the list no shorter than its least, which it takes from the counts line when given less."""
        tree, n = self.tree, self.tree.topLevelItemCount()
        row = tree.sizeHintForRow(0) if n else tree.fontMetrics().height() + 4
        height = tree.header().sizeHint().height() + max(min(n, rows), 1) * row + 2 * tree.frameWidth()
        height = max(height, tree.minimumSizeHint().height()) if whole else height
        width = max(self.counts_label.width(), 400)
        line = max(self.counts_label.heightForWidth(width), self.export_button.sizeHint().height())
        spacing = layout.spacing() if (layout := self.layout()) is not None else 0
        if self.backup_line.isVisibleTo(self):
            height += self.backup_line.sizeHint().height() + spacing
        return height + line + spacing

    def show_counts(self, a: ImportAnalysis) -> None:
        """What the import would do, in numbers (rows writing figures only counted in Unchanged, as the CLI does)."""
        self.backup_line.show_path("")
        text = self.tr("New %1 · Updated %2 · Unchanged %3 · Invalid rows %4 · Monthly records %5 (%6 unchanged)")
        unchanged = str(a.unchanged)
        if n_figures := figures_only_count(a):
            unchanged += self.tr(" (figures updated: %1)").replace("%1", str(n_figures))
        for i, n in enumerate((a.added, a.updated, unchanged, a.invalid_rows, len(a.records), a.records_unchanged), 1):
            text = text.replace(f"%{i}", str(n))
        new_refs = [*(n for n, _ in a.new_sectors), *a.new_districts]
        if new_refs:
            text += " · " + self.tr("New sectors/districts: %1").replace("%1", "、".join(new_refs[:8]))
        self.counts_label.setText(text)

    def show_result(self, result: ImportResult, analysis: ImportAnalysis | None = None, lang: str = "en") -> None:
        """What the import did (``analysis``: what it was, for the rows writing figures only; the sectors,
        districts and enterprises a colleague added meanwhile, used as they are, in ``lang``), how to undo it,
        and where the backup is (a line of its own: the path elided, copied with a button)."""
        text = self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 monthly record(s).")
        for i, n in enumerate((result.added, result.updated, result.unchanged, result.investment_records), 1):
            text = text.replace(f"%{i}", str(n))
        if n_figures := figures_only_count(analysis):
            said = self.tr("%1 of the unchanged had figures written (figures updated).")
            text += " " + said.replace("%1", str(n_figures))
        if result.problems:
            text += " " + self.tr("%1 row problem(s) skipped (listed below).").replace("%1", str(len(result.problems)))
        if result.added_meanwhile is not None:
            text += " " + meanwhile_note(result.added_meanwhile).message(lang, APP)
        text += " " + self.tr("Undo with Edit › Undo (Ctrl+Z).")
        for warning in result.warnings:  # a write that stands, and what to do before the next (a disk it left full)
            text += " " + warning.message(lang, APP)
        self.counts_label.setText(text)
        self.backup_line.show_path(str(result.backup) if result.backup is not None else "")

    def set_problems(self, problems: Sequence[CellProblem], lang: str) -> None:
        self.tree.clear()
        items = []
        for p in problems[:SHOWN]:
            reason = p.reason(lang, APP)  # a remedy as the dialog offers it, never a flag
            item = QTreeWidgetItem([p.sheet, str(p.row), p.column, p.value, reason])
            item.setToolTip(4, reason)
            items.append(item)
        self.tree.addTopLevelItems(items)

    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        self.problem_activated.emit(item.text(0), int(item.text(1)), item.text(2))
