"""The audit trail (留痕): project_changes, and on PostgreSQL the triggers that fill it.

Revision ID: 0006_audit_trail
Revises: 0005_cube_index
Create Date: 2026-12-03

The triggers also NOTIFY channel ``zqtracker`` (delivered at commit), which open windows listen
to. On SQLite the program installs TEMP triggers on each connection (storage/audit.py), since who
made a change is the operating system's user there; on PostgreSQL the server records it itself,
as session_user, whatever program writes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_audit_trail"
down_revision = "0005_cube_index"
branch_labels = None
depends_on = None

SKIPPED = "('id', 'created_at', 'updated_at', 'version', 'last_activity_on')"

PG_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION zq_audit_action() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('zqtracker.action', true), ''), 'edit') $$;

CREATE OR REPLACE FUNCTION zq_audit_source() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('zqtracker.source', true), '') $$;

CREATE OR REPLACE FUNCTION zq_audit_shown(field text, value text) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT CASE field
     WHEN 'sector_id' THEN (SELECT name FROM sectors WHERE id = value::int)
     WHEN 'district_id' THEN (SELECT name FROM districts WHERE id = value::int)
     WHEN 'enterprise_id' THEN (SELECT name FROM enterprises WHERE id = value::int)
     ELSE value END $$;

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
    SELECT o.id, o.code, o.name, zq_audit_action(), zq_audit_source(), 'deleted', o.name, NULL, session_user,
           now() AT TIME ZONE 'utc' FROM old_rows o;
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

CREATE OR REPLACE FUNCTION zq_audit_amounts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE inv boolean := TG_TABLE_NAME = 'investment_records';
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT c.project_id, p.code, p.name, zq_audit_action(), zq_audit_source(),
           CASE WHEN inv THEN 'investment ' || c.year || '-' || lpad(c.month, 2, '0') ELSE 'plan ' || c.year END,
           c.old_amount::text, c.new_amount::text, session_user, now() AT TIME ZONE 'utc'
    FROM (SELECT n.project_id, n.year, to_jsonb(n) ->> 'month' AS month, NULL::bigint AS old_amount,
                 n.amount AS new_amount FROM zq_new n) c
    LEFT JOIN projects p ON p.id = c.project_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT c.project_id, p.code, p.name, zq_audit_action(), zq_audit_source(),
           CASE WHEN inv THEN 'investment ' || c.year || '-' || lpad(c.month, 2, '0') ELSE 'plan ' || c.year END,
           c.old_amount::text, c.new_amount::text, session_user, now() AT TIME ZONE 'utc'
    FROM (SELECT o.project_id, o.year, to_jsonb(o) ->> 'month' AS month, o.amount AS old_amount,
                 NULL::bigint AS new_amount FROM zq_old o) c
    LEFT JOIN projects p ON p.id = c.project_id;
  ELSE
    INSERT INTO project_changes (project_id, project_code, project_name, action, source, field, old_value,
                                 new_value, user_name, changed_at)
    SELECT c.project_id, p.code, p.name, zq_audit_action(), zq_audit_source(),
           CASE WHEN inv THEN 'investment ' || c.year || '-' || lpad(c.month, 2, '0') ELSE 'plan ' || c.year END,
           c.old_amount::text, c.new_amount::text, session_user, now() AT TIME ZONE 'utc'
    FROM (SELECT n.project_id, n.year, to_jsonb(n) ->> 'month' AS month, o.amount AS old_amount,
                 n.amount AS new_amount
          FROM zq_old o JOIN zq_new n ON n.project_id = o.project_id AND n.year = o.year
           AND (to_jsonb(n) ->> 'month') IS NOT DISTINCT FROM (to_jsonb(o) ->> 'month')
          WHERE o.amount IS DISTINCT FROM n.amount) c
    LEFT JOIN projects p ON p.id = c.project_id;
  END IF;
  PERFORM pg_notify('zqtracker', TG_TABLE_NAME);  -- open windows elsewhere reload (at commit)
  RETURN NULL;
END $$;
"""


def _pg_triggers() -> list[str]:
    out = []
    for event, refs in (("INSERT", "NEW TABLE AS new_rows"), ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                        ("DELETE", "OLD TABLE AS old_rows")):  # fmt: skip
        out.append(f"CREATE TRIGGER zq_audit_projects_{event.lower()} AFTER {event} ON projects REFERENCING {refs} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION zq_audit_projects()")  # fmt: skip
    return out


def upgrade() -> None:
    op.create_table(
        "project_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("project_code", sa.String(length=64), nullable=True),
        sa.Column("project_name", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_changes")),
    )
    op.create_index("ix_project_changes_project", "project_changes", ["project_id", "id"])
    op.create_index("ix_project_changes_changed_at", "project_changes", ["changed_at"])
    op.create_index("ix_project_changes_user", "project_changes", ["user_name", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTIONS.replace("SKIPPED_FIELDS", SKIPPED))
        for statement in _pg_triggers():
            op.execute(statement)
        for table in ("investment_records", "annual_plans"):
            for event, refs in (("INSERT", "NEW TABLE AS zq_new"),
                                ("UPDATE", "OLD TABLE AS zq_old NEW TABLE AS zq_new"),
                                ("DELETE", "OLD TABLE AS zq_old")):  # fmt: skip
                op.execute(f"CREATE TRIGGER zq_audit_{table}_{event.lower()} AFTER {event} ON {table} "
                           f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION zq_audit_amounts()")  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("projects", "investment_records", "annual_plans"):
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS zq_audit_{table}_{event} ON {table}")
        for fn in ("zq_audit_projects()", "zq_audit_amounts()",
                   "zq_audit_amount_rows(int, int, int, bigint, bigint, boolean)", "zq_audit_shown(text, text)", "zq_audit_action()",
                   "zq_audit_source()"):  # fmt: skip
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    op.drop_table("project_changes")
