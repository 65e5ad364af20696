"""PostgreSQL's side of storage/engine.py: COPY for bulk inserts, a first load without its
indexes, ids from the tables' sequences, names another session may be adding at the same moment."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

from zqtracker.storage.engine import BATCH, BULK_MIN_ROWS, ROWS_PER_INSERT, EngineOps, RowRefused


class PostgresOps(EngineOps):
    name = "postgresql"
    paramstyle_qmark = False

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._rls: dict[str, bool] = {}  # table → row-level security applies to this account
        self._types: dict[str, dict[str, str]] = {}  # table → column → its type, as SQL writes it

    @contextmanager
    def bulk(self, table: str, incoming: int) -> Iterator[None]:
        """Many rows into a table holding less than half as many (a first load): its plain secondary
        indexes dropped and built again after (100k projects: COPY 1.6 → 0.35 s, the seven built in
        0.4 s). Inside the transaction: a failure or a kill puts them back as they were. Dropping one
        locks the table until the commit — colleagues' reads of it wait — hence only then, and only
        for the table's owner (another user, say an analyst, loads with the indexes in place)."""
        if incoming < BULK_MIN_ROWS:
            yield
            return
        owner, existing = self.fetch(
            f"SELECT pg_has_role(c.relowner, 'USAGE'), (SELECT count(*) FROM {table}) FROM pg_class c "
            "WHERE c.oid = ?::regclass",
            (table,),
        )[0]
        if not owner or existing * 2 > incoming:
            yield
            return
        indexes = self.fetch(  # not the primary key, not a unique index: those keep their guarantees
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = ?::regclass AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname",
            (table,),
        )
        if not self._dropped([name for name, _sql in indexes]):
            indexes = []
        yield
        for _name, sql in indexes:
            self.conn.exec_driver_sql(sql)

    def _dropped(self, names: list[str]) -> bool:
        """Drop the indexes if the table's lock comes within a second; else (a colleague's transaction
        reads the table — and every reader after would queue behind the waiting DROP) leave them,
        the transaction as it was: a savepoint, and the session's own lock timeout back after."""
        from sqlalchemy.exc import DBAPIError

        before = self.fetch("SELECT current_setting('lock_timeout')")[0][0]
        self.conn.exec_driver_sql("SAVEPOINT zq_bulk_indexes")
        try:
            self.conn.exec_driver_sql("SET LOCAL lock_timeout = '1s'")
            for name in names:
                self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            self.conn.exec_driver_sql("ROLLBACK TO SAVEPOINT zq_bulk_indexes")
            self.conn.exec_driver_sql("RELEASE SAVEPOINT zq_bulk_indexes")
            return False
        self.conn.exec_driver_sql("SELECT set_config('lock_timeout', %s, true)", (before,))
        self.conn.exec_driver_sql("RELEASE SAVEPOINT zq_bulk_indexes")
        return True

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple],
        progress: Callable[[int], None] | None = None,
        *,
        rows_per_statement: int = ROWS_PER_INSERT,
    ) -> None:
        """COPY: the rows stream to the server in one command (several times faster than
        INSERTs, even batched) — where the table's row-level security does not apply to this user
        (an analyst's or a district's account): PostgreSQL refuses COPY FROM then, INSERTs it is."""
        if not rows:
            return
        if self._row_security(table):
            super().insert(table, columns, rows, progress)
            return
        cursor = self.cursor()
        try:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for i, row in enumerate(rows, 1):
                    copy.write_row(row)
                    if progress is not None and i % BATCH == 0:
                        progress(i)
        except self.dbapi.IntegrityError as exc:  # type: ignore[union-attr]
            raise RowRefused(str(exc).strip().splitlines()[0]) from exc
        finally:
            cursor.close()
        if progress is not None:
            progress(len(rows))

    def delete_keys(self, table: str, columns: Sequence[str], keys: Sequence[Sequence[Any]]) -> int:
        """One statement for all the keys (their columns as arrays): the audit trail's statement
        triggers fire once, not once a row — an undo of 15,000 projects' months took 30 s so."""
        if not keys:
            return 0
        where = " AND ".join(f"t.{c} = k.{c}" for c in columns)
        return self._keyed(f"DELETE FROM {table} t USING {self._unnest(table, columns)} WHERE {where}", keys)

    def update_keyed(
        self, table: str, columns: Sequence[str], keys: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> int:
        """As :meth:`delete_keys`: one UPDATE … FROM the rows as arrays."""
        if not rows:
            return 0
        sets = ", ".join(f"{c} = k.{c}" for c in columns)
        where = " AND ".join(f"t.{c} = k.key_{c}" for c in keys)  # (a key may be written too: the version)
        relation = self._unnest(table, [*columns, *keys], [*columns, *(f"key_{c}" for c in keys)])
        return self._keyed(f"UPDATE {table} t SET {sets} FROM {relation} WHERE {where}", rows)

    def _unnest(self, table: str, columns: Sequence[str], names: Sequence[str] | None = None) -> str:
        """The rows as a relation ``k`` of those columns (called ``names``), from one array each of
        the column's type."""
        if table not in self._types:
            self._types[table] = dict(
                self.fetch(
                    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped",
                    (table,),
                )
            )
        arrays = ", ".join(f"%s::{self._types[table][c]}[]" for c in columns)
        return f"unnest({arrays}) AS k({', '.join(names or columns)})"

    def _keyed(self, statement: str, rows: Sequence[Sequence[Any]]) -> int:
        cursor = self.cursor()
        try:
            cursor.execute(statement, [list(column) for column in zip(*rows, strict=True)])
            return max(cursor.rowcount, 0)
        except self.dbapi.IntegrityError as exc:  # type: ignore[union-attr]
            raise RowRefused(str(exc).strip().splitlines()[0]) from exc
        finally:
            cursor.close()

    def _row_security(self, table: str) -> bool:
        if table not in self._rls:
            self._rls[table] = bool(self.fetch("SELECT row_security_active(?::regclass)", (table,))[0][0])
        return self._rls[table]

    def insert_new_names(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> list[tuple]:
        """A name another session added since the caller looked (committed or still open: the
        unique index waits for it) is left out rather than refused."""
        if not rows:
            return []
        marks = ", ".join(["%s"] * len(columns))
        cursor = self.cursor()
        written: set[int] = set()
        try:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                " ON CONFLICT (name) DO NOTHING RETURNING id",
                rows,
                returning=True,
            )
            while True:
                written.update(r[0] for r in cursor.fetchall())
                if not cursor.nextset():
                    break
        finally:
            cursor.close()
        return [r for r in rows if r[0] in written]

    def reserve_ids(self, table: str, count: int) -> list[int]:
        if count <= 0:
            return []
        sequence = self.fetch("SELECT pg_get_serial_sequence(?, 'id')", (table,))[0][0]  # once, not per id: 6× faster
        return [r[0] for r in self.fetch("SELECT nextval(?::regclass) FROM generate_series(1, ?)", (sequence, count))]

    def after_explicit_ids(self, table: str) -> None:
        """The sequence moves past the largest id, never back (ids handed out and since deleted,
        as by an undone import, stay spent: a redo puts them back). Only when it is behind: setval
        needs UPDATE on the sequence, which an analyst has not (USAGE hands out ids), and the undo of
        a replace import puts back rows of this very database, whose ids the sequence has passed."""
        self.conn.exec_driver_sql(
            f"SELECT setval(s::regclass, t.top) FROM pg_get_serial_sequence('{table}', 'id') AS s, "
            f"(SELECT max(id) AS top FROM {table}) AS t "
            "WHERE t.top > COALESCE(pg_sequence_last_value(s::regclass), 0)"
        )
