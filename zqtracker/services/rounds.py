"""The monthly reporting round (issue 17): the use cases the round view and ``zqtracker round`` share.

    rounds = RoundService(ctx.database)
    made = rounds.create(Period(2023, 10), out_dir, districts=["高要区"], lang="zh")
    rounds.status(Period(2023, 10))                  # each district's state, late days, counts
    rounds.reminders(Period(2023, 10))               # who still owes what, as text and .xlsx
    rounds.close(Period(2023, 10))                   # freeze the month's figures

Collecting returns is services/round_collect.py.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from zqtracker.domain.errors import DomainError, Problem, ValidationError
from zqtracker.domain.money import Unit
from zqtracker.domain.rounds import DistrictState, Lacking, Period, Round, RoundDistrict, late_days
from zqtracker.io.atomic import atomic_target
from zqtracker.io.round_files import write_table_book
from zqtracker.io.round_workbook import RoundBook, write_round_book
from zqtracker.services.progress import Progress
from zqtracker.services.round_words import WORDS, Reminder
from zqtracker.storage.closed_months import ClosedMonthStore
from zqtracker.storage.database import Database
from zqtracker.storage.meta import get_meta
from zqtracker.storage.round_sheets import RoundSheetQueries
from zqtracker.storage.rounds import RoundInfo, RoundStore


class RoundRefused(DomainError):
    """The round cannot do what was asked: one coded sentence."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, None, dict(params))
        super().__init__(self.problem.message("en"))

    def message(self, lang: str = "en") -> str:
        return self.problem.message(lang)


@dataclass(frozen=True, slots=True)
class WrittenBook:
    district: str
    path: Path
    projects: int


@dataclass
class CreateResult:
    period: Period
    folder: Path
    books: list[WrittenBook] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Correction:
    """A figure of a closed month changed after closing: as closed, and as it is now (None: none)."""

    project_id: int
    code: str | None
    name: str  # "" when the project has since been deleted
    district: str | None
    year: int
    month: int
    closed: int | None
    now: int | None


def folder_name(period: Period, lang: str) -> str:
    """The folder a round's workbooks land in."""
    return WORDS.say("folder", lang, period=period.short(lang))


def book_name(period: Period, district: str) -> str:
    safe = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in district).strip(" .") or "district"
    return f"{safe}_{period}.xlsx"


