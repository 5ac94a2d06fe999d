"""sign-in providers (OpenID Connect) and external identities

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 16:30:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sign_in_providers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('issuer', sa.String(length=500), nullable=False),
    sa.Column('client_id', sa.String(length=300), nullable=False),
    sa.Column('client_secret', sa.Text(), nullable=True),
    sa.Column('scopes', sa.String(length=300), nullable=False),
    sa.Column('allow_create', sa.Boolean(), nullable=False),
    sa.Column('email_claim', sa.String(length=100), nullable=False),
    sa.Column('name_claim', sa.String(length=100), nullable=False),
    sa.Column('groups_claim', sa.String(length=100), nullable=False),
    sa.Column('department_claim', sa.String(length=100), nullable=False),
    sa.Column('position_claim', sa.String(length=100), nullable=False),
    sa.Column('group_roles', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('default_roles', postgresql.ARRAY(sa.String(length=50)), nullable=False),
    sa.Column('department_map', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('external_identities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('issuer', sa.String(length=500), nullable=False),
    sa.Column('subject', sa.String(length=255), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_external_identities_employee_id', 'external_identities', ['employee_id'])
    op.create_index('uq_external_identities_subject', 'external_identities', ['issuer', 'subject'],
                    unique=True)


def downgrade():
    op.drop_table('external_identities')
    op.drop_table('sign_in_providers')
