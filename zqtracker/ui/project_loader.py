"""Loading the project list off the GUI thread, in stages, for whichever database is current.

1. all rows (1–2 s for 100k) and their RowStore, with the current sort column ranked;
2. the last-activity dates that stale marks need (another ~1 s) and the search-heavy text
   columns ranked, so that the first click on "Name" sorts in milliseconds too.

Each stage runs through ui.operations.Operation without a dialog. Results carry the generation
they were started for: a result for a database that was replaced meanwhile is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from zqtracker.ui.operations import Operation

if TYPE_CHECKING:
    from zqtracker.services.context import AppContext
    from zqtracker.services.progress import Progress
    from zqtracker.ui.project_columns import Column
    from zqtracker.ui.row_order import RowStore

# Columns ranked ahead of time: many distinct texts, slow to rank on the first click.
PRE_RANKED = ("name", "code", "enterprise", "officer")


@dataclass
class LoadedRows:
    generation: int
    store: RowStore
    years: list[int]


@dataclass
class LoadedActivity:
    generation: int
    version: int
    last_activity: dict[int, date]
    stale: set[int]
    rankings: dict


@dataclass
class RefreshedRows:
    generation: int
    ids: list[int]
    rows: list  # ProjectRow, activity dates filled
    stale: set[int]


class ProjectLoader(QObject):
    rows_loaded = Signal(object)  # LoadedRows
    activity_loaded = Signal(object)  # LoadedActivity
    rows_refreshed = Signal(object)  # RefreshedRows
    failed = Signal(object)  # the exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._ops: set[Operation] = set()

    @property
    def busy(self) -> bool:
        return bool(self._ops)

    def cancel(self) -> None:
        """Forget running loads (their results will be dropped)."""
        self.generation += 1
        for op in list(self._ops):
            op.cancel()

    def load(self, ctx: AppContext, sort_column: Column | None) -> int:
        """Start loading every row of ``ctx``; returns the generation of this load."""
        self.cancel()
        generation = self.generation
        database = ctx.database

        def work(progress: Progress) -> LoadedRows:
            from zqtracker.services.project_list import ProjectListService
            from zqtracker.ui.row_order import RowStore

            rows = ProjectListService(database).all_rows(progress)
            store = RowStore(rows)
            progress.check()
            if sort_column is not None:
                store.ranking(*sort_column.sort_spec())
            years = sorted({r.signed_on.year for r in rows if r.signed_on is not None})
            return LoadedRows(generation, store, years)

        self._run(work, self.rows_loaded)
        return generation

    def load_activity(self, ctx: AppContext, store: RowStore, stale_months: int, columns: list[Column]) -> None:
        """Activity dates and stale marks for the rows of ``store``, and text columns ranked."""
        generation, version = self.generation, store.version
        rows = store.snapshot()
        database = ctx.database
        specs = [c.sort_spec() for c in columns]

        def work(progress: Progress) -> LoadedActivity:
            from zqtracker.services.project_list import ProjectListService, stale_ids
            from zqtracker.ui.row_order import RowStore

            activity = ProjectListService(database).activity(progress)
            stale = stale_ids(rows, activity.as_of, stale_months, activity.last_activity)
            progress.check()
            rankings = RowStore.rank_columns(rows, specs)
            return LoadedActivity(generation, version, activity.last_activity, stale, rankings)

        self._run(work, self.activity_loaded)

    def refresh_rows(self, ctx: AppContext, ids: list[int], stale_months: int) -> None:
        """Read these projects again (after a bulk action), off the GUI thread: for thousands of
        ids the activity dates take a second."""
        generation = self.generation
        database = ctx.database

        def work(progress: Progress) -> RefreshedRows:
            from zqtracker.services.project_list import ProjectListService, stale_ids

            service = ProjectListService(database)
            rows = service.rows(ids)
            as_of = service.activity_date()
            return RefreshedRows(generation, ids, rows, stale_ids(rows, as_of, stale_months))

        self._run(work, self.rows_refreshed)

    def _run(self, work, signal: SignalInstance) -> None:
        # A child of the loader: if the page goes away mid-load, the operation goes with it and
        # its result, arriving later from the worker thread, reaches nobody.
        op = Operation(self, work, show_progress=False)  # type: ignore[arg-type]
        self._ops.add(op)
        op.success(signal.emit).failure(self._on_failed).finished.connect(lambda: self._ops.discard(op))
        op.run_in_background()

    def _on_failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)
