"""The import dialog's question about rows struck through in an .xlsx (io/struck_rows.py): a district's
way of taking a row off its list without deleting it. Asked like the rows hidden in the sheet, naming
the rows and their projects, until answered (the Import button waits); the CLI's --struck-rows.

    question = StruckQuestion()
    question.chosen.connect(...)     # "skip", "import" ("" = not answered)
    question.show_analysis(analysis)

    2 row(s) of sheet “Sheet1” are struck through (rows 4–5): removed from the list?  [leave the struck rows out ▾]
    Struck through: 鼎湖五金项目 (row 4), 鼎湖陶瓷项目 (row 5)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zqtracker.io.row_ranges import runs_text
from zqtracker.io.values import display
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.ui.palette import question_style

NAMED = 6  # projects named under the question; the rest counted


class StruckQuestion(QWidget):
    chosen = Signal(str)  # "skip", "import" ("" = not answered: the import waits)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis: ImportAnalysis | None = None
        self.label = QLabel()
        self.label.setStyleSheet(question_style(self.palette()))  # a question the import waits on
        self.combo = QComboBox()
        for answer in ("", "skip", "import"):
            self.combo.addItem("", answer)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.names = QLabel()
        self.names.setWordWrap(True)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.label)
        line.addWidget(self.combo)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.names)
        self.combo.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.combo.currentData() or ""))
        self._retranslate()
        self.setVisible(False)

    def _retranslate(self) -> None:
        texts = (self.tr("choose…"), self.tr("leave the struck rows out"), self.tr("import them as live projects"))
        for i, text in enumerate(texts):
            self.combo.setItemText(i, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_analysis(self._analysis)
        super().changeEvent(event)

    def show_analysis(self, analysis: ImportAnalysis | None) -> None:
        """Ask about the chosen sheets' struck rows (shown while there are any), their answer shown."""
        self._analysis = analysis
        struck = [sa for sa in analysis.selected if sa.plan is not None and sa.plan.struck] if analysis else []
        self.setVisible(bool(struck))
        if not struck:
            return
        plans = [sa.plan for sa in struck if sa.plan is not None]
        if len(struck) == 1:
            text = self.tr("%1 row(s) of sheet “%2” are struck through (rows %3): removed from the list?")
            text = text.replace("%2", struck[0].name).replace("%3", runs_text(plans[0].struck))
        else:
            where = "; ".join(f"“{sa.name}” {runs_text(plan.struck)}" for sa, plan in zip(struck, plans, strict=True))
            text = self.tr("%1 row(s) are struck through in the sheets (sheet, rows: %2): removed from the list?")
            text = text.replace("%2", where)
        self.label.setText(text.replace("%1", str(sum(len(plan.struck) for plan in plans))))
        self.names.setText(self._names(struck))
        answers = {plan.struck_answer for plan in plans}
        answer = answers.pop() if len(answers) == 1 else None
        self.combo.blockSignals(True)  # showing the answer is no answer
        self.combo.setCurrentIndex(max(self.combo.findData(answer or ""), 0))
        self.combo.blockSignals(False)

    def _names(self, struck: list[SheetAnalysis]) -> str:
        """ "Struck through: 鼎湖五金项目 (row 4), …" — each row's project as the sheet writes it
        (read from the sheet: a row left out is no longer in the plan), the rest counted."""
        named: list[str] = []
        for sa in struck:
            column = next((c.index for c in sa.layout.mapped() if c.field == "name"), None)
            for r in sa.plan.struck if sa.plan is not None else []:
                row = (
                    sa.raw.rows[r - 1 - sa.raw.row_offset] if 0 <= r - 1 - sa.raw.row_offset < len(sa.raw.rows) else []
                )
                j = column - sa.raw.col_offset if column is not None else -1
                name = display(row[j]).strip() if 0 <= j < len(row) else ""
                said = self.tr("%1 (row %2)") if len(struck) == 1 else self.tr("%1 (“%3”, row %2)")
                said = said.replace("%2", str(r)).replace("%3", sa.name)
                named.append(said.replace("%1", name or self.tr("no name")))
        shown = self.tr(", ").join(named[:NAMED])
        if len(named) > NAMED:
            shown += self.tr(" and %1 more").replace("%1", str(len(named) - NAMED))
        return self.tr("Struck through: %1").replace("%1", shown)
