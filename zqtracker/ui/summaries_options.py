"""The Summaries tab's options: which view, its period or staleness threshold, unit and language.

A bar of its own because the options have their own life apart from the pages they choose: the
view and "key projects only" are remembered, unit, language and the stale threshold follow the
preferences, the period starts at the database's latest month. The Summaries tab only listens to
:attr:`SummaryOptionsBar.options_changed` and asks :meth:`SummaryOptionsBar.options`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
from zqtracker.services.context import AppContext
from zqtracker.ui.settings import (
    LANGUAGE,
    MONEY_UNIT,
    OUTPUT_LANGUAGE,
    STALE_MONTHS,
    SUMMARY_KEY_ONLY,
    SUMMARY_VIEW,
    Settings,
)
from zqtracker.ui.translations import ui_lang

VIEWS = (View.OVERVIEW, View.KEY_PROJECTS, View.MONTHLY, View.STALE)


class SummaryOptionsBar(QWidget):
    """The option controls with their labels, in one row."""

    options_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._build_ui()
        self._load_settings()
        self._connect_signals()
        self._update_option_visibility()

    def _build_ui(self) -> None:
        self.view_combo = QComboBox(self)
        for view in VIEWS:
            self.view_combo.addItem("", view.value)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2200)
        self.month_combo = QComboBox(self)
        for m in range(1, 13):
            self.month_combo.addItem("", m)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem("", Unit.YI.value)
        self.unit_combo.addItem("", Unit.WAN.value)
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.key_only_check = QCheckBox(self)
        self.months_spin = QSpinBox(self)
        self.months_spin.setRange(1, 60)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}
        for key, widget in (
            ("view", self.view_combo),
            ("year", self.year_spin),
            ("month", self.month_combo),
            ("months", self.months_spin),
            ("as_of", self.as_of_edit),
            ("unit", self.unit_combo),
            ("lang", self.lang_combo),
        ):
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.key_only_check)
        row.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every word of the controls in the current language (at construction and on a switch)."""
        views = {
            View.OVERVIEW: self.tr("Overview"),
            View.KEY_PROJECTS: self.tr("Key projects"),
            View.MONTHLY: self.tr("Monthly progress"),
            View.STALE: self.tr("Stale projects"),
        }
        for i, view in enumerate(VIEWS):
            self.view_combo.setItemText(i, views[view])
        self.year_spin.setToolTip(self.tr("Year of the figures"))
        for m in range(1, 13):
            self.month_combo.setItemText(m - 1, QLocale().monthName(m, QLocale.FormatType.ShortFormat))
        self.month_combo.setToolTip(self.tr("Last month included (January to this month)"))
        lang = ui_lang()
        self.unit_combo.setItemText(0, MoneyFormat(Unit.YI, lang).choice())
        self.unit_combo.setItemText(1, MoneyFormat(Unit.WAN, lang).choice())
        self.lang_combo.setToolTip(self.tr("Language of the printed view"))
        self.key_only_check.setText(self.tr("Key projects only"))
        self.key_only_check.setToolTip(self.tr("The key-project report (重点项目); off: every project with a plan"))
        self.months_spin.setSuffix(self.tr(" months"))
        self.months_spin.setToolTip(self.tr("No status change and no investment record for this many months"))
        self.as_of_edit.setToolTip(self.tr("Judge staleness as of this date"))
        for key, text in (
            ("view", self.tr("&View:")),
            ("year", self.tr("&Year:")),
            ("month", self.tr("&Through:")),
            ("months", self.tr("&Idle for:")),
            ("as_of", self.tr("&As of:")),
            ("unit", self.tr("&Unit:")),
            ("lang", self.tr("&Language:")),
        ):
            self._labels[key].setText(text)

    def _connect_signals(self) -> None:
        for combo in (self.view_combo, self.month_combo, self.unit_combo, self.lang_combo):
            combo.currentIndexChanged.connect(self._on_control_changed)
        self.view_combo.currentIndexChanged.connect(self._update_option_visibility)
        for spin in (self.year_spin, self.months_spin):
            spin.valueChanged.connect(self._on_control_changed)
        self.as_of_edit.dateChanged.connect(self._on_control_changed)
        self.key_only_check.toggled.connect(self._on_control_changed)
        self.settings.changed.connect(self._on_setting_changed)

    def options(self, f: ProjectFilter | None) -> ReportOptions:
        """The options the controls stand for, of the projects ``f`` selects."""
        return ReportOptions(
            view=View(self.view_combo.currentData()),
            year=self.year_spin.value(),
            through=int(self.month_combo.currentData()),
            lang=str(self.lang_combo.currentData()),
            unit=Unit(self.unit_combo.currentData()),
            filter=f,
            key_only=self.key_only_check.isChecked(),
            stale_months=self.months_spin.value(),
            as_of=_day(self.as_of_edit.date()),
        )

    def reset_period(self, ctx: AppContext) -> None:
        """The database's latest month and as-of day (quietly: the caller rebuilds once)."""
        stats = ctx.statistics
        period = stats.resolve_period(None, None)
        for widget in (self.year_spin, self.month_combo, self.as_of_edit):
            widget.blockSignals(True)
        self.year_spin.setValue(period.year)
        self.month_combo.setCurrentIndex(period.month - 1)
        as_of = stats.as_of()
        self.as_of_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
        for widget in (self.year_spin, self.month_combo, self.as_of_edit):
            widget.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # a printout that follows the interface's language follows it now
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(self.settings.output_lang())))

    def _on_control_changed(self) -> None:
        self._save_settings()
        self.options_changed.emit()

    def _update_option_visibility(self) -> None:
        view = View(self.view_combo.currentData())
        periodic = view is not View.STALE
        for key, shown in (("year", periodic), ("month", periodic), ("months", not periodic), ("as_of", not periodic)):
            self._labels[key].setVisible(shown)
            self._labels[key].buddy().setVisible(shown)
        self.key_only_check.setVisible(view is View.MONTHLY)

    def _load_settings(self) -> None:
        """The view and "key projects only" are remembered; unit, language and the stale threshold
        start at the preferences and follow them (a choice here is for this session's printouts)."""
        s = self.settings
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(s.get(SUMMARY_VIEW))))
        self.key_only_check.setChecked(s.get(SUMMARY_KEY_ONLY))
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(s.money_unit.value)))
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(s.output_lang())))
        self.months_spin.setValue(s.stale_months)

    def _save_settings(self) -> None:
        self.settings.set(SUMMARY_VIEW, self.view_combo.currentData())
        self.settings.set(SUMMARY_KEY_ONLY, self.key_only_check.isChecked())

    def _on_setting_changed(self, key: str) -> None:
        s = self.settings
        if key == MONEY_UNIT.key:
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(s.money_unit.value)))
        elif key in (OUTPUT_LANGUAGE.key, LANGUAGE.key):
            self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(s.output_lang())))
        elif key == STALE_MONTHS.key:
            self.months_spin.setValue(s.stale_months)


def _day(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())
