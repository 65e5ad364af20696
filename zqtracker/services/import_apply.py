"""Writing an analysed import: one transaction, rows built column-wise, before/after kept.

New projects get ids reserved from the database first (executemany cannot hand back generated keys
everywhere) and their first status-history row; updated projects are written only if still at the version the analysis
saw; investment records take their project's sector and district. Everything written is recorded
in an ImportChange, so that the import is undone — and redone — as one step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.status import Status
from zqtracker.services.import_figures import figure_columns, write_figure
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_recheck import recheck
from zqtracker.services.progress import Progress
from zqtracker.storage.database import Database
from zqtracker.storage.importing import COL, PROJECT_COLUMNS, ImportChange, ImportStore
from zqtracker.storage.projects import initial_status_date, utcnow

_COPIED = ("code", "name", "planned_investment", "expected_annual_output", "expected_annual_tax", "officer")


class _Milestones:
    """What initial_status_date reads of a project, without building 100k Project objects."""

    __slots__ = ("construction_start_on", "production_on", "signed_on", "status")

    def __init__(self, status: Status, signed: date | None, start: date | None, production: date | None) -> None:
        self.status, self.signed_on, self.construction_start_on, self.production_on = status, signed, start, production


def write(database: Database, analysis: ImportAnalysis, *, note: str, progress: Progress | None = None,
          today: date | None = None, replaced: dict | None = None) -> ImportChange:  # fmt: skip
    """Write the analysed import in one transaction; raises Cancelled (nothing written) when the
    progress is cancelled, ConcurrentUpdateError when the database changed since the analysis (or,
    ``replaced`` being the backup's fingerprint, since the backup a replace import undoes from)."""
    change = ImportChange()
    today = today or date.today()
    report = _reporter(progress, analysis)
    with database.write() as s:
        store = ImportStore(s)
        recheck(store, analysis)  # under the write lock: what the analysis saw must still hold
        if replaced is not None:
            from zqtracker.storage.transfer import fingerprint

            if fingerprint(store.conn, audit=False) != replaced:  # a write landed after the backup: it would be lost
                raise ConcurrentUpdateError(0, what="import", detail="the database changed after its backup")
        if analysis.mode == "replace":
            store.delete_all_projects()
        store.create_references(analysis.new_sectors, analysis.new_districts, analysis.new_enterprises, change)
        sectors, districts, enterprises = store.references()
        stamp = store.enc.datetime(utcnow())
        report(0, "projects")
        start = store.new_ids("projects", len(analysis.new_projects))  # from the database, not max(id) + 1
        inserted = _new_rows(analysis, store, start, stamp, sectors, districts, enterprises)
        history = _first_history(analysis, inserted, today, store)
        # A new project's last activity is its first status change (records may move it on).
        inserted = [(*row, first[3]) for row, first in zip(inserted, history, strict=True)]
        store.insert_projects(inserted, lambda done: report(done, "projects"))
        change.inserted = inserted
        before, after = _updated_rows(analysis, store, stamp, sectors, districts, enterprises)
        report(len(inserted), "updates")
        if after:
            store.update_projects(before, after)
            moved = [a for b, a in zip(before, after, strict=True) if (b[COL["sector_id"]], b[COL["district_id"]]) !=
                     (a[COL["sector_id"]], a[COL["district_id"]])]  # fmt: skip
            store.follow_placements(moved)
        change.before, change.after = before, after
        firsts = len(history)
        history.extend(_status_changes(before, after, today, note, store))
        change.status_changes = [(i, *row) for i, row in zip(store.new_ids("status_changes", len(history)), history,
                                                              strict=True)]  # fmt: skip
        store.insert_status_changes(change.status_changes, bump=False)
        store.bump_activity((r[1], r[4]) for r in change.status_changes[firsts:])
        report(len(inserted) + len(after), "records")
        _investment(analysis, store, change, start, inserted, after)
        _plans(analysis, store, change, start)
        if analysis.mode == "replace":
            from zqtracker.storage.transfer import fingerprint

            change.fingerprint_after = fingerprint(store.conn, audit=False)  # what its undo will expect to find
        report(len(inserted) + len(after) + len(analysis.records), "commit")
    return change


def _reporter(progress: Progress | None, analysis: ImportAnalysis) -> Callable[[int, str], None]:
    total = analysis.added + analysis.updated + len(analysis.records) + len(analysis.plans)

    def report(done: int, stage: str) -> None:
        if progress is not None:
            progress.report(done, total or None, stage)

    return report


def _new_rows(analysis: ImportAnalysis, store: ImportStore, start: list[int], stamp: Any, sectors: dict[str, int],
              districts: dict[str, int], enterprises: dict[str, int]) -> list[tuple]:  # fmt: skip
    """The new projects' rows, built column by column and zipped (100k rows: a few C loops).
    new_projects holds each sheet's rows together, in order, so ids follow new_projects."""
    enc = store.enc
    sectors, districts = {None: None, **sectors}, {None: None, **districts}  # None: unknown
    runs: list[tuple[int, list[int]]] = []
    for np in analysis.new_projects:
        if not runs or runs[-1][0] != np.sheet:
            runs.append((np.sheet, []))
        runs[-1][1].append(np.k)
    rows: list[tuple] = []
    no, yes = enc.boolean(False), enc.boolean(True)
    types = {None: ProjectType.NEW.value, **{t: t.value for t in ProjectType}}
    origins = {None: InvestorOrigin.DOMESTIC.value, **{o: o.value for o in InvestorOrigin}}
    keys = {None: no, False: no, True: yes}
    enterprise_ids = {None: None, **enterprises}
    sector_ids, district_ids = sectors, districts
    status_value = {st: st.value for st in Status}
    statuses = [status_value[np.status] for np in analysis.new_projects]
    for sheet, ks in runs:
        plan = analysis.sheets[sheet].plan
        assert plan is not None

        whole = len(ks) == len(plan) and ks[0] == 0 and ks[-1] == len(ks) - 1  # every row of the sheet

        def pick(f: str, plan=plan, ks=ks, whole=whole) -> list:
            col = plan.column(f)
            return col if whole else [col[k] for k in ks]

        n0, n = len(rows), len(ks)
        columns = [
            start[n0 : n0 + n], pick("code"), pick("name"),
            list(map(enterprise_ids.__getitem__, pick("enterprise"))), list(map(sector_ids.__getitem__, pick("sector"))),
            list(map(district_ids.__getitem__, pick("district"))), statuses[n0 : n0 + n], pick("planned_investment"),
            list(map(enc.area, pick("land_area_mu"))), pick("expected_annual_output"), pick("expected_annual_tax"),
            list(map(enc.date, pick("signed_on"))), list(map(enc.date, pick("construction_start_on"))),
            list(map(enc.date, pick("production_on"))), list(map(keys.__getitem__, pick("is_key_project"))),
            list(map(types.__getitem__, pick("project_type"))), list(map(origins.__getitem__, pick("investor_origin"))),
            pick("officer"), [v or "" for v in pick("notes")], pick("contact"), pick("progress_note"), [stamp] * n,
            [stamp] * n, [1] * n,
            *figure_columns(plan, pick, enc, n),
        ]  # fmt: skip
        rows.extend(zip(*columns, strict=True))
    return rows


def _first_history(analysis: ImportAnalysis, inserted: list[tuple], today: date, store: ImportStore) -> list[tuple]:
    """Each new project's first status-history row, dated by its own milestones
    (storage.projects.initial_status_date), computed once per distinct (status, dates)."""
    enc = store.enc
    out = []
    m = _Milestones(Status.SIGNED, None, None, None)
    cache: dict[tuple, Any] = {}
    i_signed, i_start, i_prod = COL["signed_on"], COL["construction_start_on"], COL["production_on"]
    decode = enc.decode_date
    for np, row in zip(analysis.new_projects, inserted, strict=True):
        key = (np.status, row[i_signed], row[i_start], row[i_prod])
        on = cache.get(key)
        if on is None:
            m.status = np.status
            m.signed_on, m.construction_start_on, m.production_on = decode(key[1]), decode(key[2]), decode(key[3])
            on = cache[key] = enc.date(initial_status_date(m, today))  # type: ignore[arg-type]
        out.append((row[0], None, key[0].value, on, ""))
    return out


def _updated_rows(analysis: ImportAnalysis, store: ImportStore, stamp: Any, sectors: dict[str, int],
                  districts: dict[str, int], enterprises: dict[str, int]) -> tuple[list[tuple], list[tuple]]:  # fmt: skip
    enc = store.enc
    refs = {"sector": {None: None, **sectors}, "district": {None: None, **districts},
            "enterprise": {None: None, **enterprises}}  # fmt: skip
    before_rows, after_rows = [], []
    for u in analysis.updates:
        row = list(u.before)
        for f, v in u.fields.items():
            if write_figure(row, f, v, enc):
                continue
            if f in refs:
                row[COL[f + "_id"]] = refs[f][v]
            elif f in ("signed_on", "construction_start_on", "production_on"):
                row[COL[f]] = enc.date(v)
            elif f == "land_area_mu":
                row[COL[f]] = enc.area(v)
            elif f == "is_key_project":
                row[COL[f]] = enc.boolean(v)
            elif f in ("status", "project_type", "investor_origin"):
                row[COL[f]] = v.value
            else:
                row[COL[f]] = v
        row[COL["updated_at"]] = stamp
        row[COL["version"]] = u.before[COL["version"]] + 1
        before_rows.append(u.before)
        after_rows.append(tuple(row))
    return before_rows, after_rows


def _status_changes(before: list[tuple], after: list[tuple], today: date, note: str, store: ImportStore) -> list[tuple]:
    i = COL["status"]
    return [(a[0], b[i], a[i], store.enc.date(today), note) for b, a in zip(before, after, strict=True) if b[i] != a[i]]


def _target_id(target: int, start: list[int]) -> int:
    """A stored project's id, or the new id of the new project -1, -2, … (analysis order)."""
    return target if target > 0 else start[-target - 1]


def _investment(analysis: ImportAnalysis, store: ImportStore, change: ImportChange, start: list[int],
                inserted: list[tuple], after: list[tuple]) -> None:  # fmt: skip
    if not analysis.records:
        return
    where: dict[int, tuple[int, int]] = {r[0]: (r[COL["sector_id"]], r[COL["district_id"]]) for r in inserted}
    where.update({r[0]: (r[COL["sector_id"]], r[COL["district_id"]]) for r in after})
    ids = {_target_id(r[0], start) for r in analysis.records}
    missing = [pid for pid in ids if pid not in where]
    if missing:
        where.update(store.placements(missing))
    stored = analysis.context.investment if analysis.context is not None and analysis.mode != "replace" else {}
    rows, before = [], []
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
    store.put_investment(rows, existing)
    change.investment_after, change.investment_before = rows, before


def _plans(analysis: ImportAnalysis, store: ImportStore, change: ImportChange, start: list[int]) -> None:
    if not analysis.plans:
        return
    rows = [(_target_id(t, start), y, yuan) for t, y, yuan, _ in analysis.plans]
    before = [(_target_id(t, start), y, old if analysis.mode != "replace" else None)
              for t, y, _, old in analysis.plans]  # fmt: skip
    store.put_plans(rows, {b[:2] for b in before if b[2] is not None})
    change.plans_after, change.plans_before = rows, before


__all__ = ["PROJECT_COLUMNS", "write"]
