"""the holding's LDAP directory: its settings, the employees linked to its entries, the
sync's runs; a pending sign-in remembers how its first factor was checked

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:00:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ldap_directories',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('start_tls', sa.Boolean(), nullable=False),
    sa.Column('allow_plain', sa.Boolean(), nullable=False),
    sa.Column('ca_certificate', sa.Text(), nullable=True),
    sa.Column('bind_dn', sa.String(length=500), nullable=False),
    sa.Column('bind_password', sa.Text(), nullable=True),
    sa.Column('user_base', sa.String(length=500), nullable=False),
    sa.Column('login_filter', sa.String(length=1000), nullable=False),
    sa.Column('sync_filter', sa.String(length=1000), nullable=False),
    sa.Column('id_attribute', sa.String(length=100), nullable=False),
    sa.Column('login_attribute', sa.String(length=100), nullable=False),
    sa.Column('email_attribute', sa.String(length=100), nullable=False),
    sa.Column('name_attribute', sa.String(length=100), nullable=False),
    sa.Column('department_attribute', sa.String(length=100), nullable=False),
    sa.Column('position_attribute', sa.String(length=100), nullable=False),
    sa.Column('phone_attribute', sa.String(length=100), nullable=False),
    sa.Column('group_base', sa.String(length=500), nullable=False),
    sa.Column('group_filter', sa.String(length=1000), nullable=False),
    sa.Column('member_attribute', sa.String(length=100), nullable=False),
    sa.Column('group_roles', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('default_roles', postgresql.ARRAY(sa.String(length=50)), nullable=False),
    sa.Column('department_map', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('allow_create', sa.Boolean(), nullable=False),
    sa.Column('sync_interval_minutes', sa.Integer(), nullable=False),
    sa.Column('max_dismissals', sa.Integer(), nullable=False),
    sa.Column('next_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sync_claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ldap_accounts',
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.String(length=255), nullable=False),
    sa.Column('dn', sa.String(length=1000), nullable=False),
    sa.Column('login', sa.String(length=255), nullable=True),
    sa.Column('dismissed_by_sync', sa.Boolean(), nullable=False),
    sa.Column('synced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], ),
    sa.PrimaryKeyConstraint('employee_id'),
    sa.UniqueConstraint('entry_id')
    )
    op.create_index('ix_ldap_accounts_login', 'ldap_accounts', ['login'])
    op.create_table('ldap_sync_runs',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('started_by', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('counts', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_ldap_sync_runs_started_at', 'ldap_sync_runs', ['started_at'])
    op.add_column('sign_in_challenges', sa.Column('source', sa.String(length=10),
                                                  server_default=sa.text("'password'"), nullable=False))


def downgrade():
    op.drop_column('sign_in_challenges', 'source')
    op.drop_index('ix_ldap_sync_runs_started_at', table_name='ldap_sync_runs')
    op.drop_table('ldap_sync_runs')
    op.drop_index('ix_ldap_accounts_login', table_name='ldap_accounts')
    op.drop_table('ldap_accounts')
    op.drop_table('ldap_directories')
