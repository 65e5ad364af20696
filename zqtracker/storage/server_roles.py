"""Accounts on a PostgreSQL server: three kinds of people, enforced by the server itself.

- analyst (group role ``zq_analyst``): reads and writes everything;
- district staff (``zq_district``): reads and writes only the projects of their district(s) —
  row-level security on projects, investment records, plans, status history and the audit trail,
  with ``zq_district_staff`` saying which district is whose;
- reader (``zq_reader``, leaders): reads everything, writes nothing (no write privilege at all).

The audit trail is written by SECURITY DEFINER trigger functions: nobody can write or alter it
directly, while ``session_user`` still names who made the change.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

GROUPS = {"analyst": "zq_analyst", "district": "zq_district", "reader": "zq_reader"}
DATA = ("projects", "status_changes", "investment_records", "annual_plans")
REFERENCES = ("sectors", "districts", "enterprises")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def init_server(conn: Connection) -> None:
    """Roles, grants and policies on a migrated database (run by its owner; idempotent)."""
    x = conn.exec_driver_sql
    for group in GROUPS.values():
        x(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )
    x(
        "CREATE TABLE IF NOT EXISTS zq_district_staff (role_name text NOT NULL, "
        "district_id integer NOT NULL REFERENCES districts (id) ON DELETE CASCADE, "
        "PRIMARY KEY (role_name, district_id))"
    )
    everyone = ", ".join(GROUPS.values())
    x(f"GRANT CONNECT ON DATABASE {_quote(conn.engine.url.database or '')} TO {everyone}")
    x(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    x(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
    x("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO zq_analyst")
    x("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO zq_analyst, zq_district")
    x(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(DATA)} TO zq_district")
    x("GRANT INSERT ON sectors, enterprises TO zq_district")  # an import may name a new one
    x(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON project_changes, zq_district_staff, alembic_version FROM {everyone}")
    for fn in ("zq_audit_projects()", "zq_audit_amounts()"):
        x(f"ALTER FUNCTION {fn} SECURITY DEFINER")  # the trail is written as its owner, never by hand
        x(f"ALTER FUNCTION {fn} SET search_path = public")
    mine = "district_id IN (SELECT district_id FROM zq_district_staff WHERE role_name = current_user)"
    everything = "pg_has_role(current_user, 'zq_analyst', 'MEMBER') OR pg_has_role(current_user, 'zq_reader', 'MEMBER')"
    visible = "project_id IN (SELECT id FROM projects)"  # projects' own policies apply inside
    policies = {"projects": mine, "investment_records": mine, "status_changes": visible, "annual_plans": visible,
                "project_changes": visible}  # fmt: skip
    for table, rule in policies.items():
        x(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        x(f"DROP POLICY IF EXISTS zq_everything ON {table}")
        x(f"DROP POLICY IF EXISTS zq_own_district ON {table}")
        x(f"CREATE POLICY zq_everything ON {table} USING ({everything}) WITH CHECK ({everything})")
        x(f"CREATE POLICY zq_own_district ON {table} TO zq_district USING ({rule}) WITH CHECK ({rule})")


def grant(conn: Connection, user: str, role: str, district_ids: list[int]) -> bool:
    """Make ``user`` (created as a login role if new; True then) an analyst, district staff of
    ``district_ids``, or a reader — and nothing else of ours."""
    x = conn.exec_driver_sql
    created = not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,)).first()
    if created:
        x(f"CREATE ROLE {_quote(user)} LOGIN")
    for group in GROUPS.values():
        x(f"REVOKE {group} FROM {_quote(user)}")
    x(f"GRANT {GROUPS[role]} TO {_quote(user)}")
    x("DELETE FROM zq_district_staff WHERE role_name = %s", (user,))
    for district_id in district_ids:
        x("INSERT INTO zq_district_staff (role_name, district_id) VALUES (%s, %s)", (user, district_id))
    return created


def accounts(conn: Connection) -> list[tuple[str, str, list[str]]]:
    """(user, kind, district names) of every account of this database's kinds."""
    rows = conn.exec_driver_sql(
        "SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE g.rolname IN ('zq_analyst', 'zq_district', 'zq_reader') "
        "ORDER BY r.rolname"
    ).all()
    staff: dict[str, list[str]] = {}
    for name, district in conn.exec_driver_sql(
        "SELECT s.role_name, d.name FROM zq_district_staff s JOIN districts d ON d.id = s.district_id ORDER BY d.name"
    ):
        staff.setdefault(name, []).append(district)
    kinds = {v: k for k, v in GROUPS.items()}
    return [(user, kinds[group], staff.get(user, [])) for user, group in rows]


