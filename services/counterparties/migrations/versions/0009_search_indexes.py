"""trigram and full-text indexes for the directory search, and the timeline's index, at holding scale

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:10:00.000000

These indexes use pg_trgm's operator class and expressions, so the models do not declare
them: autogenerate lists them as removals; drop those lines from a new revision.
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# the expressions models.COUNTERPARTY_SEARCH_FIELDS and COUNTERPARTY_PHONE_DIGITS build
SEARCH_FIELDS = ("coalesce(name, '') || E'\\x1f' || coalesce(short_name, '') || E'\\x1f' || coalesce(tax_id, '') "
                 "|| E'\\x1f' || coalesce(email, '') || E'\\x1f' || coalesce(main_contact, '')")
PHONE_DIGITS = "regexp_replace(coalesce(phone, ''), '\\D', '', 'g')"


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX ix_counterparties_search_fields_trgm ON counterparties "
               f"USING gin (({SEARCH_FIELDS}) gin_trgm_ops)")
    op.execute(f"CREATE INDEX ix_counterparties_phone_digits_trgm ON counterparties "
               f"USING gin (({PHONE_DIGITS}) gin_trgm_ops)")
    op.execute("CREATE INDEX ix_contact_persons_full_name_trgm ON contact_persons USING gin (full_name gin_trgm_ops)")
    op.execute("CREATE INDEX ix_contact_persons_name_search ON contact_persons "
               "USING gin (to_tsvector('simple', full_name))")
    op.create_index('ix_history_entries_counterparty_occurred', 'history_entries', ['counterparty_id', 'occurred_at'],
                    unique=False)


def downgrade():
    op.drop_index('ix_history_entries_counterparty_occurred', table_name='history_entries')
    op.drop_index('ix_contact_persons_name_search', table_name='contact_persons')
    op.drop_index('ix_contact_persons_full_name_trgm', table_name='contact_persons')
    op.drop_index('ix_counterparties_phone_digits_trgm', table_name='counterparties')
    op.drop_index('ix_counterparties_search_fields_trgm', table_name='counterparties')
