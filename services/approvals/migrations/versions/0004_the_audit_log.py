"""the audit log

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 05:38:50.128440
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from chancery_common.audit import APPEND_ONLY_DDL, DROP_APPEND_ONLY_DDL

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('on_behalf_of', sa.Uuid(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('record_type', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name='audit_log_pkey'),
    sa.UniqueConstraint('hash', name='audit_log_hash_key')
    )
    op.create_index('ix_audit_log_actor', 'audit_log', ['actor_id', 'occurred_at'], unique=False)
    op.create_index('ix_audit_log_record', 'audit_log', ['record_type', 'record_id'], unique=False)
    for statement in APPEND_ONLY_DDL:
        op.execute(statement)


def downgrade():
    for statement in DROP_APPEND_ONLY_DDL:
        op.execute(statement)
    op.drop_index('ix_audit_log_record', table_name='audit_log')
    op.drop_index('ix_audit_log_actor', table_name='audit_log')
    op.drop_table('audit_log')