class RoundService:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- create ----------------------------------------------------------------------------------
    def create(self, period: Period, out_dir: str | os.PathLike[str], *, districts: Sequence[str] | None = None,
               lang: str = "zh", unit: Unit = Unit.WAN, due_on: date | None = None,
               progress: Progress | None = None) -> CreateResult:  # fmt: skip
        """Write one workbook per district into a folder named for the round, and record them
        as sent. All or nothing: on failure or cancel the files of this run are removed and the
        database is unchanged."""
        out = Path(out_dir)
        if out.exists() and not out.is_dir():
            raise RoundRefused("round_out_not_folder", folder=str(out))
        folder = out / folder_name(period, lang)
        written: list[Path] = []
        made_folder = False
        try:
            with self.db.session() as s:
                store = RoundStore(s)
                chosen = self._districts(store, districts)
                info = store.find(period)
                if info is None:
                    info = store.create(period, due_on or period.default_due(), unit.value)
                else:
                    store.set_round(info.id, due_on=due_on, unit=unit.value)
                    info = store.find(period)
                    assert info is not None
                demo = get_meta(s, "demo") == "1"
                if not folder.exists():
                    folder.mkdir(parents=True)
                    made_folder = True
                result = CreateResult(period, folder)
                for n, (name, did) in enumerate(chosen.items()):
                    if progress is not None:
                        progress.report(n, len(chosen), name)
                    store.put_part(info.id, did, secrets.token_hex(16))
                    part = store.part(info.id, did)
                    assert part is not None
                    projects = RoundSheetQueries(s).sheet_projects(did, period)
                    book = RoundBook(period, did, name, projects, part.token, unit, lang, info.due_on, demo)
                    target = folder / book_name(period, name)
                    with atomic_target(target) as tmp:
                        write_round_book(tmp, book)
                    written.append(target)
                    store.mark_sent(info.id, did, target.name, [p.id for p in projects])
                    result.books.append(WrittenBook(name, target, len(projects)))
                store.set_round(info.id, folder=str(folder))
                if progress is not None:
                    progress.report(len(chosen), len(chosen), "")
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            if made_folder:
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise
        return result

    @staticmethod
    def _districts(store: RoundStore, names: Sequence[str] | None) -> dict[str, int]:
        if not names:
            found = store.districts_with_projects()
            if not found:
                raise RoundRefused("round_no_districts")
            return found
        known = store.district_ids()
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ValidationError([Problem("round_unknown_district", "district", {"value": n}) for n in unknown])
        return {n: known[n] for n in dict.fromkeys(names)}

    def district_names(self) -> list[str]:
        """The districts a round can ask: those with projects not cancelled."""
        with self.db.session() as s:
            return list(RoundStore(s).districts_with_projects())

    # -- tracking --------------------------------------------------------------------------------
    def rounds(self) -> list[Period]:
        with self.db.session() as s:
            return [r.period for r in RoundStore(s).rounds()]

    def status(self, period: Period, today: date | None = None) -> Round:
        """Each district's state, late days and counts; raises RoundRefused when there is no round."""
        today = today or date.today()
        with self.db.session() as s:
            store = RoundStore(s)
            info = self._info(store, period)
            counts = RoundSheetQueries(s).counts(info.id, period)
            closed = ClosedMonthStore(s).closed().get(period)
            districts = tuple(
                RoundDistrict(p.district_id, p.district, p.state, *counts.get(p.district_id, (0, 0)), p.file_name,
                              p.sent_at, p.returned_on, p.imported_at, p.updated, p.added,
                              late_days(p.state, info.due_on, today))
                for p in store.parts(info.id)
            )  # fmt: skip
        return Round(info.id, period, info.due_on, info.created_at, info.folder, info.unit, districts, closed)

    @staticmethod
    def _info(store: RoundStore, period: Period) -> RoundInfo:
        info = store.find(period)
        if info is None:
            raise RoundRefused("round_missing", round=str(period))
        return info

    def lacking(self, period: Period, districts: Sequence[str] | None = None) -> list[Lacking]:
        """Projects sent out whose month has no figure yet — of districts imported too: a row left
        blank, sent back or deleted from the return still lacks its figure (probe40b F5)."""
        with self.db.session() as s:
            store = RoundStore(s)
            info = self._info(store, period)
            rows = RoundSheetQueries(s).lacking(info.id, period)
        return [r for r in rows if not districts or r.district in districts]

    def reminders(self, period: Period, today: date | None = None) -> list[Reminder]:
        """Districts that still owe their return (sent, not imported), the latest first, then those
        imported whose return left projects without the month's figures; each with those projects."""
        rnd = self.status(period, today)
        lacking = self.lacking(period)
        owing = [d for d in rnd.districts if d.state in (DistrictState.SENT, DistrictState.RETURNED)]
        owing.sort(key=lambda d: (-d.late_days, d.district))
        short = {x.district for x in lacking}
        owing += [d for d in rnd.districts if d.state is DistrictState.IMPORTED and d.district in short]
        return [
            Reminder(d.district, d.late_days, [x for x in lacking if x.district == d.district],
                     d.state is DistrictState.IMPORTED)
            for d in owing
        ]  # fmt: skip

    def write_reminders(
        self, path: str | os.PathLike[str], period: Period, reminders: list[Reminder], lang: str
    ) -> Path:
        """The reminder list as a workbook (written under a temporary name, then renamed)."""
        title = WORDS.say("reminders_title", lang, period=period.label(lang))
        headers = WORDS.say("reminders_headers", lang).split("|")
        rows: list[list[object]] = []
        for r in reminders:
            for p in r.projects or [Lacking(r.district, None, "")]:
                rows.append([r.district, r.late_days, p.code or "", p.name])
        target = Path(path)
        with atomic_target(target) as tmp:
            write_table_book(tmp, title, headers, rows)
        return target

    # -- closing ---------------------------------------------------------------------------------
    def close(self, period: Period, note: str = "") -> datetime:
        """Freeze the month's consolidated figures (see storage.closed_months.ClosedMonthStore.close)."""
        from zqtracker.storage.stats_queries import StatsQueries

        with self.db.write() as s:  # under the write lock: a return being collected lands before, or is refused
            store = ClosedMonthStore(s)
            if period in store.closed():
                raise RoundRefused("round_already_closed", round=str(period))
            lines = StatsQueries(s).progress(period.year, period.month)
            return store.close(period, lines, note)

    def reopen(self, period: Period) -> None:
        with self.db.write() as s:
            store = ClosedMonthStore(s)
            if period not in store.closed():
                raise RoundRefused("round_not_closed", round=str(period))
            store.reopen(period)

    def corrections(self, period: Period) -> tuple[Period | None, list[Correction]]:
        """Changes made after closing to the figures of the latest closed month before ``period``
        (what its report froze), for the report of ``period`` to list as corrections."""
        with self.db.session() as s:
            store = ClosedMonthStore(s)
            earlier = [p for p in store.closed() if p < period]
            if not earlier:
                return None, []
            closed = max(earlier)
            frozen = store.closed_records(closed)
            live = store.live_records((closed.year - 1, closed.year), closed)
            keys = sorted(k for k in set(frozen) | set(live) if frozen.get(k) != live.get(k))
            names = store.names({k[0] for k in keys})
        out = [
            Correction(pid, *names.get(pid, (None, "", None)), y, m, frozen.get((pid, y, m)), live.get((pid, y, m)))
            for pid, y, m in keys
        ]
        return closed, out
