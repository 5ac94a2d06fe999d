"""the registry's search index holds the type and the status too

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 16:25:00.000000

A registry search is words plus filters, most often a type and a status. With the words'
GIN index alone, PostgreSQL fetched every document matching the words (3,300 of 2,000,000
for one word) to check the filters on each row, or intersected the words' bitmap with the
type's (a fifth of the table): 35-90 ms. One GIN index over (search_vector, type_id,
status) answers all three conditions inside the index (btree_gin), so only the matching
rows are read: about 4 ms. It serves searches by words alone as well, and replaces the
single-column index.

btree_gin is a trusted extension in PostgreSQL's contrib (13+): the database's owner may
create it (docs/operations.md).
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.create_index('ix_documents_search_type_status', 'documents', ['search_vector', 'type_id', 'status'],
                    unique=False, postgresql_using='gin')
    op.drop_index('ix_documents_search_vector', table_name='documents', postgresql_using='gin')


def downgrade():
    op.create_index('ix_documents_search_vector', 'documents', ['search_vector'], unique=False,
                    postgresql_using='gin')
    op.drop_index('ix_documents_search_type_status', table_name='documents', postgresql_using='gin')
