"""additional responsible employees

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 06:21:22.945738
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('counterparty_responsibles',
    sa.Column('counterparty_id', sa.Uuid(), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['counterparty_id'], ['counterparties.id'],
                            name='fk_counterparty_responsibles_counterparty_id'),
    sa.PrimaryKeyConstraint('counterparty_id', 'employee_id', name='pk_counterparty_responsibles')
    )
    op.create_index(op.f('ix_counterparty_responsibles_employee_id'), 'counterparty_responsibles',
                    ['employee_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_counterparty_responsibles_employee_id'), table_name='counterparty_responsibles')
    op.drop_table('counterparty_responsibles')
