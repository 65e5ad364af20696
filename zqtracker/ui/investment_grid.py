"""Editable grids of one project's money by period: monthly completed investment, annual plans.

A cell accepts what parse_money accepts ("1.2", "3,000万", "0.5亿"), read in the chosen unit when
no unit is typed; an empty cell removes the record. The grid never writes: it asks for the
change (``edit_requested``) and the window saves it as an undoable command, then reloads.
Bad input is refused in the cell with a message (``problem``); nothing is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from zqtracker.domain.cumulative import MonthSpan, span_of
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.models import AnnualPlan, InvestmentRecord
from zqtracker.domain.money import MAX_MONEY, Unit, parse_money
from zqtracker.domain.months import calendar_text
from zqtracker.ui import figure_texts
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.translations import ui_lang

_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
_READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def parse_cell(text: str, factor: int, field: str) -> int | None:
    """Integer yuan from a cell's text in the shown unit (``factor`` yuan each, unless the text
    names its own: "1.2亿"); None for an empty cell. Raises ValidationError."""
    text = text.strip()
    if not text:
        return None
    yuan = parse_money(text, factor, field=field)
    if yuan > MAX_MONEY:
        raise ValidationError(Problem("too_large", field, {"value": text}))
    return yuan


def edit_text(yuan: int | None, fmt: Formatter) -> str:
    """The exact amount without grouping, as a user would type it back."""
    return fmt.edit_text(yuan)


class MonthlyInvestmentModel(QAbstractTableModel):
    """Rows: January … December, then the year's total (read-only); columns: years.

    Months run down so that the grid fits the narrow detail pane; a year is one column.
    """

    edit_requested = Signal(int, list)  # project id, [(year, month, amount or None)]
    problem = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.project_id: int | None = None
        self._amounts: dict[tuple[int, int], int] = {}
        self._spans: dict[tuple[int, int], MonthSpan] = {}  # (year, last month) → the months it covers
        self._inside: dict[tuple[int, int], MonthSpan] = {}  # (year, month) → the span it is inside of
        self._years: list[int] = []
        self._fmt = Formatter(Unit.YI)

    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        self.beginResetModel()
        self._fmt = Formatter(unit, exact=exact)
        self.endResetModel()

    def set_records(
        self, project_id: int | None, records: Sequence[InvestmentRecord], extra_years: Sequence[int]
    ) -> None:
        self.beginResetModel()
        self.project_id = project_id
        self._amounts = {(r.year, r.month): r.amount for r in records}
        self._spans = {(r.year, r.month): span_of(r) for r in records if r.is_span}
        self._inside = {(sp.year, m): sp for sp in self._spans.values() for m in range(sp.first, sp.last)}
        self._years = sorted({y for y, _ in self._amounts} | set(extra_years))
        self.endResetModel()

    def add_year(self, year: int) -> None:
        if year in self._years:
            return
        self.beginResetModel()
        self._years = sorted({*self._years, year})
        self.endResetModel()

    @property
    def years(self) -> list[int]:
        return list(self._years)

    def cell(self, year: int, month: int) -> QModelIndex:
        """The index of one month of one year (13 for the total)."""
        return self.index(month - 1, self._years.index(year))

    def amount(self, year: int, month: int) -> int | None:
        return self._amounts.get((year, month))

    def year_total(self, year: int) -> int:
        return sum(a for (y, _m), a in self._amounts.items() if y == year)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 13

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._years)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._years[section]) if 0 <= section < len(self._years) else None
        if section == 12:
            return self.tr("Total")
        return calendar_text("month", ui_lang(), month=section + 1)  # "Jan" / "1月", as every layer writes it

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.row() == 12:
            return _READ_ONLY
        if index.isValid() and (self._years[index.column()], index.row() + 1) in self._inside:
            return _READ_ONLY  # its amount is inside a figure of several months: unknown on its own
        return _EDITABLE

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        year = self._years[index.column()]
        key = (year, index.row() + 1)
        if index.row() == 12:
            value: int | None = self.year_total(year)
        else:
            value = self._amounts.get(key)
            inside = self._inside.get(key)
            if inside is not None:
                return self._inside_data(inside, role)
        span = self._spans.get(key)
        if span is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self._fmt.money(value)} ({span.label(ui_lang())})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return figure_texts.span_tooltip(self._fmt.yuan(value), span, ui_lang())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fmt.money(value)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value, self._fmt)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            return self.tr("%s yuan (exact)") % self._fmt.yuan(value)
        if role == Qt.ItemDataRole.FontRole and index.row() == 12:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _inside_data(self, span: MonthSpan, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"↓ {span.label(ui_lang())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure_texts.inside_span_tooltip(span, ui_lang())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().placeholderText()
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() == 12 or self.project_id is None:
            return False
        year, month = self._years[index.column()], index.row() + 1
        if (year, month) in self._inside:
            return False
        try:
            amount = parse_cell(str(value or ""), self._fmt.factor, "amount")
        except ValidationError as exc:
            self.problem.emit("; ".join(p.message(ui_lang()) for p in exc.problems))
            return False
        if amount == self._amounts.get((year, month)):
            return False
        span = self._spans.get((year, month))
        # a new amount for a 1–X月 figure stays a figure for those months
        self.edit_requested.emit(self.project_id, [(year, month, amount, span.first if span else None)])
        return True

    def paste(self, top: QModelIndex, text: str) -> None:
        """Cells copied from a spreadsheet, from ``top`` on, as one edit.

        One copied row (the months side by side, as monthly reports lay them out) runs down the
        months; several rows are months down and years across, as the grid shows them.
        """
        if self.project_id is None or not top.isValid():
            return
        lines = [line.rstrip("\r").split("\t") for line in text.rstrip("\n").split("\n")]
        if len(lines) == 1:
            lines = [[cell] for cell in lines[0]]
        changes: list[tuple[int, int, int | None]] = []
        try:
            for dr, cells in enumerate(lines):
                for dc, cell in enumerate(cells):
                    r, c = top.row() + dr, top.column() + dc
                    if r >= 12 or c >= len(self._years) or (self._years[c], r + 1) in self._inside:
                        continue
                    changes.append((self._years[c], r + 1, parse_cell(cell, self._fmt.factor, "amount")))
        except ValidationError as exc:
            self.problem.emit("; ".join(p.message(ui_lang()) for p in exc.problems))
            return
        if changes:
            self.edit_requested.emit(self.project_id, changes)


class AnnualPlanModel(QAbstractTableModel):
    """Rows: years; columns: annual plan (editable), completed that year, % of plan."""

    edit_requested = Signal(int, list)  # project id, [(year, amount or None)]
    problem = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.project_id: int | None = None
        self._plans: dict[int, int] = {}
        self._completed: dict[int, int] = {}
        self._years: list[int] = []
        self._fmt = Formatter(Unit.YI)

    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        self.beginResetModel()
        self._fmt = Formatter(unit, exact=exact)
        self.endResetModel()

    def set_data(
        self,
        project_id: int | None,
        plans: Sequence[AnnualPlan],
        records: Sequence[InvestmentRecord],
        extra_years: Sequence[int],
    ) -> None:
        self.beginResetModel()
        self.project_id = project_id
        self._plans = {p.year: p.amount for p in plans}
        self._completed = {}
        for r in records:
            self._completed[r.year] = self._completed.get(r.year, 0) + r.amount
        self._years = sorted(set(self._plans) | set(self._completed) | set(extra_years), reverse=True)
        self.endResetModel()

    def add_year(self, year: int) -> None:
        if year in self._years:
            return
        self.beginResetModel()
        self._years = sorted({*self._years, year}, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._years)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._years[section]) if 0 <= section < len(self._years) else None
        return (self.tr("Plan"), self.tr("Completed"), self.tr("% of plan"))[section]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _EDITABLE if index.column() == 0 else _READ_ONLY

    def percent(self, year: int) -> float | None:
        plan = self._plans.get(year)
        if not plan:
            return None
        return self._completed.get(year, 0) * 100 / plan

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        year = self._years[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if column == 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._fmt.percent(self.percent(year))
            return None
        value = self._plans.get(year) if column == 0 else self._completed.get(year)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fmt.money(value)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value, self._fmt)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            return self.tr("%s yuan (exact)") % self._fmt.yuan(value)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0 or self.project_id is None:
            return False
        year = self._years[index.row()]
        try:
            amount = parse_cell(str(value or ""), self._fmt.factor, "plan")
        except ValidationError as exc:
            self.problem.emit("; ".join(p.message(ui_lang()) for p in exc.problems))
            return False
        if amount == self._plans.get(year):
            return False
        self.edit_requested.emit(self.project_id, [(year, amount)])
        return True


class GridView(QTableView):
    """A money grid: Ctrl+V pastes cells copied from a spreadsheet; Delete clears cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def keyPressEvent(self, event) -> None:
        model = self.model()
        if event.matches(QKeySequence.StandardKey.Paste) and isinstance(model, MonthlyInvestmentModel):
            model.paste(self.currentIndex(), QApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                model.setData(index, "")
                return
        super().keyPressEvent(event)
