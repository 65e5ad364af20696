"""Opening a database safely: resolve the URL, inspect before touching, back up, migrate.

A file that is not ours, a corrupt file, or a schema newer than this program is refused with
:class:`DatabaseOpenError` *before* anything is written to it: the inspection uses a read-only
SQLite connection, so even the switch to WAL mode (which rewrites the header) never happens.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from zqtracker.storage.schema import SCHEMA_REVISION, ZQ_TABLES

ENV_VAR = "ZQTRACKER_DB"
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(Exception):
    """The database cannot be used; ``reason`` is a short code, ``str()`` one clear sentence."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("zqtracker", appauthor=False))


def default_database_path() -> Path:
    return default_data_dir() / "zqtracker.sqlite"


def demo_database_path() -> Path:
    return default_data_dir() / "demo.sqlite"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """``--db`` first, then ``$ZQTRACKER_DB``, then the file in the user data directory.

    A plain path (no ``://``) means a SQLite file.
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path)
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.absolute()}"


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another engine or an in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _display(url: str) -> str:
    path = sqlite_path_of(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of a zqtracker SQLite file; None for a new (absent or empty) database.

    Read only. Raises DatabaseOpenError for anything that is not a healthy zqtracker file.
    """
    shown = str(path)
    if path.is_dir():
        raise DatabaseOpenError("not_a_file", f"{shown} is a folder, not a database file.")
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError("no_folder", f"Cannot create {shown}: the folder {path.parent} does not exist.")
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError("unreadable", f"Cannot read {shown}: {exc.strerror or exc}.") from None
    if not header:
        return None
    if header != SQLITE_HEADER:
        raise DatabaseOpenError("not_sqlite", f"{shown} is not a zqtracker database (not an SQLite file).")
    try:
        con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseOpenError("unreadable", f"Cannot open {shown}: {exc}.") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or not tables >= ZQ_TABLES:
            raise DatabaseOpenError("foreign_database", f"{shown} is an SQLite database, but not a zqtracker database.")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise DatabaseOpenError("foreign_database", f"{shown} has no zqtracker schema version.")
        return str(row[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            "corrupt", f"{shown} is damaged and cannot be read ({exc}); it was left untouched."
        ) from None
    finally:
        con.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


class Database:
    """One open database: the engine and a short-lived session per use case."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_path_of(self.url)

    @property
    def display_name(self) -> str:
        return _display(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction that holds the write lock from its first statement (SQLite:
        BEGIN IMMEDIATE), so that the row versions it checks cannot change before it writes; on a
        server, storage locks the rows it checks (SELECT … FOR UPDATE) or checks in the UPDATE."""
        from zqtracker.storage import audit

        try:
            with self._sessions() as session, session.begin():
                if self.engine.dialect.name == "sqlite":
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                audit.begin_write(session.connection())  # who and what, for the audit trail
                yield session
                audit.end_write(session.connection())
        except Exception as exc:  # the driver's own errors too (storage writes on its cursor)
            refused = audit.access_refused(exc, self.engine.url.username or "")
            if refused is None:
                raise
            raise refused from exc

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of a SQLite database through SQLite's backup API."""
        source = self.sqlite_path
        if source is None:
            raise DatabaseOpenError("not_sqlite", "Only SQLite databases can be backed up to a file.")
        return backup_sqlite_file(source, target)

    def close(self) -> None:
        self.engine.dispose()


def backup_sqlite_file(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, target)
    return target


def backup_path_for(source: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return source.with_name(f"{source.stem}.{label}-{stamp}{source.suffix or '.sqlite'}")


def _make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_pre_ping=True)
    if u.get_backend_name() == "postgresql":
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
    modified in that case.
    """
    url = resolve_url(db)
    shown = _display(url)
    try:
        make_url(url)
    except ArgumentError:
        raise DatabaseOpenError("bad_url", f"{url!r} is not a database URL or file path.") from None
    path = sqlite_path_of(url)
    if path is not None:
        revision = inspect_sqlite_file(path)
        if revision is None and not create:
            raise DatabaseOpenError("missing", f"{shown} does not exist.")
    try:
        engine = _make_engine(url)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseOpenError("bad_url", f"Cannot open {shown}: {exc}.") from None
    database = Database(url, engine)
    try:
        if path is None:
            revision = _server_revision(engine, shown)
        if revision != SCHEMA_REVISION:
            if not migrate:
                raise DatabaseOpenError(
                    "needs_upgrade",
                    f"{shown} has schema {revision or 'none'}; this version needs {SCHEMA_REVISION} "
                    "(run `zqtracker db upgrade`).",
                )
            from zqtracker.storage.migrate import upgrade

            upgrade(database, revision)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (DBAPIError, SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise DatabaseOpenError("unusable", f"Cannot open {shown}: {_short(exc)}.") from None
    return database


def _server_revision(engine: Engine, shown: str) -> str | None:
    """The schema revision of a server database (PostgreSQL …), None when it has no tables."""
    from sqlalchemy import inspect

    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            if not names:
                return None
            if "alembic_version" not in names or not names >= ZQ_TABLES:
                raise DatabaseOpenError("foreign_database", f"{shown} is not a zqtracker database.")
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return str(row[0]) if row else None
    except DBAPIError as exc:
        raise DatabaseOpenError("unreachable", f"Cannot connect to {shown}: {_short(exc)}.") from None


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__
