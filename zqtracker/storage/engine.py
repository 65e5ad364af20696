"""What differs between SQLite and PostgreSQL, in one place (PostgreSQL's own class in
storage/engine_pg.py): bulk inserts, ids, write locks, index rebuilds, and the errors the driver
raises for a refused row.

Everything above this module speaks in SQL both engines understand; the choice of how to insert
100k rows fast (several rows per INSERT on SQLite, COPY on PostgreSQL), how to take new ids
(SQLite has no sequences: the largest id plus one, under the write lock; PostgreSQL's sequences
hand out ids no other session can also get) and how to lock for a write is made here.
"""

from __future__ import annotations

import itertools
import operator
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

ROWS_PER_INSERT = 40  # within SQLite's 999 parameters of old versions
BATCH = 20_000
BULK_MIN_ROWS = 20_000
OMIT_MIN_ROWS = 200  # below it, looking for empty columns costs more than it saves
AUDIT_AFTER_MIN_ROWS = 1000  # new projects or months from which their audit rows are written in one statement
OVERLAP_ROWS_PER_INSERT = 400  # fewer statements, fewer hand-overs of the GIL between the two threads

# Python's sqlite3 binds None through its adapter lookup: with no adapter registered for None it
# fails two attribute lookups (exceptions made and cleared) before binding NULL — ten times the
# cost of an int. A registered one is a dict hit: None adapted to None, bound as NULL as before
# (100k rows with a partly empty date column or two: 0.03 s less).
sqlite3.register_adapter(type(None), {}.get)  # type: ignore[arg-type]  # (a C call: no Python frame per None)


class RowRefused(Exception):
    """The database refused a row (a constraint); the transaction writes nothing."""


