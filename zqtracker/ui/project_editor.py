"""The project editor: every field of a project, checked at the field, saved through a callback.

The fields themselves, read and filled, are ui/project_form.py; this dialog saves, shows what a
refused save says, and settles a conflict with someone else's save.

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

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import ConcurrentUpdateError, NotFoundError, Problem, ValidationError
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import District, Project, Sector
from zqtracker.domain.money import Unit
from zqtracker.ui.editor_questions import ask_new_district, ask_new_sector, ask_unsaved
from zqtracker.ui.messages import offer_reload, show_error
from zqtracker.ui.palette import muted_style, problem_style
from zqtracker.ui.project_form import ProjectForm
from zqtracker.ui.translations import ui_lang

# save(project, status_on, note) -> the saved project; raises ValidationError, ConcurrentUpdateError
SaveCallback = Callable[[Project, "date | None", str], Project]
# reload(project id) -> the stored project
ReloadCallback = Callable[[int], Project]

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
        self.setWindowTitle(self.tr("New project") if self.is_new else self.tr("Edit project"))

        self.form = ProjectForm(lang=self._lang, is_new=self.is_new, unit=unit, sectors=sectors, districts=districts,
                                enterprises=enterprises, officers=officers)  # fmt: skip
        self._shown_problems: list[Problem] = []
        self._checking = False  # problems follow the edits (after a refused Save)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self._build_layout()
        self.setMinimumWidth(920)
        self._load(self._original)
        self._as_loaded = self.form.snapshot()  # what closing compares with: changed, it asks first
        self._asked_new: dict[str, str] = {}  # field → the new sector or district the user said to add
        self._closing = False  # Cancel, Delete: closing without asking
        self._connect_signals()
        self.form.name.setFocus()

    # -- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        if not self.is_new and self._delete is not None:
            remove = self.buttons.addButton(self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.clicked.connect(self._on_delete)
        required = QLabel(self.tr("* required"))
        required.setStyleSheet(muted_style(self.palette()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(required)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.discard)
        # once problems are shown, every edit checks the form again: a fixed field's message goes
        self.form.edited.connect(self._on_field_edited)

    # -- the form ------------------------------------------------------------------------
    def _load(self, shown: Project) -> None:
        self.form.original = self._original
        self.form.fill(shown)

    def read(self) -> Project:
        """The project the form describes; raises ValidationError with every problem found."""
        return self.form.read()

    @property
    def original(self) -> Project:
        """The project as loaded (or reloaded after a conflict): what undo goes back to."""
        return self._original

    def status_change(self) -> tuple[date | None, str]:
        return self.form.status_change()

    # -- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        self._show_problems([])
        try:
            project = self.read()
            if not self._new_name_confirmed("sector") or not self._new_name_confirmed("district"):
                return
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

    def reject(self) -> None:
        """The title bar's × and Esc: changes typed are not thrown away without asking (Save, Discard
        or Cancel, as desktop editors ask); with none, the editor closes at once."""
        if self._closing or self.saved is not None or self.form.snapshot() == self._as_loaded:
            super().reject()
            return
        answer = ask_unsaved(self, self._original.name or self.form.name.text().strip())
        if answer == QMessageBox.StandardButton.Save:
            self.accept()  # stays open, the problems shown, if the form cannot be saved
        elif answer == QMessageBox.StandardButton.Discard:
            self.discard()

    def discard(self) -> None:
        """Close without saving (the Cancel button: said in so many words)."""
        self._closing = True
        super().reject()

    def _new_name_confirmed(self, field: str) -> bool:
        """A sector or district that is none on the list (and none the import would read it as) is added
        only when the user says so; otherwise back to the form, that field focused."""
        name = self.form.new_name(field)
        if name is None or name == getattr(self._original, field) or name == self._asked_new.get(field):
            return True
        ask = ask_new_sector if field == "sector" else ask_new_district
        if not ask(self, name):
            self.form.widgets[field].setFocus()
            return False
        self._asked_new[field] = name
        return True

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
        kept = [
            p
            for p in self._shown_problems
            if p.field != field and p.field not in fields_now and p.code in _SAVE_TIME_CODES
        ]
        self._show_problems([*now, *kept], focus=False)

    def _show_problems(self, problems: Sequence[Problem], *, focus: bool = True) -> None:
        self._shown_problems = list(problems)
        general = self.form.show_problems(problems, focus=focus)
        if general:
            self._show_banner("\n".join(general), problem=True)
        elif self.banner.property("problem"):
            self.banner.hide()
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
            self.discard()
            return
        try:
            mine = self.read()
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        theirs_changed = _changed_fields(self._original, fresh)
        mine_changed = _changed_fields(self._original, mine)
        status_on, note = self.form.status_on.date(), self.form.status_note.text()
        merged = dataclasses.replace(fresh, **{f: getattr(mine, f) for f in mine_changed})
        self._original = fresh
        self._load(merged)
        self.form.status_on.setDate(status_on)
        self.form.status_note.setText(note)
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
            self.discard()


def _changed_fields(a: Project, b: Project) -> list[str]:
    from zqtracker.domain.models import PROJECT_FIELDS

    return [f for f in PROJECT_FIELDS if getattr(a, f) != getattr(b, f)]
