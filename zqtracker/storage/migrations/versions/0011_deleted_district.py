"""A deleted project's district is kept in the audit trail.

Revision ID: 0011_deleted_district
Revises: 0010_unknown_type_origin
Create Date: 2026-12-05

The 'deleted' row of project_changes now records, as its new_value, the name of the district the project
was in when it was deleted (old_value is its name, as before). The import names a row that adds back a
project a user deleted (services/import_changes.readded) by its name *and* district: a trail that knew the
district only when a change of it had been recorded took a new 鼎湖区 project for a deleted 高要区 one of
the same name. No table changes: on PostgreSQL the trigger function zq_audit_projects is replaced (its
SECURITY DEFINER and search_path, which storage/server_roles sets, kept); on SQLite the program installs
its TEMP triggers itself (storage/audit.py). Older 'deleted' rows keep a NULL new_value.
"""

from __future__ import annotations

from alembic import op

revision = "0011_deleted_district"
down_revision = "0010_unknown_type_origin"
branch_labels = None
depends_on = None

SKIPPED = "('id', 'created_at', 'updated_at', 'version', 'last_activity_on')"

_FUNCTION = r"""
CREATE OR REPLACE FUNCTION zq_audit_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT n.id, n.code, n.name, zq_audit_action(), zq_audit_source(), 'created', NULL, n.name, session_user,
           now() AT TIME ZONE 'utc' FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT o.id, o.code, o.name, zq_audit_action(), zq_audit_source(), 'deleted', o.name, DELETED_VALUE,
           session_user, now() AT TIME ZONE 'utc' FROM old_rows o;
  ELSE
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT n.id, n.code, n.name, zq_audit_action(), zq_audit_source(), d.key,
           zq_audit_shown(d.key, d.old), zq_audit_shown(d.key, d.new), session_user, now() AT TIME ZONE 'utc'
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (
      SELECT a.key, a.value AS old, b.value AS new
      FROM jsonb_each_text(to_jsonb(o)) a JOIN jsonb_each_text(to_jsonb(n)) b ON b.key = a.key
      WHERE a.value IS DISTINCT FROM b.value AND a.key NOT IN SKIPPED_FIELDS
    ) d;
  END IF;
  PERFORM pg_notify('zqtracker', TG_TABLE_NAME);  -- open windows elsewhere reload (at commit)
  RETURN NULL;
END $$;
"""


def _replace(deleted_value: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # CREATE OR REPLACE resets SECURITY DEFINER and SET search_path: put back what server_roles had set
    secured = bind.exec_driver_sql(
        "SELECT prosecdef, proconfig FROM pg_proc WHERE proname = 'zq_audit_projects' AND pronargs = 0"
    ).first()
    op.execute(_FUNCTION.replace("SKIPPED_FIELDS", SKIPPED).replace("DELETED_VALUE", deleted_value))
    if secured is not None and secured[0]:
        op.execute("ALTER FUNCTION zq_audit_projects() SECURITY DEFINER")
    for setting in (secured[1] or []) if secured is not None else []:
        name, _, value = setting.partition("=")
        if name == "search_path":
            op.execute(f"ALTER FUNCTION zq_audit_projects() SET search_path = {value}")


def upgrade() -> None:
    _replace("(SELECT d.name FROM districts d WHERE d.id = o.district_id)")


def downgrade() -> None:
    _replace("NULL")
