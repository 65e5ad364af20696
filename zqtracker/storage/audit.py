"""The audit trail (留痕): every change of a project — field, old and new value, who, when, and
through which action (an edit, the import of a file, a bulk change, an undo) — in ``project_changes``.

Recorded by the database itself, so that no write path can forget it: on PostgreSQL by triggers
the migration installs (statement-level, with transition tables: one INSERT … SELECT per statement
however many rows an import writes), who being the server's own ``session_user``; on SQLite by
TEMP triggers storage installs on each connection before its first write, who being the operating
system's user name. The action and its source (the file's name) travel with the transaction:
``set_config(…, is_local)`` on the server, a one-row TEMP table on SQLite.

Values are kept as text, sector/district/enterprise by name (as they were called then). A deletion's
row keeps the project's name as its old value and, since migration 0011, its district's name as its new
value (what the import matches a deleted project by: storage.audit.deleted_projects); read_changes shows
no new value for it.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import Connection

from zqtracker.storage.tables import ProjectTable

# What the current write is doing: set by the services (and the desktop's undo) around a write.
_ACTION: ContextVar[tuple[str, str | None] | None] = ContextVar("zq_action", default=None)

SKIPPED = ("id", "created_at", "updated_at", "version", "last_activity_on")  # bookkeeping, not content
REFERENCES = {"sector_id": "sectors", "district_id": "districts", "enterprise_id": "enterprises"}


@contextmanager
def acting(action: str, source: str | None = None) -> Iterator[None]:
    """Writes inside this block are recorded as ``action`` (of ``source``, e.g. a file's name).
    The outermost says it: an undo that deletes a project is an undo, not a delete."""
    token = _ACTION.set(_ACTION.get() or (action, source))
    try:
        yield
    finally:
        _ACTION.reset(token)


def current_action() -> tuple[str, str | None]:
    return _ACTION.get() or ("edit", None)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return "unknown"


def access_refused(exc: BaseException, user: str):
    """The server's refusal of a privilege or a row-level-security policy, as AccessRefused."""
    from zqtracker.domain.errors import AccessRefused

    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) == "42501":  # insufficient_privilege: grants and RLS alike
        lines = str(orig).strip().splitlines()
        return AccessRefused(user, lines[0] if lines else "")
    return None


def end_write(conn: Connection) -> None:
    """Before the commit: the context goes with the transaction (a later write says its own)."""
    if conn.dialect.name == "sqlite" and conn.connection.info.get("zq_audit"):
        conn.exec_driver_sql("DELETE FROM temp.zq_context")  # (present: begin_write saw to it)


def begin_write(conn: Connection) -> None:
    """At the start of a write transaction: say what it does (and on SQLite, install the triggers)."""
    action, source = current_action()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "SELECT set_config('zqtracker.action', %s, true), set_config('zqtracker.source', %s, true)",
            (action, source or ""),
        )
        return
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.dbapi_connection
    # Installed inside this transaction: a write that fails rolls them back, so look each time.
    if not conn.exec_driver_sql("SELECT 1 FROM sqlite_temp_master WHERE name = 'zq_context'").first():
        if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'project_changes'").first():
            conn.connection.info["zq_audit"] = False
            return  # a database older than the audit trail (being migrated)
        for statement in _sqlite_triggers():
            raw.execute(statement)  # type: ignore[union-attr]
    conn.connection.info["zq_audit"] = True
    conn.exec_driver_sql("DELETE FROM temp.zq_context")
    conn.exec_driver_sql("INSERT INTO temp.zq_context VALUES (?, ?, ?)", (action, source, os_user()))


# The row triggers a bulk insert stands in for (storage.engine), by table.
BULK_AUDIT = {"projects": "zq_audit_projects_insert", "investment_records": "zq_audit_investment_insert"}
_RECORD = "(SELECT code FROM projects WHERE id = {0}.project_id), (SELECT name FROM projects WHERE id = {0}.project_id)"
_INVESTMENT_FIELD = "'investment ' || {0}.year || '-' || substr('0' || {0}.month, -2)"


def _sqlite_parts() -> tuple[str, str, str, str, str]:
    """The INSERT into project_changes and the SQL of its action, source, user and time."""
    ctx = "(SELECT {} FROM temp.zq_context)"
    who = os_user().replace("'", "''")
    # A write outside Database.write() (none should be) is still recorded, as an edit.
    action, source = f"COALESCE({ctx.format('action')}, 'edit')", ctx.format("source")
    user = f"COALESCE({ctx.format('user_name')}, '{who}')"
    now = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    head = (
        "INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, "
        "old_value, new_value, user_name, changed_at) "
    )
    return head, action, source, user, now


