"""country and KPP: legal details by country

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 06:33:49.477298
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('counterparties', sa.Column('country', sa.String(length=2), server_default='RU', nullable=False))
    op.add_column('counterparties', sa.Column('kpp', sa.String(length=9), nullable=True))


def downgrade():
    op.drop_column('counterparties', 'kpp')
    op.drop_column('counterparties', 'country')
