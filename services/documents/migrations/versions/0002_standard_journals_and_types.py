"""standard journals and document types

The four journals every office keeps and the document types a firm starts with. Users
add and change their own later; these rows are ordinary data, not code.

Revision ID: 0002
Revises: 0001
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JOURNALS = [
    # code, name, prefix, pattern
    ("IN", "Incoming correspondence", "IN", "{prefix}-{year}-{seq}"),
    ("OUT", "Outgoing correspondence", "OUT", "{prefix}-{year}-{seq}"),
    ("INT", "Internal documents", "INT", "{prefix}-{year}-{seq}"),
    ("CTR", "Contracts", "CTR", "{prefix}-{year}-{seq}"),
]
TYPES = [
    # code, name, kind, journal code
    ("contract", "Contract", "contract", "CTR"),
    ("annex", "Annex (supplementary agreement)", "annex", "CTR"),
    ("completion_act", "Completion act", "completion_act", None),
    ("invoice", "Invoice", "invoice", None),
    ("work_order", "Work order", "work_order", "INT"),
    ("work_schedule", "Work schedule", "work_schedule", None),
    ("letter_incoming", "Incoming letter", "incoming", "IN"),
    ("letter_outgoing", "Outgoing letter", "outgoing", "OUT"),
    ("memo", "Internal memo", "internal", "INT"),
    ("protocol", "Protocol", "protocol", "INT"),
]

journals = sa.table("journals", sa.column("id", sa.Uuid), sa.column("code", sa.String),
                    sa.column("name", sa.String), sa.column("prefix", sa.String),
                    sa.column("number_pattern", sa.String), sa.column("sequence_width", sa.Integer),
                    sa.column("created_at", sa.DateTime(timezone=True)))
types = sa.table("document_types", sa.column("id", sa.Uuid), sa.column("code", sa.String),
                 sa.column("name", sa.String), sa.column("kind", sa.String),
                 sa.column("journal_id", sa.Uuid), sa.column("is_active", sa.Boolean),
                 sa.column("created_at", sa.DateTime(timezone=True)))


def upgrade():
    now = datetime.now(timezone.utc)
    journal_ids = {code: uuid.uuid4() for code, *_ in JOURNALS}
    op.bulk_insert(journals, [
        {"id": journal_ids[code], "code": code, "name": name, "prefix": prefix,
         "number_pattern": pattern, "sequence_width": 6, "created_at": now}
        for code, name, prefix, pattern in JOURNALS
    ])
    op.bulk_insert(types, [
        {"id": uuid.uuid4(), "code": code, "name": name, "kind": kind,
         "journal_id": journal_ids[journal] if journal else None, "is_active": True, "created_at": now}
        for code, name, kind, journal in TYPES
    ])


def downgrade():
    op.execute(types.delete().where(types.c.code.in_([t[0] for t in TYPES])))
    op.execute(journals.delete().where(journals.c.code.in_([j[0] for j in JOURNALS])))