class EngineOps:
    """Engine-specific work on one connection, inside the caller's transaction."""

    name = "generic"
    paramstyle_qmark = True

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dbapi = conn.dialect.dbapi

    @staticmethod
    def for_connection(conn: Connection) -> EngineOps:
        if conn.dialect.name == "sqlite":
            return SqliteOps(conn)
        if conn.dialect.name == "postgresql":
            from zqtracker.storage.engine_pg import PostgresOps

            return PostgresOps(conn)
        return EngineOps(conn)

    # -- the DBAPI cursor --------------------------------------------------------------------------
    def cursor(self) -> Any:
        return self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def sql(self, statement: str) -> str:
        """Statements are written with ``?`` placeholders; other drivers take ``%s``."""
        return statement if self.paramstyle_qmark else statement.replace("?", "%s")

    def fetch(self, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
        cursor = self.cursor()
        try:
            cursor.execute(self.sql(statement), tuple(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def many(self, statement: str, rows: Sequence[Sequence[Any]], progress: Callable[[int], None] | None = None) -> int:
        """executemany in batches; returns the rows affected. A refused row raises RowRefused."""
        if not rows:
            return 0
        cursor = self.cursor()
        affected = 0
        try:
            for i in range(0, len(rows), BATCH):
                cursor.executemany(self.sql(statement), rows[i : i + BATCH])
                affected += max(cursor.rowcount, 0)
                if progress is not None:
                    progress(min(i + BATCH, len(rows)))
        except self.dbapi.IntegrityError as exc:  # type: ignore[union-attr]
            raise RowRefused(str(exc).strip().splitlines()[0]) from exc
        finally:
            cursor.close()
        return affected

    # -- many rows by key: one statement each here; one in all on a server (storage/engine_pg.py) ----
    def delete_keys(self, table: str, columns: Sequence[str], keys: Sequence[Sequence[Any]]) -> int:
        """Delete the rows whose ``columns`` hold one of ``keys``; returns the rows deleted."""
        where = " AND ".join(f"{c} = ?" for c in columns)
        return self.many(f"DELETE FROM {table} WHERE {where}", keys)

    def update_keyed(
        self, table: str, columns: Sequence[str], keys: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> int:
        """Each row (values of ``columns``, then of ``keys``) written over the row it keys; returns
        the rows updated (fewer than given: some key matched nothing)."""
        sets = ", ".join(f"{c} = ?" for c in columns)
        where = " AND ".join(f"{c} = ?" for c in keys)
        return self.many(f"UPDATE {table} SET {sets} WHERE {where}", rows)

    # -- bulk inserts ------------------------------------------------------------------------------
    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple],
        progress: Callable[[int], None] | None = None,
        *,
        rows_per_statement: int = ROWS_PER_INSERT,
    ) -> None:
        cols, one = ", ".join(columns), "(" + ", ".join("?" * len(columns)) + ")"
        self.many(f"INSERT INTO {table} ({cols}) VALUES {one}", rows, progress)

    @contextmanager
    def bulk(self, table: str, incoming: int) -> Iterator[None]:
        """Around many rows going into ``table``: whatever makes that faster on this engine."""
        yield

    def insert_overlapped(
        self,
        table: str,
        columns: Sequence[str],
        chunks: Iterable[Sequence[tuple]],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Rows made chunk by chunk on this thread go into the database on another, so that the
        database's own work (SQLite's steps, a server's round trips: done without the GIL)
        overlaps the Python that makes the next chunk. Whatever happens — a refused row, an
        exception while making a chunk (a cancel) — the writer has stopped before this returns
        or raises: the caller's transaction is never used by two threads at once, and its
        rollback undoes every chunk written."""
        todo: queue.Queue[Sequence[tuple] | None] = queue.Queue(maxsize=2)
        failed: list[BaseException] = []

        def write() -> None:
            while (chunk := todo.get()) is not None:
                if not failed:
                    try:
                        self.insert(table, columns, chunk, rows_per_statement=OVERLAP_ROWS_PER_INSERT)
                    except BaseException as exc:  # noqa: BLE001 - raised on the caller's thread below
                        failed.append(exc)

        writer = threading.Thread(target=write, name="zqtracker-bulk-writer", daemon=True)
        interval = sys.getswitchinterval()
        # A writer back from SQLite waits for the GIL up to the switch interval (5 ms) while this
        # thread computes: shortened while the two work together.
        sys.setswitchinterval(min(interval, 0.0005))
        writer.start()
        handed = 0
        try:
            for chunk in chunks:
                if failed:
                    break
                todo.put(chunk)
                handed += len(chunk)
                if progress is not None:
                    progress(handed)
        finally:
            todo.put(None)
            writer.join()
            sys.setswitchinterval(interval)
        if failed:
            raise failed[0]

    def insert_new_names(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> list[tuple]:
        """Rows of a reference list (unique ``name``, the second column): those whose name another
        writer has not just added; returns the rows written. Here (SQLite) the write transaction
        holds the file, so the caller's check of the names stands and every row goes in."""
        self.insert(table, columns, rows)
        return list(rows)

    # -- ids ---------------------------------------------------------------------------------------
    def reserve_ids(self, table: str, count: int) -> list[int]:
        """``count`` new ids for ``table`` that no other writer can take too."""
        start = (self.conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0) + 1
        return list(range(start, start + count))

    def after_explicit_ids(self, table: str) -> None:
        """Rows with ids given by us went in: the engine's own id source must not hand them out."""


class SqliteOps(EngineOps):
    name = "sqlite"

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._defaults: dict[str, set[str]] = {}  # table → its columns with a default
        self._limit: int | None = None
        self._noted: dict[str, list[int]] = {}  # table → ids inserted while its row audit waits (bulk)

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple],
        progress: Callable[[int], None] | None = None,
        *,
        rows_per_statement: int = ROWS_PER_INSERT,
    ) -> None:
        """Several rows per statement (a third less time for 100k projects than one statement
        per row: fewer VDBE runs), without the columns that are NULL in every row."""
        if not rows:
            return
        noted = self._noted.get(table)
        if noted is not None:
            noted.extend(map(operator.itemgetter(list(columns).index("id")), rows))
        kept = self._kept_columns(table, columns, rows)
        if len(kept) < len(columns):
            columns = [columns[j] for j in kept]
            pick = operator.itemgetter(*kept) if len(kept) > 1 else lambda row: (row[kept[0]],)
            rows = list(map(pick, rows))
        cols, one = ", ".join(columns), "(" + ", ".join("?" * len(columns)) + ")"
        per = max(1, min(rows_per_statement, self._max_parameters() // len(columns)))
        full = len(rows) - len(rows) % per
        if per > 1 and full:
            chain = itertools.chain.from_iterable
            grouped = [tuple(chain(rows[i : i + per])) for i in range(0, full, per)]
            self.many(
                f"INSERT INTO {table} ({cols}) VALUES {', '.join([one] * per)}",
                grouped,
                None if progress is None else lambda done: progress(done * per),
            )
        self.many(f"INSERT INTO {table} ({cols}) VALUES {one}", rows[full:])

    def _max_parameters(self) -> int:
        """How many parameters one statement may have: 999 in SQLite before 3.32, 32,766 after
        (or what the library was built with)."""
        if self._limit is None:
            raw = self.conn.connection.dbapi_connection
            try:
                self._limit = int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[union-attr]
            except (AttributeError, TypeError, ValueError):
                self._limit = 999
        return self._limit

    def _kept_columns(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> list[int]:
        """The columns to name in the INSERT: all but those NULL in every row and without a
        default (left out, they are NULL just the same). Python's sqlite3 binds a None ten times
        slower than an int (it looks for an adapter first): 14 of a project's 34 columns are
        empty in a typical list, and binding them took a third of the insert's time."""
        first = rows[0]
        unset = [j for j, value in enumerate(first) if value is None]
        if not unset or len(rows) < OMIT_MIN_ROWS:
            return list(range(len(columns)))
        defaults = self._defaults.get(table)
        if defaults is None:
            info = self.conn.exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
            defaults = self._defaults[table] = {r[1] for r in info if r[4] is not None}
        empty = {
            j
            for j in unset
            if columns[j] not in defaults and list(map(operator.itemgetter(j), rows)).count(None) == len(rows)
        }
        return [j for j in range(len(columns)) if j not in empty] or [0]

    @contextmanager
    def bulk(self, table: str, incoming: int) -> Iterator[None]:
        if incoming >= BULK_MIN_ROWS:  # tens of MB to the log: the commit leaves the copy to a thread
            from zqtracker.storage import checkpoint

            checkpoint.defer(self.conn.connection.dbapi_connection, self.conn.connection.info)  # type: ignore[arg-type]
        with self._audited_after(table, incoming), self._indexes_rebuilt(table, incoming):
            yield

    @contextmanager
    def _indexes_rebuilt(self, table: str, incoming: int) -> Iterator[None]:
        """Many rows into a small table: drop its secondary indexes and build them again after
        (SQLite sorts once instead of descending nine B-trees per row: ~40% less time for 100k
        projects). Inside the transaction, so a failure or a kill leaves the indexes as they were;
        the statements are sqlite_master's own, so the indexes come back identical."""
        if incoming < BULK_MIN_ROWS:
            yield
            return
        existing = self.conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
        if existing * 2 > incoming:
            yield
            return
        indexes = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,)
        ).fetchall()
        self._begin()
        for name, _sql in indexes:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        self.conn.exec_driver_sql("PRAGMA threads = 2")  # the sorter of CREATE INDEX may use a second core
        for _name, sql in indexes:
            self.conn.exec_driver_sql(sql)

    @contextmanager
    def _audited_after(self, table: str, incoming: int) -> Iterator[None]:
        """Many new projects or investment months: their audit rows written by one statement after
        them instead of by the row trigger, a program run per row (storage.audit.bulk_audit_sql:
        the same rows). The trigger is dropped inside the transaction and created again however
        the block ends. The rows to record are found by the ids insert() notes (projects, whose
        ids are ours: a redo puts back old ones) or past the largest rowid before (investment
        months); the count recorded must be the connection's count of rows changed meanwhile —
        a row put in some other way fails the write rather than go unrecorded."""
        from zqtracker.storage import audit

        trigger = audit.BULK_AUDIT.get(table)
        if trigger is None or incoming < AUDIT_AFTER_MIN_ROWS or not self._temp_trigger(trigger):
            yield
            return
        last: int | None = None
        if table != "projects":
            last = self.conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0
            if last >= 1 << 62:  # near the end SQLite picks new rowids at random: not past `last`
                yield
                return
        self._begin()
        raw: sqlite3.Connection = self.conn.connection.dbapi_connection  # type: ignore[assignment]
        self.conn.exec_driver_sql(f"DROP TRIGGER temp.{trigger}")
        ids: list[int] = []
        if last is None:
            self._noted[table] = ids
        changes = raw.total_changes
        try:
            yield
            added = raw.total_changes - changes
            if last is None and added != len(ids):  # a row went in beside insert(): it would go unrecorded
                raise RuntimeError(f"{added} rows added to {table}, {len(ids)} through the bulk insert")
            if self.many(audit.bulk_audit_sql(table), _runs(ids) if last is None else [(last,)]) != added:
                raise RuntimeError(f"{added} rows added to {table}, not all found to record")
        finally:
            self._noted.pop(table, None)
            if raw.in_transaction and not self._temp_trigger(trigger):
                raw.execute(audit.sqlite_trigger(trigger))

    def _temp_trigger(self, name: str) -> bool:
        found = self.conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = ?", (name,)
        ).first()
        return found is not None

    def _begin(self) -> None:
        """Schema changes that must belong to the caller's transaction: pysqlite opens one only
        before INSERT/UPDATE/DELETE — without this, a DROP would be committed at once and a kill
        or a failure would lose what it dropped."""
        raw = self.conn.connection.dbapi_connection
        if raw is not None and not raw.in_transaction:
            self.conn.exec_driver_sql("BEGIN IMMEDIATE")


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """Distinct ids as (first, last) of each run of consecutive ids, in order."""
    runs = (list(run) for _step, run in itertools.groupby(enumerate(sorted(ids)), lambda k: k[1] - k[0]))
    return [(run[0][1], run[-1][1]) for run in runs]
