"""what a reading found, kept so that the same bytes are not read twice: the text and the
derived files as the event told them; a re-extraction's request to read afresh

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 12:00:00

A scan taken in by the intake is read there, and again when its draft is registered and the
document gets a copy of it (the same bytes): OCR twice. A job whose file has the SHA-256 and
content type of one already read copies that reading (logic.py, "twin"). Rows read before
this migration keep no text and are never copied.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('extractions', sa.Column('text', sa.Text(), nullable=True))
    op.add_column('extractions', sa.Column('derived', postgresql.JSONB(), nullable=True))
    op.add_column('extractions', sa.Column('read_afresh', sa.Boolean(), server_default=sa.text('false'),
                                           nullable=False))
    op.create_index('ix_extractions_read_by_content', 'extractions', ['sha256', 'content_type'],
                    postgresql_where=sa.text("state = 'done' AND text IS NOT NULL"))


def downgrade():
    op.drop_index('ix_extractions_read_by_content', table_name='extractions')
    op.drop_column('extractions', 'read_afresh')
    op.drop_column('extractions', 'derived')
    op.drop_column('extractions', 'text')
