"""sync by change: approvals keep when they last changed (updated_at) and the transaction
that wrote them last (changed_xid, chancery_common.sync); a write of one of their stages or
tasks stamps the approval too, by trigger, since a mirror reads an approval with its stages
and tasks

Every path that writes a stage or a task holds its approval's row lock first (logic._lock,
get_approval(for_update=True), a new approval; the overdue sweep claims the approval with
its tasks, SKIP LOCKED), so the trigger's update of the approval takes no lock in a new order.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 04:40:00
"""
from alembic import op
import sqlalchemy as sa

from chancery_common import sync

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

PARTS = ('stages', 'tasks')


def upgrade():
    op.add_column('approvals', sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE approvals SET updated_at = coalesce(finished_at, started_at)")
    op.alter_column('approvals', 'updated_at', nullable=False, server_default=sa.text("now()"))
    sync.add_stamp(op, sa, 'approvals')
    # once per approval and transaction: an approval already written by this one is left alone
    op.execute(
        "CREATE OR REPLACE FUNCTION chancery_stamp_approval() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE approvals SET updated_at = now() "
        "WHERE id = NEW.approval_id AND changed_xid <> pg_current_xact_id(); RETURN NULL; END $$")
    for table in PARTS:
        op.execute(f"CREATE TRIGGER {table}_stamp_approval AFTER INSERT OR UPDATE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION chancery_stamp_approval()")


def downgrade():
    for table in PARTS:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_stamp_approval ON {table}")
    op.execute("DROP FUNCTION IF EXISTS chancery_stamp_approval()")
    sync.drop_stamp(op, 'approvals')
    op.drop_column('approvals', 'updated_at')
