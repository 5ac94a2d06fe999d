"""messengers and important dates of contact persons

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 06:27:23.383875
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('contact_persons', sa.Column('messengers', postgresql.JSONB(astext_type=sa.Text()),
                                               server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('contact_persons', sa.Column('important_dates', postgresql.JSONB(astext_type=sa.Text()),
                                               server_default=sa.text("'[]'::jsonb"), nullable=False))


def downgrade():
    op.drop_column('contact_persons', 'important_dates')
    op.drop_column('contact_persons', 'messengers')
