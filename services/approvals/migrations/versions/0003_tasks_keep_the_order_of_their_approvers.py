"""tasks keep the order of their approvers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 05:29:11.270981
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('tasks', sa.Column('position', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    op.drop_column('tasks', 'position')
