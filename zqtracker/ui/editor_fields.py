"""Input widgets for the project editor: money in the user's unit, land area in mu, and pickers
(sector, district) with completion (dates: ui/date_field.py).

Each has ``value()`` (raising ValidationError naming its field, never guessing) and
``set_value()``, so the editor reads a whole form the same way it validates it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.models import Sector
from zqtracker.domain.money import Unit, parse_money
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.io.decimals import parse_decimal
from zqtracker.ui.collation import by_pinyin


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


LAND_DECIMALS = 4  # as many as a land area keeps (storage/codec.py AREA_SCALE)


class DecimalEdit(QLineEdit):
    """A land area in mu, read as the import reads one ("150.25", "1,234.5", "16.15亩"): a comma that
    does not separate thousands ("12,5") is refused, never dropped; more decimals than are kept round
    half up, as an amount rounds to the yuan, and :meth:`rounded` says so beside the field."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def value(self) -> Decimal | None:
        text = self.text().strip()
        if not text:
            return None
        number = parse_decimal(text, self.field)
        if -number.as_tuple().exponent > LAND_DECIMALS:  # type: ignore[operator]
            return number.quantize(Decimal(1).scaleb(-LAND_DECIMALS), rounding=ROUND_HALF_UP)
        return number

    def rounded(self) -> Decimal | None:
        """What is kept of a value typed with more decimals than that (12.34567 → 12.3457), else None."""
        try:
            kept = self.value()
            typed = parse_decimal(self.text().strip(), self.field) if kept is not None else None
        except ValidationError:
            return None
        return kept if typed is not None and kept != typed else None

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value.normalize():f}")


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