def bulk_audit_sql(table: str) -> str:
    """SQLite: the rows the BULK_AUDIT trigger of ``table`` writes, in one statement, for the
    projects with ids BETWEEN ? AND ? or the investment months past rowid ?. A bulk insert drops
    the trigger and runs this after: the trigger runs a program per row (half the time of
    inserting 100k projects)."""
    head, action, source, user, now = _sqlite_parts()
    if table == "projects":
        return (
            f"{head}SELECT id, code, name, {action}, {source}, 'created', NULL, name, {user}, {now} "
            "FROM main.projects WHERE id BETWEEN ? AND ? ORDER BY id"
        )
    assert table == "investment_records"
    return (
        f"{head}SELECT r.project_id, p.code, p.name, {action}, {source}, {_INVESTMENT_FIELD.format('r')}, "
        f"NULL, CAST(r.amount AS TEXT), {user}, {now} FROM main.investment_records AS r "
        "LEFT JOIN main.projects AS p ON p.id = r.project_id WHERE r.rowid > ? ORDER BY r.rowid"
    )


def sqlite_trigger(name: str) -> str:
    """The CREATE statement of one of the TEMP triggers."""
    return next(s for s in _sqlite_triggers() if s.startswith(f"CREATE TEMP TRIGGER {name} "))


