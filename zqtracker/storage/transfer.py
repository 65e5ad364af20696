"""Copying every zqtracker table between databases of any engines, and proving the copy whole.

The rows go through SQLAlchemy's column types (a SQLite date text becomes a ``date`` and then a
PostgreSQL date; a 0/1 becomes a boolean), so a copy means the same on both sides; ids are kept,
and a server's sequences are moved past them. What a copy is checked with — the number of rows and
the sum of every integer column per table — is computed by each database itself.

Used for a server's backup (a SQLite file: portable, and zqtracker opens it like any other),
restoring one, undoing a replace import on a server, and ``db copy``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Connection,
    Integer,
    Table,
    cast,
    create_engine,
    func,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from zqtracker.storage.engine import EngineOps
from zqtracker.storage.part_files import part_path, remove_stale
from zqtracker.storage.tables import Base, ScaledDecimal

CHUNK = 5_000


AUDIT = ("project_changes",)


def tables(*, audit: bool = True) -> list[Table]:
    """zqtracker's tables, parents before children (``audit=False``: without the audit trail,
    which a restore never rewinds: the restore is recorded in it instead)."""
    data = [t for t in Base.metadata.sorted_tables if t.name not in AUDIT]
    return data + [t for t in Base.metadata.sorted_tables if audit and t.name in AUDIT]  # the trail last


def delete_all(conn: Connection, *, audit: bool = True) -> None:
    """Children before parents; the trail (when it goes too) after them, so that what the deletes
    themselves recorded goes with it."""
    data = tables(audit=False)
    # Two-level sectors: RESTRICT is checked row by row, so the links to parents go first.
    conn.exec_driver_sql("UPDATE sectors SET parent_id = NULL WHERE parent_id IS NOT NULL")
    for table in [*reversed(data), *(t for t in tables(audit=audit) if t not in data)]:
        conn.execute(table.delete())


def copy_all(
    source: Connection, target: Connection, progress: Callable[[str, int], None] | None = None, *, audit: bool = True
) -> None:
    """Every row of every table from ``source`` into ``target`` (whose tables must be empty)."""
    ops = EngineOps.for_connection(target)
    server = target.dialect.name == "postgresql"
    if server and audit:  # the copy's own rows are not changes of anyone's: the source's trail follows them
        target.exec_driver_sql("SELECT set_config('zqtracker.action', 'copy', true)")
    # Without the trail (an undone replace import put back from its copy), what it writes is a change,
    # recorded as the write's own action says (an undo), as SQLite's restore_tables records it.
    for table in tables(audit=audit):
        if server and table.name in AUDIT:
            target.exec_driver_sql("DELETE FROM project_changes WHERE action = 'copy'")
        query = select(table)
        if "parent_id" in table.c:  # chains before the sectors under them
            query = query.order_by(table.c.parent_id.is_not(None), table.c.id)
        result = source.execute(query, execution_options={"stream_results": True})
        done = 0
        while rows := result.fetchmany(CHUNK):
            target.execute(table.insert(), [dict(r._mapping) for r in rows])
            done += len(rows)
            if progress is not None:
                progress(table.name, done)
        if "id" in table.c and isinstance(table.c.id.type, Integer) and table.c.id.primary_key:
            ops.after_explicit_ids(table.name)


def fingerprint(conn: Connection, *, audit: bool = True) -> dict[str, dict[str, int]]:
    """Per table: its row count and the sum of each integer (and boolean, and scaled) column."""
    out: dict[str, dict[str, int]] = {}
    for table in tables(audit=audit):
        columns = [c for c in table.c if isinstance(c.type, Integer | BigInteger | ScaledDecimal | Boolean)]
        exprs: list[ColumnElement[int]] = [func.count()]
        for c in columns:
            if isinstance(c.type, Boolean):
                exprs.append(func.count().filter(c.is_(True)))
            elif isinstance(c.type, ScaledDecimal):
                exprs.append(func.sum(cast(c, BigInteger)))  # the stored integer, not a Decimal
            else:
                exprs.append(func.sum(c))
        row = conn.execute(select(*exprs).select_from(table)).one()
        out[table.name] = {"rows": int(row[0]), **{c.name: int(v or 0) for c, v in zip(columns, row[1:], strict=True)}}
    return out


def sqlite_reader(path: Path) -> Engine:
    """A read-only engine on a SQLite file (a backup is never written by reading it)."""
    uri = f"{path.absolute().as_uri()}?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool)


@contextmanager
def reading(path: Path) -> Iterator[Connection]:
    engine = sqlite_reader(path)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


@contextmanager
def _whole(source: Engine | Connection) -> Iterator[Connection]:
    """``source`` read as one consistent snapshot: a connection is the caller's transaction (one
    that holds the database still, storage/holding.py); an engine's, REPEATABLE READ on a server."""
    if isinstance(source, Connection):
        yield source
        return
    snapshot = {"isolation_level": "REPEATABLE READ"} if source.dialect.name == "postgresql" else {}
    with source.connect().execution_options(**snapshot) as src, src.begin():
        yield src


