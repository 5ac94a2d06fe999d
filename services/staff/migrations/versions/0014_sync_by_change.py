"""sync by change: employees and departments keep the transaction that last wrote a row
(changed_xid, chancery_common.sync), with an index on (changed_xid, id); departments gain
updated_at (existing rows: when they were made)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 02:00:00
"""
from alembic import op
import sqlalchemy as sa

from chancery_common import sync

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

TABLES = ('employees', 'departments')


def upgrade():
    op.add_column('departments', sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE departments SET updated_at = created_at")
    for table in TABLES:
        sync.add_stamp(op, sa, table)


def downgrade():
    for table in TABLES:
        sync.drop_stamp(op, table)
    op.drop_column('departments', 'updated_at')
