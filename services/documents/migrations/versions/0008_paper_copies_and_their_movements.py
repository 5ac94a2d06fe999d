"""paper copies and their movements

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 06:34:41.452084
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'paper_copies',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('document_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('location', sa.String(length=300), nullable=False),
        sa.Column('holder_id', sa.Uuid(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('expected_return_on', sa.Date(), nullable=True),
        sa.Column('created_by', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('original', 'copy')", name='ck_paper_copies_kind'),
        sa.CheckConstraint("status IN ('in_place', 'handed_out', 'lost')", name='ck_paper_copies_status'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name='fk_paper_copies_document_id_documents'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_paper_copies_document_id', 'paper_copies', ['document_id'])
    op.create_index('ix_paper_copies_holder_id', 'paper_copies', ['holder_id'])
    op.create_index('ix_paper_copies_status', 'paper_copies', ['status'])
    op.create_table(
        'paper_movements',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('paper_copy_id', sa.Uuid(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('from_holder', sa.Uuid(), nullable=True),
        sa.Column('to_holder', sa.Uuid(), nullable=True),
        sa.Column('to_location', sa.String(length=300), nullable=True),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('expected_return_on', sa.Date(), nullable=True),
        sa.Column('by', sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(['paper_copy_id'], ['paper_copies.id'],
                                name='fk_paper_movements_paper_copy_id_paper_copies'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_paper_movements_paper_copy_id', 'paper_movements', ['paper_copy_id'])


def downgrade():
    op.drop_index('ix_paper_movements_paper_copy_id', table_name='paper_movements')
    op.drop_table('paper_movements')
    op.drop_index('ix_paper_copies_status', table_name='paper_copies')
    op.drop_index('ix_paper_copies_holder_id', table_name='paper_copies')
    op.drop_index('ix_paper_copies_document_id', table_name='paper_copies')
    op.drop_table('paper_copies')
