"""Database housekeeping: backup, integrity check, demo database."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from zqtracker.domain.words import Catalogue, WordedError
from zqtracker.services.demo import DEFAULT_PROJECTS, DemoResult, write_demo
from zqtracker.storage.database import Database, DatabaseOpenError, open_database
from zqtracker.storage.integrity import integrity_problems, rebuild_missing_indexes
from zqtracker.storage.meta import clear_all, get_meta, project_count
from zqtracker.storage.schema import SCHEMA_REVISION


@dataclass
class CheckReport:
    """What ``db check`` found. ``state``: ok, damaged (pages, indexes, rows), or the reason a
    file cannot be used at all (empty_file, not_sqlite, foreign_database, newer_schema, locked …);
    ``problems`` are SQLite's own integrity messages and the rules of our schema."""

    database: str
    schema: str | None
    projects: int | None
    problems: list[str] = field(default_factory=list)
    state: str = "ok"
    advice: str = ""
    needs_upgrade: bool = False
    refusal: DatabaseOpenError | None = None  # why the file cannot be used at all

    @property
    def ok(self) -> bool:
        return not self.problems and self.state == "ok"

    def to_json(self) -> dict:
        return {"database": self.database, "schema": self.schema, "projects": self.projects, "ok": self.ok,
                "state": self.state, "problems": self.problems, "advice": self.advice,
                "needs_upgrade": self.needs_upgrade}  # fmt: skip


def check(db: Database | str | os.PathLike[str] | None, lang: str = "en") -> CheckReport:
    """Check a database without changing it: a SQLite file page by page (however damaged), then
    the rules of our schema; a server database by those rules."""
    from zqtracker.storage.integrity import check_sqlite_file
    from zqtracker.storage.locations import resolve_url, sqlite_path_of

    url = db.url if isinstance(db, Database) else resolve_url(db)
    path = sqlite_path_of(url)
    if path is not None:
        found = check_sqlite_file(path)
        report = CheckReport(str(path), found.schema, found.projects, list(found.problems))
        if found.refusal is not None:
            report.state = found.refusal.reason
            report.refusal = found.refusal
            report.advice = found.refusal.message(lang)
        elif found.problems:
            report.state = "damaged"
            report.advice = DatabaseOpenError("corrupt", file=str(path), detail=found.problems[0]).message(lang)
        report.needs_upgrade = found.schema is not None and found.schema != SCHEMA_REVISION and report.ok
        return report
    database = db if isinstance(db, Database) else open_database(db, migrate=False)
    try:
        with database.session() as s:
            problems = integrity_problems(s)
            n = project_count(s)
    finally:
        if database is not db:
            database.close()
    return CheckReport(database.display_name, SCHEMA_REVISION, n, problems, "ok" if not problems else "damaged")


def rebuild_indexes(database: Database) -> list[str]:
    """``db upgrade``: the indexes our schema declares that the file lacked (a killed import of an
    older version could drop them), created now; their names."""
    with database.session() as s:
        return rebuild_missing_indexes(s)


def backup(database: Database, target: Path | None = None) -> Path:
    from zqtracker.services import backups

    return backups.manual(database, target)


def is_demo(database: Database) -> bool:
    with database.session() as s:
        return get_meta(s, "demo") == "1"


_WORDS = Catalogue(
    "demo_refused",
    {
        "real_projects": (
            "{database} already holds {count} real project(s); demo data goes into an empty database "
            "(use --db another.sqlite).",
            "{database} 中已有 {count} 个真实项目；演示数据只能写入空数据库"
            "（请用 --db 另指一个文件，如 another.sqlite）。",
        ),
        "has_demo": ("{database} already holds demo data.", "{database} 中已有演示数据。"),
    },
)


class NotEmptyError(WordedError):
    """The target database already holds real (non-demo) projects."""


def create_demo(database: Database, n_projects: int = DEFAULT_PROJECTS, *, replace_demo: bool = True) -> DemoResult:
    """Fill ``database`` with demo data. A database holding real projects is never touched."""
    with database.session() as s:
        n = project_count(s)
        demo = get_meta(s, "demo") == "1"
        if n and not demo:
            raise NotEmptyError(_WORDS, "real_projects", database=database.display_name, count=n)
        if n and not replace_demo:
            raise NotEmptyError(_WORDS, "has_demo", database=database.display_name)
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
