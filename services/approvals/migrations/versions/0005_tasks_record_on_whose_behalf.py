"""tasks record on whose behalf

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 05:55:42.447163
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('tasks', sa.Column('on_behalf_of', sa.Uuid(), nullable=True))


def downgrade():
    op.drop_column('tasks', 'on_behalf_of')
