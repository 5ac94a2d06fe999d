"""sync by change: documents keep the transaction that last wrote a row (changed_xid,
chancery_common.sync), with an index on (changed_xid, id)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 02:00:00
"""
from alembic import op
import sqlalchemy as sa

from chancery_common import sync

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    sync.add_stamp(op, sa, 'documents')


def downgrade():
    sync.drop_stamp(op, 'documents')
