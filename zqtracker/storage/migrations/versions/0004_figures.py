"""The figures real monthly reports carry: year-to-date spans, 自开工累计, foreign currency, date precision.

Revision ID: 0004_figures
Revises: 0003_optional_fields
Create Date: 2026-12-03

- investment_records.first_month: a record may cover months first_month..month of its year as one
  figure (a first 1–X月累计 report with no month stored before it); NULL is the month alone, so
  every existing record keeps its meaning.
- projects.*_precision: how precise each of the three dates is (NULL: a day).
- projects.since_start_amount/_year/_month: 自开工累计 as reported through a month.
- projects.planned_currency/_original/_rate: planned investment as given in another currency.

The project columns are added with ALTER TABLE ADD COLUMN (no table rebuild, so no cascade can
touch the children); only investment_records is rebuilt on SQLite, for its new CHECK.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_figures"
down_revision = "0003_optional_fields"
branch_labels = None
depends_on = None

_PROJECT_COLUMNS = (
    ("signed_on_precision", sa.String(length=8)),
    ("construction_start_on_precision", sa.String(length=8)),
    ("production_on_precision", sa.String(length=8)),
    ("since_start_amount", sa.BigInteger()),
    ("since_start_year", sa.Integer()),
    ("since_start_month", sa.Integer()),
    ("planned_currency", sa.String(length=3)),
    ("planned_original", sa.BigInteger()),
    ("planned_rate", sa.BigInteger()),
)


def upgrade() -> None:
    for name, type_ in _PROJECT_COLUMNS:
        op.add_column("projects", sa.Column(name, type_, nullable=True))
    with op.batch_alter_table("investment_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_month", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            "span_range", "first_month IS NULL OR (first_month >= 1 AND first_month < month)"
        )
        batch_op.drop_index("ix_investment_cube")
        batch_op.create_index(
            "ix_investment_cube", ["year", "month", "sector_id", "district_id", "amount", "first_month"], unique=False
        )


def downgrade() -> None:
    """Refused while a record covers several months: spreading it would invent monthly figures."""
    bind = op.get_bind()
    spans = bind.exec_driver_sql("SELECT count(*) FROM investment_records WHERE first_month IS NOT NULL").scalar()
    if spans:
        raise RuntimeError(f"{spans} investment record(s) cover several months; cannot downgrade")
    with op.batch_alter_table("investment_records", schema=None) as batch_op:
        batch_op.drop_index("ix_investment_cube")
        batch_op.create_index("ix_investment_cube", ["year", "month", "sector_id", "district_id", "amount"], unique=False)
        batch_op.drop_constraint("span_range", type_="check")
        batch_op.drop_column("first_month")
    for name, _type in reversed(_PROJECT_COLUMNS):
        op.drop_column("projects", name)  # ALTER TABLE DROP COLUMN: no rebuild, no cascade
