"""How the project table's cells and headers read: each kind of value as text in the current unit
and language (a date known only to a quarter as "2025年二季度", an unknown sector as a grey "—"),
the tooltips (exact yuan, why a project is stale or incomplete), the marks, and headers on two
lines where they are wider than the values under them.

Apart from the model (ui/project_model.py), which holds, orders and filters the rows: this only
words one row at a time, with no I/O.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from zqtracker.domain.filters import ProjectRow
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import missing_tooltip, not_given
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.project_columns import Column, Kind
from zqtracker.ui.translations import ui_lang

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
NUMERIC = (Kind.MONEY, Kind.DECIMAL, Kind.RATIO)
ACTIVITY_COLUMNS = ("status", "last_activity_on")
# Columns whose blank means "not known yet" (a lead without sector, district or amount): shown as
# a grey "—", never as 0 or as an empty cell that looks like a loading glitch.
UNKNOWN_TEXT = "—"
UNKNOWN_COLUMNS = frozenset({"sector", "chain", "district", "planned_investment"})
# Columns whose blank is a value nobody gave: shown as a grey "Not given" / 未填, never as 新建 / 内资.
NOT_GIVEN_COLUMNS = frozenset({"project_type", "investor_origin"})
MUTED_WHEN_BLANK = UNKNOWN_COLUMNS | NOT_GIVEN_COLUMNS


class CellText(QObject):
    """The words of cells and headers in one unit and language (:meth:`set_unit`, :meth:`retranslate`)."""

    def __init__(self, unit: Unit = Unit.YI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.exact = False
        self.fmt = Formatter(unit)
        self.lang = ui_lang()
        self._stale_icon = None
        self._incomplete_icon = None
        self.bold = QFont()
        self.bold.setBold(True)

    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        """Money in ``unit``, rounded as usual or (``exact``) with every digit."""
        self.unit, self.exact = unit, exact
        self.fmt = Formatter(unit, exact=exact)

    def retranslate(self) -> None:
        """The language (and with it the locale) changed: new labels, separators and dates."""
        self.lang = ui_lang()
        self.fmt = Formatter(self.unit, exact=self.exact)

    def header(self, column: Column) -> str:
        """The header as shown: on two lines when wider than the values under it."""
        return _two_lines(self.header_label(column), self.sample_text(column))

    def header_label(self, column: Column) -> str:
        label = column.label(self.lang)
        return self.fmt.header(label) if column.kind is Kind.MONEY else label

    def sample_text(self, column: Column) -> str:
        """A typical wide value of ``column`` as shown now (what its default width is made for)."""
        from datetime import date, datetime

        from zqtracker.domain.models import InvestorOrigin, ProjectType
        from zqtracker.domain.status import Status

        kind = column.kind
        if kind is Kind.MONEY:
            return self.fmt.money(1_234_567_890_000 if column.key == "planned_investment" else 123_456_780_000)
        if kind in (Kind.DATE, Kind.DATETIME):
            moment = datetime(2023, 12, 28, 23, 58)
            return self.fmt.datetime(moment) if kind is Kind.DATETIME else self.fmt.date(date(2023, 12, 28))
        if kind is Kind.STATUS:
            return max((s.label(self.lang) for s in Status), key=len) + "   "  # and the stale mark
        if kind is Kind.ENUM:
            values = ProjectType if column.key == "project_type" else InvestorOrigin
            return max((not_given(self.lang), *(v.label(self.lang) for v in values)), key=len)
        if kind is Kind.BOOL:
            return "✓"
        if kind in (Kind.DECIMAL, Kind.RATIO):
            return "12,345.67"
        return column.sample

    def display(self, row: ProjectRow, column: Column) -> str | None:
        """The text of one cell, as shown (export of the current view may reuse it)."""
        value = column.value(row)
        if value is None:
            if column.key in NOT_GIVEN_COLUMNS:
                return not_given(self.lang)
            return UNKNOWN_TEXT if column.key in UNKNOWN_COLUMNS else None
        kind = column.kind
        if kind is Kind.TEXT:
            return value  # type: ignore[return-value]
        if kind is Kind.MONEY:
            return self.fmt.money(value)  # type: ignore[arg-type]
        if kind is Kind.DATE:
            precision = getattr(row, f"{column.key}_precision", None)
            if precision is not None:  # a month, quarter or year: "2025年二季度", never a made-up day
                return FuzzyDate(value, DatePrecision(precision)).label(self.lang)  # type: ignore[arg-type]
            return self.fmt.date(value)  # type: ignore[arg-type]
        if kind is Kind.STATUS or kind is Kind.ENUM:
            return value.label(self.lang)  # type: ignore[attr-defined]
        if kind is Kind.BOOL:
            return "✓" if value else ""
        if kind is Kind.DECIMAL:
            return self.fmt.decimal(value)  # type: ignore[arg-type]
        if kind is Kind.RATIO:
            return self.fmt.decimal(value, 2)  # type: ignore[arg-type]
        if kind is Kind.DATETIME:
            return self.fmt.datetime(value)  # type: ignore[arg-type]
        return str(value)

    def tooltip(self, row: ProjectRow, column: Column, stale: bool) -> str | None:
        if column.key in UNKNOWN_COLUMNS and column.value(row) is None:
            return missing_tooltip(row.missing, self.lang)
        if column.kind is Kind.MONEY:
            value = column.value(row)
            return None if value is None else self.tr("%s yuan (exact)") % self.fmt.yuan(value)  # type: ignore[arg-type]
        if column.key in ACTIVITY_COLUMNS and stale:
            if row.last_activity_on is None:
                return self.tr("Stale: no status change or investment record")
            return self.tr("Stale: no status change or investment record since %s") % self.fmt.date(
                row.last_activity_on
            )
        if column.key == "name":
            missing = row.missing
            return row.name if not missing else f"{row.name}\n{missing_tooltip(missing, self.lang)}"
        if column.kind is Kind.TEXT:  # a district or enterprise the column cuts: whole here
            return column.value(row) or None  # type: ignore[return-value]
        return None

    def incomplete_icon(self):
        if self._incomplete_icon is None:
            from zqtracker.ui.marks import incomplete_icon

            self._incomplete_icon = incomplete_icon()
        return self._incomplete_icon

    @staticmethod
    def muted_brush():
        from PySide6.QtWidgets import QApplication

        from zqtracker.ui.palette import muted_color

        return muted_color(QApplication.palette())  # asked each time: the palette may turn dark

    def stale_icon(self):
        if self._stale_icon is None:
            from PySide6.QtWidgets import QApplication, QStyle  # QStyle costs 30 ms: not before it is needed

            self._stale_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._stale_icon


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _two_lines(label: str, sample: str) -> str:
    """A header longer than the values under it, on two lines: "Planned investment\n(¥ bn)",
    "Key\nproject" — so that the columns a user needs fit a 1366-pixel screen unclipped."""
    if _width(label) <= max(_width(sample), 8):
        return label
    for bracket in (" (", "（"):
        at = label.find(bracket)
        if at > 0:
            return f"{label[:at]}\n{label[at:].lstrip()}"
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if not spaces:
        return label
    middle = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:middle]}\n{label[middle + 1 :]}"
