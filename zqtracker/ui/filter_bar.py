"""The filter bar above the project table: search, status, sector, district, year, flags, and
what incomplete projects lack ("Missing: district, amount").

It only builds a ProjectFilter and announces it (``filter_changed``); the table applies it.
``set_filter`` shows a filter made elsewhere (the dashboard's click-through) without echoing
partial filters while the widgets are being set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import INCOMPLETE_FIELDS, District, Sector
from zqtracker.domain.status import Status
from zqtracker.ui.collation import by_pinyin
from zqtracker.ui.translations import ui_lang


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class _ChoiceButton(QToolButton):
    """A drop-down of checkable choices; the button says how many are ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, show_names: bool = False) -> None:
        super().__init__(parent)
        self._show_names = show_names  # "Missing: district, amount" instead of "Missing (2)"
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._menu = _StayOpenMenu(self)
        self.setMenu(self._menu)
        self._title = ""
        self._actions: dict[str, QAction] = {}
        self._clear = QAction(self)
        self._clear.triggered.connect(self.clear)

    def set_title(self, title: str, clear_text: str) -> None:
        self._title = title
        self._clear.setText(clear_text)
        self._update_text()

    def set_choices(self, choices: Iterable[tuple[str, str, int]]) -> None:
        """(value, label, indent level) in menu order; ticks of values still offered are kept."""
        ticked = self.values()
        self._menu.clear()
        self._actions = {}
        self._menu.addAction(self._clear)
        self._menu.addSeparator()
        for value, label, level in choices:
            action = QAction(("    " * level) + label, self._menu)
            action.setCheckable(True)
            action.setChecked(value in ticked)
            action.setData(value)
            action.toggled.connect(self._on_toggled)
            self._menu.addAction(action)
            self._actions[value] = action
        self._update_text()

    def relabel(self, labels: dict[str, str]) -> None:
        for value, action in self._actions.items():
            if value in labels:
                action.setText(labels[value])

    def values(self) -> frozenset[str]:
        return frozenset(v for v, a in self._actions.items() if a.isChecked())

    def set_values(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._update_text()

    def clear(self) -> None:
        if self.values():
            self.set_values(())
            self.changed.emit()

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        n = len(self.values())
        if n and self._show_names:
            names = [a.text().strip() for a in self._actions.values() if a.isChecked()]
            chosen = self.tr(", ").join(names)  # the list's separator: "、" in Chinese
            self.setText(self.tr("%1: %2").replace("%1", self._title).replace("%2", chosen))
        else:
            self.setText(f"{self._title} ({n})" if n else self._title)
        font = self.font()
        font.setBold(bool(n))
        self.setFont(font)


class FilterBar(QWidget):
    filter_changed = Signal(object)  # ProjectFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        self._sectors: list[Sector] = []
        self._districts: list[District] = []
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.status = _ChoiceButton(self)
        self.sector = _ChoiceButton(self)
        self.district = _ChoiceButton(self)
        # Projects lacking any of the ticked fields: the leads still to complete.
        self.missing = _ChoiceButton(self, show_names=True)
        self.missing.set_choices((name, name, 0) for name in INCOMPLETE_FIELDS)
        self.year = QComboBox(self)
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.key_only = QCheckBox(self)
        self.billion_only = QCheckBox(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        for w in (self.status, self.sector, self.district, self.year, self.key_only, self.billion_only, self.missing):
            layout.addWidget(w)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

        self.status.set_choices((s.value, s.label(ui_lang()), 0) for s in Status)
        self._years: list[int] = []
        self._retranslate()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_widget_changed)
        self.status.changed.connect(self._on_widget_changed)
        self.sector.changed.connect(self._on_widget_changed)
        self.district.changed.connect(self._on_widget_changed)
        self.missing.changed.connect(self._on_widget_changed)
        self.year.currentIndexChanged.connect(self._on_widget_changed)
        self.key_only.toggled.connect(self._on_widget_changed)
        self.billion_only.toggled.connect(self._on_widget_changed)
        self.clear_button.clicked.connect(self.clear)

    # -- public ----------------------------------------------------------------------------
    def current_filter(self) -> ProjectFilter:
        year = self.year.currentData()
        return ProjectFilter(
            search=self.search.text().strip(),
            statuses=frozenset(Status(v) for v in self.status.values()),
            sectors=self.sector.values(),
            districts=self.district.values(),
            signed_year=int(year) if year else None,
            key_only=self.key_only.isChecked(),
            billion_only=self.billion_only.isChecked(),
            missing=self.missing.values(),
        )

    def set_filter(self, f: ProjectFilter) -> None:
        """Show ``f`` (names not in the lists are added, so the filter is shown as it is)."""
        self._setting = True
        try:
            if f.search != self.search.text().strip():
                self.search.setText(f.search)
            self.status.set_values(s.value for s in f.statuses)
            missing_sectors = [n for n in f.sectors if n not in {s.name for s in self._sectors} | self._chains()]
            if missing_sectors:
                self._sectors = [*self._sectors, *(Sector(n) for n in missing_sectors)]
                self._fill_sectors()
            self.sector.set_values(f.sectors)
            missing_districts = [n for n in f.districts if n not in {d.name for d in self._districts}]
            if missing_districts:
                self._districts = [*self._districts, *(District(n) for n in missing_districts)]
                self._fill_districts()
            self.district.set_values(f.districts)
            if f.signed_year is not None and f.signed_year not in self._years:
                self.set_years([*self._years, f.signed_year])
            self.year.setCurrentIndex(max(0, self.year.findData(f.signed_year or 0)))
            self.key_only.setChecked(f.key_only)
            self.billion_only.setChecked(f.billion_only)
            self.missing.set_values(f.missing)
        finally:
            self._setting = False
        self._on_widget_changed()

    def clear(self) -> None:
        self.set_filter(ProjectFilter())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_references(self, sectors: Sequence[Sector], districts: Sequence[District]) -> None:
        shown = self.current_filter()
        self._sectors, self._districts = list(sectors), list(districts)
        self._fill_sectors()
        self._fill_districts()
        if self.current_filter() != shown:  # a ticked name this database lacks: the table follows the bar
            self._on_widget_changed()

    def set_years(self, years: Iterable[int]) -> None:
        current = self.year.currentData()
        self._years = sorted(set(years), reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("Any year"), 0)
        for y in self._years:
            self.year.addItem(self.tr("Signed %1").replace("%1", str(y)), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current or 0)))
        self.year.blockSignals(False)

    def known_names(self) -> tuple[set[str], set[str]]:
        """Sector (and chain) names and district names the menus offer."""
        return {s.name for s in self._sectors} | self._chains(), {d.name for d in self._districts}

    # -- internals -------------------------------------------------------------------------
    def _chains(self) -> set[str]:
        return {s.parent for s in self._sectors if s.parent}

    def _fill_sectors(self) -> None:
        """Industry chains first-level (ticking one covers its sectors), sectors under them."""
        by_chain: dict[str, list[str]] = {}
        alone: list[str] = []
        names = {s.name for s in self._sectors}
        for s in by_pinyin(self._sectors, key=lambda s: s.name):
            if s.parent:
                by_chain.setdefault(s.parent, []).append(s.name)
            elif s.name not in self._chains():
                alone.append(s.name)
        choices: list[tuple[str, str, int]] = []
        for chain in by_pinyin(by_chain):
            choices.append((chain, chain, 0))
            choices.extend((n, n, 1) for n in by_chain[chain])
        choices.extend((n, n, 0) for n in alone if n in names)
        self.sector.set_choices(choices)

    def _fill_districts(self) -> None:
        self.district.set_choices((d.name, d.name, 0) for d in by_pinyin(self._districts, key=lambda d: d.name))

    def _on_widget_changed(self, *_args: object) -> None:
        if self._setting:
            return
        f = self.current_filter()
        self.clear_button.setEnabled(not f.is_empty())
        self.filter_changed.emit(f)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, code or enterprise (Ctrl+F)"))
        self.status.set_title(self.tr("Status"), self.tr("All statuses"))
        self.status.relabel({s.value: s.label(ui_lang()) for s in Status})
        self.sector.set_title(self.tr("Sector"), self.tr("All sectors"))
        self.district.set_title(self.tr("District"), self.tr("All districts"))
        self.missing.relabel(
            {"sector": self.tr("Sector"), "district": self.tr("District"), "planned_investment": self.tr("Amount")}
        )
        self.missing.set_title(self.tr("Missing"), self.tr("Complete or not"))
        self.missing.setToolTip(
            self.tr("Show the projects that lack any of the ticked fields (sector, district, planned investment)")
        )
        self.key_only.setText(self.tr("Key projects"))
        self.billion_only.setText(self.tr("≥ 1 billion yuan"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show all projects"))
        self.set_years(self._years)
        self.clear_button.setEnabled(not self.current_filter().is_empty())
