"""Undo and redo of an import: the database exactly as before it, or as it left it.

An ImportChange holds raw before/after images (storage/importing.py), so both directions write
back precisely what was there, ids and timestamps included. Mode replace is undone from the
backup copy made before it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.storage import last_activity
from zqtracker.storage.engine import BATCH
from zqtracker.storage.import_undo_refs import refuse_if_used
from zqtracker.storage.importing import ImportChange, ImportStore
from zqtracker.storage.querying import chunks
from zqtracker.storage.transfer import fingerprint


def revert(session: Session, change: ImportChange) -> None:
    """Undo an import: the database as it was before it, exactly. Refused (ConcurrentUpdateError)
    when a project the import wrote was changed since."""
    store = ImportStore(session)
    if change.replaced_backup is not None:
        _check_unchanged(store, change.fingerprint_after)
        restore_tables(session, change.replaced_backup)
        change.fingerprint_undone = fingerprint(store.conn, audit=False)
        return
    _check_versions(store, change.inserted, change.after)
    _check_amounts(store, change.investment_after, change.plans_after)
    _check_only_its_own(store, change)
    ops = store.ops  # one statement a table on a server (its audit triggers fire once), not one a row
    ops.delete_keys("status_changes", ("id",), [(r[0],) for r in change.status_changes])
    store.delete_investment([r[:3] for r in change.investment_before if r[3] is None])
    store.put_investment(
        [r for r in change.investment_before if r[3] is not None],
        {r[:3] for r in change.investment_before if r[3] is not None},
    )
    store.delete_plans([r[:2] for r in change.plans_before if r[2] is None])
    store.put_plans(
        [r for r in change.plans_before if r[2] is not None], {r[:2] for r in change.plans_before if r[2] is not None}
    )
    for table in ("investment_records", "annual_plans", "status_changes", "projects"):
        key = "id" if table == "projects" else "project_id"
        ops.delete_keys(table, (key,), [(r[0],) for r in change.inserted])
    if change.after:
        store.update_projects(change.after, change.before)
        store.follow_placements(change.before)
    refuse_if_used(store, change)  # a sector, district or enterprise it added that a colleague's project uses now
    # a stored enterprise given its credit code by the import has none again (unless changed since: left)
    store._many("UPDATE enterprises SET credit_code = NULL WHERE id = ? AND credit_code = ?", change.codes_given)
    ops.delete_keys("enterprises", ("id",), [(r[0],) for r in change.enterprises])
    ops.delete_keys("districts", ("id",), [(r[0],) for r in change.districts])
    store._many("DELETE FROM sectors WHERE id = ?", [(r[0],) for r in reversed(change.sectors)])
    # History rows and months went away: the survivors' last activity is computed afresh.
    inserted = {r[0] for r in change.inserted}
    touched = {r[0] for r in change.after} | {r[0] for r in change.investment_before}
    last_activity.refresh(session, touched - inserted)


def reapply(session: Session, change: ImportChange) -> None:
    """Redo an import undone by :func:`revert`: the same rows with the same ids and stamps."""
    store = ImportStore(session)
    if change.replaced_backup is not None:
        _check_unchanged(store, change.fingerprint_undone)
        store.delete_all_projects()
    else:
        _check_versions(store, (), change.before)
        _check_amounts(store, change.investment_before, change.plans_before)
    store._many("INSERT INTO sectors (id, name, parent_id) VALUES (?, ?, ?)", change.sectors)
    store._many("INSERT INTO districts (id, name) VALUES (?, ?)", change.districts)
    no = store.codec.boolean(False)
    store._many(
        "INSERT INTO enterprises (id, name, credit_code, is_high_tech, is_specialized_new, is_little_giant) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(i, n, code[0] if code else None, no, no, no) for i, n, *code in change.enterprises],
    )
    store.give_codes([(eid, "", code) for eid, code in change.codes_given], ImportChange())
    store.insert_projects(change.inserted)
    if change.after:
        store.update_projects(change.before, change.after)
        store.follow_placements(change.after)
    store.insert_status_changes(change.status_changes)
    existing = {r[:3] for r in change.investment_before if r[3] is not None}
    store.put_investment(change.investment_after, existing)
    store.put_plans(change.plans_after, {r[:2] for r in change.plans_before if r[2] is not None})
    if change.replaced_backup is not None:
        change.fingerprint_after = fingerprint(store.conn, audit=False)


def _check_unchanged(store: ImportStore, expected: dict | None) -> None:
    """Whole tables go back only over exactly what the import (or its undo) left."""
    if expected is not None and fingerprint(store.conn, audit=False) != expected:
        raise ConcurrentUpdateError(0, what="database", detail="the database was changed after this import")


def _check_amounts(store: ImportStore, investment: Sequence[tuple], plans: Sequence[tuple]) -> None:
    """Every month and plan year the import wrote (or the undo put back) must still hold that amount
    (None: no record), so that neither direction overwrites a colleague's entry."""
    if investment:
        stored = store.investment({r[1] for r in investment})
        for pid, y, m, amount, *_placement in investment:
            now = stored.get((pid, y, m))
            if (now[0] if now is not None else None) != amount:
                raise ConcurrentUpdateError(pid, what="investment", detail=f"{y}-{m:02d}")
    if plans:
        stored_plans = store.plans({r[1] for r in plans})
        for pid, y, amount in plans:
            if stored_plans.get((pid, y)) != amount:
                raise ConcurrentUpdateError(pid, what="plan", detail=str(y))


