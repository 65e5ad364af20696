"""The project table's model over 100k ProjectRows, sorted and filtered without Qt's proxy.

Why not QSortFilterProxyModel: it calls ``data()`` for every comparison (8–9 s to sort 100k rows
here). Rows live in a RowStore (numpy arrays, row_order.py); the model keeps the shown positions
in the current order. Typing one more search character filters only the rows shown. Every
change ends in one model reset; the view keeps the selection by project id.

Before all rows are loaded the model shows a first page (an ordered LIMIT query) as a plain
list; a sort or filter chosen then is remembered and applied when the rows arrive. ``data()``
does no I/O; values are formatted on demand for the visible cells (dates cached) by
ui/project_cells.py, which says how each cell and header reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.domain.money import Unit
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.project_cells import ACTIVITY_COLUMNS, CENTER, LEFT, MUTED_WHEN_BLANK, NUMERIC, RIGHT, CellText
from zqtracker.ui.project_columns import COLUMNS, Column, Kind

if TYPE_CHECKING:
    import numpy as np

    from zqtracker.ui.row_order import RowStore

_ROOT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the project id of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the native value (what sorting compares)


class ProjectTableModel(QAbstractTableModel):
    # The shown rows changed (filter, sort, reload): the status bar re-counts.
    rows_changed = Signal()

    def __init__(self, parent=None, *, unit: Unit = Unit.YI) -> None:
        super().__init__(parent)
        self.columns: tuple[Column, ...] = COLUMNS
        self._store: RowStore | None = None  # None until every row is loaded
        self._order: np.ndarray | None = None  # live positions in the current sort (lazy)
        self._shown: np.ndarray | None = None  # positions shown, in order
        self._visible: list[ProjectRow] = []
        self._filter = ProjectFilter()
        self._sort_column = -1  # -1: by id
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._stale: set[int] = set()
        self.complete = False  # all rows loaded (else a first page, or nothing)
        self.total_count = 0  # projects in the database (known before all rows are)
        self.activity_known = False
        self.visible_planned = 0  # of the shown rows whose amount is known
        self.visible_without_amount = 0  # shown rows without a planned investment
        self.cells = CellText(unit, self)  # how each cell and header reads

    # -- loading ---------------------------------------------------------------------------
    def set_store(self, store: RowStore, *, total_count: int | None = None) -> None:
        """Every row, from a RowStore a loader built off the GUI thread; filter and sort are kept."""
        self._store = store
        self.complete = True
        self.total_count = len(store) if total_count is None else total_count
        self.activity_known = False
        self._stale = set()
        self._order = None
        self._refilter(self._full_order())

    def set_rows(self, rows: Sequence[ProjectRow]) -> None:
        """Every row (tests, small databases): builds the RowStore here."""
        from zqtracker.ui.row_order import RowStore

        self.set_store(RowStore(rows))

    def set_first_page(self, rows: list[ProjectRow], total_count: int) -> None:
        """Rows already in the wanted order (an ordered LIMIT query), shown as they come."""
        self._store = None
        self._order = self._shown = None
        self.complete = False
        self.total_count = total_count
        self.beginResetModel()
        self._visible = list(rows)
        self.visible_planned = sum(r.planned_investment or 0 for r in rows)
        self.visible_without_amount = sum(1 for r in rows if r.planned_investment is None)
        self.endResetModel()
        self.rows_changed.emit()

    def clear(self) -> None:
        self._store = None
        self._order = self._shown = None
        self.complete = False
        self.total_count = 0
        self._stale = set()
        self.beginResetModel()
        self._visible = []
        self.visible_planned = 0
        self.visible_without_amount = 0
        self.endResetModel()
        self.rows_changed.emit()

    def set_activity(self, last_activity: dict[int, date], stale: set[int]) -> None:
        """Fill last-activity dates and stale marks; only two columns repaint."""
        if self._store is None:
            return
        for r in self._store.rows():
            r.last_activity_on = last_activity.get(r.id)
        self._store.forget("last_activity_on")
        self._stale = set(stale)
        self.activity_known = True
        self._repaint_columns(ACTIVITY_COLUMNS)
        if self.sort_key == "last_activity_on":
            self._order = None
            self._refilter(self._full_order())

    def upsert(self, rows: Sequence[ProjectRow], removed: Iterable[int] = (), stale: set[int] | None = None) -> None:
        """Rows edited or added elsewhere replace ours; ``removed`` ids disappear.

        ``stale``: which of ``rows`` are stale now (None: leave the marks alone).
        """
        if self._store is None:
            return
        gone = set(removed)
        before = len(self._store)
        self._store = self._store.upsert(rows, gone)
        self.total_count += len(self._store) - before
        self._stale -= gone
        if stale is not None:
            ids = {r.id for r in rows}
            self._stale = (self._stale - ids) | (stale & ids)
        self._order = None
        self._refilter(self._full_order())

    @property
    def store(self) -> RowStore | None:
        return self._store

    def get(self, project_id: int) -> ProjectRow | None:
        if self._store is not None:
            return self._store.get(project_id)
        return next((r for r in self._visible if r.id == project_id), None)

    # -- filtering and sorting -------------------------------------------------------------
    @property
    def filter(self) -> ProjectFilter:
        return self._filter

    def set_filter(self, f: ProjectFilter) -> None:
        if f == self._filter:
            return
        from_shown = self._shown is not None and _narrows(self._filter, f)
        self._filter = f
        if self._store is None:
            return  # applied when the rows arrive
        self._refilter(self._shown if from_shown else self._full_order())  # type: ignore[arg-type]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == self._sort_column and order == self._sort_order:
            return
        self._sort_column, self._sort_order = column, order
        self._order = None
        if self._store is None or self._shown is None:
            return  # applied when the rows arrive
        # Only the shown rows need ordering; the full order is computed when a filter needs it.
        self._set_shown(self._ordered(self._shown))

    def sort_by_key(self, key: str, descending: bool) -> None:
        """Choose the sort without reordering (before rows arrive, e.g. from saved header state)."""
        self._sort_column = self.column_of(key) if key != "id" else -1
        self._sort_order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self._order = None

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_key(self) -> str:
        return self.columns[self._sort_column].key if self._sort_column >= 0 else "id"

    @property
    def sort_descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _ordered(self, positions: np.ndarray) -> np.ndarray:
        assert self._store is not None
        if self._sort_column < 0:
            return self._store.order(positions, None, descending=self.sort_descending)
        c = self.columns[self._sort_column]
        return self._store.order(positions, c.key, c.value, c.order, c.numeric, descending=self.sort_descending)

    def _full_order(self) -> np.ndarray:
        assert self._store is not None
        if self._order is None:
            self._order = self._ordered(self._store.positions())
        return self._order

    def _refilter(self, source: np.ndarray) -> None:
        assert self._store is not None
        self._set_shown(self._store.filter(self._filter, source))

    def _set_shown(self, shown: np.ndarray) -> None:
        assert self._store is not None
        self.beginResetModel()
        self._shown = shown
        self._visible = self._store.rows_at(shown)
        self.visible_planned = self._store.planned_sum(shown)
        self.visible_without_amount = self._store.without_amount(shown)
        self.endResetModel()
        self.rows_changed.emit()

    # -- settings that change the text -----------------------------------------------------
    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        """Money in ``unit``, rounded as usual or (``exact``) with every digit."""
        self.cells.set_unit(unit, exact)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self._repaint_columns([c.key for c in self.columns if c.kind is Kind.MONEY])

    @property
    def unit(self) -> Unit:
        return self.cells.unit

    @property
    def formatter(self) -> Formatter:
        return self.cells.fmt

    def retranslate(self) -> None:
        """The language (and with it the locale) changed: new labels, separators and dates."""
        self.cells.retranslate()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(self.columns) - 1))

    def _repaint_columns(self, keys: Iterable[str]) -> None:
        if not self._visible:
            return
        keys = set(keys)
        last = len(self._visible) - 1
        for i, c in enumerate(self.columns):
            if c.key in keys:
                self.dataChanged.emit(self.index(0, i), self.index(last, i))

    # -- reading ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def row_at(self, row: int) -> ProjectRow:
        return self._visible[row]

    def visible_rows(self) -> list[ProjectRow]:
        """The rows shown, in the order shown (what "export the current view" exports)."""
        return self._visible

    def loaded_rows(self) -> list[ProjectRow]:
        """Every row loaded so far (all of them once ``complete``), by id."""
        return self._store.rows() if self._store is not None else list(self._visible)

    def row_numbers(self, ids: Iterable[int]) -> list[int]:
        wanted = set(ids)
        if not wanted:
            return []
        return [i for i, r in enumerate(self._visible) if r.id in wanted]

    def column_of(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def is_stale(self, project_id: int) -> bool:
        return project_id in self._stale

    @property
    def stale_count(self) -> int:
        return len(self._stale)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells.header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cells.header_label(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.kind in NUMERIC else LEFT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._visible[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in NUMERIC:
                return int(RIGHT)
            if column.kind is Kind.BOOL:
                return int(CENTER)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cells.tooltip(row, column, row.id in self._stale)
        if role == Qt.ItemDataRole.DecorationRole:
            if column.key == "status" and row.id in self._stale:
                return self.cells.stale_icon()
            if column.key == "name" and row.missing:
                return self.cells.incomplete_icon()
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key in MUTED_WHEN_BLANK and column.value(row) is None:
                return self.cells.muted_brush()
            return None
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return column.value(row)
        if role == Qt.ItemDataRole.FontRole and column.key == "name" and row.is_billion_yuan:
            return self.cells.bold
        return None


def _narrows(old: ProjectFilter, new: ProjectFilter) -> bool:
    from zqtracker.ui.row_order import narrows

    return narrows(old, new)
