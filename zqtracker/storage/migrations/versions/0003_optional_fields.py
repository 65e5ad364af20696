"""Only a name is required: sector, district and planned investment may be unknown; contact and
progress note.

Revision ID: 0003_optional_fields
Revises: 0002
Create Date: 2026-11-27

projects.sector_id, district_id and planned_investment become nullable (unknown is stored as
NULL, never invented and never 0), and so do the copies of sector and district that
investment_records carry. Two text fields the import fills: contact (联系人 / 联系方式) and
progress_note (进展情况 / 对接情况).

On SQLite, making a column nullable rebuilds the table (batch mode: create a copy, fill it, drop
the old one, rename). With foreign keys on, dropping ``projects`` deletes its status history,
monthly records and annual plans by ON DELETE CASCADE — and SQLite ignores ``PRAGMA
foreign_keys=OFF`` inside a transaction. So when the keys are on, those rows are copied aside first
and put back after the rebuild; the test that upgrades an older database counts them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_optional_fields"
down_revision = "0002"
branch_labels = None
depends_on = None

_CHILDREN = ("status_changes", "investment_records", "annual_plans")  # ON DELETE CASCADE from projects


def upgrade() -> None:
    bind = op.get_bind()
    kept = _keep_children(bind)
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.alter_column("sector_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("district_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("planned_investment", existing_type=sa.BigInteger(), nullable=True)
        batch_op.add_column(sa.Column("contact", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("progress_note", sa.Text(), nullable=True))
    _restore_children(bind, kept)
    with op.batch_alter_table("investment_records", schema=None) as batch_op:
        batch_op.alter_column("sector_id", existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("district_id", existing_type=sa.Integer(), nullable=True)


def _cascades(bind: sa.Connection) -> bool:
    """True when dropping ``projects`` would delete its children (SQLite with foreign keys on)."""
    return bind.dialect.name == "sqlite" and bool(bind.exec_driver_sql("PRAGMA foreign_keys").scalar())


def _keep_children(bind: sa.Connection) -> bool:
    if not _cascades(bind):
        return False
    for table in _CHILDREN:
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS temp.kept_{table}")
        bind.exec_driver_sql(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    return True


def _restore_children(bind: sa.Connection, kept: bool) -> None:
    """Put back the rows the rebuild's DROP TABLE cascaded away (the child tables themselves
    are unchanged, so their columns are in the same order)."""
    if not kept:
        return
    for table in _CHILDREN:
        bind.exec_driver_sql(f"DELETE FROM {table}")
        bind.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM temp.kept_{table}")
        bind.exec_driver_sql(f"DROP TABLE temp.kept_{table}")


def downgrade() -> None:
    """Back to required fields; refused while any project lacks one (nothing would be invented)."""
    bind = op.get_bind()
    missing = bind.exec_driver_sql(
        "SELECT count(*) FROM projects WHERE sector_id IS NULL OR district_id IS NULL OR planned_investment IS NULL"
    ).scalar()
    if missing:
        raise RuntimeError(f"{missing} project(s) lack a sector, district or planned investment; cannot downgrade")
    with op.batch_alter_table("investment_records", schema=None) as batch_op:
        batch_op.alter_column("sector_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("district_id", existing_type=sa.Integer(), nullable=False)
    kept = _keep_children(bind)
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_column("progress_note")
        batch_op.drop_column("contact")
        batch_op.alter_column("planned_investment", existing_type=sa.BigInteger(), nullable=False)
        batch_op.alter_column("district_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("sector_id", existing_type=sa.Integer(), nullable=False)
    _restore_children(bind, kept)
