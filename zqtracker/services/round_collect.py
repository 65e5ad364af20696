"""Collecting a round's returns (issue 17): recognise, check, preview, import.

    collector = RoundCollector(ctx.database)
    ret = collector.read(path)            # round and district from the file; refusals raised here
    collector.analyse(ret)                # plausibility findings and the import's analysis
    collector.decide(ret, pid, "ytd_decreased", SENT_BACK, "请核实")  # then analyse again
    result = collector.apply(ret)         # one transaction, undone as one step

The return is imported through :class:`ImportService` — its analysis, its preview, its
all-or-nothing write and its undo — with every row of the district's sheet turned into an exact
link to the project its hidden id names, never matched again by name. The cells on record (code,
name …) are taken as sent: a district that renamed a project is shown the difference, which is not
imported. The month's figures (当月, 1–X月累计) are read here, checked against what is stored, and
handed to the same write as the import's monthly records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from zqtracker.domain.round_checks import Finding, check_row
from zqtracker.domain.rounds import History, MonthFigure, Period, SheetProject, month_figure
from zqtracker.io.errors import CellProblem
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.io.round_read import NotARoundBook, ReturnRows, RoundMeta, read_meta
from zqtracker.io.round_return import read_return
from zqtracker.io.round_workbook import HEADER_ROW, NEW_HEADER_ROW
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService
from zqtracker.services.progress import Progress
from zqtracker.services.round_again import collected_again
from zqtracker.services.round_closed import closed_refusal
from zqtracker.services.round_collect_conflict import collect_written, drop_collected_meanwhile
from zqtracker.services.round_rows import LeftOut, listed_again, missing_rows, takes_month, year_old
from zqtracker.services.rounds import RoundRefused
from zqtracker.storage.closed_months import ClosedMonthStore
from zqtracker.storage.database import Database
from zqtracker.storage.importing import ImportStore
from zqtracker.storage.round_sheets import RoundSheetQueries
from zqtracker.storage.rounds import RoundStore

ACCEPTED, SENT_BACK = "accepted", "sent_back"
# What each column of the two sheets is for the import (the rest it leaves alone).
_MAIN_FIELDS = {"code": "code", "name": "name", "status": "status", "progress": "progress_note"}
_NEW_FIELDS = {"name": "name", "enterprise": "enterprise", "sector": "sector", "planned": "planned_investment",
               "status": "status", "signed": "signed_on", "progress": "progress_note"}  # fmt: skip


@dataclass
class DistrictReturn:
    """One district's returned workbook, as far as it has been looked at."""

    path: Path
    book: RawWorkbook
    meta: RoundMeta
    round_id: int
    sent: dict[int, SheetProject]
    rows: ReturnRows
    histories: dict[int, History] = field(default_factory=dict)
    figures: dict[tuple[str, int], MonthFigure] = field(default_factory=dict)  # (sheet, row) → figure
    findings: list[Finding] = field(default_factory=list)
    decisions: dict[tuple[object, str], tuple[str, str]] = field(default_factory=dict)
    analysis: ImportAnalysis | None = None
    options: ImportOptions | None = None
    already_imported: bool = False
    links: dict[int, int] = field(default_factory=dict)  # the user's: new-projects sheet row → project (0: new)
    left_out: list[LeftOut] = field(default_factory=list)  # rows of projects moved or deleted since sent
    missing: list[SheetProject] = field(default_factory=list)  # projects sent out whose rows the return lacks
    collected_on: date | None = None  # the same return, returned that day (as the round shows): nothing to change
    imported_on: date | None = None  # … and imported that day (round_again.py)

    @property
    def period(self) -> Period:
        return self.meta.period

    @property
    def district(self) -> str:
        return self.meta.district

    @property
    def problems(self) -> list[CellProblem]:
        return list(self.analysis.problems) if self.analysis is not None else list(self.rows.problems)

    def decision(self, finding: Finding) -> tuple[str, str] | None:
        return self.decisions.get(_decision_key(finding))

    @property
    def open_findings(self) -> list[Finding]:
        """Findings nobody has accepted or sent back yet."""
        return [f for f in self.findings if self.decision(f) is None]

    def sent_back(self, sheet: str, row: int) -> bool:
        return any(
            f.sheet == sheet and f.row == row and (self.decision(f) or ("", ""))[0] == SENT_BACK for f in self.findings
        )


def _decision_key(f: Finding) -> tuple[object, str]:
    return (f.project_id if f.project_id is not None else (f.sheet, f.row), f.check)


