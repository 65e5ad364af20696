"""Opening a database safely: resolve the URL, inspect before touching, back up, migrate; then
one open database's engine (SQLite pragmas) and its short transactions.

A file that is not ours, a corrupt file, or a schema newer than this program is refused with
:class:`DatabaseOpenError` *before* anything is written to it: the inspection
(storage/sqlite_file.py) uses a read-only SQLite connection, so even the switch to WAL mode
(which rewrites the header) never happens. Where a database is: storage/locations.py; why it
cannot be used: storage/db_errors.py.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from zqtracker.domain.errors import Problem
from zqtracker.storage import sqlite_file
from zqtracker.storage.db_errors import DatabaseOpenError, fault_of, note_free_space
from zqtracker.storage.locations import display_of, resolve_url, sqlite_path_of, sqlite_url
from zqtracker.storage.schema import SCHEMA_REVISION, ZQ_TABLES
from zqtracker.storage.sqlite_file import connect_read_only, inspect_sqlite_file, is_read_only_location

# The advisory lock key of Database.write on a server (any 64-bit number no other program here uses).
WRITE_LOCK = 0x7A71_7472_6B72  # "zqtrkr"


def _sqlite_functions(dbapi_connection: sqlite3.Connection) -> None:
    """Functions our SQL calls: ``zq_fold``, the search's case and width folding."""
    from zqtracker.domain.filters import fold

    dbapi_connection.create_function("zq_fold", 1, lambda v: fold(v) if isinstance(v, str) else v, deterministic=True)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _sqlite_functions(dbapi_connection)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(sqlite_file.BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
    # Temporary B-trees stay SQLite's default (in memory until they outgrow the cache, then a file in
    # the temporary folder): with temp_store=MEMORY, SQLite's sorter never uses a second thread, and an
    # import's index rebuild (storage.engine: ~8 indexes over 100k projects) took ~40% longer.
    cur.close()


def _server_lock_timeout(dbapi_connection, _record: object) -> None:
    """A statement that waits for a lock another session holds (a LOCK TABLE, a DDL, a transaction
    left open, another writer) gives up after SQLite's busy timeout, instead of waiting for ever
    (probe27a pglk): its error (SQLSTATE 55P03) is worded by db_errors.fault_of."""
    with dbapi_connection.cursor() as cur:
        cur.execute(f"SET lock_timeout = {int(sqlite_file.BUSY_TIMEOUT_S * 1000)}")
    dbapi_connection.commit()  # (a SET in a transaction rolled back would be undone)


def _sqlite_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _sqlite_functions(dbapi_connection)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


class Database:
    """One open database: the engine and a short-lived session per use case.

    ``read_only``: a SQLite file in a folder or on a disk this program may not write (a shared
    folder): it opens all the same, for reading, and every write is refused with one sentence.
    ``pinned_backups``: backup files an undo of this session still needs (rotation keeps them).
    """

    def __init__(self, url: str, engine: Engine, *, read_only: bool = False) -> None:
        self.url = url
        self.engine = engine
        self.read_only = read_only
        self.scratch: Path | None = None  # the upgraded private copy an older read-only file is read from
        self.pinned_backups: set[Path] = set()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._frozen = False  # a view of :meth:`frozen`: already one snapshot

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path_of(self.url)

    @property
    def display_name(self) -> str:
        return display_of(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception. A write the
        server refuses to this account is AccessRefused (one sentence), as in :meth:`write`."""
        from zqtracker.storage import audit

        try:
            with self._sessions() as session, session.begin():
                yield session
        except Exception as exc:
            refused = audit.access_refused(exc, self.engine.url.username or "")
            if refused is None:
                raise
            raise refused from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction that holds the write lock from its first statement (SQLite:
        BEGIN IMMEDIATE; a server: an advisory lock every such transaction takes first), so that
        what it checks cannot change before it writes — an import's recheck, an undo's, a colleague's
        edit of the same month. Storage also locks the rows it checks (SELECT … FOR UPDATE)."""
        from zqtracker.storage import audit

        with self.session() as session:  # (the server's refusals, the driver's own too, worded there)
            if self.engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            else:  # one writer at a time, as on SQLite: two imports of one list would both add it
                session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            audit.begin_write(session.connection())  # who and what, for the audit trail
            yield session
            audit.end_write(session.connection())

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session whose every SELECT reads the same snapshot. :meth:`session` does not: pysqlite
        begins no transaction for a SELECT and PostgreSQL reads committed data statement by
        statement, so a commit between two reads (the enterprises, then the projects naming them)
        would make them disagree."""
        with self.frozen() as view, view.session() as session:
            yield session

    @contextmanager
    def frozen(self) -> Iterator[Database]:
        """This database as it is now, for as long as the block lasts: every session of the
        returned view reads one snapshot (one read transaction: SQLite's WAL keeps it while other
        programs commit; PostgreSQL: REPEATABLE READ), so a long export is consistent — rows,
        monthly records and summary figures — whatever a colleague saves meanwhile. On a view,
        the view itself (its snapshot)."""
        if self._frozen:
            yield self
            return
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                outer = conn.begin()
                conn.exec_driver_sql("BEGIN")  # pysqlite would not begin for a SELECT
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()  # take the snapshot now
            else:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                outer = conn.begin()
            view = Database(self.url, self.engine, read_only=True)
            view._sessions = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="rollback_only")
            view._frozen = True
            try:
                yield view
            finally:
                if outer.is_active:  # a failing session of the view has rolled it back already
                    outer.rollback()

    @contextmanager
    def rehearsal(self) -> Iterator[Database]:
        """A view of this database whose writes the server checks as it would for real — row-level
        security, privileges, constraints, the write lock — and which are all rolled back when the
        block ends: a dry run that says what the write would, refusal and all."""
        with self.engine.connect() as conn:
            outer = conn.begin()
            view = Database(self.url, self.engine, read_only=self.read_only)
            view._sessions = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint")
            try:
                yield view
            finally:
                if outer.is_active:
                    outer.rollback()

    def fault(self, exc: BaseException) -> DatabaseOpenError | None:
        """The worded expected condition behind an error met while using this database."""
        found = fault_of(exc, self.display_name)
        if found is not None and found.reason in ("locked", "disk_full") and self.read_only:
            return DatabaseOpenError("read_only", file=self.display_name)
        return found

    def after_write(self) -> list[Problem]:
        """What a committed write leaves to say beside its own report: on a SQLite file, a log its disk has
        no room to copy into the file (storage/checkpoint.py unfolded) — the write stands."""
        path = self.sqlite_path
        if path is None or self.read_only:
            return []
        from zqtracker.storage import checkpoint

        found = checkpoint.unfolded(path)
        return [found] if found is not None else []

    def close(self) -> None:
        self.engine.dispose()
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch.parent, ignore_errors=True)
        path = self.sqlite_path
        if path is not None:
            from zqtracker.storage import checkpoint

            checkpoint.wait(path)


def _make_engine(url: str, *, read_only: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if read_only and u.database:
            path = Path(u.database)
            engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))
            event.listen(engine, "connect", _sqlite_read_only_pragmas)
            return engine
        engine = create_engine(url, connect_args={"timeout": sqlite_file.BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        file = sqlite_path_of(url)
        if file is not None:
            from zqtracker.storage import checkpoint

            checkpoint.install(engine, file)
            note_free_space(engine, file)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if u.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _server_lock_timeout)
        from zqtracker.storage.driver_log import quiet_pipeline_echo

        quiet_pipeline_echo()  # (a refused batch's aborted pipeline: psycopg's echo of the refusal we word)
        from zqtracker.storage.credentials import attach_password

        attach_password(engine)  # a password kept in the system keyring
    return engine


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
) -> Database:
    """Open (and if needed create or upgrade) a zqtracker database.

    Raises :class:`DatabaseOpenError` with one clear sentence on any problem; the file is not
    modified in that case. A SQLite file this program may not write opens read-only.
    """
    url = resolve_url(db)
    shown = display_of(url)
    try:
        make_url(url)
    except ArgumentError:
        raise DatabaseOpenError("bad_url", f"{url!r} is not a database URL or file path.") from None
    path = sqlite_path_of(url)
    read_only, scratch = False, None
    if path is not None:
        revision = inspect_sqlite_file(path)
        if revision is None and not create:
            raise DatabaseOpenError("missing", file=shown)
        read_only = is_read_only_location(path)
        if read_only and revision is None:
            raise DatabaseOpenError("read_only", file=shown)
        if read_only and revision != SCHEMA_REVISION:  # an older file in a shared folder: read an upgraded copy
            from zqtracker.storage.read_only_copy import upgraded_copy

            scratch, revision = upgraded_copy(path, shown, str(revision)), SCHEMA_REVISION
    try:
        engine = _make_engine(sqlite_url(scratch) if scratch else url, read_only=read_only)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseOpenError("bad_url", f"Cannot open {shown}: {exc}.") from None
    database = Database(url, engine, read_only=read_only)
    database.scratch = scratch
    try:
        if path is None:
            revision = _server_revision(engine, shown)
            if revision not in (None, SCHEMA_REVISION):
                _refuse_server_upgrade(engine, shown, revision, migrate)
        if revision != SCHEMA_REVISION:
            if not migrate:
                raise DatabaseOpenError("needs_upgrade", file=shown, schema=revision or "none", known=SCHEMA_REVISION)
            from zqtracker.storage.migrate import upgrade

            upgrade(database, revision)
        elif path is not None:
            _check_engine_connects(engine)
    except DatabaseOpenError:
        database.close()
        raise
    except (DBAPIError, SQLAlchemyError, OSError, sqlite3.Error) as exc:
        database.close()
        cannot = "cannot_open" if path is not None else "server_cannot_open"
        raise fault_of(exc, shown) or DatabaseOpenError(cannot, file=shown, detail=_short(exc)) from None
    return database


def _refuse_server_upgrade(engine: Engine, shown: str, revision: str, migrate: bool) -> None:
    """A server database at another schema than this program's, refused in its own words: a newer
    one (nothing touched), one only its owner may upgrade (named as the server says — an analyst's
    upgrade would fail half way on "must be owner of table"), or, not upgrading now, how to."""
    from zqtracker.storage.migrate import head_revision, known_revisions
    from zqtracker.storage.server_roles import owners_not_acted_as

    if revision not in known_revisions():
        raise DatabaseOpenError("server_newer_schema", file=shown, schema=revision, known=head_revision())
    owners: list[str] = []
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            user, owners = owners_not_acted_as(conn, sorted(ZQ_TABLES))
    if owners:
        raise DatabaseOpenError("server_upgrade_owner_only", file=shown, schema=revision, known=SCHEMA_REVISION,
                                user=user, owner=", ".join(owners))  # fmt: skip
    if not migrate:
        raise DatabaseOpenError("server_needs_upgrade", file=shown, schema=revision, known=SCHEMA_REVISION)


def _check_engine_connects(engine: Engine) -> None:
    """Connect once now (pragmas included), so that a file that cannot be opened for writing says
    so when it is opened, not at the first save."""
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()


def _server_revision(engine: Engine, shown: str) -> str | None:
    """The schema revision of a server database (PostgreSQL …), None when it has no tables."""
    from sqlalchemy import inspect

    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if not names:
                return None
            if "alembic_version" not in names or not names >= ZQ_TABLES:
                raise DatabaseOpenError("foreign_server_database", file=shown)
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return str(row[0]) if row else None
    except DBAPIError as exc:
        raise DatabaseOpenError("unreachable", file=shown, detail=_short(exc)) from None


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__


__all__ = ["Database", "DatabaseOpenError", "open_database"]
