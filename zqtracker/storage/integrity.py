"""Integrity checks: SQLite's own page check, foreign keys, and the rules of our schema."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from zqtracker.storage.db_errors import DatabaseOpenError, fault_of, integrity_lines
from zqtracker.storage.schema import SCHEMA_REVISION
from zqtracker.storage.sqlite_file import connect_read_only, inspect_sqlite_file
from zqtracker.storage.tables import InvestmentRow, ProjectTable


def integrity_problems(session: Session) -> list[str]:
    problems: list[str] = []
    if session.get_bind().dialect.name == "sqlite":
        for (line,) in session.execute(text("PRAGMA integrity_check")):
            if line != "ok":
                problems.append(f"SQLite: {line}")
        for row in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"row {row[1]} of {row[0]} points to a missing {row[2]}")
    negative = session.scalar(select(func.count()).where(ProjectTable.planned_investment < 0)) or 0
    if negative:
        problems.append(f"{negative} project(s) with negative planned investment")
    bad_months = session.scalar(select(func.count()).where((InvestmentRow.month < 1) | (InvestmentRow.month > 12))) or 0
    if bad_months:
        problems.append(f"{bad_months} investment record(s) with a month outside 1–12")
    drift = (
        session.scalar(
            select(func.count())
            .select_from(InvestmentRow)
            .join(ProjectTable, ProjectTable.id == InvestmentRow.project_id)
            .where(
                InvestmentRow.sector_id.is_distinct_from(ProjectTable.sector_id)
                | InvestmentRow.district_id.is_distinct_from(ProjectTable.district_id)
            )
        )
        or 0
    )
    if drift:
        problems.append(f"{drift} investment record(s) whose sector or district differs from their project's")
    from zqtracker.storage.last_activity import drift as activity_drift

    stale_dates = activity_drift(session)
    if stale_dates:
        problems.append(f"{stale_dates} project(s) whose stored last activity differs from their history and records")
    return problems


@dataclass
class FileCheck:
    """What a SQLite file is, read without changing it."""

    schema: str | None = None
    projects: int | None = None
    problems: list[str] = field(default_factory=list)
    refusal: DatabaseOpenError | None = None  # the file cannot be used at all, and why


MAX_MESSAGES = 100


def check_sqlite_file(path: Path) -> FileCheck:
    """SQLite's ``integrity_check`` (every page, every index entry), the indexes our schema
    declares (an interrupted bulk load once dropped them for good), foreign keys, then — for a
    file of the current schema — the rules of the schema. Never writes; never raises for damage."""
    from zqtracker.storage.migrate import head_revision, known_revisions

    found = FileCheck()
    try:
        found.schema = inspect_sqlite_file(path)
    except DatabaseOpenError as exc:
        found.refusal = exc
        return found
    if found.schema is None:
        found.refusal = DatabaseOpenError("missing", file=str(path))
        return found
    if found.schema not in known_revisions():
        found.refusal = DatabaseOpenError("newer_schema", file=str(path), schema=found.schema, known=head_revision())
        return found
    try:
        con = connect_read_only(path)
    except sqlite3.Error as exc:
        found.refusal = fault_of(exc, str(path)) or DatabaseOpenError("cannot_open", file=str(path), detail=str(exc))
        return found
    try:
        try:
            lines = [str(r[0]) for r in con.execute(f"PRAGMA integrity_check({MAX_MESSAGES})")]
        except sqlite3.DatabaseError as exc:
            fault = fault_of(exc, str(path))
            if fault is not None and fault.reason == "locked":
                found.refusal = fault
                return found
            lines = [str(exc)]
        found.problems += [f"SQLite: {line}" for line in integrity_lines(lines) if line != "ok"]
        try:
            found.projects = int(con.execute("SELECT count(*) FROM projects").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            found.problems.append(f"SQLite: {exc}")
        if found.schema == SCHEMA_REVISION:
            found.problems += _missing_indexes(con)
        try:
            for row in con.execute("PRAGMA foreign_key_check").fetchmany(MAX_MESSAGES):
                found.problems.append(f"row {row[1]} of {row[0]} points to a missing {row[2]}")
        except sqlite3.DatabaseError as exc:
            found.problems.append(f"SQLite: {exc}")
    finally:
        con.close()
    if not found.problems and found.schema == SCHEMA_REVISION:
        found.problems += _rule_problems(path)
    return found


def _missing_indexes(con: sqlite3.Connection) -> list[str]:
    from zqtracker.storage.tables import Base

    present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = sorted(
        f"{table.name}.{index.name}" for table in Base.metadata.sorted_tables for index in table.indexes
        if index.name not in present
    )  # fmt: skip
    return [f"index {name} is missing (`zqtracker db upgrade` rebuilds it)" for name in missing]


def _rule_problems(path: Path) -> list[str]:
    """The rules of our schema, over a read-only engine (the file is not changed)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session as _Session

    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))
    try:
        with _Session(engine) as s:
            return integrity_problems(s)
    finally:
        engine.dispose()


def rebuild_missing_indexes(session: Session) -> list[str]:
    """Create the indexes our schema declares that the file lacks; their names."""
    from sqlalchemy import inspect

    from zqtracker.storage.tables import Base

    conn = session.connection()
    made = []
    for table in Base.metadata.sorted_tables:
        present = {i["name"] for i in inspect(conn).get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(conn)
                made.append(f"{table.name}.{index.name}")
    return made
