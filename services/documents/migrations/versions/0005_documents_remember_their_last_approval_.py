"""documents remember their last approval event

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 05:58:56.677602
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('documents', sa.Column('approval_event_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column('documents', 'approval_event_at')
