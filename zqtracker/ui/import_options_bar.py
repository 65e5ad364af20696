"""The import dialog's row of choices: which sheet is shown and whether it is imported, its
header row, the unit of amounts that name none, the import's mode, and which rows the preview shows.

A widget of its own: it says what the user chose in signals the dialog turns into import options
(ui/import_corrections.py), and shows the sheet the dialog hands it without echoing that back. A sheet
that could not be read is listed so, its reason as the tooltip; one the import would take unnamed is
ticked until the user unticks it (the import waits for that: services/import_unreadable.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from zqtracker.domain.money import Unit
from zqtracker.domain.words import APP
from zqtracker.io.layout import MONTHLY, PROJECTS
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.ui.flow_layout import FlowLayout


class ImportOptionsBar(QWidget):
    sheet_chosen = Signal()  # another sheet is to be shown
    import_sheet_toggled = Signal(bool)
    header_row_chosen = Signal(int)  # the sheet's 0-based row
    unit_chosen = Signal(object)  # Unit, or None: not chosen
    mode_chosen = Signal(str)  # "merge", "append" or "replace"
    show_mode_chosen = Signal(int)  # all rows, rows with problems, rows that change

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang  # the unit's words; the dialog changes it when the interface's language does
        self.sheet_combo = QComboBox()
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.setMinimumContentsLength(16)
        self.import_sheet_check = QCheckBox()
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 100)
        self.unit_combo = QComboBox()
        for unit in (None, Unit.YUAN, Unit.WAN, Unit.YI):
            self.unit_combo.addItem("", unit)
        self.mode_combo = QComboBox()
        for mode in ("merge", "append", "replace"):
            self.mode_combo.addItem("", mode)
        self.show_combo = QComboBox()
        self.show_combo.addItems(["", "", ""])
        self.show_label = QLabel()
        for combo in (self.unit_combo, self.mode_combo, self.show_combo):  # sized again on a language switch
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        shown = QWidget()  # "Show: [All rows]" stays together
        pair = QHBoxLayout(shown)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.show_label)
        pair.addWidget(self.show_combo)
        row = FlowLayout(self)  # wraps on a small screen (an 800-px one), every combo box as wide as its text
        for w in (self.sheet_combo, self.import_sheet_check, self.header_spin, self.unit_combo, self.mode_combo, shown):
            row.addWidget(w)
        self._retranslate()
        self._connect_signals()

    def _retranslate(self) -> None:
        """Every word in the interface's language (again on a live switch: the choices stay)."""
        self.import_sheet_check.setText(self.tr("Import this sheet"))
        self.header_spin.setPrefix(self.tr("Header row: "))
        self.unit_combo.setItemText(0, self.tr("Amounts without a unit: choose…"))
        in_unit = self.tr("Amounts without a unit are in %1")
        for i, unit in enumerate((Unit.YUAN, Unit.WAN, Unit.YI), 1):
            self.unit_combo.setItemText(i, in_unit.replace("%1", unit.label(self.lang)))
        modes = (
            self.tr("Merge: add new, update changed"),
            self.tr("Append: new only"),
            self.tr("Replace every project (after a backup)"),
        )
        for i, text in enumerate(modes):
            self.mode_combo.setItemText(i, text)
        for i, text in enumerate((self.tr("All rows"), self.tr("Rows with problems"), self.tr("Rows that change"))):
            self.show_combo.setItemText(i, text)
        self.show_label.setText(self.tr("Show:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.sheet_combo.currentIndexChanged.connect(self.sheet_chosen)
        self.import_sheet_check.toggled.connect(self.import_sheet_toggled)
        self.header_spin.editingFinished.connect(lambda: self.header_row_chosen.emit(self.header_spin.value() - 1))
        self.unit_combo.currentIndexChanged.connect(self._on_unit_changed)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self.mode_chosen.emit(self.mode()))
        self.show_combo.currentIndexChanged.connect(self.show_mode_chosen)

    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def sheet_name(self) -> str | None:
        return self.sheet_combo.currentData()

    def set_sheets(self, analysis: ImportAnalysis) -> None:
        """The analysed sheets with what each holds; the one shown stays if it is still there,
        else the first imported one (quietly: the dialog shows it)."""
        current = self.sheet_combo.currentData()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sa in analysis.sheets:
            kind = {PROJECTS: self.tr("projects"), MONTHLY: self.tr("monthly investment")}.get(
                sa.layout.kind, self.tr("not recognised")
            )
            if sa.reason == "unreadable":
                kind = self.tr("cannot be read")
            self.sheet_combo.addItem(f"{sa.name} — {kind}", sa.name)
            if sa.raw.error is not None:  # why, in the list itself (the same sentence as the notes')
                tip = sa.raw.error.message(self.lang, APP)
                self.sheet_combo.setItemData(self.sheet_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        names = [sa.name for sa in analysis.sheets]
        first = next((sa.name for sa in analysis.sheets if sa.selected), names[0] if names else None)
        self.sheet_combo.setCurrentIndex(
            names.index(current) if current in names else names.index(first) if first else 0
        )
        self.sheet_combo.blockSignals(False)

    def select_sheet(self, name: str) -> None:
        names = [self.sheet_combo.itemData(i) for i in range(self.sheet_combo.count())]
        if name in names:
            self.sheet_combo.setCurrentIndex(names.index(name))

    def show_sheet(self, sa: SheetAnalysis | None, unread_ticked: bool | None = None) -> None:
        """Whether ``sa`` is imported and its header row (quietly); ``unread_ticked``: ``sa`` could not be read and
        the import would take it unnamed — whether the user has left it ticked (ui/import_corrections.py)."""
        for w in (self.import_sheet_check, self.header_spin):
            w.blockSignals(True)
        unread = bool(sa and sa.reason == "unreadable")
        self.import_sheet_check.setChecked(bool(sa and sa.selected) or bool(unread_ticked))
        self.import_sheet_check.setEnabled(bool(sa and sa.layout.kind != "unknown") or unread_ticked is not None)
        self.header_spin.setEnabled(not unread)  # (no rows to take a header from)
        self.header_spin.setValue((sa.layout.header_row + 1) if sa and sa.layout.header_row >= 0 else 1)
        for w in (self.import_sheet_check, self.header_spin):
            w.blockSignals(False)

    def show_unit(self, analysis: ImportAnalysis | None, chosen: Unit | None) -> None:
        """The unit of amounts that state none, asked while some wait for it (pointed at), or a list in English
        states none, and shown once chosen; never asked of a file whose amounts all state theirs (a header's
        （万元）, a title line's 单位：万元: probe40c). No analysis: a new file's, nothing chosen (quietly)."""
        if analysis is None:
            self.unit_combo.blockSignals(True)
            self.unit_combo.setCurrentIndex(0)
            self.unit_combo.blockSignals(False)
        plans = [(sa.layout, sa.plan) for sa in analysis.selected if sa.plan is not None] if analysis else []
        english = any((c.currency or layout.unit_currency) is None for layout, plan in plans for c in plan.foreign)
        waiting = bool(analysis is not None and analysis.needs_unit and chosen is None)
        self.unit_combo.setVisible(waiting or english or chosen is not None)
        self.unit_combo.setStyleSheet("QComboBox { border: 2px solid #c62828; }" if waiting else "")

    def _on_unit_changed(self, _index: int) -> None:
        data = self.unit_combo.currentData()  # Qt hands a StrEnum back as its plain string
        self.unit_chosen.emit(Unit(data) if data else None)
