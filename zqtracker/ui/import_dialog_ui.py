"""The widgets of the import dialog and their layout (ui/import_dialog.py holds the behaviour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from zqtracker.domain.money import Unit
from zqtracker.ui.import_preview import PreviewFilter, PreviewModel

if TYPE_CHECKING:
    from zqtracker.ui.import_dialog import ImportDialog


def build_ui(self: ImportDialog) -> None:
    """Creates the dialog's widgets as attributes of ``self`` and lays them out."""
    self.file_label = QLabel(QCoreApplication.translate("ImportDialog", "Choose a spreadsheet, or drop one here."))
    self.choose_button = QPushButton(QCoreApplication.translate("ImportDialog", "Choose file…"))
    self.notes_label = QLabel()
    self.notes_label.setWordWrap(True)
    self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    self.error_label = QLabel()
    self.error_label.setWordWrap(True)
    self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
    self.sheet_combo = QComboBox()
    self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    self.sheet_combo.setMinimumContentsLength(16)
    self.import_sheet_check = QCheckBox(QCoreApplication.translate("ImportDialog", "Import this sheet"))
    self.header_spin = QSpinBox()
    self.header_spin.setRange(1, 100)
    self.header_spin.setPrefix(QCoreApplication.translate("ImportDialog", "Header row: "))
    self.unit_combo = QComboBox()
    self.unit_combo.addItem(QCoreApplication.translate("ImportDialog", "Amounts without a unit: choose…"), None)
    for unit in (Unit.YUAN, Unit.WAN, Unit.YI):
        self.unit_combo.addItem(
            QCoreApplication.translate("ImportDialog", "Amounts without a unit are in %1").replace(
                "%1", unit.label(self.lang)
            ),
            unit,
        )
    self.mode_combo = QComboBox()
    for mode, text in (("merge", QCoreApplication.translate("ImportDialog", "Merge: add new, update changed")), ("append", QCoreApplication.translate("ImportDialog", "Append: new only")),
                       ("replace", QCoreApplication.translate("ImportDialog", "Replace every project (after a backup)"))):  # fmt: skip
        self.mode_combo.addItem(text, mode)
    self.show_combo = QComboBox()
    self.show_combo.addItems(
        [
            QCoreApplication.translate("ImportDialog", "All rows"),
            QCoreApplication.translate("ImportDialog", "Rows with problems"),
            QCoreApplication.translate("ImportDialog", "Rows that change"),
        ]
    )
    self.model = PreviewModel(self)
    self.proxy = PreviewFilter(self)
    self.proxy.setSourceModel(self.model)
    self.table = QTableView()
    self.table.setModel(self.proxy)
    self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    self.table.setWordWrap(False)
    self.table.verticalHeader().setDefaultSectionSize(22)
    header = self.table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumHeight(44)
    self.counts_label = QLabel()
    self.problems = QTreeWidget()
    self.problems.setHeaderLabels([QCoreApplication.translate("ImportDialog", "Sheet"), QCoreApplication.translate("ImportDialog", "Row"), QCoreApplication.translate("ImportDialog", "Column"), QCoreApplication.translate("ImportDialog", "Value"),
                                   QCoreApplication.translate("ImportDialog", "Problem")])  # fmt: skip
    self.problems.setRootIsDecorated(False)
    self.problems.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
    self.export_button = QPushButton(QCoreApplication.translate("ImportDialog", "Export problems…"))
    self.skip_check = QCheckBox(QCoreApplication.translate("ImportDialog", "Skip invalid rows (import the valid ones)"))
    self.remember_check = QCheckBox(
        QCoreApplication.translate("ImportDialog", "Remember my column choices for files with these headers")
    )
    self.remember_check.setChecked(True)
    self.buttons = QDialogButtonBox()
    self.import_button = self.buttons.addButton(
        QCoreApplication.translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
    self.import_button.setDefault(True)

    top = QHBoxLayout()
    top.addWidget(self.file_label, 1)
    top.addWidget(self.choose_button)
    options = QHBoxLayout()
    for w in (self.sheet_combo, self.import_sheet_check, self.header_spin, self.unit_combo, self.mode_combo):
        options.addWidget(w)
    options.addStretch(1)
    options.addWidget(QLabel(QCoreApplication.translate("ImportDialog", "Show:")))
    options.addWidget(self.show_combo)
    lower = QWidget()
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 0, 0, 0)
    problems_bar = QHBoxLayout()
    problems_bar.addWidget(self.counts_label, 1)
    problems_bar.addWidget(self.export_button)
    lower_layout.addLayout(problems_bar)
    lower_layout.addWidget(self.problems)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(self.table)
    splitter.addWidget(lower)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    bottom = QHBoxLayout()
    bottom.addWidget(self.skip_check)
    bottom.addWidget(self.remember_check)
    bottom.addStretch(1)
    bottom.addWidget(self.buttons)
    layout = QVBoxLayout(self)
    layout.addLayout(top)
    layout.addWidget(self.notes_label)
    layout.addWidget(self.error_label)
    layout.addLayout(options)
    layout.addWidget(splitter, 1)
    layout.addLayout(bottom)
