"""Small dialogs of the reference-list editor: a name (and a sector's industry chain), and an
enterprise with its credit code checked as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from zqtracker.domain.credit_code import credit_code_problem, normalize_credit_code
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import Enterprise
from zqtracker.ui.palette import problem_style
from zqtracker.ui.translations import ui_lang


class NameDialog(QDialog):
    """Name (and, for sectors, the industry chain) of one entry; problems shown in the dialog."""

    def __init__(
        self, parent: QWidget, title: str, name: str, chains: list[str] | None = None, chain: str | None = None
    ):
        super().__init__(parent)
        self.setObjectName("reference_name_dialog")
        self.setWindowTitle(title)
        self.name = QLineEdit(name)
        self.chain = QComboBox() if chains is not None else None
        self.problem = QLabel()
        self.problem.setStyleSheet(problem_style(self.palette()))
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        if self.chain is not None:
            self.chain.addItem(self.tr("(none: an industry chain or a sector on its own)"), "")
            for c in chains or []:
                self.chain.addItem(c, c)
            self.chain.setCurrentIndex(max(0, self.chain.findData(chain or "")))
            form.addRow(self.tr("Industry chain"), self.chain)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def chain_name(self) -> str | None:
        """The industry chain picked (None: none, or a dialog without the choice)."""
        return (self.chain.currentData() or None) if self.chain is not None else None

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class EnterpriseDialog(QDialog):
    """One enterprise: the credit code is checked as it is typed (length, alphabet, check digit)."""

    def __init__(self, parent: QWidget, enterprise: Enterprise | None) -> None:
        super().__init__(parent)
        self.setObjectName("enterprise_dialog")
        e = enterprise or Enterprise(name="")
        self.setWindowTitle(self.tr("New enterprise") if enterprise is None else self.tr("Edit enterprise"))
        self.name = QLineEdit(e.name)
        self.credit_code = QLineEdit(e.credit_code or "")
        self.credit_code.setMaxLength(24)
        self.credit_code.setPlaceholderText("91441200MA4UXXXXXX")
        self.code_problem = QLabel()
        self.code_problem.setStyleSheet(problem_style(self.palette()))
        self.code_problem.setWordWrap(True)
        self.high_tech = QCheckBox(self.tr("High-tech enterprise (高新技术企业)"))
        self.specialized = QCheckBox(self.tr("Specialized and new (专精特新)"))
        self.little_giant = QCheckBox(self.tr("National “little giant” (小巨人)"))
        self.high_tech.setChecked(e.is_high_tech)
        self.specialized.setChecked(e.is_specialized_new)
        self.little_giant.setChecked(e.is_little_giant)
        self.problem = QLabel()
        self.problem.setStyleSheet(problem_style(self.palette()))
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Unified social credit code"), self.credit_code)
        form.addRow("", self.code_problem)
        for box in (self.high_tech, self.specialized, self.little_giant):
            form.addRow("", box)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.setMinimumWidth(560)
        self._id = e.id
        self.credit_code.textChanged.connect(self._check_code)
        self._check_code(self.credit_code.text())

    def _check_code(self, text: str) -> None:
        code = normalize_credit_code(text)
        reason = credit_code_problem(code) if code else None
        if reason:
            self.code_problem.setText(
                Problem("bad_credit_code", "credit_code", {"value": code, "reason": reason}).message(ui_lang())
            )
        self.code_problem.setVisible(bool(reason))

    def value(self) -> Enterprise:
        return Enterprise(
            name=self.name.text(),
            credit_code=self.credit_code.text() or None,
            is_high_tech=self.high_tech.isChecked(),
            is_specialized_new=self.specialized.isChecked(),
            is_little_giant=self.little_giant.isChecked(),
            id=self._id,
        )

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.adjustSize()
