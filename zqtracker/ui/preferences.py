"""Preferences: language, money, the language of printouts, stale threshold, reopening.

Like Picard's option pages: ``load()`` fills the widgets from Settings and ``save()`` writes them
back. Nothing here reaches into the window: Settings announces each value that changed
(``Settings.changed``) and the views that show it follow — the language too (live: Qt re-words
every open widget through QEvent.LanguageChange).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from zqtracker.domain.money import Unit
from zqtracker.ui.backups import BackupsPreference
from zqtracker.ui.palette import muted_style
from zqtracker.ui.settings import MONEY_EXACT, REOPEN_LAST, Settings
from zqtracker.ui.translations import CHINESE, ENGLISH


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", ENGLISH)
        self.language.addItem("简体中文", CHINESE)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("亿元 — in English ¥ bn (billions)"), Unit.YI.value)
        self.unit.addItem(self.tr("万元 — in English ¥ mn (millions)"), Unit.WAN.value)
        self.exact = QCheckBox(self.tr("Show every digit (no rounding)"))
        self.exact.setToolTip(
            self.tr("Amounts are rounded to the unit's usual decimals; the exact amount is in their tooltip.")
        )
        self.output_language = QComboBox()
        self.output_language.addItem(self.tr("Same as the interface"), "")
        self.output_language.addItem("English", "en")
        self.output_language.addItem("简体中文", "zh")
        self.stale = QSpinBox()
        self.stale.setRange(1, 120)
        self.stale.setSuffix(self.tr(" months"))
        self.reopen = QCheckBox(self.tr("Open the last used database at start"))
        self.backups = BackupsPreference(self)
        hint = QLabel(
            self.tr(
                "A project is marked stale when it has had no status change and no monthly investment "
                "record for this long. Projects in production or cancelled are never stale."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(muted_style(self.palette()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Show money in"), self.unit)
        form.addRow("", self.exact)
        form.addRow(self.tr("Printouts and workbooks in"), self.output_language)
        form.addRow(self.tr("Stale after"), self.stale)
        form.addRow("", hint)
        form.addRow("", self.reopen)
        form.addRow(self.tr("Keep backups"), self.backups)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self.load()

    def load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.unit.setCurrentIndex(max(0, self.unit.findData(s.money_unit.value)))
        self.output_language.setCurrentIndex(max(0, self.output_language.findData(s.output_language)))
        self.exact.setChecked(s.get(MONEY_EXACT))
        self.stale.setValue(s.stale_months)
        self.reopen.setChecked(s.get(REOPEN_LAST))
        self.backups.load()

    def save(self) -> None:
        s = self.settings
        s.language = self.language.currentData()
        s.money_unit = Unit(self.unit.currentData())
        s.output_language = self.output_language.currentData()
        s.set(MONEY_EXACT, self.exact.isChecked())
        s.stale_months = self.stale.value()
        s.set(REOPEN_LAST, self.reopen.isChecked())
        self.backups.save()
        s.sync()

    def accept(self) -> None:
        self.save()
        super().accept()
