"""Every storage, service, import, export, statistics and CLI test on SQLite and on PostgreSQL.

The fixture ``engine_name`` is parametrised by engine; ``db_url`` gives a fresh, empty,
migrated database of that engine (a SQLite file, or a PostgreSQL database copied from a migrated
template, which takes ~40 ms), ``database`` / ``ctx`` open it, and ``demo_ctx`` opens a copy of
the demo database. PostgreSQL comes from ``ZQ_TEST_PG_URL`` (a superuser's URL on a server
the tests may create databases on; `.ci/run` starts a throwaway cluster and sets it). Without it
the PostgreSQL cases skip with a reason, unless ``ZQ_REQUIRE_PG=1`` (CI), where they fail.

Desktop tests (modules named in SQLITE_ONLY, and any test driving widgets — one that asks for
``qtbot``) run on SQLite alone: the engine does not change what a widget does, and doubling them
would double the suite's longest part. A widget test whose point is the engine says which it runs
on with ``@pytest.mark.engine(...)`` (one marker per engine: both for both).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from zqtracker.services.context import AppContext
from zqtracker.storage.database import Database, open_database

PG_URL = os.environ.get("ZQ_TEST_PG_URL", "")
REQUIRE_PG = os.environ.get("ZQ_REQUIRE_PG") == "1"
ENGINES = ("sqlite", "postgresql")
SQLITE_ONLY_PREFIXES = (
    "test_ui_",
    "test_dashboard_widget",
    "test_export_dialog",
    "test_import_dialog",
    "test_qt_",
    "test_faults_ui",
)
_counter = itertools.count()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" not in metafunc.fixturenames:
        return
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    wanted = [m.args[0] for m in metafunc.definition.iter_markers("engine")]
    widgets = module.startswith(SQLITE_ONLY_PREFIXES) or "qtbot" in metafunc.fixturenames
    engines = wanted or (["sqlite"] if widgets else list(ENGINES))
    metafunc.parametrize("engine_name", engines, indirect=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "engine(name): run this test on that engine only (sqlite or postgresql)")


@pytest.fixture
def engine_name(request: pytest.FixtureRequest) -> str:
    name = getattr(request, "param", "sqlite")
    if name == "postgresql" and not PG_URL:
        message = "no PostgreSQL server: set ZQ_TEST_PG_URL (see .ci/pg-cluster.sh) to run these cases"
        if REQUIRE_PG:
            pytest.fail(message + " — ZQ_REQUIRE_PG=1 requires them")
        pytest.skip(message)
    return name


# -- PostgreSQL: a server, databases copied from templates ----------------------------------------
class PgServer:
    """The test server: creates databases (from templates) and drops them."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.base = make_url(url)
        self.prefix = f"zqt{os.getpid()}"
        self._admin = None

    def admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        if self._admin is None or self._admin.closed:
            u = self.base
            self._admin = psycopg.connect(
                host=u.host,
                port=u.port,
                user=u.username,
                password=u.password,
                dbname=u.database or "postgres",
                autocommit=True,
            )
        return self._admin

    def url(self, name: str, user: str | None = None) -> str:
        u = self.base.set(database=name)
        if user is not None:
            u = u.set(username=user, password=None)
        return u.render_as_string(hide_password=False)

    def create(self, template: str | None = None, name: str | None = None) -> str:
        name = name or f"{self.prefix}_{next(_counter)}"
        tpl = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        self.admin().execute(f'CREATE DATABASE "{name}"{tpl}')
        return name

    def drop(self, name: str) -> None:
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    if not PG_URL:
        yield None
        return
    server = PgServer(PG_URL)
    made: list[str] = []
    server.made = made  # type: ignore[attr-defined]
    yield server
    for name in made:
        server.drop(name)
    server.close()


