"""Room a wide window has left over, for the project table's short text columns whose values it cuts.

The default widths fit a typical value ("肇庆高新区"); a district or sector longer than that
("粤桂合作特别试验区", "半导体及集成电路") was cut while a 1920-pixel window left 330 pixels blank
on the right. These columns hold few distinct values, so their widest is measured on the loaded
rows in milliseconds, and kept until the rows or the language change. A 1366-pixel window cut
肇庆高新技术产业开发区 while names took the room: now these columns get a first share (up to a name's
default width), names and enterprises theirs (one value a row: ProjectTableView's rule), these the rest;
a value still cut is elided in the middle, whole in its tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from zqtracker.ui.project_model import ProjectTableModel

MEASURED = ("district", "sector", "chain", "officer")  # few distinct values each
MOST_VALUES = 5_000  # more distinct values than that: not measured (never seen in these columns)


class ColumnRoom:
    """Widens cut columns of ``MEASURED`` into spare width, the narrowest need first."""

    def __init__(self, view: QTableView, model: ProjectTableModel, padding: int) -> None:
        self._view, self._model, self._padding = view, model, padding
        self._delegate: QStyledItemDelegate | None = None
        self._key: tuple = ()  # what the widths in _widest were measured for
        self._widest: dict[int, int] = {}
        self._seen: tuple = ()  # what rows_changed last saw

    def data_key(self) -> tuple:
        """What the measured widths depend on: the rows loaded (and their version), the language."""
        store = self._model.store
        rows = (id(store), store.version) if store is not None else (None, len(self._model.visible_rows()))
        return (*rows, self._model.cells.lang, self._view.font().key())

    def elide_in_the_middle(self) -> None:
        """A value still cut keeps its start and its end (肇庆市鼎湖区 and 肇庆市端州区 told apart), whole in
        its tooltip (ui/project_cells.py)."""
        self._delegate = _MiddleElide(self._view)
        for key in MEASURED:
            self._view.setItemDelegateForColumn(self._model.column_of(key), self._delegate)

    def give(self, spare: int, cap: int | None = None) -> int:
        """Widen the cut columns by what they lack, while ``spare`` lasts; returns what is left. With ``cap``
        (a narrow window's first share): to at most that width, districts first (a sector cut keeps more of
        itself than a district: 半导体…电路); without, the narrowest need first."""
        header = self._view.horizontalHeader()
        cut = []
        for key in MEASURED:
            i = self._model.column_of(key)
            if header.isSectionHidden(i):
                continue
            wanted = self.widest(i) + self._padding
            lack = (wanted if cap is None else min(wanted, cap)) - header.sectionSize(i)
            if lack > 0:
                cut.append((lack, i))
        for lack, i in cut if cap is not None else sorted(cut):  # (cut: in MEASURED's order)
            grow = min(lack, spare)
            if grow <= 0:
                break
            header.resizeSection(i, header.sectionSize(i) + grow)
            spare -= grow
        return spare

    def widest(self, section: int) -> int:
        """The widest value of a column among the loaded rows, in pixels of the view's font."""
        key = self.data_key()
        if key != self._key:
            self._key, self._widest = key, {}
        found = self._widest.get(section)
        if found is None:
            column = self._model.columns[section]
            first: dict = {}  # a row for each distinct value (a blank's text depends on the row)
            for r in self._model.loaded_rows():
                v = column.value(r)
                if v not in first:
                    first[v] = r
                    if len(first) > MOST_VALUES:
                        break
            found = 0
            if len(first) <= MOST_VALUES:
                cells, metrics = self._model.cells, self._view.fontMetrics()
                found = max(
                    (metrics.horizontalAdvance(cells.display(r, column) or "") for r in first.values()), default=0
                )
            self._widest[section] = found
        return found

    def rows_changed(self) -> bool:
        """The rows or the language changed since the last call (not just a filter or a sort)."""
        key = self.data_key()
        changed, self._seen = key != self._seen, key
        return changed


class _MiddleElide(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
