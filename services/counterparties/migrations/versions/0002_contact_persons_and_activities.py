"""contact persons and activities

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:14:03.244956
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('contact_persons',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('counterparty_id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=True),
    sa.Column('phones', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('emails', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('consent_to_mailings', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['counterparty_id'], ['counterparties.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_contact_persons_counterparty_id'), 'contact_persons', ['counterparty_id'], unique=False)
    op.create_table('activities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('counterparty_id', sa.Uuid(), nullable=False),
    sa.Column('contact_person_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('phone_or_place', sa.String(length=300), nullable=True),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('responsible_id', sa.Uuid(), nullable=False),
    sa.Column('scheduled_by', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('follow_up_of', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contact_person_id'], ['contact_persons.id'], ),
    sa.ForeignKeyConstraint(['counterparty_id'], ['counterparties.id'], ),
    sa.ForeignKeyConstraint(['follow_up_of'], ['activities.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_activities_counterparty_id'), 'activities', ['counterparty_id'], unique=False)
    op.create_index('ix_activities_responsible_planned', 'activities', ['responsible_id', 'planned_at'], unique=False)


def downgrade():
    op.drop_index('ix_activities_responsible_planned', table_name='activities')
    op.drop_index(op.f('ix_activities_counterparty_id'), table_name='activities')
    op.drop_table('activities')
    op.drop_index(op.f('ix_contact_persons_counterparty_id'), table_name='contact_persons')
    op.drop_table('contact_persons')
