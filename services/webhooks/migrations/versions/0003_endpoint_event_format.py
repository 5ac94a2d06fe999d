"""each endpoint chooses how an event is sent: the Chancery envelope, or a CloudEvent in
binary or structured mode

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 22:00:00.000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('endpoints', sa.Column('event_format', sa.String(length=30), nullable=False,
                                         server_default='chancery'))


def downgrade():
    op.drop_column('endpoints', 'event_format')
