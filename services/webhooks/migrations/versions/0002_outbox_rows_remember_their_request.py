"""outbox rows remember the request that caused them (its correlation id and trace)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 16:30:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('outbox', sa.Column('correlation_id', sa.String(length=64), nullable=True))
    op.add_column('outbox', sa.Column('traceparent', sa.String(length=64), nullable=True))


def downgrade():
    op.drop_column('outbox', 'traceparent')
    op.drop_column('outbox', 'correlation_id')
