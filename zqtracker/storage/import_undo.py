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
from zqtracker.storage.importing import BATCH, COL, ImportChange, ImportStore


def revert(session: Session, change: ImportChange) -> None:
    """Undo an import: the database as it was before it, exactly. Refused (ConcurrentUpdateError)
    when a project the import wrote was changed since."""
    store = ImportStore(session)
    if change.replaced_backup is not None:
        restore_tables(session, change.replaced_backup)
        return
    _check_versions(store, change.inserted, change.after)
    store._many("DELETE FROM status_changes WHERE id = ?", [(r[0],) for r in change.status_changes])
    store.delete_investment([r[:3] for r in change.investment_before if r[3] is None])
    store.put_investment([r for r in change.investment_before if r[3] is not None],
                         {r[:3] for r in change.investment_before if r[3] is not None})  # fmt: skip
    store.delete_plans([r[:2] for r in change.plans_before if r[2] is None])
    store.put_plans([r for r in change.plans_before if r[2] is not None],
                    {r[:2] for r in change.plans_before if r[2] is not None})  # fmt: skip
    for table in ("investment_records", "annual_plans", "status_changes", "projects"):
        key = "id" if table == "projects" else "project_id"
        store._many(f"DELETE FROM {table} WHERE {key} = ?", [(r[0],) for r in change.inserted])
    if change.after:
        store.update_projects(change.after, change.before)
        store.follow_placements(change.before)
    store._many("DELETE FROM enterprises WHERE id = ?", [(r[0],) for r in change.enterprises])
    store._many("DELETE FROM districts WHERE id = ?", [(r[0],) for r in change.districts])
    store._many("DELETE FROM sectors WHERE id = ?", [(r[0],) for r in reversed(change.sectors)])
    # History rows and months went away: the survivors' last activity is computed afresh.
    inserted = {r[0] for r in change.inserted}
    touched = {r[0] for r in change.after} | {r[0] for r in change.investment_before}
    last_activity.refresh(session, touched - inserted)


def reapply(session: Session, change: ImportChange) -> None:
    """Redo an import undone by :func:`revert`: the same rows with the same ids and stamps."""
    store = ImportStore(session)
    if change.replaced_backup is not None:
        store.delete_all_projects()
    store._many("INSERT INTO sectors (id, name, parent_id) VALUES (?, ?, ?)", change.sectors)
    store._many("INSERT INTO districts (id, name) VALUES (?, ?)", change.districts)
    no = store.enc.boolean(False)
    store._many("INSERT INTO enterprises (id, name, credit_code, is_high_tech, is_specialized_new, is_little_giant) "
                "VALUES (?, ?, ?, ?, ?, ?)", [(i, n, None, no, no, no) for i, n in change.enterprises])  # fmt: skip
    store.insert_projects(change.inserted)
    if change.after:
        store.update_projects(change.before, change.after)
        store.follow_placements(change.after)
    store.insert_status_changes(change.status_changes)
    existing = {r[:3] for r in change.investment_before if r[3] is not None}
    store.put_investment(change.investment_after, existing)
    store.put_plans(change.plans_after, {r[:2] for r in change.plans_before if r[2] is not None})


def _check_versions(store: ImportStore, inserted: Sequence[tuple], after: Sequence[tuple]) -> None:
    expected = {r[0]: r[COL["version"]] for r in (*inserted, *after)}
    current = store.current_versions(list(expected))
    for pid, version in expected.items():
        if current.get(pid) != version:
            raise ConcurrentUpdateError(pid, version)


def restore_tables(session: Session, backup: Path) -> None:
    """Every zqtracker table as it is in ``backup`` (a copy of this SQLite database), inside the
    session's transaction (SQLite cannot ATTACH in one, so the copy is read over its own
    read-only connection)."""
    from zqtracker.storage.tables import Base

    store = ImportStore(session)
    tables = Base.metadata.sorted_tables
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
