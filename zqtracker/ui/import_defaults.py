"""The import preview's line of defaults for rows that lack them: "Rows without a district: [端州区]
(from the title) · without a sector: [ ] · New projects without a status: [(from the file)]".

    fields = DefaultFields(lang)
    fields.changed.connect(...)   # (district, sector, status value) the user gave ("" = none given)
    fields.show_defaults(analysis, sheet, (district, sector, status))

The district field starts with what the sheet on show says of itself (its title, its name): a
suggestion, not an answer. Only a district the user typed or chose is sent as theirs (the CLI's
--district, which then holds for every sheet, outranks each sheet's own and answers "whose
projects are these"); setting a sector or a status, or leaving the district field, sends none
(probe26c O23s, O23t, c47). The sector and status fields start empty unless the user gave one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from zqtracker.domain.status import Status
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.ui.flow_layout import FlowLayout


class DefaultFields(QWidget):
    changed = Signal(str, str, str)  # district, sector, status value ("" = none given)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._filling = False
        self._suggested = ""  # the district the sheet says of itself, shown while the user gave none
        self._district_given = False  # the user typed in the district field or chose from it since it was filled
        self.district_combo, self.sector_combo = _editable(), _editable()
        self.status_combo = QComboBox()
        for value in ("", *(status.value for status in Status)):
            self.status_combo.addItem("", value)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.district_source, self.status_source = QLabel(), QLabel()
        self.district_label, self.sector_label, self.status_label = QLabel(), QLabel(), QLabel()
        line = FlowLayout(self, spacing=16)  # the three fields wrap on a small screen, each kept whole
        district = (self.district_label, self.district_combo, self.district_source)
        status = (self.status_label, self.status_combo, self.status_source)
        for group in (district, (self.sector_label, self.sector_combo), status):
            field = QWidget()
            row = QHBoxLayout(field)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in group:
                row.addWidget(widget)
            line.addWidget(field)
        self.retranslate()
        typed = self.district_combo.lineEdit()  # the combo boxes are editable (_editable)
        if typed is not None:
            typed.textEdited.connect(self._on_district_given)  # the user's keys only, never setEditText
        self.district_combo.activated.connect(self._on_district_given)  # (before _on_edited: said first)
        for combo in (self.district_combo, self.sector_combo):
            edit = combo.lineEdit()
            if edit is not None:
                edit.editingFinished.connect(self._on_edited)
            combo.activated.connect(self._on_edited)
        self.status_combo.currentIndexChanged.connect(self._on_edited)

    def retranslate(self) -> None:
        """The fixed words in the interface's language (what is chosen stays)."""
        self.district_label.setText(self.tr("Rows without a district:"))
        self.sector_label.setText(self.tr("without a sector:"))
        self.status_label.setText(self.tr("New projects without a status:"))
        self.status_combo.setItemText(0, self.tr("(from the file)"))
        for i, status in enumerate(Status, 1):
            self.status_combo.setItemText(i, status.label(self.lang))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def source_text(self, source: str) -> str:
        """Where the sheet's own answer was found (a plan's ``*_from``), in the interface's words."""
        texts = {
            "title": self.tr("from the title"),
            "sheet": self.tr("from the sheet's name"),
            "reporter": self.tr("from the 填报单位 line"),
            "user": self.tr("your choice"),
        }
        return texts.get(source, source)

    def show_defaults(
        self, analysis: ImportAnalysis | None, sheet: SheetAnalysis | None, chosen: tuple[str | None, ...]
    ) -> None:
        """The user's choices, else (the district, the status) what ``sheet`` says of itself."""
        self._filling = True
        try:
            ctx = analysis.context if analysis else None
            _refill(self.district_combo, sorted(ctx.districts) if ctx else [])
            _refill(self.sector_combo, sorted(ctx.sectors) if ctx else [])
            district, sector, status = chosen
            plan = sheet.plan if sheet else None
            found_district = plan.default_district if plan and plan.district_from != "user" else None
            self._suggested = "" if district else (found_district or "")
            self._district_given = False
            self.district_combo.setEditText(district or found_district or "")
            source = plan.district_from if plan and not district and found_district else ""
            shown = self.tr("(%1)").replace("%1", self.source_text(source)) if source else ""
            self.district_source.setText(shown)  # （取自标题） in Chinese: full-width brackets
            self.sector_combo.setEditText(sector or "")
            found_status = plan.default_status if plan and plan.status_from != "user" else None
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(status or ""), 0))
            if not status and found_status and plan is not None:  # a found status comes from the plan
                self.status_source.setText(
                    self.tr("the file says %1").replace("%1", Status(found_status).label(self.lang))
                    + f" ({self.source_text(plan.status_from)})"
                )
            else:
                self.status_source.setText("")
        finally:
            self._filling = False

    def _on_district_given(self, *_args: object) -> None:
        if not self._filling:
            self._district_given = True

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        district = self.district_combo.currentText().strip()
        if not self._district_given and district == self._suggested:
            district = ""  # the sheet's suggestion, untouched: no answer (each sheet keeps its own)
        self.changed.emit(district, self.sector_combo.currentText().strip(), self.status_combo.currentData() or "")


def _editable() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(12)
    combo.setMaximumWidth(220)
    return combo


def _refill(combo: QComboBox, names: list[str]) -> None:
    text = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(names)
    combo.setEditText(text)
    combo.blockSignals(False)
