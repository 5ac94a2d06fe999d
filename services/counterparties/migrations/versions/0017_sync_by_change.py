"""sync by change: each synced table keeps the transaction that last wrote a row
(changed_xid, chancery_common.sync), with an index on (changed_xid, id); activities gain
updated_at (existing rows: when they were made)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 02:00:00
"""
from alembic import op
import sqlalchemy as sa

from chancery_common import sync

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

TABLES = ('counterparties', 'contact_persons', 'activities')


def upgrade():
    op.add_column('activities', sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE activities SET updated_at = created_at")
    for table in TABLES:
        sync.add_stamp(op, sa, table)


def downgrade():
    for table in TABLES:
        sync.drop_stamp(op, table)
    op.drop_column('activities', 'updated_at')
