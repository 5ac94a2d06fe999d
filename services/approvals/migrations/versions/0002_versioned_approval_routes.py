"""versioned approval routes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:15:07.260104
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('routes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('document_type_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_type_id')
    )
    op.create_table('route_versions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('route_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('stages', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['route_id'], ['routes.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('route_id', 'version')
    )
    op.create_index(op.f('ix_route_versions_route_id'), 'route_versions', ['route_id'], unique=False)
    op.add_column('approvals', sa.Column('route_version_id', sa.Uuid(), nullable=True))
    op.create_foreign_key('fk_approvals_route_version_id', 'approvals', 'route_versions', ['route_version_id'], ['id'])


def downgrade():
    # WARNING: constraint name is None; this directive will fail as
    # rendered.  Add a name, or use a naming convention; see
    # https://alembic.sqlalchemy.org/en/latest/naming.html
    op.drop_constraint('fk_approvals_route_version_id', 'approvals', type_='foreignkey')
    op.drop_column('approvals', 'route_version_id')
    op.drop_index(op.f('ix_route_versions_route_id'), table_name='route_versions')
    op.drop_table('route_versions')
    op.drop_table('routes')
