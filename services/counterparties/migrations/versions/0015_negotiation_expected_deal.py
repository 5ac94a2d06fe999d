"""the expected deal of a negotiation: amount with its currency, close date

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 21:50:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'negotiations',
        sa.Column('counterparty_id', sa.Uuid(), nullable=False),
        sa.Column('expected_amount', sa.Numeric(precision=18, scale=2), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=True),
        sa.Column('expected_close_on', sa.Date(), nullable=True),
        sa.Column('updated_by', sa.Uuid(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('(expected_amount IS NULL) = (currency IS NULL)', name='ck_negotiations_amount_currency'),
        sa.CheckConstraint('expected_amount IS NULL OR expected_amount > 0', name='ck_negotiations_amount_positive'),
        sa.ForeignKeyConstraint(['counterparty_id'], ['counterparties.id'], name='fk_negotiations_counterparty_id'),
        sa.PrimaryKeyConstraint('counterparty_id', name='pk_negotiations'),
    )


def downgrade():
    op.drop_table('negotiations')
