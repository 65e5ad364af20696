"""Importing spreadsheets: the use case the desktop dialog and ``zqtracker import`` share. ::
    service = ImportService(ctx.database)
    book = service.read(path, progress=progress)             # safely, in a child process
    analysis = service.analyse(book, options)                # what would change, every problem
    result = service.apply(analysis, options, progress=p)    # one transaction; result.change undoes it

or in one go, ``service.import_file(path, options, dry_run=...)`` (a dry run: services/import_rehearsal.py). All or
nothing: with any invalid row nothing is written unless ``skip_invalid``. Mode replace backs up first."""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.io.cell_convert import PlanOptions
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.layout import PROJECTS, UNKNOWN, BookNames, SheetLayout, book_names, detect_layout
from zqtracker.io.plan import PlanBuilder, SheetPlan
from zqtracker.io.reader import RawSheet, RawWorkbook, read_workbook
from zqtracker.io.values import fold
from zqtracker.services import import_apply, import_credit, import_kept, import_meanwhile, import_undo_scope
from zqtracker.services.history import explains_conflicts
from zqtracker.services.import_analysis import analyse_sheets
from zqtracker.services.import_changes import changes_of, readded, rounded_of
from zqtracker.services.import_choices import (
    default_sheet,
    header_texts,
    is_view_sheet,
    period_sheets,
    refuse_unanswered,
    said_mapping,
    shown_codes,
)
from zqtracker.services.import_mappings import Mapping, MappingStore, fingerprint
from zqtracker.services.import_matching import Matcher, Stored
from zqtracker.services.import_model import Context, ImportAnalysis, SheetAnalysis
from zqtracker.services.import_notes import hidden_of, notes_of
from zqtracker.services.import_options import MODES, WORDS, ImportOptions, ImportResult, worded
from zqtracker.services.import_refusals import not_a_list, nothing_recognized
from zqtracker.services.import_rehearsal import refuse_reader, rehearsed
from zqtracker.services.import_unreadable import refuse_unreadable_list, unreadable_sheet
from zqtracker.services.import_views import district_aliases, merge_views
from zqtracker.services.progress import Progress
from zqtracker.storage.audit import acting
from zqtracker.storage.database import Database
from zqtracker.storage.import_undo import reapply, revert
from zqtracker.storage.importing import ImportChange, ImportStore, ImportWriteError