class RoundCollector:
    def __init__(self, database: Database, imports: ImportService | None = None) -> None:
        self.db = database
        self.imports = imports or ImportService(database)

    # -- recognising -------------------------------------------------------------------------------
    def read(self, path: Path | str, *, progress: Progress | None = None) -> DistrictReturn:
        """Read a returned workbook and tie it to its round and district. Raises RoundRefused (one
        sentence) for a file that is not a return, whose identifiers were tampered with, or that
        reports another district's projects; WorkbookRefused for a file that cannot be read."""
        book = self.imports.read(path, progress=progress)
        return self.recognise(book)

    def recognise(self, book: RawWorkbook) -> DistrictReturn:
        name = book.path.name
        try:
            meta = read_meta(book)
        except NotARoundBook as exc:
            raise RoundRefused(exc.problem.code, **exc.problem.params) from None
        with self.db.session() as s:
            store = RoundStore(s)
            if not store.may_collect():  # a district's or a reader's account: the bureau collects
                raise RoundRefused("round_collect_not_allowed", user=self.db.engine.url.username or "")
            info = store.find(meta.period)
            if info is None:
                raise RoundRefused("round_unknown_round", file=name, round=str(meta.period))
            part = store.part(info.id, meta.district_id)
            if part is None:
                raise RoundRefused(
                    "round_district_not_in_round", file=name, district=meta.district, round=str(meta.period)
                )
            if not meta.verify(part.token):
                raise RoundRefused("round_checksum", file=name, district=part.district)
            # the district by its id (checksummed), named as it is now: renamed since, or its name
            # edited in the hidden sheet, its projects stay where they are
            meta = replace(meta, district=part.district)
            closed = ClosedMonthStore(s).closed()
            if meta.period in closed:
                raise closed_refusal(meta.period, closed[meta.period], name, meta.district, meanwhile=False)
            sent_ids = set(store.sent_projects(info.id, meta.district_id))
            listed = {p.id: p for p in RoundSheetQueries(s).sheet_projects(meta.district_id, meta.period, ids=sent_ids)}
            decisions: dict[tuple[object, str], tuple[str, str]] = {
                (pid, check): d for (pid, check), d in store.decisions(info.id).items()
            }
            already = part.imported_at is not None
        for raw in book.sheets:  # a sheet of the return that could not be read: its own refusal, nothing guessed
            if raw.error is not None and raw.name in (meta.main_sheet, meta.new_sheet):
                raise raw.error
        try:
            book, meta, rows = read_return(book, meta, listed)
        except NotARoundBook as exc:
            raise RoundRefused(exc.problem.code, **exc.problem.params) from None
        foreign = sorted({r for r, pid in rows.stray_ids})
        if foreign:
            raise RoundRefused("round_other_district", file=name, district=meta.district, rows=_rows_text(foreign))
        with self.db.session() as s:
            now = RoundSheetQueries(s).project_districts([r.project_id for r in rows.rows if r.project_id is not None])
        # Sent to this district, moved to another or deleted by the bureau since: not the district's
        # doing, and no reason to refuse its other rows — these rows are left out, each named.
        left_out = [
            LeftOut(r, now[r.project_id][1] if r.project_id in now else None)
            for r in rows.rows
            if r.project_id is not None and (now.get(r.project_id) or (None,))[0] != meta.district_id
        ]
        rows.rows = [r for r in rows.rows if all(r is not gone.row for gone in left_out)]
        left_out = sorted([*left_out, *(LeftOut(r, None) for r in rows.gone)], key=lambda g: g.row.row)
        ret = DistrictReturn(book.path, book, meta, info.id, listed, rows, decisions=decisions, left_out=left_out)
        ret.already_imported = already
        # collected before: the rows that change nothing are left out (all of them: said in one line)
        same = collected_again(self.db, ret, part) if part.imported_at is not None else []
        ret.missing = missing_rows(ret, same)
        return ret

    # -- checking and analysing ---------------------------------------------------------------------
    def analyse(self, ret: DistrictReturn, *, lang: str = "en", progress: Progress | None = None) -> DistrictReturn:
        """The plausibility findings and what importing the return would do (nothing is written)."""
        period = ret.period
        ids = [r.project_id for r in ret.rows.rows if r.project_id is not None]
        with self.db.session() as s:
            ret.histories = RoundSheetQueries(s).histories(ids, period)
            stored = ImportStore(s).investment({period.year})
        ret.findings, ret.figures = [], {}
        for row in ret.rows.rows:
            history = ret.histories.get(row.project_id) if row.project_id is not None else None
            if history is None:
                history = History(row.planned, {}, None)
            figure = month_figure(row, history, period)
            if figure.amount is None and row.this_month is not None and takes_month(ret, row):
                figure = MonthFigure(row.this_month, period.month, figure.problem)  # accepted: 当月 is the month
            ret.figures[(row.sheet, row.row)] = figure
            ret.findings.extend(check_row(row, history, figure, period, ret.meta.unit.value))
        ret.findings.extend(year_old(self.db, ret))
        options = self._options(ret, lang)
        book = self._prepared(ret)
        analysis = self.imports.analyse(book, options, progress=progress)
        if analysis.context is not None:
            analysis.context.investment.update(stored)
        analysis.problems = [*ret.rows.problems, *analysis.problems]
        analysis.round_month = (period.year, period.month)
        self._records(ret, analysis, stored)
        drop_collected_meanwhile(self.db, analysis, read_imported=ret.already_imported)  # (refused at apply)
        ret.analysis, ret.options = analysis, options
        return ret

    def _options(self, ret: DistrictReturn, lang: str) -> ImportOptions:
        meta = ret.meta
        main = {i: _MAIN_FIELDS.get(k) for i, k in enumerate(meta.main_columns)}
        new = {i: _NEW_FIELDS.get(k) for i, k in enumerate(meta.new_columns)}
        factor = meta.unit.factor
        mappings = {
            meta.main_sheet: Mapping(main, {}, HEADER_ROW),
            meta.new_sheet: Mapping(new, {meta.new_columns.index("planned"): factor}, NEW_HEADER_ROW),
        }
        links = {(r.sheet, r.row): r.project_id for r in ret.rows.rows if r.project_id is not None}
        links.update({(meta.new_sheet, row): pid for row, pid in ret.links.items()})
        sheets = [meta.main_sheet] + ([meta.new_sheet] if any(r.project_id is None for r in ret.rows.rows) else [])
        # title_keys: its title (项目建设进展情况表, 重点… before fix36) is zqtracker's, over all its projects
        return ImportOptions(mode="merge", sheets=sheets, unit=meta.unit, mappings=mappings, use_remembered=False,
                             lang=lang, district=meta.district, links=links, title_keys=False)  # fmt: skip

    def _prepared(self, ret: DistrictReturn) -> RawWorkbook:
        """The two sheets as the import should see them: cells on record as they were sent, the
        open cells of rows sent back emptied, rows of the new sheet sent back left out."""
        meta = ret.meta
        by_row = {(r.sheet, r.row): r for r in ret.rows.rows}
        sheets: list[RawSheet] = []
        for raw in ret.book.sheets:
            if raw.name not in (meta.main_sheet, meta.new_sheet):
                continue
            main = raw.name == meta.main_sheet
            columns = meta.main_columns if main else meta.new_columns
            col = {k: i - raw.col_offset for i, k in enumerate(columns)}
            rows: list[list] = []
            for i, cells in enumerate(raw.rows):
                r = raw.row_offset + i + 1
                rep = by_row.get((raw.name, r))
                cells = list(cells)
                if rep is None:
                    rows.append(cells if r <= (HEADER_ROW if main else NEW_HEADER_ROW) + 1 else [])
                    continue
                cells += [None] * (len(columns) - len(cells))
                if main:
                    sent = ret.sent[rep.project_id]  # type: ignore[index]
                    cells[col["code"]], cells[col["name"]] = sent.code or "", sent.name
                if ret.sent_back(raw.name, r):
                    if not main:
                        cells = []
                    else:
                        cells[col["status"]] = cells[col["progress"]] = None
                rows.append(cells)
            sheets.append(
                RawSheet(raw.name, True, rows, raw.row_offset, raw.col_offset, list(raw.merged), frozenset(), None)
            )
        return RawWorkbook(
            ret.book.path, ret.book.kind, ret.book.engine, ret.book.date1904, sheets, [s.name for s in sheets]
        )

    def _records(self, ret: DistrictReturn, analysis: ImportAnalysis, stored: dict) -> None:
        """The month's figures, as the import's monthly records (written in the same transaction)."""
        period = ret.period
        targets: dict[tuple[str, int], int | None] = {}
        for sa in analysis.selected:
            assert sa.plan is not None
            for k, number in enumerate(sa.plan.row_numbers):
                targets[(sa.name, number)] = sa.targets[k] if sa.targets and sa.status[k] != "invalid" else None
        for row in ret.rows.rows:
            figure = ret.figures.get((row.sheet, row.row))
            if figure is None or figure.amount is None or ret.sent_back(row.sheet, row.row):
                continue
            target = row.project_id if row.project_id is not None else targets.get((row.sheet, row.row))
            if target is None:
                continue
            if row.project_id is None and target > 0:  # a "new" project the import found on record
                analysis.problems.append(listed_again(row, target, analysis))
                continue
            first = figure.first if figure.first < period.month else None
            wanted = [(period.month, figure.amount, first)]
            if figure.gap is not None:  # 当月 beside a 1–X月累计 over months never reported: those months, one figure
                since, amount = figure.gap
                wanted.append((period.month - 1, amount, since if since < period.month - 1 else None))
            for month, amount, span in wanted:
                before = stored.get((target, period.year, month)) if target > 0 else None
                if before is not None and before[0] == amount and before[3] == span:
                    analysis.records_unchanged += 1
                    continue
                # a 1–X月累计 over months never reported is one figure covering them all (never spread)
                analysis.records.append(
                    (target, period.year, month, amount, None if before is None else before[0], span)
                )

    # -- deciding and importing ------------------------------------------------------------------
    def decide(self, ret: DistrictReturn, finding: Finding, decision: str, note: str = "") -> None:
        """Accept a finding with a note, or send its row back (kept for the round: a return read
        again later remembers it). Analyse again to see the effect."""
        if decision not in (ACCEPTED, SENT_BACK):
            raise ValueError(decision)
        ret.decisions[_decision_key(finding)] = (decision, note)
        if finding.project_id is not None:
            with self.db.session() as s:
                RoundStore(s).decide(ret.round_id, finding.project_id, finding.check, decision, note)

    def receive(self, ret: DistrictReturn, on: date | None = None) -> None:
        """Record that the district's return came in (the round view says "returned on DATE")."""
        with self.db.session() as s:
            store = RoundStore(s)
            part = store.part(ret.round_id, ret.meta.district_id)
            if part is not None and part.returned_on is None:
                store.mark_returned(ret.round_id, ret.meta.district_id, on or date.today(), ret.path.name)

    def apply(self, ret: DistrictReturn, *, progress: Progress | None = None, on: date | None = None,
              accept_open: bool = False) -> ImportResult:  # fmt: skip
        """Import the analysed return: nothing while problems or undecided findings remain
        (``accept_open`` accepts those as they are, the CLI's ``--accept``)."""
        if ret.analysis is None or ret.options is None:
            self.analyse(ret)
        assert ret.analysis is not None and ret.options is not None
        if ret.open_findings and not accept_open:
            raise RoundRefused("round_open_findings", file=ret.path.name, count=len(ret.open_findings))
        for f in ret.open_findings if accept_open else []:
            self.decide(ret, f, ACCEPTED, "")
        if any(takes_month(ret, row) for row in ret.rows.rows):
            self.analyse(ret, lang=ret.options.lang)  # an accepted disagreement: 当月 is the month's figure
        try:
            reported = [r.project_id for r in ret.rows.rows if r.project_id is not None]
            result = collect_written(self.imports, ret.analysis, ret.options, progress,  # (told if just collected)
                                     read_imported=ret.already_imported, project_ids=reported)  # fmt: skip
        except RoundRefused as exc:  # closed by a colleague since the return was read: said naming it
            if exc.problem.code != "round_month_closed":
                raise
            with self.db.session() as s:
                at = ClosedMonthStore(s).closed().get(ret.period)
            raise closed_refusal(ret.period, at, ret.path.name, ret.district, meanwhile=True) from None
        if result.written or (not ret.analysis.problems and not ret.analysis.has_work):
            new_ids = [r[0] for r in result.change.inserted] if result.change is not None else []
            with self.db.session() as s:
                store = RoundStore(s)
                part = store.part(ret.round_id, ret.meta.district_id)
                if part is not None and part.returned_on is None:
                    store.mark_returned(ret.round_id, ret.meta.district_id, on or date.today(), ret.path.name)
                updated = len(
                    {pid for pid in result.project_ids if pid not in new_ids}
                    | {r[0] for r in (result.change.investment_after if result.change else []) if r[0] not in new_ids}
                )
                store.mark_imported(ret.round_id, ret.meta.district_id, updated, len(new_ids))
                store.add_projects(ret.round_id, ret.meta.district_id, new_ids)
        return result


def _rows_text(rows: Sequence[int]) -> str:
    if len(rows) > 8:
        return ", ".join(str(r) for r in rows[:8]) + f" … ({len(rows)})"
    return ", ".join(str(r) for r in rows)
