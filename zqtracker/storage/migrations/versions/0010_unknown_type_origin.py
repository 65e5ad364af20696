"""A project's type and investor origin may be unknown.

Revision ID: 0010_unknown_type_origin
Revises: 0009_activity_index
Create Date: 2026-12-04

projects.project_type and investor_origin become nullable, with no default: a list without a
新建/扩建 or 内资/外资 column stores NULL (not given) instead of "new" and "domestic", so the share of
foreign-invested projects no longer counts every unknown one as domestic. The values already
stored stay as they are: nothing tells an invented "domestic" from a given one. A covering index
(project_type, investor_origin, planned_investment) serves the breakdowns by origin and type, which
the summary and the dashboard now compute: without it, one more scan of every project (0.3 s at 100k
projects on SQLite, against 0.04 s with it).

On a server this is ALTER COLUMN … DROP NOT NULL (no rewrite). On SQLite, making a column nullable
rebuilds the table (batch mode), and with foreign keys on, dropping ``projects`` would delete its
children by ON DELETE CASCADE (SQLite ignores ``PRAGMA foreign_keys=OFF`` inside a transaction):
as in 0003_optional_fields, those rows are copied aside first and put back after the rebuild —
here every table whose foreign key cascades from projects, the round tables included.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_unknown_type_origin"
down_revision = "0009_activity_index"
branch_labels = None
depends_on = None

_COLUMNS = ("project_type", "investor_origin")


def upgrade() -> None:
    bind = op.get_bind()
    kept = _keep_children(bind)
    with op.batch_alter_table("projects", schema=None) as batch_op:
        for name in _COLUMNS:
            batch_op.alter_column(name, existing_type=sa.String(length=16), nullable=True)
    _restore_children(bind, kept)
    op.create_index("ix_projects_kind", "projects", [*_COLUMNS, "planned_investment"], unique=False)


def downgrade() -> None:
    """Back to required values; refused while a project lacks one (nothing would be invented)."""
    bind = op.get_bind()
    missing = bind.exec_driver_sql(
        "SELECT count(*) FROM projects WHERE project_type IS NULL OR investor_origin IS NULL"
    ).scalar()
    if missing:
        raise RuntimeError(f"{missing} project(s) lack a project type or investor origin; cannot downgrade")
    op.drop_index("ix_projects_kind", table_name="projects")
    kept = _keep_children(bind)
    with op.batch_alter_table("projects", schema=None) as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.alter_column(name, existing_type=sa.String(length=16), nullable=False)
    _restore_children(bind, kept)


def _children(bind: sa.Connection) -> list[str]:
    """The tables a DROP TABLE projects would cascade to (SQLite with foreign keys on), else none."""
    if bind.dialect.name != "sqlite" or not bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        return []
    tables = [r[0] for r in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [
        t
        for t in tables
        if any(fk[2] == "projects" for fk in bind.exec_driver_sql(f'PRAGMA foreign_key_list("{t}")').fetchall())
    ]


def _keep_children(bind: sa.Connection) -> list[str]:
    kept = _children(bind)
    for table in kept:
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS temp.kept_{table}")
        bind.exec_driver_sql(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    return kept


def _restore_children(bind: sa.Connection, kept: list[str]) -> None:
    """Put back the rows the rebuild's DROP TABLE cascaded away (the child tables themselves are
    unchanged, so their columns are in the same order)."""
    for table in kept:
        bind.exec_driver_sql(f"DELETE FROM {table}")
        bind.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM temp.kept_{table}")
        bind.exec_driver_sql(f"DROP TABLE temp.kept_{table}")
