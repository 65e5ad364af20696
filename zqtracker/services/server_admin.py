"""Moving a bureau's database: ``db copy`` from a SQLite file to a server (or back, or a server
backup onto a server), every table, checked on both sides."""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.storage.database import DatabaseOpenError, open_database
from zqtracker.storage.transfer import copy_all, delete_all, fingerprint


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # per table, as counted on both sides
    checked: bool = False  # row counts and per-table sums equal on both sides


class CopyRefused(Exception):
    """One sentence: why the copy was not made (nothing was written)."""


def copy_database(source: str, target: str, *, replace: bool = False) -> CopyReport:
    """Every table of ``source`` into ``target`` (created or brought to this schema first), in one
    transaction on the target; then each table's row count and the sums of its integer columns are
    computed by each database and compared. ``target`` must hold no projects unless ``replace``
    (which replaces everything it holds, its audit trail included)."""
    src = open_database(source, migrate=False, create=False)
    try:
        dst = open_database(target)
    except DatabaseOpenError:
        src.close()
        raise
    report = CopyReport(src.display_name, dst.display_name)
    try:
        snapshot = {"isolation_level": "REPEATABLE READ"} if src.engine.dialect.name == "postgresql" else {}
        with src.engine.connect().execution_options(**snapshot) as s, s.begin(), dst.engine.begin() as d:
            held = fingerprint(d)
            if not replace and any(v["rows"] for v in held.values()):
                busy = ", ".join(f"{k} ({v['rows']})" for k, v in held.items() if v["rows"])
                raise CopyRefused(
                    f"{dst.display_name} is not empty ({busy}); nothing was copied. "
                    "Use --replace to replace everything it holds."
                )
            if replace:
                delete_all(d)
            copy_all(s, d)
            theirs, ours = fingerprint(s), fingerprint(d)
            if theirs != ours:
                differing = [t for t in theirs if theirs[t] != ours.get(t)]
                raise CopyRefused(
                    f"the copy differs from {src.display_name} in {', '.join(differing)}; nothing was copied."
                )
            report.rows = {t: v["rows"] for t, v in ours.items()}
            report.checked = True
    finally:
        src.close()
        dst.close()
    return report


KINDS = ("analyst", "district", "reader")


class AccountError(Exception):
    """One sentence: why the accounts were not changed (nothing was)."""


def init_server(url: str) -> str:
    """Schema (migrated), the three kinds of account, their grants and row-level policies, on the
    server database at ``url`` (as its owner). Returns the database's display name."""
    from zqtracker.storage.server_roles import init_server as install

    database = open_database(url)
    try:
        if database.engine.dialect.name != "postgresql":
            raise AccountError(f"{database.display_name} is not a PostgreSQL database: accounts live on a server.")
        with database.engine.begin() as conn:
            install(conn)
        return database.display_name
    finally:
        database.close()


def grant(url: str | None, user: str, kind: str, districts: list[str]) -> tuple[bool, list[tuple[str, str, list[str]]]]:
    """Make ``user`` an account of ``kind`` (district staff: of ``districts``, which must exist).
    Returns whether the login role was created, and every account afterwards."""
    from zqtracker.storage.server_roles import accounts
    from zqtracker.storage.server_roles import grant as give

    if kind not in KINDS:
        raise AccountError(f"unknown kind of account {kind!r}: analyst, district or reader")
    if (kind == "district") != bool(districts):
        raise AccountError("a district account needs --district (and only it does)")
    database = open_database(url)
    try:
        if database.engine.dialect.name != "postgresql":
            raise AccountError(f"{database.display_name} is not a PostgreSQL database: accounts live on a server.")
        with database.engine.begin() as conn:
            if not conn.exec_driver_sql("SELECT to_regclass('zq_district_staff')").scalar():
                raise AccountError(
                    f"{database.display_name} has no accounts yet: run `zqtracker db init-server` first."
                )
            known: dict[str, int] = dict(conn.exec_driver_sql("SELECT name, id FROM districts").all())
            missing = [d for d in districts if d not in known]
            if missing:
                raise AccountError(f"no district called {missing[0]!r} in {database.display_name}")
            created = give(conn, user, kind, [known[d] for d in districts])
            return created, accounts(conn)
    finally:
        database.close()
