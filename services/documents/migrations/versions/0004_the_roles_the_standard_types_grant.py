"""the roles the standard document types grant

Lawyers see every contract and annex, accountants every completion act and invoice
(docs/permissions.md). Administrators change these later in the type settings.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GRANTS = {
    "contract": ["lawyer"],
    "annex": ["lawyer"],
    "completion_act": ["accountant"],
    "invoice": ["accountant"],
}

types = sa.table("document_types", sa.column("code", sa.String),
                 sa.column("visible_to_roles", postgresql.ARRAY(sa.String(length=40))))


def upgrade():
    for code, roles in GRANTS.items():
        op.execute(types.update().where(types.c.code == code).values(visible_to_roles=roles))


def downgrade():
    op.execute(types.update().where(types.c.code.in_(list(GRANTS))).values(visible_to_roles=[]))
