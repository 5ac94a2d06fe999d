"""configurable types, journals per parent, extra fields, search, saved filters

Journals get a kind; a pattern with {parent_number} numbers within the parent document
(annexes: 45/2026-A3), so such registrations are unique per parent, not per year. The
annex type moves to a new journal ANX numbered so. Document types gain extra fields,
allowed children, default responsible people, a department and the accounting documents
a contract needs (a completion act and an invoice per stage). Documents gain extra field
values and a full-text vector (backfilled here).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:40:25.379232
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


JOURNAL_KINDS = {"IN": "incoming", "OUT": "outgoing", "INT": "internal", "CTR": "contracts"}
# the same vector as documents.logic.refresh_search builds
SEARCH_BACKFILL = """
UPDATE documents SET search_vector =
    setweight(to_tsvector('simple', coalesce(number, '')), 'A')
    || to_tsvector('russian', title) || to_tsvector('english', title)
"""


def upgrade():
    op.create_table('counterparty_names',
    sa.Column('counterparty_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('merged_into', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('counterparty_id')
    )
    op.create_table('saved_document_filters',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('query', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('owner_id', 'name', name='uq_saved_document_filters_owner_name')
    )
    op.create_table('parent_counters',
    sa.Column('journal_id', sa.Uuid(), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=False),
    sa.Column('last_value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['journal_id'], ['journals.id'], name='fk_parent_counters_journal_id'),
    sa.ForeignKeyConstraint(['parent_id'], ['documents.id'], name='fk_parent_counters_parent_id'),
    sa.PrimaryKeyConstraint('journal_id', 'parent_id', name='pk_parent_counters')
    )
    op.add_column('document_types', sa.Column('fields', postgresql.JSONB(astext_type=sa.Text()),
        server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('document_types', sa.Column('allowed_child_type_ids', postgresql.ARRAY(sa.Uuid()), nullable=True))
    op.add_column('document_types', sa.Column('default_responsible_ids', postgresql.ARRAY(sa.Uuid()),
        server_default=sa.text("'{}'"), nullable=False))
    op.add_column('document_types', sa.Column('department_id', sa.Uuid(), nullable=True))
    op.add_column('document_types', sa.Column('department_code', sa.String(length=20), nullable=True))
    op.add_column('document_types', sa.Column('required_documents', postgresql.JSONB(astext_type=sa.Text()),
        server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('document_types', sa.Column('stages_field', sa.String(length=40), nullable=True))
    op.add_column('document_types', sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('documents', sa.Column('department_id', sa.Uuid(), nullable=True))
    op.add_column('documents', sa.Column('extra', postgresql.JSONB(astext_type=sa.Text()),
        server_default=sa.text("'{}'::jsonb"), nullable=False))
    op.add_column('documents', sa.Column('search_vector', postgresql.TSVECTOR(), nullable=True))
    op.create_index('ix_documents_created_at', 'documents', ['created_at'], unique=False)
    op.create_index('ix_documents_extra', 'documents', ['extra'], unique=False, postgresql_using='gin',
        postgresql_ops={'extra': 'jsonb_path_ops'})
    op.create_index('ix_documents_search_vector', 'documents', ['search_vector'], unique=False, postgresql_using='gin')
    op.create_index('ix_documents_type_id', 'documents', ['type_id'], unique=False)
    op.add_column('file_versions', sa.Column('text_content', sa.Text(), nullable=True))
    op.add_column('journals', sa.Column('kind', sa.String(length=20), server_default='user', nullable=False))
    op.add_column('journals', sa.Column('is_active', sa.Boolean(), server_default=sa.text('true'), nullable=False))
    op.add_column('registrations', sa.Column('parent_id', sa.Uuid(), nullable=True))
    op.drop_constraint('registrations_journal_id_year_sequence_key', 'registrations', type_='unique')
    op.create_index('uq_registrations_journal_parent_sequence', 'registrations', ['journal_id', 'parent_id',
        'sequence'], unique=True, postgresql_where=sa.text('parent_id IS NOT NULL'))
    op.create_index('uq_registrations_journal_year_sequence', 'registrations', ['journal_id', 'year', 'sequence'],
        unique=True, postgresql_where=sa.text('parent_id IS NULL'))
    op.create_foreign_key('fk_registrations_parent_id_documents', 'registrations', 'documents', ['parent_id'], ['id'])
    for code, kind in JOURNAL_KINDS.items():
        op.execute(sa.text("UPDATE journals SET kind = :kind WHERE code = :code").bindparams(kind=kind, code=code))
    annex_journal = uuid.uuid4()
    op.execute(sa.text(
        "INSERT INTO journals (id, code, name, prefix, number_pattern, sequence_width, kind, is_active, created_at) "
        "VALUES (:id, 'ANX', 'Annexes (numbered within their contract)', 'A', '{parent_number}-A{child_seq}', 1, "
        "'contracts', true, :now)").bindparams(id=annex_journal, now=datetime.now(timezone.utc)))
    op.execute(sa.text("UPDATE document_types SET journal_id = :id WHERE code = 'annex'").bindparams(id=annex_journal))
    op.execute(sa.text(
        "UPDATE document_types SET fields = :fields, stages_field = 'stages', required_documents = "
        "(SELECT jsonb_agg(jsonb_build_object('type_id', id, 'per', 'stage', 'count', 1)) FROM document_types "
        " WHERE code IN ('completion_act', 'invoice')) WHERE code = 'contract'"
    ).bindparams(sa.bindparam("fields", type_=postgresql.JSONB), fields=[
        {"code": "stages", "label": "Stages", "kind": "number", "required": False, "reference_book": None,
         "retired": False}]))
    op.execute(SEARCH_BACKFILL)


def downgrade():
    op.execute("UPDATE document_types SET journal_id = (SELECT id FROM journals WHERE code = 'CTR') "
               "WHERE code = 'annex'")
    op.execute("DELETE FROM registrations WHERE journal_id = (SELECT id FROM journals WHERE code = 'ANX')")
    op.execute("DELETE FROM journal_counters WHERE journal_id = (SELECT id FROM journals WHERE code = 'ANX')")
    op.execute("DELETE FROM journals WHERE code = 'ANX'")
    op.drop_constraint('fk_registrations_parent_id_documents', 'registrations', type_='foreignkey')
    op.drop_index('uq_registrations_journal_year_sequence', table_name='registrations',
        postgresql_where=sa.text('parent_id IS NULL'))
    op.drop_index('uq_registrations_journal_parent_sequence', table_name='registrations',
        postgresql_where=sa.text('parent_id IS NOT NULL'))
    op.create_unique_constraint('registrations_journal_id_year_sequence_key', 'registrations', ['journal_id',
        'year', 'sequence'])
    op.drop_column('registrations', 'parent_id')
    op.drop_column('journals', 'is_active')
    op.drop_column('journals', 'kind')
    op.drop_column('file_versions', 'text_content')
    op.drop_index('ix_documents_type_id', table_name='documents')
    op.drop_index('ix_documents_search_vector', table_name='documents', postgresql_using='gin')
    op.drop_index('ix_documents_extra', table_name='documents', postgresql_using='gin',
        postgresql_ops={'extra': 'jsonb_path_ops'})
    op.drop_index('ix_documents_created_at', table_name='documents')
    op.drop_column('documents', 'search_vector')
    op.drop_column('documents', 'extra')
    op.drop_column('documents', 'department_id')
    op.drop_column('document_types', 'updated_at')
    op.drop_column('document_types', 'stages_field')
    op.drop_column('document_types', 'required_documents')
    op.drop_column('document_types', 'department_code')
    op.drop_column('document_types', 'department_id')
    op.drop_column('document_types', 'default_responsible_ids')
    op.drop_column('document_types', 'allowed_child_type_ids')
    op.drop_column('document_types', 'fields')
    op.drop_table('parent_counters')
    op.drop_table('saved_document_filters')
    op.drop_table('counterparty_names')
