"""jobs: the requester's time zone, for the times an export writes

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 01:30:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('jobs', sa.Column('time_zone', sa.String(length=64), nullable=True))


def downgrade():
    op.drop_column('jobs', 'time_zone')
