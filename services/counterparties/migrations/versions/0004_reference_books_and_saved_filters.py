"""reference books, characteristics of counterparties, saved filters

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 06:16:03.962102
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reference_values',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('is_archived', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_reference_values')
    )
    op.create_index('uq_reference_values_kind_name', 'reference_values', ['kind', sa.literal_column('lower(name)')], unique=True)
    op.create_table('saved_filters',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('query', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_saved_filters'),
    sa.UniqueConstraint('owner_id', 'name', name='uq_saved_filters_owner_name')
    )
    op.create_index(op.f('ix_saved_filters_owner_id'), 'saved_filters', ['owner_id'], unique=False)
    op.add_column('counterparties', sa.Column('activity_type_id', sa.Uuid(), nullable=True))
    op.add_column('counterparties', sa.Column('region_id', sa.Uuid(), nullable=True))
    op.add_column('counterparties', sa.Column('group_id', sa.Uuid(), nullable=True))
    op.add_column('counterparties', sa.Column('category_id', sa.Uuid(), nullable=True))
    op.add_column('counterparties', sa.Column('advertising_source_id', sa.Uuid(), nullable=True))
    op.create_index(op.f('ix_counterparties_activity_type_id'), 'counterparties', ['activity_type_id'], unique=False)
    op.create_index(op.f('ix_counterparties_advertising_source_id'), 'counterparties', ['advertising_source_id'], unique=False)
    op.create_index(op.f('ix_counterparties_category_id'), 'counterparties', ['category_id'], unique=False)
    op.create_index(op.f('ix_counterparties_group_id'), 'counterparties', ['group_id'], unique=False)
    op.create_index(op.f('ix_counterparties_region_id'), 'counterparties', ['region_id'], unique=False)
    op.create_foreign_key('fk_counterparties_region_id', 'counterparties', 'reference_values', ['region_id'], ['id'])
    op.create_foreign_key('fk_counterparties_group_id', 'counterparties', 'reference_values', ['group_id'], ['id'])
    op.create_foreign_key('fk_counterparties_advertising_source_id', 'counterparties', 'reference_values', ['advertising_source_id'], ['id'])
    op.create_foreign_key('fk_counterparties_category_id', 'counterparties', 'reference_values', ['category_id'], ['id'])
    op.create_foreign_key('fk_counterparties_activity_type_id', 'counterparties', 'reference_values', ['activity_type_id'], ['id'])
    # full-text search of the directory (the expression models.COUNTERPARTY_SEARCH_TEXT builds)
    op.execute("CREATE INDEX ix_counterparties_search ON counterparties USING gin "
               "(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' "
               "|| coalesce(email, '') || ' ' || coalesce(main_contact, '')))")


def downgrade():
    op.drop_index('ix_counterparties_search', table_name='counterparties')
    op.drop_constraint('fk_counterparties_activity_type_id', 'counterparties', type_='foreignkey')
    op.drop_constraint('fk_counterparties_category_id', 'counterparties', type_='foreignkey')
    op.drop_constraint('fk_counterparties_advertising_source_id', 'counterparties', type_='foreignkey')
    op.drop_constraint('fk_counterparties_group_id', 'counterparties', type_='foreignkey')
    op.drop_constraint('fk_counterparties_region_id', 'counterparties', type_='foreignkey')
    op.drop_index(op.f('ix_counterparties_region_id'), table_name='counterparties')
    op.drop_index(op.f('ix_counterparties_group_id'), table_name='counterparties')
    op.drop_index(op.f('ix_counterparties_category_id'), table_name='counterparties')
    op.drop_index(op.f('ix_counterparties_advertising_source_id'), table_name='counterparties')
    op.drop_index(op.f('ix_counterparties_activity_type_id'), table_name='counterparties')
    op.drop_column('counterparties', 'advertising_source_id')
    op.drop_column('counterparties', 'category_id')
    op.drop_column('counterparties', 'group_id')
    op.drop_column('counterparties', 'region_id')
    op.drop_column('counterparties', 'activity_type_id')
    op.drop_index(op.f('ix_saved_filters_owner_id'), table_name='saved_filters')
    op.drop_table('saved_filters')
    op.drop_index('uq_reference_values_kind_name', table_name='reference_values')
    op.drop_table('reference_values')
