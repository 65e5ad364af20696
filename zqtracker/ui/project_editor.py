"""The project editor: every field of a project, checked at the field, saved through a callback.

Only the name is required: a lead may be saved without sector, district or planned investment
(left empty, they stay unknown — never 0), and completed later.

The dialog does not write: ``save`` (from ProjectActions) saves and pushes the undo command.
Problems are shown next to their fields, all at once; nothing is saved until every field is
right. A save refused because someone else changed the project offers a reload that keeps the
user's own changes in the form (and says which fields changed on the other side).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import ConcurrentUpdateError, NotFoundError, Problem, ValidationError
from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import District, InvestorOrigin, Project, ProjectType, Sector
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.domain.validation import project_problems
from zqtracker.ui import figure_texts
from zqtracker.ui.collation import by_pinyin
from zqtracker.ui.editor_fields import (
    DecimalEdit,
    MoneyEdit,
    OptionalDateEdit,
    completer,
    picker,
    plain_model,
    sector_model,
)
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.messages import offer_reload, show_error
from zqtracker.ui.palette import muted_style, problem_style
from zqtracker.ui.translations import ui_lang

# save(project, status_on, note) -> the saved project; raises ValidationError, ConcurrentUpdateError
SaveCallback = Callable[[Project, "date | None", str], Project]
# reload(project id) -> the stored project
ReloadCallback = Callable[[int], Project]

_MONEY = ("planned_investment", "expected_annual_output", "expected_annual_tax")
_DATES = ("signed_on", "construction_start_on", "production_on")
_SAVE_TIME_CODES = frozenset({"duplicate_code", "duplicate_name"})  # found by saving, not by reading the form


class ProjectEditor(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        project: Project | None,
        *,
        unit: Unit,
        sectors: Sequence[Sector],
        districts: Sequence[District],
        enterprises: Sequence[str],
        officers: Sequence[str] = (),
        save: SaveCallback,
        reload: ReloadCallback | None = None,
        delete: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("project_editor")
        self._save, self._reload, self._delete = save, reload, delete
        self.deleted = False
        self._lang = ui_lang()
        self._original = project or Project(name="")
        self.is_new = project is None or project.id is None
        self.saved: Project | None = None
        self._known_sectors = {s.name for s in sectors}
        self._known_districts = {d.name for d in districts}
        self.setWindowTitle(self.tr("New project") if self.is_new else self.tr("Edit project"))

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
        self.money = {f: MoneyEdit(f, unit) for f in _MONEY}
        for edit in self.money.values():
            edit.set_unit(unit, self._lang)
        self.land = DecimalEdit("land_area_mu")
        self.dates = {f: OptionalDateEdit() for f in _DATES}
        # what the list gave beyond the form's fields: an amount in another currency, a date known
        # only to a month, quarter or year (kept while the field is left as it is)
        self.figure_notes = {f: QLabel() for f in ("planned_investment", *_DATES)}
        for note in self.figure_notes.values():
            note.setWordWrap(True)
            note.setStyleSheet(muted_style(self.palette()))
            note.hide()
        self.key = QCheckBox(self.tr("Key project"))
        self.project_type = QComboBox()
        for t in ProjectType:
            self.project_type.addItem(t.label(self._lang), t.value)
        self.origin = QComboBox()
        for o in InvestorOrigin:
            self.origin.addItem(o.label(self._lang), o.value)
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
            combo.lineEdit().setPlaceholderText(unknown)
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
        self._shown_problems: list[Problem] = []
        self._checking = False  # problems follow the edits (after a refused Save)
        self._boxes: dict[str, QWidget] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.new_hint = {"sector": QLabel(), "district": QLabel()}
        for hint in self.new_hint.values():
            hint.setStyleSheet(muted_style(self.palette()))
            hint.hide()
        self._build_layout()
        self.setMinimumWidth(920)
        self._fill(self._original)
        self._connect_signals()
        self.name.setFocus()

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
        for field in (*_MONEY, "land_area_mu", *_DATES, "is_key_project"):
            self._row(right, field, "" if field == "is_key_project" else None)
        self._row(right, "progress_note")
        self._row(right, "notes")
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        if not self.is_new and self._delete is not None:
            remove = self.buttons.addButton(self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.clicked.connect(self._on_delete)
        required = QLabel(self.tr("* required"))
        required.setStyleSheet(muted_style(self.palette()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addWidget(required)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # once problems are shown, every edit checks the form again: a fixed field's message goes
        edited = {
            QLineEdit: "textEdited", QComboBox: "currentTextChanged", QPlainTextEdit: "textChanged",
            QCheckBox: "toggled", QDateEdit: "dateChanged", MoneyEdit: "edited", OptionalDateEdit: "changed",
        }  # fmt: skip
        for field, widget in self.widgets.items():
            for kind, signal in edited.items():
                if isinstance(widget, kind) and hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_a, f=field: self._on_field_edited(f))
                    break
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.sector.currentTextChanged.connect(lambda t: self._on_reference_typed("sector", t))
        self.district.currentTextChanged.connect(lambda t: self._on_reference_typed("district", t))

    # -- reading and filling the form ------------------------------------------------------
    def _fill(self, p: Project) -> None:
        self.code.setText(p.code or "")
        self.name.setText(p.name)
        self.enterprise.setText(p.enterprise or "")
        self.sector.setCurrentText(p.sector or "")
        self.district.setCurrentText(p.district or "")
        self.status.setCurrentIndex(self.status.findData(p.status.value))
        blank = self.is_new and not p.name  # a new project starts empty, not at 0 yuan
        for f in _MONEY:
            self.money[f].set_value(None if blank else getattr(p, f))
        self.land.set_value(p.land_area_mu)
        for f in _DATES:
            self.dates[f].set_value(getattr(p, f))
        self._fill_figure_notes(p)
        self.key.setChecked(p.is_key_project)
        self.project_type.setCurrentIndex(self.project_type.findData(p.project_type.value))
        self.origin.setCurrentIndex(self.origin.findData(p.investor_origin.value))
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
        for f in _DATES:
            fuzzy = p.fuzzy(f)
            coarse = fuzzy is not None and fuzzy.precision is not DatePrecision.DAY
            self.figure_notes[f].setText(figure_texts.known_to(fuzzy, self._lang) if coarse and fuzzy else "")
            self.figure_notes[f].setVisible(coarse)

    def _figures_kept(self, values: dict[str, object], dates: dict[str, object]) -> dict[str, object]:
        """A date left as it was keeps its precision; a changed one is a day. An amount of another
        currency stays the planned investment's source while the yuan amount is unchanged."""
        o = self._original
        out: dict[str, object] = {
            f"{f}_precision": getattr(o, f"{f}_precision") if dates[f] == getattr(o, f) else DatePrecision.DAY
            for f in _DATES
        }
        if values["planned_investment"] != o.planned_investment:
            out["planned_foreign"] = None
        return out

    def read(self) -> Project:
        """The project the form describes; raises ValidationError with every problem found."""
        problems: list[Problem] = []
        values: dict[str, object] = {}
        readers: dict[str, Callable[[], object]] = {
            **{f: self.money[f].value for f in _MONEY},
            "land_area_mu": self.land.value,
        }
        for field, read in readers.items():
            try:
                values[field] = read()
            except ValidationError as exc:
                problems.extend(exc.problems)
                values[field] = None
        dates = {f: self.dates[f].value() for f in _DATES}
        project = dataclasses.replace(
            self._original,
            code=self.code.text().strip() or None,
            name=self.name.text().strip(),
            enterprise=self.enterprise.text().strip() or None,
            sector=self.sector.currentText().strip() or None,  # empty: not known yet
            district=self.district.currentText().strip() or None,
            status=Status(self.status.currentData()),
            planned_investment=values["planned_investment"],  # type: ignore[arg-type]
            expected_annual_output=values["expected_annual_output"],  # type: ignore[arg-type]
            expected_annual_tax=values["expected_annual_tax"],  # type: ignore[arg-type]
            land_area_mu=values["land_area_mu"],  # type: ignore[arg-type]
            is_key_project=self.key.isChecked(),
            project_type=ProjectType(self.project_type.currentData()),
            investor_origin=InvestorOrigin(self.origin.currentData()),
            officer=self.officer.text().strip() or None,
            contact=self.contact.text().strip() or None,
            progress_note=self.progress_note.toPlainText().strip() or None,
            notes=self.notes.toPlainText(),
            **dates,
            **self._figures_kept(values, dates),
        )
        failed = {p.field for p in problems}
        problems.extend(p for p in project_problems(project) if p.field not in failed)
        if problems:
            raise ValidationError(problems)
        return project

    @property
    def original(self) -> Project:
        """The project as loaded (or reloaded after a conflict): what undo goes back to."""
        return self._original

    def status_change(self) -> tuple[date | None, str]:
        if not self._status_changed():
            return None, ""
        d = self.status_on.date()
        return date(d.year(), d.month(), d.day()), self.status_note.text().strip()

    def _status_changed(self) -> bool:
        return not self.is_new and self.status.currentData() != self._original.status.value

    # -- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        self._show_problems([])
        try:
            project = self.read()
            status_on, note = self.status_change()
            self.saved = self._save(project, status_on, note)
        except ValidationError as exc:
            self._checking = True
            self._show_problems(exc.problems)
            return
        except ConcurrentUpdateError as exc:
            self._on_conflict(exc)
            return
        except NotFoundError as exc:
            show_error(self, exc)
            return
        except Exception as exc:  # noqa: BLE001 - worded for the user, the form stays as typed
            show_error(self, exc)
            return
        super().accept()

    def _on_field_edited(self, field: str) -> None:
        """Problems shown by Save follow the edits: the edited field's message goes (or changes),
        the others stay until they are fixed — never a stale message beside a corrected value.
        (From the first refused Save on, so that a new mistake shows as it is typed too.)"""
        if not self._checking:
            return
        try:
            self.read()
            now: list[Problem] = []
        except ValidationError as exc:
            now = exc.problems
        fields_now = {p.field for p in now}
        kept = [p for p in self._shown_problems if p.field != field and p.field not in fields_now
                and p.code in _SAVE_TIME_CODES]  # fmt: skip
        self._show_problems([*now, *kept], focus=False)

    def _show_problems(self, problems: Sequence[Problem], *, focus: bool = True) -> None:
        self._shown_problems = list(problems)
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for p in problems:
            target = p.field if p.field in self.problems else None
            (by_field.setdefault(target, []) if target else general).append(p.message(self._lang))  # type: ignore[arg-type]
        for field, label in self.problems.items():
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        if general:
            self._show_banner("\n".join(general), problem=True)
        elif self.banner.property("problem"):
            self.banner.hide()
        if by_field and focus:
            first = next(f for f in self.widgets if f in by_field)
            self.widgets[first].setFocus()
        self.adjustSize()  # room for the messages

    def _show_banner(self, text: str, *, problem: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setProperty("problem", problem)
        self.banner.setStyleSheet(problem_style(self.palette()) if problem else "")
        self.banner.show()
        self.adjustSize()

    def _on_conflict(self, exc: ConcurrentUpdateError | None = None) -> None:
        text = self.tr(
            "“%1” was changed by someone else after you opened it, so your changes were not saved.\n\n"
            "Reload shows the saved version with your own changes kept in the form; check them and "
            "save again."
        ).replace("%1", self._original.name)
        from zqtracker.ui.change_log import conflict_detail

        if exc is not None and (detail := conflict_detail(exc)):  # what the other person did
            text += "\n\n" + detail
        if self._reload is None or self._original.id is None or not offer_reload(self, text):
            return
        try:
            fresh = self._reload(self._original.id)
        except NotFoundError as exc:
            show_error(self, exc)
            self.reject()
            return
        try:
            mine = self.read()
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        theirs_changed = _changed_fields(self._original, fresh)
        mine_changed = _changed_fields(self._original, mine)
        status_on, note = self.status_on.date(), self.status_note.text()
        merged = dataclasses.replace(fresh, **{f: getattr(mine, f) for f in mine_changed})
        self._original = fresh
        self._fill(merged)
        self.status_on.setDate(status_on)
        self.status_note.setText(note)
        lang = self._lang
        lines = [self.tr("Reloaded the version saved by someone else.")]
        if theirs_changed:
            lines.append(
                self.tr("Changed there: %1").replace("%1", ", ".join(field_label(f, lang) for f in theirs_changed))
            )
        if mine_changed:
            lines.append(
                self.tr("Your changes kept: %1").replace("%1", ", ".join(field_label(f, lang) for f in mine_changed))
            )
        both = [f for f in mine_changed if f in theirs_changed]
        if both:
            lines.append(
                self.tr("Changed on both sides (yours is in the form): %1").replace(
                    "%1", ", ".join(field_label(f, lang) for f in both)
                )
            )
        self._show_banner("\n".join(lines), problem=bool(both))

    def _on_delete(self) -> None:
        """Delete the project (after the usual confirmation, undoable) and close the editor."""
        if self._delete is not None and self._delete():
            self.deleted = True
            self.reject()

    # -- reactions -------------------------------------------------------------------------
    def _on_status_changed(self, *_args: object) -> None:
        """The date and note of a status change are asked only when the status changes."""
        show = self._status_changed()
        for field in ("changed_on", "status_note"):
            self._forms[field].setRowVisible(self._boxes[field], show)

    def _on_reference_typed(self, field: str, text: str) -> None:
        known = self._known_sectors if field == "sector" else self._known_districts
        text = text.strip()
        hint = self.new_hint[field]
        hint.setVisible(bool(text) and text not in known)
        hint.setText(self.tr("New — it will be added to the list"))


def _changed_fields(a: Project, b: Project) -> list[str]:
    from zqtracker.domain.models import PROJECT_FIELDS

    return [f for f in PROJECT_FIELDS if getattr(a, f) != getattr(b, f)]
