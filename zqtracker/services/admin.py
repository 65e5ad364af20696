"""Database housekeeping: backup, integrity check, demo database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from zqtracker.services.demo import DEFAULT_PROJECTS, DemoResult, write_demo
from zqtracker.storage.database import Database, DatabaseOpenError, default_data_dir, open_database
from zqtracker.storage.integrity import integrity_problems
from zqtracker.storage.meta import clear_all, get_meta, project_count
from zqtracker.storage.schema import SCHEMA_REVISION


@dataclass
class CheckReport:
    database: str
    schema: str
    projects: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def default_backup_path(database: Database) -> Path:
    stem = database.sqlite_path.stem if database.sqlite_path else (database.engine.url.database or "zqtracker")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return default_data_dir() / "backups" / f"{stem}-{stamp}.sqlite"


def backup(database: Database, target: Path | None = None) -> Path:
    """A SQLite file's consistent copy; of a server database, a SQLite file holding all of it
    (portable: `db restore` reads it back, and zqtracker opens it like any database)."""
    target = target or default_backup_path(database)
    if database.sqlite_path is None:
        from zqtracker.storage.transfer import backup_to_sqlite

        return backup_to_sqlite(database.engine, target)
    return database.backup_to(target)


def check(database: Database) -> CheckReport:
    with database.session() as s:
        problems = integrity_problems(s)
        n = project_count(s)
    return CheckReport(database.display_name, SCHEMA_REVISION, n, problems)


def is_demo(database: Database) -> bool:
    with database.session() as s:
        return get_meta(s, "demo") == "1"


class NotEmptyError(Exception):
    """The target database already holds real (non-demo) projects."""


def create_demo(database: Database, n_projects: int = DEFAULT_PROJECTS, *, replace_demo: bool = True) -> DemoResult:
    """Fill ``database`` with demo data. A database holding real projects is never touched."""
    with database.session() as s:
        n = project_count(s)
        demo = get_meta(s, "demo") == "1"
        if n and not demo:
            raise NotEmptyError(
                f"{database.display_name} already holds {n} real project(s); "
                "demo data goes into an empty database (use --db another.sqlite)."
            )
        if n and not replace_demo:
            raise NotEmptyError(f"{database.display_name} already holds demo data.")
        if n or demo:
            clear_all(s)
    return write_demo(database, n_projects)


def open_demo_database(path: Path, n_projects: int = DEFAULT_PROJECTS) -> Database:
    """The demo database the app opens with ``--demo``: created when absent, reused after."""
    database = open_database(path)
    if not is_demo(database):
        try:
            create_demo(database, n_projects)
        except NotEmptyError as exc:
            database.close()
            raise DatabaseOpenError("not_demo", str(exc)) from None
    return database
