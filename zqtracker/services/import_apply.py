"""Writing an analysed import: one transaction, values handed to storage column-wise, before/after kept.

New projects get ids reserved from the database first (executemany cannot hand back generated keys
everywhere) and their first status-history row; updated projects are written only if still at the version the analysis
saw; investment records take their project's sector and district. Everything written is recorded
in an ImportChange, so that the import is undone — and redone — as one step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.services import interrupts
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_recheck import recheck
from zqtracker.services.progress import Progress
from zqtracker.storage.codec import DATE_FIELDS
from zqtracker.storage.database import Database
from zqtracker.storage.importing import ImportChange, ImportStore
from zqtracker.storage.projects import MILESTONES
from zqtracker.storage.querying import utcnow

_CHUNK = 8192  # new projects made (and written) at a time


def write(
    database: Database,
    analysis: ImportAnalysis,
    *,
    note: str,
    progress: Progress | None = None,
    today: date | None = None,
    replaced: dict | None = None,
) -> ImportChange:
    """Write the analysed import in one transaction; raises Cancelled (nothing written) when the
    progress is cancelled, ConcurrentUpdateError when the database changed since the analysis (or,
    ``replaced`` being the backup's fingerprint, since the backup a replace import undoes from)."""
    change = ImportChange()
    today = today or date.today()
    report = _reporter(progress, analysis)
    with database.write() as s:
        store = ImportStore(s)
        codec = store.codec
        recheck(store, analysis)  # under the write lock: what the analysis saw must still hold
        if analysis.round_month is not None:  # a return: its month may have been closed since it was read
            from zqtracker.domain.rounds import Period
            from zqtracker.services.rounds import RoundRefused
            from zqtracker.storage.closed_months import ClosedMonthStore

            if Period(*analysis.round_month) in ClosedMonthStore(s).closed():
                raise RoundRefused("round_month_closed", round=str(Period(*analysis.round_month)))
        if replaced is not None:
            from zqtracker.storage.transfer import fingerprint

            if fingerprint(store.conn, audit=False) != replaced:  # a write landed after the backup: it would be lost
                raise ConcurrentUpdateError(0, what="import", detail="the database changed after its backup")
        if analysis.mode == "replace":
            store.delete_all_projects()
        new, codes = analysis.new_enterprises, analysis.new_enterprise_codes
        store.create_references(analysis.new_sectors, analysis.new_districts, new, change, codes)
        store.give_codes(analysis.codes_given, change)  # stored enterprises without a credit code: the file's
        refs = dict(zip(("sector", "district", "enterprise"), store.references(), strict=True))
        stamp = utcnow()
        report(0, "projects")
        start = store.new_ids("projects", len(analysis.new_projects))  # from the database, not max(id) + 1
        columns = _new_columns(analysis)
        # A new project's first status change is dated by its milestones; it is also its last activity.
        firsts: list[date] = []
        inserted: list[tuple] = []

        def made() -> Iterator[list[tuple]]:  # each chunk made while the one before is written
            for lo in range(0, len(start), _CHUNK):
                part = {f: values[lo : lo + _CHUNK] for f, values in columns.items()}
                on = _first_status_dates(part, today)
                rows = codec.new_rows(start[lo : lo + _CHUNK], part, stamp=stamp, last_activity=on, refs=refs)
                firsts.extend(on)
                inserted.extend(rows)
                yield rows

        store.insert_projects_made(made(), len(start), lambda done: report(done, "projects"))
        change.inserted = inserted
        before = [u.before for u in analysis.updates]
        after = [codec.updated_row(u.before, u.fields, stamp=stamp, refs=refs) for u in analysis.updates]
        report(len(inserted), "updates")
        if after:
            store.update_projects(before, after)
            store.follow_placements(
                [a for b, a in zip(before, after, strict=True) if codec.placement(b) != codec.placement(a)]
            )
        change.before, change.after = before, after
        moves = [
            (codec.pid(a), codec.value(b, "status"), codec.value(a, "status"))
            for b, a in zip(before, after, strict=True)
        ]
        moves = [m for m in moves if m[1] != m[2]]
        n, m = len(start), len(moves)
        change.status_changes = codec.status_change_rows(
            store.new_ids("status_changes", n + m),
            [*start, *(p for p, _o, _n in moves)],
            [*([None] * n), *(o for _p, o, _n in moves)],
            [*columns["status"], *(new for _p, _o, new in moves)],
            [*firsts, *([today] * m)],
            [*([""] * n), *([note] * m)],
        )
        store.insert_status_changes(change.status_changes, bump=False, first=n)
        store.bump_activity((r[1], r[4]) for r in change.status_changes[n:])
        report(len(inserted) + len(after), "records")
        _investment(analysis, store, change, start, inserted, after, report)
        _plans(analysis, store, change, start)
        if analysis.mode == "replace":
            from zqtracker.storage.transfer import fingerprint

            change.fingerprint_after = fingerprint(store.conn, audit=False)  # what its undo will expect to find
        report(len(inserted) + len(after) + len(analysis.records), "commit")
        interrupts.hold()  # a Ctrl-C from here on: the commit completes and the import is reported
    return change


def _reporter(progress: Progress | None, analysis: ImportAnalysis) -> Callable[[int, str], None]:
    total = analysis.added + analysis.updated + len(analysis.records) + len(analysis.plans)

    def report(done: int, stage: str) -> None:
        if progress is not None:
            progress.report(done, total or None, stage)

    return report


def _new_columns(analysis: ImportAnalysis) -> dict[str, list]:
    """The new projects' domain values, field by field (100k rows: a few C loops; a whole sheet's
    columns are handed over as the plan holds them, not copied). new_projects holds each sheet's
    rows together, in order, so the columns follow new_projects."""
    runs: list[tuple[int, list[int]]] = []
    for np in analysis.new_projects:
        if not runs or runs[-1][0] != np.sheet:
            runs.append((np.sheet, []))
        runs[-1][1].append(np.k)
    pieces: dict[str, list[list]] = {f: [] for f in (*_FIELDS, *_PRECISIONS, "since_start", "planned_foreign")}
    for sheet, ks in runs:
        plan = analysis.sheets[sheet].plan
        assert plan is not None
        whole = len(ks) == len(plan) and ks[0] == 0 and ks[-1] == len(ks) - 1  # every row of the sheet
        for f in (*_FIELDS, *_PRECISIONS, "planned_foreign"):
            col = plan.column(f)
            pieces[f].append(col if whole else [col[k] for k in ks])
        since = plan.column("since_start")
        year, month = plan.since_start_as_of or (None, None)
        pieces["since_start"].append([None if since[k] is None else (since[k], year, month) for k in ks])
    columns = {f: parts[0] if len(parts) == 1 else [v for part in parts for v in part] for f, parts in pieces.items()}
    columns["status"] = [np.status for np in analysis.new_projects]
    return columns


_FIELDS = (
    "code",
    "name",
    "enterprise",
    "sector",
    "district",
    "planned_investment",
    "land_area_mu",
    "expected_annual_output",
    "expected_annual_tax",
    *DATE_FIELDS,
    "is_key_project",
    "project_type",
    "investor_origin",
    "officer",
    "notes",
    "contact",
    "progress_note",
)
_PRECISIONS = tuple(f + "_precision" for f in DATE_FIELDS)


def _first_status_dates(columns: dict[str, list], today: date) -> list[date]:
    """Each new project's first status-history date, by its own milestones (what
    storage.projects.initial_status_date says, row by row over the columns: no 100k Project objects)."""
    picks = {s: tuple(columns[f] for f in fields) for s, fields in MILESTONES.items()}
    out: list[date] = []
    append = out.append
    for i, status in enumerate(columns["status"]):
        for dates in picks.get(status, ()):
            d = dates[i]
            if d is not None and d <= today:
                append(d)
                break
        else:
            append(today)
    return out


def _target_id(target: int, start: list[int]) -> int:
    """A stored project's id, or the new id of the new project -1, -2, … (analysis order)."""
    return target if target > 0 else start[-target - 1]


def _investment(
    analysis: ImportAnalysis,
    store: ImportStore,
    change: ImportChange,
    start: list[int],
    inserted: list[tuple],
    after: list[tuple],
    report: Callable[[int, str], None],
) -> None:
    if not analysis.records:
        return
    codec = store.codec
    where: dict[int, tuple[int | None, int | None]] = {codec.pid(r): codec.placement(r) for r in (*inserted, *after)}
    ids = {_target_id(r[0], start) for r in analysis.records}
    missing = [pid for pid in ids if pid not in where]
    if missing:
        where.update(store.placements(missing))
    stored = analysis.context.investment if analysis.context is not None and analysis.mode != "replace" else {}
    rows: list[tuple] = []
    before: list[tuple] = []  # (pid, y, m, amount|None, sid, did[, first]), as ImportChange keeps them
    existing: set[tuple[int, int, int]] = set()
    for target, y, m, yuan, previous, first in analysis.records:
        pid = target if target > 0 else start[-target - 1]
        sid, did = where[pid]
        rows.append((pid, y, m, yuan, sid, did, first))
        if previous is None:
            before.append((pid, y, m, None, sid, did))
        else:
            old = stored[(pid, y, m)]
            before.append((pid, y, m, old[0], old[1], old[2], old[3]))
            existing.add((pid, y, m))
    done = len(inserted) + len(after)  # the step's progress goes on from the projects written before it
    store.put_investment(rows, existing, lambda written: report(done + written, "records"))
    change.investment_after, change.investment_before = rows, before


def _plans(analysis: ImportAnalysis, store: ImportStore, change: ImportChange, start: list[int]) -> None:
    if not analysis.plans:
        return
    rows = [(_target_id(t, start), y, yuan) for t, y, yuan, _ in analysis.plans]
    before = [(_target_id(t, start), y, old if analysis.mode != "replace" else None) for t, y, _, old in analysis.plans]
    store.put_plans(rows, {b[:2] for b in before if b[2] is not None})
    change.plans_after, change.plans_before = rows, before


__all__ = ["write"]