def owners_not_acted_as(conn: Connection, table_names: list[str]) -> tuple[str, list[str]]:
    """The current account, and the owners of ``table_names`` whose privileges it does not have
    (empty: it owns them all, is a member of their owner's role, or is a superuser). What only an
    owner may do — replace every table, the audit trail too — is decided by this before any work."""
    user = str(conn.exec_driver_sql("SELECT current_user").scalar())
    rows = conn.exec_driver_sql(
        "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid IN "
        "(SELECT to_regclass(t) FROM unnest(CAST(%s AS text[])) AS t) "
        "AND NOT pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY 1",
        (table_names,),
    ).all()
    return user, [str(r[0]) for r in rows]


_PART_ONLY = (
    "SELECT r.rolname, NOT r.rolsuper AND NOT r.rolbypassrls AND pg_has_role(r.oid, 'zq_district', 'MEMBER') "
    "AND NOT pg_has_role(r.oid, 'zq_analyst', 'MEMBER') AND NOT pg_has_role(r.oid, 'zq_reader', 'MEMBER') "
    "AND NOT COALESCE(pg_has_role(r.oid, (SELECT relowner FROM pg_class WHERE oid = to_regclass('projects')), "
    "'USAGE'), false) FROM pg_roles r WHERE r.rolname = ANY(%s)"
)


def sees_part_only(conn: Connection, names: list[str]) -> dict[str, bool]:
    """For each of ``names`` that is a role on this server: whether row-level security shows it only
    its district's projects — district staff that is not also an analyst or a reader, nor the
    tables' owner or a superuser (whom the policies do not limit, and whom pg_has_role calls a
    member of every role). A name that is no role here is left out: what it saw cannot be told."""
    if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'zq_district'").first():
        rows = conn.exec_driver_sql("SELECT rolname, false FROM pg_roles WHERE rolname = ANY(%s)", (names,)).all()
    else:
        rows = conn.exec_driver_sql(_PART_ONLY, (names,)).all()
    return {str(name): bool(part) for name, part in rows}


def reads_only(engine: Engine) -> str | None:
    """The account's name when the server lets it neither add nor change projects (a reader, or any
    account granted SELECT alone); None when it may, and for a SQLite file."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        user, may = conn.exec_driver_sql(
            "SELECT current_user,"
            " has_table_privilege('projects', 'INSERT') OR has_table_privilege('projects', 'UPDATE')"
        ).one()
    return None if may else str(user)


def writes_limited(engine: Engine) -> bool:
    """Whether the server may refuse this account part of what it reads — district staff (row-level
    security hides other districts' projects, whose codes an import would still collide with) or
    an account without write privilege (a reader): what such an account's analysis of an import
    finds is not what the server lets it write. False for a SQLite file."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        user = str(conn.exec_driver_sql("SELECT current_user").scalar())
        if not conn.exec_driver_sql("SELECT has_table_privilege('projects', 'INSERT, UPDATE')").scalar():
            return True
        return sees_part_only(conn, [user]).get(user, False)


def own_districts(engine: Engine) -> tuple[str, list[str]] | None:
    """(the account, its districts' names) when row-level security limits it to them (district staff,
    :func:`sees_part_only`); None for any other account and for a SQLite file."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        user = str(conn.exec_driver_sql("SELECT current_user").scalar())
        if not sees_part_only(conn, [user]).get(user, False):
            return None
        names = conn.exec_driver_sql(
            "SELECT d.name FROM zq_district_staff s JOIN districts d ON d.id = s.district_id "
            "WHERE s.role_name = current_user ORDER BY d.name"
        ).scalars()
        return user, [str(n) for n in names]
