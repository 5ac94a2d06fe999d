"""records remember the request that made them (Idempotency-Key)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 16:00:00.000000

A document (its creation) or a registration (a number given to a document) made by a request carrying an Idempotency-Key keeps the gateway's attempt id,
unique, so a retry of a request whose first attempt was written (its caller heard only a
timeout) finds that record instead of making another.
"""
import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

TABLES = ('documents', 'registrations')


def upgrade():
    for table in TABLES:
        op.add_column(table, sa.Column('idempotency_key', sa.Uuid(), nullable=True))
        op.create_index(f'ix_{table}_idempotency_key', table, ['idempotency_key'], unique=True)


def downgrade():
    for table in TABLES:
        op.drop_index(f'ix_{table}_idempotency_key', table_name=table)
        op.drop_column(table, 'idempotency_key')
