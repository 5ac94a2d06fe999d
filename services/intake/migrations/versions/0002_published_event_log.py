"""the published-event log: published outbox rows keep their position in it (given by the
relay, in the order it publishes) until purged after the retention period
(chancery_common.event_log); the purge's mark

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 05:45:00
"""
from alembic import op
import sqlalchemy as sa

from chancery_common import event_log

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    event_log.add_log(op, sa)


def downgrade():
    event_log.drop_log(op)
