"""file versions keep the texts service's reading: its state, a scan's searchable PDF, a thumbnail

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 21:40:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

COLUMNS = (
    ('text_state', sa.String(length=10)),
    ('text_reason', sa.Text()),
    ('text_method', sa.String(length=20)),
    ('text_extracted_at', sa.DateTime(timezone=True)),
    ('rendition_key', sa.String(length=500)),
    ('rendition_size', sa.BigInteger()),
    ('rendition_sha256', sa.String(length=64)),
    ('thumbnail_key', sa.String(length=500)),
    ('thumbnail_size', sa.BigInteger()),
    ('thumbnail_sha256', sa.String(length=64)),
)


def upgrade():
    for name, kind in COLUMNS:
        op.add_column('file_versions', sa.Column(name, kind, nullable=True))


def downgrade():
    for name, _ in reversed(COLUMNS):
        op.drop_column('file_versions', name)
