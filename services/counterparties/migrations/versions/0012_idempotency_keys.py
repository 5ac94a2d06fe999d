"""records remember the request that made them (Idempotency-Key)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 16:00:00.000000

A counterparty, contact person or activity made by a request carrying an Idempotency-Key
keeps the gateway's attempt id, unique, so a retry of a request whose first attempt was
written (its caller heard only a timeout) finds that record instead of making another.
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('counterparties', 'contact_persons', 'activities')


def upgrade():
    for table in TABLES:
        op.add_column(table, sa.Column('idempotency_key', sa.Uuid(), nullable=True))
        op.create_index(f'ix_{table}_idempotency_key', table, ['idempotency_key'], unique=True)


def downgrade():
    for table in TABLES:
        op.drop_index(f'ix_{table}_idempotency_key', table_name=table)
        op.drop_column(table, 'idempotency_key')
