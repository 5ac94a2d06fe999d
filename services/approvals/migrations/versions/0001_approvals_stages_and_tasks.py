"""approvals, stages and tasks

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 04:58:58.118610
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('approvals',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('document_id', sa.Uuid(), nullable=False),
    sa.Column('counterparty_id', sa.Uuid(), nullable=True),
    sa.Column('document_title', sa.String(length=500), nullable=False),
    sa.Column('document_number', sa.String(length=60), nullable=True),
    sa.Column('initiator_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_approvals_counterparty_id'), 'approvals', ['counterparty_id'], unique=False)
    op.create_index(op.f('ix_approvals_document_id'), 'approvals', ['document_id'], unique=False)
    op.create_index(op.f('ix_approvals_initiator_id'), 'approvals', ['initiator_id'], unique=False)
    op.create_index('uq_approvals_running_document', 'approvals', ['document_id'], unique=True, postgresql_where=sa.text("status = 'in_progress'"))
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    op.create_index('ix_outbox_unpublished', 'outbox', ['id'], unique=False, postgresql_where='published_at IS NULL')
    op.create_table('processed_events',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('handler', sa.String(length=200), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('event_id', 'handler')
    )
    op.create_table('stages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('approval_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('completion', sa.String(length=10), nullable=False),
    sa.Column('deadline_hours', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['approval_id'], ['approvals.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_stages_approval_id'), 'stages', ['approval_id'], unique=False)
    op.create_table('tasks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('stage_id', sa.Uuid(), nullable=False),
    sa.Column('approval_id', sa.Uuid(), nullable=False),
    sa.Column('approver_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['approval_id'], ['approvals.id'], ),
    sa.ForeignKeyConstraint(['stage_id'], ['stages.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_tasks_approval_id'), 'tasks', ['approval_id'], unique=False)
    op.create_index(op.f('ix_tasks_approver_id'), 'tasks', ['approver_id'], unique=False)
    op.create_index(op.f('ix_tasks_stage_id'), 'tasks', ['stage_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_tasks_stage_id'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_approver_id'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_approval_id'), table_name='tasks')
    op.drop_table('tasks')
    op.drop_index(op.f('ix_stages_approval_id'), table_name='stages')
    op.drop_table('stages')
    op.drop_table('processed_events')
    op.drop_index('ix_outbox_unpublished', table_name='outbox', postgresql_where='published_at IS NULL')
    op.drop_table('outbox')
    op.drop_index('uq_approvals_running_document', table_name='approvals', postgresql_where=sa.text("status = 'in_progress'"))
    op.drop_index(op.f('ix_approvals_initiator_id'), table_name='approvals')
    op.drop_index(op.f('ix_approvals_document_id'), table_name='approvals')
    op.drop_index(op.f('ix_approvals_counterparty_id'), table_name='approvals')
    op.drop_table('approvals')
