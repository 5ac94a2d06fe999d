"""legal entities, absences, role permissions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 05:24:43.825813
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('legal_entities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=150), nullable=True),
    sa.Column('tax_id', sa.String(length=20), nullable=True),
    sa.Column('registration_number', sa.String(length=30), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('role_permissions',
    sa.Column('permission', sa.String(length=60), nullable=False),
    sa.Column('roles', postgresql.ARRAY(sa.String(length=50)), nullable=False),
    sa.PrimaryKeyConstraint('permission')
    )
    op.create_table('absences',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['deputy_id'], ['employees.id'], ),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_absences_employee_id'), 'absences', ['employee_id'], unique=False)
    op.add_column('departments', sa.Column('legal_entity_id', sa.Uuid(), nullable=True))
    op.create_foreign_key('fk_departments_legal_entity_id', 'departments', 'legal_entities', ['legal_entity_id'], ['id'])


def downgrade():
    # WARNING: constraint name is None; this directive will fail as
    # rendered.  Add a name, or use a naming convention; see
    # https://alembic.sqlalchemy.org/en/latest/naming.html
    op.drop_constraint('fk_departments_legal_entity_id', 'departments', type_='foreignkey')
    op.drop_column('departments', 'legal_entity_id')
    op.drop_index(op.f('ix_absences_employee_id'), table_name='absences')
    op.drop_table('absences')
    op.drop_table('role_permissions')
    op.drop_table('legal_entities')
