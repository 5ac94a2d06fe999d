"""each document type names the kinds of file its documents accept

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 15:30:00.000000

Every existing type accepts the default kinds (documents/file_types.py): PDF, images,
office documents, text and e-mail; archives only where an administrator adds them.
"""
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE document_types ADD COLUMN accepted_file_kinds varchar(20)[] NOT NULL "
               "DEFAULT '{pdf,images,office,text,email}'")


def downgrade():
    op.execute("ALTER TABLE document_types DROP COLUMN accepted_file_kinds")
