"""The import preview: the sheet as it is, with what will happen to each row.

Column 0 says what happens to the row (new, update with its field-level diff, unchanged,
invalid, total/section/notes skipped), a row hidden in the sheet greyed and marked so, a row struck
through in the file struck through here and marked waiting for the user's answer (ui/struck_marks.py); the
other columns are the sheet's own, their header showing the column's letter, its text and the
field it maps to (with the unit for money). Problem cells are highlighted and carry their reason
as a tooltip. For 100k rows ``data()`` only looks values up; texts are built once per row and
cached.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.currency import ForeignAmount, currency_unit_label
from zqtracker.domain.fuzzy_dates import FuzzyDate
from zqtracker.domain.history_words import as_of_text, field_text, value_text
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.domain.words import APP
from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER
from zqtracker.io.layout import ColumnInfo
from zqtracker.io.numfmt import column_letter
from zqtracker.io.values import display
from zqtracker.services.import_changes import plain
from zqtracker.services.import_model import INVALID, NEW, UPDATE, FieldChange, SheetAnalysis
from zqtracker.ui.import_figures_only import figures_only
from zqtracker.ui.struck_marks import (
    LEFT_OUT,
    LEFT_OUT_KIND,
    struck_background,
    struck_font,
    struck_foreground,
    struck_states,
    struck_status,
    struck_tooltip,
)

STATUS_COLUMN = 0
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "new", "update", "same", "invalid", "exists", "total", ...
STRUCK_ROLE = Qt.ItemDataRole.UserRole + 2  # a row struck through in the file: "waiting", "left_out", "imported"

_TINTS = {NEW: "#2e7d32", UPDATE: "#1565c0", INVALID: "#c62828", "exists": "#6d6d6d"}
_MONEY = ("planned_investment", "expected_annual_output", "expected_annual_tax")
_UNIT_NAMES = {1: Unit.YUAN, 10_000: Unit.WAN, 100_000_000: Unit.YI}


def _tint(color: str, alpha: int) -> QBrush:
    c = QColor(color)
    c.setAlpha(alpha)
    return QBrush(c)


def shown_value(f: str, value: Any, lang: str) -> str:
    """A field value as the diff shows it ("1,210,000,000 元", "在建", "是", "2023-06" — an amount in exact yuan
    and a date at its precision, as the CLI's dry run and the audit trail say it); never a Python object's repr."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("PreviewModel", "yes")
        return QCoreApplication.translate("PreviewModel", "no")
    if _is_money(f) and isinstance(value, int):  # exact (an amount in 亿 hid a change of 3112万 → 3112.4万)
        return value_text(f, value, lang)
    if isinstance(value, FuzzyDate):  # 2023-04-01, 2023-06, 2023-Q2, 2023
        return value.iso()
    if isinstance(value, (Status, ProjectType, InvestorOrigin, ForeignAmount)):
        return value.label(lang)
    return str(plain(value))  # a date, a decimal (a land area in 亩) as plain text


def diff_text(changes: list[FieldChange], lang: str) -> str:
    """ "status 在建 → 投产, planned 12.00 → 12.10 亿元, annual plan 2025 1.40 → 1.20 亿元" in the user's language."""
    sep = QCoreApplication.translate("PreviewModel", ", ")
    return sep.join(f"{field_text(c.field, lang)} {' → '.join(_sides(c, lang))}" for c in changes)


def _sides(c: FieldChange, lang: str) -> tuple[str, str]:
    """Both values of a change; amounts in exact yuan, the CLI's dry run's words (never "12.00亿元 → 12.00亿元")."""
    if c.field == "since_start":  # (amount, year, month): "304,000,000 元（截至2026年9月）"
        old, new = c.before, c.after
        before = as_of_text(value_text("planned_investment", old[0], lang), old[1], old[2], lang) if old else "—"
        return before, as_of_text(value_text("planned_investment", new[0], lang), new[1], new[2], lang)
    return shown_value(c.field, c.before, lang), shown_value(c.field, c.after, lang)


def _is_money(f: str) -> bool:
    return f in _MONEY or f.startswith("plan ")  # an annual plan's change: "plan 2025" (the audit trail's name)


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: SheetAnalysis | None = None
        self.lang = "en"
        self.words: dict[str, str] = {}
        self._k_of: dict[int, int] = {}
        self._problems: dict[tuple[int, int], list[str]] = {}
        self._status_text: dict[int, str] = {}
        self._hidden: frozenset[int] = frozenset()  # data rows hidden in the sheet (indexes into the rows)
        self._struck: dict[int, str] = {}  # data rows struck through in the file → their state (ui/struck_marks.py)
        self._width = 0
        self._derived: dict[tuple[int, int], tuple[str, str]] = {}  # a year to date's cell → the month it writes
        self.derived_columns: set[int] = set()
        self.column_units: dict[int, int] = {}  # the user's unit per sheet column (set by the dialog)
        self.kept_units: dict[int, int] = {}  # one given for an earlier file: where the file states none
        self.default_unit: int | None = None  # the user's unit for amounts that have none

    # -- content ---------------------------------------------------------------------------------
    def set_sheet(
        self, sheet: SheetAnalysis | None, lang: str, words: dict[str, str], derived: dict | None = None
    ) -> None:
        """``words``: the dialog's translated words for statuses ("new" → "新增" …); ``derived``: (row, column)
        → (the month a year to date writes, its tooltip), ui/import_derived_cells.py."""
        self.beginResetModel()
        self.sheet, self.lang, self.words = sheet, lang, words
        self._derived = derived or {}
        self.derived_columns = {j for _i, j in self._derived}
        self._k_of, self._problems, self._status_text = {}, {}, {}
        self._width = sheet.raw.width if sheet is not None else 0
        plan = sheet.plan if sheet is not None else None
        self._hidden, self._struck = frozenset(), struck_states(sheet)
        if plan is not None:
            self._k_of = {i: k for k, i in enumerate(plan.data_rows)}
            self._hidden = frozenset(r - 1 - sheet.raw.row_offset for r in plan.hidden)  # type: ignore[union-attr]
            letters = {column_letter(sheet.raw.col_offset + j): j for j in range(self._width)}  # type: ignore[union-attr]
            for k, problems in plan.problems.items():
                i = plan.data_rows[k]
                for p in problems:
                    j = letters.get(p.column, -1)
                    self._problems.setdefault((i, j), []).append(p.reason(lang, APP))  # the dialog's way, no flag
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.raw.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.sheet is None else self._width + 1

    def column_info(self, section: int) -> ColumnInfo | None:
        if self.sheet is None or section == STATUS_COLUMN:
            return None
        return self.sheet.layout.column(self.sheet.raw.col_offset + section - 1)

    def row_kind(self, i: int) -> str:
        sheet = self.sheet
        if sheet is None:
            return ""
        layout = sheet.layout
        r = sheet.raw.row_offset + i
        if layout.header_row <= r < layout.data_start:
            return "header"
        k = self._k_of.get(i)
        if k is not None and sheet.status:
            return sheet.status[k]
        if self._struck.get(i) == LEFT_OUT:
            return LEFT_OUT_KIND
        if sheet.plan is not None:
            if i in sheet.plan.skipped:
                return sheet.plan.skipped[i]
            ends = sheet.plan.notes_from or sheet.plan.second_table
            if ends is not None and r + 1 >= ends:
                return "note"
        return "title" if r < layout.header_row else ""

    def _status(self, i: int) -> str:
        text = self._status_text.get(i)
        if text is None:
            text = self._status_text[i] = self._row_status(i)
            if i in self._struck:  # struck through in the file: waiting for the answer, left out, imported
                text = self._status_text[i] = struck_status(self._struck[i], text)
        return text

    def _row_status(self, i: int) -> str:
        kind = self.row_kind(i)
        text = self.words.get(kind, "")
        sheet = self.sheet
        k = self._k_of.get(i)
        if sheet is not None and k is not None and figures_only(sheet, k):  # as the counts (and the CLI) say
            text = self.words.get("figures_only", text)
        if sheet is not None and k is not None:
            colon = self.tr(": ")
            if k in sheet.month_rows and sheet.plan is not None:
                text = self.words.get("month_row", "%1").replace("%1", str(sheet.plan.row_numbers[sheet.month_rows[k]]))
            elif k in sheet.changes:  # an update's fields; any row's enterprise given its credit code
                text = f"{text}{colon}{diff_text(sheet.changes[k], self.lang)}"
            elif k in sheet.candidates:  # a near name, or said new yet a stored project exactly (its question)
                taken = sheet.plan is not None and any(
                    p.problem.code == "new_name_taken" for p in sheet.plan.problems.get(k, ())
                )
                text = f"{text}{colon}{self.words.get('taken' if taken else 'near', '')}"
            elif kind == INVALID and sheet.plan is not None and k in sheet.plan.problems:
                text = f"{text}{colon}{sheet.plan.problems[k][0].reason(self.lang, APP)}"
            if k in sheet.records and sheet.plan is not None and sheet.plan.sheet_problems:
                text += "  " + self.words.get("records_held", "")  # the sheet's question decides the period
            elif k in sheet.records:
                written, same = sheet.records[k]
                text += "  " + self.words.get("records", "{0}").format(written, same)
        if i in self._hidden and kind != "hidden_row":
            text = f"{self.words.get('hidden_mark', '')} · {text}"
        return text

    # -- Qt -------------------------------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.sheet is None:
            return None
        i, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == STATUS_COLUMN:
                return self._status(i)
            row = self.sheet.raw.rows[i]
            shown = display(row[c - 1]) if c - 1 < len(row) else ""
            derived = self._derived.get((i, c - 1))
            return f"{shown}  → {derived[0]}" if derived else shown
        if role == KIND_ROLE:
            return self.row_kind(i)
        if role == STRUCK_ROLE:
            return self._struck.get(i)
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == STATUS_COLUMN and i in self._struck:
                return struck_tooltip(self._struck[i], self._status(i), self._row_status(i))
            if c == STATUS_COLUMN:
                return self._status(i) or None
            reasons = list(self._problems.get((i, c - 1), []))
            derived = self._derived.get((i, c - 1))
            return "\n".join([*reasons, derived[1]] if derived else reasons) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if c != STATUS_COLUMN and (i, c - 1) in self._problems:
                return _tint("#e53935", 110)
            if i in self._struck and (brush := struck_background(self._struck[i], c == STATUS_COLUMN)) is not None:
                return brush
            if i in self._hidden:  # greyed, whatever happens to it
                return _tint("#9e9e9e", 70 if c == STATUS_COLUMN else 40)
            kind = self.row_kind(i)
            color = _TINTS.get(kind)
            if color is not None:
                return _tint(color, 55 if c == STATUS_COLUMN else 22)
            if kind == "header":
                return _tint("#9e9e9e", 45)
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = self._font(i)
            return struck_font(font) if i in self._struck and c != STATUS_COLUMN else font
        if role == Qt.ItemDataRole.ForegroundRole:
            if i in self._struck and (brush := struck_foreground(self._struck[i])) is not None:
                return brush
            info = self.column_info(c)
            kind = self.row_kind(i)
            if kind in ("total", "note", "title") or i in self._hidden:
                return QBrush(QColor("#8a8a8a"))
            if info is not None and c != STATUS_COLUMN and not _imported(info):
                return QBrush(QColor("#8a8a8a"))
        return None

    def _font(self, i: int) -> QFont | None:
        kind = self.row_kind(i)
        if kind in ("total", "section1", "section2", "note", "title", "part", "unit") or i in self._hidden:
            font = QFont()
            font.setItalic(True)
            return font
        if kind == "header":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.sheet is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.sheet.raw.row_offset + section + 1)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == STATUS_COLUMN:
                return self.words.get("what", "")
            return self.header_text(section)
        if role == Qt.ItemDataRole.ToolTipRole and section != STATUS_COLUMN:
            return self.words.get("remap", "")
        if role == Qt.ItemDataRole.ForegroundRole and section != STATUS_COLUMN:
            info = self.column_info(section)
            if info is None or not _imported(info):
                return QBrush(QColor("#8a8a8a"))
        return None

    def header_text(self, section: int) -> str:
        info = self.column_info(section)
        letter = column_letter(self.sheet.raw.col_offset + section - 1) if self.sheet else ""
        if info is None:
            return f"{letter}\n→ {self.words.get('off', '')}"
        head = f"{letter}  {info.header}" if info.header else letter
        if section - 1 in self.derived_columns:  # its months worked out from it are shown in its cells
            return f"{head}\n→ {self.mapping_text(info)} · {self.words.get('derived_head', '')}"
        return f"{head}\n→ {self.mapping_text(info)}"

    def mapping_text(self, info: ColumnInfo) -> str:
        if info.hidden or not _imported(info):
            why = "hidden" if info.note.startswith("hidden") else "off"
            return self.words.get(why, "")
        if info.month is not None:
            y, m = info.month
            label = f"{y or '?'}-{m:02d}"
        else:
            label = field_label(info.field, self.lang)
        if info.field == "ytd_last" and info.period is not None:  # 去年1-10月累计: which months of which year
            label = f"{label} {MonthSpan(info.period[0], 1, info.period[1]).label(self.lang, with_year=True)}"
        currency = info.currency or (self.sheet.layout.unit_currency if self.sheet and info.unit is None else None)
        if info.is_money and currency:  # another currency: never shown as yuan
            unit_name = currency_unit_label(currency, info.unit, self.lang)
            return self.tr("%1 (%2)").replace("%1", label).replace("%2", unit_name)
        unit = self._unit_of(info)
        if unit is None:
            return label
        return self.tr("%1 (%2)").replace("%1", label).replace("%2", unit.label(self.lang))

    def _unit_of(self, info: ColumnInfo) -> Unit | None:
        if not info.is_money or self.sheet is None:
            return None
        stated = info.unit or self.sheet.layout.unit_line  # (io/cell_convert.money_unit's order)
        factor = self.column_units.get(info.index) or stated or self.kept_units.get(info.index) or self.default_unit
        return _UNIT_NAMES.get(factor or 0)


def _imported(info: ColumnInfo) -> bool:
    if not info.field or info.hidden:
        return False
    return info.field != ROW_NUMBER and not info.field.startswith(IGNORED_PREFIX)


class PreviewFilter(QSortFilterProxyModel):
    """Show all rows, only rows with problems, or only rows that change something."""

    ALL, PROBLEMS, CHANGES = 0, 1, 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = self.ALL

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.mode == self.ALL:
            return True
        model = self.sourceModel()
        kind = model.row_kind(source_row)  # type: ignore[attr-defined]
        if self.mode == self.PROBLEMS:
            return kind == INVALID
        return kind in (NEW, UPDATE)
