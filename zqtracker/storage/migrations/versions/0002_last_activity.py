"""Projects remember their last activity; two indexes no query used are dropped.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

last_activity_on is filled here for existing projects, from the same sources storage keeps it
in step with afterwards (status changes and the months of investment records).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_activity_on", sa.Date(), nullable=True))
        batch_op.drop_index("ix_projects_is_key_project")
        batch_op.drop_index("ix_projects_planned_investment")
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    """The later of each project's latest status change and the end of its latest month with an
    investment record (self-contained: a migration must not depend on today's models)."""
    from datetime import date

    projects = sa.table("projects", sa.column("id", sa.Integer), sa.column("last_activity_on", sa.Date))
    changes = sa.table("status_changes", sa.column("project_id", sa.Integer), sa.column("changed_on", sa.Date))
    records = sa.table(
        "investment_records", sa.column("project_id", sa.Integer), sa.column("year", sa.Integer),
        sa.column("month", sa.Integer),
    )  # fmt: skip
    latest: dict[int, date] = {}
    for pid, day in conn.execute(sa.select(changes.c.project_id, sa.func.max(changes.c.changed_on)).group_by(
            changes.c.project_id)):  # fmt: skip
        if day is not None:
            latest[pid] = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    ym = sa.func.max(records.c.year * 100 + records.c.month)
    for pid, value in conn.execute(sa.select(records.c.project_id, ym).group_by(records.c.project_id)):
        if value is None:
            continue
        y, m = int(value) // 100, int(value) % 100
        end = date(y, 12, 31) if m == 12 else date.fromordinal(date(y, m + 1, 1).toordinal() - 1)
        if pid not in latest or latest[pid] < end:
            latest[pid] = end
    if latest:
        stmt = projects.update().where(projects.c.id == sa.bindparam("pid")).values(
            last_activity_on=sa.bindparam("day"))  # fmt: skip
        conn.execute(stmt, [{"pid": pid, "day": day} for pid, day in latest.items()])


def downgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index("ix_projects_planned_investment", ["planned_investment"], unique=False)
        batch_op.create_index("ix_projects_is_key_project", ["is_key_project"], unique=False)
        batch_op.drop_column("last_activity_on")
