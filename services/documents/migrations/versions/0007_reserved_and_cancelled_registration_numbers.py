"""reserved and cancelled registration numbers

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 06:31:13.741874
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('registrations', sa.Column('note', sa.Text(), nullable=True))
    op.add_column('registrations', sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('registrations', sa.Column('cancelled_by', sa.Uuid(), nullable=True))
    op.add_column('registrations', sa.Column('cancel_reason', sa.Text(), nullable=True))
    op.create_check_constraint('ck_registrations_status', 'registrations',
                               "status IN ('reserved', 'registered', 'cancelled')")
    op.create_index('uq_registrations_registered_document', 'registrations', ['document_id'], unique=True,
                    postgresql_where=sa.text("status = 'registered'"))


def downgrade():
    op.drop_index('uq_registrations_registered_document', table_name='registrations')
    op.drop_constraint('ck_registrations_status', 'registrations', type_='check')
    op.drop_column('registrations', 'cancel_reason')
    op.drop_column('registrations', 'cancelled_by')
    op.drop_column('registrations', 'cancelled_at')
    op.drop_column('registrations', 'note')
