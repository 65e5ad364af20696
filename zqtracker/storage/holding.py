"""Holding a server database still for a step that reads it whole and then replaces it (``db
restore``: the copy of what is there, then every table replaced; ``db copy --replace``).

Such a step takes, inside its one transaction, the write lock every writer takes first
(``Database.write``), then every zqtracker table in EXCLUSIVE mode (colleagues still read; a write
that does not take the write lock waits too): nothing commits between what it reads and what it
writes, so a colleague's import either lands before it (and is in the copy) or after it. It waits
for a colleague's transaction a bounded time (:data:`WAIT_S`), then says who holds what.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from zqtracker.storage.db_errors import DatabaseOpenError

WAIT_S = 20  # how long a whole-database step waits for a colleague's transaction
WRITING = ""  # what is waited for first: the write lock (then the tables, by name)


def hold_still(conn: Connection, shown: str) -> None:
    """Lock the server database of ``conn`` against every write until its transaction ends; a
    no-op on SQLite (whose caller holds the file's write lock). DatabaseOpenError ``server_busy``
    (nothing changed) when a colleague's transaction holds a table longer than :data:`WAIT_S`."""
    from zqtracker.storage.database import WRITE_LOCK
    from zqtracker.storage.transfer import tables

    if conn.dialect.name != "postgresql":
        return
    wait_s = WAIT_S  # (read at each use)
    before = conn.exec_driver_sql("SELECT current_setting('lock_timeout')").scalar()
    conn.exec_driver_sql("SELECT set_config('lock_timeout', %s, true)", (f"{int(wait_s * 1000)}ms",))
    steps = [(WRITING, f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")]
    steps += [(t.name, f'LOCK TABLE "{t.name}" IN EXCLUSIVE MODE') for t in tables()]
    for what, statement in steps:
        conn.exec_driver_sql("SAVEPOINT zq_hold")
        try:
            conn.exec_driver_sql(statement)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            conn.exec_driver_sql("ROLLBACK TO SAVEPOINT zq_hold")
            user, seconds = _holder(conn, what) or "?", round(wait_s)
            if what == WRITING:
                raise DatabaseOpenError("server_busy_writing", file=shown, user=user, seconds=seconds) from None
            raise DatabaseOpenError("server_busy", file=shown, user=user, seconds=seconds, table=what) from None
        conn.exec_driver_sql("RELEASE SAVEPOINT zq_hold")
    conn.exec_driver_sql("SELECT set_config('lock_timeout', %s, true)", (before,))


def _holder(conn: Connection, what: str) -> str:
    """The account whose session holds what this one waited for ("" when it is gone by now)."""
    from zqtracker.storage.database import WRITE_LOCK

    if what == WRITING:
        match = "l.locktype = 'advisory' AND (l.classid::bigint << 32 | l.objid::bigint) = %s"
        param: object = WRITE_LOCK
    else:
        match = "l.relation = to_regclass(%s)"
        param = what
    row = conn.exec_driver_sql(
        "SELECT a.usename FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        f"WHERE l.granted AND l.pid <> pg_backend_pid() AND {match} LIMIT 1",
        (param,),
    ).first()
    return str(row[0]) if row and row[0] else ""
