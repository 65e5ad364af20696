"""The import dialog's preview of one sheet: every row with what will happen to it, the detected
mapping in the column headers, and the menu a header click opens to re-map the column or set its
unit.

A widget of its own because it knows nothing of reading, checking or importing: the dialog hands
it a sheet's analysis and hears back which column the user re-mapped (:attr:`column_chosen`). A sheet opens
at its header row (the title lines above it a scroll away); the line under the table says all that happens
to the chosen row, as its cell cannot ("Update: Status 签约 → 在建, Signed 2023-04-01 → 2023-03-02, …").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCursor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QVBoxLayout, QWidget

from zqtracker.domain.messages import field_label
from zqtracker.domain.money import Unit
from zqtracker.io.layout import MONEY_FIELDS
from zqtracker.services.import_derived import derived_months
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.import_model import SheetAnalysis
from zqtracker.services.import_profiles import MAPPABLE_FIELDS
from zqtracker.ui.import_derived_cells import derived_cells
from zqtracker.ui.import_preview import STATUS_COLUMN, PreviewFilter, PreviewModel


class SheetPreview(QWidget):
    """The preview table over :class:`PreviewModel`, filtered by :class:`PreviewFilter`."""

    column_chosen = Signal(int, object)  # the sheet's column, ("field", name or None) or ("unit", factor)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.model = PreviewModel(self)
        self.proxy = PreviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setVerticalHeader(_RowNumbers(self.table))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the questions and the buttons
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumHeight(44)
        self.detail = QLabel()  # all that happens to the chosen row (its cell is cut)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._raw: object = None  # the sheet shown (a sheet shown anew opens at its header row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        header.sectionClicked.connect(self._on_header_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self._show_detail()

    def show_sheet(
        self, sa: SheetAnalysis | None, mapping: Mapping | None, default_unit: int | None, analysis: Any = None
    ) -> None:
        """Show ``sa`` (None: nothing), amounts read with the units the user chose (``mapping``'s); the
        months ``analysis`` (ImportAnalysis) writes from its years to date beside them."""
        self.model.column_units = mapping.said_units() if mapping else {}
        self.model.kept_units = mapping.kept_units() if mapping else {}
        self.model.default_unit = default_unit
        words = self._words()
        derived = derived_months(analysis, sa) if analysis is not None and sa is not None else {}
        cells = derived_cells(sa, derived, words, self.lang) if sa is not None and derived else {}
        again = sa is not None and sa.raw is self._raw  # checked again: the chosen cell and the scroll stay
        current = self.proxy.mapToSource(self.table.currentIndex())
        chosen = (current.row(), current.column()) if again and current.isValid() else None
        bars = (self.table.horizontalScrollBar(), self.table.verticalScrollBar())
        scrolled = [bar.value() for bar in bars]
        self.model.set_sheet(sa, self.lang, words, cells)
        self._fit_columns(sa)
        if chosen is not None:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(*chosen)))
        if again:
            for bar, value in zip(bars, scrolled, strict=True):
                bar.setValue(value)
        elif sa is not None:  # from the header row (the title lines above it a scroll away), its first row chosen
            first = min(max(sa.layout.data_start - sa.raw.row_offset, 0), self.model.rowCount() - 1)
            chosen_index = self.proxy.mapFromSource(self.model.index(first, STATUS_COLUMN))
            self.table.selectionModel().setCurrentIndex(chosen_index, QItemSelectionModel.SelectionFlag.NoUpdate)
            header = max(sa.layout.header_row - sa.raw.row_offset, 0)  # once the table has its height (laid out)
            QTimer.singleShot(0, lambda raw=sa.raw: self._open_at(raw, header))
        self._raw = sa.raw if sa is not None else None
        self._show_detail()

    def _open_at(self, raw: object, row: int) -> None:
        if raw is self._raw:  # (still the sheet shown)
            top = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)

    def wanted_height(self, rows: int = 24) -> int:
        """The height that shows the header row and up to ``rows`` rows below it, the column headers, the scroll
        bar and the line under the table (the dialog shares its height by it)."""
        t, sa = self.table, self.model.sheet
        first = max(sa.layout.header_row - sa.raw.row_offset, 0) if sa is not None else 0
        shown = min(max(self.proxy.rowCount() - first, 1), rows)
        head = max(t.horizontalHeader().height(), t.horizontalHeader().sizeHint().height())
        table = head + shown * t.verticalHeader().defaultSectionSize()
        table += t.horizontalScrollBar().sizeHint().height() + 2 * t.frameWidth()
        spacing = layout.spacing() if (layout := self.layout()) is not None else 0
        return table + spacing + self.detail.heightForWidth(max(self.width(), 400))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_detail()
        super().changeEvent(event)

    def _show_detail(self, current: QModelIndex | None = None) -> None:
        """ "Row 4: Update: …" in full for the chosen row, else how to have it."""
        index = self.proxy.mapToSource(current if current is not None else self.table.currentIndex())
        text = self.model.data(self.model.index(index.row(), STATUS_COLUMN), Qt.ItemDataRole.ToolTipRole)
        if index.isValid() and text:
            row = self.model.headerData(index.row(), Qt.Orientation.Vertical)
            self.detail.setText(self.tr("Row %1: %2").replace("%1", str(row)).replace("%2", text))
        else:
            self.detail.setText(self.tr("Click a row to read here all that will happen to it."))

    def set_mode(self, mode: int) -> None:
        """All rows, rows with problems, or rows that change (the dialog's "Show:" choice)."""
        self.proxy.set_mode(mode)

    def go_to(self, sa: SheetAnalysis, row: int, letter: str) -> None:
        """Scroll to the cell of the sheet's ``row`` (1-based) in column ``letter``."""
        source_row = row - 1 - sa.raw.row_offset
        source_col = next(
            (
                c
                for c in range(1, self.model.columnCount())
                if self.model.header_text(c).startswith(letter + " ") or self.model.header_text(c) == letter
            ),
            0,
        )
        index = self.proxy.mapFromSource(self.model.index(source_row, source_col))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _fit_columns(self, sa: SheetAnalysis | None) -> None:
        """Widths from the header and the first data rows (a merged title, a note under the table would widen
        column A)."""
        if sa is None:
            return
        metrics = self.table.fontMetrics()
        first = max(sa.layout.header_row - sa.raw.row_offset, 0)
        sample = [r for r in range(first, min(first + 200, self.model.rowCount())) if self.model.row_kind(r) != "note"]
        for c in range(self.model.columnCount()):
            texts = [str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.data(self.model.index(r, c)) or "") for r in sample]
            widest = max((metrics.horizontalAdvance(line) for t in texts for line in t.split("\n")), default=0)
            low, high = (140, 460) if c == 0 else (56, 340 if c - 1 in self.model.derived_columns else 240)
            self.table.setColumnWidth(c, min(max(widest + 18, low), high))

    def _words(self) -> dict[str, str]:
        return {
            "new": self.tr("New"),
            "update": self.tr("Update"),
            "same": self.tr("Unchanged"),
            "invalid": self.tr("Invalid"),
            "exists": self.tr("Exists — left alone (append)"),
            "total": self.tr("Total — skipped"),
            "section1": self.tr("Section — sector, district or stage below"),
            "section2": self.tr("Section — sector, district or stage below"),
            "note": self.tr("Notes — skipped"),
            "example": self.tr("Template example row — skipped"),
            "continuation": self.tr("Continues the project above — not a project"),
            "part": self.tr("Part of the project above (其中) — not a project"),
            "unit": self.tr("Unit line — skipped"),
            "hidden_row": self.tr("Hidden in the sheet — left out"),
            "hidden_mark": self.tr("hidden in the sheet"),
            "view": self.tr("The same project as on another sheet"),
            "figures_only": self.tr("Figures updated (project unchanged)"),
            "month_row": self.tr("Another month of the project in row %1"),
            "near": self.tr("a stored project has a near name — link or keep apart above"),
            "taken": self.tr("chosen as new, but it is a stored project exactly — choose “the same as …” above"),
            "header": self.tr("Header"),
            "what": self.tr("What happens"),
            "remap": self.tr("Click to choose what this column holds, or its unit"),
            "off": self.tr("not imported"),
            "hidden": self.tr("hidden — not imported"),
            "records_held": self.tr("monthly figures: waiting for the sheet's question to be answered"),
            "derived": self.tr("%1 %2 (from the year to date)"),
            "derived_tip": self.tr("Written for %1: %2, the year to date %3 (%4) less the months stored before it"),
            "derived_head": self.tr("months from the year to date"),
            "records": self.tr("%1 monthly record(s) to write, %2 unchanged").replace("%1", "{0}").replace("%2", "{1}"),
        }

    def _on_header_clicked(self, section: int) -> None:
        source = self.proxy.mapToSource(self.proxy.index(0, section)).column() if self.proxy.rowCount() else section
        info = self.model.column_info(source)
        if info is None:
            return
        menu = QMenu(self)
        group = QActionGroup(menu)
        off = menu.addAction(self.tr("Not imported"))
        off.setCheckable(True)
        off.setChecked(not info.field or info.hidden or info.field.startswith("ignore:"))
        off.setData(("field", None))
        group.addAction(off)
        menu.addSeparator()
        for f in MAPPABLE_FIELDS:
            action = menu.addAction(field_label(f, self.lang))
            action.setCheckable(True)
            action.setChecked(info.field == f and not info.hidden)
            action.setData(("field", f))
            group.addAction(action)
        if info.is_money or info.field in MONEY_FIELDS:
            units = menu.addMenu(self.tr("Unit of this column"))
            for unit in (Unit.YUAN, Unit.WAN, Unit.YI):
                action = units.addAction(unit.label(self.lang))
                action.setData(("unit", unit.factor))
        picked: list = []
        menu.triggered.connect(picked.append)
        menu.exec(QCursor.pos())
        if picked and picked[0].data() is not None:
            self.column_chosen.emit(info.index, picked[0].data())


class _RowNumbers(QHeaderView):
    """The sheet's row numbers. Qt sizes a vertical header by measuring its first and last hundred
    sections, and does it again at every layout pass of the dialog (11 while a preview first shows:
    ~100 ms for a 1,000-row sheet); the widest label is one of the first or the last."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        n = self.count()
        if n == 0 or self.isHidden():
            return super().sizeHint()
        width = max(self.sectionSizeFromContents(i).width() for i in {0, n - 1})
        return QSize(width, self.defaultSectionSize())