@pytest.fixture(scope="session")
def pg_empty_template(pg_server: PgServer | None) -> str | None:
    """A migrated, empty database that each test's database is copied from."""
    if pg_server is None:
        return None
    name = pg_server.create(name=f"{pg_server.prefix}_empty")
    pg_server.made.append(name)  # type: ignore[attr-defined]
    open_database(pg_server.url(name)).close()
    return name


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer | None, pg_empty_template: str | None) -> str | None:
    if pg_server is None:
        return None
    from zqtracker.services.demo import write_demo

    name = pg_server.create(pg_empty_template, name=f"{pg_server.prefix}_demo")
    pg_server.made.append(name)  # type: ignore[attr-defined]
    db = open_database(pg_server.url(name))
    write_demo(db)
    db.close()
    return name


def _pg_copy(pg_server: PgServer, template: str) -> Iterator[str]:
    name = pg_server.create(template)
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop(name)


# -- the fixtures tests use ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sqlite_empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file that each test's database is copied from: migrating a new file
    takes ~0.5 s (the batch rebuilds of SQLite's migrations), copying it ~1 ms."""
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_database(path).close()
    assert not Path(f"{path}-wal").exists(), "the template was left with a write-ahead log"
    return path


@pytest.fixture
def db_url(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty, migrated database of the engine: a SQLite file, or a PostgreSQL URL (each a
    copy of a migrated template). ``empty_url`` gives one with no schema at all."""
    if engine_name == "sqlite":
        path = tmp_path / "test.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_empty_template"), path)
        yield str(path)
        return
    server = request.getfixturevalue("pg_server")
    yield from _pg_copy(server, request.getfixturevalue("pg_empty_template"))


@pytest.fixture
def empty_url(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no schema at all (not the migrated template ``db_url`` copies): a SQLite path not
    yet created, or an empty PostgreSQL database."""
    if engine_name == "sqlite":
        yield str(tmp_path / "empty.sqlite")
        return
    server = request.getfixturevalue("pg_server")
    name = server.create()
    try:
        yield server.url(name)
    finally:
        server.drop(name)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
    yield db
    db.close()


@pytest.fixture
def ctx(database: Database) -> AppContext:
    return AppContext.for_database(database)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per test session; tests get their own copy of it."""
    from zqtracker.services.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    write_demo(db)
    db.close()
    return path


@pytest.fixture
def demo_copies(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[], str]]:
    """Makes private copies of the demo database on the engine (as many as a test wants)."""
    made: list[str] = []

    def copy() -> str:
        if engine_name == "sqlite":
            path = tmp_path / ("demo.sqlite" if not made else f"demo-{len(made)}.sqlite")
            shutil.copy(request.getfixturevalue("demo_template"), path)
            made.append(str(path))
            return str(path)
        server = request.getfixturevalue("pg_server")
        name = server.create(request.getfixturevalue("pg_demo_template"))
        made.append(name)
        return server.url(name)

    yield copy
    if engine_name != "sqlite":
        for name in made:
            request.getfixturevalue("pg_server").drop(name)


@pytest.fixture
def demo_url(demo_copies: Callable[[], str]) -> str:
    """A private copy of the demo database, on the engine."""
    return demo_copies()


@pytest.fixture
def demo_ctx(demo_url: str) -> Iterator[AppContext]:
    context = AppContext.open(demo_url)
    yield context
    context.close()


AUDIT_TABLES = ("project_changes",)  # the trail only grows: an undo is recorded, not erased


def dump(target: Database | str | os.PathLike[str]) -> dict[str, list[tuple]]:
    """Every row of every zqtracker table, as stored: what 'exactly as before' is compared on (the
    audit trail aside)."""
    from sqlalchemy import text

    from zqtracker.storage.tables import Base

    db = target if isinstance(target, Database) else open_database(target, migrate=False, create=False)
    try:
        with db.engine.connect() as conn:
            return {
                t.name: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t.name}"))), key=repr)
                for t in Base.metadata.sorted_tables
                if t.name not in AUDIT_TABLES
            }
    finally:
        if db is not target:
            db.close()
