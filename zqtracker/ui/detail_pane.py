"""The pane beside the table: the selected project, its status history, and editable grids of
monthly completed investment and annual plans.

It reads through the services (a few small queries per selection) and never writes: edits in
the grids are requested with signals and saved by the window's actions as undoable commands.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.errors import NotFoundError
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import choice_label, missing_tooltip
from zqtracker.ui import figure_texts
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.palette import muted_style, problem_style
from zqtracker.ui.translations import ui_lang

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from zqtracker.services.context import AppContext

_OVERVIEW_FIELDS = (
    "code", "enterprise", "sector", "district", "status", "progress_note", "planned_investment", "since_start_amount",
    "land_area_mu",
    "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on", "production_on",
    "is_key_project", "project_type", "investor_origin", "officer", "contact", "notes",
)  # fmt: skip
# What a complete project has: shown as "not known yet" (greyed) when missing, not as a blank.
_INCOMPLETE = ("sector", "district", "planned_investment")
# Shown as "Not given" / 未填 (greyed) when nobody gave them: never as 新建 or 内资.
_CHOICES = ("project_type", "investor_origin")


class DetailPane(QWidget):
    """Title and buttons at once; the tabs (form, history table, grids) are built the first time
    a project is shown, so they cost nothing before the first page is on screen."""

    investment_edit_requested = Signal(int, list)
    plans_edit_requested = Signal(int, list)
    edit_requested = Signal(int)
    change_status_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, unit: Unit = Unit.YI) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.project: Project | None = None
        self._unit = unit
        self._exact = False
        self._fmt = Formatter(unit)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(muted_style(self.palette()))
        self.edit_button = QPushButton(self)
        self.status_button = QPushButton(self)
        self.tabs: QTabWidget | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 0, 0, 0)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.subtitle)
        self._layout.addLayout(buttons)
        self._layout.addStretch(1)
        self.edit_button.clicked.connect(lambda: self.project and self.edit_requested.emit(self.project.id))
        self.status_button.clicked.connect(lambda: self.project and self.change_status_requested.emit(self.project.id))
        self._retranslate()
        self.show_project(None)

    def _ensure_tabs(self) -> QTabWidget:
        if self.tabs is not None:
            return self.tabs
        # Imported here: the tabs are built on the first selection, after the launch.
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSpinBox, QTableWidget, QTabWidget

        from zqtracker.ui.detail_form import DetailForm
        from zqtracker.ui.investment_grid import AnnualPlanModel, GridView, MonthlyInvestmentModel
        from zqtracker.ui.pane_tabs import TabNames

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._tab_names = TabNames(self.tabs)  # (shorter in a narrow pane)
        self.details = DetailForm((*_OVERVIEW_FIELDS, "intensity"))
        self._values, self._labels = self.details.values, self.details.labels

        self.history = QTableWidget(0, 4)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)

        self.monthly_model = MonthlyInvestmentModel(self)
        self.monthly = GridView()
        self.monthly.setModel(self.monthly_model)
        # a 1–X月 figure's cell says so ("1.80 (Jan–Aug)"): columns as wide as that, never cut
        self.monthly.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.monthly.horizontalHeader().setStretchLastSection(True)
        self.monthly.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.plans_model = AnnualPlanModel(self)
        self.plans = GridView()
        self.plans.setModel(self.plans_model)
        self.monthly_model.set_unit(self._unit, self._exact)
        self.plans_model.set_unit(self._unit, self._exact)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2200)
        self.year_spin.setValue(date.today().year)
        self.add_year_button = QPushButton()
        self.grid_problem = QLabel()
        self.grid_problem.setWordWrap(True)
        self.grid_problem.setStyleSheet(problem_style(self.palette()))
        self.grid_problem.hide()
        self.grid_hint = QLabel()
        self.grid_hint.setWordWrap(True)
        self.grid_hint.setStyleSheet(muted_style(self.palette()))
        self.monthly_caption = QLabel()
        self.plans_caption = QLabel()
        money = QWidget()
        money_layout = QVBoxLayout(money)
        money_layout.setContentsMargins(0, 4, 0, 0)
        money_layout.addWidget(self.monthly_caption)
        money_layout.addWidget(self.monthly, 3)
        money_layout.addWidget(self.plans_caption)
        money_layout.addWidget(self.plans, 2)
        row = QHBoxLayout()
        row.addWidget(self.year_spin)
        row.addWidget(self.add_year_button)
        row.addStretch(1)
        money_layout.addLayout(row)
        money_layout.addWidget(self.grid_problem)
        money_layout.addWidget(self.grid_hint)

        self.tabs.addTab(self.details, "")
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(money, "")
        from zqtracker.ui.change_log import ChangeLogView

        self.changes = ChangeLogView()  # the audit trail (留痕)
        self.tabs.addTab(self.changes, "")
        self._retranslate()  # labels worded before the first layout, which sizes the columns by them

        self.monthly_model.edit_requested.connect(self.investment_edit_requested)
        self.plans_model.edit_requested.connect(self.plans_edit_requested)
        self.monthly_model.problem.connect(self._show_problem)
        self.plans_model.problem.connect(self._show_problem)
        self.add_year_button.clicked.connect(self._on_add_year)
        self._layout.takeAt(self._layout.count() - 1)  # the stretch that held the place
        self._layout.addWidget(self.tabs, 1)
        self.tabs.show()  # a child added to a shown widget stays hidden until told
        return self.tabs

    # -- public ----------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        self.ctx = ctx
        self.show_project(None)

    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        """Money in ``unit``, rounded as usual or (``exact``) with every digit."""
        self._unit, self._exact = unit, exact
        self._fmt = Formatter(unit, exact=exact)
        if self.tabs is not None:
            self.monthly_model.set_unit(unit, exact)
            self.plans_model.set_unit(unit, exact)
        self._retranslate()
        self.refresh()

    @property
    def project_id(self) -> int | None:
        return None if self.project is None else self.project.id

    def show_project(self, project_id: int | None) -> None:
        """Load and show one project (None: the empty state)."""
        project = None
        if project_id is not None and self.ctx is not None:
            try:
                project = self.ctx.projects.get(project_id)
            except NotFoundError:
                project = None
        self.project = project
        self.edit_button.setEnabled(project is not None)
        self.status_button.setEnabled(project is not None)
        if project is None:
            self.title.setText(self.tr("No project selected"))
            self.subtitle.setText(self.tr("Select a project in the table to see its details here."))
            if self.tabs is not None:
                self._show_problem("")
                self.tabs.setEnabled(False)
                for v in self._values.values():
                    v.clear()
                self.history.setRowCount(0)
                self.changes.show_changes([])
                self.monthly_model.set_records(None, [], [])
                self.plans_model.set_data(None, [], [], [])
            return
        assert self.ctx is not None and project.id is not None
        self._ensure_tabs().setEnabled(True)
        self._show_problem("")
        self._fill_overview(project)
        history = self.ctx.projects.status_history(project.id)
        records = self.ctx.projects.investment(project.id)
        plans = self.ctx.projects.plans(project.id)
        self._fill_history(history)
        from zqtracker.services.history import HistoryService

        changes = HistoryService(self.ctx.database).changes(project_id=project.id, limit=500)
        self.changes.show_changes(changes, project.name)
        this_year = [date.today().year] if records or plans else []
        self.monthly_model.set_records(project.id, records, this_year)
        self.plans_model.set_data(project.id, plans, records, this_year)

    def refresh(self) -> None:
        self.show_project(self.project_id)

    # -- filling ---------------------------------------------------------------------------
    def _fill_overview(self, p: Project) -> None:
        lang = ui_lang()
        fmt = self._fmt
        self.title.setText(p.name)
        parts = [
            p.code or "",
            p.status.label(lang),
            p.district or "",
            missing_tooltip(p.missing, lang) if p.missing else "",
        ]
        self.subtitle.setText("  ·  ".join(x for x in parts if x))
        values = {
            "code": p.code or "",
            "enterprise": p.enterprise or "",
            "sector": p.sector or "",
            "district": p.district or "",
            "status": p.status.label(lang),
            "planned_investment": fmt.money_with_unit(p.planned_investment, lang=lang),
            "land_area_mu": fmt.decimal(p.land_area_mu),
            "expected_annual_output": fmt.money_with_unit(p.expected_annual_output, lang=lang),
            "expected_annual_tax": fmt.money_with_unit(p.expected_annual_tax, lang=lang),
            "signed_on": fmt.fuzzy_date(p.fuzzy("signed_on"), lang),
            "construction_start_on": fmt.fuzzy_date(p.fuzzy("construction_start_on"), lang),
            "production_on": fmt.fuzzy_date(p.fuzzy("production_on"), lang),
            "since_start_amount": self._since_start_text(p, lang),
            "is_key_project": self.tr("Yes") if p.is_key_project else self.tr("No"),
            "project_type": choice_label(p.project_type, lang),
            "investor_origin": choice_label(p.investor_origin, lang),
            "officer": p.officer or "",
            "contact": p.contact or "",
            "progress_note": p.progress_note or "",
            "notes": p.notes,
            "intensity": fmt.decimal(p.intensity_wan_per_mu, 2) if p.intensity_wan_per_mu is not None else "",
        }
        unknown = self.tr("not known yet")
        for name, text in values.items():
            missing = name in _INCOMPLETE and getattr(p, name) is None
            self._values[name].setText(unknown if missing else text)
            muted = missing or (name in _CHOICES and getattr(p, name) is None)
            self._values[name].setStyleSheet(muted_style(self.palette()) if muted else "")
        if p.planned_foreign is not None:
            # never a dollar counted as a yuan unseen: the amount as the list gave it, and the rate
            self._values["planned_investment"].setText(
                f"{values['planned_investment']}\n{p.planned_foreign.label(lang)}"
            )
        for name in ("planned_investment", "expected_annual_output", "expected_annual_tax", "since_start_amount"):
            amount = getattr(p, name)
            self._values[name].setToolTip("" if amount is None else self.tr("%s yuan (exact)") % fmt.yuan(amount))
        self.details.fit()

    def _since_start_text(self, p: Project, lang: str) -> str:
        """ "3.20亿元 (26.7% of planned), through Oct 2023": 自开工累计 with its month and share."""
        if p.since_start_amount is None:
            return ""
        pct = p.since_start_pct
        through = None
        if p.since_start_year is not None and p.since_start_month is not None:
            through = MonthSpan(p.since_start_year, p.since_start_month, p.since_start_month)
        return figure_texts.since_start(
            self._fmt.money_with_unit(p.since_start_amount, lang=lang),
            None if pct is None else self._fmt.percent(pct),
            through,
            lang,
        )

    def _fill_history(self, history) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        lang = ui_lang()
        self.history.setRowCount(len(history))
        for i, change in enumerate(reversed(history)):  # newest first
            cells = (
                self._fmt.date(change.changed_on),
                change.from_status.label(lang) if change.from_status else "—",
                change.to_status.label(lang),
                change.note,
            )
            for j, text in enumerate(cells):
                self.history.setItem(i, j, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def _show_problem(self, text: str) -> None:
        self.grid_problem.setText(text)
        self.grid_problem.setVisible(bool(text))

    def _on_add_year(self) -> None:
        year = self.year_spin.value()
        self.monthly_model.add_year(year)
        self.plans_model.add_year(year)

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fmt = Formatter(self._unit, exact=self._exact)
            if self.tabs is not None:  # the grids' unit is the language's too (亿元 / ¥ bn)
                self.monthly_model.set_unit(self._unit, self._exact)
                self.plans_model.set_unit(self._unit, self._exact)
            self._retranslate()
            self.refresh()
        elif event.type() == QEvent.Type.PaletteChange:
            self.subtitle.setStyleSheet(muted_style(self.palette()))
            if self.tabs is not None:
                self.grid_problem.setStyleSheet(problem_style(self.palette()))
                self.grid_hint.setStyleSheet(muted_style(self.palette()))
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit…"))
        self.status_button.setText(self.tr("Change status…"))
        if self.tabs is None:
            return
        lang = ui_lang()
        for name in self._labels:
            if name == "intensity":
                self.details.set_label(name, self.tr("Intensity (10k yuan/mu)"))
            else:
                self.details.set_label(name, field_label(name, lang))
        details, history = self.tr("Details"), self.tr("History")
        self._tab_names.set_names(
            [
                (details, details),
                (history, history),
                (self.tr("Investment"), self.tr("Money", "the Investment tab, where its name does not fit")),
                (self.changes.title(), self.tr("Log", "the Changes tab, where its name does not fit")),
            ]
        )
        self.details.fit()
        unit = self._fmt.unit_label
        self.monthly_caption.setText(self.tr("Completed investment by month (%1)").replace("%1", unit))
        self.plans_caption.setText(self.tr("Annual plans (%1)").replace("%1", unit))
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("Note")])
        self.add_year_button.setText(self.tr("Add year"))
        self.grid_hint.setText(
            self.tr(
                "Type an amount in a cell (in the unit of the header, or with its own unit: 1.2亿, 3000万); "
                "an empty cell removes the record. Ctrl+V pastes cells copied from a spreadsheet."
            )
        )
