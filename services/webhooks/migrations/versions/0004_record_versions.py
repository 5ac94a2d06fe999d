"""a version on each record that can be changed (If-Match / ETag: no lost updates)

Existing rows start at version 1. A column with a constant default is added without
rewriting the table (PostgreSQL 11 and later).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 22:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

TABLES = ('endpoints',)


def upgrade():
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade():
    for table in TABLES:
        op.drop_column(table, 'version')
