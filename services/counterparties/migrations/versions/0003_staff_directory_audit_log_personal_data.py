"""staff directory, audit log, consent and anonymisation of contact persons

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 05:33:56.386190
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from chancery_common.audit import APPEND_ONLY_DDL, DROP_APPEND_ONLY_DDL

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('on_behalf_of', sa.Uuid(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('record_type', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('changes', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_audit_log'),
    sa.UniqueConstraint('hash', name='uq_audit_log_hash')
    )
    op.create_index('ix_audit_log_actor', 'audit_log', ['actor_id', 'occurred_at'], unique=False)
    op.create_index('ix_audit_log_record', 'audit_log', ['record_type', 'record_id'], unique=False)
    for statement in APPEND_ONLY_DDL:
        op.execute(statement)
    op.create_table('staff_directory',
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('department_id', sa.Uuid(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('employee_id', name='pk_staff_directory')
    )
    op.create_index('ix_staff_directory_department_id', 'staff_directory', ['department_id'], unique=False)
    op.add_column('contact_persons', sa.Column('consent_given_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('contact_persons', sa.Column('consent_method', sa.String(length=100), nullable=True))
    op.add_column('contact_persons', sa.Column('consent_withdrawn_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('contact_persons', sa.Column('anonymised_at', sa.DateTime(timezone=True), nullable=True))
    # contact_person.added no longer carries the name: rows still waiting in the outbox
    # go out without it
    op.execute("UPDATE outbox SET payload = payload - 'full_name' "
               "WHERE event_type = 'contact_person.added' AND payload ? 'full_name'")


def downgrade():
    op.drop_column('contact_persons', 'anonymised_at')
    op.drop_column('contact_persons', 'consent_withdrawn_at')
    op.drop_column('contact_persons', 'consent_method')
    op.drop_column('contact_persons', 'consent_given_at')
    op.drop_index('ix_staff_directory_department_id', table_name='staff_directory')
    op.drop_table('staff_directory')
    for statement in DROP_APPEND_ONLY_DDL:
        op.execute(statement)
    op.drop_index('ix_audit_log_record', table_name='audit_log')
    op.drop_index('ix_audit_log_actor', table_name='audit_log')
    op.drop_table('audit_log')
