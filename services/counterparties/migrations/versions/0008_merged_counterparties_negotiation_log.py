"""merged counterparties, negotiation log, reminders of important dates

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:40:26.778199
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# the negotiation stages a new installation starts with (users rename, reorder, merge them)
STAGES = (
    ("first_contact", "First contact"),
    ("needs_clarified", "Needs clarified"),
    ("offer_under_review", "Offer under review"),
    ("ready_for_meeting", "Ready for a meeting"),
    ("contract_negotiation", "Contract negotiation"),
    ("payment_expected", "Payment expected on invoice"),
    ("won", "Won"),
    ("lost", "Lost"),
    ("paused", "Paused"),
)


def upgrade():
    op.add_column('reference_values', sa.Column('position', sa.Integer(), server_default=sa.text('0'), nullable=False))
    op.add_column('reference_values', sa.Column('code', sa.String(length=60), nullable=True))
    op.create_table('negotiation_notes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('counterparty_id', sa.Uuid(), nullable=False),
    sa.Column('stage_id', sa.Uuid(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('decided', sa.Text(), nullable=True),
    sa.Column('client_priorities', sa.Text(), nullable=True),
    sa.Column('author_id', sa.Uuid(), nullable=False),
    sa.Column('noted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['counterparty_id'], ['counterparties.id'], name='fk_negotiation_notes_counterparty_id'),
    sa.ForeignKeyConstraint(['stage_id'], ['reference_values.id'], name='fk_negotiation_notes_stage_id'),
    sa.PrimaryKeyConstraint('id', name='pk_negotiation_notes')
    )
    op.create_index('ix_negotiation_notes_counterparty_noted', 'negotiation_notes', ['counterparty_id', 'noted_at'],
                    unique=False)
    op.create_index('ix_negotiation_notes_stage_id', 'negotiation_notes', ['stage_id'], unique=False)
    op.add_column('counterparties', sa.Column('merged_into_id', sa.Uuid(), nullable=True))
    op.add_column('counterparties', sa.Column('merged_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_counterparties_merged_into_id', 'counterparties', ['merged_into_id'], unique=False)
    op.create_foreign_key('fk_counterparties_merged_into_id', 'counterparties', 'counterparties',
                          ['merged_into_id'], ['id'])
    values = sa.table('reference_values', sa.column('id', sa.Uuid()), sa.column('kind', sa.String()),
                      sa.column('name', sa.String()), sa.column('is_archived', sa.Boolean()),
                      sa.column('position', sa.Integer()), sa.column('code', sa.String()),
                      sa.column('created_at', sa.DateTime(timezone=True)))
    op.bulk_insert(values, [{"id": uuid.uuid4(), "kind": "negotiation_stage", "name": name, "is_archived": False,
                             "position": position, "code": code, "created_at": datetime.now(timezone.utc)}
                            for position, (code, name) in enumerate(STAGES, start=1)])
    # important dates gain an id, ``remind`` (was ``remind_yearly``) and ``remind_days_before``
    op.execute("""
        UPDATE contact_persons SET important_dates = (
            SELECT coalesce(jsonb_agg(item || jsonb_build_object(
                'id', coalesce(item->>'id', gen_random_uuid()::text),
                'remind', coalesce((item->>'remind')::boolean, (item->>'remind_yearly')::boolean, false),
                'remind_days_before', coalesce((item->>'remind_days_before')::int, 0))), '[]'::jsonb)
            FROM jsonb_array_elements(important_dates) AS item)
        WHERE important_dates <> '[]'::jsonb
    """)


def downgrade():
    op.drop_constraint('fk_counterparties_merged_into_id', 'counterparties', type_='foreignkey')
    op.drop_index('ix_counterparties_merged_into_id', table_name='counterparties')
    op.drop_column('counterparties', 'merged_at')
    op.drop_column('counterparties', 'merged_into_id')
    op.drop_index('ix_negotiation_notes_stage_id', table_name='negotiation_notes')
    op.drop_index('ix_negotiation_notes_counterparty_noted', table_name='negotiation_notes')
    op.drop_table('negotiation_notes')
    op.execute("DELETE FROM reference_values WHERE kind = 'negotiation_stage'")
    op.drop_column('reference_values', 'code')
    op.drop_column('reference_values', 'position')
