"""Input widgets for the project editor: money in the user's unit, optional dates and decimals,
and pickers (sector, district) with completion.

Each has ``value()`` (raising ValidationError naming its field, never guessing) and
``set_value()``, so the editor reads a whole form the same way it validates it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.models import Sector
from zqtracker.domain.money import Unit, parse_money
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.ui.collation import by_pinyin
from zqtracker.ui.formatting import Formatter

_NO_DATE = QDate(1900, 1, 1)


class MoneyEdit(QWidget):
    """An amount typed in the chosen unit (or with its own: "12.5亿", "3000万元"); shown exactly."""

    edited = Signal()

    def __init__(self, field: str, unit: Unit, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.field, self.unit, self.required = field, unit, required
        self.line = QLineEdit(self)
        self.suffix = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.suffix)
        self.line.textEdited.connect(self.edited)
        self.set_unit(unit)

    def set_unit(self, unit: Unit, lang: str = "en") -> None:
        """Amounts typed and shown in ``unit`` as a reader of ``lang`` counts it (亿元 / ¥ bn)."""
        self.unit = unit
        self.format = MoneyFormat(unit, lang, exact=True)
        self.suffix.setText(self.format.label)

    def value(self) -> int | None:
        text = self.line.text().strip()
        if not text:
            if self.required:
                raise ValidationError(Problem("required", self.field))
            return None
        return parse_money(text, self.format.factor, field=self.field)

    def set_value(self, yuan: int | None) -> None:
        """Every digit (an edit must never round an amount the user did not touch)."""
        self.line.setText(self.format.number(yuan, grouping=False))


class DecimalEdit(QLineEdit):
    """A positive decimal (land area in mu), exact: "123.4567"."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def value(self) -> Decimal | None:
        text = self.text().strip().replace(",", "").replace("，", "")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError(Problem("not_a_number", self.field, {"value": text})) from None
        if not value.is_finite():
            raise ValidationError(Problem("not_a_number", self.field, {"value": text}))
        return value

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value.normalize():f}")


class OptionalDateEdit(QWidget):
    """A date that may be empty: a calendar-popup date edit showing "—" when empty, and a clear
    button (Qt's QDateEdit cannot be empty)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setMaximumDate(QDate(2200, 12, 31))
        self.edit.setSpecialValueText("—")
        self.edit.setDisplayFormat(Formatter().date_format)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.edit.dateChanged.connect(self._on_changed)
        self.edit.calendarWidget().installEventFilter(self)
        self.clear()

    def value(self) -> date | None:
        d = self.edit.date()
        return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def clear(self) -> None:
        self.edit.setDate(_NO_DATE)

    def _on_changed(self, d: QDate) -> None:
        self.clear_button.setEnabled(d != _NO_DATE)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty date opens the calendar on this month, not on January 1900.
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


def completer(words: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel(list(words), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(12)
    return completer


_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 10


class _IndentDelegate(QStyledItemDelegate):
    """Indents second-level items (sectors under their chain) in a combo box's list."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(_LEVEL_ROLE):
            option.rect.adjust(option.fontMetrics.horizontalAdvance("    "), 0, 0, 0)


def picker(model: QStandardItemModel) -> QComboBox:
    """An editable combo box: pick from the list, or type a new name (added on save)."""
    combo = QComboBox()
    combo.setItemDelegate(_IndentDelegate(combo))
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setModel(model)
    combo.setMaxVisibleItems(20)
    completer = combo.completer()  # an editable combo box has one
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentIndex(-1)
    return combo


def plain_model(names: Sequence[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    for n in names:
        model.appendRow(QStandardItem(n))
    return model


def sector_model(sectors: Sequence[Sector]) -> QStandardItemModel:
    """Sectors grouped under their industry chain; a chain is itself a choice (bold)."""
    model = QStandardItemModel()
    chains = by_pinyin({s.parent for s in sectors if s.parent})
    children: dict[str, list[str]] = {}
    for s in sectors:
        if s.parent:
            children.setdefault(s.parent, []).append(s.name)
    for chain in chains:
        item = QStandardItem(chain)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        model.appendRow(item)
        for name in by_pinyin(children[chain]):
            child = QStandardItem(name)
            child.setData(1, _LEVEL_ROLE)
            child.setToolTip(f"{chain} › {name}")
            model.appendRow(child)
    for s in by_pinyin(sectors, key=lambda s: s.name):
        if not s.parent and s.name not in chains:
            model.appendRow(QStandardItem(s.name))
    return model
