"""Opening a database safely: resolve the URL, inspect before touching, back up, migrate.

A file that is not ours, a corrupt file, or a schema newer than this program is refused with
:class:`DatabaseOpenError` *before* anything is written to it: the inspection uses a read-only
SQLite connection, so even the switch to WAL mode (which rewrites the header) never happens.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from zqtracker.storage.schema import SCHEMA_REVISION, ZQ_TABLES

ENV_VAR = "ZQTRACKER_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0  # how long a write waits for another program's lock before "locked"


class DatabaseOpenError(Exception):
    """The database cannot be used (or an operation on it could not be done).

    ``reason`` is a short code (``corrupt``, ``locked``, ``read_only``, ``disk_full`` …); the
    sentence comes from the message catalogue (domain/database_messages.py) in either language:
    :meth:`message`. ``str()`` is the English sentence. A ``message`` given explicitly is used for
    a reason the catalogue does not know.
    """

    def __init__(self, reason: str, message: str | None = None, **params: object) -> None:
        self.reason = reason
        self.params = params
        self._explicit = message
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from zqtracker.domain.messages import MESSAGES

        code = f"db_{self.reason}"
        if code in MESSAGES and (self._explicit is None or self.params):
            from zqtracker.domain.errors import Problem

            return Problem(code, params=dict(self.params)).message(lang)
        return self._explicit or self.reason


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
    """The URL of a SQLite file. The path is escaped (``?``, ``%``, ``#``): written into the URL as
    it is, ``/x/a?b.sqlite`` would open ``/x/a`` with a query string."""
    return URL.create("sqlite", database=str(path.absolute())).render_as_string(hide_password=False)


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another engine or an in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def display_of(url: str) -> str:
    path = sqlite_path_of(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _ro_uri(path: Path, *, immutable: bool = False) -> str:
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def connect_read_only(path: Path, *, timeout: float | None = None) -> sqlite3.Connection:
    """A read-only connection that works in a read-only folder too: a database in WAL mode needs
    its -shm file, which such a folder cannot hold, so the file is then opened as immutable."""
    wait = BUSY_TIMEOUT_S if timeout is None else timeout
    con = sqlite3.connect(_ro_uri(path), uri=True, timeout=wait)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError as exc:
        con.close()
        if "unable to open" not in str(exc) or not is_read_only_location(path):
            raise
    return sqlite3.connect(_ro_uri(path, immutable=True), uri=True, timeout=wait)


def is_read_only_location(path: Path) -> bool:
    """True when this program may not write ``path`` or create files beside it (its journal):
    permissions, an immutable file, or a read-only mount."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(path.parent, os.W_OK | os.X_OK)


def fault_of(exc: BaseException, shown: str) -> DatabaseOpenError | None:
    """An expected condition behind an SQLite/OS error, worded; None for anything else.

    Locked is told apart from damaged (which would push a user to restore over a healthy file),
    and a full disk or a read-only file from both.
    """
    if isinstance(exc, DatabaseOpenError):
        return exc
    orig = getattr(exc, "orig", None)
    if orig is not None:
        exc = orig
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
            return DatabaseOpenError("disk_full", file=shown)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DatabaseOpenError("read_only", file=shown)
        if exc.errno == errno.EIO:
            return DatabaseOpenError("io_error", file=shown, detail=exc.strerror or str(exc))
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    text_ = str(exc).strip()
    low = text_.lower()
    if "locked" in low or "database is busy" in low:
        return DatabaseOpenError("locked", file=shown)
    if "disk is full" in low or "database or disk is full" in low:
        return DatabaseOpenError("disk_full", file=shown)
    if "readonly" in low or "read-only" in low:
        return DatabaseOpenError("read_only", file=shown)
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return DatabaseOpenError("corrupt", file=shown, detail=short_detail(text_))
    if "disk i/o error" in low:
        return DatabaseOpenError("io_error", file=shown, detail=short_detail(text_))
    if "unable to open" in low:
        return DatabaseOpenError("cannot_open", file=shown, detail=short_detail(text_))
    return None


def inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of a zqtracker SQLite file; None for a new (absent) database.

    Read only. Raises DatabaseOpenError for anything that is not a healthy zqtracker file — a
    zero-length file included (an interrupted copy is not a new database).
    """
    shown = str(path)
    if path.is_dir():
        raise DatabaseOpenError("not_a_file", file=shown)
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError("no_folder", file=shown, folder=str(path.parent))
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError("unreadable", file=shown, detail=exc.strerror or str(exc)) from None
    if not header:
        raise DatabaseOpenError("empty_file", file=shown)
    if header != SQLITE_HEADER:
        if len(header) < len(SQLITE_HEADER) and SQLITE_HEADER.startswith(header):
            raise DatabaseOpenError("corrupt", file=shown, detail="truncated")
        raise DatabaseOpenError("not_sqlite", file=shown)
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        raise fault_of(exc, shown) or DatabaseOpenError("cannot_open", file=shown, detail=str(exc)) from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            if path.stat().st_size > _page_size(con):
                raise DatabaseOpenError("corrupt", file=shown, detail="no tables")
            return None
        if "alembic_version" not in tables or not tables >= ZQ_TABLES:
            raise DatabaseOpenError("foreign_database", file=shown)
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise DatabaseOpenError("foreign_database", file=shown)
        return str(row[0])
    except sqlite3.Error as exc:
        raise fault_of(exc, shown) or DatabaseOpenError("corrupt", file=shown, detail=str(exc)) from None
    finally:
        con.close()


def _page_size(con: sqlite3.Connection) -> int:
    try:
        return int(con.execute("PRAGMA page_size").fetchone()[0])
    except sqlite3.Error:
        return 4096


def quick_check(con: sqlite3.Connection, limit: int = 20) -> list[str]:
    """SQLite's own check of every page (``PRAGMA quick_check``): [] when healthy, else its
    messages one per line."""
    try:
        rows = [str(r[0]) for r in con.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else integrity_lines(rows)


def integrity_lines(rows: list[str]) -> list[str]:
    """SQLite's integrity messages one per line, without its "*** in database main ***" headers."""
    return [line.strip() for row in rows for line in row.splitlines() if line.strip() and not line.startswith("***")]


def short_detail(text_: str, limit: int = 160) -> str:
    """One line of an error message for a sentence."""
    lines = integrity_lines([text_]) or [text_.strip()]
    return lines[0] if len(lines[0]) <= limit else lines[0][: limit - 1] + "…"


def _sqlite_functions(dbapi_connection: sqlite3.Connection) -> None:
    """Functions our SQL calls: ``zq_fold``, the search's case and width folding."""
    from zqtracker.domain.filters import fold

    dbapi_connection.create_function("zq_fold", 1, lambda v: fold(v) if isinstance(v, str) else v, deterministic=True)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    _sqlite_functions(dbapi_connection)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


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

    def fault(self, exc: BaseException) -> DatabaseOpenError | None:
        """The worded expected condition behind an error met while using this database."""
        found = fault_of(exc, self.display_name)
        if found is not None and found.reason in ("locked", "disk_full") and self.read_only:
            return DatabaseOpenError("read_only", file=self.display_name)
        return found

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(url: str, *, read_only: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if read_only and u.database:
            path = Path(u.database)
            engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))
            event.listen(engine, "connect", _sqlite_read_only_pragmas)
            return engine
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
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
    modified in that case. A SQLite file this program may not write opens read-only.
    """
    url = resolve_url(db)
    shown = display_of(url)
    try:
        make_url(url)
    except ArgumentError:
        raise DatabaseOpenError("bad_url", f"{url!r} is not a database URL or file path.") from None
    path = sqlite_path_of(url)
    read_only = False
    if path is not None:
        revision = inspect_sqlite_file(path)
        if revision is None and not create:
            raise DatabaseOpenError("missing", file=shown)
        read_only = is_read_only_location(path)
        if read_only and revision != SCHEMA_REVISION:
            raise DatabaseOpenError("read_only", file=shown)
    try:
        engine = _make_engine(url, read_only=read_only)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseOpenError("bad_url", f"Cannot open {shown}: {exc}.") from None
    database = Database(url, engine, read_only=read_only)
    try:
        if path is None:
            revision = _server_revision(engine, shown)
        if revision != SCHEMA_REVISION:
            if not migrate:
                raise DatabaseOpenError("needs_upgrade", file=shown, schema=revision or "none", known=SCHEMA_REVISION)
            from zqtracker.storage.migrate import upgrade

            upgrade(database, revision)
        elif path is not None:
            _check_engine_connects(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (DBAPIError, SQLAlchemyError, OSError, sqlite3.Error) as exc:
        engine.dispose()
        raise fault_of(exc, shown) or DatabaseOpenError("cannot_open", file=shown, detail=_short(exc)) from None
    return database


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
                raise DatabaseOpenError("foreign_database", file=shown)
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return str(row[0]) if row else None
    except DBAPIError as exc:
        raise DatabaseOpenError("unreachable", f"Cannot connect to {shown}: {_short(exc)}.") from None


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return text_[0] if text_ else type(exc).__name__