def _check_only_its_own(store: ImportStore, change: ImportChange) -> None:
    """The projects the import added hold no month or plan it did not write: an entry made on them
    since (ProjectService.set_investment / set_plans leave a project's version as it is) would be
    deleted with them — refused as an edit of their fields is. Counted, and looked for only when
    the counts differ (a 100k-project import's undo reads no 1.2M rows)."""
    ids = sorted({store.codec.pid(r) for r in change.inserted})
    if not ids:
        return
    mine = set(ids)
    for table, written, what in (
        ("investment_records", {(r[0], r[1], r[2]) for r in change.investment_after if r[0] in mine}, "investment"),
        ("annual_plans", {(r[0], r[1]) for r in change.plans_after if r[0] in mine}, "plan"),
    ):
        if _count(store, table, ids) == len(written):
            continue  # every written one is still there (_check_amounts): nothing else is
        month = ", month" if table == "investment_records" else ""
        for chunk in chunks(ids, 900):
            sql = f"SELECT project_id, year{month} FROM {table} WHERE project_id IN ({', '.join('?' * len(chunk))})"
            for key in store._fetch(sql, chunk):
                if tuple(key) not in written:
                    detail = f"{key[1]}-{key[2]:02d}" if len(key) > 2 else str(key[1])
                    raise ConcurrentUpdateError(key[0], what=what, detail=detail)


def _count(store: ImportStore, table: str, ids: list[int]) -> int:
    """Rows of ``table`` of the projects ``ids`` (sorted): one statement when they run without a gap."""
    if ids[-1] - ids[0] + 1 == len(ids):
        return store._fetch(f"SELECT count(*) FROM {table} WHERE project_id BETWEEN ? AND ?", (ids[0], ids[-1]))[0][0]
    sql = f"SELECT count(*) FROM {table} WHERE project_id IN "
    return sum(store._fetch(sql + f"({', '.join('?' * len(c))})", c)[0][0] for c in chunks(ids, 900))


def _check_versions(store: ImportStore, inserted: Sequence[tuple], after: Sequence[tuple]) -> None:
    codec = store.codec
    expected = {codec.pid(r): codec.version(r) for r in (*inserted, *after)}
    current = store.current_versions(list(expected))
    for pid, version in expected.items():
        if current.get(pid) != version:
            raise ConcurrentUpdateError(pid, version)


def restore_tables(session: Session, backup: Path) -> None:
    """Every zqtracker table as it is in ``backup`` (a SQLite copy of this database), inside the
    session's transaction (SQLite cannot ATTACH in one, so the copy is read over its own
    read-only connection; a server's rows go through the column types, storage/transfer.py)."""
    from zqtracker.storage.transfer import tables as zq_tables

    store = ImportStore(session)
    if store.ops.name != "sqlite":
        from zqtracker.storage.transfer import restore_from_sqlite

        restore_from_sqlite(store.conn, backup)
        return
    tables = zq_tables(audit=False)  # the trail is not rewound: the restore is recorded in it
    # Two-level sectors: the links to parents go before the rows (RESTRICT is checked row by row),
    # and the copied rows' links are checked at the commit, whatever order they arrive in.
    store.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    store.conn.exec_driver_sql("UPDATE sectors SET parent_id = NULL WHERE parent_id IS NOT NULL")
    for table in reversed(tables):
        store.conn.exec_driver_sql(f"DELETE FROM {table.name}")
    source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    try:
        for table in tables:
            cols = ", ".join(c.name for c in table.columns)
            cursor = source.execute(f"SELECT {cols} FROM {table.name}")
            marks = ", ".join("?" * len(table.columns))
            while batch := cursor.fetchmany(BATCH):
                store._many(f"INSERT INTO {table.name} ({cols}) VALUES ({marks})", batch)
    finally:
        source.close()
