"""reminders, deliveries and projections

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 01:40:28.269963
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('activities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('counterparty_id', sa.Uuid(), nullable=True),
    sa.Column('responsible_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name='activities_pkey')
    )
    op.create_index('ix_activities_agenda', 'activities', ['responsible_id', 'planned_at'], unique=False)
    op.create_table('approval_tasks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('approval_id', sa.Uuid(), nullable=False),
    sa.Column('document_id', sa.Uuid(), nullable=True),
    sa.Column('approver_id', sa.Uuid(), nullable=False),
    sa.Column('label', sa.String(length=600), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name='approval_tasks_pkey')
    )
    op.create_index('ix_approval_tasks_approval_id', 'approval_tasks', ['approval_id'], unique=False)
    op.create_index('ix_approval_tasks_approver', 'approval_tasks', ['approver_id', 'state'], unique=False)
    op.create_table('counterparties',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('responsible_id', sa.Uuid(), nullable=True),
    sa.Column('merged_into', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name='counterparties_pkey')
    )
    op.create_index('ix_counterparties_responsible_id', 'counterparties', ['responsible_id'], unique=False)
    op.create_table('deliveries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('notification_id', sa.Uuid(), nullable=False),
    sa.Column('recipient_id', sa.Uuid(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('log', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id', name='deliveries_pkey'),
    sa.UniqueConstraint('notification_id', 'channel', name='uq_deliveries_notification_channel')
    )
    op.create_index('ix_deliveries_notification_id', 'deliveries', ['notification_id'], unique=False)
    op.create_index('ix_deliveries_pending', 'deliveries', ['next_attempt_at'], unique=False, postgresql_where=sa.text("state = 'pending'"))
    op.create_table('departments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('head_id', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name='departments_pkey')
    )
    op.create_table('digests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('notification_id', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name='digests_pkey'),
    sa.UniqueConstraint('employee_id', 'local_date', name='uq_digests_employee_date')
    )
    op.create_table('documents',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('document_type_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=True),
    sa.Column('counterparty_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('responsible_id', sa.Uuid(), nullable=True),
    sa.Column('department_id', sa.Uuid(), nullable=True),
    sa.Column('dates', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name='documents_pkey')
    )
    op.create_index('ix_documents_counterparty_id', 'documents', ['counterparty_id'], unique=False)
    op.create_index('ix_documents_document_type_id', 'documents', ['document_type_id'], unique=False)
    op.create_table('employees',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('time_zone', sa.String(length=64), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('department_id', sa.Uuid(), nullable=True),
    sa.Column('roles', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name='employees_pkey')
    )
    op.create_index('ix_employees_department_id', 'employees', ['department_id'], unique=False)
    op.create_table('preferences',
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('channels', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('digest_kinds', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('quiet_start', sa.Time(), nullable=True),
    sa.Column('quiet_end', sa.Time(), nullable=True),
    sa.Column('digest_enabled', sa.Boolean(), nullable=False),
    sa.Column('digest_hour', sa.Integer(), nullable=False),
    sa.Column('activity_minutes', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('employee_id', name='preferences_pkey')
    )
    op.create_table('reminder_schemes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('document_type_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('date_field', sa.String(length=100), nullable=False),
    sa.Column('offsets', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('at_time', sa.Time(), nullable=False),
    sa.Column('recipients', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('stop_statuses', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name='reminder_schemes_pkey')
    )
    op.create_index('ix_reminder_schemes_document_type_id', 'reminder_schemes', ['document_type_id'], unique=False)
    op.create_table('reminders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('occurrence', sa.String(length=60), nullable=False),
    sa.Column('recipient_id', sa.Uuid(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('subject_type', sa.String(length=40), nullable=True),
    sa.Column('subject_id', sa.Uuid(), nullable=True),
    sa.Column('counterparty_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=500), nullable=True),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notification_id', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name='reminders_pkey'),
    sa.UniqueConstraint('source', 'occurrence', 'recipient_id', 'due_at', name='uq_reminders_occurrence')
    )
    op.create_index('ix_reminders_due', 'reminders', ['due_at'], unique=False, postgresql_where=sa.text("state = 'pending'"))
    op.create_index('ix_reminders_recipient', 'reminders', ['recipient_id', 'due_at'], unique=False)
    op.create_index('ix_reminders_source', 'reminders', ['source'], unique=False)
    op.create_index('ix_reminders_subject', 'reminders', ['subject_type', 'subject_id'], unique=False)


def downgrade():
    op.drop_index('ix_reminders_subject', table_name='reminders')
    op.drop_index('ix_reminders_source', table_name='reminders')
    op.drop_index('ix_reminders_recipient', table_name='reminders')
    op.drop_index('ix_reminders_due', table_name='reminders', postgresql_where=sa.text("state = 'pending'"))
    op.drop_table('reminders')
    op.drop_index('ix_reminder_schemes_document_type_id', table_name='reminder_schemes')
    op.drop_table('reminder_schemes')
    op.drop_table('preferences')
    op.drop_index('ix_employees_department_id', table_name='employees')
    op.drop_table('employees')
    op.drop_index('ix_documents_document_type_id', table_name='documents')
    op.drop_index('ix_documents_counterparty_id', table_name='documents')
    op.drop_table('documents')
    op.drop_table('digests')
    op.drop_table('departments')
    op.drop_index('ix_deliveries_pending', table_name='deliveries', postgresql_where=sa.text("state = 'pending'"))
    op.drop_index('ix_deliveries_notification_id', table_name='deliveries')
    op.drop_table('deliveries')
    op.drop_index('ix_counterparties_responsible_id', table_name='counterparties')
    op.drop_table('counterparties')
    op.drop_index('ix_approval_tasks_approver', table_name='approval_tasks')
    op.drop_index('ix_approval_tasks_approval_id', table_name='approval_tasks')
    op.drop_table('approval_tasks')
    op.drop_index('ix_activities_agenda', table_name='activities')
    op.drop_table('activities')
