"""jobs: state, progress, parameters, the requester and the result; processed events

Revision ID: 0001
Revises:
Create Date: 2026-12-06 22:00:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'jobs',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=60), nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('params', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('actor', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('language', sa.String(length=10), nullable=False),
        sa.Column('created_by', sa.Uuid(), nullable=False),
        sa.Column('idempotency_key', sa.Uuid(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('progress_done', sa.Integer(), nullable=False),
        sa.Column('progress_total', sa.Integer(), nullable=True),
        sa.Column('cancel_requested', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('result_key', sa.String(length=300), nullable=True),
        sa.Column('result_filename', sa.String(length=300), nullable=True),
        sa.Column('result_content_type', sa.String(length=200), nullable=True),
        sa.Column('result_size', sa.Integer(), nullable=True),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('result_expired', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('report', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('idempotency_key'),
    )
    op.create_index('ix_jobs_claimable', 'jobs', ['created_at'], unique=False,
                    postgresql_where=sa.text("state IN ('queued', 'running')"))
    op.create_index('ix_jobs_expiring', 'jobs', ['expires_at'], unique=False,
                    postgresql_where=sa.text('result_key IS NOT NULL'))
    op.create_index('ix_jobs_created_by', 'jobs', ['created_by', 'created_at'], unique=False)
    op.create_table(
        'processed_events',
        sa.Column('event_id', sa.Uuid(), nullable=False),
        sa.Column('handler', sa.String(length=200), nullable=False),
        sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('event_id', 'handler'),
    )


def downgrade():
    op.drop_table('processed_events')
    op.drop_index('ix_jobs_created_by', table_name='jobs')
    op.drop_index('ix_jobs_expiring', table_name='jobs')
    op.drop_index('ix_jobs_claimable', table_name='jobs')
    op.drop_table('jobs')