def _sqlite_triggers() -> list[str]:
    """TEMP triggers (this connection only; they may write to the main database's tables)."""
    head, action, source, user, now = _sqlite_parts()

    def shown(alias: str, column: str) -> str:
        if column in REFERENCES:
            return f"(SELECT name FROM {REFERENCES[column]} WHERE id = {alias}.{column})"
        return f"CAST({alias}.{column} AS TEXT)"

    columns = [c.name for c in ProjectTable.__table__.columns if c.name not in SKIPPED]
    diffs = " UNION ALL ".join(
        f"SELECT NEW.id, NEW.code, NEW.name, {action}, {source}, '{c}', {shown('OLD', c)}, {shown('NEW', c)}, "
        f"{user}, {now} WHERE OLD.{c} IS NOT NEW.{c}"
        for c in columns
    )
    return [
        "CREATE TEMP TABLE IF NOT EXISTS zq_context (action TEXT, source TEXT, user_name TEXT)",
        "DROP TRIGGER IF EXISTS temp.zq_audit_projects_insert",
        "DROP TRIGGER IF EXISTS temp.zq_audit_projects_update",
        "DROP TRIGGER IF EXISTS temp.zq_audit_projects_delete",
        "DROP TRIGGER IF EXISTS temp.zq_audit_investment_insert",
        "DROP TRIGGER IF EXISTS temp.zq_audit_investment_update",
        "DROP TRIGGER IF EXISTS temp.zq_audit_investment_delete",
        "DROP TRIGGER IF EXISTS temp.zq_audit_plans_insert",
        "DROP TRIGGER IF EXISTS temp.zq_audit_plans_update",
        "DROP TRIGGER IF EXISTS temp.zq_audit_plans_delete",
        f"CREATE TEMP TRIGGER {BULK_AUDIT['projects']} AFTER INSERT ON main.projects BEGIN {head}"
        f"VALUES (NEW.id, NEW.code, NEW.name, {action}, {source}, 'created', NULL, NEW.name, {user}, {now}); END",
        # OF the recorded columns: an UPDATE that sets none of them (a last activity moved forward
        # for 60k projects by a monthly import) does not run the comparisons per row.
        f"CREATE TEMP TRIGGER zq_audit_projects_update AFTER UPDATE OF {', '.join(columns)} ON main.projects "
        f"BEGIN {head}{diffs}; END",
        f"CREATE TEMP TRIGGER zq_audit_projects_delete AFTER DELETE ON main.projects BEGIN {head}"
        f"VALUES (OLD.id, OLD.code, OLD.name, {action}, {source}, 'deleted', OLD.name, {shown('OLD', 'district_id')}, "
        f"{user}, {now}); END",
        *(
            f"CREATE TEMP TRIGGER zq_audit_{name}_{event.lower()} AFTER {event} ON main.{table} BEGIN {head}"
            f"SELECT {row}.project_id, {_RECORD.format(row)}, {action}, {source}, {field}, {old}, {new}, {user}, "
            f"{now}{where}; END"
            for name, table, field_of in (
                ("investment", "investment_records", _INVESTMENT_FIELD),
                ("plans", "annual_plans", "'plan ' || {0}.year"),
            )
            for event, row, old, new, where in (
                ("INSERT", "NEW", "NULL", "CAST(NEW.amount AS TEXT)", ""),
                (
                    "UPDATE",
                    "NEW",
                    "CAST(OLD.amount AS TEXT)",
                    "CAST(NEW.amount AS TEXT)",
                    " WHERE OLD.amount IS NOT NEW.amount",
                ),
                ("DELETE", "OLD", "CAST(OLD.amount AS TEXT)", "NULL", ""),
            )
            for field in (field_of.format(row),)
        ),
    ]


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One recorded change, as stored (values as text)."""

    id: int
    project_id: int
    project_code: str | None
    project_name: str | None
    action: str
    source: str | None
    field: str
    old_value: str | None
    new_value: str | None
    user_name: str
    changed_at: object


def _normal(field: str, value: str | None) -> str | None:
    """A stored value as the same text on either engine (booleans, scaled land area)."""
    if value is None:
        return None
    if field == "is_key_project":
        return "true" if value.lower() in ("1", "true", "t") else "false"
    if field == "land_area_mu":
        from decimal import Decimal

        return str(Decimal(int(value)).scaleb(-4).normalize())
    return value


def read_changes(session, *, project_id: int | None = None, code: str | None = None, user: str | None = None,
                 since: object = None, limit: int | None = None) -> list[ChangeRow]:  # fmt: skip
    """Recorded changes, newest first."""
    from sqlalchemy import select

    from zqtracker.storage.tables import ProjectChangeRow as C

    stmt = select(C.id, C.project_id, C.project_code, C.project_name, C.action, C.source, C.field, C.old_value,
                  C.new_value, C.user_name, C.changed_at).order_by(C.id.desc())  # fmt: skip
    if project_id is not None:
        stmt = stmt.where(C.project_id == project_id)
    if code is not None:
        stmt = stmt.where(C.project_code == code)
    if user is not None:
        stmt = stmt.where(C.user_name == user)
    if since is not None:
        stmt = stmt.where(C.changed_at >= since)
    if limit is not None:
        stmt = stmt.limit(limit)
    out = []
    for r in session.execute(stmt):
        field = {"sector_id": "sector", "district_id": "district", "enterprise_id": "enterprise"}.get(r.field, r.field)
        new_value = None if field == "deleted" else r.new_value  # (a deletion's district: deleted_projects)
        out.append(
            ChangeRow(
                r.id,
                r.project_id,
                r.project_code,
                r.project_name,
                r.action,
                r.source,
                field,
                _normal(r.field, r.old_value),
                _normal(r.field, new_value),
                r.user_name,
                r.changed_at,
            )
        )
    return out


def latest_change(session, project_ids: list[int]) -> ChangeRow | None:
    """The latest recorded change of any of ``project_ids`` (None: none recorded)."""
    from sqlalchemy import select

    from zqtracker.storage.tables import ProjectChangeRow as C

    if not project_ids:
        return None
    stmt = select(C.project_id).where(C.project_id.in_(project_ids)).order_by(C.id.desc()).limit(1)
    pid = session.execute(stmt).scalar()
    return None if pid is None else read_changes(session, project_id=pid, limit=1)[0]


def deleted_projects(session) -> list[tuple]:
    """Projects deleted by a user (an edit's delete, or its redo) and not back since (an undo of the
    delete puts the same id back): (id, code, name, district or None, user, when), the latest deletion
    first. The district is what the deletion recorded (migration 0011 on); an older deletion's is the
    last recorded change of it, if any (a project's creation records its name alone). One statement,
    whatever the trail holds."""
    from sqlalchemy import text

    return [
        tuple(r)
        for r in session.execute(
            text(
                "SELECT c.project_id, c.project_code, c.project_name, COALESCE(c.new_value, (SELECT d.new_value "
                "FROM project_changes d WHERE d.project_id = c.project_id AND d.field = 'district_id' AND d.id < c.id "
                "ORDER BY d.id DESC LIMIT 1)), c.user_name, c.changed_at FROM project_changes c "
                "WHERE c.field = 'deleted' AND c.action IN ('delete', 'redo') "
                "AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id) ORDER BY c.id DESC"
            )
        )
    ]
