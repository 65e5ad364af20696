"""The Projects tab: filter bar, the project table, the detail pane; loading and refreshing.

Public surface for other tabs and dialogs (the dashboard's click-through, export of the current
view): :meth:`apply_filter`, :meth:`current_filter`, :meth:`visible_columns`,
:meth:`visible_rows`, :meth:`selected_ids`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import without_amount_text
from zqtracker.ui.detail_pane import DetailPane
from zqtracker.ui.empty_state import EmptyState, ViewportOverlay
from zqtracker.ui.filter_bar import FilterBar
from zqtracker.ui.project_loader import PRE_RANKED, LoadedActivity, LoadedRows, ProjectLoader
from zqtracker.ui.project_model import ProjectTableModel
from zqtracker.ui.project_table import ProjectTableView
from zqtracker.ui.start_page import StartPage
from zqtracker.ui.translations import ui_lang

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.services.first_page import FirstPage
    from zqtracker.ui.events import DataEvents

# After a change, up to SYNC_REFRESH rows are read again at once (a few ms); more in the
# background (thousands of rows need the activity dates of every project, ~1 s); past
# RELOAD_THRESHOLD the whole list is loaded again.
SYNC_REFRESH = 500
RELOAD_THRESHOLD = 50_000
DETAIL_WIDTH = 250  # the detail pane's default width in pixels


class ProjectsPage(QWidget):
    # Text for the status bar: "1,234 of 100,000 projects · planned …".
    summary_changed = Signal(str)
    # The filter of the view changed (filter bar or apply_filter): summaries follow it.
    filter_changed = Signal(object)
    # The selected project ids changed.
    selection_changed = Signal(list)
    # Every row is loaded (and filtered); activity marks may follow.
    rows_ready = Signal()
    # Stale marks are in.
    activity_ready = Signal()
    # Rows changed by a bulk action were read again in the background and are shown.
    rows_refreshed = Signal()
    # The first rows were painted (launch timing).
    first_rows_painted = Signal()

    def __init__(
        self, events: DataEvents, *, unit: Unit = Unit.YI, exact: bool = False, stale_months: int = 6, parent=None
    ) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.events = events
        self.stale_months = stale_months
        self._as_of: date | None = None
        self.model = ProjectTableModel(self, unit=unit)
        self.filter_bar = FilterBar(self)
        self.table = ProjectTableView(self.model, self)
        self.detail = DetailPane(self, unit=unit)
        if exact:
            self.set_unit(unit, exact)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        # The table takes most of what the window gains; the detail pane starts narrow (a 1366-pixel screen
        # shows every default column beside it) and folds away by dragging its edge or with F9.
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1100, DETAIL_WIDTH])
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        self.loader = ProjectLoader(self)
        self.database_busy = False  # a database is being opened (the window says so)
        # A filter that matches nothing says so over the table, with the way out.
        self.no_match = EmptyState(name="no_match")
        self._no_match_overlay = ViewportOverlay(self.table.viewport(), self.no_match)
        self.no_match.action_requested.connect(lambda _key: self.filter_bar.clear())
        # A database without projects (the first run) or no database: the start page instead.
        self.start_page = StartPage(self)
        self.content = content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(6, 6, 6, 0)
        inner.addWidget(self.filter_bar)
        inner.addWidget(self.splitter, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.start_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._pending_reload = False
        self._loading = False  # a load of every row is on its way
        self._refreshing = False  # a background refresh of some rows is running
        self._queued: set[int] = set()  # ids changed meanwhile: refreshed after it
        self._connect_signals()
        self._update_empty_states()

    def _connect_signals(self) -> None:
        self.filter_bar.filter_changed.connect(self._on_filter_bar_changed)
        self.model.rows_changed.connect(self._emit_summary)
        self.model.rows_changed.connect(self._update_empty_states)
        self.model.modelReset.connect(self._update_empty_states)
        self.table.selection_changed.connect(self._on_table_selection_changed)
        self.table.painted_rows.connect(self.first_rows_painted)
        self.loader.rows_loaded.connect(self._on_rows_loaded)
        self.loader.activity_loaded.connect(self._on_activity_loaded)
        self.loader.rows_refreshed.connect(self._on_rows_refreshed)
        self.loader.failed.connect(self._on_load_failed)
        self.events.projects_changed.connect(self._on_projects_changed)
        self.events.projects_restored.connect(self.table.select_when_shown)
        self.events.references_changed.connect(self._on_references_changed)
        self.events.investment_changed.connect(self.detail.refresh)

    # -- public ----------------------------------------------------------------------------
    def apply_filter(self, f: ProjectFilter) -> None:
        """Show the projects ``f`` matches (also shown in the filter bar)."""
        self.filter_bar.set_filter(f)

    def current_filter(self) -> ProjectFilter:
        return self.model.filter

    def visible_columns(self) -> list[str]:
        """Column keys as shown, in the user's order (ProjectRow fields, plus derived ones)."""
        return self.table.visible_column_keys()

    def visible_rows(self) -> list[ProjectRow]:
        """The rows shown, in the order shown."""
        return self.model.visible_rows()

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def current_id(self) -> int | None:
        return self.table.current_id()

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def set_unit(self, unit: Unit, exact: bool = False) -> None:
        """Money in ``unit``, rounded as usual or (``exact``) with every digit."""
        self.model.set_unit(unit, exact)
        self.detail.set_unit(unit, exact)
        self.table.fit_columns(only_widen=True)
        self._emit_summary()

    def set_stale_months(self, months: int) -> None:
        self.stale_months = months
        if self.ctx is not None and self.model.complete:
            self._load_activity()

    # -- loading ---------------------------------------------------------------------------
    def show_first_page(self, page: FirstPage) -> None:
        """Rows from a quick LIMIT query, shown while the database and every row load."""
        if page.sort_key != "id":
            self.model.sort_by_key(page.sort_key, page.descending)
        self.model.set_first_page(page.rows, page.total_count)

    def set_context(self, ctx: AppContext | None) -> None:
        """Another database: forget the old rows (unless a first page of this one is shown)."""
        self.ctx = ctx
        self.loader.cancel()
        self._refreshing, self._queued, self._loading = False, set(), False
        self.detail.set_context(ctx)
        if ctx is None:
            self.model.clear()
            self._update_empty_states()
            return
        if self.model.complete:
            self.model.clear()
        self._as_of = None
        self._load_references()
        self.reload()

    def reload(self) -> None:
        """Load every row again in the background; the shown rows stay until the new ones arrive."""
        if self.ctx is None:
            return
        column = self.model.columns[self.model.sort_column] if self.model.sort_column >= 0 else None
        self._loading = True
        self.loader.load(self.ctx, column)
        self._emit_summary()

    def _on_rows_loaded(self, loaded: LoadedRows) -> None:
        if loaded.generation != self.loader.generation or self.ctx is None:
            return
        self._loading = False
        self.model.set_store(loaded.store)
        self.filter_bar.set_years(loaded.years)
        self.detail.refresh()
        self.rows_ready.emit()
        self._load_activity()

    def _load_activity(self) -> None:
        store = self.model.store
        if self.ctx is None or store is None:
            return
        columns = [self.model.columns[self.model.column_of(k)] for k in PRE_RANKED]
        self.loader.load_activity(self.ctx, store, self.stale_months, columns)

    def _on_activity_loaded(self, loaded: LoadedActivity) -> None:
        store = self.model.store
        if loaded.generation != self.loader.generation or store is None:
            return
        if loaded.version != store.version:
            self._load_activity()  # rows changed meanwhile: judge them again
            return
        store.install(loaded.version, loaded.rankings)
        self.model.set_activity(loaded.last_activity, loaded.stale)
        self._emit_summary()
        self.activity_ready.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        from zqtracker.ui.messages import show_error

        self._refreshing = False
        show_error(self, exc, self.tr("Cannot load the projects"))

    def _load_references(self) -> None:
        if self.ctx is None:
            return
        self.filter_bar.set_references(self.ctx.references.sectors(), self.ctx.references.districts())

    # -- reacting to changes ---------------------------------------------------------------
    def _on_projects_changed(self, ids: list) -> None:
        if self.ctx is None:
            return
        if not ids or len(ids) > RELOAD_THRESHOLD or not self.model.complete or self._loading:
            self._schedule_reload()
        else:
            self._refresh_rows([i for i in ids if i is not None])
        if self.detail.project_id is not None and (not ids or self.detail.project_id in ids):
            self.detail.refresh()

    def _refresh_rows(self, ids: list[int]) -> None:
        from zqtracker.services.project_list import ProjectListService, stale_ids

        assert self.ctx is not None
        if len(ids) > SYNC_REFRESH or self._refreshing:
            self._queued.update(ids)
            self._start_queued_refresh()
            return
        service = ProjectListService(self.ctx.database)
        rows = service.rows(ids)
        stale = None
        if self.model.activity_known:
            if self._as_of is None:
                self._as_of = service.activity_date()
            stale = stale_ids(rows, self._as_of, self.stale_months)
        self._apply_rows(ids, rows, stale)

    def _start_queued_refresh(self) -> None:
        """One background refresh at a time, so that an older read never lands after a newer."""
        if self._refreshing or not self._queued or self.ctx is None:
            return
        ids, self._queued = sorted(self._queued), set()
        self._refreshing = True
        self.loader.refresh_rows(self.ctx, ids, self.stale_months)

    def _on_rows_refreshed(self, refreshed) -> None:
        self._refreshing = False
        if refreshed.generation == self.loader.generation and self.model.complete:
            stale = refreshed.stale if self.model.activity_known else None
            self._apply_rows(refreshed.ids, refreshed.rows, stale)
            self.rows_refreshed.emit()
        self._start_queued_refresh()

    def _apply_rows(self, ids: list[int], rows: list[ProjectRow], stale: set[int] | None) -> None:
        found = {r.id for r in rows}
        self.model.upsert(rows, [i for i in ids if i not in found], stale)
        self._load_references_if_new(rows)

    def _load_references_if_new(self, rows: list[ProjectRow]) -> None:
        known = self.filter_bar.known_names()
        new_sector = any(r.sector is not None and r.sector not in known[0] for r in rows)
        if new_sector or any(r.district is not None and r.district not in known[1] for r in rows):
            self._load_references()

    def _schedule_reload(self) -> None:
        # A load begun before this change reads the snapshot it began with: it must not land after
        # the change (it would put the old rows back), so it is dropped now, not when the new starts.
        if self._loading:
            self.loader.cancel()
        if not self._pending_reload:
            self._pending_reload = True
            QTimer.singleShot(0, self._do_pending_reload)

    def _do_pending_reload(self) -> None:
        self._pending_reload = False
        self.reload()

    def _on_references_changed(self) -> None:
        self._load_references()
        self._schedule_reload()  # renamed sectors and districts show in every row

    def _on_filter_bar_changed(self, f: ProjectFilter) -> None:
        self.model.set_filter(f)
        self._emit_summary()
        self.filter_changed.emit(f)

    def _on_table_selection_changed(self, ids: list) -> None:
        self.selection_changed.emit(ids)
        current = self.table.current_id()
        if len(ids) == 1:
            current = ids[0]
        if current != self.detail.project_id:
            self.detail.show_project(current if ids else None)

    # -- empty states ----------------------------------------------------------------------
    def set_database_busy(self, busy: bool) -> None:
        """A database is opening (no start page meanwhile: its projects may be on their way)."""
        self.database_busy = busy
        self._update_empty_states()

    def is_start_page_shown(self) -> bool:
        return self.stack.currentWidget() is self.start_page

    def _update_empty_states(self) -> None:
        m = self.model
        empty_database = self.ctx is not None and m.complete and m.total_count == 0
        no_database = self.ctx is None and not self.database_busy and m.total_count == 0
        self.start_page.set_state(has_database=self.ctx is not None)
        self.stack.setCurrentWidget(self.start_page if empty_database or no_database else self.content)
        nothing_matches = m.complete and m.total_count > 0 and m.rowCount() == 0
        if nothing_matches:
            self._word_no_match()
        self._no_match_overlay.set_visible(nothing_matches)

    def _word_no_match(self) -> None:
        self.no_match.set_message(
            self.tr("No project matches these filters (%1 projects in all).").replace(
                "%1", self.model.formatter.integer(self.model.total_count)
            )
        )
        self.no_match.set_actions([("clear", self.tr("Clear filters"))])

    # -- status bar ------------------------------------------------------------------------
    def summary_text(self) -> str:
        m = self.model
        fmt = m.formatter
        lang = ui_lang()
        if m.total_count == 0 and not m.complete:
            return self.tr("Loading projects…") if self.ctx is not None or self.loader.busy else ""
        visible = m.visible_rows()
        shown = len(visible)
        if not m.complete:
            text = self.tr("Showing the first %1 of %2 projects — loading the rest…")
            return text.replace("%1", fmt.integer(shown)).replace("%2", fmt.integer(m.total_count))
        if m.filter.is_empty():
            text = self.tr("%1 projects").replace("%1", fmt.integer(shown))
        else:
            text = (
                self.tr("%1 of %2 projects").replace("%1", fmt.integer(shown)).replace("%2", fmt.integer(m.total_count))
            )
        text += "  ·  " + self.tr("planned %1").replace("%1", fmt.money_with_unit(m.visible_planned, lang=lang))
        text += without_amount_text(m.visible_without_amount, lang)
        stale = m.stale_count if m.filter.is_empty() else sum(1 for r in visible if m.is_stale(r.id))
        if m.activity_known and stale:
            months = str(self.stale_months)
            text += "  ·  " + self.tr("%1 stale (no activity for %2 months)").replace("%1", fmt.integer(stale)).replace(
                "%2", months
            )
        return text

    def summary_tooltip(self) -> str:
        m = self.model
        if not m.complete:
            return ""
        return self.tr("Planned investment of the projects shown: %1 yuan (exact)").replace(
            "%1", m.formatter.yuan(m.visible_planned)
        ) + without_amount_text(m.visible_without_amount, ui_lang())

    def _emit_summary(self) -> None:
        self.summary_changed.emit(self.summary_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self.table.fit_columns(only_widen=True)  # no header cut in the new language
            self._emit_summary()
            if self.no_match.isVisible():
                self._word_no_match()
        super().changeEvent(event)
