"""The project editor's form: every field of a project in two columns, read into a Project and
filled from one, with each field's problem shown beside it.

A widget of its own because the form only shows and reads values: it knows nothing of saving,
conflicts or deleting (ui/project_editor.py). It says when a field was edited (:attr:`edited`);
the problems it is handed go next to their fields, and those that belong to no field are handed
back for the editor's banner.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import District, InvestorOrigin, Project, ProjectType, Sector
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.domain.unknown import not_given
from zqtracker.domain.validation import project_problems
from zqtracker.ui import figure_texts
from zqtracker.ui.collation import by_pinyin
from zqtracker.ui.date_field import OptionalDateEdit
from zqtracker.ui.district_choice import known_district
from zqtracker.ui.editor_fields import (
    DecimalEdit,
    MoneyEdit,
    completer,
    picker,
    plain_model,
    sector_model,
)
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.palette import muted_style, problem_style
from zqtracker.ui.sector_choice import known_sector

MONEY = ("planned_investment", "expected_annual_output", "expected_annual_tax")
DATES = ("signed_on", "construction_start_on", "production_on")


class ProjectForm(QWidget):
    edited = Signal(str)  # the field the user changed

    def __init__(
        self,
        *,
        lang: str,
        is_new: bool,
        unit: Unit,
        sectors: Sequence[Sector],
        districts: Sequence[District],
        enterprises: Sequence[str],
        officers: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self.is_new = is_new
        self.original = Project(name="")  # what a status change and kept figures compare with
        # the names on the lists, and the import's rule for what a typed name is (None: a new name)
        self._known = {"sector": frozenset(s.name for s in sectors), "district": frozenset(d.name for d in districts)}
        self._meant = {"sector": known_sector, "district": known_district}

        self.code = QLineEdit()
        self.name = QLineEdit()
        self.enterprise = QLineEdit()
        self.enterprise.setCompleter(completer(enterprises, self))
        self.sector = picker(sector_model(sectors))
        self.district = picker(plain_model(by_pinyin(d.name for d in districts)))
        self.status = QComboBox()
        for s in Status:
            self.status.addItem(s.label(self._lang), s.value)
        self.status_on = QDateEdit()
        self.status_on.setCalendarPopup(True)
        self.status_on.setDisplayFormat(Formatter().date_format)
        self.status_on.setDate(QDate.currentDate())
        self.status_note = QLineEdit()
        self.money = {f: MoneyEdit(f, unit) for f in MONEY}
        for edit in self.money.values():
            edit.set_unit(unit, self._lang)
        self.land = DecimalEdit("land_area_mu")
        self.dates = {f: OptionalDateEdit(f) for f in DATES}
        # what the list gave beyond the form's fields: an amount in another currency, a date known
        # only to a month, quarter or year (kept while the field is left as it is)
        # (and a land area typed with more decimals than are kept: what is kept)
        self.figure_notes = {f: QLabel() for f in ("planned_investment", "land_area_mu", *DATES)}
        for note in self.figure_notes.values():
            note.setWordWrap(True)
            note.setStyleSheet(muted_style(self.palette()))
            note.hide()
        self.key = QCheckBox(self.tr("Key project"))
        # first "Not given" (data ""): a project nobody gave a type or origin for keeps None
        self.project_type = QComboBox()
        self.origin = QComboBox()
        for combo, values in ((self.project_type, ProjectType), (self.origin, InvestorOrigin)):
            combo.addItem(not_given(self._lang), "")
            for v in values:
                combo.addItem(v.label(self._lang), v.value)
        self.officer = QLineEdit()
        if officers:
            self.officer.setCompleter(completer(officers, self))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Person and/or phone, e.g. Mr Wang 138 0013 8000"))
        self.progress_note = QPlainTextEdit()
        self.progress_note.setTabChangesFocus(True)
        self.progress_note.setPlaceholderText(self.tr("The latest progress: visits, talks, next step"))
        self.progress_note.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        unknown = self.tr("Not known yet")
        for combo in (self.sector, self.district):
            line = combo.lineEdit()  # editable combo boxes (editor_fields.picker)
            if line is not None:
                line.setPlaceholderText(unknown)
        self.money["planned_investment"].line.setPlaceholderText(unknown)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 12)

        self.widgets: dict[str, QWidget] = {
            "code": self.code, "name": self.name, "enterprise": self.enterprise, "sector": self.sector,
            "district": self.district, "status": self.status, **self.money, "land_area_mu": self.land,
            **self.dates, "is_key_project": self.key, "project_type": self.project_type,
            "investor_origin": self.origin, "officer": self.officer, "contact": self.contact,
            "progress_note": self.progress_note, "notes": self.notes,
            "changed_on": self.status_on, "status_note": self.status_note,
        }  # fmt: skip
        self.problems: dict[str, QLabel] = {}
        self._boxes: dict[str, QWidget] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.new_hint = {"sector": QLabel(), "district": QLabel()}
        for hint in self.new_hint.values():
            hint.setStyleSheet(muted_style(self.palette()))
            hint.hide()
        self._build_layout()
        self._connect_signals()

    # -- layout ----------------------------------------------------------------------------
    def _row(self, form: QFormLayout, field: str, label: str | None = None) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.widgets[field])
        if field in self.new_hint:
            layout.addWidget(self.new_hint[field])
        if field in self.figure_notes:
            layout.addWidget(self.figure_notes[field])
        problem = QLabel()
        problem.setWordWrap(True)
        problem.setStyleSheet(problem_style(self.palette()))
        problem.setObjectName(f"problem_{field}")
        problem.hide()
        layout.addWidget(problem)
        self.problems[field] = problem
        text = label if label is not None else field_label(field, self._lang)
        if field == "name":
            text += " *"
        form.addRow(text, box)
        self._boxes[field], self._forms[field] = box, form

    def _build_layout(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(12)
        for field in ("name", "code", "enterprise", "sector", "district", "status"):
            self._row(left, field)
        self._row(left, "changed_on", self.tr("Status date"))
        self._row(left, "status_note", self.tr("Status note"))
        for field in ("project_type", "investor_origin", "officer", "contact"):
            self._row(left, field)
        for field in (*MONEY, "land_area_mu", *DATES, "is_key_project"):
            self._row(right, field, "" if field == "is_key_project" else None)
        self._row(right, "progress_note")
        self._row(right, "notes")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)

    def _connect_signals(self) -> None:
        edited = {
            QLineEdit: "textEdited", QComboBox: "currentTextChanged", QPlainTextEdit: "textChanged",
            QCheckBox: "toggled", QDateEdit: "dateChanged", MoneyEdit: "edited", OptionalDateEdit: "changed",
        }  # fmt: skip
        for field, widget in self.widgets.items():
            for kind, signal in edited.items():
                if isinstance(widget, kind) and hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_a, f=field: self.edited.emit(f))
                    break
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.sector.currentTextChanged.connect(lambda t: self._on_reference_typed("sector", t))
        self.district.currentTextChanged.connect(lambda t: self._on_reference_typed("district", t))
        self.land.textChanged.connect(self._on_land_typed)
        for edit in self.dates.values():
            edit.changed.connect(self._show_date_notes)

    # -- filling and reading ---------------------------------------------------------------
    def fill(self, p: Project) -> None:
        """Show ``p`` (a status change and kept figures compare with :attr:`original`)."""
        self.code.setText(p.code or "")
        self.name.setText(p.name)
        self.enterprise.setText(p.enterprise or "")
        self.sector.setCurrentText(p.sector or "")
        self.district.setCurrentText(p.district or "")
        self.status.setCurrentIndex(self.status.findData(p.status.value))
        blank = self.is_new and not p.name  # a new project starts empty, not at 0 yuan
        for f in MONEY:
            self.money[f].set_value(None if blank else getattr(p, f))
        self.land.set_value(p.land_area_mu)
        for f in DATES:
            self.dates[f].set_value(getattr(p, f), getattr(p, f"{f}_precision"))
        self._fill_figure_notes(p)
        self.key.setChecked(p.is_key_project)
        for combo, value in ((self.project_type, p.project_type), (self.origin, p.investor_origin)):
            combo.setCurrentIndex(combo.findData("" if value is None else value.value))
        self.officer.setText(p.officer or "")
        self.contact.setText(p.contact or "")
        self.progress_note.setPlainText(p.progress_note or "")
        self.notes.setPlainText(p.notes)
        self._on_status_changed()
        for f in ("sector", "district"):
            self._on_reference_typed(f, getattr(p, f) or "")

    def _fill_figure_notes(self, p: Project) -> None:
        foreign = self.figure_notes["planned_investment"]
        foreign.setText("" if p.planned_foreign is None else figure_texts.as_given(p.planned_foreign, self._lang))
        foreign.setVisible(p.planned_foreign is not None)
        self._show_date_notes()

    def _show_date_notes(self, *_args: object) -> None:
        """A date known only to a month, quarter or year says so (stepped with Up/Down: the new one)."""
        for f in DATES:
            fuzzy = self.dates[f].fuzzy()
            coarse = fuzzy is not None and fuzzy.precision is not DatePrecision.DAY
            self.figure_notes[f].setText(figure_texts.known_to(fuzzy, self._lang) if coarse and fuzzy else "")
            self.figure_notes[f].setVisible(coarse)

    def _precision(self, field: str, day: date | None) -> DatePrecision:
        """A date left as it was keeps its precision; a typed one is a day, a stepped one keeps it."""
        o = self.original
        kept: DatePrecision = getattr(o, f"{field}_precision")
        return kept if day == getattr(o, field) else self.dates[field].precision

    def read(self) -> Project:
        """The project the form describes; raises ValidationError with every problem found."""
        problems: list[Problem] = []
        values: dict[str, object] = {}
        readers: dict[str, Callable[[], object]] = {
            **{f: self.money[f].value for f in MONEY},
            "land_area_mu": self.land.value,
            **{f: self.dates[f].value for f in DATES},
        }
        for field, read in readers.items():
            try:
                values[field] = read()
            except ValidationError as exc:
                problems.extend(exc.problems)
                values[field] = None
        signed_on, start_on, production_on = (cast("date | None", values[f]) for f in DATES)
        o = self.original
        project = dataclasses.replace(
            self.original,
            code=self.code.text().strip() or None,
            name=self.name.text().strip(),
            enterprise=self.enterprise.text().strip() or None,
            sector=self.as_saved("sector"),  # empty: not known yet
            district=self.as_saved("district"),
            status=Status(self.status.currentData()),
            planned_investment=values["planned_investment"],  # type: ignore[arg-type]
            expected_annual_output=values["expected_annual_output"],  # type: ignore[arg-type]
            expected_annual_tax=values["expected_annual_tax"],  # type: ignore[arg-type]
            land_area_mu=values["land_area_mu"],  # type: ignore[arg-type]
            is_key_project=self.key.isChecked(),
            project_type=ProjectType(self.project_type.currentData()) if self.project_type.currentData() else None,
            investor_origin=InvestorOrigin(self.origin.currentData()) if self.origin.currentData() else None,
            officer=self.officer.text().strip() or None,
            contact=self.contact.text().strip() or None,
            progress_note=self.progress_note.toPlainText().strip() or None,
            notes=self.notes.toPlainText(),
            signed_on=signed_on,
            construction_start_on=start_on,
            production_on=production_on,
            signed_on_precision=self._precision("signed_on", signed_on),
            construction_start_on_precision=self._precision("construction_start_on", start_on),
            production_on_precision=self._precision("production_on", production_on),
            # an amount of another currency stays the planned investment's source while the yuan
            # amount is unchanged
            planned_foreign=o.planned_foreign if values["planned_investment"] == o.planned_investment else None,
        )
        failed = {p.field for p in problems}
        problems.extend(p for p in project_problems(project) if p.field not in failed)
        if problems:
            raise ValidationError(problems)
        return project

    def as_saved(self, field: str) -> str | None:
        """The sector or district typed, or the stored one it names by the import's rule ("高要" → 高要区,
        "新能源汽車 " → 新能源汽车)."""
        typed = cast(QComboBox, self.widgets[field]).currentText().strip()
        return self._meant[field](typed, self._known[field]) or typed or None

    def new_name(self, field: str) -> str | None:
        """A sector or district typed that is none on the list (saving adds it), else None."""
        name = self.as_saved(field)
        return name if name and name not in self._known[field] else None

    def snapshot(self) -> tuple[object, ...]:
        """What every field shows: the same before and after means nothing was changed."""
        shown: list[object] = []
        for w in self.widgets.values():
            if isinstance(w, (QLineEdit, QComboBox)):
                shown.append(w.currentText() if isinstance(w, QComboBox) else w.text())
            elif isinstance(w, QPlainTextEdit):
                shown.append(w.toPlainText())
            elif isinstance(w, QCheckBox):
                shown.append(w.isChecked())
            elif isinstance(w, QDateEdit):
                shown.append(w.date())
            elif isinstance(w, (MoneyEdit, OptionalDateEdit)):
                shown.append(w.line.text() if isinstance(w, MoneyEdit) else w.edit.text())
        return tuple(shown)

    def status_changed(self) -> bool:
        return not self.is_new and self.status.currentData() != self.original.status.value

    def status_change(self) -> tuple[date | None, str]:
        """The date and note of a status change (None and "" when the status is unchanged)."""
        if not self.status_changed():
            return None, ""
        d = self.status_on.date()
        return date(d.year(), d.month(), d.day()), self.status_note.text().strip()

    # -- problems --------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem], *, focus: bool = True) -> list[str]:
        """Each problem beside its field (the first such field focused); returns the messages of
        those that belong to no field."""
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for p in problems:
            target = p.field if p.field in self.problems else None
            (by_field.setdefault(target, []) if target else general).append(p.message(self._lang))
        for field, label in self.problems.items():
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        if by_field and focus:
            first = next(f for f in self.widgets if f in by_field)
            self.widgets[first].setFocus()
        return general

    # -- reactions -------------------------------------------------------------------------
    def _on_status_changed(self, *_args: object) -> None:
        """The date and note of a status change are asked only when the status changes."""
        show = self.status_changed()
        for field in ("changed_on", "status_note"):
            self._forms[field].setRowVisible(self._boxes[field], show)

    def _on_reference_typed(self, field: str, text: str) -> None:
        text = text.strip()
        hint = self.new_hint[field]
        hint.setVisible(bool(text) and text not in self._known[field])
        meant = self._meant[field](text, self._known[field])
        if meant and field == "district":  # "高要": the district on the list that the import reads it as
            hint.setText(self.tr("Saved as “%1”, the district on the list").replace("%1", meant))
        elif meant:  # "新能源汽車 ": the sector on the list
            hint.setText(self.tr("Saved as “%1”, the sector on the list").replace("%1", meant))
        else:
            hint.setText(self.tr("New — it will be added to the list"))

    def _on_land_typed(self, *_args: object) -> None:
        kept = self.land.rounded()
        note = self.figure_notes["land_area_mu"]
        note.setText("" if kept is None else self.tr("Kept to 4 decimal places: %1").replace("%1", f"{kept:f}"))
        note.setVisible(kept is not None)