def write_sqlite_copy(source: Engine | Connection, path: Path) -> None:
    """Every table of ``source`` (one consistent snapshot) into a new SQLite file at ``path``,
    created at this program's schema. The caller names and moves it."""
    from zqtracker.storage.database import open_database

    path.unlink(missing_ok=True)
    copy = open_database(path)
    try:
        with _whole(source) as src, copy.engine.begin() as dst:
            copy_all(src, dst)
    except BaseException:
        copy.close()
        path.unlink(missing_ok=True)
        raise
    copy.close()
    con = sqlite3.connect(path)  # one self-contained file: reading it (read-only) leaves no -wal/-shm beside it
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def backup_to_sqlite(source: Engine, target: Path) -> Path:
    """A server database (or any) as a new SQLite file at ``target``: written under a temporary
    name beside it and moved in place when complete, so a failure leaves no half file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(target.parent, target.name)
    remove_stale(target.parent, target.name)  # an earlier copy to ``target`` killed half way
    try:
        write_sqlite_copy(source, part)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, target)
    return target


def restore_from_sqlite(target: Connection, backup: Path) -> None:
    """Every table of ``target`` as it is in the SQLite file ``backup``, inside the caller's
    transaction (what was there before is deleted first); the audit trail is kept and grows (an
    import's undo is recorded in it, not erased)."""
    delete_all(target, audit=False)
    with reading(backup) as src:
        copy_all(src, target, audit=False)


class RestoreMismatch(Exception):
    """The restored tables differ from the backup's (e.g. rows the restoring account may not see
    or write); the caller's transaction is rolled back."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(", ".join(tables))
        self.tables = tables


def replace_from_sqlite(target: Connection, backup: Path) -> dict[str, int]:
    """``target`` made exactly what the SQLite file ``backup`` (at this program's schema) holds —
    every table, the audit trail included — inside the caller's transaction, then each table's
    row count and integer sums compared on both sides (RestoreMismatch: the caller rolls back).

    A server's accounts are not data of the backup: which district each staff account works for
    (``zq_district_staff``, whose rows would go with the districts) is kept, by district name.
    Returns the rows per table."""
    with reading(backup) as src:
        replace_all(target, src)
        theirs, ours = fingerprint(src), fingerprint(target)
    if theirs != ours:
        raise RestoreMismatch([t for t in theirs if theirs[t] != ours.get(t)])
    return {t: v["rows"] for t, v in ours.items()}


def replace_all(target: Connection, source: Connection) -> list[tuple[str, str]]:
    """Every table of ``target`` (the audit trail too) made what ``source`` holds, inside the
    callers' transactions. A server's accounts are not data: which district each staff account
    works for (``zq_district_staff``, whose rows would go with the districts) is kept, by district
    name. Returns the (account, district) assignments dropped: their district is not in ``source``."""
    staff = _district_staff(target)
    delete_all(target, audit=True)
    copy_all(source, target, audit=True)
    if not staff:
        return []
    kept = target.execute(
        text(
            "INSERT INTO zq_district_staff (role_name, district_id) SELECT s.role_name, d.id FROM "
            "unnest(CAST(:roles AS text[]), CAST(:names AS text[])) AS s(role_name, name) "
            "JOIN districts d ON d.name = s.name ON CONFLICT DO NOTHING RETURNING role_name, district_id"
        ),
        {"roles": [r for r, _ in staff], "names": [n for _, n in staff]},
    ).all()
    names: dict[int, str] = {int(i): str(n) for i, n in target.exec_driver_sql("SELECT id, name FROM districts")}
    still = {(str(r), names[d]) for r, d in kept}
    return [pair for pair in staff if pair not in still]


def _district_staff(conn: Connection) -> list[tuple[str, str]]:
    if (
        conn.dialect.name != "postgresql"
        or not conn.exec_driver_sql("SELECT to_regclass('zq_district_staff')").scalar()
    ):
        return []
    rows = conn.exec_driver_sql(
        "SELECT s.role_name, d.name FROM zq_district_staff s JOIN districts d ON d.id = s.district_id"
    ).all()
    return [(r[0], r[1]) for r in rows]
