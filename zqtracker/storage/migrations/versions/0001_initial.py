"""Initial schema: reference lists, projects, status history, investment records, plans.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('districts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_districts')),
    sa.UniqueConstraint('name', name=op.f('uq_districts_name'))
    )
    op.create_table('enterprises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('is_high_tech', sa.Boolean(), nullable=False),
    sa.Column('is_specialized_new', sa.Boolean(), nullable=False),
    sa.Column('is_little_giant', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprises')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_enterprises_credit_code')),
    sa.UniqueConstraint('name', name=op.f('uq_enterprises_name'))
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('sectors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['sectors.id'], name=op.f('fk_sectors_parent_id_sectors'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sectors')),
    sa.UniqueConstraint('name', name=op.f('uq_sectors_name'))
    )
    with op.batch_alter_table('sectors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sectors_parent_id'), ['parent_id'], unique=False)

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=True),
    sa.Column('sector_id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('planned_investment', sa.BigInteger(), nullable=False),
    sa.Column('land_area_mu', sa.BigInteger(), nullable=True),
    sa.Column('expected_annual_output', sa.BigInteger(), nullable=True),
    sa.Column('expected_annual_tax', sa.BigInteger(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('construction_start_on', sa.Date(), nullable=True),
    sa.Column('production_on', sa.Date(), nullable=True),
    sa.Column('is_key_project', sa.Boolean(), nullable=False),
    sa.Column('project_type', sa.String(length=16), nullable=False),
    sa.Column('investor_origin', sa.String(length=16), nullable=False),
    sa.Column('officer', sa.String(length=100), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('lead', 'signed', 'preparing', 'under_construction', 'commissioning', 'trial_production', 'in_production', 'on_hold', 'cancelled')", name=op.f('ck_projects_status_known')),
    sa.CheckConstraint('planned_investment >= 0', name=op.f('ck_projects_planned_nonnegative')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_projects_district_id_districts'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprises.id'], name=op.f('fk_projects_enterprise_id_enterprises'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sector_id'], ['sectors.id'], name=op.f('fk_projects_sector_id_sectors'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('code', name=op.f('uq_projects_code'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index('ix_projects_cube', ['status', 'sector_id', 'district_id', 'planned_investment'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_enterprise_id'), ['enterprise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_is_key_project'), ['is_key_project'], unique=False)
        batch_op.create_index('ix_projects_name_district', ['name', 'district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_planned_investment'), ['planned_investment'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_sector_id'), ['sector_id'], unique=False)
        batch_op.create_index('ix_projects_signed', ['signed_on', 'planned_investment'], unique=False)

    op.create_table('annual_plans',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_annual_plans_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'year', name=op.f('pk_annual_plans'))
    )
    op.create_table('investment_records',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('sector_id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('month BETWEEN 1 AND 12', name=op.f('ck_investment_records_month_range')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_investment_records_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'year', 'month', name=op.f('pk_investment_records'))
    )
    with op.batch_alter_table('investment_records', schema=None) as batch_op:
        batch_op.create_index('ix_investment_cube', ['year', 'month', 'sector_id', 'district_id', 'amount'], unique=False)
        batch_op.create_index('ix_investment_period', ['year', 'month', 'project_id', 'amount'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_status_changes_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_status_changes_project_date', ['project_id', 'changed_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_status_changes_project_date')

    op.drop_table('status_changes')
    with op.batch_alter_table('investment_records', schema=None) as batch_op:
        batch_op.drop_index('ix_investment_period')
        batch_op.drop_index('ix_investment_cube')

    op.drop_table('investment_records')
    op.drop_table('annual_plans')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index('ix_projects_signed')
        batch_op.drop_index(batch_op.f('ix_projects_sector_id'))
        batch_op.drop_index(batch_op.f('ix_projects_planned_investment'))
        batch_op.drop_index('ix_projects_name_district')
        batch_op.drop_index(batch_op.f('ix_projects_is_key_project'))
        batch_op.drop_index(batch_op.f('ix_projects_enterprise_id'))
        batch_op.drop_index(batch_op.f('ix_projects_district_id'))
        batch_op.drop_index('ix_projects_cube')

    op.drop_table('projects')
    with op.batch_alter_table('sectors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sectors_parent_id'))

    op.drop_table('sectors')
    op.drop_table('meta')
    op.drop_table('enterprises')
    op.drop_table('districts')
