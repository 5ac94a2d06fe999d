"""The audit log: append-only, hash-chained, one per service, next to the records it describes.

Every change (who, when, on behalf of whom, which field from what to what) and every
read of personal data is one row, written in the same transaction as the change. Each
row's hash covers its content and the previous row's hash, so changing or removing a
row breaks the chain from there on; ``verify`` finds the first broken row, and a trigger
refuses UPDATE and DELETE on the table outright.

Values of personal-data fields are not copied into the log (only that they changed), so
erasing a person never has to touch it.

``python -m chancery_common.audit verify DATABASE_URL`` checks a service's chain.
"""
import argparse
import hashlib
import json
import sys
import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger, Column, DateTime, Identity, Index, String, Table, Uuid, create_engine, func, select,
    text,
)
from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy.dialects.postgresql import JSONB

from .database import normalise_url
from .errors import NotFound, PermissionDenied

GENESIS = "0" * 64
# one lock per database serialises the chain: two rows never claim the same predecessor
CHAIN_LOCK = 0x61756474  # "audt"

APPEND_ONLY_DDL = [
    """CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()""",
]
DROP_APPEND_ONLY_DDL = [
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_is_append_only()",
]


def _canonical(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def row_hash(row, prev_hash):
    body = {key: _canonical(row[key]) for key in (
        "occurred_at", "actor_id", "on_behalf_of", "action", "record_type", "record_id", "changes")}
    body["prev_hash"] = prev_hash
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class AuditLog:
    def __init__(self, metadata):
        self.table = Table(
            "audit_log", metadata,
            Column("id", BigInteger, Identity(), primary_key=True),
            Column("occurred_at", DateTime(timezone=True), nullable=False),
            Column("actor_id", Uuid),
            Column("on_behalf_of", Uuid),
            Column("action", String(40), nullable=False),
            Column("record_type", String(60), nullable=False),
            Column("record_id", Uuid, nullable=False),
            Column("changes", JSONB, nullable=False),
            Column("prev_hash", String(64), nullable=False),
            Column("hash", String(64), nullable=False, unique=True),
            Index("ix_audit_log_record", "record_type", "record_id"),
            Index("ix_audit_log_actor", "actor_id", "occurred_at"),
        )

    def record(self, session, *, actor_id, action, record_type, record_id, changes=None,
               on_behalf_of=None):
        """Append one row in the caller's transaction."""
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        t = self.table
        prev = session.execute(select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar() or GENESIS
        row = {"occurred_at": datetime.now(timezone.utc), "actor_id": actor_id,
               "on_behalf_of": on_behalf_of, "action": action, "record_type": record_type,
               "record_id": record_id, "changes": _canonical(changes or {})}
        session.execute(t.insert().values(**row, prev_hash=prev, hash=row_hash(row, prev)))

    def record_many(self, session, rows):
        """Append rows (each as ``record``'s keyword arguments) in the caller's transaction: one
        lock and one insert for all of them, chained in the order given."""
        if not rows:
            return
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
        t = self.table
        prev = session.execute(select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar() or GENESIS
        now = datetime.now(timezone.utc)
        chained = []
        for given in rows:
            row = {"occurred_at": now, "actor_id": given["actor_id"], "on_behalf_of": given.get("on_behalf_of"),
                   "action": given["action"], "record_type": given["record_type"],
                   "record_id": given["record_id"], "changes": _canonical(given.get("changes") or {})}
            digest = row_hash(row, prev)
            chained.append({**row, "prev_hash": prev, "hash": digest})
            prev = digest
        session.execute(t.insert(), chained)

    def entries(self, session, *, record_type=None, record_ids=None, actor_id=None, action=None,
                since=None, until=None, limit=100, offset=0):
        """Rows newest first, with the total matching."""
        t = self.table
        query = select(t)
        if record_type:
            query = query.where(t.c.record_type == record_type)
        if record_ids is not None:
            query = query.where(t.c.record_id.in_(record_ids))
        if actor_id:
            query = query.where(t.c.actor_id == actor_id)
        if action:
            query = query.where(t.c.action == action)
        if since:
            query = query.where(t.c.occurred_at >= since)
        if until:
            query = query.where(t.c.occurred_at < until)
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        rows = session.execute(query.order_by(t.c.id.desc()).limit(limit).offset(offset)).mappings().all()
        return [dict(row) for row in rows], total

    def readable(self, session, *, actor, checks, record_type=None, record_id=None, **filters):
        """Rows the actor may read, newest first, with the total.

        With ``view_audit``: any. Otherwise only those of one record the actor sees:
        ``checks`` maps a record type to a function of the record id that raises NotFound
        when the actor does not see it; other types do not exist for the actor.
        """
        if not actor.may("view_audit"):
            if record_id is None:
                raise PermissionDenied("your roles do not allow viewing the audit log",
                                       {"permission": "view_audit"})
            if record_type not in checks:
                raise NotFound(f"{record_type} {record_id} not found")
            checks[record_type](record_id)
        return self.entries(session, record_type=record_type,
                            record_ids=None if record_id is None else [record_id], **filters)

    def verified(self, session, *, actor):
        """Whether the chain is whole and the first row that breaks it (``view_audit``)."""
        if not actor.may("view_audit"):
            raise PermissionDenied("your roles do not allow viewing the audit log",
                                   {"permission": "view_audit"})
        intact, first_bad_id = self.verify(session.connection())
        return {"intact": intact, "first_bad_id": first_bad_id}

    def verify(self, connection):
        """(True, None) when the chain is whole, else (False, id of the first bad row)."""
        prev = GENESIS
        for row in connection.execute(select(self.table).order_by(self.table.c.id)).mappings():
            if row["prev_hash"] != prev or row_hash(row, prev) != row["hash"]:
                return False, row["id"]
            prev = row["hash"]
        return True, None


class AuditEntrySchema(Schema):
    """One audit row as services answer it over the bus."""

    id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    actor_id = fields.UUID(allow_none=True)
    on_behalf_of = fields.UUID(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = fields.UUID()
    changes = fields.Dict()
    hash = fields.String()


def audit_query_schema(record_types):
    """The schema of an audit query for a service whose rows are about ``record_types``."""

    class AuditQuerySchema(Schema):
        record_type = fields.String(load_default=None, validate=validate.OneOf(record_types))
        record_id = fields.UUID(load_default=None)
        actor_id = fields.UUID(load_default=None, metadata={"description": "rows written by this employee"})
        action = fields.String(load_default=None, validate=validate.Length(max=40))
        since = fields.AwareDateTime(load_default=None)
        until = fields.AwareDateTime(load_default=None)
        limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
        offset = fields.Integer(load_default=0, validate=validate.Range(min=0))

        @validates_schema
        def record_needs_its_type(self, data, **kwargs):
            if data.get("record_id") is not None and not data.get("record_type"):
                raise ValidationError("A record id needs its record type.", "record_type")

    return AuditQuerySchema


def diff(before, after, fields, personal=()):
    """Field -> {from, to} for the fields that changed; personal ones only say they changed."""
    changes = {}
    for name in fields:
        old, new = before.get(name), after.get(name)
        if old != new:
            changes[name] = {"changed": True} if name in personal else {"from": old, "to": new}
    return changes


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a service's audit chain.")
    parser.add_argument("command", choices=["verify"])
    parser.add_argument("database_url")
    args = parser.parse_args(argv)
    from sqlalchemy import MetaData
    log = AuditLog(MetaData())
    engine = create_engine(normalise_url(args.database_url))
    with engine.connect() as connection:
        ok, bad = log.verify(connection)
    engine.dispose()
    print("audit chain intact" if ok else f"audit chain broken at row {bad}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
