"""contract execution: who we are in a contract, its milestones and its payments

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 09:50:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'contract_terms',
        sa.Column('document_id', sa.Uuid(), nullable=False),
        sa.Column('we_are', sa.String(length=20), nullable=False),
        sa.Column('updated_by', sa.Uuid(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("we_are IN ('supplier', 'customer')", name='ck_contract_terms_we_are'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name='fk_contract_terms_document_id_documents'),
        sa.PrimaryKeyConstraint('document_id'),
    )
    op.create_table(
        'contract_milestones',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('document_id', sa.Uuid(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('amount', sa.Numeric(18, 2), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('act_id', sa.Uuid(), nullable=True),
        sa.Column('completed_on', sa.Date(), nullable=True),
        sa.Column('created_by', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('amount IS NULL OR amount > 0', name='ck_contract_milestones_amount'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name='fk_contract_milestones_document_id_documents'),
        sa.ForeignKeyConstraint(['act_id'], ['documents.id'], name='fk_contract_milestones_act_id_documents'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('act_id'),
    )
    op.create_index('ix_contract_milestones_document_id', 'contract_milestones', ['document_id'])
    op.create_index('ix_contract_milestones_open_due', 'contract_milestones', ['due_on'],
                    postgresql_where=sa.text('completed_on IS NULL'))
    op.create_table(
        'contract_payments',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('document_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('on_date', sa.Date(), nullable=False),
        sa.Column('amount', sa.Numeric(18, 2), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('invoice_id', sa.Uuid(), nullable=True),
        sa.Column('reference', sa.String(length=100), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_by', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_by', sa.Uuid(), nullable=True),
        sa.Column('cancel_reason', sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('planned', 'actual')", name='ck_contract_payments_kind'),
        sa.CheckConstraint('amount > 0', name='ck_contract_payments_amount'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name='fk_contract_payments_document_id_documents'),
        sa.ForeignKeyConstraint(['invoice_id'], ['documents.id'], name='fk_contract_payments_invoice_id_documents'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_contract_payments_document_id', 'contract_payments', ['document_id'])
    op.create_index('ix_contract_payments_planned_due', 'contract_payments', ['on_date'],
                    postgresql_where=sa.text("kind = 'planned' AND cancelled_at IS NULL"))


def downgrade():
    op.drop_index('ix_contract_payments_planned_due', table_name='contract_payments')
    op.drop_index('ix_contract_payments_document_id', table_name='contract_payments')
    op.drop_table('contract_payments')
    op.drop_index('ix_contract_milestones_open_due', table_name='contract_milestones')
    op.drop_index('ix_contract_milestones_document_id', table_name='contract_milestones')
    op.drop_table('contract_milestones')
    op.drop_table('contract_terms')
