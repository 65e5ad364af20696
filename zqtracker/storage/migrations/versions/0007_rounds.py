"""The monthly reporting round (issue 17): rounds, each district's part, the projects sent, the
analyst's decisions on plausibility findings, and closed months with their frozen figures.

Revision ID: 0007_rounds
Revises: 0006_audit_trail
Create Date: 2026-11-28

Only new tables: nothing existing is rebuilt, so no data moves. On a PostgreSQL server whose
accounts were set up (storage/server_roles.py), the new tables get the same grants as the others:
analysts read and write them, district staff and readers read them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_rounds"
down_revision = "0006_audit_trail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_rounds_month_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    op.create_index("ix_rounds_period", "rounds", ["year", "month"], unique=True)
    op.create_table(
        "round_districts",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("returned_file", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=True),
        sa.Column("projects_updated", sa.Integer(), nullable=False),
        sa.Column("projects_added", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["district_id"], ["districts.id"],
                                name=op.f("fk_round_districts_district_id_districts"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_districts_round_id_rounds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "district_id", name=op.f("pk_round_districts")),
    )  # fmt: skip
    op.create_table(
        "round_projects",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_round_projects_project_id_projects"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_projects_round_id_rounds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "project_id", name=op.f("pk_round_projects")),
    )  # fmt: skip
    op.create_index("ix_round_projects_project", "round_projects", ["project_id"], unique=False)
    op.create_table(
        "round_decisions",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("check_code", sa.String(length=32), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"],
                                name=op.f("fk_round_decisions_project_id_projects"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_decisions_round_id_rounds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "project_id", "check_code", name=op.f("pk_round_decisions")),
    )  # fmt: skip
    op.create_table(
        "closed_months",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_closed_months_month_range")),
        sa.PrimaryKeyConstraint("year", "month", name=op.f("pk_closed_months")),
    )
    op.create_table(
        "closed_investment",
        sa.Column("close_year", sa.Integer(), nullable=False),
        sa.Column("close_month", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("first_month", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("close_year", "close_month", "project_id", "year", "month",
                                name=op.f("pk_closed_investment")),
    )  # fmt: skip
    op.create_index(
        "ix_closed_investment_cube", "closed_investment", ["close_year", "close_month", "year", "month"], unique=False
    )
    op.create_table(
        "closed_progress",
        sa.Column("close_year", sa.Integer(), nullable=False),
        sa.Column("close_month", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("enterprise", sa.String(length=200), nullable=True),
        sa.Column("sector", sa.String(length=100), nullable=True),
        sa.Column("district", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("planned_investment", sa.BigInteger(), nullable=True),
        sa.Column("is_key_project", sa.Boolean(), nullable=False),
        sa.Column("this_month", sa.BigInteger(), nullable=False),
        sa.Column("ytd", sa.BigInteger(), nullable=False),
        sa.Column("annual_plan", sa.BigInteger(), nullable=True),
        sa.Column("since_start", sa.BigInteger(), nullable=False),
        sa.Column("this_month_first", sa.Integer(), nullable=True),
        sa.Column("since_start_reported", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("close_year", "close_month", "project_id", name=op.f("pk_closed_progress")),
    )

    _grant_on_server()


_TABLES = ("rounds", "round_districts", "round_projects", "round_decisions", "closed_months", "closed_investment",
           "closed_progress")  # fmt: skip


def _grant_on_server() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not bind.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'zq_analyst'").scalar():
        return  # accounts not set up: `db server init` grants on every table when it is
    tables = ", ".join(_TABLES)
    bind.exec_driver_sql(f"GRANT SELECT ON {tables} TO zq_analyst, zq_district, zq_reader")
    bind.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO zq_analyst")
    bind.exec_driver_sql("GRANT USAGE, SELECT ON SEQUENCE rounds_id_seq TO zq_analyst")


def downgrade() -> None:
    op.drop_table("closed_progress")
    op.drop_index("ix_closed_investment_cube", table_name="closed_investment")
    op.drop_table("closed_investment")
    op.drop_table("closed_months")
    op.drop_table("round_decisions")
    op.drop_index("ix_round_projects_project", table_name="round_projects")
    op.drop_table("round_projects")
    op.drop_table("round_districts")
    op.drop_index("ix_rounds_period", table_name="rounds")
    op.drop_table("rounds")
