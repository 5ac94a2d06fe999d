"""the gateway's own database: keys of retry-safe requests (Idempotency-Key)

Revision ID: 0001
Revises:
Create Date: 2026-12-06 16:00:00.000000

One row per signed-in principal and key: the request's fingerprint, whether it is in
flight (with a lease), open (its outcome unknown) or done (with the answer to replay),
and when it expires. See gateway/chancery_gateway/idempotency.py.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'idempotency_keys',
        sa.Column('id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('principal', sa.String(100), nullable=False),
        sa.Column('key', sa.String(255), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('method', sa.String(10), nullable=False),
        sa.Column('path', sa.String(2000), nullable=False),
        sa.Column('state', sa.String(10), nullable=False),
        sa.Column('locked_until', sa.DateTime(timezone=True)),
        sa.Column('status', sa.Integer()),
        sa.Column('headers', postgresql.JSONB()),
        sa.Column('body', sa.LargeBinary()),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('principal', 'key', name='uq_idempotency_keys_principal_key'),
    )
    op.create_index('ix_idempotency_keys_expires_at', 'idempotency_keys', ['expires_at'])


def downgrade():
    op.drop_table('idempotency_keys')
