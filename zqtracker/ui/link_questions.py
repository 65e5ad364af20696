"""The question of each row that may be a stored project or another (a near name, a stored project's
code, another district's code, no district and another enterprise's name): "the same as …" or "new
project (keep apart)". Shown by the import dialog (ui/import_questions.py) and the window of a
district's returned workbook (ui/round_return.py); the choice is a link, as --link ROW=… says it.

A row chosen as new that is a stored project exactly (its name and district, or its code spelt another
way: services/import_model.said_new — the project added meanwhile) is refused as new: its question says
so and offers only "the same as …" (after "choose…", the import waiting), never "a near name"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from zqtracker.services.import_model import ImportAnalysis

_ASKED = (
    "near_name",
    "code_zeros_other_name",
    "code_other_project",
    "code_other_district",
    "name_other_enterprise",
    "code_changed",
    "name_other_district",
)
_TAKEN = "new_name_taken"  # said new, yet a stored project exactly
_OF_CODE = {"code_zeros_other_name", "code_other_project", "code_other_enterprise", "code_renumbered"}


class LinkQuestions(QWidget):
    link_chosen = Signal(str, int, int)  # sheet, row, project id (0: keep apart)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)

    def show_links(self, analysis: ImportAnalysis | None) -> None:
        """A question per row whose project is a stored one's or another (its candidates), the first 20."""
        while self.form.rowCount():
            self.form.removeRow(0)
        ctx = analysis.context if analysis else None
        shown = 0
        for sa in analysis.selected if analysis else []:
            names = sa.plan.column("name")  # type: ignore[union-attr]
            for k, pids in sa.candidates.items():
                if shown >= 20 or ctx is None or ctx.matcher is None:
                    break
                row = sa.plan.row_numbers[k]  # type: ignore[union-attr]
                combo = QComboBox()
                codes = {p.problem.code for p in sa.plan.problems.get(k, ())}  # type: ignore[union-attr]
                asked = bool(codes & {*_ASKED, *_OF_CODE, "name_new_enterprise", _TAKEN})
                if asked:  # it would be listed and counted twice: answered before the import goes
                    combo.addItem(self.tr("choose…"), -1)
                if _TAKEN not in codes:  # (new is refused: it is that project)
                    combo.addItem(self.tr("new project (keep apart)"), 0)
                for pid in pids:
                    stored = ctx.matcher.by_id.get(pid)
                    if stored is not None:
                        text = " ".join(
                            t
                            for t in (stored.code or "", stored.name, f"({stored.district})" if stored.district else "")
                            if t
                        )
                        combo.addItem(self.tr("the same as %1").replace("%1", text), pid)
                combo.currentIndexChanged.connect(
                    lambda _i, s=sa.name, r=row, c=combo: self.link_chosen.emit(s, r, int(c.currentData()))
                )
                if _TAKEN in codes:
                    label = self.tr("Row %1 “%2”, chosen as new, is a stored project exactly:")
                elif codes & _OF_CODE:
                    label = self.tr("Row %1 “%2”, its code is a stored project's:")
                elif "code_other_district" in codes:
                    label = self.tr("Row %1 “%2”, its code is another district's project:")
                elif "code_changed" in codes:  # the very name and district under another stored code
                    label = self.tr("Row %1 “%2”, the same name under another code:")
                elif "name_other_district" in codes:  # the very name in another district: moved, or another?
                    label = self.tr("Row %1 “%2”, the same name in another district:")
                elif "name_other_enterprise" in codes:
                    label = self.tr("Row %1 “%2”, no district, another enterprise's name:")
                else:
                    label = self.tr("Row %1 “%2”, a near name:")
                label = label.replace("%1", str(row)).replace("%2", names[k] or "")
                self.form.addRow(label, combo)
                shown += 1
        self.setVisible(shown > 0)
