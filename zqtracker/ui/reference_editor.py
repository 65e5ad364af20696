"""Editing the reference lists: sectors (two levels), districts, enterprises.

Every change is an undoable command on the window's undo stack. A sector, district or
enterprise still used by projects cannot be deleted: the dialog says how many use it and
nothing is removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import District, Sector
from zqtracker.ui.collation import by_pinyin, name_less
from zqtracker.ui.messages import confirm, show_error
from zqtracker.ui.palette import muted_style
from zqtracker.ui.reference_commands import DeleteReference, SaveReference
from zqtracker.ui.reference_dialogs import EnterpriseDialog, NameDialog
from zqtracker.ui.translations import ui_lang

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.ui.events import DataEvents

_ID = Qt.ItemDataRole.UserRole + 1


class ReferenceListsDialog(QDialog):
    def __init__(self, parent: QWidget, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack) -> None:
        super().__init__(parent)
        self.setObjectName("reference_lists")
        self.ctx, self.events, self.undo_stack = ctx, events, undo_stack
        self.setWindowTitle(self.tr("Sectors, districts and enterprises"))
        self.tabs = QTabWidget(self)

        self.sectors = QTreeWidget()
        self.sectors.setColumnCount(2)
        self.sectors.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sectors.header().setStretchLastSection(False)
        self.districts = QTableWidget(0, 2)
        self.enterprises = QTableWidget(0, 6)
        self.enterprise_search = QLineEdit()
        self.enterprise_search.setClearButtonEnabled(True)
        for table in (self.districts, self.enterprises):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            # names A to Z (by pinyin) until the user clicks another header (Qt starts descending)
            table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            table.setSortingEnabled(True)

        self.tabs.addTab(self._page(self.sectors, self._sector_buttons()), self.tr("Sectors"))
        self.tabs.addTab(
            self._page(self.districts, self._buttons(self._add_district, self._edit_district, self._delete_district)),
            self.tr("Districts"),
        )
        enterprise_page = self._page(
            self.enterprises,
            self._buttons(self._add_enterprise, self._edit_enterprise, self._delete_enterprise),
            above=self.enterprise_search,
        )
        self.tabs.addTab(enterprise_page, self.tr("Enterprises"))
        hint = QLabel(
            self.tr(
                "Changes can be undone with Edit › Undo (Ctrl+Z). Entries still used by projects cannot be deleted."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(muted_style(self.palette()))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.resize(900, 600)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.undo_stack.redo)
        self.enterprise_search.setPlaceholderText(self.tr("Search enterprises"))
        self.enterprise_search.textChanged.connect(self._fill_enterprises)
        self.sectors.itemDoubleClicked.connect(lambda *_: self._edit_sector())
        self.districts.itemDoubleClicked.connect(lambda *_: self._edit_district())
        self.enterprises.itemDoubleClicked.connect(lambda *_: self._edit_enterprise())
        self.events.references_changed.connect(self.reload)
        self.reload()

    # -- building --------------------------------------------------------------------------
    def _page(self, view: QWidget, buttons: QHBoxLayout, above: QWidget | None = None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        return page

    def _buttons(self, add, edit, delete) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), add), (self.tr("Edit…"), edit), (self.tr("Delete"), delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _sector_buttons(self) -> QHBoxLayout:
        return self._buttons(self._add_sector, self._edit_sector, self._delete_sector)

    def reload(self) -> None:
        refs = self.ctx.references
        self._sector_list = refs.sectors()
        self._district_list = refs.districts()
        self._enterprise_list = refs.enterprises()
        self._usage = {kind: refs.usage(kind) for kind in ("sector", "district", "enterprise")}
        self._fill_sectors()
        self._fill_districts()
        self._fill_enterprises()

    def _fill_sectors(self) -> None:
        """Industry chains with their sectors, by pinyin; a chain counts the projects of its sectors."""
        self.sectors.clear()
        self.sectors.setHeaderLabels([self.tr("Sector"), self.tr("Projects")])
        usage = self._usage["sector"]
        chains: dict[str, QTreeWidgetItem] = {}
        ordered = by_pinyin(self._sector_list, key=lambda s: s.name)
        children = [s for s in ordered if s.parent]
        parents = {s.parent for s in children}
        in_chain: dict[str, int] = {}
        for s in children:
            in_chain[s.parent or ""] = in_chain.get(s.parent or "", 0) + _used(usage, s.id)
        for s in ordered:
            if not s.parent:
                total = _used(usage, s.id) + in_chain.get(s.name, 0)
                item = QTreeWidgetItem([s.name, usage_text(total)])
                item.setData(0, _ID, s.id)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if s.name in parents:
                    font = item.font(0)
                    font.setBold(True)
                    item.setFont(0, font)
                    item.setToolTip(1, self.tr("Projects of its sectors, and of the chain itself"))
                chains[s.name] = item
                self.sectors.addTopLevelItem(item)
        for s in children:
            parent = chains.get(s.parent or "")
            item = QTreeWidgetItem([s.name, usage_text(_used(usage, s.id))])
            item.setData(0, _ID, s.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            (parent.addChild(item) if parent is not None else self.sectors.addTopLevelItem(item))
        self.sectors.expandAll()
        self.sectors.resizeColumnToContents(1)

    def _fill_districts(self) -> None:
        districts = by_pinyin(self._district_list, key=lambda d: d.name)
        rows = [(d.id, [d.name, usage_text(_used(self._usage["district"], d.id))]) for d in districts]
        self._fill_table(self.districts, [self.tr("District"), self.tr("Projects")], rows)

    def _fill_enterprises(self, *_args: object) -> None:
        terms = self.enterprise_search.text().casefold().split()
        usage = self._usage["enterprise"]
        rows = []
        for e in by_pinyin(self._enterprise_list, key=lambda e: e.name):
            hay = f"{e.name} {e.credit_code or ''}".casefold()
            if all(t in hay for t in terms):
                flags = [
                    "✓" if e.is_high_tech else "",
                    "✓" if e.is_specialized_new else "",
                    "✓" if e.is_little_giant else "",
                ]
                rows.append((e.id, [e.name, e.credit_code or "", *flags, usage_text(_used(usage, e.id))]))
        headers = [self.tr("Enterprise"), self.tr("Credit code"), self.tr("High-tech"), self.tr("Specialized & new"),
                   self.tr("Little giant"), self.tr("Projects")]  # fmt: skip
        self._fill_table(self.enterprises, headers, rows)

    @staticmethod
    def _fill_table(table: QTableWidget, headers: list[str], rows: list[tuple[int | None, list[str]]]) -> None:
        table.setSortingEnabled(False)
        table.clearContents()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, (row_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = _SortItem(text)
                if c == 0:
                    item.setData(_ID, row_id)
                if c == len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)

    # -- selection helpers -----------------------------------------------------------------
    def _selected_sector(self) -> Sector | None:
        item = self.sectors.currentItem()
        sid = item.data(0, _ID) if item is not None else None
        return next((s for s in self._sector_list if s.id == sid), None)

    def _selected_in(self, table: QTableWidget, items: list):
        row = table.currentRow()
        if row < 0:
            return None
        item = table.item(row, 0)
        if item is None:
            return None
        rid = item.data(_ID)
        return next((x for x in items if x.id == rid), None)

    def _chains(self, exclude: str | None = None) -> list[str]:
        return by_pinyin(s.name for s in self._sector_list if not s.parent and s.name != exclude)

    # -- actions ---------------------------------------------------------------------------
    def _push(self, command) -> bool:
        try:
            command.execute()
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - InUseError and database errors are shown, nothing changed
            show_error(self, exc)
            return False
        self.undo_stack.push(command)
        return True

    def _save_with_dialog(self, dialog, build, before) -> None:
        """Ask again, with the problem shown, until the entry is valid or the user cancels."""
        try:
            while dialog.exec():
                try:
                    self._push(SaveReference(self.ctx, self.events, self._report, before, build()))
                    return
                except ValidationError as exc:
                    dialog.show_problem("\n".join(p.message(ui_lang()) for p in exc.problems))
        finally:
            dialog.deleteLater()

    def _add_sector(self) -> None:
        current = self._selected_sector()
        chain = (current.parent or current.name) if current is not None else None
        dialog = NameDialog(self, self.tr("New sector"), "", self._chains(), chain)
        self._save_with_dialog(dialog, lambda: Sector(dialog.name.text(), dialog.chain_name()), None)

    def _edit_sector(self) -> None:
        s = self._selected_sector()
        if s is None:
            return
        dialog = NameDialog(self, self.tr("Edit sector"), s.name, self._chains(exclude=s.name), s.parent)
        self._save_with_dialog(dialog, lambda: Sector(dialog.name.text(), dialog.chain_name(), s.id), s)

    def _delete_sector(self) -> None:
        s = self._selected_sector()
        if s is not None and self._confirm_delete(s.name):
            self._push(DeleteReference(self.ctx, self.events, self._report, s))

    def _add_district(self) -> None:
        dialog = NameDialog(self, self.tr("New district"), "")
        self._save_with_dialog(dialog, lambda: District(dialog.name.text()), None)

    def _edit_district(self) -> None:
        d = self._selected_in(self.districts, self._district_list)
        if d is None:
            return
        dialog = NameDialog(self, self.tr("Rename district"), d.name)
        self._save_with_dialog(dialog, lambda: District(dialog.name.text(), d.id), d)

    def _delete_district(self) -> None:
        d = self._selected_in(self.districts, self._district_list)
        if d is not None and self._confirm_delete(d.name):
            self._push(DeleteReference(self.ctx, self.events, self._report, d))

    def _add_enterprise(self) -> None:
        dialog = EnterpriseDialog(self, None)
        self._save_with_dialog(dialog, dialog.value, None)

    def _edit_enterprise(self) -> None:
        e = self._selected_in(self.enterprises, self._enterprise_list)
        if e is None:
            return
        dialog = EnterpriseDialog(self, e)
        self._save_with_dialog(dialog, dialog.value, e)

    def _delete_enterprise(self) -> None:
        e = self._selected_in(self.enterprises, self._enterprise_list)
        if e is not None and self._confirm_delete(e.name):
            self._push(DeleteReference(self.ctx, self.events, self._report, e))

    def _confirm_delete(self, name: str) -> bool:
        return confirm(self, self.tr("Delete"), self.tr("Delete “%1”?").replace("%1", name), self.tr("Delete"))

    def _report(self, exc: BaseException) -> None:
        show_error(self, exc)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
        super().changeEvent(event)


class _SortItem(QTableWidgetItem):
    """Sorts numbers as numbers (the usage column)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.text().replace(",", ""), other.text().replace(",", "")
        if a.isdigit() and b.isdigit():
            return int(a) < int(b)
        return name_less(a, b)  # names by pinyin


def usage_text(n: int) -> str:
    return f"{n:,}"


def _used(usage: dict[int, int], ref_id: int | None) -> int:
    """Projects using a saved entry (an entry not yet saved has no id, and no projects)."""
    return usage.get(ref_id, 0) if ref_id is not None else 0
