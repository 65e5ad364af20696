"""The project table view: fixed row heights, a column chooser, selection kept by project id."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QItemSelectionModel, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from zqtracker.ui.column_room import ColumnRoom
from zqtracker.ui.project_model import ProjectTableModel

HEADER_PADDING = 26  # the header's margins and its sort arrow
CELL_PADDING = 14
MIN_WIDTH = 40


class ProjectTableView(QTableView):
    # The user pressed Enter / F2 / double-clicked a row.
    activated_project = Signal(int)
    # The ids of the selected rows changed.
    selection_changed = Signal(list)
    # Something was painted with rows in it (launch timing, tests).
    painted_rows = Signal()

    def __init__(self, model: ProjectTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._kept_ids: list[int] = []
        self._kept_current: int | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # (eliding treats a two-line header as one line)
        for i, column in enumerate(model.columns):
            header.setSectionHidden(i, not column.default_visible)
        # Default widths follow the window (names and enterprises get the room a wide screen has)
        # until the user sizes a column or a saved layout is restored.
        self._auto_widths = True
        self._fitting = False
        self._room = ColumnRoom(self, model, CELL_PADDING)  # for districts and sectors longer than usual
        self._room.elide_in_the_middle()  # what stays cut: its start and its end ("肇庆高新…开发区")
        header.sectionResized.connect(self._on_section_resized)
        self.fit_columns()
        self.setSortingEnabled(True)
        self._first_paint_reported = False
        self._to_select: list[int] = []  # brought back by an undo or redo: selected once shown
        self.viewport().installEventFilter(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._model.modelAboutToBeReset.connect(self._keep_selection)
        self._model.modelReset.connect(self._restore_selection)
        self._model.modelReset.connect(self._on_model_reset)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.doubleClicked.connect(self._on_double_clicked)

    # -- selection by id -------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self._model.row_at(r).id for r in rows]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self._model.row_at(index.row()).id if index.isValid() else None

    def select_ids(self, ids: list[int], current: int | None = None) -> None:
        rows = self._model.row_numbers(ids)
        selection = QItemSelection()
        last_col = self._model.columnCount() - 1
        start = prev = None
        for r in rows:  # contiguous runs: one range each
            if start is None:
                start = prev = r
            elif r == prev + 1:  # type: ignore[operator]
                prev = r
            else:
                selection.select(self._model.index(start, 0), self._model.index(prev, last_col))  # type: ignore[arg-type]
                start = prev = r
        if start is not None:
            selection.select(self._model.index(start, 0), self._model.index(prev, last_col))  # type: ignore[arg-type]
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().select(selection, flags)
        target = current if current is not None else (ids[0] if ids else None)
        if target is not None:
            found = self._model.row_numbers([target])
            if found:
                index = self._model.index(found[0], max(0, self.horizontalHeader().logicalIndexAt(0)))
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(index)

    def select_when_shown(self, ids: list[int]) -> None:
        """Projects an undo (of a delete) or a redo (of an add) brings back: selected and scrolled to
        when the model next shows its rows (the refresh their announcement starts), not left unselected."""
        self._to_select = list(ids)

    def _keep_selection(self) -> None:
        self._kept_ids = self.selected_ids()
        self._kept_current = self.current_id()

    def _restore_selection(self) -> None:
        back, self._to_select = self._to_select, []
        if back and self._model.row_numbers(back):  # (a project the filter hides stays unselected)
            self._kept_ids, self._kept_current = back, back[0]
        if self._kept_ids or self._kept_current is not None:
            self.select_ids(self._kept_ids, self._kept_current)
        self._on_selection_changed()

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit(self.selected_ids())

    # -- keyboard and mouse ----------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            current = self.current_id()
            if current is not None:
                self.activated_project.emit(current)
                return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index) -> None:
        if index.isValid():
            self.activated_project.emit(self._model.row_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._first_paint_reported
            and watched is self.viewport()
            and event.type() == QEvent.Type.Paint
            and self._model.rowCount() > 0
        ):
            self._first_paint_reported = True
            self.painted_rows.emit()
        return super().eventFilter(watched, event)

    # -- columns ---------------------------------------------------------------------------
    def visible_column_keys(self) -> list[str]:
        """Keys of the shown columns, in the order the user arranged them."""
        header = self.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [self._model.columns[i].key for i in logical if not header.isSectionHidden(i)]

    def set_visible_columns(self, keys: list[str]) -> None:
        header = self.horizontalHeader()
        for i, column in enumerate(self._model.columns):
            header.setSectionHidden(i, column.key not in keys)

    def _on_header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu(self)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self, parent: QWidget) -> QMenu:
        """Checkable columns (also the View › Columns menu)."""
        menu = QMenu(self.tr("Columns"), parent)
        header = self.horizontalHeader()
        shown = sum(1 for i in range(header.count()) if not header.isSectionHidden(i))
        for v in range(header.count()):
            i = header.logicalIndex(v)
            column = self._model.columns[i]
            action = QAction(self._model.cells.header_label(column), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(header.isSectionHidden(i) or shown > 1)  # keep at least one column
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Restore default columns"))
        reset.triggered.connect(self.reset_columns)
        return menu

    def reset_columns(self) -> None:
        header = self.horizontalHeader()
        for i, column in enumerate(self._model.columns):
            header.moveSection(header.visualIndex(i), i)
            header.setSectionHidden(i, not column.default_visible)
        self.fit_columns()

    def default_width(self, section: int) -> int:
        """Wide enough for the header (with the sort arrow) and a typical value, in this font and
        language — never a fixed pixel count that clips "Key proje" in one language or another."""
        column = self._model.columns[section]
        header = self.horizontalHeader()
        title = str(self._model.headerData(section, Qt.Orientation.Horizontal) or "")
        title_w = max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n"))
        sample_w = self.fontMetrics().horizontalAdvance(self._model.cells.sample_text(column))
        return max(title_w + HEADER_PADDING, sample_w + CELL_PADDING, MIN_WIDTH)

    def fit_columns(self, *, only_widen: bool = False) -> None:
        """Default widths (``only_widen``: just where a header or value no longer fits — after a
        switch of language or unit, without undoing the user's own widths)."""
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for i in range(len(self._model.columns)):
                wanted = self.default_width(i)
                if not only_widen or header.sectionSize(i) < wanted:
                    header.resizeSection(i, wanted)
            if self._auto_widths and not only_widen:
                self._share_spare_width()
        finally:
            self._fitting = False

    def _share_spare_width(self) -> None:
        """Room the default columns leave goes first to the districts and sectors they cut, each up to a
        name's default width (肇庆高新技术产业开发区 whole at 1366 px in Chinese), then to names and enterprises,
        then to what the districts and sectors still lack. What still cannot fit is elided in the middle,
        whole in the tooltip (ui/column_room.py)."""
        header = self.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        spare = self.viewport().width() - sum(header.sectionSize(i) for i in shown) - 2
        if spare > 0:
            spare = self._room.give(spare, cap=self.default_width(self._model.column_of("name")))
        for key, share, most in (("name", 0.6, 2.2), ("enterprise", 1.0, 1.8)):
            i = self._model.column_of(key)
            if spare <= 0 or i not in shown:
                continue
            base = header.sectionSize(i)
            grow = min(int(spare * share), int(base * (most - 1)))
            header.resizeSection(i, base + grow)
            spare -= grow
        if spare > 0:
            self._room.give(spare)

    def _on_section_resized(self, _index: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self._auto_widths = False  # the user's own widths from now on

    def _on_model_reset(self) -> None:
        """Rows loaded or changed (not just filtered or sorted): the room follows their values."""
        if self._room.rows_changed() and self._auto_widths:
            self.fit_columns()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_widths:
            self.fit_columns()

    def save_header(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray) -> bool:
        """Column order, widths, hidden columns and sort from a saved state (no re-sort here)."""
        if state.isEmpty():
            return False
        header = self.horizontalHeader()
        self.setSortingEnabled(False)
        self._fitting = True
        ok = header.restoreState(state)
        self._fitting = False
        self._auto_widths = not ok
        if ok and header.count() != len(self._model.columns):
            ok = False
        if not ok:
            self.reset_columns()
        section = header.sortIndicatorSection()
        if 0 <= section < len(self._model.columns):
            self._model.sort_by_key(
                self._model.columns[section].key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            )
        self.setSortingEnabled(True)
        return ok