def _paused_gc(method):
    @functools.wraps(method)
    def run(*args, **kwargs):
        with _no_cyclic_gc():
            return method(*args, **kwargs)

    return run


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic collector paused while 100k-row lists are built: each of its full passes walks
    every live object (millions here) and finds nothing, since rows hold no cycles. Objects are
    still freed as usual; the collector resumes after. About an eighth of an import's CPU time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class ImportService:
    _references: tuple[dict[str, int], dict[str, int], dict[str, int]] | None  # sectors, districts, enterprises

    def __init__(self, database: Database, mappings: MappingStore | None = None) -> None:
        self.db = database
        self.mappings = mappings if mappings is not None else MappingStore()
        self.book_names = BookNames()  # the year the workbook being read names, and its file's name (io/period_file.py)

    # -- reading and analysing -------------------------------------------------------------------
    def read(
        self, path: Path | str, *, sheets: list[str] | None = None, progress: Progress | None = None
    ) -> RawWorkbook:
        """The workbook's cells; raises WorkbookRefused (one sentence naming the file)."""
        return read_workbook(Path(path), sheets=sheets, progress=progress)

    @_paused_gc
    def read_planned(
        self, path: Path | str, options: ImportOptions, *, progress: Progress | None = None
    ) -> tuple[RawWorkbook, dict[str, SheetPlan]]:
        """Read, converting each sheet's rows while the reading process is still sending more
        (the conversion overlaps the parse instead of following it). Returns the book and the
        plans of the sheets ``options`` would import, for :meth:`analyse`."""
        known, self.book_names = self.known_districts(), BookNames(None, Path(path).stem)  # its year: analyse
        builders: dict[str, PlanBuilder | None] = {}

        def on_rows(book: RawWorkbook, sheet: RawSheet) -> None:
            if sheet.name not in builders:
                builders[sheet.name] = None
                chosen = sheet.name in options.sheets if options.sheets is not None else default_sheet(sheet)
                if not chosen or sheet.error is not None:
                    return
                layout, _key, mapping, _remembered = self.layout_of(sheet, options, known)
                if layout.kind == UNKNOWN:
                    return
                builders[sheet.name] = PlanBuilder(sheet, layout, self.plan_options(book, options, mapping, known))
            builder = builders[sheet.name]
            if builder is not None:
                builder.feed()

        book = read_workbook(
            Path(path), sheets=options.sheets, progress=worded(progress, options.lang, reading=True), on_rows=on_rows
        )
        plans = {name: b.finish() for name, b in builders.items() if b is not None}
        return book, plans

    def known_districts(self) -> frozenset[str]:
        self._references = None
        return frozenset(self._refs()[1])

    def codes(self) -> dict[str, int]:
        """Every project id by code, and by "#id" (for the user's links of rows to stored projects)."""
        with self.db.session() as s:
            return {key: row[0] for row in ImportStore(s).identities() for key in (row[1], f"#{row[0]}") if key}

    def known_sectors(self) -> frozenset[str]:
        return frozenset(self._refs()[0])

    def _refs(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        refs = getattr(self, "_references", None)
        if refs is None:
            with self.db.session() as s:
                refs = self._references = ImportStore(s).references()
        return refs

    def layout_of(
        self, sheet: RawSheet, options: ImportOptions, known: frozenset[str] = frozenset()
    ) -> tuple[SheetLayout, str, Mapping | None, bool]:
        """A sheet's layout with the user's (or remembered) corrections applied; also its header
        fingerprint, the mapping used and whether it was a remembered one."""
        forced = options.header_row - 1 + 0 if options.header_row else None
        said = functools.partial(detect_layout, sheet, known_districts=known, known_sectors=self.known_sectors(),
                                 book=self.book_names, period=options.period)  # fmt: skip
        auto = said(header_row=forced)
        key = self.key_for(sheet, auto.header_row, auto.header_rows) if auto.header_row >= 0 else ""
        mapping = options.mappings.get(sheet.name)
        remembered = False
        if mapping is None and options.use_remembered:
            if key:
                mapping = self.mappings.get(key)
            else:  # no header found: perhaps the user showed us one for a file like this before
                for r in range(sheet.row_offset, sheet.row_offset + min(len(sheet.rows), 30)):
                    candidate = self.mappings.get(self.key_for(sheet, r, 1))
                    if candidate is not None and candidate.header_row == r:
                        key, mapping = self.key_for(sheet, r, 1), candidate
                        break
            remembered = mapping is not None
        if options.column_map or forced is not None:
            mapping = said_mapping(auto, options, mapping, forced)
        if mapping is None or mapping.is_empty():
            return auto, key, None, False
        layout = said(overrides=mapping.fields, header_row=mapping.header_row)
        return layout, key, mapping, remembered

    @staticmethod
    def key_for(sheet: RawSheet, header_row: int, header_rows: int = 1) -> str:
        """The remembered-mapping key of a sheet whose header is at ``header_row`` (0-based)."""
        return fingerprint(header_texts(sheet, header_row, header_rows)) if header_row >= 0 else ""

    @_paused_gc
    def analyse(
        self,
        book: RawWorkbook,
        options: ImportOptions,
        *,
        plans: dict[str, SheetPlan] | None = None,
        progress: Progress | None = None,
    ) -> ImportAnalysis:
        """What importing ``book`` would do. Raises WorkbookRefused for a sheet asked for by name that
        is unreadable or not recognised, or when no sheet is recognised at all."""
        if options.mode not in MODES:
            raise ValueError(options.mode)
        known = self.known_districts()
        name = book.path.name
        self.book_names = book_names(book)
        sheets: list[SheetAnalysis] = []
        for raw in book.sheets:
            if raw.error is not None:  # its refusal when named, else a note (services/import_unreadable.py)
                sheets.append(unreadable_sheet(raw, options.sheets))
                continue
            layout, key, mapping, remembered = self.layout_of(raw, options, known)
            chosen = raw.name in options.sheets if options.sheets is not None else default_sheet(raw)
            sa = SheetAnalysis(raw, layout, None, chosen, fingerprint=key, remembered=remembered)
            if layout.kind == UNKNOWN:
                sa.selected, sa.reason = False, "summary" if is_view_sheet(raw.name) else "not_recognized"
                if options.sheets is not None and chosen:
                    raise not_a_list(layout, name)
            elif not chosen:
                sa.reason = "hidden" if not raw.visible else "summary" if is_view_sheet(raw.name) else "not_chosen"
            if sa.selected:
                built = (plans or {}).get(raw.name)
                if built is not None and (built.layout.year, built.layout.period) != (layout.year, layout.period):
                    built = None
                if built is None:
                    built = PlanBuilder(raw, layout, self.plan_options(book, options, mapping, known)).finish()
                sa.plan = built
                shown_codes(book, raw, sa.plan, layout)
            sheets.append(sa)
        if not any(s.selected for s in sheets):
            if not book.sheets:
                raise WorkbookRefused("no_sheets", name)
            unreadable = next((s.raw.error for s in sheets if s.raw.error is not None), None)
            if unreadable is not None and not any(s.layout.kind != UNKNOWN for s in sheets):
                raise unreadable
            raise nothing_recognized(sheets, name)
        if progress is not None:
            progress.check()
        aliases = district_aliases(sheets, known, options.district_map)
        codes = import_credit.match_codes(self.db, sheets)  # 统一社会信用代码: the enterprise, before matching
        merge_views(sheets)
        period_sheets(sheets, options.period)
        ctx = self._context(sheets, options)
        analysis = analyse_sheets(book, sheets, ctx, options.mode, options.skip_invalid)
        analysis.aliases = aliases
        analysis.notes = notes_of(analysis, options.lang, options.unit, options.rates, options.date_order)
        analysis.notes += [*codes.settle(analysis), *readded(self.db, analysis), *import_kept.notes(self.db, analysis)]
        return analysis

    def plan_options(
        self, book: RawWorkbook, options: ImportOptions, mapping: Mapping | None, known: frozenset[str]
    ) -> PlanOptions:
        said = {**(mapping.statuses if mapping is not None else {}), **options.status_map}  # the user's words win
        status_map = {fold(k): v for k, v in said.items()}
        return PlanOptions(
            unit=options.unit.factor if options.unit else None,
            column_units=mapping.said_units() if mapping else {},
            remembered_units=mapping.kept_units() if mapping else {},  # the file's own unit wins over these
            date1904=book.date1904,
            known_districts=known,
            known_sectors=self.known_sectors(),
            district=options.district,
            sector=options.sector,
            status=options.status,
            status_map=status_map,
            rates=dict(options.rates),
            hidden_rows=options.hidden_rows or (mapping.hidden_rows if mapping else None),
            struck_rows=options.struck_rows or (mapping.struck_rows if mapping else None),
            date_order=options.date_order,
            source=book.path.stem,
            title_keys=options.title_keys,
        )

    def _context(self, sheets: list[SheetAnalysis], options: ImportOptions) -> Context:
        with self.db.snapshot() as s:  # one snapshot: a replace committing between two reads made them disagree
            store = ImportStore(s)
            identities = store.identities() if options.mode != "replace" else []
            by_code = {code: pid for pid, code, *_rest in identities if code}
            by_name: dict[tuple[str, str | None], int] = {}
            for pid, _code, name, district, _enterprise in identities:
                by_name.setdefault((name, district), pid)
            sectors, districts, enterprises = store.references()
            ctx = Context(
                by_code,
                by_name,
                {v: k for k, v in by_code.items()},
                sectors,
                districts,
                enterprises,
                store.codec,
                links=dict(options.links),
            )
            if options.mode == "replace":
                ctx.replaced = store.stored_counts()  # what goes first: said in a note
                return ctx
            ctx.matcher = matcher = Matcher([Stored(*row) for row in identities])
            candidates: set[int] = set(options.links.values())
            years: set[int] = set()
            plan_years: set[int] = set()
            for sa in sheets:
                if not sa.selected or sa.plan is None:
                    continue
                plan = sa.plan
                if sa.layout.kind == PROJECTS and identities:  # monthly sheets: no stored values to compare with
                    cols = [plan.column(f) for f in ("code", "name", "district", "enterprise")]
                    sa.matches = [matcher.match(c, n, d, None, e) for c, n, d, e in zip(*cols, strict=True)]
                    candidates.update(m.pid for m in sa.matches if m.pid is not None)
                years.update(y for _k, y, *_rest in (*plan.months, *plan.ytd, *plan.spans) if y is not None)
                plan_years.update(y for _k, y, _v in plan.plans)
            ctx.rows = store.project_rows(sorted(candidates))
            ctx.investment = store.investment(years)
            ctx.later = store.later_months(max(years)) if years else {}  # a report of a year gone by
            ctx.plans = store.plans(plan_years)
        return ctx

    # -- writing ---------------------------------------------------------------------------------
    @explains_conflicts
    @_paused_gc
    def apply(
        self, analysis: ImportAnalysis, options: ImportOptions, *, progress: Progress | None = None
    ) -> ImportResult:
        """Write what the analysis found (nothing when it found problems, unless skip_invalid).
        Raises WorkbookRefused while a question is unanswered (rows hidden in the sheet, amounts
        without a unit): whoever calls, nothing is decided for the user."""
        refuse_unanswered(analysis, options)
        result = self.result_of(analysis)
        if analysis.problems and not options.skip_invalid:
            return result
        if not analysis.has_work and options.mode != "replace":
            return result
        from zqtracker.services import backups

        refuse_reader(self.db, analysis)  # before the server's backup: nothing of this account's import is written
        result.backup = backups.before(self.db, "replace" if options.mode == "replace" else "import")
        replaced = None  # (a replace on a server too: its backup is a SQLite file holding all of it)
        if options.mode == "replace" and result.backup is not None:
            from zqtracker.storage.transfer import fingerprint, reading

            with reading(result.backup) as copy:
                replaced = fingerprint(copy, audit=False)  # the undo restores from it: nothing may land between
        note = WORDS.say("imported_from", options.lang, file=analysis.book.path.name)
        with acting("import", analysis.book.path.name):
            change = import_apply.write(
                self.db, analysis, note=note, progress=worded(progress, options.lang), replaced=replaced
            )
        change.replaced_backup = result.backup if options.mode == "replace" else None
        result.change, result.written, result.warnings = change, True, self.db.after_write()
        result.project_ids = [r[0] for r in change.inserted] + [r[0] for r in change.after]
        return import_meanwhile.settled(result, change)  # new: what it added (a colleague may have added some since)

    @staticmethod
    def result_of(analysis: ImportAnalysis) -> ImportResult:
        changes, total = changes_of(analysis)
        return ImportResult(
            analysis.book.path.name,
            analysis.added,
            analysis.updated,
            analysis.unchanged,
            len(analysis.records),
            len(analysis.plans),
            list(analysis.problems),
            [n for n, _ in analysis.new_sectors],
            list(analysis.new_districts),
            list(analysis.new_enterprises),
            notes=list(analysis.notes),
            changes=changes,
            changes_total=total,
            rounded=rounded_of(analysis),
            hidden_rows=hidden_of(analysis),
            struck_rows=hidden_of(analysis, struck=True),
        )

    @_paused_gc  # once for the whole import: a collection between its steps walks millions of rows, finds nothing
    def import_file(
        self, path: Path | str, options: ImportOptions, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """Read, analyse and (unless ``dry_run``) write. Raises WorkbookRefused when the file cannot
        be imported at all — among others when amounts have no unit and none was given."""
        book, plans = self.read_planned(path, options, progress=progress)
        analysis = self.analyse(book, options, plans=plans, progress=progress)
        refuse_unreadable_list(analysis, options)  # a sheet that may hold projects, unread: the dialog shows it
        refuse_unanswered(analysis, options)
        if dry_run:
            return rehearsed(self.db, analysis, options, self.result_of(analysis))
        for attempt in range(3):
            try:
                return self.apply(analysis, options, progress=progress)
            except ConcurrentUpdateError:
                # The database changed since the analysis (another import, an edit): analyse again.
                if attempt == 2:
                    raise
                analysis = self.analyse(book, options, plans=None, progress=progress)
        raise AssertionError("unreachable")

    # -- undo, redo, remembering -----------------------------------------------------------------
    @explains_conflicts
    def undo(self, change: ImportChange) -> None:
        """Refused (ConcurrentUpdateError) when anything the import wrote was changed since."""
        try:
            with acting("undo"), import_undo_scope.worded(self.db, change), self.db.write() as s:
                revert(s, change)
        except ImportWriteError as exc:  # e.g. a sector it added is used by a colleague's project now
            raise ConcurrentUpdateError(0, what="database", detail=str(exc)) from exc

    @explains_conflicts
    def redo(self, change: ImportChange) -> None:
        """Refused (ConcurrentUpdateError) when anything the undo put back was changed since."""
        try:
            with acting("redo"), self.db.write() as s:
                reapply(s, change)
        except ImportWriteError as exc:  # e.g. a colleague took one of its codes meanwhile
            raise ConcurrentUpdateError(0, what="database", detail=str(exc)) from exc

    def remember(self, key: str, mapping: Mapping) -> None:
        if key:
            self.mappings.put(key, mapping)
