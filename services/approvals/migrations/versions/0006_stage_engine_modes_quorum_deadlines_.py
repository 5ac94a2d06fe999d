"""stage engine: modes, quorum, deadlines, conditions, rounds, overdue, extensions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:40:36.460700
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('approvals', sa.Column('route_version', sa.Integer(), nullable=True))
    op.add_column('approvals', sa.Column('document_type_id', sa.Uuid(), nullable=True))
    op.add_column('approvals', sa.Column('snapshot', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False))
    op.add_column('approvals', sa.Column('round', sa.Integer(), server_default=sa.text('1'), nullable=False))
    op.add_column('stages', sa.Column('mode', sa.String(length=12), server_default='parallel', nullable=False))
    op.add_column('stages', sa.Column('quorum', sa.Integer(), nullable=True))
    op.add_column('stages', sa.Column('deadline_unit', sa.String(length=15), server_default='hours', nullable=False))
    op.add_column('stages', sa.Column('deadline_value', sa.Integer(), nullable=True))
    op.add_column('stages', sa.Column('approvers', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('stages', sa.Column('conditions', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('stages', sa.Column('allow_adding', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    op.add_column('stages', sa.Column('on_return', sa.String(length=15), server_default='first_stage', nullable=False))
    op.add_column('stages', sa.Column('due_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('tasks', sa.Column('round', sa.Integer(), server_default=sa.text('1'), nullable=False))
    op.add_column('tasks', sa.Column('head_id', sa.Uuid(), nullable=True))
    op.add_column('tasks', sa.Column('department_id', sa.Uuid(), nullable=True))
    op.add_column('tasks', sa.Column('added_by', sa.Uuid(), nullable=True))
    op.add_column('tasks', sa.Column('decision_key', sa.String(length=100), nullable=True))
    op.add_column('tasks', sa.Column('delay_reason', sa.Text(), nullable=True))
    op.add_column('tasks', sa.Column('remarks_file_id', sa.Uuid(), nullable=True))
    op.add_column('tasks', sa.Column('overdue_notified_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('tasks', sa.Column('extension_requested_due_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('tasks', sa.Column('extension_reason', sa.Text(), nullable=True))
    op.add_column('tasks', sa.Column('extension_status', sa.String(length=12), nullable=True))
    op.create_index('ix_tasks_overdue_sweep', 'tasks', ['due_at'], unique=False, postgresql_where=sa.text("status = 'pending' AND overdue_notified_at IS NULL"))
    op.create_index('ix_tasks_pending_approver', 'tasks', ['approver_id', 'due_at'], unique=False, postgresql_where=sa.text("status = 'pending'"))
    # an approval returned for revision still holds its document
    op.drop_index('uq_approvals_running_document', table_name='approvals')
    op.create_index('uq_approvals_running_document', 'approvals', ['document_id'], unique=True,
                    postgresql_where=sa.text("status IN ('in_progress', 'returned')"))
    # stages of earlier approvals: every approver at once, deadlines in hours
    op.execute("UPDATE stages SET deadline_value = deadline_hours")
    op.execute("UPDATE stages SET due_at = started_at + make_interval(hours => deadline_hours) "
               "WHERE started_at IS NOT NULL AND deadline_hours IS NOT NULL")
    op.execute("UPDATE approvals SET route_version = v.version FROM route_versions v "
               "WHERE v.id = approvals.route_version_id")
    # earlier approvals ended at a return; their tasks past due are not reported again
    op.execute("UPDATE tasks SET overdue_notified_at = due_at WHERE status = 'pending' AND due_at < now()")


def downgrade():
    op.drop_index('uq_approvals_running_document', table_name='approvals')
    op.create_index('uq_approvals_running_document', 'approvals', ['document_id'], unique=True,
                    postgresql_where=sa.text("status = 'in_progress'"))
    op.drop_index('ix_tasks_pending_approver', table_name='tasks', postgresql_where=sa.text("status = 'pending'"))
    op.drop_index('ix_tasks_overdue_sweep', table_name='tasks', postgresql_where=sa.text("status = 'pending' AND overdue_notified_at IS NULL"))
    op.drop_column('tasks', 'extension_status')
    op.drop_column('tasks', 'extension_reason')
    op.drop_column('tasks', 'extension_requested_due_at')
    op.drop_column('tasks', 'overdue_notified_at')
    op.drop_column('tasks', 'remarks_file_id')
    op.drop_column('tasks', 'delay_reason')
    op.drop_column('tasks', 'decision_key')
    op.drop_column('tasks', 'added_by')
    op.drop_column('tasks', 'department_id')
    op.drop_column('tasks', 'head_id')
    op.drop_column('tasks', 'round')
    op.drop_column('stages', 'due_at')
    op.drop_column('stages', 'on_return')
    op.drop_column('stages', 'allow_adding')
    op.drop_column('stages', 'conditions')
    op.drop_column('stages', 'approvers')
    op.drop_column('stages', 'deadline_value')
    op.drop_column('stages', 'deadline_unit')
    op.drop_column('stages', 'quorum')
    op.drop_column('stages', 'mode')
    op.drop_column('approvals', 'round')
    op.drop_column('approvals', 'snapshot')
    op.drop_column('approvals', 'document_type_id')
    op.drop_column('approvals', 'route_version')
