"""how each session was opened (password, oidc, ldap): sign-ins through the holding's
provider are not asked to enrol two-factor

Sessions open before this revision are taken as password sessions (the policy applies to
them until their next sign-in).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('sessions', sa.Column('source', sa.String(length=10),
                                        server_default=sa.text("'password'"), nullable=False))


def downgrade():
    op.drop_column('sessions', 'source')
