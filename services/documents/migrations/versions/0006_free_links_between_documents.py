"""free "related to" links between documents

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 06:28:34.048076
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'document_links',
        sa.Column('from_id', sa.Uuid(), nullable=False),
        sa.Column('to_id', sa.Uuid(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_by', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('from_id <> to_id', name='ck_document_links_not_to_itself'),
        sa.ForeignKeyConstraint(['from_id'], ['documents.id'], name='fk_document_links_from_id_documents'),
        sa.ForeignKeyConstraint(['to_id'], ['documents.id'], name='fk_document_links_to_id_documents'),
        sa.PrimaryKeyConstraint('from_id', 'to_id', name='pk_document_links'),
    )
    op.create_index('ix_document_links_to_id', 'document_links', ['to_id'])


def downgrade():
    op.drop_index('ix_document_links_to_id', table_name='document_links')
    op.drop_table('document_links')
