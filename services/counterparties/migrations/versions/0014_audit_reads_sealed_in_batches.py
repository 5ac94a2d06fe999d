"""reads of personal data go to audit_reads without the chain's lock, sealed into the chain
in batches (chancery_common.audit); the reads already in the chain stay there

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 22:50:00.000000
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from chancery_common.audit import CURRENT_TRANSACTION, DROP_READS_APPEND_ONLY_DDL, READS_APPEND_ONLY_DDL

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audit_reads',
        sa.Column('id', sa.BigInteger(), server_default=sa.text("nextval('audit_log_id_seq')"), nullable=False),
        sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor_id', sa.Uuid(), nullable=True),
        sa.Column('on_behalf_of', sa.Uuid(), nullable=True),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('record_type', sa.String(length=60), nullable=False),
        sa.Column('record_id', sa.Uuid(), nullable=False),
        sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('xid', sa.BigInteger(), server_default=sa.text(CURRENT_TRANSACTION), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_audit_reads_record', 'audit_reads', ['record_type', 'record_id'])
    op.create_index('ix_audit_reads_actor', 'audit_reads', ['actor_id', 'occurred_at'])
    op.create_index('ix_audit_reads_xid', 'audit_reads', ['xid', 'id'])
    for statement in READS_APPEND_ONLY_DDL:
        op.execute(statement)


def downgrade():
    for statement in DROP_READS_APPEND_ONLY_DDL:
        op.execute(statement)
    op.drop_table('audit_reads')
